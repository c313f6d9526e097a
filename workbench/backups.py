"""Rolling backups of SQLite projects, and restoring one of them.

Backups of ``NAME.qdb`` live in the folder ``NAME.backups`` beside it, one file each,
named ``NAME-YYYYMMDDTHHMMSSffffffZ-REASON.qdb`` (the time in UTC, the reason such as
``open``, ``interval``, ``manual`` or ``before-restore``). Each is a consistent copy made
with SQLite's online backup API, so it can be taken while the project is open, and is
itself a project that opens like any other. Only the newest few are kept.

A project on a server is backed up with the server's tools (``pg_dump``); asking for a
backup of one raises :class:`BackupRefusedError`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db.engine import APPLICATION_ID, PROJECT_SUFFIX, is_sqlite, sqlite_path
from workbench.errors import InvalidInputError, NotFoundError, WorkbenchError
from workbench.project import Project

#: How many backups :func:`prune` keeps unless told otherwise.
DEFAULT_KEEP = 10

#: The reason of the copy :func:`restore_backup` makes of the state it replaces.
BEFORE_RESTORE = "before-restore"

_FOLDER_SUFFIX = ".backups"
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z][a-z0-9-]*)\.qdb$")
_REASON = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
_SIDE_FILES = ("-wal", "-shm", "-journal")

SERVER_MESSAGE = (
    "the workbench does not copy a project on a database server; back it up with "
    "PostgreSQL's tools, for example: pg_dump --format=custom --file=project.dump "
    "postgresql://user@host/database (the URL without +psycopg), and restore a dump with "
    "pg_restore into a new, empty database; see 'Audit log and backups' in the README"
)


class BackupRefusedError(WorkbenchError):
    """A backup that cannot be made here (a server project, a damaged file)."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup of a project.

    Attributes:
        path: the backup file.
        taken_at: when it was taken (UTC).
        reason: why (``open``, ``interval``, ``manual``, ``before-restore``...).
        size: its size in bytes.
    """

    path: Path
    taken_at: datetime
    reason: str
    size: int


def project_file(project: Project) -> Path | None:
    """The file of an SQLite project; None for a project on a server."""
    if not is_sqlite(project.url):
        return None
    return sqlite_path(project.url)


def backup_folder(project_path: Path) -> Path:
    """Where the backups of a project file go: ``NAME.backups`` beside ``NAME.qdb``."""
    project_path = Path(project_path)
    return project_path.with_name(project_path.stem + _FOLDER_SUFFIX)


def _parse(path: Path) -> BackupInfo | None:
    found = _NAME.match(path.name)
    if found is None or not path.is_file():
        return None
    taken = datetime.strptime(found["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    return BackupInfo(path, taken, found["reason"], path.stat().st_size)


def _backups_in(folder: Path) -> list[BackupInfo]:
    if not folder.is_dir():
        return []
    found = [info for info in map(_parse, folder.iterdir()) if info is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def list_backups(project_path: Path) -> list[BackupInfo]:
    """The backups of a project file, newest first."""
    return _backups_in(backup_folder(project_path))


def _remove(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def prune(folder: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups in a backup folder.

    Returns:
        The files deleted.
    """
    if keep < 1:
        raise InvalidInputError(f"keep at least one backup (not {keep})")
    removed = [info.path for info in _backups_in(Path(folder))[keep:]]
    for path in removed:
        _remove(path)
    return removed


def _connect(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection to an existing database file (never creates one)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=timeout)


def _fingerprint(connection: sqlite3.Connection) -> tuple[object, ...]:
    # Every change writes an audit entry: the newest entry and the count tell states apart.
    newest = connection.execute("SELECT id, at FROM event ORDER BY id DESC LIMIT 1").fetchone()
    count = connection.execute("SELECT count(*) FROM event").fetchone()
    return (tuple(newest) if newest else None, count[0] if count else 0)


