"""Charts with pyqtgraph: code frequencies, a heatmap of a matrix, counts by attribute value.

A chart is a :class:`Drawing`: plain data that draws itself on a ``PlotItem``, so that
the same chart is shown in a window, saved as PNG or SVG, and rendered to PNG bytes
for the Word appendix (always at the same size, whatever the window's). Captions and
axis titles come from the core's bilingual texts, so that a chart in a Spanish
appendix speaks Spanish whatever the interface language.

pyqtgraph's SVG exporter fails with this Qt version (it cannot parse the paths Qt
writes), so SVG falls back to Qt's own SVG generator; PNG uses pyqtgraph's image
exporter, falling back to grabbing the widget.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as exporters
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QWidget,
)

from ui.analysis.query import (
    ATTRIBUTE,
    MatrixRequest,
    MatrixTable,
    table_of,
)
from workbench.analysis.corpus import Corpus
from workbench.analysis.filters import Filters, code_label
from workbench.analysis.labels import MEASURES, Text, same
from workbench.analysis.matrices import code_by_attribute, code_by_coder

#: The size charts are drawn at for files and the appendix (logical pixels).
REPORT_WIDTH = 820
#: Files and appendix images are rendered at this many pixels per logical pixel.
SCALE = 2
#: The colour of bars that are not one code.
NEUTRAL = "#4c78a8"
#: The heatmap runs from white to this colour.
HEAT = (33, 113, 181)
INK = "#1a1a1a"

# Report wording, in the appendix's language (English or Spanish) rather than the
# interface's, like the core's captions: these are not translated with tr().
#: A bar chart of one code by the values of an attribute.
CODE_BY = Text("{0} by {1}: {2}", "{0} por {1}: {2}")
#: A bar chart of the documents with any code of a group, by the values of an attribute.
ANY_CODE_BY = Text("{0} (any code) by {1}: {2}", "{0} (cualquier código) por {1}: {2}")
#: Zeros are drawn lighter, so that the cells with something stand out.
FAINT = "#9a9a9a"


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """Break a label into at most ``lines`` lines of about ``width`` characters."""
    words, rows, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            rows.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    rows.append(current)
    if len(rows) > lines:
        rows = [*rows[: lines - 1], shorten(" ".join(rows[lines - 1 :]), width)]
    return "\n".join(rows)


def _number(value: float, share: bool) -> str:
    if share:
        return f"{value:.0%}"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:.1f}"


def _step(largest: float, share: bool) -> float:
    """A round distance between value ticks (whole numbers for counts)."""
    target = max(largest, 1e-9) / 5
    magnitude = float(10.0 ** math.floor(math.log10(target)))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= target)
    return step if share else max(1.0, round(step))


def _style(plot: pg.PlotItem, ticks: int = 4) -> None:
    """Black axes and text on white, ticks pointing out (``ticks`` long), no mouse interaction."""
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))
        axis.setStyle(tickFont=_font(9), tickTextOffset=6, tickLength=ticks)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()


@dataclass(frozen=True)
class Drawing(ABC):
    """A chart's data; draws itself on a plot."""

    caption: Text

    def height(self) -> int:
        """A good height for files, at :data:`REPORT_WIDTH`."""
        return 480

    @abstractmethod
    def draw(self, plot: pg.PlotItem, language: str, *, title: bool = True) -> None:
        """Draw the chart on ``plot`` (with its title unless ``title`` is False)."""


@dataclass(frozen=True)
class BarDrawing(Drawing):
    """Horizontal bars, one per label, top to bottom."""

    labels: tuple[str, ...] = ()
    values: tuple[float, ...] = ()
    colours: tuple[str, ...] = ()
    axis: Text = field(default_factory=lambda: Text("", ""))
    share: bool = False

    def height(self) -> int:
        return max(320, 26 * len(self.labels) + 110)

    def draw(self, plot: pg.PlotItem, language: str, *, title: bool = True) -> None:
        plot.clear()
        _style(plot)
        count = len(self.values)
        values = np.asarray(self.values, dtype=np.float64)
        if count:
            bars = pg.BarGraphItem(
                x0=np.zeros(count),
                y=np.arange(count),
                height=0.72,
                width=values,
                brushes=[pg.mkBrush(c) for c in self.colours],
                pens=[pg.mkPen(QColor(c).darker(125)) for c in self.colours],
            )
            plot.addItem(bars)
        largest = float(values.max()) if count and values.max() > 0 else 1.0
        for row, value in enumerate(values):
            colour = INK if value else FAINT
            label = pg.TextItem(_number(value, self.share), color=colour, anchor=(0, 0.5))
            label.setFont(_font(8.5))
            label.setPos(value + largest * 0.01, row)
            plot.addItem(label)
        left = plot.getAxis("left")
        left.setTicks([[(row, shorten(text, 46)) for row, text in enumerate(self.labels)], []])
        bottom = plot.getAxis("bottom")
        bottom.setLabel(self.axis.get(language), color=INK)
        step = _step(largest, self.share)
        bottom.setTickSpacing(major=step, minor=step)
        if self.share:
            ticks = np.arange(0.0, largest * 1.1 + step / 2, step)
            bottom.setTicks([[(t, f"{t:.0%}") for t in ticks], []])
        plot.showGrid(x=True, y=False, alpha=0.25)
        plot.invertY(True)
        plot.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
        plot.setXRange(0, largest * 1.1, padding=0)
        plot.setTitle(self.caption.get(language) if title else None, color=INK, size="10pt")


