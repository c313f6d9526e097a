"""Noticing what others changed: other windows, other processes, other coders.

Every command leaves an entry in the audit log (``event``), so the log's newest ids
say what changed since we last looked. :class:`ExternalChanges` reads the entries
added since its last poll, skips those this project wrote itself, and turns the rest
into :class:`~workbench.changes.Changes` for the views:

- An entry about one segment, code, memo... (``segment.resize`` of segment 12) is
  mapped directly from its ``target_kind`` and ``target_id``.
- An entry about many things at once (an import, a merge, deleting a code with its
  segments, the blind turned off) names no ids; then the detector compares the ids
  (and a fingerprint of each row) of every table with what it read last time.

It works on a file shared by two processes as on a server. On a server, ids are
handed out before transactions commit, so a later poll may find an entry with an id
lower than one already seen; the detector keeps asking for such missing ids for
:data:`GAP_SECONDS`. Entries hidden by the blind are, rightly, never seen.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, func, or_, select, type_coerce
from sqlalchemy import event as sa_event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapper
from sqlalchemy.types import NullType

from db.schema import (
    Attribute,
    AttributeValue,
    Case,
    Code,
    CodeGroup,
    Coder,
    Document,
    Event,
    Memo,
    Outcome,
    Segment,
)
from workbench.changes import Changes
from workbench.errors import WorkbenchError
from workbench.project import Project

#: How long an id skipped by the log is waited for (a transaction still committing).
GAP_SECONDS = 10.0
#: At most this many skipped ids are waited for.
MAX_GAPS = 5000

#: The table of each kind of thing whose ids the views are told about.
TRACKED: dict[str, Table] = {
    "document": Document.__table__,  # type: ignore[dict-item]
    "code": Code.__table__,  # type: ignore[dict-item]
    "code_group": CodeGroup.__table__,  # type: ignore[dict-item]
    "segment": Segment.__table__,  # type: ignore[dict-item]
    "coder": Coder.__table__,  # type: ignore[dict-item]
    "attribute": Attribute.__table__,  # type: ignore[dict-item]
    "attribute_value": AttributeValue.__table__,  # type: ignore[dict-item]
    "case": Case.__table__,  # type: ignore[dict-item]
    "memo": Memo.__table__,  # type: ignore[dict-item]
    "outcome": Outcome.__table__,  # type: ignore[dict-item]
}
#: Columns left out of a row's fingerprint: long and never changed after import.
_UNCOMPARED = {"document": ("text", "folded")}

#: Log entries about exactly one thing: action -> (kind, what happened to it).
PRECISE: dict[str, tuple[str, str]] = {
    "segment.add": ("segment", "added"),
    "segment.remove": ("segment", "removed"),
    "segment.edit": ("segment", "updated"),
    "segment.resize": ("segment", "updated"),
    "segment.memo": ("segment", "updated"),
    "segment.recode": ("segment", "updated"),
    "code.add": ("code", "added"),
    "code.edit": ("code", "updated"),
    "code.move": ("code", "updated"),
    "code_group.add": ("code_group", "added"),
    "memo.add": ("memo", "added"),
    "memo.edit": ("memo", "updated"),
    "memo.delete": ("memo", "removed"),
    "coder.add": ("coder", "added"),
    "case.add": ("case", "added"),
}
#: What an entry that names no ids may have changed, by the first word of its action.
_BROAD: dict[str, frozenset[str]] = {
    # The blind decides which segments a coder sees.
    "setting": frozenset({"segment"}),
}

_WATCHERS: weakref.WeakSet[ExternalChanges] = weakref.WeakSet()


@sa_event.listens_for(Event, "after_insert")
def _note_own_entry(_mapper: Mapper[Event], connection: Connection, target: Event) -> None:
    """Remember the log entries a project writes, so that its detector skips them."""
    for watcher in list(_WATCHERS):
        if watcher.project.engine is connection.engine:
            watcher.note_own(target.id)


class ExternalChangesError(WorkbenchError):
    """The audit log could not be read (the server went away, say)."""


@dataclass
class _Collected:
    """Changes gathered entry by entry; the last word about an id wins."""

    added: dict[str, set[int]] = field(default_factory=dict)
    updated: dict[str, set[int]] = field(default_factory=dict)
    removed: dict[str, set[int]] = field(default_factory=dict)

    def note(self, kind: str, what: str, ids: Iterable[int]) -> None:
        added = self.added.setdefault(kind, set())
        updated = self.updated.setdefault(kind, set())
        removed = self.removed.setdefault(kind, set())
        for ident in ids:
            if what == "added":
                removed.discard(ident)
                added.add(ident)
            elif what == "removed":
                added.discard(ident)
                updated.discard(ident)
                removed.add(ident)
            elif ident not in added:
                updated.add(ident)

    def changes(self) -> Changes:
        def plain(mapping: dict[str, set[int]]) -> dict[str, Iterable[int]]:
            return dict(mapping)

        return Changes.of(
            added=plain(self.added), updated=plain(self.updated), removed=plain(self.removed)
        )


Snapshot = dict[str, dict[int, int]]


class ExternalChanges:
    """What others changed in a project since the last :meth:`poll`.

    Create it when the project is opened: it reads where the audit log stands and
    the ids of every kind of thing (a short read once). Call :meth:`poll` every few
    seconds; each call is one small query when nothing changed. Call :meth:`close`
    when done.
    """

    def __init__(self, project: Project, *, background: bool = False) -> None:
        """Note where the audit log stands and read what is in the project.

        Args:
            project: the open project to watch.
            background: read the ids and fingerprints of every row on a thread of
                its own, started by the first :meth:`poll` (which reports nothing until
                it is done), rather than now. A window opens faster so; a change that
                names no ids made in the few seconds before the read is then missed.
        """
        self.project = project
        self._own: set[int] = set()
        # Commands may run on worker threads: their entries are noted there.
        self._own_lock = threading.Lock()
        self._gaps: dict[int, float] = {}
        self._snapshot: Snapshot | None = None
        self._reader: threading.Thread | None = None
        self._reader_error: Exception | None = None
        _WATCHERS.add(self)
        try:
            with project.read() as session:
                connection = session.connection()
                # The log first: a change made between the two reads is then reported
                # again rather than lost.
                self._last = int(connection.scalar(select(func.max(Event.id))) or 0)
                if not background:
                    self._snapshot = _read_snapshot(connection, TRACKED)
        except SQLAlchemyError as error:
            _WATCHERS.discard(self)
            raise ExternalChangesError(f"cannot read {project.location}: {error}") from error

    def _read_in_background(self) -> None:
        try:
            with self.project.read() as session:
                self._snapshot = _read_snapshot(session.connection(), TRACKED)
        except Exception as error:  # reported by the next poll, on the caller's thread
            self._reader_error = error

    def _ready(self) -> bool:
        """Whether the rows have been read (starting the reading thread if need be)."""
        if self._snapshot is not None:
            return True
        if self._reader is None:
            self._reader = threading.Thread(
                target=self._read_in_background, name="external-changes", daemon=True
            )
            self._reader.start()
            return False
        if self._reader.is_alive():
            return False
        self._reader = None
        if self._reader_error is not None:
            error, self._reader_error = self._reader_error, None
            raise ExternalChangesError(f"cannot read {self.project.location}: {error}")
        return self._snapshot is not None

    @property
    def last_seen(self) -> int:
        """The highest audit-log id seen so far."""
        return self._last

    def note_own(self, event_id: int) -> None:
        """Skip this log entry: this project wrote it (and told its listeners)."""
        with self._own_lock:
            self._own.add(event_id)

    def close(self) -> None:
        """Stop noting this project's own entries (and wait for a read under way)."""
        _WATCHERS.discard(self)
        reader = self._reader
        if reader is not None:
            reader.join(timeout=10)

    def poll(self) -> Changes | None:
        """What others changed since the last call, or None when nothing.

        Raises:
            ExternalChangesError: the database could not be read.
        """
        if not self._ready():
            return None
        try:
            with self.project.read() as session:
                return self._poll(session.connection())
        except SQLAlchemyError as error:
            raise ExternalChangesError(
                f"cannot read what others changed in {self.project.location}: {error}"
            ) from error

    def _poll(self, connection: Connection) -> Changes | None:
        condition = Event.id > self._last
        if self._gaps:
            condition = or_(condition, Event.id.in_(sorted(self._gaps)))
        rows = connection.execute(
            select(Event.id, Event.action, Event.target_kind, Event.target_id)
            .where(condition)
            .order_by(Event.id)
        ).all()
        now = time.monotonic()
        collected = _Collected()
        broad: set[str] = set()
        own_broad = False
        for ident, action, target_kind, target_id in rows:
            self._advance(ident, now)
            with self._own_lock:
                own = ident in self._own
                self._own.discard(ident)
            exact = _exact(action, target_kind, target_id)
            if own:
                own_broad = own_broad or exact is None
            elif exact is not None:
                collected.note(exact[0], exact[1], [exact[2]])
            else:
                broad |= _BROAD.get(_noun(action), frozenset(TRACKED))
        self._forget(now)
        if broad:
            self._resync(connection, collected, broad)
        elif own_broad:
            # Our own import or merge: keep the ids up to date, report nothing.
            self._resync(connection, _Collected(), set(TRACKED))
        changes = collected.changes()
        return changes if changes else None

    def _advance(self, ident: int, now: float) -> None:
        if ident in self._gaps:
            del self._gaps[ident]
        elif ident > self._last:
            for missing in range(max(self._last + 1, ident - MAX_GAPS), ident):
                self._gaps[missing] = now
            self._last = ident

    def _forget(self, now: float) -> None:
        expired = [i for i, since in self._gaps.items() if now - since > GAP_SECONDS]
        for ident in expired:
            del self._gaps[ident]
        if len(self._gaps) > MAX_GAPS:
            for ident in sorted(self._gaps)[: len(self._gaps) - MAX_GAPS]:
                del self._gaps[ident]
        # Our own entries that can no longer turn up (rolled back) need no memory.
        with self._own_lock:
            self._own = {i for i in self._own if i > self._last or i in self._gaps}

    def _resync(self, connection: Connection, collected: _Collected, kinds: set[str]) -> None:
        assert self._snapshot is not None
        fresh = _read_snapshot(connection, {k: TRACKED[k] for k in kinds})
        for kind, rows in fresh.items():
            old = self._snapshot.get(kind, {})
            collected.note(kind, "removed", old.keys() - rows.keys())
            collected.note(kind, "added", rows.keys() - old.keys())
            collected.note(
                kind, "updated", (i for i in rows.keys() & old.keys() if rows[i] != old[i])
            )
            self._snapshot[kind] = rows


def _noun(action: str) -> str:
    return action.removeprefix("undo ").split(".", 1)[0]


def _exact(action: str, target_kind: str, target_id: int | None) -> tuple[str, str, int] | None:
    """The kind, what happened and the id of an entry about exactly one thing."""
    undone = action.startswith("undo ")
    rule = PRECISE.get(action.removeprefix("undo "))
    if rule is None or target_id is None or target_kind != rule[0]:
        return None
    kind, what = rule
    if undone:
        what = {"added": "removed", "removed": "added"}.get(what, what)
    return kind, what, target_id


def _read_snapshot(connection: Connection, tables: dict[str, Table]) -> Snapshot:
    """Each row's id and a fingerprint of its values, by kind."""
    snapshot: Snapshot = {}
    for kind, table in tables.items():
        skipped = _UNCOMPARED.get(kind, ())
        # As stored, without converting each value: only equality matters here.
        columns = [
            type_coerce(c, NullType())
            for c in table.columns
            if c.name != "id" and c.name not in skipped
        ]
        rows: dict[int, int] = {}
        for row in connection.execute(select(table.c.id, *columns)):
            rows[row[0]] = hash(row[1:])
        snapshot[kind] = rows
    return snapshot
