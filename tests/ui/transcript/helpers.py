"""Test data and small probes of the transcript view's widgets."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from pytestqt.qtbot import QtBot

from ui.transcript import TranscriptView
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.project import Project

# An emoji before, inside and after coded passages: Qt counts each as two units.
TEXT = (
    "ENTREVISTADORA: ¿Qué cambió en el ingenio? 😀\n"
    "TRABAJADORA: Formamos un sindicato independiente 👍 y votamos por la dirigencia.\n"
    "TRABAJADOR: Ahora hay equipo de protección 🦺 y menos accidentes en la zafra.\n"
)
SPEAKERS = ("ENTREVISTADORA", "TRABAJADORA", "TRABAJADOR")


def speaker_turns(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, speaker)`` of each ``SPEAKER: speech`` line, start after the label."""
    turns = []
    offset = 0
    for line in text.split("\n"):
        speaker, colon, _speech = line.partition(": ")
        if colon and speaker in SPEAKERS:
            turns.append((offset + len(speaker) + 2, offset + len(line), speaker))
        offset += len(line) + 1
    return tuple(turns)


def add_transcript(project: Project, name: str, text: str) -> int:
    command = ImportDocuments(
        [
            NewDocument(
                name=name,
                text=text,
                source_format="txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                turns=speaker_turns(text),
            )
        ]
    )
    project.run(command)
    return command.document_ids[0]


def span_of(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def utf16(text: str, offset: int) -> int:
    """Qt's position of ``text[offset]``, reckoned without the code under test."""
    return len(text[:offset].encode("utf-16-le")) // 2


def formats(view: TranscriptView, block_number: int) -> list[tuple[int, int, QTextCharFormat]]:
    """``(start, length, format)`` of the formats the highlighter gave a block (UTF-16)."""
    block = view.editor.document().findBlockByNumber(block_number)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def tinted_units(view: TranscriptView, block_number: int) -> set[int]:
    """The UTF-16 positions (in the document) that have a background in a block."""
    block = view.editor.document().findBlockByNumber(block_number)
    units: set[int] = set()
    for start, length, fmt in formats(view, block_number):
        if fmt.background().style() != Qt.BrushStyle.NoBrush:
            units.update(range(block.position() + start, block.position() + start + length))
    return units


def background_at(view: TranscriptView, block_number: int, unit: int) -> QColor | None:
    """The background colour at a UTF-16 position of the document, if any."""
    block = view.editor.document().findBlockByNumber(block_number)
    for start, length, fmt in formats(view, block_number):
        inside = block.position() + start <= unit < block.position() + start + length
        if inside and fmt.background().style() != Qt.BrushStyle.NoBrush:
            return fmt.background().color()
    return None


def wait_tinted(qtbot: QtBot, view: TranscriptView, block_number: int) -> None:
    qtbot.waitUntil(lambda: bool(tinted_units(view, block_number)))


def point_at(view: TranscriptView, offset: int) -> QPoint:
    """The middle of the character at a code-point offset, in viewport coordinates."""
    editor = view.editor
    here = editor.cursorRect(editor.cursor_at(offset))
    after = editor.cursorRect(editor.cursor_at(offset + 1))
    x = (here.x() + after.x()) // 2 if after.y() == here.y() else here.x() + 3
    return QPoint(x, here.center().y())


def caret_point(view: TranscriptView, offset: int) -> QPoint:
    """Where the caret before a code-point offset is drawn, in viewport coordinates."""
    rect = view.editor.cursorRect(view.editor.cursor_at(offset))
    return QPoint(rect.center().x(), rect.center().y())
