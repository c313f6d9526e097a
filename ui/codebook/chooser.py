"""A search box over a list of codes, ranked as you type (the palette and "Merge into")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ui.codebook.appearance import code_tooltip, display_text, swatch
from ui.codebook.delegate import HINT_ROLE, CodeDelegate
from ui.codebook.matching import CodeText, fold, rank
from ui.codebook.model import KIND_CODE, CodebookRole
from workbench.entities import CodeInfo

_NAVIGATION = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


class CodeMatchModel(QAbstractListModel):
    """The codes that match the query, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._codes: list[CodeInfo] = []

    def set_codes(self, codes: Sequence[CodeInfo]) -> None:
        # A new query gives a new ranking: nothing of the old order is worth keeping.
        self.beginResetModel()
        self._codes = list(codes)
        self.endResetModel()

    def code_ids(self) -> list[int]:
        return [c.id for c in self._codes]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._codes)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._codes):
            return None
        code = self._codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(code)
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(code.colour, code.codable)
        if role == Qt.ItemDataRole.ToolTipRole:
            return code_tooltip(code)
        if role == CodebookRole.ID:
            return code.id
        if role == CodebookRole.KIND:
            return KIND_CODE
        if role == CodebookRole.LABEL:
            return code.label
        if role == CodebookRole.NAME:
            return code.name
        if role == HINT_ROLE:
            return code.group or ""
        return None


class CodeChooser(QWidget):
    """A query line and the codes that match it; Enter or a double-click picks one.

    Signals:
        picked(code_id): the user chose a code (Enter in the query picks the current,
            by default the best, match).
    """

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(placeholder or self.tr("Type a label or part of a name"))
        self.query_edit.setClearButtonEnabled(True)
        self.list_view = QListView(self)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setItemDelegate(CodeDelegate(self.list_view))
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.matches = CodeMatchModel(self)
        self.list_view.setModel(self.matches)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label)
        self._candidates: list[tuple[CodeInfo, CodeText]] = []
        self._preferred: list[int] = []
        self.query_edit.textChanged.connect(self._update)
        self.query_edit.returnPressed.connect(self._pick_current)
        self.query_edit.installEventFilter(self)
        self.list_view.activated.connect(self._pick_index)
        self.setFocusProxy(self.query_edit)

    def set_candidates(self, codes: Iterable[CodeInfo], preferred: Sequence[int] = ()) -> None:
        """The codes to choose from, in tree order; ``preferred`` come first with no query."""
        self._candidates = [(c, CodeText.of(c.label, c.name, c.path)) for c in codes]
        self._preferred = list(preferred)
        self._update()

    def set_query(self, text: str) -> None:
        self.query_edit.setText(text)

    def results(self) -> list[int]:
        """The ids of the matching codes, best first."""
        return self.matches.code_ids()

    def current_code(self) -> int | None:
        """The highlighted match (the best one unless the user moved)."""
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        value = index.data(CodebookRole.ID)
        return int(value) if value is not None else None

    def _update(self) -> None:
        query = fold(self.query_edit.text())
        if query.strip():
            ranked = [
                (found, order, code)
                for order, (code, text) in enumerate(self._candidates)
                if (found := rank(query, text)) is not None
            ]
            ranked.sort(key=lambda item: (item[0], item[1]))
            codes = [code for _, _, code in ranked]
        else:
            first = {code_id: n for n, code_id in enumerate(self._preferred)}
            codes = [code for code, _ in self._candidates]
            codes.sort(key=lambda c: first.get(c.id, len(first)))
        self.matches.set_codes(codes)
        if codes:
            self.list_view.setCurrentIndex(self.matches.index(0, 0))
        elif not self._candidates:
            self.empty_label.setText(self.tr("The codebook has no codes to choose from yet."))
        else:
            self.empty_label.setText(
                self.tr("No code matches “{0}”.").format(self.query_edit.text().strip())
            )
        self.empty_label.setVisible(not codes)

    def _pick_current(self) -> None:
        code_id = self.current_code()
        if code_id is not None:
            self.picked.emit(code_id)

    def _pick_index(self, index: QModelIndex) -> None:
        value = index.data(CodebookRole.ID)
        if value is not None:
            self.picked.emit(int(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.query_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _NAVIGATION
        ):
            QApplication.sendEvent(self.list_view, event)
            return True
        return super().eventFilter(watched, event)
