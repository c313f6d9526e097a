"""The dashboard: the per-code table, the charts, and the methods sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.agreement.heatmap import CellRole, HeatmapModel
from ui.agreement.pairwise import PairwiseModel
from ui.agreement.report import AgreementReport
from ui.agreement.table_model import AgreementTableModel, CodeRole, SortRole

if TYPE_CHECKING:
    from ui.agreement.chart import StatisticChart


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(22)
    return table


class DashboardPage(QWidget):
    """What the last agreement run found, per code and per document."""

    #: A code (and document, or -1) was chosen to review its disagreements.
    code_chosen = Signal(int, int)
    #: The user asked to export the report.
    export_requested = Signal()
    export_word_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AgreementReport | None = None
        self.model = AgreementTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = _table(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.clicked.connect(self._row_clicked)
        self.table.activated.connect(self._row_clicked)

        self.heatmap = HeatmapModel(self)
        self.heatmap_view = _table(self)
        self.heatmap_view.setModel(self.heatmap)
        self.heatmap_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heatmap_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.heatmap_view.clicked.connect(self._cell_clicked)
        self.heatmap_caption = QLabel(self)
        self.heatmap_caption.setWordWrap(True)
        heatmap_page = QWidget(self)
        heatmap_layout = QVBoxLayout(heatmap_page)
        heatmap_layout.setContentsMargins(0, 0, 0, 0)
        heatmap_layout.addWidget(self.heatmap_caption)
        heatmap_layout.addWidget(self.heatmap_view, 1)

        self.pairwise = PairwiseModel(self)
        self.pairwise_view = _table(self)
        self.pairwise_view.setModel(self.pairwise)
        self.pairwise_view.horizontalHeader().setDefaultSectionSize(64)

        self.chart: StatisticChart | None = None
        self.chart_page = QWidget(self)
        self._chart_layout = QVBoxLayout(self.chart_page)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)

        self.views = QTabWidget(self)
        self.views.setDocumentMode(True)
        self.views.addTab(self.chart_page, self.tr("By code"))
        self.views.addTab(heatmap_page, self.tr("Code × document"))
        self.views.addTab(self.pairwise_view, self.tr("Coder pairs"))
        self.views.setTabVisible(2, False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.views)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.method = QLabel(self)
        self.method.setWordWrap(True)
        self.method.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.method.setTextFormat(Qt.TextFormat.PlainText)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the methods sentence"))
        self.copy_button.clicked.connect(self.copy_method)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setToolTip(
            self.tr("Save the per-code table as CSV, with the methods in a text file beside it")
        )
        self.export_button.clicked.connect(self.export_requested.emit)
        self.export_word_button = QPushButton(self.tr("Export Word…"), self)
        self.export_word_button.setToolTip(
            self.tr("Save the methods sentence and the per-code table as a Word document")
        )
        self.export_word_button.clicked.connect(self.export_word_requested.emit)
        footer = QHBoxLayout()
        footer.addWidget(self.method, 1)
        footer.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        footer.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        footer.addWidget(self.export_word_button, 0, Qt.AlignmentFlag.AlignTop)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.splitter, 1)
        content_layout.addLayout(footer)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.show_message(
            self.tr(
                "Choose two or more coders and a unit, then press Compute to see how far "
                "they agree, code by code."
            )
        )

    def show_message(self, message: str) -> None:
        """Show a message instead of results (before the first run, or when it failed)."""
        self.empty.setText(message)
        self.stack.setCurrentWidget(self.empty)

    def set_report(self, report: AgreementReport) -> None:
        """Show a report."""
        self.report = report
        result = report.result
        self.model.set_result(result)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.model.columnCount() > 1:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(1, 260)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.heatmap.set_result(report.cells)
        a, b = report.cells.coders[0], report.cells.coders[1]
        self.heatmap_caption.setText(
            self.tr(
                "Cohen's kappa per code and document, at the character level, for {0} and {1}. "
                "Codes neither applied are left out; blank cells: neither applied the code "
                "in that document. Click a cell to review its disagreements."
            ).format(a.initials, b.initials)
        )
        self.pairwise.set_result(result)
        self.views.setTabVisible(2, self.pairwise.rowCount() > 0)
        self._ensure_chart().set_result(result, self.model.leading)
        self.method.setText(result.method)
        self.stack.setCurrentIndex(1)

    def _ensure_chart(self) -> StatisticChart:
        if self.chart is None:
            from ui.agreement.chart import StatisticChart  # pyqtgraph loads only now

            self.chart = StatisticChart(self.chart_page)
            self.chart.code_clicked.connect(lambda code_id: self.code_chosen.emit(code_id, -1))
            self._chart_layout.addWidget(self.chart)
        return self.chart

    def copy_method(self) -> None:
        """Put the methods sentence on the clipboard."""
        QGuiApplication.clipboard().setText(self.method.text())

    def select_code(self, code_id: int) -> None:
        """Select a code's row."""
        row = self.model.row_of(code_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())

    def _row_clicked(self, index: QModelIndex) -> None:
        entry = index.siblingAtColumn(0).data(CodeRole)
        if entry is not None:
            self.code_chosen.emit(entry.code_id, -1)

    def _cell_clicked(self, index: QModelIndex) -> None:
        cell = index.data(CellRole)
        if cell is not None:
            code_id, document_id = cell
            self.code_chosen.emit(code_id, document_id)
