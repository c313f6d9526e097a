"""The report-appendix dialog: Word, CSV and Excel files from the project's codings.

The choices (matrices, quotes per code, language, coder) start from those remembered
in the project and are remembered again, as an undoable step, when they change. The
charts of the matrix view are rendered to PNG on the GUI thread and handed to the
Word writer; everything else runs on a worker thread, with progress and a cancel
button that stops between files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.analysis.jobs import start_job
from ui.session import AppSession
from ui.workers import ProgressCallback, Worker
from workbench.analysis.filters import CONSENSUS, CONSENSUS_NAMES
from workbench.analysis.specs import DEFAULT_MATRICES, parse_spec
from workbench.errors import WorkbenchError
from workbench.export.docx_appendix import AppendixReport
from workbench.export.options import ExportOptions, SaveExportOptions, load_options

#: Charts for the Word appendix: a language -> ``(caption, PNG bytes)`` pairs.
ChartSource = Callable[[str], list[tuple[str, bytes]]]


@dataclass
class ExportOutcome:
    """What an export wrote."""

    docx: AppendixReport | None = None
    csv: list[Path] = field(default_factory=list)
    csv_folder: Path | None = None
    xlsx: Path | None = None
    sheets: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class ExportTargets:
    """Where the files go (None: not written)."""

    docx: Path | None = None
    csv: Path | None = None
    xlsx: Path | None = None


def run_export(
    session: AppSession,
    options: ExportOptions,
    targets: ExportTargets,
    images: Sequence[tuple[str, bytes]],
    steps: Sequence[str],
    progress: ProgressCallback,
    agreement: Any = None,
) -> ExportOutcome:
    """Compute the contents once and write each file asked for (on a worker thread).

    Args:
        session: the open project.
        options: what the appendix holds.
        targets: where the files go.
        images: the charts for the Word appendix.
        agreement: an agreement result to add to the Word appendix, or None.
        steps: the names of the steps shown with the progress: reading, Word, CSV, Excel.
        progress: reports each step; returns False when the user cancelled.
    """
    from workbench.export.contents import gather
    from workbench.export.csv_export import write_csv_folder
    from workbench.export.docx_appendix import write_appendix
    from workbench.export.xlsx_export import write_workbook

    project = session.project
    wanted = [t for t in (targets.docx, targets.csv, targets.xlsx) if t is not None]
    total = 1 + len(wanted)
    outcome = ExportOutcome()
    if not progress(0, total, steps[0]):
        outcome.cancelled = True
        return outcome
    contents = gather(project, options)
    done = 1
    for path, step in ((targets.docx, 1), (targets.csv, 2), (targets.xlsx, 3)):
        if path is None:
            continue
        if not progress(done, total, steps[step]):
            outcome.cancelled = True
            return outcome
        if step == 1:
            outcome.docx = write_appendix(
                project, path, contents=contents, images=images, agreement=agreement
            )
        elif step == 2:
            outcome.csv = write_csv_folder(project, path, contents=contents)
            outcome.csv_folder = path
        else:
            outcome.sheets = len(write_workbook(project, path, contents=contents).sheets) + 1
            outcome.xlsx = path
        done += 1
    progress(total, total, steps[-1])
    return outcome


class ExportDialog(QDialog):
    """Choose what the appendix holds and where its files go, then write them."""

    #: The files were written (an :class:`ExportOutcome`).
    exported = Signal(object)

    def __init__(
        self,
        session: AppSession,
        parent: QWidget | None = None,
        *,
        charts: ChartSource | None = None,
        suggested: Sequence[str] = (),
        agreement: Any = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.charts = charts
        self.agreement = agreement
        self.outcome: ExportOutcome | None = None
        self._worker: Worker | None = None
        project = session.project
        language = project.setting("language")
        stored = load_options(project)
        self.stored = stored
        initial = stored or ExportOptions(language=language if language in ("en", "es") else "en")
        self.setWindowTitle(self.tr("Report appendix"))
        self.setMinimumWidth(720)

        name = project.setting("name") or Path(project.location).stem or "project"
        stem = self.tr("{0} appendix").format(name)
        home = Path.home() / "Documents"
        folder = home if home.is_dir() else Path.home()
        self.docx_check, self.docx_path = self._target(
            self.tr("Word appendix (.docx)"), folder / f"{stem}.docx", True
        )
        self.csv_check, self.csv_path = self._target(
            self.tr("CSV files (a folder)"), folder / f"{stem} csv", True
        )
        self.xlsx_check, self.xlsx_path = self._target(
            self.tr("Excel workbook (.xlsx)"), folder / f"{stem}.xlsx", False
        )

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.matrices = QListWidget(self)
        self.matrices.setMinimumHeight(170)
        for spec in dict.fromkeys([*initial.matrices, *suggested, *DEFAULT_MATRICES]):
            self.add_spec(spec, checked=spec in initial.matrices)
        self.new_spec = QLineEdit(self)
        self.new_spec.setPlaceholderText(self.tr("ROWS:COLUMNS[:OPTION], such as themes:state"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self._add_typed)
        self.new_spec.returnPressed.connect(self._add_typed)
        self.quotes = QSpinBox(self)
        self.quotes.setRange(0, 10_000)
        self.quotes.setValue(initial.quotes_per_code)
        self.quotes.setSpecialValueText(self.tr("none"))
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(max(self.language.findData(initial.language), 0))
        self.coder = QComboBox(self)
        self._fill_coders(initial.coder)
        self.include_charts = QCheckBox(
            self.tr("Include the charts of the matrix view as figures"), self
        )
        self.include_charts.setChecked(charts is not None)
        self.include_charts.setEnabled(charts is not None)
        self.include_agreement = QCheckBox(
            self.tr("Include the agreement table computed in the Agreement tab"), self
        )
        self.include_agreement.setChecked(agreement is not None)
        self.include_agreement.setEnabled(agreement is not None)

        self.progress = QProgressBar(self)
        self.progress.hide()
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.close)
        self._layout()

    # -- building ----------------------------------------------------------------------

    def _target(self, text: str, path: Path, checked: bool) -> tuple[QCheckBox, QLineEdit]:
        check = QCheckBox(text, self)
        check.setChecked(checked)
        edit = QLineEdit(str(path), self)
        edit.setEnabled(checked)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _layout(self) -> None:
        files = QGroupBox(self.tr("Files"), self)
        grid = QGridLayout(files)
        for row, (check, edit, folder) in enumerate(
            (
                (self.docx_check, self.docx_path, False),
                (self.csv_check, self.csv_path, True),
                (self.xlsx_check, self.xlsx_path, False),
            )
        ):
            browse = QPushButton(self.tr("Browse…"), files)
            browse.clicked.connect(
                lambda _checked=False, e=edit, f=folder, c=check: self._browse(e, f, c)
            )
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(browse, row, 2)
        grid.setColumnStretch(1, 1)

        contents = QGroupBox(self.tr("Contents"), self)
        form = QFormLayout(contents)
        adding = QHBoxLayout()
        adding.addWidget(self.new_spec, 1)
        adding.addWidget(self.add_button)
        matrices = QVBoxLayout()
        matrices.addWidget(self.matrices)
        matrices.addLayout(adding)
        form.addRow(self.tr("Matrices:"), matrices)
        form.addRow(self.tr("Quotes per code:"), self.quotes)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Coder:"), self.coder)
        form.addRow("", self.include_charts)
        form.addRow("", self.include_agreement)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(files)
        layout.addWidget(contents, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _fill_coders(self, chosen: str | None) -> None:
        self.coder.addItem(self.tr("All coders"), "")
        coders = self.session.project.coders()
        for person in coders:
            if person.name.casefold() not in CONSENSUS_NAMES:
                self.coder.addItem(f"{person.name} ({person.initials})", person.name)
        self.coder.addItem(self.tr("Consensus"), CONSENSUS)
        if chosen and self.coder.findData(chosen) < 0:
            self.coder.addItem(chosen, chosen)  # as remembered (initials, say)
        self.coder.setCurrentIndex(max(self.coder.findData(chosen or ""), 0))

    def add_spec(self, spec: str, *, checked: bool = True) -> bool:
        """Add a matrix to the list (checked); False when it is not ``ROWS:COLUMNS[:OPTION]``."""
        try:
            parse_spec(spec)
        except WorkbenchError as error:
            self.status.setText(str(error))
            return False
        for row in range(self.matrices.count()):
            item = self.matrices.item(row)
            if item.text() == spec:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return True
        item = QListWidgetItem(spec, self.matrices)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return True

    def _add_typed(self) -> None:
        text = self.new_spec.text().strip()
        if text and self.add_spec(text):
            self.new_spec.clear()
            self.status.clear()

    def _browse(self, edit: QLineEdit, folder: bool, check: QCheckBox) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the CSV files"))
        else:
            suffix = Path(edit.text()).suffix
            pattern = (
                self.tr("Word documents (*.docx)")
                if suffix == ".docx"
                else self.tr("Excel workbooks (*.xlsx)")
            )
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), edit.text(), pattern)
        if path:
            edit.setText(path)
            check.setChecked(True)

    # -- choices -----------------------------------------------------------------------

    def options(self) -> ExportOptions:
        """The appendix options chosen."""
        checked = [
            self.matrices.item(r).text()
            for r in range(self.matrices.count())
            if self.matrices.item(r).checkState() == Qt.CheckState.Checked
        ]
        return ExportOptions(
            matrices=tuple(checked),
            quotes_per_code=self.quotes.value(),
            language=str(self.language.currentData()),
            coder=self.coder.currentData() or None,
        )

    def targets(self) -> ExportTargets:
        """Where the checked files go."""

        def chosen(check: QCheckBox, edit: QLineEdit) -> Path | None:
            text = edit.text().strip()
            return Path(text).expanduser() if check.isChecked() and text else None

        return ExportTargets(
            docx=chosen(self.docx_check, self.docx_path),
            csv=chosen(self.csv_check, self.csv_path),
            xlsx=chosen(self.xlsx_check, self.xlsx_path),
        )

    # -- exporting ---------------------------------------------------------------------

    def export(self) -> bool:
        """Remember the choices and write the files on a worker thread; False if refused."""
        if self._worker is not None:
            return False
        targets = self.targets()
        if targets.docx is None and targets.csv is None and targets.xlsx is None:
            self._say(self.tr("Choose at least one file to write."), error=True)
            return False
        try:
            options = self.options()
        except WorkbenchError as error:
            self._say(str(error), error=True)
            return False
        changed = load_options(self.session.project) != options
        if changed and self.session.run(SaveExportOptions(options)) is None:
            return False
        images: list[tuple[str, bytes]] = []
        if targets.docx is not None and self.charts is not None and self.include_charts.isChecked():
            self._say(self.tr("Drawing the charts…"))
            self.status.repaint()  # drawn on this thread: say so before it starts
            images = self.charts(options.language)
        steps = (
            self.tr("Reading the project"),
            self.tr("Writing the Word appendix"),
            self.tr("Writing the CSV files"),
            self.tr("Writing the Excel workbook"),
            self.tr("Done"),
        )
        session = self.session
        agreement = self.agreement if self.include_agreement.isChecked() else None

        def job(progress: ProgressCallback) -> ExportOutcome:
            return run_export(session, options, targets, images, steps, progress, agreement)

        _thread, worker = start_job(job)
        self._worker = worker
        worker.progress.connect(self._progressed)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self._busy(True)
        self._say(steps[0])
        return True

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.export_button.setEnabled(not busy)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._say(what)

    @Slot(object)
    def _finished(self, outcome: ExportOutcome) -> None:
        self._worker = None
        self._busy(False)
        self.outcome = outcome
        self._say(self.describe(outcome))
        self.exported.emit(outcome)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._worker = None
        self._busy(False)
        self._say(message.strip().splitlines()[-1] if message.strip() else message, error=True)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("Stopping after the file being written…"))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def describe(self, outcome: ExportOutcome) -> str:
        """Where the files went, one line each."""
        lines = [self.tr("Stopped before the end.")] if outcome.cancelled else []
        if outcome.docx is not None:
            report = outcome.docx
            lines.append(
                self.tr("Word: {0} ({1} tables, {2} figures, {3} quotes)").format(
                    report.path, report.tables, report.figures, report.quotes
                )
            )
        if outcome.csv_folder is not None:
            lines.append(
                self.tr("CSV: {0} files in {1}").format(len(outcome.csv), outcome.csv_folder)
            )
        if outcome.xlsx is not None:
            lines.append(self.tr("Excel: {0} ({1} sheets)").format(outcome.xlsx, outcome.sheets))
        return "\n".join(lines) or self.tr("Nothing was written.")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._cancel()
        super().closeEvent(event)