@dataclass(frozen=True)
class HeatmapDrawing(Drawing):
    """A matrix as coloured cells with their values, rows top to bottom."""

    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    values: tuple[tuple[float, ...], ...] = ()
    share: bool = False

    def height(self) -> int:
        return max(320, 24 * len(self.rows) + 150)

    def draw(self, plot: pg.PlotItem, language: str, *, title: bool = True) -> None:
        plot.clear()
        _style(plot, ticks=0)
        grid = np.asarray(self.values, dtype=np.float64).reshape(len(self.rows), len(self.columns))
        height, width = grid.shape
        largest = float(grid.max()) if grid.size and grid.max() > 0 else 1.0
        if grid.size:
            image = pg.ImageItem(grid, axisOrder="row-major")
            image.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), HEAT]))
            image.setLevels([0.0, largest])
            image.setRect(QRectF(0, 0, width, height))
            plot.addItem(image)
        # The numbers in the cells, while they are few enough to read.
        numbered = range(height) if grid.size <= 900 else range(0)
        for row in numbered:
            for column in range(width):
                value = float(grid[row, column])
                colour = "#ffffff" if value / largest > 0.55 else (INK if value else FAINT)
                text = pg.TextItem(_number(value, self.share), color=colour, anchor=(0.5, 0.5))
                text.setFont(_font(8))
                text.setPos(column + 0.5, row + 0.5)
                plot.addItem(text)
        # About 560 pixels for the cells at the report size; narrow columns take turns
        # on two lines so that their titles do not run into each other.
        room = 560 / max(width, 1)
        stagger = room < 64
        chars = max(5, int(room * (2 if stagger else 1) / 7))
        titles = []
        for column, heading in enumerate(self.columns):
            text = shorten(heading, chars) if stagger else _wrap(heading, chars)
            titles.append((column + 0.5, "\n" + text if stagger and column % 2 else text))
        bottom = plot.getAxis("bottom")
        bottom.setTicks([titles, []])
        lines = max((t.count("\n") + 1 for _, t in titles), default=1)
        bottom.setHeight(17 * lines + 14)
        plot.getAxis("left").setTicks(
            [[(r + 0.5, shorten(t, 32)) for r, t in enumerate(self.rows)], []]
        )
        plot.invertY(True)
        plot.setXRange(0, max(width, 1), padding=0)
        plot.setYRange(0, max(height, 1), padding=0)
        plot.setTitle(self.caption.get(language) if title else None, color=INK, size="10pt")


# -- rendering and saving --------------------------------------------------------------------


def _settle(widget: QWidget) -> None:
    """Lay a chart out: its axes learn their label sizes on a first paint."""
    for _ in range(2):
        widget.grab()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)


class Offscreen:
    """A chart drawn on a plot that is never shown, at the report size."""

    def __init__(self, drawing: Drawing, language: str, *, title: bool = True) -> None:
        self.widget = pg.PlotWidget(background="w")
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.widget.resize(QSize(REPORT_WIDTH, drawing.height()))
        self.widget.show()
        drawing.draw(self.widget.getPlotItem(), language, title=title)
        _settle(self.widget)

    def __enter__(self) -> Offscreen:
        return self

    def __exit__(self, *_: object) -> None:
        self.widget.hide()
        self.widget.deleteLater()

    def image(self) -> QImage:
        """The chart as an image, :data:`SCALE` times the report size."""
        try:
            exporter = exporters.ImageExporter(self.widget.getPlotItem())
            exporter.parameters()["width"] = REPORT_WIDTH * SCALE
            exported = exporter.export(toBytes=True)
            if isinstance(exported, QImage) and not exported.isNull():
                return exported
        except Exception:  # pyqtgraph's exporter failed: take the widget's own rendering
            pass
        grabbed: QImage = self.widget.grab().toImage()
        return grabbed

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def svg(self, path: Path, title: str) -> None:
        """Write the chart as an SVG file."""
        try:
            exporters.SVGExporter(self.widget.getPlotItem()).export(fileName=str(path))
            if path.is_file() and path.stat().st_size > 0:
                return
        except Exception:  # fails with recent Qt (see the module's docstring): Qt's generator
            pass
        size = self.widget.size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        # The widget's resolution: at the generator's default (72 dpi) text is scaled
        # differently from the shapes and the axes come apart.
        generator.setResolution(self.widget.logicalDpiX())
        painter = QPainter(generator)
        try:
            self.widget.render(painter)
        finally:
            painter.end()


