"""A progress bar with a cancel button, shown in the status bar during long work."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.workers import Worker


class TaskProgress(QWidget):
    """Shows one background task's progress; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._worker: Worker | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.hide()

    def track(self, worker: Worker, what: str) -> None:
        """Follow a worker until it finishes or fails."""
        self._worker = worker
        self.label.setText(what)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        worker.progress.connect(self._progress)
        worker.finished.connect(self._done)
        worker.failed.connect(self._done)
        self.show()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done}/{total}")
        self.bar.setToolTip(what)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _done(self, *_: object) -> None:
        self._worker = None
        self.hide()
