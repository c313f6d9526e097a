"""The audit log: who changed what and when, filtered, paged and exported as CSV.

Every command writes one entry (see :meth:`workbench.project.Project.execute`). An
entry's *kind* is the first word of its action, before the dot: ``segment.add`` is a
``segment`` entry, and so is ``undo segment.add``.

Times are stored in UTC. A filter's ``since``/``until`` may be a timezone-aware
``datetime`` (used as it is), a naive ``datetime`` (the computer's local time) or a
``date`` (a whole local day: ``since`` from its first moment, ``until`` to its last).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, Select, and_, false, or_, select

from db.schema import Coder, Event
from workbench.csvfiles import write_rows
from workbench.entities import EventInfo
from workbench.project import Project

#: The prefix of the action of an entry that undid a command.
UNDO_PREFIX = "undo "

#: The header of an exported audit log.
CSV_COLUMNS = (
    "time",
    "coder",
    "action",
    "label",
    "target kind",
    "target id",
    "before",
    "after",
)

#: How many entries an export reads at a time.
_EXPORT_PAGE = 2000

Moment = datetime | date


@dataclass(frozen=True)
class AuditFilter:
    """Which entries of the audit log to show.

    Attributes:
        coder: only this coder's entries (by name); all coders when None.
        since: only entries at or after this moment (see the module's notes on dates).
        until: only entries at or before this moment.
        kinds: only entries of these kinds (``segment``, ``code``...); all when None.
    """

    coder: str | None = None
    since: Moment | None = None
    until: Moment | None = None
    kinds: frozenset[str] | None = None

    @classmethod
    def of(
        cls,
        *,
        coder: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
        kinds: Collection[str] | None = None,
    ) -> AuditFilter:
        """A filter from loose arguments (any collection of kinds)."""
        return cls(coder, since, until, frozenset(kinds) if kinds is not None else None)


def event_kind(action: str) -> str:
    """The kind of an action: ``undo segment.add`` -> ``segment``."""
    return action.removeprefix(UNDO_PREFIX).strip().split(".", 1)[0]


def to_utc(moment: datetime) -> datetime:
    """A datetime in UTC; a naive one is taken as the computer's local time."""
    return moment.astimezone(UTC)


def _start(moment: Moment) -> datetime:
    if isinstance(moment, datetime):
        return to_utc(moment)
    return to_utc(datetime.combine(moment, time.min))


def _kind_condition(kind: str) -> ColumnElement[bool]:
    return or_(
        Event.action == kind,
        Event.action.startswith(kind + ".", autoescape=True),
        Event.action == UNDO_PREFIX + kind,
        Event.action.startswith(UNDO_PREFIX + kind + ".", autoescape=True),
    )


def _conditions(rules: AuditFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if rules.coder is not None:
        conditions.append(Coder.name == rules.coder)
    if rules.since is not None:
        conditions.append(Event.at >= _start(rules.since))
    if rules.until is not None:
        if isinstance(rules.until, datetime):
            conditions.append(Event.at <= to_utc(rules.until))
        else:
            conditions.append(Event.at < _start(rules.until + timedelta(days=1)))
    if rules.kinds is not None:
        kinds = sorted(k.strip() for k in rules.kinds if k.strip())
        conditions.append(or_(*(_kind_condition(k) for k in kinds)) if kinds else false())
    return conditions


def _select(rules: AuditFilter) -> Select[Event, str]:
    query = select(Event, Coder.name).outerjoin(Coder, Coder.id == Event.coder_id)
    conditions = _conditions(rules)
    if conditions:
        query = query.where(and_(*conditions))
    return query


def _info(event: Event, coder: str | None) -> EventInfo:
    return EventInfo(
        event.id,
        event.at,
        coder,
        event.action,
        event.label,
        event.target_kind,
        event.target_id,
        event.before,
        event.after,
    )


def audit_events(
    project: Project,
    *,
    coder: str | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
    kinds: Collection[str] | None = None,
    limit: int | None = None,
    before_id: int | None = None,
    after_id: int | None = None,
) -> list[EventInfo]:
    """Entries of the audit log, newest first, optionally filtered.

    Args:
        project: an open project (SQLite or server).
        coder: only this coder's entries (the coder's name).
        since: only entries at or after this moment.
        until: only entries at or before this moment.
        kinds: only entries of these kinds, such as ``segment`` or ``code``.
        limit: at most this many entries.
        before_id: only entries older than this one (to read a long log in pages).
        after_id: only entries newer than this one (to read what was added since).

    Returns:
        The entries, newest first.
    """
    rules = AuditFilter.of(coder=coder, since=since, until=until, kinds=kinds)
    return filtered_events(
        project, rules, limit=limit, before_id=before_id, after_id=after_id, newest_first=True
    )


def filtered_events(
    project: Project,
    rules: AuditFilter,
    *,
    limit: int | None = None,
    before_id: int | None = None,
    after_id: int | None = None,
    newest_first: bool = True,
) -> list[EventInfo]:
    """Like :func:`audit_events`, with the filter as one value and a choice of order."""
    query = _select(rules)
    if before_id is not None:
        query = query.where(Event.id < before_id)
    if after_id is not None:
        query = query.where(Event.id > after_id)
    query = query.order_by(Event.id.desc() if newest_first else Event.id)
    if limit is not None:
        query = query.limit(limit)
    with project.read() as session:
        return [_info(event, name) for event, name in session.execute(query)]


def audit_kinds(project: Project) -> list[str]:
    """The kinds of the entries in the log, sorted."""
    with project.read() as session:
        actions = session.scalars(select(Event.action).distinct()).all()
    return sorted({event_kind(action) for action in actions if action})


def _iter_oldest_first(project: Project, rules: AuditFilter) -> Iterator[EventInfo]:
    after: int | None = None
    while True:
        page = filtered_events(
            project, rules, limit=_EXPORT_PAGE, after_id=after, newest_first=False
        )
        yield from page
        if len(page) < _EXPORT_PAGE:
            return
        after = page[-1].id


def iso_utc(moment: datetime) -> str:
    """A moment as ISO 8601 in UTC to the second: ``2025-03-01T14:05:09Z``."""
    return to_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def csv_row(event: EventInfo) -> list[str]:
    """One entry as a row under :data:`CSV_COLUMNS`."""
    return [
        iso_utc(event.at),
        event.coder or "",
        event.action,
        event.label,
        event.target_kind,
        "" if event.target_id is None else str(event.target_id),
        event.before or "",
        event.after or "",
    ]


def export_audit_csv(
    project: Project,
    path: Path,
    *,
    coder: str | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
    kinds: Collection[str] | None = None,
) -> int:
    """Write the (filtered) audit log to a CSV file, oldest entry first.

    The columns are those of :data:`CSV_COLUMNS`; times are ISO 8601 in UTC, ``before``
    and ``after`` are the JSON the log holds (empty when there is none). The file is
    UTF-8 with a byte-order mark and replaced atomically.

    Args:
        project: an open project.
        path: the CSV file to write.
        coder: only this coder's entries.
        since: only entries at or after this moment.
        until: only entries at or before this moment.
        kinds: only entries of these kinds.

    Returns:
        The number of entries written.
    """
    rules = AuditFilter.of(coder=coder, since=since, until=until, kinds=kinds)
    rows = (csv_row(event) for event in _iter_oldest_first(project, rules))
    return write_rows(path, CSV_COLUMNS, rows)
