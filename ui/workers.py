"""Long work off the GUI thread, with progress and a cancel flag."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workbench.errors import WorkbenchError

#: ``progress(done, total, what)`` returns False when the user cancelled.
ProgressCallback = Callable[[int, int, str], bool]

log = logging.getLogger(__name__)


class Worker(QObject):
    """Runs ``job(progress)`` on a worker thread and reports back with signals."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        self._job = job
        self._cancelled = False

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancelled

    def _report(self, done: int, total: int, what: str) -> bool:
        self.progress.emit(done, total, what)
        return not self._cancelled

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._report)
        except WorkbenchError as error:
            self.failed.emit(str(error))
        except Exception:
            log.exception("a background task failed")
            self.failed.emit(traceback.format_exc())
        else:
            self.finished.emit(result)


#: Threads and workers still running: kept referenced here until the thread has ended,
#: so that a caller dropping its own references (on ``finished``) frees nothing early.
_RUNNING: set[tuple[QThread, Worker]] = set()


def start(parent: QObject, job: Callable[[ProgressCallback], Any]) -> tuple[QThread, Worker]:
    """Start ``job`` on a new thread owned by ``parent``; the thread ends with the job."""
    thread = QThread(parent)
    worker = Worker(job)
    worker.moveToThread(thread)
    running = (thread, worker)
    _RUNNING.add(running)
    thread.finished.connect(lambda: _RUNNING.discard(running))
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread, worker
