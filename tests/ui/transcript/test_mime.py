"""Dragging a passage: the payload a code in the codebook accepts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.transcript.conftest import Coded
from tests.ui.transcript.helpers import TEXT, point_at, span_of
from ui.transcript import SPAN_MIME, parse_span_mime, span_mime


def test_span_round_trips_with_its_text() -> None:
    mime = span_mime(7, 12, 40, "sindicato 👍")
    assert mime.hasFormat(SPAN_MIME)
    assert json.loads(bytes(mime.data(SPAN_MIME).data())) == {
        "document_id": 7,
        "start": 12,
        "end": 40,
    }
    assert mime.text() == "sindicato 👍"
    assert parse_span_mime(mime) == (7, 12, 40)


@pytest.mark.parametrize(
    "payload",
    [
        b"not json",
        b'{"document_id": 1, "start": 5}',
        b'{"document_id": true, "start": 0, "end": 4}',
        b'{"document_id": 1, "start": 4, "end": 4}',
        b'{"document_id": 1, "start": -1, "end": 4}',
        b'{"document_id": 1, "start": "0", "end": 4}',
        b"[1, 2, 3]",
    ],
)
def test_malformed_spans_are_refused(payload: bytes) -> None:
    mime = QMimeData()
    mime.setData(SPAN_MIME, payload)
    assert parse_span_mime(mime) is None


def test_other_drags_are_not_spans() -> None:
    mime = QMimeData()
    mime.setText("hola")
    assert parse_span_mime(mime) is None
    assert parse_span_mime(None) is None


def test_the_selection_is_offered_in_code_points(coded: Coded) -> None:
    start, end = span_of(TEXT, "sindicato independiente 👍 y votamos")
    coded.view.select_span(start, end)
    mime = coded.view.editor.createMimeDataFromSelection()
    assert parse_span_mime(mime) == (coded.document, start, end)
    assert mime.text() == "sindicato independiente 👍 y votamos"


def test_dragging_selected_text_starts_a_span_drag(
    coded: Coded, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dragged: list[QMimeData] = []

    def fake_exec(drag: QDrag, *_actions: object) -> Qt.DropAction:
        mime = drag.mimeData()
        copy = QMimeData()
        for kind in mime.formats():
            copy.setData(kind, mime.data(kind))
        dragged.append(copy)
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    start, end = span_of(TEXT, "equipo de protección 🦺 y menos")
    coded.view.select_span(start, end)
    viewport = coded.view.editor.viewport()
    inside = point_at(coded.view, start + 3)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=inside)
    away = inside + QPoint(QApplication.startDragDistance() + 12, 0)
    qtbot.mouseMove(viewport, away)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=away)
    assert len(dragged) == 1
    assert parse_span_mime(dragged[0]) == (coded.document, start, end)
    assert coded.view.selected_span() == (start, end)  # the drag kept the selection


def test_a_click_inside_the_selection_without_moving_clears_it(coded: Coded, qtbot: QtBot) -> None:
    start, end = span_of(TEXT, "Formamos un")
    coded.view.select_span(start, end)
    qtbot.mouseClick(
        coded.view.editor.viewport(), Qt.MouseButton.LeftButton, pos=point_at(coded.view, start + 2)
    )
    assert coded.view.selected_span() is None
