"""The coders x coders matrix of Cohen's kappa, shown when more than two coders are compared."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.agreement.scale import INK, statistic_colour
from workbench.agreement import AgreementResult
from workbench.entities import CoderInfo

Index = QModelIndex | QPersistentModelIndex


class PairwiseModel(QAbstractTableModel):
    """Kappa of every pair of coders, pooled over codes and documents."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._coders: tuple[CoderInfo, ...] = ()
        self._matrix: list[list[float | None]] = []

    def set_result(self, result: AgreementResult | None) -> None:
        """Show a result's ``pairwise_kappa``; empty when it has none."""
        self.beginResetModel()
        matrix = result.overall.get("pairwise_kappa") if result is not None else None
        if result is not None and isinstance(matrix, list):
            self._coders = result.coders
            self._matrix = [list(row) for row in matrix]
        else:
            self._coders, self._matrix = (), []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._matrix)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._matrix)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not 0 <= section < len(self._coders):
            return None
        coder = self._coders[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return coder.initials
        if role == Qt.ItemDataRole.ToolTipRole:
            return coder.name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._matrix)):
            return None
        if not 0 <= index.column() < len(self._matrix):
            return None
        diagonal = index.row() == index.column()
        value = self._matrix[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if diagonal:
                return "—"
            return self.tr("n/a") if value is None else f"{value:.2f}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if diagonal:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return statistic_colour(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return INK
        if role == Qt.ItemDataRole.ToolTipRole:
            a, b = self._coders[index.row()], self._coders[index.column()]
            shown = self.tr("n/a") if value is None else f"{value:.2f}"
            return self.tr("{0} and {1}: kappa {2}").format(a.name, b.name, shown)
        return None
