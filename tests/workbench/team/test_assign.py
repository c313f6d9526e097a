"""Assignment files: what they hold, what they record, and what they leave out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db.schema import (
    AttributeValue,
    CaseDocument,
    Code,
    Document,
    Memo,
    Segment,
    Setting,
    SpeakerTurn,
)
from tests.workbench.team.scenario import build_master, dump
from workbench.commands.cases import CreateCase, LinkDocuments
from workbench.commands.memos import AddMemo
from workbench.demo import build_demo
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project
from workbench.team import make_assignment, read_returned
from workbench.team.keys import PROJECT_GUID

FIRST = "Entrevista 01 - Veracruz - trabajadora cañera"
SECOND = "Entrevista 02 - Oaxaca - productora de café"


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qdb"
    build_demo(path)
    return path


@pytest.fixture
def demo(tmp_path: Path, demo_source: Path) -> Path:
    target = tmp_path / "demo.qdb"
    target.write_bytes(demo_source.read_bytes())
    return target


def _rows(project: Project, model: type, *conditions: object) -> list[tuple[object, ...]]:
    table = model.__table__  # type: ignore[attr-defined]
    with project.read() as session:
        query = select(table)
        for condition in conditions:
            query = query.where(condition)
        return sorted((tuple(row) for row in session.execute(query)), key=repr)


def test_the_file_holds_the_codebook_and_the_assigned_documents_with_their_rows(
    demo: Path, tmp_path: Path
) -> None:
    with Project.open(demo) as master:
        master.use_coder("Ana Ruiz")
        case = CreateCase("Ingenio de Veracruz")
        master.run(case)
        assert case.case_id is not None
        first, second = master.document_id(FIRST), master.document_id(SECOND)
        master.run(LinkDocuments(case.case_id, [first]))
        report = make_assignment(master, "ben carter", [SECOND, FIRST], tmp_path / "ben.qdb")
        expected = {
            "code": _rows(master, Code),
            "document": _rows(master, Document, Document.id.in_([first, second])),
            "speaker_turn": _rows(
                master, SpeakerTurn, SpeakerTurn.document_id.in_([first, second])
            ),
            "attribute_value": _rows(
                master, AttributeValue, AttributeValue.document_id.in_([first, second])
            ),
            "case_document": _rows(master, CaseDocument),
            "segment": _rows(master, Segment, Segment.document_id.in_([first, second])),
        }
        master_guid = master.setting(PROJECT_GUID)
    assert report.coder == "Ben Carter"
    assert report.documents == (FIRST, SECOND)  # in the master's order
    assert not report.blind
    with Project.open(report.path) as copy:
        state = dump(copy, skip=())
        settings = dict(state["setting"])  # type: ignore[arg-type]
    # Every row keeps its GUID and its id; turns, values and case links come along.
    for table, rows in expected.items():
        assert state[table] == rows, table
    assert len(expected["speaker_turn"]) > 0 and len(expected["attribute_value"]) > 0
    assert len(expected["segment"]) == report.segments == 24
    assert settings["team.master"] == master_guid == report.master_guid
    assert settings["team.coder_name"] == "Ben Carter"
    assert settings["team.blind"] == "no"
    handed = json.loads(settings["team.segments"])
    assert set(handed) == {row[1] for row in expected["segment"]}
    assert settings["attribute_role.state"]  # settings naming attribute ids stay true
    assert PROJECT_GUID not in settings
    assert state["event"] == []


def test_the_master_gets_one_project_guid_on_first_use(demo: Path, tmp_path: Path) -> None:
    with Project.open(demo) as master:
        master.use_coder("Ana Ruiz")
        assert master.setting(PROJECT_GUID) == ""
        first = make_assignment(master, "Ben Carter", [FIRST], tmp_path / "a.qdb")
        second = make_assignment(master, "Ana Ruiz", None, tmp_path / "b.qdb")
        assert master.setting(PROJECT_GUID) == first.master_guid == second.master_guid
        actions = [e.action for e in master.events(limit=2)]
    assert actions == ["team.assign", "team.assign"]
    assert len(second.documents) == 12


def test_a_blind_project_leaves_the_other_coders_codings_out(demo: Path, tmp_path: Path) -> None:
    with Project.open(demo) as master:
        master.use_coder("Ana Ruiz")
        with master.read() as session:
            session.add(Setting(key="blind", value="yes"))
            session.commit()
        first = master.document_id(FIRST)
        master.run(AddMemo("document", first, "Ana's reading of the interview"))
        report = make_assignment(master, "Ben Carter", [FIRST], tmp_path / "ben.qdb")
        ben = next(c.id for c in master.coders() if c.name == "Ben Carter")
        own = master.segments(document_ids=[first], coder_ids=[ben])
        everyone = master.segments(document_ids=[first])
    assert report.blind and 0 < len(own) < len(everyone)
    returned = read_returned(report.path)
    assert set(returned.segments) == {s.guid for s in own}
    assert set(returned.handed_segments) == {s.guid for s in own}
    with Project.open(report.path) as copy, copy.read() as session:
        memos = session.scalars(select(Memo.text)).all()
        coders = {c.name for c in copy.coders()}
    assert memos == []
    assert coders == {"Ana Ruiz", "Ben Carter"}


def test_without_the_blind_setting_everyone_s_codings_come_along(
    demo: Path, tmp_path: Path
) -> None:
    with Project.open(demo) as master:
        report = make_assignment(master, "Ben Carter", [FIRST], tmp_path / "ben.qdb")
        everyone = master.segments(document_ids=[master.document_id(FIRST)])
    assert report.segments == len(everyone) and not report.blind


def test_wrong_requests_are_refused_and_write_nothing(demo: Path, tmp_path: Path) -> None:
    with Project.open(demo) as master:
        with pytest.raises(NotFoundError, match="no coder named 'Zoe'"):
            make_assignment(master, "Zoe", [FIRST], tmp_path / "z.qdb")
        with pytest.raises(NotFoundError, match="no document named 'Entrevista 99'"):
            make_assignment(master, "Ben Carter", ["Entrevista 99"], tmp_path / "z.qdb")
        with pytest.raises(InvalidInputError, match="at least one document"):
            make_assignment(master, "Ben Carter", [], tmp_path / "z.qdb")
        with pytest.raises(InvalidInputError, match="already exists"):
            make_assignment(master, "Ben Carter", [FIRST], demo)
    assert not (tmp_path / "z.qdb").exists()


def test_a_server_master_hands_out_sqlite_files(project_location: str, tmp_path: Path) -> None:
    master = build_master(project_location)
    with Project.open(master.location) as project:
        report = make_assignment(project, "Dana Solís", ["Grupo focal 3"], tmp_path / "d.qdb")
    returned = read_returned(report.path)
    assert set(returned.segments) == {master.segments["sD0"]}
    assert [d["name"] for d in returned.documents.values()] == ["Grupo focal 3"]
    assert len(returned.codes) == 5
