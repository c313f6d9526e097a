"""The per-code table: one row per code, its statistics, the counts behind them, documents."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.agreement.names import count_name, leading_statistic, statistic_name
from ui.agreement.scale import INK, statistic_colour
from workbench.agreement import AgreementResult, CodeAgreement
from workbench.codebook.tree import SEPARATOR

Index = QModelIndex | QPersistentModelIndex
CodeRole = Qt.ItemDataRole.UserRole + 1  # the CodeAgreement of the row
SortRole = Qt.ItemDataRole.UserRole + 2  # a number or text to sort by; undefined sorts first

_PERCENT = frozenset({"percent_agreement", "percent_agreement_mean", "percent_agreement_weighted"})


@dataclass(frozen=True)
class Column:
    """A column: what it shows and whence."""

    kind: str  # "code", "path", "statistic", "count" or "documents"
    key: str = ""


def format_value(key: str, value: float | None, undefined: str = "n/a") -> str:
    """A statistic as the table shows it: percentages with one decimal, others with two."""
    if value is None:
        return undefined
    if key in _PERCENT:
        return f"{value:.1f}"
    return f"{value:.2f}"


class AgreementTableModel(QAbstractTableModel):
    """An :class:`AgreementResult` as a table; the leading statistic is colour-coded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: AgreementResult | None = None
        self._columns: list[Column] = []
        self.leading: str | None = None

    @property
    def result(self) -> AgreementResult | None:
        """The result shown, if any."""
        return self._result

    def set_result(self, result: AgreementResult | None) -> None:
        """Show a result (None empties the table)."""
        self.beginResetModel()
        self._result = result
        self._columns = []
        self.leading = None
        if result is not None and result.codes:
            first = result.codes[0]
            statistics = [k for k in result.statistics if k in first.values]
            statistics += [k for k in first.values if k not in statistics]
            self.leading = leading_statistic(result.unit, statistics)
            if self.leading is not None:
                statistics.remove(self.leading)
                statistics.insert(0, self.leading)
            counts = [k for k, v in first.counts.items() if isinstance(v, int | float)]
            self._columns = [
                Column("code"),
                Column("path"),
                *(Column("statistic", k) for k in statistics),
                *(Column("count", k) for k in counts),
                Column("documents"),
            ]
        self.endResetModel()

    def column_of(self, kind: str, key: str = "") -> int:
        """The column that shows ``kind`` (and ``key``); -1 when none does."""
        for number, column in enumerate(self._columns):
            if column.kind == kind and (not key or column.key == key):
                return number
        return -1

    def code_at(self, row: int) -> CodeAgreement:
        """The code shown on a row."""
        assert self._result is not None
        return self._result.codes[row]

    def row_of(self, code_id: int) -> int:
        """The row of a code; -1 when it is not shown."""
        if self._result is None:
            return -1
        return next((i for i, c in enumerate(self._result.codes) if c.code_id == code_id), -1)

    # -- Qt's model interface ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._result is None:
            return 0
        return len(self._result.codes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(column)
        if role == Qt.ItemDataRole.ToolTipRole and self._result is not None:
            if column.kind == "statistic":
                return self._result.statistics.get(column.key)
            if column.kind == "count" and self._result.unit in ("character", "unitized"):
                return self.tr("characters")
            if column.kind == "count":
                return (
                    self.tr("segments") if self._result.unit == "segment" else self.tr("documents")
                )
        return None

    def _header(self, column: Column) -> str:
        if column.kind == "code":
            return self.tr("Code")
        if column.kind == "path":
            return self.tr("Name")
        if column.kind == "documents":
            return self.tr("Documents")
        if column.kind == "statistic":
            return statistic_name(column.key)
        assert self._result is not None
        return count_name(column.key, self._result.coders)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._result is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._result.codes)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        entry = self._result.codes[index.row()]
        column = self._columns[index.column()]
        if role == CodeRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SortRole:
            return self._sort_key(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind not in ("code", "path"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if column.kind == "statistic" and column.key == self.leading:
            if role == Qt.ItemDataRole.BackgroundRole:
                return statistic_colour(entry.values.get(column.key))
            if role == Qt.ItemDataRole.ForegroundRole:
                return INK
        return None

    def _display(self, entry: CodeAgreement, column: Column) -> str:
        if column.kind == "code":
            return entry.label or entry.path
        if column.kind == "path":
            return entry.path.rsplit(SEPARATOR, 1)[-1]
        if column.kind == "documents":
            return str(entry.documents)
        if column.kind == "statistic":
            return format_value(column.key, entry.values.get(column.key), self.tr("n/a"))
        value = entry.counts.get(column.key)
        return "" if value is None else f"{value:,}"

    def _sort_key(self, entry: CodeAgreement, column: Column) -> Any:
        if column.kind in ("code", "path"):
            return self._display(entry, column).casefold()
        if column.kind == "documents":
            return entry.documents
        source = entry.values if column.kind == "statistic" else entry.counts
        value = source.get(column.key)
        return float("-inf") if value is None else float(value)

    def _tooltip(self, entry: CodeAgreement, column: Column) -> str | None:
        if column.kind == "statistic":
            reason = entry.undefined.get(column.key)
            if reason is not None:
                return self.tr("Undefined: {0}").format(reason)
            return None
        if column.kind in ("code", "path"):
            group = f"<br><i>{html.escape(entry.group)}</i>" if entry.group else ""
            hint = self.tr("Click to review the disagreements on this code.")
            return f"<b>{html.escape(entry.path)}</b>{group}<br>{hint}"
        return None
