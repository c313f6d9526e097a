"""Editing codings in the transcript: click, context menu, drag an end; all undoable."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.transcript.conftest import Coded
from tests.ui.transcript.helpers import (
    TEXT,
    background_at,
    caret_point,
    point_at,
    span_of,
    utf16,
    wait_tinted,
)


def click(qtbot: QtBot, coded: Coded, point: QPoint) -> None:
    qtbot.mouseClick(coded.view.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_highlight_selects_its_segment(coded: Coded, qtbot: QtBot) -> None:
    inside = point_at(coded.view, TEXT.index("equipo") + 3)
    with qtbot.waitSignal(coded.view.segment_selected) as selected:
        click(qtbot, coded, inside)
    assert selected.args == [coded.safety_segment]
    assert coded.view.selected_segment() == coded.safety_segment
    assert coded.view.selected_span() is None  # a click selects no text
    with qtbot.waitSignal(coded.view.segment_selected) as selected:
        click(qtbot, coded, point_at(coded.view, TEXT.index("Formamos") + 2))
    assert selected.args == [-1]


def test_clicking_again_where_codings_overlap_steps_through_them(
    coded: Coded, qtbot: QtBot
) -> None:
    overlap = TEXT.index("votamos")
    shortest_first = [coded.ben_segment, coded.union_segment, coded.ben_segment]
    seen = []
    for step, _expected in enumerate(shortest_first):
        # A different character of the overlap each time, so no click is a double click.
        with qtbot.waitSignal(coded.view.segment_selected) as selected:
            click(qtbot, coded, point_at(coded.view, overlap + 2 * step))
        seen.append(selected.args[0])
    assert seen == shortest_first


def test_the_selected_segment_is_tinted_more_strongly(coded: Coded, qtbot: QtBot) -> None:
    wait_tinted(qtbot, coded.view, 2)
    unit = utf16(TEXT, TEXT.index("equipo"))
    before = background_at(coded.view, 2, unit)
    coded.view.select_segment(coded.safety_segment)
    coded.view.editor.repaint()
    after = background_at(coded.view, 2, unit)
    assert before is not None and after is not None
    assert after.lightnessF() < before.lightnessF()


def test_remove_segment_from_the_menu_and_undo(coded: Coded) -> None:
    coded.view.editor.repaint()
    menu = coded.view.context_menu(TEXT.index("equipo") + 1)
    assert coded.view.selected_segment() == coded.safety_segment  # right click selected it
    assert coded.view.action_remove in menu.actions()
    assert coded.view.action_code_selection not in menu.actions()  # no text selected
    coded.view.action_remove.trigger()
    assert coded.safety_segment not in coded.segment_ids()
    assert coded.view.selected_segment() is None
    assert coded.safety_segment not in coded.view.model.index
    coded.session.undo_stack.undo()
    assert coded.safety_segment in coded.segment_ids()
    assert coded.safety_segment in coded.view.model.index


def test_resize_to_selection_from_the_menu_and_undo(coded: Coded) -> None:
    old = coded.segment(coded.union_segment)
    coded.view.select_segment(coded.union_segment)
    start, end = span_of(TEXT, "un sindicato independiente 👍")
    coded.view.select_span(start, end)
    menu = coded.view.context_menu(start + 1)
    assert coded.view.action_resize in menu.actions()
    assert coded.view.action_resize.isEnabled()
    coded.view.action_resize.trigger()
    assert coded.segment(coded.union_segment)[:3] == (start, end, "un sindicato independiente 👍")
    coded.session.undo_stack.undo()
    assert coded.segment(coded.union_segment) == old


def test_edit_memo_in_a_small_dialog_and_undo(coded: Coded, qtbot: QtBot) -> None:
    coded.view.select_segment(coded.safety_segment)
    coded.view.action_memo.trigger()
    dialog = coded.view.memo_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "1c Safety demands" in labels and "Ana Ruiz (AR)" in labels
    assert "equipo de protección 🦺 y menos accidentes" in labels
    dialog.editor.setPlainText("Protective gear arrived after the audit.")
    dialog.accept()
    assert coded.segment(coded.safety_segment)[3] == "Protective gear arrived after the audit."
    coded.session.undo_stack.undo()
    assert coded.segment(coded.safety_segment)[3] == ""


def test_cancelling_the_memo_dialog_changes_nothing(coded: Coded, qtbot: QtBot) -> None:
    coded.view.select_segment(coded.union_segment)
    coded.view.action_memo.trigger()
    dialog = coded.view.memo_dialog
    assert dialog is not None
    assert dialog.memo() == "Vote for an independent union"
    dialog.editor.setPlainText("not this")
    dialog.reject()
    assert coded.segment(coded.union_segment)[3] == "Vote for an independent union"
    assert coded.session.undo_stack.count() == 0


def test_change_code_asks_the_window_for_a_code(coded: Coded, qtbot: QtBot) -> None:
    coded.view.select_segment(coded.ben_segment)
    menu = coded.view.context_menu(TEXT.index("dirigencia"))
    assert coded.view.action_recode in menu.actions()
    with qtbot.waitSignal(coded.view.recode_requested) as requested:
        coded.view.action_recode.trigger()
    assert requested.args == [coded.ben_segment]


def test_code_selection_asks_for_a_code_and_in_vivo_codes_at_once(
    coded: Coded, qtbot: QtBot
) -> None:
    start, end = span_of(TEXT, "menos accidentes")
    coded.view.select_span(start, end)
    menu = coded.view.context_menu(start + 1)
    assert coded.view.action_code_selection in menu.actions()
    assert coded.view.action_in_vivo in menu.actions()
    with qtbot.waitSignal(coded.view.code_requested):
        coded.view.action_code_selection.trigger()
    before = coded.segment_ids()
    coded.view.action_in_vivo.trigger()
    (new,) = coded.segment_ids() - before
    assert coded.segment(new)[:3] == (start, end, "menos accidentes")
    assert any(code.name == "menos accidentes" for code in coded.project.codes())
    assert new in coded.view.model.index
    coded.session.undo_stack.undo()
    assert coded.segment_ids() == before
    assert not any(code.name == "menos accidentes" for code in coded.project.codes())


def test_dragging_the_end_of_the_selected_segment_resizes_it(coded: Coded, qtbot: QtBot) -> None:
    coded.view.select_segment(coded.safety_segment)
    start, end = span_of(TEXT, "equipo de protección 🦺 y menos accidentes")
    new_end = TEXT.index(" la zafra")
    viewport = coded.view.editor.viewport()
    grab = caret_point(coded.view, end)
    qtbot.mouseMove(viewport, grab)
    assert viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(viewport, caret_point(coded.view, new_end - 3))
    qtbot.mouseMove(viewport, caret_point(coded.view, new_end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=caret_point(coded.view, new_end))
    assert coded.segment(coded.safety_segment)[:3] == (
        start,
        new_end,
        "equipo de protección 🦺 y menos accidentes en",
    )
    assert coded.session.undo_stack.count() == 1
    coded.session.undo_stack.undo()
    assert coded.segment(coded.safety_segment)[:2] == (start, end)


def test_dragging_the_start_past_the_end_turns_the_span_around(coded: Coded, qtbot: QtBot) -> None:
    coded.view.select_segment(coded.safety_segment)
    start, end = span_of(TEXT, "equipo de protección 🦺 y menos accidentes")
    beyond = TEXT.index("la zafra")
    viewport = coded.view.editor.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=caret_point(coded.view, start))
    qtbot.mouseMove(viewport, caret_point(coded.view, beyond))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=caret_point(coded.view, beyond))
    assert coded.segment(coded.safety_segment)[:2] == (end, beyond)


def test_a_press_away_from_the_ends_selects_text_instead(coded: Coded, qtbot: QtBot) -> None:
    coded.view.select_segment(coded.safety_segment)
    viewport = coded.view.editor.viewport()
    begin = point_at(coded.view, TEXT.index("Ahora"))
    finish = point_at(coded.view, TEXT.index("equipo") - 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(viewport, finish)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
    assert coded.view.selected_span() is not None
    assert coded.session.undo_stack.count() == 0
