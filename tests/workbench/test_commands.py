"""Every command, done, undone and redone on SQLite and on a real PostgreSQL server.

The state of a project is a snapshot of every table's rows (the audit log aside).
Undo must give back the state before the command; redo the state after it. A
refused command must leave no trace at all: no row, no audit event.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.schema import Base, Case, CaseDocument, Document, Outcome, OutcomeContribution
from workbench.changes import Changes
from workbench.commands.attributes import CreateAttribute, SetAttributeValues
from workbench.commands.base import Command
from workbench.commands.code_removal import DeleteCode, MergeCodes
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode, CreateCodeGroup, MoveCode, UpdateCode
from workbench.commands.documents import DeleteDocument, ImportDocuments, NewDocument
from workbench.commands.memos import AddMemo, DeleteMemo, EditMemo
from workbench.commands.segments import (
    AddSegment,
    AddSegments,
    NewSegment,
    RecodeSegment,
    RemoveSegments,
    ResizeSegment,
    SetSegmentMemo,
)
from workbench.errors import ConflictError, InvalidInputError, NotFoundError, WorkbenchError
from workbench.project import Project

CODER = "Test Coder"

# Columns that move forward on every change, undo included: the optimistic-locking
# counter of a code and the time a segment or memo was last touched.
_BOOKKEEPING = {"code": {"version"}, "segment": {"updated_at"}, "memo": {"updated_at"}}
# Tables whose integer ids nothing refers to (no command, no other table): a redo
# may give their rows new ids from a PostgreSQL sequence; the rows must match.
_ANONYMOUS_ROWS = {"attribute_value", "speaker_turn"}


def snapshot(project: Project, *, events: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    state: dict[str, list[tuple[Any, ...]]] = {}
    with project.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name == "event" and not events:
                continue
            skip = set() if events else set(_BOOKKEEPING.get(table.name, ()))
            if table.name in _ANONYMOUS_ROWS and not events:
                skip.add("id")
            columns = [column for column in table.columns if column.name not in skip]
            rows = session.execute(select(*columns).order_by(*columns)).all()
            state[table.name] = [tuple(row) for row in rows]
    return state


def open_beside(project: Project, location: str) -> Project:
    """Open a second connection to the project, as a colleague's window would."""
    if project.url.get_backend_name() == "sqlite":
        # Work around the bug pinned in tests/db/test_lifecycle.py
        # (test_a_project_can_be_opened_while_it_is_open_elsewhere): copy the WAL,
        # where a new project's application id still is, into the main file.
        connection = sqlite3.connect(location)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
    return Project.open(location)


def event_count(project: Project) -> int:
    return len(project.events())


def last_event(project: Project) -> tuple[str | None, str]:
    event = project.events(limit=1)[0]
    return event.coder, event.action


# -- a small project to work on -------------------------------------------------------

TEXT_1 = (
    "Entrevista 1 — Sindicato minero\n"
    "P: ¿Cómo empezó todo? 😀\n"
    "R: Después de la reforma laboral los salarios subieron y las horas extra bajaron.\n"
    "R: La seguridad en la mina mejoró mucho.\n"
)
TEXT_2 = (
    "Grupo focal — Textiles\n"
    "A: Por primera vez votamos en secreto.\n"
    "B: Votamos en secreto y participamos en la asamblea.\n"
)


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class World:
    """Ids of what :func:`build_world` made."""

    doc1: int
    doc2: int
    sector: int
    year: int
    group: int
    outcomes: int
    wages: int
    overtime: int
    safety: int
    themes: int
    voice: int
    participation: int
    s_wages: int
    s_overtime: int
    s_safety: int
    s_voice: int
    s_participation: int
    s_duplicate: int
    memo: int
    outcome: int


