"""Pictures of the dashboard and of an adjudication on the demo project, at 1300 x 800.

Set ``AGREEMENT_SCREENSHOTS`` to a folder to keep them there as
``agreement-dashboard.png`` and ``adjudication.png``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.agreement.comparison import CoderPane
from ui.agreement.panel import AgreementPanel
from ui.agreement.scale import statistic_colour


def folder(tmp_path: Path) -> Path:
    chosen = os.environ.get("AGREEMENT_SCREENSHOTS")
    return Path(chosen) if chosen else tmp_path


def grab(widget: QWidget, path: Path) -> QImage:
    QApplication.processEvents()
    image = widget.grab().toImage()
    assert image.save(str(path))
    return image


def share_like(image: QImage, area: QRect, colour: QColor, tolerance: int = 10) -> float:
    """The share of the pixels of ``area`` that have (about) ``colour``."""
    hits = total = 0
    for x in range(area.left(), area.right() + 1):
        for y in range(area.top(), area.bottom() + 1):
            pixel = image.pixelColor(x, y)
            total += 1
            if (
                abs(pixel.red() - colour.red()) <= tolerance
                and abs(pixel.green() - colour.green()) <= tolerance
                and abs(pixel.blue() - colour.blue()) <= tolerance
            ):
                hits += 1
    return hits / max(total, 1)


def blend(colour: QColor, alpha: int, ground: QColor) -> QColor:
    t = alpha / 255
    return QColor(
        round(colour.red() * t + ground.red() * (1 - t)),
        round(colour.green() * t + ground.green() * (1 - t)),
        round(colour.blue() * t + ground.blue() * (1 - t)),
    )


def test_dashboard_and_adjudication_pictures(
    qtbot: QtBot, demo_panel: AgreementPanel, tmp_path: Path
) -> None:
    panel = demo_panel
    project = panel._session.project
    dashboard = panel.dashboard
    image = grab(panel, folder(tmp_path) / "agreement-dashboard.png")
    assert (image.width(), image.height()) == (1300, 800)

    # The kappa of 1a is painted in its colour on the scale.
    column = dashboard.model.column_of("statistic", "kappa")
    row = dashboard.model.row_of(project.code_id("1a"))
    cell = dashboard.table.visualRect(
        dashboard.proxy.mapFromSource(dashboard.model.index(row, column))
    )
    origin = dashboard.table.viewport().mapTo(panel, QPoint(0, 0))
    left = QRect(cell.left() + 2, cell.top() + 3, 8, cell.height() - 6).translated(origin)
    kappa = dashboard.model.code_at(row).values["kappa"]
    assert share_like(image, left, statistic_colour(kappa)) > 0.9

    # Adjudication: a passage one coder coded as 2b and the other as 1c, with two decided.
    review = panel.review
    found = review.model.all
    review.select(found[0].key.passage)
    review.reason.setText("Ana's span ends where the claim ends")
    review.decide("a")
    review.reason.setText("Ben kept the whole answer")
    review.decide("b")
    differently = next(d for d in found if d.coded_differently and d.kind == "only_a")
    assert review.select(differently.key.passage)
    review.reason.setText("The passage is about safety demands: 1c")
    panel.pages.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.progress.text() == f"2 of {len(found)} resolved")
    image = grab(panel, folder(tmp_path) / "adjudication.png")
    assert (image.width(), image.height()) == (1300, 800)

    # Ana's version fills her span with the code's colour; Ben's leaves it on grey.
    pane: CoderPane = review.comparison.pane_a
    colour = QColor(next(c.colour for c in project.codes() if c.id == differently.code_id))
    middle = (differently.spans_a[0].start + differently.spans_a[0].end) // 2
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(middle - pane.offset)
    line = pane.text.cursorRect(cursor)
    band = QRect(line.left() - 30, line.top() + 1, 60, line.height() - 2)
    band.translate(pane.text.viewport().mapTo(panel, QPoint(0, 0)))
    tint = blend(colour, 110, pane.text.palette().base().color())
    assert share_like(image, band, tint) > 0.3
    other = review.comparison.pane_b
    band_b = QRect(band)
    band_b.translate(
        other.text.viewport().mapTo(panel, QPoint(0, 0))
        - pane.text.viewport().mapTo(panel, QPoint(0, 0))
    )
    assert share_like(image, band_b, tint) < 0.05
    assert share_like(image, band_b, QColor("#e6e6e6")) > 0.3
