"""The charts on screen: a view per chart, and the dialog that shows the three charts.

The drawings themselves, and saving them as PNG or SVG, live in :mod:`ui.analysis.charts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

#: The size charts are drawn at for files and the appendix (logical pixels).
from ui.analysis.charts import (
    Drawing,
    by_attribute,
    chart_png,
    frequencies,
    heatmap,
    save_chart,
    shorten,
)
from ui.analysis.query import (
    attribute_reference,
    group_reference,
)
from workbench.analysis.filters import Filters, code_label, group_codes, resolve_group
from workbench.errors import WorkbenchError

# -- on screen -------------------------------------------------------------------------------


class ChartView(QWidget):
    """One chart on screen, with buttons to save it as PNG or SVG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing: Drawing | None = None
        self.language = "en"
        self.plot = pg.PlotWidget(self, background="w")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.png_button = QPushButton(self.tr("Save PNG…"), self)
        self.svg_button = QPushButton(self.tr("Save SVG…"), self)
        self.png_button.clicked.connect(lambda: self._ask("png"))
        self.svg_button.clicked.connect(lambda: self._ask("svg"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.svg_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addLayout(buttons)
        self._enable()

    def set_drawing(self, drawing: Drawing | None, language: str) -> None:
        """Show another chart (None clears it)."""
        self.drawing, self.language = drawing, language
        self.message.hide()
        if drawing is None:
            self.plot.getPlotItem().clear()
        else:
            drawing.draw(self.plot.getPlotItem(), language)
        self._enable()

    def set_error(self, message: str) -> None:
        """Show why there is no chart."""
        self.set_drawing(None, self.language)
        self.message.setText(message)
        self.message.show()

    def _enable(self) -> None:
        for button in (self.png_button, self.svg_button):
            button.setEnabled(self.drawing is not None)

    def save(self, path: Path) -> Path:
        """Save the chart (PNG or SVG by the suffix) at the report size."""
        if self.drawing is None:
            raise ValueError("there is no chart to save")
        return save_chart(self.drawing, path, self.language)

    def _ask(self, kind: str) -> None:
        if self.drawing is None:
            return
        name = "".join(c if c.isalnum() else "-" for c in self.drawing.caption.get(self.language))
        suggested = str(Path.home() / f"{name.strip('-')[:60]}.{kind}")
        pattern = self.tr("PNG image (*.png)") if kind == "png" else self.tr("SVG image (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), suggested, pattern)
        if path:
            self.save(Path(path))


class ChartsDialog(QDialog):
    """Three charts of the matrix view's choices: code frequencies, its heatmap, by attribute."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.analysis.panel import MatrixPanel

        assert isinstance(panel, MatrixPanel)
        self.panel = panel
        self.setWindowTitle(self.tr("Charts"))
        self.resize(1300, 700)
        self.tabs = QTabWidget(self)

        self.group = QComboBox(self)
        self.frequency_measure = QComboBox(self)
        self.frequencies = ChartView(self)
        self.heatmap = ChartView(self)
        self.heatmap_note = QLabel(self)
        self.attribute = QComboBox(self)
        self.code = QComboBox(self)
        self.attribute_measure = QComboBox(self)
        self.by_attribute = ChartView(self)
        for combo in (self.group, self.attribute, self.code):
            # Filled when first shown: grow with the names then.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for combo in (self.frequency_measure, self.attribute_measure):
            combo.addItem(self.tr("Segments"), "segments")
            combo.addItem(self.tr("Documents"), "documents")
        self.attribute_measure.addItem(self.tr("Share of documents"), "share")
        self.attribute_measure.setCurrentIndex(1)

        self.tabs.addTab(
            self._page(
                [(self.tr("Codes of:"), self.group), (self.tr("Count:"), self.frequency_measure)],
                self.frequencies,
            ),
            self.tr("Code frequencies"),
        )
        self.tabs.addTab(self._page([("", self.heatmap_note)], self.heatmap), self.tr("Heatmap"))
        self.tabs.addTab(
            self._page(
                [
                    (self.tr("Attribute:"), self.attribute),
                    (self.tr("Codes:"), self.code),
                    (self.tr("Count:"), self.attribute_measure),
                ],
                self.by_attribute,
            ),
            self.tr("By attribute"),
        )
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.group.currentIndexChanged.connect(self._draw_frequencies)
        self.frequency_measure.currentIndexChanged.connect(self._draw_frequencies)
        self.attribute.currentIndexChanged.connect(self._draw_by_attribute)
        self.code.currentIndexChanged.connect(self._draw_by_attribute)
        self.attribute_measure.currentIndexChanged.connect(self._draw_by_attribute)
        # Drawn when shown (or asked for pictures), not while hidden behind the window.
        self._dirty = True
        panel.corpus_loaded.connect(self._source_changed)
        panel.table_changed.connect(self._source_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.redraw()

    def _source_changed(self) -> None:
        if self.isVisible():
            self.redraw()
        else:
            self._dirty = True

    def redraw(self) -> None:
        """Draw the three charts again from the matrix view's project and choices."""
        self._dirty = False
        self._fill()
        self._draw_heatmap()

    def _page(self, controls: Sequence[tuple[str, QWidget]], chart: ChartView) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        for text, widget in controls:
            if text:
                row.addWidget(QLabel(text, page))
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(chart, 1)
        return page

    # -- choices -----------------------------------------------------------------------

    def _fill(self) -> None:
        corpus = self.panel.corpus
        if corpus is None:
            return
        for combo in (self.group, self.attribute):
            combo.blockSignals(True)
        group, attribute = self.group.currentData(), self.attribute.currentData()
        self.group.clear()
        for found in corpus.groups:
            self.group.addItem(found.name, group_reference(found))
        self.group.addItem(self.tr("All codes"), "")
        self.attribute.clear()
        for item in corpus.attributes:
            self.attribute.addItem(item.name, attribute_reference(corpus, item.id))
        for combo, kept, default in (
            (self.group, group, self.panel.rows.currentData()),
            (self.attribute, attribute, "ilab_project"),
        ):
            index = combo.findData(kept) if kept is not None else -1
            combo.setCurrentIndex(max(index if index >= 0 else combo.findData(default), 0))
            combo.blockSignals(False)
        self._fill_codes()
        self._draw_frequencies()
        self._draw_by_attribute()

    def _fill_codes(self) -> None:
        corpus = self.panel.corpus
        self.code.blockSignals(True)
        kept = self.code.currentData()
        self.code.clear()
        rows = self.panel.rows.currentData() or ""
        self.code.addItem(self.tr("Any code of the matrix rows"), -1)
        if corpus is not None and rows:
            try:
                group, _name = resolve_group(corpus, rows)
            except WorkbenchError:
                group = None
            if group is not None:
                for code in group_codes(corpus, group):
                    self.code.addItem(shorten(code_label(code), 60), code.id)
        self.code.setCurrentIndex(max(self.code.findData(kept), 0))
        self.code.blockSignals(False)

    def _filters(self) -> Filters:
        request = self.panel.request()
        return request.filters() if request is not None else Filters()

    # -- drawing -----------------------------------------------------------------------

    def _draw_frequencies(self) -> None:
        corpus = self.panel.corpus
        if corpus is None or self.group.count() == 0:
            return
        try:
            drawing = frequencies(
                corpus,
                self.group.currentData() or None,
                self._filters(),
                str(self.frequency_measure.currentData()),
                self.panel.language,
            )
        except WorkbenchError as error:
            self.frequencies.set_error(str(error))
        else:
            self.frequencies.set_drawing(drawing, self.panel.language)

    def _draw_heatmap(self) -> None:
        table = self.panel.model.table
        if table is None:
            self.heatmap.set_drawing(None, self.panel.language)
            self.heatmap_note.setText(self.tr("Choose a matrix in the Matrix tab."))
            return
        self.heatmap.set_drawing(heatmap(table), self.panel.language)
        self.heatmap_note.setText(
            self.tr("The matrix of the Matrix tab: {0}").format(table.caption)
        )

    def _draw_by_attribute(self) -> None:
        corpus = self.panel.corpus
        if corpus is None or self.attribute.count() == 0:
            return
        code = self.code.currentData()
        try:
            drawing = by_attribute(
                corpus,
                str(self.attribute.currentData()),
                self.panel.rows.currentData() or None,
                None if code is None or code < 0 else int(code),
                self._filters(),
                str(self.attribute_measure.currentData()),
                self.panel.language,
            )
        except WorkbenchError as error:
            self.by_attribute.set_error(str(error))
        else:
            self.by_attribute.set_drawing(drawing, self.panel.language)

    # -- for the appendix --------------------------------------------------------------

    def views(self) -> list[ChartView]:
        """The three charts, in order."""
        return [self.frequencies, self.heatmap, self.by_attribute]

    def images(self, language: str) -> list[tuple[str, bytes]]:
        """Each chart drawn as ``(caption, PNG bytes)`` in ``language``, without a title."""
        if self._dirty:
            self.redraw()
        found = []
        for view in self.views():
            if view.drawing is not None:
                found.append(
                    (
                        view.drawing.caption.get(language),
                        chart_png(view.drawing, language, title=False),
                    )
                )
        return found