def build_world(project: Project) -> World:
    """Documents with turns, attributes and a case; a codebook; segments; a memo; an outcome."""
    sector = CreateAttribute("Sector", "choice", choices=["Mining", "Textiles"])
    year = CreateAttribute("Year", "number")
    project.run(sector)
    project.run(year)
    assert sector.attribute_id is not None and year.attribute_id is not None
    imported = ImportDocuments(
        [
            NewDocument(
                "Entrevista 1",
                TEXT_1,
                "txt",
                sha(TEXT_1),
                turns=(
                    (*span(TEXT_1, "P: ¿Cómo empezó todo? 😀"), "P"),
                    (*span(TEXT_1, "R: Después"), "R"),
                ),
                attributes={sector.attribute_id: "Mining", year.attribute_id: "2019"},
            ),
            NewDocument("Grupo focal 1", TEXT_2, "docx", sha(TEXT_2)),
        ]
    )
    project.run(imported)
    doc1, doc2 = imported.document_ids
    group = CreateCodeGroup("Outcomes")
    project.run(group)
    assert group.group_id is not None

    def code(name: str, parent: int | None = None, **options: Any) -> int:
        command = CreateCode(CodeSpec(name, parent_id=parent, **options))
        project.run(command)
        assert command.code_id is not None
        return command.code_id

    outcomes = code("Outcomes", group_id=group.group_id, label="O")
    wages = code("Wages", outcomes, label="O1", definition="Pay and its changes")
    overtime = code("Overtime", wages)
    safety = code("Safety", outcomes, label="O2")
    themes = code("Themes", codable=False)
    voice = code("Voice", themes)
    participation = code("Participation", themes)

    def segment(document: int, code_id: int, text: str, passage: str, memo: str = "") -> int:
        command = AddSegment(document, code_id, *span(text, passage), memo=memo)
        project.run(command)
        return command.segment_ids[0]

    s_wages = segment(doc1, wages, TEXT_1, "los salarios subieron", memo="key quote")
    s_overtime = segment(doc1, overtime, TEXT_1, "las horas extra bajaron")
    s_safety = segment(doc1, safety, TEXT_1, "La seguridad en la mina mejoró")
    s_voice = segment(doc2, voice, TEXT_2, "Por primera vez votamos en secreto")
    s_participation = segment(doc2, participation, TEXT_2, "participamos en la asamblea")
    s_duplicate = segment(doc2, participation, TEXT_2, "Por primera vez votamos en secreto")
    memo = AddMemo("code", wages, "Wages rose after the reform", title="Wages")
    project.run(memo)
    assert memo.memo_id is not None

    # Tables that no command fills yet: an outcome with a contributing project, a case.
    with Session(project.engine) as session, session.begin():
        outcome = Outcome(code_id=wages, statement="Miners won a raise", period="2020")
        case = Case(name="Sindicato minero")
        session.add_all([outcome, case])
        session.flush()
        session.add(OutcomeContribution(outcome_id=outcome.id, project_code_id=safety))
        session.add(CaseDocument(case_id=case.id, document_id=doc1))
        outcome_id = outcome.id

    return World(
        doc1=doc1,
        doc2=doc2,
        sector=sector.attribute_id,
        year=year.attribute_id,
        group=group.group_id,
        outcomes=outcomes,
        wages=wages,
        overtime=overtime,
        safety=safety,
        themes=themes,
        voice=voice,
        participation=participation,
        s_wages=s_wages,
        s_overtime=s_overtime,
        s_safety=s_safety,
        s_voice=s_voice,
        s_participation=s_participation,
        s_duplicate=s_duplicate,
        memo=memo.memo_id,
        outcome=outcome_id,
    )


@pytest.fixture
def world(project: Project) -> World:
    return build_world(project)


# -- do, undo, redo -------------------------------------------------------------------

TEXT_3 = "Moderadora: ¿Qué cambió?\nAna: Ahora tenemos contrato colectivo.\n"

