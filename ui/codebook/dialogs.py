"""Dialogs of the codebook: a code's properties, deleting a code, merging codes.

They are opened with ``open()`` (window-modal, not blocking) and report through their
``finished`` signal; nothing here writes to the project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.codebook.appearance import display_text, swatch
from ui.codebook.chooser import CodeChooser
from workbench.entities import CodeGroupInfo, CodeInfo

#: Called with the changed fields when the user presses OK; returns an error message
#: to show (the dialog stays open) or None (the dialog closes).
Submit = Callable[[dict[str, Any]], "str | None"]

_TEXT_FIELDS = (
    (
        "definition",
        QT_TRANSLATE_NOOP("CodeDialog", "Definition"),
        QT_TRANSLATE_NOOP("CodeDialog", "What the code means, in a sentence or two."),
    ),
    (
        "inclusion",
        QT_TRANSLATE_NOOP("CodeDialog", "Include"),
        QT_TRANSLATE_NOOP("CodeDialog", "When to apply it."),
    ),
    (
        "exclusion",
        QT_TRANSLATE_NOOP("CodeDialog", "Exclude"),
        QT_TRANSLATE_NOOP("CodeDialog", "When not to apply it (and which code to use instead)."),
    ),
    (
        "example",
        QT_TRANSLATE_NOOP("CodeDialog", "Example"),
        QT_TRANSLATE_NOOP("CodeDialog", "A typical passage."),
    ),
)

#: Counted nouns, singular and plural (translated where they are shown).
_NOUNS = {
    "child code": (
        QT_TRANSLATE_NOOP("DeleteCodeDialog", "{0} child code"),
        QT_TRANSLATE_NOOP("DeleteCodeDialog", "{0} child codes"),
    ),
    "coded segment": (
        QT_TRANSLATE_NOOP("DeleteCodeDialog", "{0} coded segment"),
        QT_TRANSLATE_NOOP("DeleteCodeDialog", "{0} coded segments"),
    ),
    "segment": (
        QT_TRANSLATE_NOOP("DeleteCodeDialog", "{0} segment"),
        QT_TRANSLATE_NOOP("DeleteCodeDialog", "{0} segments"),
    ),
}


def _count(n: int, noun: str) -> str:
    one, many = _NOUNS[noun]
    return QCoreApplication.translate("DeleteCodeDialog", one if n == 1 else many).format(n)


class CodeDialog(QDialog):
    """Name, label, colour, codable, group and the rules of a code (new or existing)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        groups: Sequence[CodeGroupInfo],
        code: CodeInfo | None = None,
        group_id: int | None = None,
        colour: str = "#4e79a7",
        parent_code: CodeInfo | None = None,
        submit: Submit | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.code = code
        self._submit = submit
        self._initial: dict[str, Any] = {}
        self.colour_dialog: QColorDialog | None = None

        self.name_edit = QLineEdit(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setPlaceholderText(self.tr("e.g. 1b"))
        self.label_edit.setMaximumWidth(140)
        self.colour_button = QPushButton(self)
        self.colour_button.clicked.connect(self.choose_colour)
        self.codable_check = QCheckBox(
            self.tr("Can be applied to text (uncheck for a folder)"), self
        )
        self.group_combo = QComboBox(self)
        self.group_combo.addItem(self.tr("(no group)"), None)
        for group in groups:
            self.group_combo.addItem(group.name, group.id)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.hide()

        form = QFormLayout()
        if parent_code is not None:
            form.addRow(self.tr("Parent:"), QLabel(display_text(parent_code), self))
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Label:"), self.label_edit)
        form.addRow(self.tr("C&olour:"), self.colour_button)
        form.addRow("", self.codable_check)
        form.addRow(self.tr("&Group:"), self.group_combo)
        if parent_code is not None or (code is not None and code.parent_id is not None):
            # Only top-level codes are shown by group; a child sits under its parent.
            self.group_combo.setEnabled(False)
            self.group_combo.setToolTip(self.tr("A child code is shown under its parent code."))
        for key, caption, hint in _TEXT_FIELDS:
            edit = QPlainTextEdit(self)
            edit.setPlaceholderText(self.tr(hint))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(54)
            self.texts[key] = edit
            form.addRow(f"{self.tr(caption)}:", edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if code is not None:
            self.name_edit.setText(code.name)
            self.label_edit.setText(code.label)
            colour = code.colour
            self.codable_check.setChecked(code.codable)
            for key, edit in self.texts.items():
                edit.setPlainText(getattr(code, key))
        else:
            self.codable_check.setChecked(True)
        self.set_colour(colour)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(group_id), 0))
        self.name_edit.textChanged.connect(self._check_name)
        self._check_name()
        self._initial = self.values()
        self.resize(480, 560)

    # -- values ---------------------------------------------------------------------

    def colour(self) -> str:
        return str(self.colour_button.property("colour"))

    def set_colour(self, colour: str) -> None:
        self.colour_button.setProperty("colour", QColor(colour).name())
        self.colour_button.setIcon(swatch(QColor(colour).name()))
        self.colour_button.setText(QColor(colour).name())

    def values(self) -> dict[str, Any]:
        """Every field, as ``UpdateCode`` and ``CodeSpec`` name them."""
        values: dict[str, Any] = {
            "name": " ".join(self.name_edit.text().split()),
            "label": self.label_edit.text().strip(),
            "colour": self.colour(),
            "codable": self.codable_check.isChecked(),
            "group_id": self.group_combo.currentData(),
        }
        for key, edit in self.texts.items():
            values[key] = edit.toPlainText().strip()
        return values

    def changed_values(self) -> dict[str, Any]:
        """The fields the user changed since the dialog opened."""
        return {k: v for k, v in self.values().items() if self._initial.get(k) != v}

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # -- behaviour ------------------------------------------------------------------

    def _check_name(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def choose_colour(self) -> None:
        """Open the colour chooser (not blocking); a choice updates the button."""
        dialog = QColorDialog(QColor(self.colour()), self)
        dialog.setWindowTitle(self.tr("Colour of the code"))
        dialog.colorSelected.connect(lambda chosen: self.set_colour(chosen.name()))
        dialog.finished.connect(dialog.deleteLater)
        self.colour_dialog = dialog
        dialog.open()

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            return
        if self._submit is not None:
            error = self._submit(self.changed_values() if self.code else self.values())
            if error:
                self.show_error(error)
                return
        super().accept()


class DeleteCodeDialog(QMessageBox):
    """Asks before deleting a code, saying how many segments it affects.

    ``choice()`` after it closes: ``"delete"`` (the segments go too), ``"parent"``
    (they move to the parent code) or None (cancelled).
    """

    def __init__(
        self,
        parent: QWidget | None,
        code: CodeInfo,
        *,
        children: int,
        segments: int,
        parent_code: CodeInfo | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete code"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.segments = segments
        if children:
            question = self.tr("Delete “{0}” and its {1}?").format(
                display_text(code), _count(children, "child code")
            )
        else:
            question = self.tr("Delete “{0}”?").format(display_text(code))
        self.setText(question)
        lines = []
        if segments:
            lines.append(self.tr("{0} will be affected.").format(_count(segments, "coded segment")))
            if parent_code is not None:
                lines.append(
                    self.tr("Delete them, or move them to the parent code “{0}”?").format(
                        display_text(parent_code)
                    )
                )
        else:
            lines.append(self.tr("No passage is coded with it."))
        lines.append(self.tr("You can undo this with Edit > Undo (Ctrl+Z)."))
        self.setInformativeText("\n\n".join(lines))
        self.delete_button = self.addButton(
            self.tr("Delete code and segments") if segments else self.tr("Delete code"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self.move_button: QAbstractButton | None = None
        if segments and parent_code is not None:
            self.move_button = self.addButton(
                self.tr("Move segments to parent"), QMessageBox.ButtonRole.AcceptRole
            )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> str | None:
        clicked = self.clickedButton()
        if clicked is self.delete_button:
            return "delete"
        if self.move_button is not None and clicked is self.move_button:
            return "parent"
        return None


class MergeCodeDialog(QDialog):
    """Choose the code that another code is merged into."""

    def __init__(
        self, parent: QWidget | None, source: CodeInfo, candidates: Sequence[CodeInfo]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge code"))
        self.source = source
        intro = QLabel(
            self.tr(
                "Merge “{0}” into the code you choose: its {1} and its child codes move "
                "there, and “{2}” is deleted. You can undo this."
            ).format(
                display_text(source),
                _count(source.segments, "segment"),
                source.label or source.name,
            ),
            self,
        )
        intro.setWordWrap(True)
        self.chooser = CodeChooser(self, placeholder=self.tr("Filter: label or part of a name"))
        self.chooser.set_candidates(candidates)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.chooser.picked.connect(lambda _code_id: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.buttons)
        self.chooser.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(460, 420)

    def target(self) -> int | None:
        """The chosen code (the highlighted match)."""
        return self.chooser.current_code()

    def accept(self) -> None:
        if self.target() is not None:
            super().accept()
