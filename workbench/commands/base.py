"""The command pattern: every change to a project is a ``Command``.

A command is free of Qt. ``do`` applies it inside a transaction that the project
opens and commits; ``undo`` reverses it from the ids and values it captured. Both
return the :class:`~workbench.changes.Changes` they made. ``audit`` describes the
change for the audit log (who, when and the coder are added by the project).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import DeclarativeBase, Session

from workbench.changes import Changes

Row = dict[str, Any]
#: Something that runs a command and returns its changes (``Project.run``, or a GUI's).
Runner = Callable[["Command"], Changes]
M = TypeVar("M", bound=DeclarativeBase)


@dataclass(frozen=True)
class AuditRecord:
    """What a command did, in the audit log's terms.

    Attributes:
        action: a dotted name such as ``segment.add``.
        target_kind: the kind of the main thing changed.
        target_id: its id, when there is one.
        before: the values before, as JSON-able data.
        after: the values after, as JSON-able data.
    """

    action: str
    target_kind: str
    target_id: int | None = None
    before: Any = None
    after: Any = None


@dataclass
class CommandContext:
    """What a command sees while it runs: the open session and who is acting."""

    session: Session
    coder_id: int | None
    now: datetime


class Command(ABC):
    """A reversible change to a project."""

    #: A short description shown in menus ("Undo Add segment").
    label: str = "Change"

    @abstractmethod
    def do(self, ctx: CommandContext) -> Changes:
        """Apply the change (also called to redo)."""

    @abstractmethod
    def undo(self, ctx: CommandContext) -> Changes:
        """Reverse the change."""

    @abstractmethod
    def audit(self) -> AuditRecord:
        """Describe the change for the audit log (called after ``do``)."""


def row_of(obj: DeclarativeBase) -> Row:
    """The column values of an ORM object, keyed by attribute name."""
    mapper = inspect(type(obj))
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}


def restore(session: Session, model: type[M], row: Row) -> M:
    """Insert a row again with its original primary key (used by undo and redo)."""
    obj = model(**row)
    session.add(obj)
    return obj


def to_json(value: Any) -> str | None:
    """Serialise an audit value; datetimes become ISO strings."""
    if value is None:
        return None
    return json.dumps(value, default=_json_default, ensure_ascii=False, sort_keys=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to the audit log")


def require(session: Session, model: type[M], ident: int, what: str) -> M:
    """Load a row by id or raise :class:`~workbench.errors.NotFoundError`."""
    from workbench.errors import NotFoundError

    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(f"there is no {what} with id {ident}")
    return obj
