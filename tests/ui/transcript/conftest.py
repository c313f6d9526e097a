"""Projects and views for the transcript view's GUI tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.factories import add_code, new_project
from tests.ui.transcript.helpers import TEXT, add_transcript, span_of
from ui.session import AppSession
from ui.transcript import TranscriptView
from workbench.commands.coders import AddCoder
from workbench.commands.segments import AddSegments, NewSegment
from workbench.project import Project


@dataclass
class Coded:
    """A coded interview open in a transcript view."""

    project: Project
    session: AppSession
    view: TranscriptView
    document: int
    unions: int
    safety: int
    ana: int
    ben: int
    union_segment: int
    safety_segment: int
    ben_segment: int

    def segment(self, segment_id: int) -> tuple[int, int, str, str]:
        """Start, end, passage and memo of a stored segment."""
        found = [s for s in self.project.segments() if s.id == segment_id]
        assert found, f"segment {segment_id} is not stored"
        segment = found[0]
        return segment.start, segment.end, TEXT[segment.start : segment.end], segment.memo

    def segment_ids(self) -> set[int]:
        return {s.id for s in self.project.segments(document_ids=[self.document])}


@pytest.fixture
def make_view(qtbot: QtBot) -> Iterator[Callable[[Project], tuple[AppSession, TranscriptView]]]:
    sessions: list[AppSession] = []

    def make(project: Project) -> tuple[AppSession, TranscriptView]:
        session = AppSession(project)
        sessions.append(session)
        view = TranscriptView(session)
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.show()
        qtbot.waitExposed(view)
        return session, view

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def coded(
    tmp_path: Path, make_view: Callable[[Project], tuple[AppSession, TranscriptView]]
) -> Coded:
    project = new_project(tmp_path)
    ana = project.coder_id
    assert ana is not None
    add_ben = AddCoder("Ben Carter", initials="BC")
    project.run(add_ben)
    assert add_ben.coder_id is not None
    unions = add_code(project, "Independent unions", label="1b", colour="#4e79a7")
    safety = add_code(project, "Safety demands", label="1c", colour="#e15759")
    document = add_transcript(project, "Entrevista 1", TEXT)
    union_span = span_of(TEXT, "sindicato independiente 👍 y votamos")
    safety_span = span_of(TEXT, "equipo de protección 🦺 y menos accidentes")
    ben_span = span_of(TEXT, "votamos por la dirigencia")
    add = AddSegments(
        [
            NewSegment(document, unions, *union_span, memo="Vote for an independent union"),
            NewSegment(document, safety, *safety_span),
            NewSegment(document, unions, *ben_span, coder_id=add_ben.coder_id),
        ]
    )
    project.run(add)
    union_segment, safety_segment, ben_segment = add.segment_ids
    session, view = make_view(project)
    view.show_document(document)
    return Coded(
        project,
        session,
        view,
        document,
        unions,
        safety,
        ana,
        add_ben.coder_id,
        union_segment,
        safety_segment,
        ben_segment,
    )
