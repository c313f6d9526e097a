"""The coding stripes beside the text: bars per code, in columns, clickable."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.ui.transcript.conftest import Coded
from tests.ui.transcript.helpers import TEXT, span_of
from ui.transcript.stripes import Stripe


def bar_of(coded: Coded, segment_id: int) -> Stripe:
    found = [s for s in coded.view.editor.stripes.stripes() if s.segment_ids == (segment_id,)]
    assert len(found) == 1, f"no single bar for segment {segment_id}"
    return found[0]


def middle_of(coded: Coded, stripe: Stripe) -> QPoint:
    x = coded.view.editor.stripes.bar_x(stripe.column) + 1
    return QPoint(int(x), int((stripe.top + stripe.bottom) / 2))


def test_one_bar_per_segment_beside_the_lines_it_covers(coded: Coded) -> None:
    editor = coded.view.editor
    editor.repaint()
    stripes = editor.stripes.stripes()
    assert sorted(s.segment_ids for s in stripes) == sorted(
        [(coded.union_segment,), (coded.safety_segment,), (coded.ben_segment,)]
    )
    union, ben = bar_of(coded, coded.union_segment), bar_of(coded, coded.ben_segment)
    assert union.column != ben.column  # they overlap: side by side
    assert bar_of(coded, coded.safety_segment).column == 0
    start, end = span_of(TEXT, "equipo de protección 🦺 y menos accidentes")
    safety = bar_of(coded, coded.safety_segment)
    first_line = editor.cursorRect(editor.cursor_at(start))
    last_line = editor.cursorRect(editor.cursor_at(end - 1))
    assert abs(safety.top - first_line.top()) <= 1
    assert abs(safety.bottom - (last_line.bottom() + 1)) <= 1
    assert (safety.code_id, safety.coder_id, safety.starts_here) == (coded.safety, coded.ana, True)


def test_bars_are_painted_in_the_code_colour(coded: Coded) -> None:
    gutter = coded.view.editor.stripes
    coded.view.editor.repaint()
    image = gutter.grab().toImage()
    safety = bar_of(coded, coded.safety_segment)
    point = middle_of(coded, safety)
    ratio = image.devicePixelRatio()
    pixel = QColor(image.pixel(int(point.x() * ratio), int(point.y() * ratio)))
    assert pixel.name() == "#e15759"


def test_clicking_a_bar_selects_its_segment(coded: Coded, qtbot: QtBot) -> None:
    coded.view.editor.repaint()
    bar = bar_of(coded, coded.ben_segment)
    with qtbot.waitSignal(coded.view.segment_selected) as selected:
        qtbot.mouseClick(
            coded.view.editor.stripes, Qt.MouseButton.LeftButton, pos=middle_of(coded, bar)
        )
    assert selected.args == [coded.ben_segment]
    assert coded.view.selected_segment() == coded.ben_segment


def test_hovering_a_bar_names_code_coder_and_memo(coded: Coded) -> None:
    coded.view.editor.repaint()
    gutter = coded.view.editor.stripes
    tip = gutter.tooltip_at(middle_of(coded, bar_of(coded, coded.union_segment)))
    assert "1b" in tip and "Independent unions" in tip
    assert "Ana Ruiz (AR)" in tip and "Vote for an independent union" in tip
    assert gutter.tooltip_at(QPoint(1, 1)) == ""


def test_the_gutter_makes_room_for_the_columns(coded: Coded) -> None:
    gutter = coded.view.editor.stripes
    assert coded.view.model.column_count == 2
    assert gutter.needed_width() >= 2 * gutter.column_width()
    assert gutter.width() >= gutter.needed_width()
