"""Showing a transcript: offsets through the widget, highlights, labels, refreshes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.factories import new_project
from tests.ui.transcript.conftest import Coded
from tests.ui.transcript.helpers import (
    TEXT,
    add_transcript,
    background_at,
    formats,
    point_at,
    span_of,
    tinted_units,
    utf16,
    wait_tinted,
)
from ui.session import AppSession
from ui.transcript import EMPTY_TEXT, TranscriptView
from workbench.commands.codes import UpdateCode
from workbench.commands.documents import DeleteDocument
from workbench.commands.segments import AddSegment, RemoveSegments
from workbench.project import Project

MakeView = Callable[[Project], tuple[AppSession, TranscriptView]]


def test_no_document_shows_what_to_do_next(tmp_path: Path, make_view: MakeView) -> None:
    _session, view = make_view(new_project(tmp_path))
    view.show_document(None)
    assert view.document_id is None
    assert view.selected_span() is None
    empty = view.findChild(type(view._empty))
    assert empty is not None and empty.isVisible()
    assert empty.text() == EMPTY_TEXT
    assert not view.editor.isVisible()


def test_a_passage_after_an_emoji_selected_with_the_keyboard_is_coded_exactly(
    coded: Coded, qtbot: QtBot
) -> None:
    passage = "independiente 👍 y votamos por la dirigencia."
    editor = coded.view.editor
    # Put the caret before the passage with Qt's own search, then select with Shift+Right.
    found = editor.document().find(passage)
    assert not found.isNull()
    caret = QTextCursor(editor.document())
    caret.setPosition(found.selectionStart())
    editor.setTextCursor(caret)
    editor.setFocus()
    emitted: list[tuple[int, int]] = []
    coded.view.selection_changed.connect(lambda start, end: emitted.append((start, end)))
    for _ in passage:  # one key press per character, the 👍 included
        qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    start, end = span_of(TEXT, passage)
    assert coded.view.selected_span() == (start, end)
    assert emitted[-1] == (start, end)
    assert found.selectionStart() == start + 1  # Qt counted the 😀 as two
    assert found.selectionEnd() == end + 2  # and the 👍

    before = coded.segment_ids()
    span = coded.view.selected_span()
    assert span is not None
    coded.session.run(AddSegment(coded.document, coded.safety, *span))
    (new,) = coded.segment_ids() - before
    assert coded.segment(new)[2] == passage
    assert coded.project.text(coded.document)[slice(*span)] == passage


def test_a_selection_made_by_qt_search_over_emoji_maps_back_to_code_points(coded: Coded) -> None:
    passage = "equipo de protección 🦺 y menos"
    found = coded.view.editor.document().find(passage, 0, QTextDocument.FindFlag(0))
    coded.view.editor.setTextCursor(found)
    assert coded.view.selected_span() == span_of(TEXT, passage)


def test_select_span_selects_the_same_characters_in_qt(coded: Coded) -> None:
    start, end = span_of(TEXT, "independiente 👍 y votamos")
    coded.view.select_span(start, end)
    cursor = coded.view.editor.textCursor()
    assert cursor.selectedText() == "independiente 👍 y votamos"
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (
        utf16(TEXT, start),
        utf16(TEXT, end),
    )
    coded.view.clear_selection()
    assert coded.view.selected_span() is None


def test_a_stored_segment_is_highlighted_over_exactly_its_characters(
    coded: Coded, qtbot: QtBot
) -> None:
    # Block 2 holds the safety segment after a 😀 (block 0) and a 👍 (block 1), with a
    # 🦺 inside it.
    start, end = span_of(TEXT, "equipo de protección 🦺 y menos accidentes")
    wait_tinted(qtbot, coded.view, 2)
    assert tinted_units(coded.view, 2) == set(range(utf16(TEXT, start), utf16(TEXT, end)))


def test_overlapping_codings_blend_and_stay_readable(coded: Coded, qtbot: QtBot) -> None:
    wait_tinted(qtbot, coded.view, 1)
    union_only = utf16(TEXT, TEXT.index("sindicato"))
    both = utf16(TEXT, TEXT.index("votamos"))
    ben_only = utf16(TEXT, TEXT.index("dirigencia"))
    plain = utf16(TEXT, TEXT.index("Formamos"))
    tint = background_at(coded.view, 1, union_only)
    overlap = background_at(coded.view, 1, both)
    assert tint is not None and overlap is not None
    assert background_at(coded.view, 1, plain) is None
    assert background_at(coded.view, 1, ben_only) == tint  # same code, another coder
    assert tint.lightnessF() > 0.8  # a light tint: black text stays readable
    assert overlap.lightnessF() > 0.7


def test_speaker_labels_are_bold_and_muted(coded: Coded, qtbot: QtBot) -> None:
    wait_tinted(qtbot, coded.view, 1)
    label = [
        (start, length, fmt)
        for start, length, fmt in formats(coded.view, 1)
        if fmt.fontWeight() == QFont.Weight.Bold
    ]
    assert [(start, length) for start, length, _fmt in label] == [(0, len("TRABAJADORA:"))]
    text_colour = coded.view.editor.palette().color(coded.view.editor.palette().ColorRole.Text)
    assert label[0][2].foreground().color() != text_colour


def test_emphasised_codes_are_tinted_more_strongly(coded: Coded, qtbot: QtBot) -> None:
    wait_tinted(qtbot, coded.view, 2)
    unit = utf16(TEXT, TEXT.index("equipo"))
    normal = background_at(coded.view, 2, unit)
    coded.view.set_emphasised_codes({coded.safety})
    coded.view.editor.repaint()
    strong = background_at(coded.view, 2, unit)
    assert normal is not None and strong is not None
    assert strong.lightnessF() < normal.lightnessF()
    coded.view.set_emphasised_codes(set())
    coded.view.editor.repaint()
    assert background_at(coded.view, 2, unit) == normal


def test_only_the_chosen_coders_segments_are_painted(coded: Coded, qtbot: QtBot) -> None:
    wait_tinted(qtbot, coded.view, 1)
    ben_only = utf16(TEXT, TEXT.index("dirigencia"))
    ana_only = utf16(TEXT, TEXT.index("sindicato"))
    coded.view.set_visible_coders({coded.ben})
    coded.view.editor.repaint()
    assert background_at(coded.view, 1, ben_only) is not None
    assert background_at(coded.view, 1, ana_only) is None
    assert tinted_units(coded.view, 2) == set()
    assert {s.segment_ids for s in coded.view.editor.stripes.stripes()} == {(coded.ben_segment,)}
    coded.view.set_visible_coders(None)
    coded.view.editor.repaint()
    assert background_at(coded.view, 1, ana_only) is not None
    assert len(coded.view.editor.stripes.stripes()) == 3


def test_hovering_a_passage_names_its_codes_coders_and_memos(coded: Coded) -> None:
    coded.view.editor.repaint()
    tip = coded.view.editor.tooltip_at(point_at(coded.view, TEXT.index("votamos") + 2))
    assert "Independent unions" in tip and "1b" in tip
    assert "Ana Ruiz (AR)" in tip and "Ben Carter (BC)" in tip
    assert "Vote for an independent union" in tip
    assert coded.view.editor.tooltip_at(point_at(coded.view, TEXT.index("Formamos") + 1)) == ""


def test_a_segment_added_elsewhere_is_painted_and_one_removed_disappears(
    coded: Coded, qtbot: QtBot
) -> None:
    start, end = span_of(TEXT, "¿Qué cambió")
    coded.session.run(AddSegment(coded.document, coded.safety, start, end))
    wait_tinted(qtbot, coded.view, 0)
    assert tinted_units(coded.view, 0) == set(range(utf16(TEXT, start), utf16(TEXT, end)))
    (new,) = [s.id for s in coded.view.model.index.in_block(0)]
    coded.session.run(RemoveSegments([new]))
    qtbot.waitUntil(lambda: not tinted_units(coded.view, 0))
    coded.session.undo_stack.undo()
    wait_tinted(qtbot, coded.view, 0)


def test_a_recoloured_code_is_painted_in_its_new_colour(coded: Coded, qtbot: QtBot) -> None:
    wait_tinted(qtbot, coded.view, 2)
    unit = utf16(TEXT, TEXT.index("equipo"))
    before = background_at(coded.view, 2, unit)
    coded.session.run(UpdateCode(coded.safety, colour="#59a14f"))
    qtbot.waitUntil(lambda: background_at(coded.view, 2, unit) != before)
    after = background_at(coded.view, 2, unit)
    assert after is not None and after.green() > after.red()


def test_removing_the_shown_document_shows_the_empty_state(coded: Coded, qtbot: QtBot) -> None:
    coded.session.run(DeleteDocument(coded.document))
    assert coded.view.document_id is None
    qtbot.waitUntil(lambda: not coded.view.editor.isVisible())


def test_another_document_replaces_the_text_and_its_highlights(coded: Coded, qtbot: QtBot) -> None:
    other = add_transcript(coded.project, "Entrevista 2", "TRABAJADOR: Nada que decir.\n")
    coded.view.select_segment(coded.union_segment)
    with qtbot.waitSignal(coded.view.segment_selected) as selected:
        coded.view.show_document(other)
    assert selected.args == [-1]
    assert coded.view.document_id == other
    assert coded.view.editor.toPlainText() == "TRABAJADOR: Nada que decir.\n"
    assert len(coded.view.model.index) == 0
    coded.view.editor.repaint()
    assert tinted_units(coded.view, 0) == set()


def test_reveal_scrolls_a_far_passage_into_view_and_selects_it(
    tmp_path: Path, make_view: MakeView, qtbot: QtBot
) -> None:
    project = new_project(tmp_path)
    lines = [f"TRABAJADOR: línea {n} 😀 del relato." for n in range(600)]
    text = "\n".join(lines) + "\n"
    document = add_transcript(project, "Larga", text)
    _session, view = make_view(project)
    view.show_document(document)
    start, end = span_of(text, "línea 450 😀 del")
    with qtbot.waitSignal(view.selection_changed) as changed:
        view.reveal(start, end)
    assert changed.args == [start, end]
    assert view.selected_span() == (start, end)
    first = view.editor.firstVisibleBlock().blockNumber()
    assert first <= 450 <= first + view.editor.viewport().height() // 10


def test_clicking_a_paragraph_number_selects_the_paragraph(coded: Coded, qtbot: QtBot) -> None:
    editor = coded.view.editor
    editor.repaint()
    (block, top, bottom) = editor.visible_blocks()[1]
    with qtbot.waitSignal(coded.view.selection_changed) as changed:
        qtbot.mouseClick(
            editor.numbers,
            Qt.MouseButton.LeftButton,
            pos=QPoint(editor.numbers.width() - 12, int((top + bottom) / 2)),
        )
    line = TEXT.split("\n")[1]
    start = TEXT.index(line)
    assert changed.args == [start, start + len(line)]
    assert block.blockNumber() == 1


def test_the_wheel_over_a_gutter_scrolls_the_text(
    tmp_path: Path, make_view: MakeView, qtbot: QtBot
) -> None:
    project = new_project(tmp_path)
    text = "\n".join(f"TRABAJADOR: línea {n}." for n in range(300)) + "\n"
    _session, view = make_view(project)
    view.show_document(add_transcript(project, "Larga", text))
    bar = view.editor.verticalScrollBar()
    for gutter in (view.editor.stripes, view.editor.numbers):
        before = bar.value()
        centre = QPointF(gutter.width() / 2, gutter.height() / 2)
        wheel = QWheelEvent(
            centre,
            gutter.mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(gutter, wheel)
        qtbot.waitUntil(lambda before=before: bar.value() > before)
