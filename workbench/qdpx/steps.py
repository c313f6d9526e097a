"""Running many commands as the steps of one command, in one transaction.

An import is made of the core's own commands (add coder, create code, import documents,
add segments, add memo...) run one after the other inside the import's transaction,
each followed by "patches": values the core's commands do not take but an exchange
file carries (GUIDs, who created a memo, when a segment was coded). Rows that no core
command writes (cases and their links) are written by :class:`InsertRows`. Undo runs
the steps' undo in reverse order; redo runs them again and re-applies the patches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from db.schema import Base
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext, Row, restore, row_of

Values = dict[str, Any]


@dataclass
class Step:
    """A command and the column values to set on its rows after it ran."""

    command: Command
    patches: list[tuple[type[Base], list[Values]]] = field(default_factory=list)


def _apply(session: Session, patches: list[tuple[type[Base], list[Values]]]) -> None:
    for model, values in patches:
        if values:
            session.execute(update(model), values)
    session.flush()


def merge(changes: Sequence[Changes]) -> Changes:
    """One ``Changes`` holding all of several."""
    added: dict[str, Iterable[int]] = {}
    updated: dict[str, Iterable[int]] = {}
    removed: dict[str, Iterable[int]] = {}
    for change in changes:
        for target, source in (
            (added, change.added),
            (updated, change.updated),
            (removed, change.removed),
        ):
            for kind, ids in source.items():
                target[kind] = {*target.get(kind, ()), *ids}
    return Changes.of(added=added, updated=updated, removed=removed)


class StepRunner:
    """Runs steps inside one command context and remembers them for undo and redo."""

    def __init__(self, ctx: CommandContext) -> None:
        self.ctx = ctx
        self.steps: list[Step] = []
        self.changes: list[Changes] = []

    def run(self, command: Command) -> Step:
        """Do a command now; patches may be added to the returned step, then :meth:`patch`."""
        self.changes.append(command.do(self.ctx))
        step = Step(command)
        self.steps.append(step)
        return step

    def patch(self, step: Step, model: type[Base], values: list[Values]) -> None:
        """Set column values (each dict holds the row's ``id``) on rows a step made."""
        if values:
            step.patches.append((model, values))
            _apply(self.ctx.session, [(model, values)])


def redo_steps(ctx: CommandContext, steps: Sequence[Step]) -> Changes:
    """Do every step again, with its patches."""
    changes = []
    for step in steps:
        changes.append(step.command.do(ctx))
        _apply(ctx.session, step.patches)
    return merge(changes)


def undo_steps(ctx: CommandContext, steps: Sequence[Step]) -> Changes:
    """Undo every step, last first."""
    return merge([step.command.undo(ctx) for step in reversed(steps)])


def taken_guids(session: Session, model: type[Base], guids: Sequence[str]) -> set[str]:
    """Which of these GUIDs rows of ``model`` already have."""
    column = inspect(model).columns["guid"]
    taken: set[str] = set()
    wanted = [g for g in dict.fromkeys(guids) if g]
    for index in range(0, len(wanted), 500):
        taken.update(session.scalars(select(column).where(column.in_(wanted[index : index + 500]))))
    return taken


class InsertRows(Command):
    """Insert rows that no core command writes (cases, case documents, case values)."""

    def __init__(self, model: type[Base], rows: Sequence[Values], kind: str) -> None:
        self.model = model
        self.rows = list(rows)
        self.kind = kind
        self.label = f"Add {kind}"
        self._saved: list[Row] | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._saved is not None:
            for row in self._saved:
                restore(session, self.model, row)
            session.flush()
        else:
            objects = [self.model(**row) for row in self.rows]
            session.add_all(objects)
            session.flush()
            self._saved = [row_of(obj) for obj in objects]
        return Changes.of(added={self.kind: self.ids()})

    def ids(self) -> list[int]:
        """The integer ids of the inserted rows (empty for link tables)."""
        return [row["id"] for row in self._saved or [] if isinstance(row.get("id"), int)]

    def undo(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        keys = [str(column.key) for column in inspect(self.model).primary_key]
        for row in self._saved or []:
            obj = session.get(self.model, tuple(row[k] for k in keys))
            if obj is not None:
                session.delete(obj)
        session.flush()
        return Changes.of(removed={self.kind: self.ids()})

    def audit(self) -> AuditRecord:
        return AuditRecord(f"{self.kind}.add", self.kind, None, None, {"count": len(self.rows)})
