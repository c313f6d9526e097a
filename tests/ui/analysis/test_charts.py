"""Charts of the demo: drawn from the right numbers, in code colours, saved as PNG and SVG."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ui.analysis.charts import REPORT_WIDTH, SCALE, BarDrawing, HeatmapDrawing
from ui.analysis.charts_dialog import ChartsDialog
from ui.analysis.panel import MatrixPanel
from workbench.analysis.filters import Filters
from workbench.analysis.matrices import code_by_attribute

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def charts(panel: MatrixPanel, qtbot: QtBot) -> ChartsDialog:
    panel.show_charts()
    dialog = panel.charts()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: all(v.drawing is not None for v in dialog.views()), timeout=10_000)
    return dialog


def colours_in(image: QImage) -> int:
    """How many different colours a sample of the image's pixels has."""
    step = max(1, image.width() // 120)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_the_charts_show_the_matrix_views_numbers(panel: MatrixPanel, charts: ChartsDialog) -> None:
    assert charts.isVisible()
    corpus = panel.corpus
    assert corpus is not None
    frequencies = charts.frequencies.drawing
    assert isinstance(frequencies, BarDrawing)
    outcomes = [c for c in corpus.codes if c.group == "Resultados" and (c.codable or c.segments)]
    assert len(frequencies.labels) == len(outcomes)
    # Bars are codes: in the codes' colours, as long as their segments.
    assert list(frequencies.colours) == [c.colour for c in outcomes]
    counts = corpus.segments.groupby("code").size()
    assert list(frequencies.values) == [float(counts.get(c.id, 0)) for c in outcomes]

    heatmap = charts.heatmap.drawing
    assert isinstance(heatmap, HeatmapDrawing)
    table = panel.model.table
    assert table is not None
    assert len(heatmap.rows) == len(table.row_keys)
    assert list(heatmap.columns) == [str(c) for c in table.frame.columns[:-1]]
    assert [list(r) for r in heatmap.values] == table.frame.iloc[:-1, :-1].to_numpy().tolist()

    # Another matrix in the view: the heatmap follows.
    panel.choose(rows="usmca", columns=("attribute", "state"))
    assert charts.heatmap.drawing is not heatmap
    assert len(charts.heatmap.drawing.rows) == len(panel.model.table.row_keys)  # type: ignore[union-attr]


def test_a_bar_chart_by_attribute_of_one_code(panel: MatrixPanel, charts: ChartsDialog) -> None:
    charts.tabs.setCurrentIndex(2)
    charts.attribute.setCurrentIndex(charts.attribute.findData("source_type"))
    charts.code.setCurrentIndex(1)  # the first code of the rows group
    code_id = charts.code.currentData()
    drawing = charts.by_attribute.drawing
    assert isinstance(drawing, BarDrawing)
    direct = code_by_attribute(
        panel.session.project, "source_type", Filters(groups=("outcomes",)), language="es"
    )
    assert list(drawing.labels) == list(direct.labelled().columns)
    assert list(drawing.values) == direct.values.loc[code_id].astype(float).tolist()
    colour = next(c.colour for c in panel.corpus.codes if c.id == code_id)  # type: ignore[union-attr]
    assert set(drawing.colours) == {colour}


@pytest.mark.parametrize("number", [0, 1, 2])
def test_each_chart_saves_png_and_svg(charts: ChartsDialog, tmp_path: Path, number: int) -> None:
    view = charts.views()[number]
    png = view.save(tmp_path / "chart.png")
    data = png.read_bytes()
    assert data.startswith(PNG)
    assert len(data) > 20_000
    image = QImage(str(png))
    assert image.width() == REPORT_WIDTH * SCALE
    assert colours_in(image) > 20  # text, axes, bars or cells: not a blank picture

    svg = view.save(tmp_path / "chart.svg")
    assert svg.suffix == ".svg"
    assert svg.stat().st_size > 20_000
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    drawing = view.drawing
    assert drawing is not None
    labels = drawing.labels if isinstance(drawing, BarDrawing) else drawing.rows  # type: ignore[attr-defined]
    assert labels[0][:12] in texts  # axis labels are text, not pixels
    assert drawing.caption.get(view.language) in texts

    other = view.save(tmp_path / "chart.gif")
    assert other.suffix == ".png" and other.read_bytes().startswith(PNG)


def test_the_charts_as_pictures_for_the_appendix(panel: MatrixPanel) -> None:
    english = panel.chart_images("en")
    spanish = panel.chart_images("es")
    assert [c for c, _ in english] == [
        "Outcomes: number of coded segments",
        "Outcomes by ILAB project: number of documents",
        "Outcomes (any code) by ILAB project: number of documents",
    ]
    assert spanish[0][0] == "Resultados: número de segmentos codificados"
    for _caption, data in english:
        assert data.startswith(PNG)
        image = QImage.fromData(data)
        assert image.width() == REPORT_WIDTH * SCALE
        assert colours_in(image) > 20
