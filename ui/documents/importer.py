"""Importing files from the GUI: read on a worker thread, store as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.progress import TaskProgress
from ui.session import AppSession
from ui.workers import ProgressCallback, start
from workbench.commands.documents import ImportDocuments
from workbench.importing import ImportReport, prepare_import
from workbench.readers import SUPPORTED_EXTENSIONS


class ImportController(QObject):
    """Runs imports for a window and reports what happened, file by file."""

    imported = Signal(object)  # the ImportReport, after the documents are stored

    def __init__(self, session: AppSession, window: QWidget, progress: TaskProgress) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._progress = progress
        self._busy = False

    def choose_and_import(self) -> None:
        """Ask for files, then import them."""
        patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
        files, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import transcripts"),
            "",
            self.tr("Transcripts ({0})").format(patterns),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> bool:
        """Start importing files and folders; False when an import is already running."""
        if self._busy or not paths:
            return False
        self._busy = True
        project = self._session.project

        def job(progress: ProgressCallback) -> tuple[ImportReport, ImportDocuments | None]:
            return prepare_import(project, paths, progress=progress)

        _thread, worker = start(self, job)
        worker.finished.connect(self._store)
        worker.failed.connect(self._failed)
        self._progress.track(worker, self.tr("Importing"))
        return True

    def _store(self, result: tuple[ImportReport, ImportDocuments | None]) -> None:
        self._busy = False
        report, command = result
        if report.cancelled:
            QMessageBox.information(
                self._window, self.tr("Import"), self.tr("Import cancelled; nothing was stored.")
            )
            return
        if command is not None and self._session.run(command) is not None:
            report.stored(command)
        self.imported.emit(report)
        if report.problems or report.duplicates:
            QMessageBox.warning(self._window, self.tr("Import"), self.describe(report))

    def _failed(self, message: str) -> None:
        self._busy = False
        QMessageBox.critical(self._window, self.tr("Import failed"), message)

    def describe(self, report: ImportReport) -> str:
        """A summary of an import, naming every file that did not come in."""
        lines = [
            self.tr("{0} imported, {1} duplicates, {2} failed.").format(
                len(report.imported), len(report.duplicates), len(report.problems)
            )
        ]
        lines += [f"• {p.path.name}: {p.reason}" for p in report.problems]
        lines += [
            self.tr("• {0}: same content as “{1}”, not imported again").format(path.name, name)
            for path, name in report.duplicates
        ]
        return "\n".join(lines)
