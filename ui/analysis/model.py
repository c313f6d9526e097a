"""A matrix as a table model: row labels, shaded numbers, and a totals row that stays last."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from ui.analysis.query import MatrixTable

#: The number behind a cell, for sorting (the label column sorts in codebook order).
SortRole = Qt.ItemDataRole.UserRole + 1
#: True on the totals row and the totals column.
TotalRole = Qt.ItemDataRole.UserRole + 2
#: The cell's value as a float (None for the label column).
ValueRole = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex

#: The shading runs from white (zero) to this colour (the largest cell).
SHADE = (107, 174, 214)
#: Text on shaded cells: dark, whatever the palette, so that it reads on light shades.
INK = QColor(20, 20, 20)
#: Zeros are lighter, so that the cells with something stand out.
FAINT = QColor(150, 150, 150)


def shade(fraction: float) -> QColor:
    """The background of a cell holding ``fraction`` of the largest value (0 to 1)."""
    fraction = min(max(fraction, 0.0), 1.0)
    red, green, blue = (round(255 + (c - 255) * fraction) for c in SHADE)
    return QColor(red, green, blue)


class MatrixTableModel(QAbstractTableModel):
    """A :class:`~ui.analysis.query.MatrixTable`: a label column, then one column per key.

    The last row and the last column are the totals. Cells are shaded in proportion to
    their value among the body cells (totals are bold and not shaded); numbers are
    right-aligned; shares show as percentages.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: MatrixTable | None = None
        self._values = np.zeros((0, 0))
        self._largest = 0.0
        self._locale = QLocale()
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def table(self) -> MatrixTable | None:
        """The table shown (None before the first)."""
        return self._table

    @property
    def frame(self) -> pd.DataFrame:
        """The labelled values with totals (empty before the first table)."""
        return pd.DataFrame() if self._table is None else self._table.frame

    def set_table(self, table: MatrixTable | None) -> None:
        """Show another table."""
        self.beginResetModel()
        self._table = table
        if table is None:
            self._values = np.zeros((0, 0))
            self._largest = 0.0
        else:
            self._values = table.frame.to_numpy(dtype="float64")
            body = self._values[:-1, :-1]
            self._largest = float(body.max()) if body.size else 0.0
        self.endResetModel()

    # -- shape -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._values.shape[0]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._table is None:
            return 0
        return self._values.shape[1] + 1

    def is_total(self, row: int, column: int) -> bool:
        """Whether a cell is on the totals row or in the totals column (the last ones)."""
        rows, columns = self._values.shape
        return row == rows - 1 or column == columns

    # -- data --------------------------------------------------------------------------

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        table = self._table
        if table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        title = table.rows_title if section == 0 else str(table.frame.columns[section - 1])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int(side | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self._table
        if table is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        total = self.is_total(row, column)
        if role == TotalRole:
            return total
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if total else None
        if column == 0:
            return self._label_data(row, role)
        value = float(self._values[row, column - 1])
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(value)
        if role in (SortRole, ValueRole):
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and not total and value > 0 and self._largest:
            return shade(value / self._largest)
        if role == Qt.ItemDataRole.ForegroundRole and not total:
            return INK if value > 0 else FAINT
        if role == Qt.ItemDataRole.ToolTipRole:
            label = str(table.frame.index[row])
            heading = str(table.frame.columns[column - 1])
            return f"{label} × {heading}: {self.text(value)}"
        return None

    def _label_data(self, row: int, role: int) -> Any:
        assert self._table is not None
        label = str(self._table.frame.index[row])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == SortRole:
            return float(row)  # codebook order
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, value: float) -> str:
        """A value as shown: a percentage for shares, else a whole number with separators."""
        if self._table is not None and self._table.share:
            return f"{value:.0%}"
        if float(value).is_integer():
            return str(self._locale.toString(int(value)))
        return str(self._locale.toString(value, "f", 2))

    def plain(self, value: float) -> str:
        """A value for a spreadsheet: no thousands separators; shares as percentages."""
        if self._table is not None and self._table.share:
            return f"{value:.0%}"
        return str(int(value)) if float(value).is_integer() else f"{value:.2f}"

    # -- drilling down -----------------------------------------------------------------

    def keys(self, row: int, column: int) -> tuple[Hashable | None, Hashable | None]:
        """The row and column keys of a cell (None for a total); column 0 is the label."""
        assert self._table is not None
        rows, columns = self._table.row_keys, self._table.column_keys
        return (
            rows[row] if row < len(rows) else None,
            columns[column - 1] if 0 < column <= len(columns) else None,
        )

    def segments(self, row: int, column: int) -> list[int]:
        """The segments behind a cell (the label column means the whole row)."""
        if self._table is None:
            return []
        width = self._values.shape[1]
        return self._table.segments(row, width - 1 if column == 0 else column - 1)

    def title(self, row: int, column: int) -> str:
        """A cell's row and column labels, for the quotes it shows."""
        if self._table is None:
            return ""
        frame = self._table.frame
        label = str(frame.index[row])
        heading = str(frame.columns[-1 if column == 0 else column - 1])
        return f"{label} × {heading}"


class MatrixSortProxy(QSortFilterProxyModel):
    """Sorts by the numbers (or codebook order) and keeps the totals row last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        last = model.rowCount() - 1
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        # Descending order asks lessThan(right, left): answer so that the total ends last.
        if left.row() == last:
            return not ascending
        if right.row() == last:
            return ascending
        mine, theirs = left.data(SortRole), right.data(SortRole)
        if mine is None or theirs is None:
            return super().lessThan(left, right)
        if mine == theirs:  # ties keep the codebook order whichever way the sort goes
            return (left.row() < right.row()) == ascending
        return bool(mine < theirs)