ROUND_TRIPS: dict[str, tuple[Callable[[World], Command], str]] = {
    "CreateCodeGroup": (lambda w: CreateCodeGroup("USMCA priorities"), "code_group.add"),
    "CreateCode": (
        lambda w: CreateCode(
            CodeSpec("Bonuses", parent_id=w.wages, label="O1.2", colour="#aabbcc", example="x")
        ),
        "code.add",
    ),
    "UpdateCode": (
        lambda w: UpdateCode(
            w.safety, name="Health and safety", colour="#123456", definition="Injuries"
        ),
        "code.edit",
    ),
    "MoveCode": (lambda w: MoveCode(w.overtime, w.safety), "code.move"),
    "MoveCode-to-top": (lambda w: MoveCode(w.voice, None, position=0), "code.move"),
    "MergeCodes": (lambda w: MergeCodes(w.participation, w.voice), "code.merge"),
    "MergeCodes-with-children-and-outcome": (
        lambda w: MergeCodes(w.wages, w.safety),
        "code.merge",
    ),
    "DeleteCode-delete": (lambda w: DeleteCode(w.outcomes, segments="delete"), "code.delete"),
    "DeleteCode-parent": (lambda w: DeleteCode(w.wages, segments="parent"), "code.delete"),
    "AddSegments": (
        lambda w: AddSegments(
            [
                NewSegment(w.doc1, w.safety, *span(TEXT_1, "mejoró mucho")),
                NewSegment(w.doc2, w.voice, *span(TEXT_2, "votamos"), memo="auto"),
                NewSegment(w.doc2, w.voice, *span(TEXT_2, "Votamos")),
            ],
            origin="auto-code",
        ),
        "segment.add",
    ),
    "AddSegment": (
        lambda w: AddSegment(w.doc1, w.overtime, *span(TEXT_1, "horas extra"), memo="¿seguro?"),
        "segment.add",
    ),
    "RemoveSegments": (lambda w: RemoveSegments([w.s_wages, w.s_voice]), "segment.remove"),
    "ResizeSegment": (
        lambda w: ResizeSegment(w.s_wages, *span(TEXT_1, "reforma laboral los salarios subieron")),
        "segment.resize",
    ),
    "SetSegmentMemo": (
        lambda w: SetSegmentMemo(w.s_safety, "Check with the second coder"),
        "segment.memo",
    ),
    "RecodeSegment": (lambda w: RecodeSegment(w.s_overtime, w.safety), "segment.recode"),
    "ImportDocuments": (
        lambda w: ImportDocuments(
            [
                NewDocument(
                    "Grupo focal 2",
                    TEXT_3,
                    "docx",
                    sha(TEXT_3),
                    original_filename="grupo focal 2.docx",
                    turns=((0, 25, "Moderadora"), (25, len(TEXT_3), "Ana")),
                    attributes={w.sector: "Textiles", w.year: "2021"},
                ),
                NewDocument("Notas", "Notas de campo", "txt", sha("Notas de campo")),
            ]
        ),
        "document.import",
    ),
    "DeleteDocument": (lambda w: DeleteDocument(w.doc1), "document.delete"),
    "CreateAttribute": (
        lambda w: CreateAttribute("Region", "choice", choices=["Norte", "Sur"]),
        "attribute.add",
    ),
    "SetAttributeValues": (
        lambda w: SetAttributeValues(
            [(w.doc1, w.sector, "textiles"), (w.doc2, w.sector, "Mining"), (w.doc1, w.year, None)]
        ),
        "attribute.set",
    ),
    "AddMemo": (lambda w: AddMemo("project", None, "Coding started", title="Log"), "memo.add"),
    "EditMemo": (lambda w: EditMemo(w.memo, "Wages rose a lot", title="Salaries"), "memo.edit"),
    "DeleteMemo": (lambda w: DeleteMemo(w.memo), "memo.delete"),
    "AddCoder": (lambda w: AddCoder("Berta Gómez", colour="#2ca02c"), "coder.add"),
}


@pytest.mark.parametrize("name", list(ROUND_TRIPS))
def test_undo_gives_back_the_state_before(project: Project, world: World, name: str) -> None:
    build, action = ROUND_TRIPS[name]
    before = snapshot(project)
    events = event_count(project)

    command = build(world)
    changes = project.run(command)
    assert changes, "the command reported no change"
    assert snapshot(project) != before, "the command changed nothing"
    assert last_event(project) == (CODER, action)
    assert project.undo_label == command.label

    undone = project.undo()
    assert undone, "the undo reported no change"
    assert snapshot(project) == before
    assert last_event(project) == (CODER, f"undo {action}")
    assert event_count(project) == events + 2


