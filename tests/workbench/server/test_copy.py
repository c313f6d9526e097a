"""``copy_project``: a file to a server and back is the same project, row for row."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from db.engine import APPLICATION_ID, make_engine, project_url
from db.lifecycle import head_revision
from db.schema import Base, Code, Coder, Document, OutcomeContribution, Segment
from tests.workbench.server.helpers import make_team
from workbench.commands.cases import CreateCase, LinkDocuments
from workbench.commands.codes import MoveCode
from workbench.commands.links import LinkCodes
from workbench.commands.memos import AddMemo
from workbench.commands.segments import AddSegment
from workbench.demo import build_demo
from workbench.project import Project
from workbench.server import CopyError, copy_project, open_as_role

pytestmark = pytest.mark.postgres

TABLES = [*Base.metadata.tables, "alembic_version"]


def full_project(path: Path) -> Path:
    """The demo project, with a row in every table and a parent younger than its child."""
    build_demo(path)
    with Project.open(path) as project:
        project.use_coder("Ana Ruiz")
        codes = project.codes()
        documents = project.documents()
        case = CreateCase("Sindicato de la zafra", "Un caso")
        project.run(case)
        assert case.case_id is not None
        project.run(LinkDocuments(case.case_id, [documents[0].id, documents[1].id]))
        project.run(AddMemo("document", documents[0].id, "Notas ✍️ de campo", title="Campo"))
        project.run(LinkCodes(codes[3].id, codes[5].id, name="causes", direction="OneWay"))
        youngest = max(code.id for code in codes if code.codable)
        oldest = min(code.id for code in codes if code.codable and code.id != youngest)
        project.run(MoveCode(oldest, youngest))
        with Session(project.engine) as session, session.begin():
            outcome_id = session.scalar(text("SELECT min(id) FROM outcome"))
            session.add(OutcomeContribution(outcome_id=outcome_id, project_code_id=codes[7].id))
    return path


def sqlite_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in TABLES
        }
    finally:
        connection.close()


def typed_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [tuple(row) for row in connection.execute(query)]
        rows["alembic_version"] = [
            tuple(row) for row in connection.execute(text("SELECT * FROM alembic_version"))
        ]
    return rows


def test_a_file_copied_to_the_server_and_back_is_the_same_project(
    tmp_path: Path, postgres_url: str
) -> None:
    source = full_project(tmp_path / "source.qdb")
    before = sqlite_rows(source)
    assert all(before[table] for table in TABLES), [t for t in TABLES if not before[t]]

    there = copy_project(source, postgres_url)
    assert there.revision == head_revision()
    assert there.rows == {table: len(before[table]) for table in Base.metadata.tables}

    source_engine = make_engine(project_url(source))
    server_engine = make_engine(project_url(postgres_url))
    try:
        assert typed_rows(server_engine) == typed_rows(source_engine)
    finally:
        source_engine.dispose()
        server_engine.dispose()

    back = tmp_path / "back.qdb"
    report = copy_project(postgres_url, back)
    assert report.total == there.total
    assert sqlite_rows(back) == before
    connection = sqlite3.connect(back)
    try:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_the_server_copy_carries_on_where_the_file_left_off(
    tmp_path: Path, postgres_url: str
) -> None:
    source = full_project(tmp_path / "source.qdb")
    copy_project(source, postgres_url)
    with Project.open(postgres_url) as project:
        project.use_coder("Ana Ruiz")
        with project.read() as session:
            highest = session.scalar(select(func.max(Segment.id)))
            document_id = session.scalar(select(func.min(Document.id)))
            code_id = session.scalar(select(func.min(Code.id)).where(Code.codable))
            assert document_id is not None and code_id is not None and highest is not None
        command = AddSegment(document_id, code_id, 0, 5)
        project.run(command)
        assert command.segment_ids == [highest + 1]
        # Every table's ids go on from the copied ones, not from 1.
        project.use_coder("A New Coder")
        with project.read() as session:
            coders = session.scalars(select(Coder.id).order_by(Coder.id)).all()
        assert coders[-1] == coders[-2] + 1


def test_the_copy_refuses_a_target_that_is_not_empty(tmp_path: Path, postgres_url: str) -> None:
    source = full_project(tmp_path / "source.qdb")
    with Project.create(postgres_url) as project:
        project.use_coder("Someone")
    with pytest.raises(CopyError, match="already has tables"):
        copy_project(source, postgres_url)
    with Project.open(postgres_url) as project:
        assert [c.name for c in project.coders()] == ["Someone"]
        assert project.documents() == []

    existing = tmp_path / "existing.qdb"
    existing.write_bytes(b"keep me")
    with pytest.raises(CopyError, match="already exists"):
        copy_project(source, existing)
    assert existing.read_bytes() == b"keep me"


def test_a_failed_copy_leaves_no_half_project(tmp_path: Path, postgres_url: str) -> None:
    source = full_project(tmp_path / "source.qdb")

    def cancel(done: int, total: int, table: str) -> bool:
        return table != "segment"

    with pytest.raises(CopyError, match="cancelled"):
        copy_project(source, postgres_url, progress=cancel)
    # The database is empty again: a second try works.
    copy_project(source, postgres_url)
    target = tmp_path / "target.qdb"
    with pytest.raises(CopyError, match="cancelled"):
        copy_project(postgres_url, target, progress=cancel)
    assert not target.exists()


def test_a_blind_coder_cannot_copy_what_they_cannot_see(tmp_path: Path, postgres_url: str) -> None:
    team = make_team(postgres_url, blind=True)
    with open_as_role(team.url_of(team.ben)) as ben:
        ben.run(AddSegment(team.document_id, team.code_id, 0, 10))
    with pytest.raises(CopyError, match="only your own segments"):
        copy_project(team.url_of(team.ana), tmp_path / "ana.qdb")
    assert not (tmp_path / "ana.qdb").exists()
    report = copy_project(team.url_of(team.lead), tmp_path / "lead.qdb")
    assert report.rows["segment"] == 1
    # The roles travel with the coders (a file ignores them).
    with Project.open(tmp_path / "lead.qdb") as copy, copy.read() as session:
        roles = set(session.scalars(select(Coder.db_role).where(Coder.db_role.is_not(None))))
    assert roles == {team.ana, team.ben, team.lead}
