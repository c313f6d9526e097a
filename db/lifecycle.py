"""Creating, checking, backing up and migrating project databases.

A new project gets the current schema and is stamped with the newest Alembic
revision. Opening a project compares its revision with ours: an older project is
backed up (SQLite) and migrated; a newer or foreign one is refused.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from db.engine import APPLICATION_ID, is_sqlite, make_engine, sqlite_path
from db.errors import (
    NewerProjectError,
    NotAProjectError,
    ProjectExistsError,
    ProjectNotFoundError,
    ProjectStorageError,
)
from db.schema import Base

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class OpenReport:
    """What opening a project did.

    Attributes:
        revision: the schema revision the project is at now.
        migrated_from: the revision it had before, when it was migrated.
        backup: the backup file written before migrating, if any.
    """

    revision: str
    migrated_from: str | None = None
    backup: Path | None = None


def alembic_config() -> Config:
    """The Alembic configuration for project databases."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision this version knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this version knows."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def database_revision(engine: Engine) -> str | None:
    """The Alembic revision stamped in a database, or None."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def create_database(url: URL) -> Engine:
    """Create a new, empty project database at the newest revision.

    Args:
        url: where to create it. For SQLite the file must not exist yet; for a
            server the database must exist and hold no tables.

    Returns:
        An engine on the new database.

    Raises:
        ProjectExistsError: there is already something there.
    """
    if is_sqlite(url):
        path = sqlite_path(url)
        if path.exists():
            raise ProjectExistsError(f"{path} already exists; choose another file name")
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    if not is_sqlite(url) and inspect(engine).get_table_names():
        engine.dispose()
        raise ProjectExistsError(
            f"the database {url.render_as_string(hide_password=True)} already has tables; "
            "use an empty database for a new project"
        )
    try:
        with engine.begin() as connection:
            if is_sqlite(url):
                connection.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
            Base.metadata.create_all(connection)
            config = alembic_config()
            config.attributes["connection"] = connection
            command.stamp(config, "head")
        if is_sqlite(url):
            # Write the header (application id) into the main file at once.
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:
        engine.dispose()
        if is_sqlite(url):
            _remove_sqlite_files(sqlite_path(url))
        raise
    return engine


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def _check_sqlite_file(path: Path) -> None:
    if not path.exists():
        raise ProjectNotFoundError(f"{path} does not exist")
    if path.is_dir():
        raise NotAProjectError(f"{path} is a folder, not a project file")
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotAProjectError(f"{path} is not a workbench project (it is not an SQLite database)")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        # A change of the header may still sit in the write-ahead log (a project open
        # elsewhere, or left after a crash): ask SQLite, which reads the log too.
        application_id = _application_id(path)
    if application_id != APPLICATION_ID:
        raise NotAProjectError(
            f"{path} is an SQLite database but not a workbench project "
            f"(application id {application_id:#x})"
        )


def _application_id(path: Path) -> int:
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error:
        return 0
    try:
        row = connection.execute("PRAGMA application_id").fetchone()
    except sqlite3.Error:
        return 0
    finally:
        connection.close()
    return int(row[0]) if row else 0


def backup_sqlite(path: Path, tag: str) -> Path:
    """Copy an SQLite project consistently (online backup API) next to itself.

    Args:
        path: the project file.
        tag: a short word put into the backup's name (for example the old revision).

    Returns:
        The path of the backup.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{tag}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def open_database(url: URL, *, backup: bool = True) -> tuple[Engine, OpenReport]:
    """Open a project database, migrating it when it is older than this version.

    Args:
        url: the project's URL.
        backup: back up an SQLite file before migrating it.

    Returns:
        An engine and a report of what was done.

    Raises:
        ProjectNotFoundError: no such file.
        NotAProjectError: the file or database is not a workbench project.
        NewerProjectError: it was written by a newer version.
    """
    if is_sqlite(url):
        _check_sqlite_file(sqlite_path(url))
    engine = make_engine(url)
    try:
        current = database_revision(engine)
    except Exception as error:  # a server that refuses, a locked or damaged file
        engine.dispose()
        raise ProjectStorageError(
            f"cannot read {url.render_as_string(hide_password=True)}: {error}"
        ) from error
    if current is None:
        engine.dispose()
        raise NotAProjectError(
            f"{url.render_as_string(hide_password=True)} is not a workbench project "
            "(it has no schema revision)"
        )
    if current not in known_revisions():
        engine.dispose()
        raise NewerProjectError(
            f"{url.render_as_string(hide_password=True)} was written by a newer version of the "
            f"workbench (schema {current}); install the newer version to open it"
        )
    head = head_revision()
    if current == head:
        return engine, OpenReport(revision=head)
    backup_path = None
    if is_sqlite(url) and backup:
        backup_path = backup_sqlite(sqlite_path(url), current)
    engine.dispose()
    migrate(url, "head")
    engine = make_engine(url)
    return engine, OpenReport(revision=head, migrated_from=current, backup=backup_path)


def migrate(url: URL, revision: str) -> None:
    """Run migrations up to ``revision``, checking foreign keys afterwards on SQLite.

    Raises:
        ProjectStorageError: the migrated data breaks a foreign key (nothing is kept).
    """
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            if is_sqlite(url):
                broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if broken:
                    raise ProjectStorageError(
                        f"migration to {revision} left {len(broken)} broken references; "
                        "the project was not changed"
                    )
    finally:
        engine.dispose()