@pytest.mark.parametrize("name", list(ROUND_TRIPS))
def test_redo_gives_back_the_state_after(project: Project, world: World, name: str) -> None:
    build, action = ROUND_TRIPS[name]
    before = snapshot(project)
    events = event_count(project)
    project.run(build(world))
    after = snapshot(project)
    project.undo()

    redone = project.redo()
    assert redone, "the redo reported no change"
    assert last_event(project) == (CODER, action)
    assert snapshot(project) == after

    project.undo()  # and it can be undone again
    assert snapshot(project) == before
    assert [e.action for e in project.events(limit=4)] == [
        f"undo {action}",
        action,
        f"undo {action}",
        action,
    ]
    assert event_count(project) == events + 4


def test_undo_and_redo_with_nothing_to_do(project: Project) -> None:
    assert project.undo() is None
    assert project.redo() is None
    assert project.undo_label is None
    assert project.redo_label is None


def test_the_audit_log_names_the_coder_action_and_values(project: Project) -> None:
    command = CreateCode(CodeSpec("Wages", label="O1"))
    project.run(command)
    project.undo()
    project.redo()
    events = project.events()
    assert [(e.coder, e.action, e.label) for e in events[:3]] == [
        (CODER, "code.add", "Add code"),
        (CODER, "undo code.add", "Add code"),
        (CODER, "code.add", "Add code"),
    ]
    assert all(e.target_kind == "code" and e.target_id == command.code_id for e in events[:3])
    assert events[2].after == '{"label": "O1", "name": "Wages"}'
    assert events[1].before == events[2].after  # undo swaps before and after
    assert events[1].after is None
    assert project.undo_label == "Add code"


def test_version_keeps_counting_through_undo_and_redo(project: Project, world: World) -> None:
    def version() -> int:
        return next(c.version for c in project.codes() if c.id == world.safety)

    start = version()
    project.run(UpdateCode(world.safety, name="Health and safety"))
    project.undo()
    project.redo()
    assert version() == start + 3


# -- refused commands leave no trace --------------------------------------------------

