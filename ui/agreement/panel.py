"""The agreement panel: choose coders, unit and codes; compute; review and adjudicate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.agreement import report as reports
from ui.agreement.dashboard import DashboardPage
from ui.agreement.export import write_report
from ui.agreement.names import unit_name
from ui.agreement.report import AgreementReport, AgreementRequest
from ui.agreement.review import ReviewPage
from ui.progress import TaskProgress
from ui.session import AppSession
from ui.workers import ProgressCallback, Worker, start
from workbench.agreement.adjudication import CONSENSUS_NAMES
from workbench.changes import Changes


class AgreementPanel(QWidget):
    """Inter-coder agreement: a dashboard per code and document, and adjudication.

    Compute runs off the GUI thread. A click on a code (a row, a bar or a heatmap cell)
    lists its disagreements between the first two coders chosen; each can be decided
    into the consensus coding, undoably.
    """

    #: Show a passage in the transcript: document id, start, end (code points).
    jump_requested = Signal(int, int, int)
    #: The codes under review (a list of ids), to emphasise in the transcript and list in
    #: the retrieval panel.
    compare_requested = Signal(list)
    #: A report arrived (an :class:`AgreementReport`).
    computed = Signal(object)
    #: A run failed; the message says why.
    failed = Signal(str)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._worker: Worker | None = None
        self.report: AgreementReport | None = None
        self._coder_actions: list[QAction] = []
        self._initials: dict[int, str] = {}

        self.coders_button = QToolButton(self)
        self.coders_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.coders_menu = QMenu(self)
        self.coders_button.setMenu(self.coders_menu)
        self.coders_button.setMinimumWidth(96)
        self.coders_button.setToolTip(
            self.tr("Two or more coders; the first two are compared passage by passage")
        )
        self.unit = QComboBox(self)
        for unit in reports.UNITS:
            self.unit.addItem(unit_name(unit), unit)
        self.codes = QComboBox(self)
        self.min_overlap = QSpinBox(self)
        self.min_overlap.setRange(1, 100)
        self.min_overlap.setValue(90)
        self.min_overlap.setSuffix(" %")
        self.min_overlap.setToolTip(
            self.tr("At the segment level, how much of their union two segments must share")
        )
        self.overlap_label = QLabel(self.tr("Min. overlap:"), self)
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.compute_button.setDefault(True)
        self.local_progress = TaskProgress(self)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Coders:"), self))
        controls.addWidget(self.coders_button)
        controls.addSpacing(8)
        controls.addWidget(QLabel(self.tr("Unit:"), self))
        controls.addWidget(self.unit)
        controls.addWidget(self.overlap_label)
        controls.addWidget(self.min_overlap)
        controls.addSpacing(8)
        controls.addWidget(QLabel(self.tr("Codes:"), self))
        controls.addWidget(self.codes)
        controls.addSpacing(8)
        controls.addWidget(self.compute_button)
        controls.addStretch(1)
        controls.addWidget(self.local_progress)

        self.dashboard = DashboardPage(self)
        self.review = ReviewPage(session, self)
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.dashboard, self.tr("Dashboard"))
        self.pages.addTab(self.review, self.tr("Disagreements"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.pages, 1)

        self.compute_button.clicked.connect(self.compute)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.dashboard.code_chosen.connect(self.review_code)
        self.dashboard.export_requested.connect(self._export)
        self.dashboard.export_word_requested.connect(self.export_word)
        self.review.jump_requested.connect(self.jump_requested)
        session.bus.changed.connect(self._bus)
        self.fill_coders()
        self.fill_codes()
        self._unit_changed()

    # -- choices ---------------------------------------------------------------------------

    def fill_coders(self) -> None:
        """List the coders; keep the choice, or choose the first two who are not consensus."""
        chosen = set(self.chosen_coders())
        self.coders_menu.clear()
        self._coder_actions = []
        coders = self._session.project.coders()
        if not chosen:
            usual = [c.id for c in coders if c.name.casefold() not in CONSENSUS_NAMES]
            chosen = set(usual[:2])
        self._initials = {c.id: c.initials for c in coders}
        for coder in coders:
            action = QAction(f"{coder.name} ({coder.initials})", self.coders_menu)
            action.setCheckable(True)
            action.setChecked(coder.id in chosen)
            action.setData(coder.id)
            action.toggled.connect(self._update_coders_button)
            self.coders_menu.addAction(action)
            self._coder_actions.append(action)
        self._update_coders_button()

    def chosen_coders(self) -> list[int]:
        """The ids of the coders chosen, in the project's order."""
        return [int(a.data()) for a in self._coder_actions if a.isChecked()]

    def set_coders(self, coder_ids: list[int]) -> None:
        """Choose these coders (the first two are the pair whose disagreements are listed)."""
        for action in self._coder_actions:
            action.setChecked(int(action.data()) in coder_ids)
        order = {c: i for i, c in enumerate(coder_ids)}
        self._coder_actions.sort(key=lambda a: order.get(int(a.data()), len(order)))

    def _update_coders_button(self) -> None:
        shown = [self._initials.get(coder, "?") for coder in self.chosen_coders()]
        self.coders_button.setText(", ".join(shown) if shown else self.tr("choose…"))
        self.compute_button.setEnabled(len(shown) >= 2 and self._worker is None)

    def fill_codes(self) -> None:
        """Offer every code, or one code group."""
        current = self.codes.currentData()
        self.codes.blockSignals(True)
        self.codes.clear()
        self.codes.addItem(self.tr("All codes"), None)
        groups: list[str] = []
        for code in self._session.project.codes():
            if code.codable and code.group and code.group not in groups:
                groups.append(code.group)
        for group in groups:
            self.codes.addItem(group, group)
        self.codes.setCurrentIndex(max(0, self.codes.findData(current)))
        self.codes.blockSignals(False)

    def set_unit(self, unit: str) -> None:
        """Choose the unit: ``character``, ``segment``, ``document`` or ``unitized``."""
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))

    def _unit_changed(self) -> None:
        segment = self.unit.currentData() == "segment"
        self.min_overlap.setVisible(segment)
        self.overlap_label.setVisible(segment)

    def request(self) -> AgreementRequest:
        """The current choices."""
        return AgreementRequest(
            coder_ids=tuple(self.chosen_coders()),
            unit=str(self.unit.currentData()),
            codes=self.codes.currentData(),
            min_overlap=float(self.min_overlap.value()),
        )

    def _bus(self, changes: Changes) -> None:
        kinds = changes.kinds()
        if "coder" in kinds:
            self.fill_coders()
        if {"code", "code_group"} & kinds:
            self.fill_codes()

    # -- computing -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a computation is running."""
        return self._worker is not None

    def _progress_widget(self) -> TaskProgress:
        window = self.window()
        shared = getattr(window, "progress", None)
        return shared if isinstance(shared, TaskProgress) else self.local_progress

    def compute(self) -> bool:
        """Compute with the current choices, off the GUI thread; False when it cannot start."""
        request = self.request()
        if self._worker is not None or len(request.coder_ids) < 2:
            return False
        project = self._session.project

        def job(progress: ProgressCallback) -> AgreementReport | None:
            return reports.run(project, request, progress)

        # Owned by the application, so that closing the project mid-run cannot destroy a
        # running thread; the results are dropped if the panel has gone.
        owner = QCoreApplication.instance() or self
        thread, worker = start(owner, job)
        # The worker has no parent: tie its wrapper to the thread's, which its parent keeps
        # until the thread has finished, so that dropping ours cannot delete it mid-run.
        thread.worker = worker  # type: ignore[attr-defined]
        self._worker = worker
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self._progress_widget().track(worker, self.tr("Computing agreement"))
        self.compute_button.setEnabled(False)
        return True

    def _finished(self, found: AgreementReport | None) -> None:
        self._worker = None
        self._update_coders_button()
        if found is None:  # cancelled
            return
        self.report = found
        self.dashboard.set_report(found)
        code_ids = None if found.request.codes is None else [c.code_id for c in found.result.codes]
        self.review.set_pair(*found.request.pair, code_ids, found.disagreements)
        self.computed.emit(found)

    def _failed(self, message: str) -> None:
        self._worker = None
        self._update_coders_button()
        self.dashboard.show_message(self.tr("Agreement could not be computed: {0}").format(message))
        self.failed.emit(message)

    # -- navigation ------------------------------------------------------------------------------

    def present(self, compute: bool = True) -> None:
        """Bring the panel into view (its tab and dock); compute with the current choices."""
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QTabWidget):
                for number in range(parent.count()):
                    page = parent.widget(number)
                    if page is not None and (page is self or page.isAncestorOf(self)):
                        parent.setCurrentIndex(number)
            if isinstance(parent, QDockWidget):
                parent.show()
                parent.raise_()
            parent = parent.parentWidget()
        self.pages.setCurrentWidget(self.dashboard)
        if compute:
            self.compute()

    def review_code(self, code_id: int, document_id: int = -1) -> None:
        """List the disagreements on a code (in one document, unless -1)."""
        self.pages.setCurrentWidget(self.review)
        self.dashboard.select_code(code_id)
        self.review.show_code(code_id, None if document_id < 0 else document_id)
        self.compare_requested.emit([code_id])

    def export_word(self, path: Path | None = None) -> Path | None:
        """Write the agreement report (methods sentence and table) to a Word file."""
        from workbench.export.agreement_report import write_agreement_report

        if self.report is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the agreement report"),
                str(Path.home() / "agreement.docx"),
                self.tr("Word documents (*.docx)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from ui.app import interface_language

        write_agreement_report(self.report.result, path, language=interface_language())
        self.dashboard.method.setToolTip(self.tr("Saved to {0}").format(path.name))
        return path

    def _export(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the agreement report"),
            str(Path.home() / "agreement.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not path:
            return
        table, text = write_report(self.report.result, Path(path))
        self.dashboard.method.setToolTip(
            self.tr("Saved to {0} and {1}").format(table.name, text.name)
        )
