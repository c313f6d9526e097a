"""A table model of the project's documents, refreshed from the change bus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.session import AppSession
from workbench.changes import Changes
from workbench.entities import DocumentInfo
from workbench.queries import attribute_for_role

DocumentIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

#: Attribute roles shown as columns, after name, source type, length and segments.
KEY_ROLES = ("state", "respondent_type", "ilab_project")

Index = QModelIndex | QPersistentModelIndex


class DocumentsModel(QAbstractTableModel):
    """Documents with their source type, length, number of segments and key attributes."""

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: list[DocumentInfo] = []
        self._role_names: dict[str, str] = {}
        self._headers: list[str] = []
        self._load()
        session.bus.changed.connect(self._changed)

    def _load(self) -> None:
        project = self._session.project
        self._rows = project.documents()
        names = {a.id: a.name for a in project.attributes()}
        with project.read() as session:
            roles = {
                role: attribute_for_role(session, role) for role in ("source_type", *KEY_ROLES)
            }
        self._role_names = {role: names[ident] for role, ident in roles.items() if ident in names}
        fixed = [
            self.tr("Document"),
            self.tr("Source type"),
            self.tr("Characters"),
            self.tr("Segments"),
        ]
        self._headers = fixed + [self._role_names[r] for r in KEY_ROLES if r in self._role_names]

    def _changed(self, changes: Changes) -> None:
        kinds = changes.kinds()
        if {"document", "attribute"} & kinds and (
            "document" in changes.added or "document" in changes.removed or "attribute" in kinds
        ):
            self.beginResetModel()
            self._load()
            self.endResetModel()
        elif {"segment", "attribute_value", "document"} & kinds and self._rows:
            self._load()
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def headers(self) -> list[str]:
        """Column titles: fixed ones, then the key attributes the project has."""
        return self._headers

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def _value(self, document: DocumentInfo, column: int) -> Any:
        if column == 0:
            return document.name
        if column == 1:
            name = self._role_names.get("source_type")
            return document.attributes.get(name, "") if name else ""
        if column == 2:
            return document.length
        if column == 3:
            return document.segments
        shown = [r for r in KEY_ROLES if r in self._role_names]
        return document.attributes.get(self._role_names[shown[column - 4]], "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        document = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(document, column)
            return f"{value:,}" if isinstance(value, int) else value
        if role == SortRole:
            return self._value(document, column)
        if role == DocumentIdRole:
            return document.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"<b>{document.name}</b>",
                f"{document.source_format} · {document.language or '?'}",
            ]
            lines += [f"{name}: {value}" for name, value in document.attributes.items()]
            return "<br>".join(lines)
        return None

    def document_at(self, row: int) -> DocumentInfo:
        """The document shown on a row."""
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        """The row of a document, if it is in the model."""
        for row, document in enumerate(self._rows):
            if document.id == document_id:
                return row
        return None
