"""A project: one database, opened for one coder, changed only through commands."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from db.engine import is_sqlite, project_url
from db.errors import ProjectStorageError
from db.lifecycle import OpenReport, create_database, open_database
from db.schema import Coder, Event, Setting
from workbench import queries
from workbench.changes import Changes
from workbench.codebook.tree import CodeResolver
from workbench.commands.base import Command, CommandContext, to_json
from workbench.entities import (
    AttributeInfo,
    CodeInfo,
    CoderInfo,
    DocumentInfo,
    EventInfo,
    SegmentInfo,
)
from workbench.errors import WorkbenchError
from workbench.undo import UndoStack

Listener = Callable[[Changes], None]


class ProjectOpenError(WorkbenchError):
    """A project could not be created or opened; the message says why."""


class Project:
    """An open project database.

    Every change goes through :meth:`run` (or :meth:`undo`/:meth:`redo`): one command,
    one transaction, committed at once, with an entry in the audit log naming the
    current coder. Reads use :meth:`read`, a short-lived session.
    """

    def __init__(self, url: URL, engine: Engine, report: OpenReport) -> None:
        self.url = url
        self.engine = engine
        self.report = report
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._undo = UndoStack()
        self._listeners: list[Listener] = []
        self.coder_id: int | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls, location: str | Path, *, language: str = "en", name: str | None = None
    ) -> Project:
        """Create a new, empty project.

        Args:
            location: a new ``.qdb`` file path, or the URL of an empty server database.
            language: the project's main language (``en`` or ``es``).
            name: a display name (defaults to the file's stem).

        Raises:
            ProjectOpenError: the file exists already or the server refused.
        """
        url = project_url(location)
        try:
            engine = create_database(url)
        except ProjectStorageError as error:
            raise ProjectOpenError(str(error)) from error
        project = cls(url, engine, OpenReport(revision=""))
        display = name or (
            Path(url.database or "project").stem if is_sqlite(url) else str(url.database)
        )
        with project._sessions.begin() as session:
            session.add_all(
                [
                    Setting(key="name", value=display),
                    Setting(key="language", value=language),
                    Setting(key="created_at", value=datetime.now(UTC).isoformat()),
                ]
            )
        return project

    @classmethod
    def open(cls, location: str | Path, *, backup: bool = True) -> Project:
        """Open an existing project, migrating it when it is older than this version.

        Raises:
            ProjectOpenError: no such project, not a project, or a newer version's project.
        """
        url = project_url(location)
        try:
            engine, report = open_database(url, backup=backup)
        except ProjectStorageError as error:
            raise ProjectOpenError(str(error)) from error
        return cls(url, engine, report)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def location(self) -> str:
        """The project's file path or URL (without password), for messages."""
        if is_sqlite(self.url):
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    # -- settings and identity ---------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        """A project setting such as ``name`` or ``language``."""
        with self.read() as session:
            row = session.get(Setting, key)
            return row.value if row is not None else default

    def use_coder(
        self, name: str | None = None, *, initials: str | None = None, colour: str | None = None
    ) -> int:
        """Act as this coder from now on, adding them to the project if new.

        Args:
            name: the coder's name; defaults to the operating system's user name.
            initials: used when the coder is new (defaults to the name's initials).
            colour: used when the coder is new.

        Returns:
            The coder's id.
        """
        from workbench.commands.coders import AddCoder

        name = (name or getpass.getuser() or "coder").strip()
        with self.read() as session:
            existing = session.scalar(select(Coder.id).where(Coder.name == name))
        if existing is not None:
            self.coder_id = existing
            return existing
        command = AddCoder(name, initials=initials, colour=colour)
        self.run(command, undoable=False)
        assert command.coder_id is not None
        self.coder_id = command.coder_id
        return command.coder_id

    # -- reading and changing ----------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is kept."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes)`` after every command, undo and redo."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        self._listeners.remove(listener)

    def execute(self, command: Command, *, reverse: bool = False) -> Changes:
        """Do (or, with ``reverse``, undo) a command without touching the undo stack.

        For clients that keep their own history (the GUI's undo stack). Like
        :meth:`run`, it is one transaction with an audit-log entry, and listeners hear
        of the changes.
        """
        now = datetime.now(UTC)
        with self._sessions.begin() as session:
            ctx = CommandContext(session=session, coder_id=self.coder_id, now=now)
            changes = command.undo(ctx) if reverse else command.do(ctx)
            record = command.audit()
            session.add(
                Event(
                    at=now,
                    coder_id=self.coder_id,
                    action=("undo " if reverse else "") + record.action,
                    label=command.label,
                    target_kind=record.target_kind,
                    target_id=record.target_id,
                    before=to_json(record.after if reverse else record.before),
                    after=to_json(record.before if reverse else record.after),
                )
            )
        for listener in list(self._listeners):
            listener(changes)
        return changes

    def run(self, command: Command, *, undoable: bool = True) -> Changes:
        """Do a command in one transaction, log it, and put it on the undo stack.

        Raises:
            WorkbenchError: the command refused (nothing was written).
        """
        changes = self.execute(command, reverse=False)
        if undoable:
            self._undo.pushed(command)
        return changes

    def undo(self) -> Changes | None:
        """Undo the last command; None when there is nothing to undo."""
        command = self._undo.take_undo()
        if command is None:
            return None
        try:
            return self.execute(command, reverse=True)
        except Exception:
            self._undo.give_back_undo(command)
            raise

    def redo(self) -> Changes | None:
        """Redo the last undone command; None when there is nothing to redo."""
        command = self._undo.take_redo()
        if command is None:
            return None
        try:
            return self.execute(command, reverse=False)
        except Exception:
            self._undo.give_back_redo(command)
            raise

    @property
    def undo_label(self) -> str | None:
        """The label of the command that :meth:`undo` would reverse."""
        return self._undo.undo_label

    @property
    def redo_label(self) -> str | None:
        """The label of the command that :meth:`redo` would apply again."""
        return self._undo.redo_label

    # -- reading: thin wrappers over workbench.queries ----------------------------

    def coders(self) -> list[CoderInfo]:
        """Every coder."""
        with self.read() as session:
            return queries.coders(session)

    def documents(self, coder_ids: Collection[int] | None = None) -> list[DocumentInfo]:
        """Every document with segment counts and attributes (no text)."""
        with self.read() as session:
            return queries.documents(session, coder_ids)

    def document_id(self, name: str) -> int:
        """The id of a document by name."""
        with self.read() as session:
            return queries.document_id(session, name)

    def text(self, document_id: int) -> str:
        """The text of a document."""
        with self.read() as session:
            return queries.document_text(session, document_id)

    def codes(self, coder_ids: Collection[int] | None = None) -> list[CodeInfo]:
        """The codebook in tree order, with counts."""
        with self.read() as session:
            return queries.codes(session, coder_ids)

    def segments(
        self,
        *,
        document_ids: Collection[int] | None = None,
        code_ids: Collection[int] | None = None,
        coder_ids: Collection[int] | None = None,
        segment_ids: Collection[int] | None = None,
    ) -> list[SegmentInfo]:
        """Segments, optionally filtered by document, code, coder or segment id."""
        with self.read() as session:
            return queries.segments(
                session,
                document_ids=document_ids,
                code_ids=code_ids,
                coder_ids=coder_ids,
                segment_ids=segment_ids,
            )

    def attributes(self, scope: str = "document") -> list[AttributeInfo]:
        """The attributes of documents or cases."""
        with self.read() as session:
            return queries.attributes(session, scope)

    def events(self, limit: int | None = None) -> list[EventInfo]:
        """The audit log, newest first."""
        with self.read() as session:
            return queries.events(session, limit)

    def code_id(self, reference: str) -> int:
        """A code's id by path, unique name or unique label."""
        with self.read() as session:
            return CodeResolver(session).get(reference)
