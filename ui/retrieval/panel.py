"""The retrieval panel: coded passages of the selected codes, filterable, with jumps."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.retrieval.model import RetrievalModel, SegmentRole, SortRole
from ui.session import AppSession
from workbench.changes import Changes


class RetrievalPanel(QWidget):
    """Shows every segment of the codes chosen in the codebook; double-click jumps to it."""

    jump_requested = Signal(int, int, int)  # document id, start, end

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = RetrievalModel(session, self)
        self._title = ""
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.coder = QComboBox(self)
        self.attribute = QComboBox(self)
        self.value = QComboBox(self)
        self.summary = QLabel(self.tr("Select codes in the codebook to see their passages."), self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Coder:"), self))
        filters.addWidget(self.coder)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Attribute:"), self))
        filters.addWidget(self.attribute)
        filters.addWidget(self.value)
        filters.addStretch(1)
        filters.addWidget(self.summary)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        memo = self.model.columnCount() - 1
        header.setSectionResizeMode(memo, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(memo, 220)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        self._fill_filters()
        self.coder.currentIndexChanged.connect(self._coder_changed)
        self.attribute.currentIndexChanged.connect(self._attribute_changed)
        self.value.currentIndexChanged.connect(self._value_changed)
        self.model.modelReset.connect(self._update_summary)
        session.bus.changed.connect(self._bus)

    def _bus(self, changes: Changes) -> None:
        if {"coder", "attribute", "attribute_value", "document"} & changes.kinds():
            self._fill_filters()

    def _fill_filters(self) -> None:
        project = self._session.project
        for combo in (self.coder, self.attribute):
            combo.blockSignals(True)
        current_coder = self.coder.currentData()
        self.coder.clear()
        self.coder.addItem(self.tr("All coders"), None)
        for coder in project.coders():
            self.coder.addItem(f"{coder.name} ({coder.initials})", coder.id)
        if current_coder is not None:
            self.coder.setCurrentIndex(max(0, self.coder.findData(current_coder)))
        current_attribute = self.attribute.currentData()
        self.attribute.clear()
        self.attribute.addItem(self.tr("Any"), None)
        for attribute in project.attributes():
            self.attribute.addItem(attribute.name, attribute.name)
        if current_attribute is not None:
            self.attribute.setCurrentIndex(max(0, self.attribute.findData(current_attribute)))
        for combo in (self.coder, self.attribute):
            combo.blockSignals(False)
        self._fill_values()

    def _fill_values(self) -> None:
        name = self.attribute.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        self.value.setEnabled(name is not None)
        if name is not None:
            values = sorted(
                {
                    d.attributes[name]
                    for d in self._session.project.documents()
                    if name in d.attributes
                }
            )
            for value in values:
                self.value.addItem(value, value)
        self.value.blockSignals(False)

    def set_codes(self, code_ids: list[int]) -> None:
        """Show the passages of these codes."""
        self._title = ""
        self.model.set_codes(code_ids)

    def show_segments(self, segment_ids: list[int], title: str) -> None:
        """Show these passages (a matrix cell's, say) under a title."""
        self._title = title
        self.model.show_segments(segment_ids)

    def _coder_changed(self) -> None:
        self.model.set_coder(self.coder.currentData())

    def _attribute_changed(self) -> None:
        self._fill_values()
        self._value_changed()

    def _value_changed(self) -> None:
        name, value = self.attribute.currentData(), self.value.currentData()
        self.model.set_attribute_filter(
            (name, value) if name is not None and value is not None else None
        )

    def _update_summary(self) -> None:
        rows = self.model.rowCount()
        if not self.model.has_codes:
            self.summary.setText(self.tr("Select codes in the codebook to see their passages."))
        else:
            documents = len({self.model.row_at(r).document_id for r in range(rows)})
            text = self.tr("{0} passages in {1} documents").format(rows, documents)
            self.summary.setText(f"{self._title}: {text}" if self._title else text)

    def _activated(self, index: QModelIndex) -> None:
        row = (
            index.data(SegmentRole)
            if index.column() == 0
            else self.proxy.index(index.row(), 0).data(SegmentRole)
        )
        if row is not None:
            self.jump_requested.emit(row.document_id, row.start, row.end)
