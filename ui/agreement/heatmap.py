"""The code x document heatmap: Cohen's kappa of two coders per code and document.

A coloured table (codes down, documents across) rather than an image, so that labels
stay readable, each cell has a tooltip with the counts, and a click opens the
disagreements of that code in that document. Codes that neither coder applied anywhere
are left out; a cell where kappa is undefined is grey, its reason in the tooltip.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.agreement.scale import INK, statistic_colour
from workbench.agreement import AgreementResult
from workbench.agreement.character import kappa_reason

Index = QModelIndex | QPersistentModelIndex
CellRole = Qt.ItemDataRole.UserRole + 1  # (code_id, document_id)


@dataclass(frozen=True)
class Cell:
    """One code in one document."""

    code_id: int
    document_id: int
    kappa: float | None
    percent: float | None
    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def reason(self) -> str | None:
        """Why kappa is undefined here; None when it is defined."""
        if self.kappa is not None:
            return None
        return kappa_reason(self.both, self.only_a, self.only_b, self.neither)


def short_name(name: str) -> str:
    """A document's name for a narrow column: up to its first " - ", at most 16 characters."""
    head = name.split(" - ")[0].strip()
    return head if len(head) <= 16 else head[:15].rstrip() + "…"


class HeatmapModel(QAbstractTableModel):
    """Per-document kappas of a two-coder, character-level result."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._codes: list[tuple[int, str, str]] = []  # id, label, path
        self._documents: list[tuple[int, str]] = []
        self._cells: dict[tuple[int, int], Cell] = {}
        self._initials = ("A", "B")

    def set_result(self, result: AgreementResult | None) -> None:
        """Show a two-coder character-level result's per-document values."""
        self.beginResetModel()
        self._codes, self._documents, self._cells = [], [], {}
        if result is not None and len(result.coders) == 2:
            self._initials = (result.coders[0].initials, result.coders[1].initials)
            self._documents = [(d.id, d.name) for d in result.documents]
            for entry in result.codes:
                rows = entry.by_document
                if not rows or not any(r["both"] or r["only_a"] or r["only_b"] for r in rows):
                    continue
                self._codes.append((entry.code_id, entry.label or entry.path, entry.path))
                for r in rows:
                    self._cells[entry.code_id, int(r["document_id"])] = Cell(
                        entry.code_id,
                        int(r["document_id"]),
                        r["kappa"],
                        r["percent_agreement"],
                        int(r["both"]),
                        int(r["only_a"]),
                        int(r["only_b"]),
                        int(r["neither"]),
                    )
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell | None:
        """The cell at a row and column."""
        if not (0 <= row < len(self._codes) and 0 <= column < len(self._documents)):
            return None
        return self._cells.get((self._codes[row][0], self._documents[column][0]))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._codes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._documents)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        names = self._codes if orientation == Qt.Orientation.Vertical else self._documents
        if not 0 <= section < len(names):
            return None
        if orientation == Qt.Orientation.Vertical:
            _id, label, path = self._codes[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return label
            if role == Qt.ItemDataRole.ToolTipRole:
                return path
            return None
        _id, name = self._documents[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_name(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        coded = cell.both or cell.only_a or cell.only_b
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.kappa is not None:
                return f"{cell.kappa:.2f}"
            return "" if not coded else self.tr("n/a")
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.kappa is None and not coded:
                return None  # nobody applied the code here: leave the cell blank
            return statistic_colour(cell.kappa)
        if role == Qt.ItemDataRole.ForegroundRole:
            return INK
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), index.column(), cell)
        if role == CellRole:
            return (cell.code_id, cell.document_id)
        return None

    def _tooltip(self, row: int, column: int, cell: Cell) -> str:
        a, b = self._initials
        lines = [
            f"<b>{html.escape(self._codes[row][2])}</b>",
            f"<i>{html.escape(self._documents[column][1])}</i>",
        ]
        if cell.kappa is None:
            lines.append(self.tr("Kappa undefined: {0}").format(html.escape(cell.reason or "")))
        else:
            lines.append(
                self.tr("Kappa {0:.2f}, agreement {1:.1f}%").format(cell.kappa, cell.percent or 0.0)
            )
        lines.append(
            self.tr("Characters: both {0}, only {1} {2}, only {3} {4}").format(
                cell.both, a, cell.only_a, b, cell.only_b
            )
        )
        return "<br>".join(lines)