REFUSALS: dict[str, tuple[Callable[[World], Command], type[WorkbenchError], str]] = {
    "segment-past-the-end": (
        lambda w: AddSegment(w.doc1, w.wages, 10, len(TEXT_1) + 1),
        InvalidInputError,
        "is not a passage",
    ),
    "empty-segment": (
        lambda w: AddSegment(w.doc1, w.wages, 10, 10),
        InvalidInputError,
        "is not a passage",
    ),
    "batch-with-one-bad-segment": (
        lambda w: AddSegments(
            [
                NewSegment(w.doc1, w.safety, 0, 5),
                NewSegment(w.doc2, w.safety, 0, len(TEXT_2) + 5),
            ]
        ),
        InvalidInputError,
        "is not a passage",
    ),
    "resize-past-the-end": (
        lambda w: ResizeSegment(w.s_wages, 0, len(TEXT_1) + 1),
        InvalidInputError,
        "is not a passage",
    ),
    "duplicate-sibling-name": (
        lambda w: CreateCode(CodeSpec("  wages ", parent_id=w.outcomes)),
        InvalidInputError,
        "already exists",
    ),
    "rename-to-sibling-name": (
        lambda w: UpdateCode(w.safety, name="WAGES"),
        InvalidInputError,
        "already exists",
    ),
    "slash-in-code-name": (
        lambda w: CreateCode(CodeSpec("Pay/Wages")),
        InvalidInputError,
        "cannot contain",
    ),
    "slash-in-new-name": (
        lambda w: UpdateCode(w.wages, name="Pay/Wages"),
        InvalidInputError,
        "cannot contain",
    ),
    "folder-code-applied": (
        lambda w: AddSegment(w.doc1, w.themes, 0, 5),
        InvalidInputError,
        "is a folder",
    ),
    "recode-to-folder": (
        lambda w: RecodeSegment(w.s_voice, w.themes),
        InvalidInputError,
        "is a folder",
    ),
    "merge-into-own-child": (
        lambda w: MergeCodes(w.outcomes, w.overtime),
        InvalidInputError,
        "own children",
    ),
    "move-under-own-child": (
        lambda w: MoveCode(w.outcomes, w.overtime),
        InvalidInputError,
        "under itself",
    ),
    "delete-top-code-to-parent": (
        lambda w: DeleteCode(w.outcomes, segments="parent"),
        InvalidInputError,
        "no parent",
    ),
    "missing-segment": (lambda w: RemoveSegments([w.s_wages, 987654]), NotFoundError, "no segment"),
    "missing-code": (lambda w: DeleteCode(987654), NotFoundError, "no code"),
    "document-name-taken": (
        lambda w: ImportDocuments([NewDocument("Entrevista 1", "otra", "txt", sha("otra"))]),
        InvalidInputError,
        "exist already",
    ),
    "attribute-name-taken": (
        lambda w: CreateAttribute("sector"),
        InvalidInputError,
        "already a document attribute",
    ),
    "value-not-a-choice": (
        lambda w: SetAttributeValues([(w.doc2, w.sector, "Fishing")]),
        InvalidInputError,
        "not one of the choices",
    ),
    "coder-name-taken": (lambda w: AddCoder(CODER), InvalidInputError, "already a coder"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_refused_command_leaves_no_trace(project: Project, world: World, name: str) -> None:
    build, error, message = REFUSALS[name]
    before = snapshot(project, events=True)
    undo_label = project.undo_label
    with pytest.raises(error, match=message):
        project.run(build(world))
    assert snapshot(project, events=True) == before
    assert project.undo_label == undo_label
    assert project.redo_label is None


def test_an_edit_of_a_stale_version_is_refused(project: Project, project_location: str) -> None:
    command = CreateCode(CodeSpec("Wages"))
    project.run(command)
    code_id = command.code_id
    assert code_id is not None
    seen = project.codes()[0].version

    with open_beside(project, project_location) as colleague:
        colleague.use_coder("Other Coder")
        colleague.run(UpdateCode(code_id, name="Salaries", expected_version=seen))
        assert last_event(colleague) == ("Other Coder", "code.edit")

    before = snapshot(project, events=True)
    with pytest.raises(ConflictError, match="changed by someone else"):
        project.run(UpdateCode(code_id, name="Pay", expected_version=seen))
    assert snapshot(project, events=True) == before
    assert project.codes()[0].name == "Salaries"

    fresh = project.codes()[0].version
    project.run(UpdateCode(code_id, name="Pay", expected_version=fresh))
    assert project.codes()[0].name == "Pay"


def test_an_edit_made_with_expected_version_can_be_redone(project: Project) -> None:
    command = CreateCode(CodeSpec("Wages"))
    project.run(command)
    assert command.code_id is not None
    seen = project.codes()[0].version
    project.run(UpdateCode(command.code_id, name="Salaries", expected_version=seen))
    project.undo()
    assert project.codes()[0].name == "Wages"
    project.redo()
    assert project.codes()[0].name == "Salaries"


def test_a_refused_undo_keeps_the_command_on_the_stack(
    project: Project, project_location: str
) -> None:
    imported = ImportDocuments([NewDocument("Entrevista 1", TEXT_1, "txt", sha(TEXT_1))])
    project.run(imported)
    created = CreateCode(CodeSpec("Wages"))
    project.run(created)
    assert created.code_id is not None

    with open_beside(project, project_location) as colleague:
        colleague.use_coder("Other Coder")
        coded = AddSegment(imported.document_ids[0], created.code_id, 0, 10)
        colleague.run(coded)

    before = snapshot(project, events=True)
    with pytest.raises(ConflictError, match="has segments now"):
        project.undo()
    assert snapshot(project, events=True) == before
    assert project.undo_label == "Add code"
    assert project.redo_label is None

    with open_beside(project, project_location) as colleague:
        colleague.use_coder("Other Coder")
        colleague.run(RemoveSegments(coded.segment_ids))
    project.undo()
    assert project.codes() == []
    assert project.redo_label == "Add code"


_MISSING = 987654


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(
            lambda w: SetAttributeValues([(_MISSING, w.sector, "Mining")]),
            id="value-of-no-document",
        ),
        pytest.param(lambda w: CreateCode(CodeSpec("X", group_id=_MISSING)), id="code-in-no-group"),
        pytest.param(lambda w: UpdateCode(w.wages, group_id=_MISSING), id="move-to-no-group"),
        pytest.param(
            lambda w: AddSegments([NewSegment(w.doc1, w.wages, 0, 5, coder_id=_MISSING)]),
            id="segment-of-no-coder",
        ),
        pytest.param(
            lambda w: ImportDocuments(
                [NewDocument("Nueva", "texto", "txt", sha("texto"), attributes={_MISSING: "v"})]
            ),
            id="value-of-no-attribute",
        ),
        pytest.param(lambda w: AddMemo("document", _MISSING, "dangling"), id="memo-on-no-document"),
    ],
)
def test_a_reference_to_a_missing_row_is_refused(
    project: Project, world: World, build: Callable[[World], Command]
) -> None:
    before = snapshot(project, events=True)
    with pytest.raises(NotFoundError):
        project.run(build(world))
    assert snapshot(project, events=True) == before


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda w: DeleteCode(w.voice, segments="parent"), id="delete-to-folder"),
        pytest.param(lambda w: MergeCodes(w.voice, w.themes), id="merge-into-folder"),
    ],
)
def test_segments_are_never_moved_onto_a_folder_code(
    project: Project, world: World, build: Callable[[World], Command]
) -> None:
    before = snapshot(project, events=True)
    with pytest.raises(InvalidInputError, match="folder"):
        project.run(build(world))
    assert snapshot(project, events=True) == before


