"""A table of segments with their quoted text, document, code, coder and attributes."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.session import AppSession
from workbench.changes import Changes

SegmentRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RetrievedSegment:
    """One row: a segment and what a reader needs to judge it."""

    segment_id: int
    document_id: int
    start: int
    end: int
    quote: str
    document: str
    code: str
    coder: str
    coder_id: int
    memo: str
    attributes: dict[str, str]


class RetrievalModel(QAbstractTableModel):
    """Segments of some codes, filtered by coder and by an attribute value."""

    COLUMNS = ("Quote", "Document", "Code", "Coder", "Memo")

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._code_ids: list[int] = []
        self._segment_ids: list[int] | None = None
        self._coder_id: int | None = None
        self._attribute: tuple[str, str] | None = None
        self._rows: list[RetrievedSegment] = []
        self._texts: dict[int, str] = {}
        session.bus.changed.connect(self._changed)

    @property
    def has_codes(self) -> bool:
        """Whether any code (or a list of segments) is chosen."""
        return bool(self._code_ids) or self._segment_ids is not None

    def set_codes(self, code_ids: list[int]) -> None:
        """Show the segments of these codes (and their children's)."""
        self._code_ids = list(code_ids)
        self._segment_ids = None
        self.reload()

    def show_segments(self, segment_ids: list[int]) -> None:
        """Show these segments (the quotes behind a matrix cell, say) instead of codes'."""
        self._segment_ids = list(segment_ids)
        self._code_ids = []
        self.reload()

    def set_coder(self, coder_id: int | None) -> None:
        """Show one coder's segments, or everyone's (None)."""
        self._coder_id = coder_id
        self.reload()

    def set_attribute_filter(self, attribute: tuple[str, str] | None) -> None:
        """Keep segments of documents whose attribute ``name`` has ``value``."""
        self._attribute = attribute
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if {"segment", "code", "coder", "document", "attribute_value"} & changes.kinds():
            if "document" in changes.removed:
                for document_id in changes.removed["document"]:
                    self._texts.pop(document_id, None)
            self.reload()

    def _with_children(self) -> set[int]:
        codes = self._session.project.codes()
        wanted = set(self._code_ids)
        for code in codes:  # tree order: a parent comes before its children
            if code.parent_id in wanted:
                wanted.add(code.id)
        return wanted

    def reload(self) -> None:
        """Query the segments again."""
        project = self._session.project
        self.beginResetModel()
        self._rows = []
        if self.has_codes:
            codes = {c.id: (f"{c.label} {c.name}".strip()) for c in project.codes()}
            coders = {c.id: c.name for c in project.coders()}
            documents = {d.id: d for d in project.documents()}
            coder_ids = None if self._coder_id is None else [self._coder_id]
            if self._segment_ids is None:
                segments = project.segments(code_ids=self._with_children(), coder_ids=coder_ids)
            else:  # in chunks: a database takes a limited number of values in one query
                ids = self._segment_ids
                segments = [
                    s
                    for at in range(0, len(ids), 500)
                    for s in project.segments(segment_ids=ids[at : at + 500], coder_ids=coder_ids)
                ]
                segments.sort(key=lambda s: (s.document_id, s.start, s.end, s.id))
            for segment in segments:
                document = documents[segment.document_id]
                if self._attribute is not None:
                    name, value = self._attribute
                    if document.attributes.get(name) != value:
                        continue
                if segment.document_id not in self._texts:
                    self._texts[segment.document_id] = project.text(segment.document_id)
                text = self._texts[segment.document_id]
                self._rows.append(
                    RetrievedSegment(
                        segment_id=segment.id,
                        document_id=segment.document_id,
                        start=segment.start,
                        end=segment.end,
                        quote=text[segment.start : segment.end],
                        document=document.name,
                        code=codes.get(segment.code_id, "?"),
                        coder=coders.get(segment.coder_id, "?"),
                        coder_id=segment.coder_id,
                        memo=segment.memo,
                        attributes=document.attributes,
                    )
                )
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            titles = (
                self.tr("Quote"),
                self.tr("Document"),
                self.tr("Code"),
                self.tr("Coder"),
                self.tr("Memo"),
            )
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        values = (" ".join(row.quote.split()), row.document, row.code, row.coder, row.memo)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if role == SortRole and index.column() == 0:
                return (row.document, row.start)
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            details = "<br>".join(html.escape(f"{k}: {v}") for k, v in row.attributes.items())
            where = f"<i>{html.escape(row.document)}</i> [{row.start}–{row.end}]"
            return f"<p>{html.escape(row.quote)}</p><p>{where}<br>{details}</p>"
        if role == SegmentRole:
            return row
        return None

    def row_at(self, row: int) -> RetrievedSegment:
        """The segment shown on a row."""
        return self._rows[row]
