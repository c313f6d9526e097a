"""The workspace of an open project: the transcript, the panels, and how they talk."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from ui.agreement.panel import AgreementPanel
from ui.analysis.panel import MatrixPanel
from ui.codebook.palette import pick_code, recent_codes
from ui.codebook.panel import CodebookPanel
from ui.documents.panel import DocumentsPanel
from ui.notes.attributes import AttributesPanel
from ui.notes.memos import MemosPanel
from ui.retrieval.panel import RetrievalPanel
from ui.search.panel import SearchPanel
from ui.session import AppSession
from ui.transcript.view import TranscriptView
from workbench.commands.segments import AddSegment, CodeInVivo, RecodeSegment


class Workspace(QObject):
    """Builds the panels of an open project into a main window and wires them together."""

    def __init__(self, session: AppSession, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.recent_codes = recent_codes(session)
        self.transcript = TranscriptView(session, window)
        self.documents = DocumentsPanel(session, window)
        self.codebook = CodebookPanel(session, window)
        self.retrieval = RetrievalPanel(session, window)
        self.search = SearchPanel(session, self.ask_code, window)
        self.memos = MemosPanel(session, window)
        self.attributes = AttributesPanel(session, window)
        self.bottom = QTabWidget(window)
        self.bottom.setDocumentMode(True)
        self.bottom.addTab(self.retrieval, self.tr("Retrieval"))
        self.bottom.addTab(self.search, self.tr("Search"))
        self.bottom.addTab(self.memos, self.tr("Memos"))
        self.bottom.addTab(self.attributes, self.tr("Attributes"))
        self.agreement = AgreementPanel(session, window)
        self.bottom.addTab(self.agreement, self.tr("Agreement"))
        self.matrix = MatrixPanel(session, window)
        self.bottom.addTab(self.matrix, self.tr("Matrix"))
        self.docks = [
            self._dock(
                "documents",
                self.tr("Documents"),
                self.documents,
                Qt.DockWidgetArea.LeftDockWidgetArea,
            ),
            self._dock(
                "codebook",
                self.tr("Codebook"),
                self.codebook,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ),
            self._dock(
                "bottom",
                self.tr("Retrieval, search, memos"),
                self.bottom,
                Qt.DockWidgetArea.BottomDockWidgetArea,
            ),
        ]
        self.window.resizeDocks(self.docks[:2], [340, 380], Qt.Orientation.Horizontal)
        self.window.resizeDocks(self.docks[2:], [280], Qt.Orientation.Vertical)
        self._wire()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(area, dock)
        return dock

    def _last_agreement(self) -> object | None:
        report = self.agreement.report
        return report.result if report is not None else None

    def _wire(self) -> None:
        self.matrix.agreement_source = self._last_agreement
        self.documents.document_chosen.connect(self.show_document)
        self.codebook.codes_selected.connect(self._codes_selected)
        self.codebook.code_clicked.connect(self._code_clicked)
        self.codebook.code_activated.connect(self.code_selection)
        self.codebook.span_dropped.connect(self._span_dropped)
        self.transcript.code_requested.connect(self.quick_code)
        self.transcript.recode_requested.connect(self.recode_segment)
        self.retrieval.jump_requested.connect(self.jump)
        self.search.jump_requested.connect(self.jump)
        self.agreement.jump_requested.connect(self.jump)
        self.agreement.compare_requested.connect(self._codes_selected)
        self.matrix.cell_quotes_requested.connect(self.retrieval.show_segments)
        self.matrix.cell_quotes_requested.connect(
            lambda *_: self.bottom.setCurrentWidget(self.retrieval)
        )

    # -- navigation ----------------------------------------------------------------

    def show_document(self, document_id: int) -> None:
        """Show a document in the transcript view and its notes in the panels."""
        if self.transcript.document_id != document_id:
            self.transcript.show_document(document_id)
        name = next((d.name for d in self.session.project.documents() if d.id == document_id), "")
        self.memos.set_document(document_id, name)
        self.attributes.set_document(document_id)
        self.documents.select_document(document_id)

    def jump(self, document_id: int, start: int, end: int) -> None:
        """Open a document at a passage and select it."""
        self.show_document(document_id)
        self.transcript.reveal(start, end)

    def _codes_selected(self, code_ids: list[int]) -> None:
        self.retrieval.set_codes(code_ids)
        self.transcript.set_emphasised_codes(set(code_ids))
        if code_ids:
            code = next((c for c in self.session.project.codes() if c.id == code_ids[0]), None)
            if code is not None:
                self.memos.set_code(code.id, f"{code.label} {code.name}".strip())
        else:
            self.memos.set_code(None)

    # -- coding --------------------------------------------------------------------

    def status(self, message: str) -> None:
        """A short message in the status bar."""
        self.window.statusBar().showMessage(message, 6000)

    def ask_code(self) -> int | None:
        """Ask for a code with the quick-code palette."""
        return pick_code(self.session, self.window)

    def code_selection(self, code_id: int) -> bool:
        """Code the passage selected in the transcript; False when nothing is selected."""
        span = self.transcript.selected_span()
        document_id = self.transcript.document_id
        if span is None or document_id is None:
            self.status(self.tr("Select a passage in the transcript first."))
            return False
        if self.session.run(AddSegment(document_id, code_id, *span)) is None:
            return False
        self.recent_codes.used(code_id)
        self.transcript.clear_selection()
        return True

    def _code_clicked(self, code_id: int) -> None:
        # A click on a code codes the selection only when there is one, so that
        # browsing the codebook never codes anything by accident.
        if self.transcript.selected_span() is not None:
            self.code_selection(code_id)

    def _span_dropped(self, code_id: int, _document_id: int, _start: int, _end: int) -> None:
        # The codebook panel has coded the dropped span already (one undoable step).
        self.recent_codes.used(code_id)
        self.transcript.clear_selection()

    def quick_code(self) -> None:
        """Ctrl+K: pick a code by typing, then code the selection with it."""
        if self.transcript.selected_span() is None:
            self.status(self.tr("Select a passage in the transcript first."))
            return
        code_id = self.ask_code()
        if code_id is not None:
            self.code_selection(code_id)

    def code_with_recent(self, n: int) -> None:
        """Ctrl+1..9: code the selection with the n-th most recently used code."""
        code_id = self.recent_codes.nth(n)
        if code_id is None:
            self.status(self.tr("No code has been used {0} times back yet.").format(n))
            return
        self.code_selection(code_id)

    def code_in_vivo(self) -> None:
        """Code the selection with a new code named after it."""
        span = self.transcript.selected_span()
        document_id = self.transcript.document_id
        if span is None or document_id is None:
            self.status(self.tr("Select a passage in the transcript first."))
            return
        if self.session.run(CodeInVivo(document_id, *span)) is not None:
            self.transcript.clear_selection()

    def recode_segment(self, segment_id: int) -> None:
        """Give a segment another code, picked in the palette."""
        code_id = self.ask_code()
        if code_id is not None:
            self.session.run(RecodeSegment(segment_id, code_id))

    def set_others_visible(self, visible: bool) -> None:
        """Show everyone's codings, or only the current coder's."""
        coder = self.session.coder_id
        self.transcript.set_visible_coders(None if visible or coder is None else {coder})

    def close(self) -> None:
        """Take the panels out of the window."""
        for dock in self.docks:
            self.window.removeDockWidget(dock)
            dock.deleteLater()
        self.transcript.deleteLater()
