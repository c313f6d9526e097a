"""Memos on the project, the current document and the current code."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.session import AppSession
from workbench.changes import Changes
from workbench.commands.memos import AddMemo, DeleteMemo, EditMemo
from workbench.entities import MemoInfo
from workbench.queries import memos


class MemosPanel(QWidget):
    """Lists the memos of one target and edits them; edits are saved as you pause typing."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._document: tuple[int, str] | None = None
        self._code: tuple[int, str] | None = None
        self._memos: list[MemoInfo] = []
        self.target = QComboBox(self)
        self.add_button = QPushButton(self.tr("New memo"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.list = QListWidget(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(self.tr("Write here; the memo is saved as you type."))
        self.hint = QLabel(self)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(700)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Memos on"), self))
        top.addWidget(self.target, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.editor)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split)
        layout.addWidget(self.hint)

        self.target.currentIndexChanged.connect(self.reload)
        self.list.currentRowChanged.connect(self._show_current)
        self.add_button.clicked.connect(self.add_memo)
        self.delete_button.clicked.connect(self.delete_memo)
        self.editor.textChanged.connect(self._save_timer.start)
        self._save_timer.timeout.connect(self.save)
        session.bus.changed.connect(self._changed)
        self._fill_targets()

    def set_document(self, document_id: int | None, name: str = "") -> None:
        """The document whose memos can be shown."""
        self._document = (document_id, name) if document_id is not None else None
        self._fill_targets()

    def set_code(self, code_id: int | None, name: str = "") -> None:
        """The code whose memos can be shown."""
        self._code = (code_id, name) if code_id is not None else None
        self._fill_targets()

    def _fill_targets(self) -> None:
        current = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("the project"), ("project", None))
        if self._document is not None:
            self.target.addItem(
                self.tr("document: {0}").format(self._document[1]), ("document", self._document[0])
            )
        if self._code is not None:
            self.target.addItem(self.tr("code: {0}").format(self._code[1]), ("code", self._code[0]))
        index = self.target.findData(current) if current is not None else -1
        self.target.setCurrentIndex(index if index >= 0 else 0)
        self.target.blockSignals(False)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if "memo" in changes.kinds() and not self._save_timer.isActive():
            self.reload()

    def reload(self) -> None:
        """Read the memos of the chosen target again."""
        kind, ident = self.target.currentData() or ("project", None)
        with self._session.project.read() as session:
            self._memos = memos(session, kind, ident)
        selected = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for memo in self._memos:
            first = memo.title or (memo.text.strip().splitlines() or [self.tr("(empty)")])[0]
            item = QListWidgetItem(first[:60])
            item.setToolTip(memo.text)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self._memos:
            self.list.setCurrentRow(min(max(selected, 0), len(self._memos) - 1))
        else:
            self._show_current(-1)
        self.delete_button.setEnabled(bool(self._memos))

    def _show_current(self, row: int) -> None:
        self._save_timer.stop()
        self.editor.blockSignals(True)
        if 0 <= row < len(self._memos):
            self.editor.setPlainText(self._memos[row].text)
            self.editor.setEnabled(True)
            self.hint.setText(
                self.tr("Last changed {0}").format(
                    self._memos[row].updated_at.strftime("%Y-%m-%d %H:%M")
                )
            )
        else:
            self.editor.clear()
            self.editor.setEnabled(False)
            self.hint.setText(self.tr("No memo here yet: New memo starts one."))
        self.editor.blockSignals(False)

    def add_memo(self) -> None:
        """Start a new memo on the chosen target."""
        kind, ident = self.target.currentData() or ("project", None)
        command = AddMemo(kind, ident, "")
        if self._session.run(command) is not None:
            self.reload()
            self.list.setCurrentRow(len(self._memos) - 1)
            self.editor.setFocus()

    def save(self) -> None:
        """Store the text being edited, as an undoable edit."""
        row = self.list.currentRow()
        if not (0 <= row < len(self._memos)):
            return
        memo = self._memos[row]
        text = self.editor.toPlainText()
        if text != memo.text and self._session.run(EditMemo(memo.id, text)) is not None:
            self.reload()

    def delete_memo(self) -> None:
        """Delete the selected memo (undoable)."""
        row = self.list.currentRow()
        if 0 <= row < len(self._memos):
            self._save_timer.stop()
            self._session.run(DeleteMemo(self._memos[row].id))
            self.reload()
