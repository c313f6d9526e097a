"""Row operations recorded as they are done, so that a command can undo and redo them exactly.

A merge touches many tables. Rather than one command per change, it records each
batch of inserts, updates and deletes with the full rows before and after. Undo
walks the batches backwards doing the opposite; redo replays them with the same
ids, so the master ends byte for byte as it was (or as the merge left it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, insert, inspect, select, update
from sqlalchemy.orm import Session

from db.schema import Base, Code, Document, Memo, Segment
from workbench.changes import Changes
from workbench.qdpx.steps import merge

Row = dict[str, Any]
_CHUNK = 500
#: Which change kind the GUI hears about for each table.
_KIND: dict[type[Base], str] = {
    Code: "code",
    Document: "document",
    Segment: "segment",
    Memo: "memo",
}


@dataclass
class _Op:
    model: type[Base]
    action: Literal["insert", "update", "delete"]
    rows: list[Row]
    before: list[Row]


def _keys(model: type[Base]) -> list[str]:
    return [str(column.key) for column in inspect(model).primary_key]


def _insert(session: Session, model: type[Base], rows: Sequence[Row]) -> None:
    # The table, not the ORM entity: a plain executemany, with no ORM bookkeeping.
    table = Base.metadata.tables[str(model.__tablename__)]
    for index in range(0, len(rows), _CHUNK * 10):
        session.execute(insert(table), list(rows[index : index + _CHUNK * 10]))


def _update(session: Session, model: type[Base], rows: Sequence[Row]) -> None:
    for index in range(0, len(rows), _CHUNK):
        session.execute(update(model), list(rows[index : index + _CHUNK]))


def _delete(session: Session, model: type[Base], rows: Sequence[Row]) -> None:
    names = _keys(model)
    if names == ["id"]:
        ids = [row["id"] for row in rows]
        column = inspect(model).columns["id"]
        for index in range(0, len(ids), _CHUNK):
            session.execute(delete(model).where(column.in_(ids[index : index + _CHUNK])))
        return
    columns = [inspect(model).columns[name] for name in names]
    for row in rows:
        condition = [column == row[name] for column, name in zip(columns, names, strict=True)]
        session.execute(delete(model).where(*condition))


def _changes(model: type[Base], action: str, rows: Iterable[Row]) -> Changes:
    kind = _KIND.get(model)
    if kind is None:
        return Changes()
    ids: dict[str, Iterable[int]] = {kind: [row["id"] for row in rows]}
    if action == "insert":
        return Changes.of(added=ids)
    if action == "update":
        return Changes.of(updated=ids)
    return Changes.of(removed=ids)


class Journal:
    """The batches of row operations a command did, in order."""

    def __init__(self) -> None:
        self._ops: list[_Op] = []

    def __bool__(self) -> bool:
        return bool(self._ops)

    def insert(self, session: Session, model: type[Base], rows: Sequence[Row]) -> list[int]:
        """Insert new rows (without ids); returns their new ids (empty for link tables).

        Rows of a table with a ``guid`` column must carry their (new) GUID.
        """
        if not rows:
            return []
        fresh = [dict(row) for row in rows]
        ids: list[int] = []
        columns = inspect(model).columns
        if _keys(model) == ["id"] and "guid" not in columns:
            for index in range(0, len(fresh), _CHUNK):
                statement = insert(model).returning(columns["id"], sort_by_parameter_order=True)
                ids.extend(session.scalars(statement, fresh[index : index + _CHUNK]))
            for row, ident in zip(fresh, ids, strict=True):
                row["id"] = ident
        elif _keys(model) == ["id"]:
            # Plain inserts, then the new ids by GUID: much faster than RETURNING per row.
            _insert(session, model, fresh)
            guids = [row["guid"] for row in fresh]
            found: dict[str, int] = {}
            for index in range(0, len(guids), _CHUNK):
                query = select(columns["guid"], columns["id"]).where(
                    columns["guid"].in_(guids[index : index + _CHUNK])
                )
                found.update({guid: ident for guid, ident in session.execute(query)})
            ids = [found[guid] for guid in guids]
            for row, ident in zip(fresh, ids, strict=True):
                row["id"] = ident
        else:
            _insert(session, model, fresh)
        self._ops.append(_Op(model, "insert", fresh, []))
        return ids

    def update(
        self, session: Session, model: type[Base], before: Sequence[Row], after: Sequence[Row]
    ) -> None:
        """Overwrite rows (full rows, each with its primary key), remembering them before."""
        if not after:
            return
        _update(session, model, after)
        self._ops.append(_Op(model, "update", [dict(r) for r in after], [dict(r) for r in before]))

    def delete(self, session: Session, model: type[Base], rows: Sequence[Row]) -> None:
        """Delete rows (full rows, so that undo can put them back with their ids)."""
        if not rows:
            return
        _delete(session, model, rows)
        self._ops.append(_Op(model, "delete", [dict(r) for r in rows], []))

    def changes(self) -> Changes:
        """What the recorded operations changed."""
        return merge([_changes(op.model, op.action, op.rows) for op in self._ops])

    def redo(self, session: Session) -> Changes:
        """Do every operation again, with the same ids and values."""
        for op in self._ops:
            if op.action == "insert":
                _insert(session, op.model, op.rows)
            elif op.action == "update":
                _update(session, op.model, op.rows)
            else:
                _delete(session, op.model, op.rows)
            session.flush()
        return self.changes()

    def undo(self, session: Session) -> Changes:
        """Reverse every operation, last first."""
        for op in reversed(self._ops):
            if op.action == "insert":
                _delete(session, op.model, op.rows)
            elif op.action == "update":
                _update(session, op.model, op.before)
            else:
                _insert(session, op.model, op.rows)
            session.flush()
        return self.changes().inverted()