def _fingerprint_of(path: Path) -> tuple[object, ...] | None:
    try:
        connection = _connect(path)
    except sqlite3.Error:
        return None
    try:
        return _fingerprint(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy a database consistently into a new file (written aside, then renamed)."""
    partial = target.with_name(target.name + ".part")
    _remove(partial)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            # One self-contained file: no write-ahead log beside a backup.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        partial.replace(target)
    finally:
        _remove(partial)


def _new_name(folder: Path, stem: str, reason: str) -> Path:
    while True:
        stamp = datetime.now(UTC).strftime(_STAMP_FORMAT)
        target = folder / f"{stem}-{stamp}-{reason}{PROJECT_SUFFIX}"
        if not target.exists():
            return target


def _backup_file(
    path: Path, reason: str, *, keep: int | None, skip_unchanged: bool
) -> BackupInfo | None:
    if not _REASON.match(reason):
        raise InvalidInputError(
            f"a backup's reason is a short lower-case word such as 'manual' (not {reason!r})"
        )
    folder = backup_folder(path)
    try:
        source = _connect(path) if path.exists() else None
    except sqlite3.Error as error:
        raise BackupRefusedError(f"cannot read {path} to back it up: {error}") from error
    if source is None:
        raise NotFoundError(f"{path} does not exist")
    try:
        if skip_unchanged:
            newest = _backups_in(folder)
            if newest and _fingerprint_of(newest[0].path) == _fingerprint(source):
                return None
        folder.mkdir(parents=True, exist_ok=True)
        target = _new_name(folder, path.stem, reason)
        _copy(source, target)
    except sqlite3.Error as error:
        raise BackupRefusedError(f"the backup of {path} failed: {error}") from error
    finally:
        source.close()
    if keep is not None:
        prune(folder, keep)
    info = _parse(target)
    assert info is not None
    return info


def make_backup(
    project: Project,
    reason: str,
    *,
    keep: int | None = DEFAULT_KEEP,
    skip_unchanged: bool = False,
) -> BackupInfo | None:
    """Copy an open SQLite project consistently into its backup folder.

    Args:
        project: the project (it stays open; the copy is taken online).
        reason: a short word put into the name: ``open``, ``interval``, ``manual``...
        keep: then delete all but this many newest backups (None keeps them all).
        skip_unchanged: make no copy when the newest backup already holds this state
            (judged by the audit log, which every change writes to).

    Returns:
        The new backup, or None when it was skipped as unchanged.

    Raises:
        BackupRefusedError: the project is on a server (use ``pg_dump``), or the copy
            could not be made.
        InvalidInputError: the reason is not a short lower-case word.
    """
    path = project_file(project)
    if path is None:
        raise BackupRefusedError(SERVER_MESSAGE)
    return _backup_file(path, reason, keep=keep, skip_unchanged=skip_unchanged)


def _check_project_file(path: Path, what: str) -> None:
    if not path.is_file():
        raise NotFoundError(f"{what} {path} does not exist")
    try:
        connection = _connect(path)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise InvalidInputError(f"{what} {path} is not a workbench project: {error}") from error
    if application_id != APPLICATION_ID:
        raise InvalidInputError(f"{what} {path} is not a workbench project")
    if verdict != "ok":
        raise InvalidInputError(f"{what} {path} is damaged ({verdict}); choose another one")


def _leave_wal(connection: sqlite3.Connection, path: Path) -> None:
    """Switch a database to a rollback journal; refused while others have it open."""
    refusal = (
        f"{path.name} is open (here or in another program); close it before restoring a backup"
    )
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        raise BackupRefusedError(refusal) from error
    if str(mode).lower() != "delete":
        raise BackupRefusedError(refusal)


def restore_backup(project_path: Path, backup_path: Path) -> BackupInfo | None:
    """Put a backup's content into a project file; the project must be closed.

    The project is first switched out of write-ahead logging, which SQLite allows only
    when no other connection has it open (so a project open here or in another program
    is refused) and which folds any left-over log into the file. Its current state is
    then copied into the backup folder (reason ``before-restore``), and the backup is
    written into the project file with SQLite's backup API, in one transaction. The
    backup itself is not changed; the project returns to write-ahead logging when it
    is next opened.

    Args:
        project_path: the project file (closed).
        backup_path: the backup to restore, usually one of :func:`list_backups`.

    Returns:
        The copy of the state that was replaced (None when the project file was missing).

    Raises:
        NotFoundError: the backup does not exist.
        InvalidInputError: the backup or the project file is not a workbench project,
            or is damaged.
        BackupRefusedError: the project is open, or the restore failed (the project
            is then unchanged).
    """
    project_path, backup_path = Path(project_path), Path(backup_path)
    _check_project_file(backup_path, "the backup")
    existed = project_path.exists()
    if existed:
        _check_project_file(project_path, "the project")
    saved = None
    try:
        destination = (
            _connect(project_path, timeout=1.0) if existed else sqlite3.connect(project_path)
        )
        try:
            _leave_wal(destination, project_path)
            if existed:
                target = _new_name(backup_folder(project_path), project_path.stem, BEFORE_RESTORE)
                target.parent.mkdir(parents=True, exist_ok=True)
                _copy(destination, target)
                saved = _parse(target)
            source = _connect(backup_path)
            try:
                source.backup(destination)
            finally:
                source.close()
        finally:
            destination.close()
    except sqlite3.Error as error:
        raise BackupRefusedError(
            f"{backup_path.name} could not be restored into {project_path}: {error}"
        ) from error
    return saved
