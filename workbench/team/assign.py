"""Cutting an assignment file for one coder out of the master project.

The file is a new SQLite project with the same schema. It holds the whole codebook
(groups, codes, outcomes, links, attribute definitions, cases), the documents assigned
to the coder with their speaker turns, attribute values and case links, and the
segments and memos on those documents: all of them, or in a blind project only the
coder's own. Every row keeps its GUID and even its integer id, so settings that name
ids (attribute roles) stay true. The settings say which master and which coder the
file is for, and fingerprint what was handed out (see :mod:`workbench.team.keys`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, or_, select
from sqlalchemy.orm import Session

from db.schema import Base
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project
from workbench.team import keys

Row = dict[str, Any]
TABLES = Base.metadata.tables

#: Tables copied whole: the codebook, attribute definitions and cases.
_WHOLE = ("coder", "code_group", "code", "attribute", "case", "outcome")
#: Tables copied whole after them (they refer to codes).
_WHOLE_AFTER = ("outcome_contribution", "code_link")


@dataclass(frozen=True)
class AssignmentReport:
    """What an assignment file holds.

    Attributes:
        path: the new file.
        coder: the name of the coder it is for.
        documents: the names of the documents assigned, in the master's order.
        codes: how many codes the codebook has.
        segments: how many segments came along (the coder's, or everyone's).
        memos: how many memos came along.
        blind: whether the master is blind (other coders' segments left out).
        master_guid: the master's project GUID.
    """

    path: Path
    coder: str
    documents: tuple[str, ...]
    codes: int
    segments: int
    memos: int
    blind: bool
    master_guid: str

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-able data (the ``assign --json`` document)."""
        return {
            "file": str(self.path),
            "coder": self.coder,
            "documents": list(self.documents),
            "codes": self.codes,
            "segments": self.segments,
            "memos": self.memos,
            "blind": self.blind,
            "master": self.master_guid,
        }


def _rows(session: Session, table: Table, *conditions: Any) -> list[Row]:
    query = select(table)
    for condition in conditions:
        query = query.where(condition)
    return [dict(row._mapping) for row in session.execute(query)]


def _find_coder(session: Session, name: str) -> Row:
    coders = _rows(session, TABLES["coder"])
    for wanted in (name.strip(), name.strip().casefold()):
        for coder in coders:
            if coder["name"] == wanted or coder["name"].casefold() == wanted:
                return coder
    known = ", ".join(sorted(c["name"] for c in coders)) or "none yet"
    raise NotFoundError(f"there is no coder named {name!r} in the master (coders: {known})")


def _find_documents(session: Session, names: Sequence[str] | None) -> list[Row]:
    table = TABLES["document"]
    listing = session.execute(
        select(table.c.id, table.c.name).order_by(table.c.position, table.c.id)
    ).all()
    if names is None:
        chosen = [row.id for row in listing]
    else:
        by_name = {row.name: row.id for row in listing}
        folded = {row.name.casefold(): row.id for row in listing}
        missing = [n for n in names if n not in by_name and n.casefold() not in folded]
        if missing:
            raise NotFoundError(
                "the master has no document named " + ", ".join(repr(n) for n in missing)
            )
        wanted = {by_name.get(n, folded.get(n.casefold())) for n in names}
        chosen = [row.id for row in listing if row.id in wanted]
    if not chosen:
        raise InvalidInputError("choose at least one document to assign")
    order = {ident: index for index, ident in enumerate(chosen)}
    rows = _rows(session, table, table.c.id.in_(chosen))
    return sorted(rows, key=lambda row: order[row["id"]])


@dataclass
class _Cut:
    """The rows of an assignment, read from the master in one transaction."""

    tables: dict[str, list[Row]]
    settings: dict[str, str]


def _cut(session: Session, coder: Row, documents: list[Row], blind: bool) -> _Cut:
    tables: dict[str, list[Row]] = {name: _rows(session, TABLES[name]) for name in _WHOLE}
    tables["document"] = documents
    ids = [d["id"] for d in documents]
    turn, value, link = TABLES["speaker_turn"], TABLES["attribute_value"], TABLES["case_document"]
    tables["speaker_turn"] = _rows(session, turn, turn.c.document_id.in_(ids))
    tables["attribute_value"] = _rows(
        session, value, or_(value.c.document_id.in_(ids), value.c.case_id.is_not(None))
    )
    tables["case_document"] = _rows(session, link, link.c.document_id.in_(ids))
    for name in _WHOLE_AFTER:
        tables[name] = _rows(session, TABLES[name])
    segment, memo = TABLES["segment"], TABLES["memo"]
    segment_filter = [segment.c.document_id.in_(ids)]
    if blind:
        segment_filter.append(segment.c.coder_id == coder["id"])
    tables["segment"] = _rows(session, segment, *segment_filter)
    on_document = (memo.c.target_kind == "document") & memo.c.target_id.in_(ids)
    if blind:
        on_document = on_document & (memo.c.author_id.is_(None) | (memo.c.author_id == coder["id"]))
    tables["memo"] = _rows(
        session, memo, or_(memo.c.target_kind.in_(("project", "code", "case")), on_document)
    )
    return _Cut(tables, keys.read_settings(session))


def _snapshot(cut: _Cut) -> dict[str, str]:
    """The fingerprints of what is handed out, as assignment settings."""
    tables = cut.tables
    code_guid = {r["id"]: r["guid"] for r in tables["code"]}
    document_guid = {r["id"]: r["guid"] for r in tables["document"]}
    target_guid = {
        "document": document_guid,
        "code": code_guid,
        "case": {r["id"]: r["guid"] for r in tables["case"]},
    }
    segments = {
        s["guid"]: keys.segment_print(
            document_guid[s["document_id"]],
            code_guid[s["code_id"]],
            s["start"],
            s["end"],
            s["memo"],
        )
        for s in tables["segment"]
    }
    memos = {
        m["guid"]: keys.memo_print(
            m["target_kind"],
            target_guid.get(m["target_kind"], {}).get(m["target_id"]),
            m["title"],
            m["text"],
        )
        for m in tables["memo"]
    }
    codes = {
        c["guid"]: keys.code_prints(keys.code_fields(c, code_guid.get(c["parent_id"])))
        for c in tables["code"]
    }
    return {
        keys.DOCUMENTS: json.dumps([d["guid"] for d in tables["document"]]),
        keys.SEGMENTS: json.dumps(segments, sort_keys=True),
        keys.MEMOS: json.dumps(memos, sort_keys=True),
        keys.CODES: json.dumps(codes, sort_keys=True),
    }


_ORDER = (
    "coder",
    "code_group",
    "code",
    "attribute",
    "case",
    "document",
    "speaker_turn",
    "attribute_value",
    "case_document",
    "outcome",
    "outcome_contribution",
    "code_link",
    "segment",
    "memo",
)


def _write(connection: Connection, cut: _Cut, settings: Mapping[str, str]) -> None:
    # A code may come before its parent (codes move); check references at commit.
    connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    setting = TABLES["setting"]
    connection.execute(delete(setting))
    connection.execute(insert(setting), [{"key": k, "value": v} for k, v in settings.items()])
    for name in _ORDER:
        rows = cut.tables[name]
        for index in range(0, len(rows), 1000):
            connection.execute(insert(TABLES[name]), rows[index : index + 1000])


def _remove_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def make_assignment(
    project: Project, coder: str, documents: Sequence[str] | None, out: Path
) -> AssignmentReport:
    """Write an assignment file for one coder from the master project.

    Gives the master a ``project_guid`` setting first if it has none (and logs the
    assignment in its audit log); nothing else in the master changes.

    Args:
        project: the master project.
        coder: the name of the coder the file is for (a coder of the master).
        documents: the names of the documents to assign; None assigns them all.
        out: the new file (it must not exist; ``.qdb`` is the usual suffix).

    Returns:
        What the file holds.

    Raises:
        NotFoundError: no such coder or document in the master.
        InvalidInputError: no document chosen, or the file exists already.
    """
    out = Path(out).expanduser().resolve()
    if out.exists():
        raise InvalidInputError(f"{out} already exists; choose another file name")
    if project.url.get_backend_name() == "sqlite" and Path(project.location).resolve() == out:
        raise InvalidInputError("the assignment file cannot be the master itself")
    with project.read() as session:
        assignee = _find_coder(session, coder)
        chosen = _find_documents(session, documents)
    names = tuple(d["name"] for d in chosen)
    ensure = keys.EnsureProjectGuid(
        f"Make an assignment file for {assignee['name']}",
        details={"coder": assignee["name"], "documents": list(names), "file": out.name},
    )
    project.run(ensure, undoable=False)
    assert ensure.guid is not None
    with project.read() as session:
        master_settings = keys.read_settings(session)
        blind = keys.is_blind(master_settings)
        cut = _cut(session, assignee, chosen, blind)
    lead = next((c for c in cut.tables["coder"] if c["id"] == project.coder_id), None)
    now = datetime.now(UTC).isoformat()
    settings = {
        k: v
        for k, v in cut.settings.items()
        if k != keys.PROJECT_GUID and not k.startswith("team.")
    }
    master_name = master_settings.get("name", "")
    settings.update(
        {
            "name": f"{master_name} — {assignee['name']}" if master_name else assignee["name"],
            "created_at": now,
            keys.FORMAT: keys.FORMAT_VERSION,
            keys.MASTER: ensure.guid,
            keys.MASTER_NAME: master_name,
            keys.MASTER_LOCATION: project.location,
            keys.CODER: assignee["guid"],
            keys.CODER_NAME: assignee["name"],
            keys.ASSIGNED_AT: now,
            keys.ASSIGNED_BY: lead["guid"] if lead else "",
            keys.ASSIGNED_BLIND: "yes" if blind else "no",
            **_snapshot(cut),
        }
    )
    created = Project.create(out, language=settings.get("language", "en"))
    try:
        with created.engine.begin() as connection:
            _write(connection, cut, settings)
    except Exception:
        created.close()
        _remove_files(out)
        raise
    created.close()
    return AssignmentReport(
        path=out,
        coder=assignee["name"],
        documents=names,
        codes=len(cut.tables["code"]),
        segments=len(cut.tables["segment"]),
        memos=len(cut.tables["memo"]),
        blind=blind,
        master_guid=ensure.guid,
    )
