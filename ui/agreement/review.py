"""Reviewing two coders' disagreements and deciding each into the consensus coding."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.agreement.comparison import ComparisonView
from ui.agreement.disagreement_model import DisagreementModel, DisagreementRole
from ui.session import AppSession
from workbench.agreement import (
    AcceptAgreements,
    Adjudicate,
    Disagreement,
    decisions,
    find_disagreements,
)
from workbench.agreement.adjudication import CONSENSUS_NAMES, pending_agreements
from workbench.changes import Changes
from workbench.errors import WorkbenchError


class ReviewPage(QWidget):
    """The disagreements of two coders, both versions side by side, and the decisions."""

    #: Show a passage in the transcript: document id, start, end.
    jump_requested = Signal(int, int, int)
    #: A decision was taken (its passage key), after the command ran.
    decided = Signal(str)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._code_ids: list[int] | None = None
        self._pending = 0
        self._dirty = True  # found on first show, or when a run hands them over
        project = session.project
        self.model = DisagreementModel(project.text, self)

        self.coder_a = QComboBox(self)
        self.coder_b = QComboBox(self)
        self.code_filter = QComboBox(self)
        self.document_filter = QComboBox(self)
        self.code_filter.setMinimumContentsLength(12)
        self.document_filter.setMinimumContentsLength(16)
        self.document_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.progress = QLabel(self)
        self.copy_agreed = QPushButton(self)
        self.copy_agreed.setToolTip(
            self.tr("Copy every passage where both coders applied a code identically")
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare"), self))
        top.addWidget(self.coder_a)
        top.addWidget(QLabel(self.tr("with"), self))
        top.addWidget(self.coder_b)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Code:"), self))
        top.addWidget(self.code_filter)
        top.addWidget(QLabel(self.tr("Document:"), self))
        top.addWidget(self.document_filter)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addSpacing(8)
        top.addWidget(self.copy_agreed)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 70), (1, 110), (2, 80), (3, 64), (4, 200), (5, 200)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.comparison = ComparisonView(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (kept as the memo of the consensus coding)"))
        self.reason.setClearButtonEnabled(True)
        self.accept_a = QPushButton(self)
        self.accept_b = QPushButton(self)
        self.both = QPushButton(self.tr("Both"), self)
        self.both.setToolTip(self.tr("Code the union of both versions"))
        self.neither = QPushButton(self.tr("Neither"), self)
        self.neither.setToolTip(self.tr("Leave the passage uncoded; the reason goes to a memo"))
        self.start = QSpinBox(self)
        self.end = QSpinBox(self)
        for spin in (self.start, self.end):
            spin.setMaximum(0)
            spin.setAccelerated(True)
        self.use_selection = QPushButton(self.tr("Use selection"), self)
        self.use_selection.setToolTip(
            self.tr("Take the boundaries from the text selected in either version")
        )
        self.apply_edit = QPushButton(self.tr("Code these boundaries"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        decide = QGridLayout()
        decide.addWidget(self.reason, 0, 0, 1, 6)
        buttons = QHBoxLayout()
        for button in (self.accept_a, self.accept_b, self.both, self.neither):
            buttons.addWidget(button)
        buttons.addStretch(1)
        decide.addLayout(buttons, 1, 0, 1, 6)
        edit = QHBoxLayout()
        edit.addWidget(QLabel(self.tr("Edit boundaries:"), self))
        edit.addWidget(self.start)
        edit.addWidget(QLabel("–", self))
        edit.addWidget(self.end)
        edit.addWidget(self.use_selection)
        edit.addWidget(self.apply_edit)
        edit.addStretch(1)
        decide.addLayout(edit, 2, 0, 1, 6)
        decide.addWidget(self.status, 3, 0, 1, 6)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.comparison, 1)
        right_layout.addLayout(decide)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([560, 700])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self.accept_a.clicked.connect(lambda: self.decide("a"))
        self.accept_b.clicked.connect(lambda: self.decide("b"))
        self.both.clicked.connect(lambda: self.decide("both"))
        self.neither.clicked.connect(lambda: self.decide("neither"))
        self.apply_edit.clicked.connect(self._decide_edited)
        self.use_selection.clicked.connect(self._take_selection)
        self.copy_agreed.clicked.connect(self.copy_agreed_passages)
        self.code_filter.currentIndexChanged.connect(self._filter_changed)
        self.document_filter.currentIndexChanged.connect(self._filter_changed)
        self.coder_a.currentIndexChanged.connect(self._pair_changed)
        self.coder_b.currentIndexChanged.connect(self._pair_changed)
        session.bus.changed.connect(self._bus)
        self.fill_coders()
        self._update_buttons()

    # -- the pair of coders ---------------------------------------------------------------

    def fill_coders(self) -> None:
        """List the project's coders (not the consensus) in both choosers."""
        coders = [
            c for c in self._session.project.coders() if c.name.casefold() not in CONSENSUS_NAMES
        ]
        for combo in (self.coder_a, self.coder_b):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for coder in coders:
                combo.addItem(f"{coder.name} ({coder.initials})", coder.id)
            if current is not None and combo.findData(current) >= 0:
                combo.setCurrentIndex(combo.findData(current))
            combo.blockSignals(False)
        if self.coder_a.currentData() == self.coder_b.currentData() and self.coder_b.count() > 1:
            self.coder_b.blockSignals(True)
            self.coder_b.setCurrentIndex(1 if self.coder_a.currentIndex() == 0 else 0)
            self.coder_b.blockSignals(False)

    def pair(self) -> tuple[int, int] | None:
        """The two coders compared, when two different ones are chosen."""
        a, b = self.coder_a.currentData(), self.coder_b.currentData()
        if a is None or b is None or a == b:
            return None
        return int(a), int(b)

    def set_pair(
        self,
        coder_a: int,
        coder_b: int,
        code_ids: list[int] | None,
        disagreements: Sequence[Disagreement] | None = None,
    ) -> None:
        """Compare two coders on some codes (None: every code).

        ``disagreements``, when given, are theirs already found (off the GUI thread).
        """
        self._code_ids = code_ids
        for combo, coder in ((self.coder_a, coder_a), (self.coder_b, coder_b)):
            combo.blockSignals(True)
            if combo.findData(coder) < 0:
                self.fill_coders()
            combo.setCurrentIndex(max(0, combo.findData(coder)))
            combo.blockSignals(False)
        self.reload(disagreements)

    def _pair_changed(self) -> None:
        self.reload()

    # -- contents -----------------------------------------------------------------------------

    def reload(self, found: Sequence[Disagreement] | None = None) -> None:
        """Find the disagreements again (keeping the one selected), and the decisions."""
        self._dirty = False
        pair = self.pair()
        current = self.current()
        if pair is None:
            found = []
        elif found is None:
            try:
                found = find_disagreements(self._session.project, *pair, codes=self._code_ids)
            except WorkbenchError as error:
                found = []
                self.status.setText(str(error))
        if list(found) != self.model.all:
            project = self._session.project
            labels = {c.id: c.label or c.name for c in project.codes()}
            initials = {c.id: c.initials for c in project.coders()}
            names = ("A", "B") if pair is None else (initials[pair[0]], initials[pair[1]])
            self.model.set_disagreements(found, labels, names)
            self._fill_filters()
            self.accept_a.setText(self.tr("Accept {0}").format(names[0]))
            self.accept_b.setText(self.tr("Accept {0}").format(names[1]))
            self.accept_a.setToolTip(self.tr("Code the passage as {0} did").format(names[0]))
            self.accept_b.setToolTip(self.tr("Code the passage as {0} did").format(names[1]))
        self.refresh_decisions()
        if current is not None and self.model.row_of(current.key.passage) >= 0:
            self.select(current.key.passage)
        elif self.current() is None:
            self.comparison.clear()
        self._update_buttons()

    def _fill_filters(self) -> None:
        code, document = self.code_filter.currentData(), self.document_filter.currentData()
        self.code_filter.blockSignals(True)
        self.document_filter.blockSignals(True)
        self.code_filter.clear()
        self.document_filter.clear()
        self.code_filter.addItem(self.tr("All codes"), None)
        self.document_filter.addItem(self.tr("All documents"), None)
        seen_codes: dict[int, str] = {}
        seen_documents: dict[int, str] = {}
        for d in self.model.all:
            seen_codes.setdefault(d.code_id, d.code)
            seen_documents.setdefault(d.document_id, d.document)
        order = {c.id: i for i, c in enumerate(self._session.project.codes())}
        for code_id in sorted(seen_codes, key=lambda c: order.get(c, 0)):
            self.code_filter.addItem(seen_codes[code_id], code_id)
        for document_id, name in seen_documents.items():
            self.document_filter.addItem(name, document_id)
        self.code_filter.setCurrentIndex(max(0, self.code_filter.findData(code)))
        self.document_filter.setCurrentIndex(max(0, self.document_filter.findData(document)))
        self.code_filter.blockSignals(False)
        self.document_filter.blockSignals(False)
        self.model.set_filter(self.code_filter.currentData(), self.document_filter.currentData())

    def show_code(self, code_id: int | None, document_id: int | None = None) -> None:
        """List the disagreements on one code (in one document), and pick the first."""
        self.code_filter.blockSignals(True)
        self.document_filter.blockSignals(True)
        if code_id is not None and self.code_filter.findData(code_id) < 0:
            code = next((c for c in self._session.project.codes() if c.id == code_id), None)
            self.code_filter.addItem(code.label or code.name if code else str(code_id), code_id)
        self.code_filter.setCurrentIndex(max(0, self.code_filter.findData(code_id)))
        self.document_filter.setCurrentIndex(max(0, self.document_filter.findData(document_id)))
        self.code_filter.blockSignals(False)
        self.document_filter.blockSignals(False)
        self._filter_changed()

    def _filter_changed(self) -> None:
        self.model.set_filter(self.code_filter.currentData(), self.document_filter.currentData())
        if self.model.rowCount() == 0:
            self.comparison.clear()
            if self.pair() is not None:
                self.comparison.pane_a.header.setText(
                    self.tr("The two coders agree here: there is nothing to decide.")
                )
        else:
            self.table.selectRow(0)
        self._update_buttons()

    def refresh_decisions(self) -> None:
        """Read the decisions again; update the progress and the agreed-passages button."""
        pair = self.pair()
        if pair is None:
            self.model.set_decisions({})
            self.progress.clear()
            self.copy_agreed.setText(self.tr("Copy agreed passages to consensus"))
            self.copy_agreed.setEnabled(False)
            return
        project = self._session.project
        self.model.set_decisions(decisions(project, *pair))
        self.progress.setText(
            self.tr("{0} of {1} resolved").format(self.model.resolved(), len(self.model.all))
        )
        try:
            self._pending = pending_agreements(project, *pair, code_ids=self._code_ids)
        except WorkbenchError:
            self._pending = 0
        self.copy_agreed.setText(
            self.tr("Copy {0} agreed passages to consensus").format(self._pending)
            if self._pending
            else self.tr("Agreed passages are in the consensus")
        )
        self.copy_agreed.setEnabled(self._pending > 0)
        self._show_status()

    def _bus(self, changes: Changes) -> None:
        if "coder" in changes.kinds():
            self.fill_coders()
        if not self.isVisible():  # catch up when shown, not on every change elsewhere
            self._dirty = True
            return
        # Decisions live in a setting (a change with no ids): re-read on every change.
        self._reload_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._reload_timer.start()

    # -- the selected disagreement ---------------------------------------------------------------

    def current(self) -> Disagreement | None:
        """The disagreement selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        found = rows[0].data(DisagreementRole)
        return found if isinstance(found, Disagreement) else None

    def select(self, passage: str) -> bool:
        """Select a disagreement by its passage key; False when it is not listed."""
        row = self.model.row_of(passage)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _selection_changed(self) -> None:
        found = self.current()
        if found is not None:
            self._show(found)
        else:
            self.comparison.clear()
        self._update_buttons()

    def _show(self, d: Disagreement) -> None:
        project = self._session.project
        text = self.model.text(d.document_id)
        segments = project.segments(document_ids=[d.document_id], coder_ids=[d.coder_a, d.coder_b])
        codes = {c.id: c for c in project.codes()}
        coders = {c.id: c for c in project.coders()}
        self.comparison.show_disagreement(d, text, segments, codes, coders)
        for spin in (self.start, self.end):
            spin.setMaximum(len(text))
        self.start.setValue(d.start)
        self.end.setValue(d.end)
        decision = self.model.decision_of(d)
        self.reason.setText(decision.reason if decision is not None else "")
        self._show_status()

    def _show_status(self) -> None:
        d = self.current()
        if d is None:
            self.status.clear()
            return
        decision = self.model.decision_of(d)
        if decision is None:
            self.status.setText(self.tr("Not decided yet."))
            return
        spans = ", ".join(f"{s}–{e}" for s, e in decision.spans) or self.tr("uncoded")
        self.status.setText(
            self.tr("Decided: {0} ({1}). Deciding again replaces it.").format(
                self.model.decision_text(decision), spans
            )
        )

    def _activated(self, index: QModelIndex) -> None:
        found = index.siblingAtColumn(0).data(DisagreementRole)
        if isinstance(found, Disagreement):
            self.jump_requested.emit(found.document_id, found.start, found.end)

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        for widget in (
            self.accept_a,
            self.accept_b,
            self.both,
            self.neither,
            self.start,
            self.end,
            self.use_selection,
            self.apply_edit,
            self.reason,
        ):
            widget.setEnabled(chosen)

    # -- deciding ------------------------------------------------------------------------------

    def decide(self, decision: str, spans: Sequence[tuple[int, int]] = ()) -> bool:
        """Decide the selected disagreement; then move to the next undecided one."""
        d = self.current()
        if d is None:
            return False
        try:
            command = Adjudicate(d, decision, spans, self.reason.text())
        except WorkbenchError as error:
            self.status.setText(str(error))
            return False
        if self._session.run(command) is None:
            return False
        self.refresh_decisions()
        self.decided.emit(d.key.passage)
        self._next_undecided(d)
        return True

    def _decide_edited(self) -> None:
        start, end = self.start.value(), self.end.value()
        if end <= start:
            self.status.setText(self.tr("The end must come after the start."))
            return
        self.decide("edited", [(start, end)])

    def _take_selection(self) -> None:
        span = self.comparison.selected_span()
        if span is None:
            self.status.setText(self.tr("Select the passage in either version first."))
            return
        self.start.setValue(span[0])
        self.end.setValue(span[1])

    def _next_undecided(self, after: Disagreement) -> None:
        row = self.model.row_of(after.key.passage)
        rows = self.model.rowCount()
        for offset in range(1, rows + 1):
            candidate = (row + offset) % rows
            if self.model.decision_of(self.model.at(candidate)) is None:
                self.table.selectRow(candidate)
                return
        self._show_status()

    def copy_agreed_passages(self) -> bool:
        """Copy every agreed passage of the pair to the consensus (one undoable step)."""
        pair = self.pair()
        if pair is None:
            return False
        done = self._session.run(AcceptAgreements(*pair, code_ids=self._code_ids)) is not None
        self.refresh_decisions()
        return done