# -- deleting and merging codes -------------------------------------------------------


def _code_ids(project: Project) -> set[int]:
    return {code.id for code in project.codes()}


def _segment_codes(project: Project) -> dict[int, int]:
    return {segment.id: segment.code_id for segment in project.segments()}


def _outcomes(project: Project) -> list[tuple[int, int]]:
    with project.read() as session:
        return [(o.id, o.code_id) for o in session.scalars(select(Outcome))]


def test_delete_code_with_its_segments(project: Project, world: World) -> None:
    segments_before = _segment_codes(project)
    command = DeleteCode(world.outcomes, segments="delete")
    changes = project.run(command)

    gone = {world.outcomes, world.wages, world.overtime, world.safety}
    assert _code_ids(project).isdisjoint(gone)
    assert {world.themes, world.voice, world.participation} <= _code_ids(project)
    removed = {world.s_wages, world.s_overtime, world.s_safety}
    assert set(_segment_codes(project)) == set(segments_before) - removed
    assert changes.removed["code"] == gone
    assert changes.removed["segment"] == removed
    assert command.affected_segments() == 3
    assert _outcomes(project) == []
    with project.read() as session:
        assert session.scalar(select(func.count()).select_from(OutcomeContribution)) == 0

    project.undo()
    assert gone <= _code_ids(project)
    assert _segment_codes(project) == segments_before
    assert _outcomes(project) == [(world.outcome, world.wages)]


def test_delete_code_giving_its_segments_to_the_parent(project: Project, world: World) -> None:
    segments_before = _segment_codes(project)
    command = DeleteCode(world.wages, segments="parent")
    changes = project.run(command)

    assert world.wages not in _code_ids(project)
    assert world.overtime not in _code_ids(project)
    after = _segment_codes(project)
    assert set(after) == set(segments_before)  # no segment lost
    assert after[world.s_wages] == world.outcomes
    assert after[world.s_overtime] == world.outcomes
    assert after[world.s_safety] == world.safety
    assert changes.updated["segment"] == {world.s_wages, world.s_overtime}
    assert "segment" not in changes.removed
    assert command.affected_segments() == 2

    project.undo()
    assert _segment_codes(project) == segments_before
    assert {world.wages, world.overtime} <= _code_ids(project)


