"""The welcome screen: shown once, on the first start, and again from Help.

It asks for the interface language and the coder identity this machine uses by
default (name, initials, colour), then offers the demo project or a new project from
the evaluation codebook. At the first start it comes before the main window, so the
language chosen applies at once; opened from Help, the language applies at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import settings
from workbench.commands.coders import initials_of

#: What the user asked for on leaving the welcome screen.
DEMO = "demo"
NEW_PROJECT = "new"
DEFAULT_COLOUR = "#1f77b4"
_SHOWN_KEY = "welcome/shown"


def welcome_pending() -> bool:
    """Whether the welcome screen has yet to be shown on this machine."""
    value = settings.settings().value(_SHOWN_KEY, False)
    return str(value).lower() not in ("true", "1")


def mark_welcome_shown() -> None:
    """Remember that the welcome screen was shown (it then stays away)."""
    settings.settings().setValue(_SHOWN_KEY, True)


def remember_default_identity(name: str, initials: str, colour: str) -> None:
    """Keep the machine's default coder identity (``settings.identity()`` reads it)."""
    store = settings.settings()
    store.setValue("identity/default/name", name)
    store.setValue("identity/default/initials", initials)
    store.setValue("identity/default/colour", colour)


class WelcomeDialog(QDialog):
    """Language, who codes on this machine, and a first project."""

    def __init__(self, parent: QWidget | None = None, *, live_language: bool = False) -> None:
        super().__init__(parent)
        self.live_language = live_language
        self.choice: str | None = None
        self._colour = QColor(DEFAULT_COLOUR)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.language_box = QGroupBox(self)
        self.language = QComboBox(self)
        for code in ("", "en", "es"):
            self.language.addItem("", code)
        self.language_note = QLabel(self)
        self.language_note.setWordWrap(True)
        language_layout = QVBoxLayout(self.language_box)
        language_layout.addWidget(self.language)
        language_layout.addWidget(self.language_note)

        self.identity_box = QGroupBox(self)
        self.name = QLineEdit(self)
        self.initials = QLineEdit(self)
        self.initials.setMaxLength(4)
        self.colour_button = QPushButton(self)
        self.colour_button.setMinimumWidth(140)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        self.identity_note = QLabel(self)
        self.identity_note.setWordWrap(True)
        self.field_labels = [QLabel(self) for _ in range(3)]
        self.form = QFormLayout(self.identity_box)
        for label, field in zip(
            self.field_labels, (self.name, self.initials, self.colour_button), strict=True
        ):
            label.setBuddy(field)
        self.form.addRow(self.field_labels[0], self.name)
        self.form.addRow(self.field_labels[1], self.initials)
        self.form.addRow(self.field_labels[2], colour_row)
        self.form.addRow(self.identity_note)

        self.demo_button = QPushButton(self)
        self.new_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.demo_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.language_box)
        layout.addWidget(self.identity_box)
        layout.addLayout(buttons)

        self._load()
        self._retranslate()
        self.name.textEdited.connect(self._typed_name)
        self.colour_button.clicked.connect(self._choose_colour)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.demo_button.clicked.connect(lambda: self._leave(DEMO))
        self.new_button.clicked.connect(lambda: self._leave(NEW_PROJECT))
        self.close_button.clicked.connect(lambda: self._leave(None))

    # -- texts (again when the language changes) ------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Coding Workbench"))
        self.title.setText(self.tr("Welcome to Coding Workbench"))
        self.intro.setText(
            self.tr(
                "Code interview and focus-group transcripts, compare coders and export "
                "tables for your report. Two questions first; you can change both later."
            )
        )
        self.language_box.setTitle(self.tr("Language of the program"))
        for index, text in enumerate((self.tr("System language"), "English", "Español")):
            self.language.setItemText(index, text)
        self.language_note.setText(
            self.tr("The program uses this language from now on.")
            if self.live_language
            else self.tr("The new language is used from the next start.")
        )
        self.identity_box.setTitle(self.tr("Who is coding on this computer?"))
        self.name.setPlaceholderText(self.tr("Your name"))
        self.initials.setPlaceholderText(self.tr("Shown beside your codings"))
        for label, text in zip(
            self.field_labels,
            (self.tr("&Name"), self.tr("&Initials"), self.tr("&Colour")),
            strict=True,
        ):
            label.setText(text)
        self.colour_button.setText(self.tr("Choose…"))
        self.identity_note.setText(
            self.tr(
                "Every passage you code carries your name. Projects ask again the first "
                "time you open them, with this filled in (Team > Switch coder changes it)."
            )
        )
        self.demo_button.setText(self.tr("Open the demo project"))
        self.new_button.setText(self.tr("New project from the evaluation codebook…"))
        self.close_button.setText(self.tr("Start"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- values ----------------------------------------------------------------------

    def _load(self) -> None:
        index = self.language.findData(settings.language())
        self.language.setCurrentIndex(max(index, 0))
        known = settings.identity()
        if known is not None:
            name, initials, colour = known
            self.name.setText(name)
            self.initials.setText(initials or initials_of(name))
            if QColor(colour).isValid():
                self._colour = QColor(colour)
        self._paint_colour()

    def _typed_name(self, text: str) -> None:
        self.initials.setText(initials_of(text.strip()) if text.strip() else "")

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(self._colour, self, self.tr("Your colour"))
        if colour.isValid():
            self.set_colour(colour.name())

    def set_colour(self, colour: str) -> None:
        """Use this colour (``#rrggbb``) for the coder."""
        self._colour = QColor(colour)
        self._paint_colour()

    def _paint_colour(self) -> None:
        self.colour_button.setStyleSheet(f"background-color: {self._colour.name()};")

    def language_code(self) -> str:
        """The language chosen: ``en``, ``es``, or empty for the system's."""
        return str(self.language.currentData() or "")

    def identity(self) -> tuple[str, str, str] | None:
        """The name, initials and colour typed, or None when no name was given."""
        name = " ".join(self.name.text().split())
        if not name:
            return None
        return name, self.initials.text().strip() or initials_of(name), self._colour.name()

    def _language_changed(self) -> None:
        if not self.live_language:
            return
        from ui.app import interface_language, switch_language

        settings.set_language(self.language_code())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            switch_language(app, interface_language())

    # -- leaving -----------------------------------------------------------------------

    def save(self) -> None:
        """Keep the language and identity, and do not show the welcome screen again."""
        settings.set_language(self.language_code())
        identity = self.identity()
        if identity is not None:
            remember_default_identity(*identity)
        mark_welcome_shown()

    def _leave(self, choice: str | None) -> None:
        self.choice = choice
        self.save()
        self.accept()

    def reject(self) -> None:
        """Closed with Escape or the window's button: keep what was typed all the same."""
        self.choice = None
        self.save()
        super().reject()


def welcome_on_first_start() -> str | None:
    """At the first start, show the welcome screen; returns the choice (DEMO, NEW_PROJECT)."""
    if not welcome_pending():
        return None
    dialog = WelcomeDialog(live_language=True)
    dialog.exec()
    return dialog.choice


def act_on(window: QWidget, choice: str | None) -> None:
    """Open the demo or start a new project in the main window, as chosen."""
    if choice == DEMO:
        from workbench.demo import default_demo_path

        demo = str(default_demo_path())
        identity = settings.identity()
        if identity is not None and settings.identity(demo) is None:
            # The name just given codes in the demo; no second question.
            settings.remember_identity(demo, *identity)
        window.open_demo()  # type: ignore[attr-defined]
    elif choice == NEW_PROJECT:
        window.start._new()  # type: ignore[attr-defined]


def show_welcome(window: QWidget) -> None:
    """The welcome screen from the Help menu, over the main window."""
    dialog = WelcomeDialog(window)
    dialog.exec()
    if dialog.choice is not None:
        QTimer.singleShot(0, lambda: act_on(window, dialog.choice))