def chart_png(drawing: Drawing, language: str, *, title: bool = True) -> bytes:
    """A chart as PNG bytes, at the report size."""
    with Offscreen(drawing, language, title=title) as chart:
        return chart.png()


def save_chart(drawing: Drawing, path: Path, language: str) -> Path:
    """Save a chart as PNG or SVG (by the file's suffix; PNG when it is neither)."""
    with Offscreen(drawing, language) as chart:
        if path.suffix.casefold() == ".svg":
            chart.svg(path, drawing.caption.get(language))
        else:
            if path.suffix.casefold() != ".png":
                path = path.with_suffix(".png")
            chart.image().save(str(path), "PNG")
    return path


# -- drawings of a project -------------------------------------------------------------------


def frequencies(
    corpus: Corpus, group: str | None, filters: Filters, measure: str, language: str
) -> BarDrawing:
    """Segments (or documents) of each code of a group, in the codes' colours."""
    scoped = Filters(filters.coders, filters.attributes, (group,) if group else ())
    matrix = code_by_coder(corpus, scoped, measure="segments", language=language)
    documents = corpus.segments.set_index("segment")["document"]
    cells = matrix.cells.join(documents, on="segment")
    counted = "document" if measure == "documents" else "segment"
    keys = list(matrix.values.index)
    totals = cells.groupby("row")[counted].nunique().reindex(keys, fill_value=0)
    codes = corpus.code_by_id
    rows = matrix.description.rows
    word = MEASURES["documents" if measure == "documents" else "segments"]
    return BarDrawing(
        caption=Text(f"{rows.en}: {word.en}", f"{rows.es}: {word.es}"),
        labels=tuple(code_label(codes[k]) for k in keys),
        values=tuple(float(v) for v in totals.to_numpy()),
        colours=tuple(codes[k].colour or NEUTRAL for k in keys),
        axis=Text(word.en.capitalize(), word.es.capitalize()),
    )


def heatmap(table: MatrixTable) -> HeatmapDrawing:
    """The body of a matrix (without totals) as a heatmap."""
    body = table.frame.iloc[:-1, :-1]
    codes = table.matrix.row_labels
    description = table.matrix.description
    return HeatmapDrawing(
        caption=Text(description.caption("en"), description.caption("es")),
        rows=tuple(codes.get(k, str(k)) for k in table.row_keys),
        columns=tuple(str(c) for c in body.columns),
        values=tuple(tuple(float(v) for v in row) for row in body.to_numpy()),
        share=table.share,
    )


def by_attribute(
    corpus: Corpus,
    attribute: str,
    group: str | None,
    code_id: int | None,
    filters: Filters,
    measure: str,
    language: str,
) -> BarDrawing:
    """Documents (or segments) of a code, or of any code of a group, by attribute value."""
    scoped = Filters(filters.coders, filters.attributes, (group,) if group else ())
    matrix = code_by_attribute(corpus, attribute, scoped, measure=measure, language=language)
    request = MatrixRequest(group, ATTRIBUTE, attribute, measure, language=language)
    table = table_of(corpus, request, matrix, "")
    columns = [str(c) for c in table.frame.columns[:-1]]
    template = ANY_CODE_BY
    if code_id is not None and code_id in matrix.values.index:
        values = matrix.values.loc[code_id].to_numpy(dtype=np.float64)
        code = corpus.code_by_id[code_id]
        colour = code.colour or NEUTRAL
        rows = same(code_label(code))
        template = CODE_BY
    else:
        values = table.frame.iloc[-1, :-1].to_numpy(dtype=np.float64)
        colour = NEUTRAL
        rows = matrix.description.rows
    parts = (rows, matrix.description.columns, MEASURES[measure])
    word = parts[2]
    return BarDrawing(
        caption=Text(
            template.en.format(*(p.en for p in parts)), template.es.format(*(p.es for p in parts))
        ),
        labels=tuple(columns),
        values=tuple(float(v) for v in values),
        colours=tuple(colour for _ in columns),
        axis=Text(word.en.capitalize(), word.es.capitalize()),
        share=measure == "share",
    )
