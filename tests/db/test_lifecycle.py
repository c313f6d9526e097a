"""Creating, opening, refusing and migrating project databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from db.engine import APPLICATION_ID, make_engine, project_url
from db.lifecycle import database_revision, head_revision, migrate
from db.schema import Base, Outcome, OutcomeContribution
from workbench.project import Project, ProjectOpenError


def _revision_of(engine: Engine) -> str | None:
    return database_revision(engine)


def _sqlite_revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return str(revision)


def _set_revision(location: str, revision: str) -> None:
    engine = make_engine(project_url(location))
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        engine.dispose()


# -- creating -------------------------------------------------------------------------


def test_create_stamps_the_head_revision(project_location: str) -> None:
    with Project.create(project_location) as project:
        assert _revision_of(project.engine) == head_revision()
        assert project.setting("language") == "en"
        tables = set(inspect(project.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    with Project.open(project_location) as reopened:
        assert reopened.report.revision == head_revision()
        assert reopened.report.migrated_from is None
        assert reopened.report.backup is None


def test_sqlite_project_has_application_id_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "study.qdb"
    with Project.create(path) as project:
        assert project.setting("name") == "study"
        for _ in range(2):  # every connection of the engine, not only the first
            with project.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert (
                    connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
                )
        project.engine.pool.dispose()
    header = path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_create_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "existing.qdb"
    with Project.create(path) as project:
        project.use_coder("Ana")
    before = path.read_bytes()
    with pytest.raises(ProjectOpenError, match="already exists"):
        Project.create(path)
    assert path.read_bytes() == before

    notes = tmp_path / "notes.qdb"
    notes.write_text("my notes, not a project\n", encoding="utf-8")
    with pytest.raises(ProjectOpenError, match="already exists"):
        Project.create(notes)
    assert notes.read_text(encoding="utf-8") == "my notes, not a project\n"


@pytest.mark.postgres
def test_create_refuses_a_postgresql_database_with_tables(postgres_url: str) -> None:
    engine = make_engine(project_url(postgres_url))
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE survey (id integer PRIMARY KEY, answer text)"))
            connection.execute(text("INSERT INTO survey VALUES (1, 'keep me')"))
        with pytest.raises(ProjectOpenError, match="already has tables"):
            Project.create(postgres_url)
        assert inspect(engine).get_table_names() == ["survey"]
        with engine.connect() as connection:
            assert connection.execute(text("SELECT answer FROM survey")).scalar() == "keep me"
    finally:
        engine.dispose()


def test_a_project_can_be_opened_while_it_is_open_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "shared.qdb"
    with Project.create(path) as first:
        first.use_coder("Ana")
        with Project.open(path) as second:
            assert [c.name for c in second.coders()] == ["Ana"]


def test_a_project_left_with_its_wal_after_a_crash_opens(tmp_path: Path) -> None:
    path = tmp_path / "work.qdb"
    crashed = tmp_path / "crashed.qdb"
    with Project.create(path) as project:
        project.use_coder("Ana")
        # The files as a killed process leaves them: the database and its WAL.
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{path}{suffix}", f"{crashed}{suffix}")
    with Project.open(crashed) as reopened:
        assert [c.name for c in reopened.coders()] == ["Ana"]


# -- refusing to open -----------------------------------------------------------------


def test_open_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "missing.qdb"
    with pytest.raises(ProjectOpenError, match="does not exist"):
        Project.open(missing)
    assert not missing.exists()
    assert not missing.parent.exists()


def test_open_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder.qdb"
    folder.mkdir()
    with pytest.raises(ProjectOpenError, match="is a folder, not a project file"):
        Project.open(folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"Interview 1\nQ: How did the union start?\n" * 10, id="text-file"),
        pytest.param(b"", id="empty-file"),
        pytest.param(b"SQLite format 3\x00", id="truncated-header"),
    ],
)
def test_open_a_file_that_is_not_sqlite(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "file.qdb"
    path.write_bytes(content)
    with pytest.raises(ProjectOpenError, match="not a workbench project"):
        Project.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.qdb"]


def test_open_a_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Rosa')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ProjectOpenError, match="not a workbench project"):
        Project.open(path)
    assert path.read_bytes() == before


@pytest.mark.postgres
def test_open_a_postgresql_database_that_is_not_a_project(postgres_url: str) -> None:
    with pytest.raises(ProjectOpenError, match="not a workbench project"):
        Project.open(postgres_url)


@pytest.mark.postgres
def test_open_a_missing_postgresql_database(postgres_url: str) -> None:
    missing = postgres_url.rsplit("/", 1)[0] + "/no_such_database"
    with pytest.raises(ProjectOpenError, match="does not exist"):
        Project.open(missing)


def test_open_a_project_of_a_newer_version(project_location: str) -> None:
    Project.create(project_location).close()
    _set_revision(project_location, "9999")
    with pytest.raises(ProjectOpenError, match="newer version"):
        Project.open(project_location)
    engine = make_engine(project_url(project_location))
    try:
        assert _revision_of(engine) == "9999"  # refused, not "repaired"
    finally:
        engine.dispose()


# -- migrating ------------------------------------------------------------------------

_NOW = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
_TEXT = "Entrevista 1 😀 — la organización sindical creció después de la reforma."
_PASSAGE = "la organización sindical"
_START = _TEXT.index(_PASSAGE)
_END = _START + len(_PASSAGE)


def _make_0001_project(location: str) -> dict[str, int]:
    """A project at revision 0001 holding a coder, a document, a code and a segment."""
    url = project_url(location)
    if url.get_backend_name() == "sqlite":
        raw = sqlite3.connect(location)
        raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
        raw.close()
    migrate(url, "0001")
    engine = make_engine(url)
    ids: dict[str, int] = {}
    try:
        with engine.begin() as connection:

            def insert(sql: str, **values: object) -> int:
                return int(connection.execute(text(sql + " RETURNING id"), values).scalar_one())

            ids["coder"] = insert(
                "INSERT INTO coder (guid, name, initials, colour, role, created_at) "
                "VALUES (:guid, 'Ana Ruiz', 'AR', '#d62728', 'coder', :at)",
                guid="00000000-0000-4000-8000-000000000001",
                at=_NOW,
            )
            ids["document"] = insert(
                'INSERT INTO document (guid, name, text, length, source_format, sha256, "position",'
                " imported_at, imported_by) VALUES (:guid, 'Entrevista 1', :text, :length, 'txt',"
                " :sha, 1, :at, :coder)",
                guid="00000000-0000-4000-8000-000000000002",
                text=_TEXT,
                length=len(_TEXT),
                sha="0" * 64,
                at=_NOW,
                coder=ids["coder"],
            )
            ids["code"] = insert(
                "INSERT INTO code (guid, parent_id, group_id, label, name, definition, inclusion,"
                ' exclusion, example, colour, codable, "position", version) VALUES (:guid, NULL,'
                " NULL, 'O1', 'Organización', '', '', '', '', '#1f77b4', :codable, 0, 1)",
                guid="00000000-0000-4000-8000-000000000003",
                codable=True,
            )
            ids["segment"] = insert(
                'INSERT INTO segment (guid, document_id, code_id, coder_id, start, "end", memo,'
                " origin, created_at, updated_at) VALUES (:guid, :doc, :code, :coder, :start, :end,"
                " 'first pass', 'manual', :at, :at)",
                guid="00000000-0000-4000-8000-000000000004",
                doc=ids["document"],
                code=ids["code"],
                coder=ids["coder"],
                start=_START,
                end=_END,
                at=_NOW,
            )
        assert _revision_of(engine) == "0001"
        assert "outcome" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    return ids


def _check_rows_survived(project: Project, ids: dict[str, int]) -> None:
    (coder,) = project.coders()
    assert (coder.id, coder.name, coder.initials) == (ids["coder"], "Ana Ruiz", "AR")
    (document,) = project.documents()
    assert (document.id, document.name, document.length) == (
        ids["document"],
        "Entrevista 1",
        len(_TEXT),
    )
    assert project.text(document.id) == _TEXT
    (code,) = project.codes()
    assert (code.id, code.name, code.label, code.segments) == (ids["code"], "Organización", "O1", 1)
    (segment,) = project.segments()
    assert segment.id == ids["segment"]
    assert (segment.start, segment.end, segment.memo) == (_START, _END, "first pass")
    assert _TEXT[segment.start : segment.end] == _PASSAGE
    assert segment.created_at == _NOW


def _check_outcome_table_is_usable(project: Project, code_id: int) -> None:
    with Session(project.engine) as session, session.begin():
        outcome = Outcome(code_id=code_id, statement="Union membership grew", period="2023")
        session.add(outcome)
        session.flush()
        session.add(OutcomeContribution(outcome_id=outcome.id, project_code_id=code_id))
    with project.read() as session:
        stored = session.scalars(select(Outcome)).one()
        assert (stored.code_id, stored.statement, stored.period) == (
            code_id,
            "Union membership grew",
            "2023",
        )
        assert session.scalars(select(OutcomeContribution)).one().outcome_id == stored.id


def test_open_migrates_an_sqlite_project_from_0001_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.qdb"
    ids = _make_0001_project(str(path))

    with Project.open(path) as project:
        assert project.report.migrated_from == "0001"
        assert project.report.revision == head_revision()
        assert _revision_of(project.engine) == head_revision()
        backup = project.report.backup
        assert backup is not None
        assert backup.parent == path.parent
        assert backup.exists()
        assert backup != path
        assert backup.suffix == ".qdb"
        _check_rows_survived(project, ids)
        _check_outcome_table_is_usable(project, ids["code"])

    assert _sqlite_revision(backup) == "0001"
    with sqlite3.connect(backup) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("coder", "document", "code", "segment")
        ]
        segment = connection.execute('SELECT start, "end", memo FROM segment').fetchone()
    connection.close()
    assert "outcome" not in tables
    assert counts == [1, 1, 1, 1]
    assert segment == (_START, _END, "first pass")

    # Opening again finds nothing left to migrate.
    with Project.open(path) as again:
        assert again.report.migrated_from is None
        assert again.report.backup is None


@pytest.mark.postgres
def test_open_migrates_a_postgresql_project_from_0001_without_a_backup(postgres_url: str) -> None:
    ids = _make_0001_project(postgres_url)
    with Project.open(postgres_url) as project:
        assert project.report.migrated_from == "0001"
        assert project.report.backup is None
        assert _revision_of(project.engine) == head_revision()
        _check_rows_survived(project, ids)
        _check_outcome_table_is_usable(project, ids["code"])
        # Sequences kept counting across the migration: new rows get new ids.
        project.use_coder("Berta")
        assert {c.name for c in project.coders()} == {"Ana Ruiz", "Berta"}


# -- the ORM schema and the migrations agree ------------------------------------------


def _schema_differences(location: str) -> list[object]:
    url = project_url(location)
    migrate(url, "head")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_the_migrations_build_the_schema_of_the_orm_on_sqlite(tmp_path: Path) -> None:
    assert _schema_differences(str(tmp_path / "empty.qdb")) == []


@pytest.mark.postgres
def test_the_migrations_build_the_schema_of_the_orm_on_postgresql(postgres_url: str) -> None:
    assert _schema_differences(postgres_url) == []
