"""Copying a whole project between a file and a server, in either direction.

Every table is copied row by row with its ids, GUIDs and timestamps, so that the copy
is the same project (merges, exports and the audit log still match); the target gets
the same schema revision. On PostgreSQL the id sequences are moved past the copied
ids. The target must be new: a file that does not exist yet, or an empty database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlalchemy.engine import URL

from db.engine import is_sqlite, project_url, sqlite_path
from db.errors import ProjectStorageError
from db.lifecycle import create_database, open_database
from db.schema import Base
from workbench.errors import InvalidInputError, WorkbenchError
from workbench.server import security
from workbench.server.blind import BLIND_KEY, blind_value

#: Rows read and written at a time.
BATCH = 1000
#: Fewer for tables of long texts, so that memory stays small.
_SMALL_BATCHES = {"document": 20}

#: ``progress(done, total, table)``; returning False stops (nothing is kept).
CopyProgress = Callable[[int, int, str], bool]


class CopyError(WorkbenchError):
    """The project could not be copied; the target was left as it was."""


@dataclass(frozen=True)
class CopyReport:
    """What was copied.

    Attributes:
        source: where from (without password).
        target: where to (without password).
        revision: the schema revision of both.
        rows: table name -> rows copied.
    """

    source: str
    target: str
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        """Rows copied in all."""
        return sum(self.rows.values())


def _shown(url: URL) -> str:
    return str(url.database) if is_sqlite(url) else url.render_as_string(hide_password=True)


def copy_project(
    source: str | Path, target: str | Path, *, progress: CopyProgress | None = None
) -> CopyReport:
    """Copy a project to a new file or an empty server database, nothing lost.

    Args:
        source: a project file or database URL. An older project is migrated first
            (a file is backed up), as opening it would.
        target: a new ``.qdb`` path or the URL of an empty database.
        progress: called after each batch of rows.

    Returns:
        What was copied.

    Raises:
        CopyError: the source cannot be read whole, or the target is not empty.
    """
    source_url, target_url = project_url(source), project_url(target)
    if source_url.render_as_string(hide_password=False) == target_url.render_as_string(
        hide_password=False
    ):
        raise InvalidInputError("the source and the target are the same project")
    try:
        source_engine, report = open_database(source_url)
    except ProjectStorageError as error:
        raise CopyError(str(error)) from error
    try:
        return _copy_from(source_engine, source_url, report.revision, target_url, progress)
    finally:
        source_engine.dispose()


def _copy_from(
    source_engine: Engine,
    source_url: URL,
    revision: str,
    target_url: URL,
    progress: CopyProgress | None,
) -> CopyReport:
    with source_engine.connect() as reader:
        if not is_sqlite(source_url):
            # One snapshot of every table, however busy the team is meanwhile.
            reader.execution_options(isolation_level="REPEATABLE READ")
            _check_sees_everything(reader, source_url)
        tables = Base.metadata.sorted_tables
        counts = {
            t.name: int(reader.scalar(select(func.count()).select_from(t)) or 0) for t in tables
        }
        try:
            target_engine = create_database(target_url)
        except ProjectStorageError as error:
            raise CopyError(
                f"{error}; workbench copy writes only to a new file or an empty database"
            ) from error
        try:
            with target_engine.begin() as writer:
                if database_revision_of(writer) != revision:
                    raise CopyError(
                        f"{_shown(source_url)} is at schema {revision} but the copy would be at "
                        f"{database_revision_of(writer)}"
                    )
                copied = _copy_tables(reader, writer, tables, counts, progress)
                if not is_sqlite(target_url):
                    _reset_sequences(writer, tables)
                _check_counts(writer, tables, copied)
            if is_sqlite(target_url):
                with target_engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException:
            target_engine.dispose()
            _remove_target(target_url)
            raise
        target_engine.dispose()
    return CopyReport(_shown(source_url), _shown(target_url), revision, copied)


def database_revision_of(connection: Connection) -> str | None:
    """The Alembic revision stamped in the database of an open connection."""
    revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return None if revision is None else str(revision)


def _check_sees_everything(reader: Connection, url: URL) -> None:
    if not security.rules_installed(reader) or security.bypasses_rules(reader):
        return
    blind = reader.scalar(text("SELECT value FROM setting WHERE key = :k"), {"k": BLIND_KEY})
    if not blind_value(blind):
        return
    lead = reader.scalar(
        text(
            "SELECT count(*) FROM coder "
            "WHERE db_role = CAST(CURRENT_USER AS text) AND role = 'lead'"
        )
    )
    if not lead:
        raise CopyError(
            f"the project at {_shown(url)} is blind and you see only your own segments; "
            "copy it as a lead or as the project's owner"
        )


def _rows(reader: Connection, table: Table, size: int) -> Iterator[Sequence[Any]]:
    query = select(table).order_by(*table.primary_key.columns)
    result = reader.execution_options(yield_per=size).execute(query)
    for partition in result.partitions(size):
        yield from partition


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order the rows of a table that refers to itself so that parents come first."""
    links = [
        (fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table
    ]
    if not links:
        return rows
    (child, key), *_ = links
    by_key = {row[key]: row for row in rows}
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []

    def place(row: dict[str, Any], depth: int = 0) -> None:
        if row[key] in placed:
            return
        if depth > len(rows):
            raise CopyError(f"the table {table.name} refers to itself in a cycle")
        parent = by_key.get(row[child])
        if parent is not None:
            place(parent, depth + 1)
        placed.add(row[key])
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _copy_tables(
    reader: Connection,
    writer: Connection,
    tables: Sequence[Table],
    counts: dict[str, int],
    progress: CopyProgress | None,
) -> dict[str, int]:
    total = sum(counts.values())
    done = 0
    copied: dict[str, int] = {}
    for table in tables:
        names = [column.name for column in table.columns]
        statement = insert(table)
        size = _SMALL_BATCHES.get(table.name, BATCH)
        self_referring = any(fk.column.table is table for fk in table.foreign_keys)
        rows: Iterator[dict[str, Any]] = (
            dict(zip(names, row, strict=True)) for row in _rows(reader, table, size)
        )
        if self_referring:
            rows = iter(_parents_first(table, list(rows)))
        written = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= size:
                writer.execute(statement, batch)
                written += len(batch)
                done += len(batch)
                batch = []
                if progress is not None and not progress(done, total, table.name):
                    raise CopyError("the copy was cancelled; nothing was written")
        if batch:
            writer.execute(statement, batch)
            written += len(batch)
            done += len(batch)
        copied[table.name] = written
        if progress is not None and not progress(done, total, table.name):
            raise CopyError("the copy was cancelled; nothing was written")
    return copied


def _reset_sequences(writer: Connection, tables: Sequence[Table]) -> None:
    preparer = writer.dialect.identifier_preparer
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].autoincrement is False:
            continue
        key = keys[0]
        sequence = writer.scalar(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": preparer.format_table(table), "column": key.name},
        )
        if sequence is None:
            continue
        highest = writer.scalar(select(func.max(key)))
        # The next id handed out is one past the highest copied (1 in an empty table).
        writer.execute(
            text("SELECT setval(CAST(:sequence AS regclass), :value, :called)"),
            {"sequence": sequence, "value": highest or 1, "called": highest is not None},
        )


def _check_counts(writer: Connection, tables: Sequence[Table], copied: dict[str, int]) -> None:
    for table in tables:
        found = int(writer.scalar(select(func.count()).select_from(table)) or 0)
        if found != copied[table.name]:
            raise CopyError(
                f"the copy of {table.name} holds {found} rows instead of {copied[table.name]}"
            )


def _remove_target(url: URL) -> None:
    """Undo the creation of the target: remove the new file, or drop the new tables."""
    if is_sqlite(url):
        path = sqlite_path(url)
        for suffix in ("", "-wal", "-shm", "-journal"):
            candidate = path.with_name(path.name + suffix)
            if candidate.exists():
                candidate.unlink()
        return
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    finally:
        engine.dispose()
