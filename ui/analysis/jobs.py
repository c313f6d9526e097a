"""Background jobs of the analysis views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread

from ui.workers import ProgressCallback, Worker, start


def start_job(job: Callable[[ProgressCallback], Any]) -> tuple[QThread, Worker]:
    """Start a job on a thread owned by the application.

    A view that is closed while its job runs (the project closed, say) must not take
    the running thread down with it: Qt aborts when a running ``QThread`` is deleted.
    The thread deletes itself when the job ends; connect the worker's signals to slots
    of the view, which Qt drops when the view is gone.
    """
    application = QCoreApplication.instance()
    assert application is not None
    return start(application, job)