def test_merge_moves_segments_and_drops_exact_duplicates(project: Project, world: World) -> None:
    changes = project.run(MergeCodes(world.participation, world.voice))

    assert world.participation not in _code_ids(project)
    after = _segment_codes(project)
    assert after[world.s_participation] == world.voice
    assert after[world.s_voice] == world.voice
    # The same coder coded the same span with both codes: one segment remains.
    assert world.s_duplicate not in after
    voice = next(c for c in project.codes() if c.id == world.voice)
    assert (voice.segments, voice.documents) == (2, 1)
    assert changes.removed == {
        "code": frozenset({world.participation}),
        "segment": frozenset({world.s_duplicate}),
    }
    assert changes.updated["segment"] == {world.s_participation}

    project.undo()
    restored = _segment_codes(project)
    assert restored[world.s_duplicate] == world.participation
    assert restored[world.s_participation] == world.participation


def test_merge_moves_children_to_the_target(project: Project, world: World) -> None:
    project.run(MergeCodes(world.wages, world.safety))
    paths = {c.id: c.path for c in project.codes()}
    assert paths[world.overtime] == "Outcomes/Safety/Overtime"
    assert world.wages not in paths
    assert _segment_codes(project)[world.s_wages] == world.safety
    assert _outcomes(project) == []  # the merged code's outcome went with it

    project.undo()
    paths = {c.id: c.path for c in project.codes()}
    assert paths[world.overtime] == "Outcomes/Wages/Overtime"
    assert _outcomes(project) == [(world.outcome, world.wages)]


# -- text positions are code points on both backends ----------------------------------

EMOJI_TEXT = (
    "Entrevista 😀 🇲🇽 👩🏽‍🔧\n"
    "P: ¿Qué cambió?\n"
    "R: La organización sindical creció; ahora participa la compañera Begoña.\n"
    "Cafe\u0301 y pan."
)


def test_offsets_count_code_points_past_emoji(project: Project) -> None:
    imported = ImportDocuments([NewDocument("Entrevista 😀", EMOJI_TEXT, "txt", sha(EMOJI_TEXT))])
    project.run(imported)
    (document_id,) = imported.document_ids
    code = CreateCode(CodeSpec("Organización"))
    project.run(code)
    assert code.code_id is not None

    passages = ["La organización sindical creció", "compañera Begoña", "Cafe\u0301 y pan."]
    project.run(
        AddSegments([NewSegment(document_id, code.code_id, *span(EMOJI_TEXT, p)) for p in passages])
    )

    stored = project.text(document_id)
    assert stored == EMOJI_TEXT  # no normalisation, no lost astral characters
    (info,) = project.documents()
    assert info.length == len(EMOJI_TEXT)
    segments = project.segments(document_ids=[document_id])
    assert [stored[s.start : s.end] for s in segments] == passages
    assert segments[-1].end == len(EMOJI_TEXT)  # the very last code point can be coded

    # The database agrees: its own length and substring count code points too.
    with project.read() as session:
        assert session.scalar(select(func.length(Document.text))) == len(EMOJI_TEXT)
        for segment, passage in zip(segments, passages, strict=True):
            sql_passage = session.scalar(
                select(
                    func.substr(Document.text, segment.start + 1, segment.end - segment.start)
                ).where(Document.id == document_id)
            )
            assert sql_passage == passage

    with pytest.raises(InvalidInputError, match="is not a passage"):
        project.run(AddSegment(document_id, code.code_id, 0, len(EMOJI_TEXT) + 1))


# -- listeners ------------------------------------------------------------------------


def test_changes_reach_a_listener(project: Project, world: World) -> None:
    received: list[Changes] = []
    project.subscribe(received.append)

    command = AddSegment(world.doc1, world.safety, *span(TEXT_1, "mejoró mucho"))
    project.run(command)
    (segment_id,) = command.segment_ids
    assert received == [Changes.of(added={"segment": [segment_id]})]

    project.undo()
    assert received[-1] == Changes.of(removed={"segment": [segment_id]})
    project.redo()
    assert received[-1] == Changes.of(added={"segment": [segment_id]})

    project.run(UpdateCode(world.safety, colour="#000000"))
    assert received[-1] == Changes.of(updated={"code": [world.safety]})
    assert len(received) == 4

    with pytest.raises(InvalidInputError):
        project.run(AddSegment(world.doc1, world.themes, 0, 5))
    assert len(received) == 4  # a refused command announces nothing

    project.unsubscribe(received.append)
    project.run(SetSegmentMemo(segment_id, "no one listens"))
    assert len(received) == 4
