"""Choosing who codes: an existing coder of the project or a new one."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.commands.coders import initials_of
from workbench.entities import CoderInfo


class IdentityDialog(QDialog):
    """Pick a coder from the list, or type a new name (initials and colour follow)."""

    def __init__(
        self,
        coders: list[CoderInfo],
        suggested: tuple[str, str, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is coding?"))
        self._colour = QColor("#1f77b4")
        self.list = QListWidget(self)
        for coder in coders:
            item = QListWidgetItem(f"{coder.name} ({coder.initials})")
            item.setData(256, coder)
            self.list.addItem(item)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Your name"))
        self.initials = QLineEdit(self)
        self.initials.setMaxLength(4)
        self.colour_button = QPushButton(self.tr("Colour…"), self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Initials"), self.initials)
        form.addRow(self.tr("Colour"), self.colour_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your segments carry your name. Pick yourself from the list, or type a new name."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if coders:
            layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(self._picked)
        self.name.textEdited.connect(self._typed)
        self.colour_button.clicked.connect(self._choose_colour)
        if suggested:
            name, initials, colour = suggested
            self.name.setText(name)
            self.initials.setText(initials or initials_of(name))
            if QColor(colour).isValid():
                self._colour = QColor(colour)
        self._paint_colour()
        self._update_ok()
        self.name.textChanged.connect(self._update_ok)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        coder: CoderInfo = item.data(256)
        self.name.setText(coder.name)
        self.initials.setText(coder.initials)
        self._colour = QColor(coder.colour)
        self._paint_colour()

    def _typed(self, text: str) -> None:
        self.initials.setText(initials_of(text.strip()) if text.strip() else "")

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(self._colour, self, self.tr("Your colour"))
        if colour.isValid():
            self._colour = colour
            self._paint_colour()

    def _paint_colour(self) -> None:
        self.colour_button.setStyleSheet(f"background-color: {self._colour.name()};")

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    def identity(self) -> tuple[str, str, str]:
        """The chosen name, initials and colour (``#rrggbb``)."""
        name = " ".join(self.name.text().split())
        return name, self.initials.text().strip() or initials_of(name), self._colour.name()
