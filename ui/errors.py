"""Unexpected errors: logged to a rotating file and shown in a dialog with a copyable report."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from workbench import __version__

log = logging.getLogger("workbench")


def log_folder() -> Path:
    """Where the logs are kept (the platform's standard user log folder)."""
    from platformdirs import user_log_path

    return user_log_path("coding-workbench", appauthor=False)


def setup_logging() -> Path:
    """Log to a rotating file in the user's log folder; returns the file's path."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "workbench.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def report_text(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """A report a user can paste into an issue: versions, platform and the traceback."""
    lines = [
        f"Coding Workbench {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def show_unexpected(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Log an unexpected error and tell the user, with the report to copy."""
    report = report_text(kind, error, tb)
    log.error("unexpected error\n%s", report)
    if QApplication.instance() is None:
        print(report, file=sys.stderr)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, QApplication.translate("errors", "Coding Workbench"), ""
    )
    box.setText(
        QApplication.translate(
            "errors",
            "Something went wrong. Your project is safe: every change you made before this was "
            "saved. The report below is also in the log at {0}.",
        ).format(log_folder())
    )
    box.setDetailedText(report)
    copy = box.addButton(
        QApplication.translate("errors", "Copy report"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(report)


def install_excepthook() -> None:
    """Route unexpected errors of the GUI to :func:`show_unexpected`."""
    sys.excepthook = show_unexpected
