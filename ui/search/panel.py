"""The search panel: query, hits with context, jump to a hit, code all hits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.search.model import HitRole, HitsModel
from ui.session import AppSession
from workbench.errors import WorkbenchError
from workbench.search import hits_command

#: Asks the user for a code; returns its id or None.
CodePicker = Callable[[], "int | None"]


class SearchPanel(QWidget):
    """Full-text search, case- and accent-insensitive, with "code all hits"."""

    jump_requested = Signal(int, int, int)  # document id, start, end

    def __init__(
        self, session: AppSession, pick_code: CodePicker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._pick_code = pick_code
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr('Search: words, prefix*, "a phrase"'))
        self.query.setClearButtonEnabled(True)
        self.match = QComboBox(self)
        self.match.addItem(self.tr("any term"), "any")
        self.match.addItem(self.tr("all terms in a document"), "all")
        self.search_button = QPushButton(self.tr("Search"), self)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("the hits"), "hit")
        self.scope.addItem(self.tr("their paragraphs"), "paragraph")
        self.code_button = QPushButton(self.tr("Code all hits…"), self)
        self.code_button.setEnabled(False)
        self.status = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.query, 3)
        bar.addWidget(self.match)
        bar.addWidget(self.search_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Code"), self))
        bar.addWidget(self.scope)
        bar.addWidget(self.code_button)

        self.model = HitsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table)

        self.query.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.code_button.clicked.connect(self.code_all_hits)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

    def focus_query(self) -> None:
        """Put the cursor in the query box."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def run_search(self) -> None:
        """Search with the query as typed."""
        text = self.query.text().strip()
        if not text:
            return
        try:
            hits = self._session.search_index().search(text, match=self.match.currentData())
        except WorkbenchError as error:
            self.status.setText(str(error))
            self.model.set_hits([])
            self.code_button.setEnabled(False)
            return
        self.model.set_hits(hits)
        documents = len({h.document_id for h in hits})
        self.status.setText(self.tr("{0} hits in {1} documents").format(len(hits), documents))
        self.code_button.setEnabled(bool(hits))

    def code_all_hits(self) -> None:
        """Ask for a code, then code every hit (or paragraph) as one undoable step."""
        code_id = self._pick_code()
        if code_id is None:
            return
        try:
            command = hits_command(
                self._session.project, self.model.hits, code_id, scope=self.scope.currentData()
            )
        except WorkbenchError as error:
            self.status.setText(str(error))
            return
        if command is None:
            self.status.setText(self.tr("Every hit is coded with that code already."))
            return
        if self._session.run(command) is not None:
            self.status.setText(
                self.tr("Coded {0} passages. Edit > Undo takes them back.").format(
                    len(command.segments)
                )
            )

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.index(index.row(), 0).data(HitRole)
        if hit is not None:
            self.jump_requested.emit(hit.document_id, hit.start, hit.end)
