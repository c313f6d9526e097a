"""The matrix view: codes by attribute, coder or another group, with drill-down to quotes.

The project is read into a corpus (on a worker thread) the first time the view is
shown and again after the project changes. A matrix is then computed on the GUI thread
when the project holds fewer than :attr:`MatrixPanel.SYNC_LIMIT` segments (a few tens of
milliseconds on the demo), and on a worker thread for bigger projects (up to about a
second for 100,000 segments), so that the window never freezes.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.analysis.jobs import start_job
from ui.analysis.model import MatrixSortProxy, MatrixTableModel, ValueRole
from ui.analysis.query import (
    ATTRIBUTE,
    CODER,
    GROUP,
    MEASURES,
    PROXIMITIES,
    MatrixRequest,
    MatrixTable,
    attribute_reference,
    attribute_values,
    compute,
    consensus_coder,
    group_reference,
    table_of,
)
from ui.session import AppSession
from ui.workers import ProgressCallback
from workbench.analysis.corpus import Corpus, load_corpus
from workbench.analysis.filters import CONSENSUS, CONSENSUS_NAMES
from workbench.analysis.labels import ROLES
from workbench.changes import Changes
from workbench.errors import WorkbenchError

#: Changes after which the corpus is read again.
_WATCHED = {"segment", "code", "code_group", "coder", "document", "attribute", "attribute_value"}


class MatrixPanel(QWidget):
    """Rows (a code group) by columns (an attribute, the coders or another group)."""

    #: The segments behind a double-clicked cell, with a title such as "1a × SC2".
    cell_quotes_requested = Signal(list, str)
    #: A new matrix is shown (or the view was cleared after an error).
    table_changed = Signal()
    #: The corpus was read again (the choices were refilled).
    corpus_loaded = Signal()

    #: Projects with fewer segments than this get their matrices on the GUI thread.
    SYNC_LIMIT = 20_000

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.corpus: Corpus | None = None
        self._stale = True
        self._loading = False
        self._generation = 0
        self._charts: Any = None
        #: Gives the agreement result last computed (set by the workspace), for the appendix.
        self.agreement_source: Callable[[], Any] | None = None
        self._export: Any = None
        self.language = self._project_language()

        self.model = MatrixTableModel(self)
        self.proxy = MatrixSortProxy(self)
        self.proxy.setSourceModel(self.model)

        self.rows = QComboBox(self)
        self.columns = QComboBox(self)
        self.measure = QComboBox(self)
        self.proximity = QComboBox(self)
        self.coder = QComboBox(self)
        self.attribute = QComboBox(self)
        self.value = QComboBox(self)
        for combo in (self.coder, self.measure, self.proximity):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for combo in (self.rows, self.columns, self.attribute, self.value):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        for key, text in (
            ("overlap", self.tr("Overlapping passages")),
            ("paragraph", self.tr("Same paragraph")),
            ("document", self.tr("Same document")),
        ):
            self.proximity.addItem(text, key)
        assert tuple(self.proximity.itemData(i) for i in range(3)) == PROXIMITIES

        self.copy_button = QPushButton(self.tr("Copy as table"), self)
        self.copy_button.setToolTip(self.tr("Copy the table, tab-separated, to the clipboard"))
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.charts_button = QPushButton(self.tr("Charts…"), self)
        self.caption = QLabel(self)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self.tr("The matrix is computed when this tab is first shown."), self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # long titles wrap instead
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(56)
        header.setHighlightSections(False)
        self.table.doubleClicked.connect(self._activated)

        self._build_layout()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.reload)

        self.rows.currentIndexChanged.connect(self._choice_changed)
        self.columns.currentIndexChanged.connect(self._columns_changed)
        self.measure.currentIndexChanged.connect(self._choice_changed)
        self.proximity.currentIndexChanged.connect(self._choice_changed)
        self.coder.currentIndexChanged.connect(self._choice_changed)
        self.attribute.currentIndexChanged.connect(self._attribute_changed)
        self.value.currentIndexChanged.connect(self._choice_changed)
        self.copy_button.clicked.connect(self.copy_table)
        self.csv_button.clicked.connect(self._ask_csv)
        self.charts_button.clicked.connect(self.show_charts)
        session.bus.changed.connect(self._bus)

    def _build_layout(self) -> None:
        first = QHBoxLayout()
        for text, widget in (
            (self.tr("Rows:"), self.rows),
            (self.tr("Columns:"), self.columns),
            (self.tr("Cells:"), self.measure),
            (self.tr("Co-occurring in:"), self.proximity),
        ):
            first.addWidget(QLabel(text, self))
            first.addWidget(widget, 1)
            first.addSpacing(8)
        second = QHBoxLayout()
        for text, widget in (
            (self.tr("Coder:"), self.coder),
            (self.tr("Documents:"), self.attribute),
        ):
            second.addWidget(QLabel(text, self))
            second.addWidget(widget)
        second.addWidget(self.value)
        second.addStretch(1)
        second.addWidget(self.copy_button)
        second.addWidget(self.csv_button)
        second.addWidget(self.charts_button)
        third = QHBoxLayout()
        third.addWidget(self.caption, 1)
        third.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addWidget(self.table, 1)

    def _project_language(self) -> str:
        language = self.session.project.setting("language")
        return language if language in ("en", "es") else "en"

    # -- showing -----------------------------------------------------------------------

    def present(self) -> None:
        """Bring the view forward: its tab, its dock (made taller), and compute if needed."""
        tabs = self._ancestor(QTabWidget)
        if isinstance(tabs, QTabWidget) and tabs.indexOf(self) >= 0:
            tabs.setCurrentWidget(self)
        dock = self._ancestor(QDockWidget)
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
            window = dock.parentWidget()
            if isinstance(window, QMainWindow):
                height = max(dock.height(), int(window.height() * 0.55))
                window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        self.ensure_loaded()

    def _ancestor(self, kind: type[QWidget]) -> QWidget | None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, kind):
            widget = widget.parentWidget()
        return widget

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Read the project now when it was not read yet or has changed since."""
        if self._stale or self.corpus is None:
            self.reload()

    def _bus(self, changes: Changes) -> None:
        if "setting" in changes.kinds():
            self.language = self._project_language()
        if not (_WATCHED & changes.kinds()):
            return
        self._stale = True
        if self.isVisible() or (self._charts is not None and self._charts.isVisible()):
            self._refresh_timer.start()  # read once after a burst of changes

    # -- reading the project -----------------------------------------------------------

    def reload(self) -> None:
        """Read the project into a corpus on a worker thread, then compute the matrix."""
        self._stale = False
        if self._loading:
            self._stale = True  # read again when this reading ends
            return
        self._loading = True
        self.status.setText(self.tr("Reading the project…"))
        project = self.session.project

        def job(_progress: ProgressCallback) -> Corpus:
            return load_corpus(project)

        _thread, worker = start_job(job)
        worker.finished.connect(self._loaded)
        worker.failed.connect(self._load_failed)

    @Slot(object)
    def _loaded(self, corpus: Corpus) -> None:
        self._loading = False
        self.corpus = corpus
        self._fill_choices()
        self.corpus_loaded.emit()
        if self._stale:
            self.reload()
            return
        self.refresh()

    @Slot(str)
    def _load_failed(self, message: str) -> None:
        self._loading = False
        self._show_error(message)

    def _fill_choices(self) -> None:
        corpus = self.corpus
        assert corpus is not None
        combos = (self.rows, self.columns, self.coder, self.attribute)
        first = self.columns.count() == 0
        kept = [c.currentData() for c in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        for group in corpus.groups:
            self.rows.addItem(group.name, group_reference(group))
        self.rows.addItem(self.tr("All codes"), "")
        for attribute in corpus.attributes:
            self.columns.addItem(
                attribute.name, _column(ATTRIBUTE, attribute_reference(corpus, attribute.id))
            )
        self.columns.insertSeparator(self.columns.count())
        self.columns.addItem(self.tr("Coders"), _column(CODER, ""))
        self.columns.insertSeparator(self.columns.count())
        for group in corpus.groups:
            text = self.tr("Co-occurring codes: {0}").format(group.name)
            self.columns.addItem(text, _column(GROUP, group_reference(group)))
        self.coder.addItem(self.tr("All coders"), "")
        for person in corpus.coders:
            if person.name.casefold() not in CONSENSUS_NAMES:
                self.coder.addItem(f"{person.name} ({person.initials})", str(person.id))
        self.coder.addItem(self.tr("Consensus"), CONSENSUS)
        if consensus_coder(corpus) is None:
            item = self._item(self.coder, self.coder.count() - 1)
            if item is not None:
                item.setEnabled(False)
                item.setToolTip(self.tr("There is no coder named Consensus yet"))
        self.attribute.addItem(self.tr("All documents"), "")
        for attribute in corpus.attributes:
            self.attribute.addItem(attribute.name, attribute.name)
        defaults = ("outcomes", _column(ATTRIBUTE, "ilab_project"), "", "")
        for combo, value, default in zip(combos, kept, defaults, strict=True):
            index = -1 if first else combo.findData(value)
            if index < 0:
                index = combo.findData(default)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._fill_measures()
        self._fill_values()

    @staticmethod
    def _item(combo: QComboBox, row: int) -> Any:
        model = combo.model()
        return model.item(row) if isinstance(model, QStandardItemModel) else None

    def _fill_measures(self) -> None:
        kind = self._column_choice()[0]
        current = self.measure.currentData()
        names = {
            "documents": self.tr("Documents"),
            "segments": self.tr("Segments"),
            "characters": self.tr("Characters coded"),
            "share": self.tr("Share of documents"),
        }
        self.measure.blockSignals(True)
        self.measure.clear()
        for key in MEASURES[kind]:
            self.measure.addItem(names[key], key)
        self.measure.setCurrentIndex(max(self.measure.findData(current), 0))
        self.measure.blockSignals(False)
        self.proximity.setEnabled(kind == GROUP)

    def _fill_values(self) -> None:
        name = self.attribute.currentData()
        current = self.value.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        if name and self.corpus is not None:
            for value in attribute_values(self.corpus, name):
                self.value.addItem(value, value)
            self.value.setCurrentIndex(max(self.value.findData(current), 0))
        self.value.setEnabled(bool(name))
        self.value.blockSignals(False)

    def _column_choice(self) -> tuple[str, str]:
        data = self.columns.currentData()
        kind, _bar, reference = str(data or "").partition("|")
        return (kind, reference) if kind in MEASURES else (ATTRIBUTE, "")

    # -- choosing ----------------------------------------------------------------------

    def request(self) -> MatrixRequest | None:
        """The matrix the choices name (None before the project was read)."""
        if self.corpus is None or self.columns.count() == 0:
            return None
        kind, columns = self._column_choice()
        name, value = self.attribute.currentData(), self.value.currentData()
        return MatrixRequest(
            rows=self.rows.currentData() or None,
            column_kind=kind,
            columns=columns,
            measure=str(self.measure.currentData() or MEASURES[kind][0]),
            proximity=str(self.proximity.currentData()),
            coder=self.coder.currentData() or None,
            attribute=(name, value) if name and value is not None else None,
            language=self.language,
        )

    def choose(self, **choices: Any) -> None:
        """Set choices by their data, then compute once.

        Keys: ``rows`` (group key or name, ``""`` for every code), ``columns`` (a pair:
        ``("attribute", role)``, ``("coder", "")`` or ``("group", key)``), ``measure``,
        ``proximity``, ``coder`` (id as text, ``consensus``, or ``""`` for all), and
        ``attribute`` (a ``(name, value)`` pair, or None for every document).
        """
        combos: dict[str, QComboBox] = {
            "rows": self.rows,
            "columns": self.columns,
            "measure": self.measure,
            "proximity": self.proximity,
            "coder": self.coder,
        }
        every = [*combos.values(), self.attribute, self.value]
        for combo in every:
            combo.blockSignals(True)
        order = ("rows", "columns", "measure", "proximity", "coder", "attribute")
        unknown = set(choices) - set(order)
        if unknown:
            raise ValueError(f"unknown choices: {', '.join(sorted(unknown))}")
        try:
            for key in (k for k in order if k in choices):
                value = choices[key]
                if key == "attribute":
                    name, wanted = value if value is not None else ("", None)
                    self.attribute.setCurrentIndex(self._found(self.attribute, name))
                    self._fill_values()
                    if wanted is not None:
                        self.value.setCurrentIndex(self._found(self.value, wanted))
                    continue
                combo = combos[key]
                if key == "columns":
                    value = _column(*value)
                combo.setCurrentIndex(self._found(combo, value))
                if key == "columns":
                    self._fill_measures()
        finally:
            for combo in every:
                combo.blockSignals(False)
        self.refresh()

    @staticmethod
    def _found(combo: QComboBox, value: object) -> int:
        index = combo.findData(value)
        if index < 0:
            raise ValueError(f"{value!r} is not one of the choices")
        return index

    def _choice_changed(self) -> None:
        self.refresh()

    def _columns_changed(self) -> None:
        self._fill_measures()
        self.refresh()

    def _attribute_changed(self) -> None:
        self._fill_values()
        self.refresh()

    # -- computing ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the chosen matrix: here for a small project, on a worker for a big one."""
        if self._stale or self.corpus is None:
            if not self._loading:
                self.reload()
            return
        request = self.request()
        if request is None:
            return
        self._generation += 1
        generation = self._generation
        corpus = self.corpus
        total = self.tr("Total")
        if len(corpus.segments) < self.SYNC_LIMIT:
            try:
                table = _compute(corpus, request, total)
            except WorkbenchError as error:
                self._show_error(str(error))
            else:
                self._show(table)
            return
        self.status.setText(self.tr("Computing…"))

        def job(_progress: ProgressCallback) -> tuple[int, MatrixTable | str]:
            try:
                return generation, _compute(corpus, request, total)
            except WorkbenchError as error:
                return generation, str(error)

        _thread, worker = start_job(job)
        worker.finished.connect(self._computed)
        worker.failed.connect(self._show_error)

    @Slot(object)
    def _computed(self, result: tuple[int, MatrixTable | str]) -> None:
        generation, table = result
        if generation != self._generation:
            return  # a later choice is being computed
        if isinstance(table, str):
            self._show_error(table)
        else:
            self._show(table)

    def _show(self, table: MatrixTable) -> None:
        self.model.set_table(table)
        self.caption.setText(table.caption)
        self.caption.setToolTip(table.methods)
        self.status.setStyleSheet("")
        self.status.setToolTip(table.methods)
        rows, columns = table.matrix.values.shape
        self.status.setText(
            self.tr("{0} × {1}, computed in {2} ms").format(
                rows, columns, max(1, round(table.seconds * 1000))
            )
        )
        self._size_columns()
        self.table_changed.emit()

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self.model.set_table(None)
        self.caption.clear()
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message.strip().splitlines()[-1] if message.strip() else "")
        self.status.setToolTip(message)
        self.table_changed.emit()

    def _size_columns(self) -> None:
        """Labels as wide as they need (up to a limit); numbers wide enough for their title.

        Column titles wrap on up to three lines, so a long attribute value takes a
        narrower column than its title's length.
        """
        header = self.table.horizontalHeader()
        columns = self.model.columnCount()
        if columns == 0:
            return
        metrics = self.table.fontMetrics()
        labels = [str(label) for label in self.model.frame.index]
        longest = max((metrics.horizontalAdvance(label) for label in labels), default=100)
        header.resizeSection(0, min(max(longest + 16, 160), 380))
        lines = 1
        for column in range(1, columns):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            words = max((metrics.horizontalAdvance(w) for w in title.split()), default=0)
            numbers = max(
                metrics.horizontalAdvance(self.model.text(float(v)))
                for v in self.model.frame.iloc[:, column - 1]
            )
            whole = metrics.horizontalAdvance(title)
            width = min(max(words, numbers, whole // 3, 40) + 18, 150)
            header.resizeSection(column, width)
            lines = max(lines, min(3, -(-whole // max(width - 12, 1))))
        header.setFixedHeight(metrics.height() * lines + 12)

    # -- drilling down and copying -----------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if not source.isValid():
            return
        self.open_cell(source.row(), source.column())

    def open_cell(self, row: int, column: int) -> list[int]:
        """Ask for the quotes behind a cell of the model; returns their segment ids."""
        segments = self.model.segments(row, column)
        if not segments:
            self.status.setText(self.tr("No passage is counted in this cell."))
            return []
        self.cell_quotes_requested.emit(segments, self.model.title(row, column))
        return segments

    def rows_as_shown(self) -> list[list[str]]:
        """The table in the order shown: a header row, then one row per code, totals last."""
        model = self.model
        header = [
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
        ]
        lines = [header]
        for row in range(self.proxy.rowCount()):
            cells = []
            for column in range(self.proxy.columnCount()):
                index = self.proxy.index(row, column)
                value = index.data(ValueRole)
                cells.append(str(index.data()) if value is None else model.plain(float(value)))
            lines.append(cells)
        return lines

    def table_text(self) -> str:
        """The table as tab-separated text."""
        return "\n".join("\t".join(c.replace("\t", " ") for c in r) for r in self.rows_as_shown())

    def copy_table(self) -> None:
        """Put the table on the clipboard, tab-separated (pastes as cells in a spreadsheet)."""
        if self.model.table is None:
            return
        QGuiApplication.clipboard().setText(self.table_text() + "\n")
        self.status.setText(self.tr("Table copied"))

    def write_csv(self, path: Path) -> None:
        """Write the table as shown to a CSV file (UTF-8 with a byte-order mark)."""
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            if self.model.table is not None:
                writer.writerow([self.model.table.caption])
            writer.writerows(self.rows_as_shown())

    def _ask_csv(self) -> None:
        if self.model.table is None:
            return
        name = self.model.table.request.spec() or "matrix"
        suggested = str(Path.home() / (name.replace(":", "-") + ".csv"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the matrix"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            self.write_csv(Path(path))
            self.status.setText(self.tr("Written to {0}").format(path))

    # -- charts and the appendix -------------------------------------------------------

    def charts(self) -> Any:
        """The charts window (made on first use, hidden until shown)."""
        if self._charts is None:
            from ui.analysis.charts_dialog import ChartsDialog

            self._charts = ChartsDialog(self, self.window())
        return self._charts

    def show_charts(self) -> None:
        """Show the charts of the current choices."""
        dialog = self.charts()
        self.ensure_loaded()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def chart_images(self, language: str) -> list[tuple[str, bytes]]:
        """The charts as ``(caption, PNG bytes)``, for the Word appendix."""
        if self.corpus is None:
            return []
        images: list[tuple[str, bytes]] = self.charts().images(language)
        return images

    def export_appendix(self) -> None:
        """Open the report-appendix dialog (Word, CSV, Excel)."""
        from ui.analysis.export_dialog import ExportDialog

        images: Callable[[str], list[tuple[str, bytes]]] = self.chart_images
        if self._export is not None:
            self._export.close()
        agreement = self.agreement_source() if self.agreement_source is not None else None
        self._export = ExportDialog(
            self.session,
            self.window(),
            charts=images,
            suggested=self.suggested_specs(),
            agreement=agreement,
        )
        self._export.show()

    def suggested_specs(self) -> list[str]:
        """Matrices to offer in the appendix: the one shown, then each group by each role."""
        request = self.request()
        found = [request.spec()] if request is not None and request.spec() else []
        corpus = self.corpus
        if corpus is not None:
            groups = [group_reference(g) for g in corpus.groups]
            for group in groups:
                found += [f"{group}:{role}" for role in corpus.roles if role in ROLES]
                found += [f"{group}:coder"]
            found += [f"{g}:triangulation" for g in groups if g == "outcomes"]
        return [s for s in dict.fromkeys(found) if s and s.count(":") <= 2]


def _column(kind: str, reference: str) -> str:
    """The data of a columns choice: its kind and reference."""
    return f"{kind}|{reference}"


def _compute(corpus: Corpus, request: MatrixRequest, total: str) -> MatrixTable:
    started = time.perf_counter()
    matrix = compute(corpus, request)
    return table_of(corpus, request, matrix, total, time.perf_counter() - started)
