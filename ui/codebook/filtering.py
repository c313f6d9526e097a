"""The codebook filter: by label, name or definition, ignoring case and accents."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from ui.codebook.matching import contains_all, fold
from ui.codebook.model import KIND_CODE, CodebookRole


class CodebookFilter(QSortFilterProxyModel):
    """Shows the codes whose label, name or definition hold every word of the query.

    Groups and parent codes of a match stay visible (recursive filtering); a group
    with no match is hidden while a query is set.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        folded = " ".join(fold(text).split())
        if folded == self._query:
            return
        # Qt 6.9+ wants the filter change announced before the criterion changes.
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
            self._query = folded
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._query = folded
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._query:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if index.data(CodebookRole.KIND) != KIND_CODE:
            return False
        return contains_all(str(index.data(CodebookRole.SEARCH_TEXT) or ""), self._query)
