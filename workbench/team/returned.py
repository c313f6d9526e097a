"""Reading a returned assignment file into plain data keyed by GUID.

Integer ids mean nothing across machines, so every reference is turned into the GUID
of the row it points at (a segment's document, code and coder; a memo's target and
author; a code's parent and group) before the file is compared with the master.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.schema import Base
from workbench.errors import InvalidInputError
from workbench.project import Project
from workbench.team import keys

Row = dict[str, Any]
TABLES = Base.metadata.tables


@dataclass
class ReturnedFile:
    """An assignment file as a coder gave it back.

    Attributes:
        path: the file.
        master_guid: the project GUID of the master it was cut from.
        coder_guid: the GUID of the coder it was made for.
        coder_name: that coder's name when it was made.
        assigned_at: when it was made (ISO 8601).
        handed_segments: GUID -> fingerprint of every segment handed out.
        handed_memos: GUID -> fingerprint of every memo handed out.
        handed_codes: GUID -> field -> fingerprint of every code handed out.
        coders, groups, cases, attributes: GUID -> row.
        codes: GUID -> row (with ``parent_guid`` and ``group_guid``), parents first.
        documents: GUID -> row (with ``turns``, ``values`` by attribute GUID,
            ``cases`` as case GUIDs and ``imported_by_guid``).
        segments: GUID -> row (with ``document_guid``, ``code_guid``, ``coder_guid``).
        memos: GUID -> row (with ``target_guid`` and ``author_guid``).
    """

    path: Path
    master_guid: str
    coder_guid: str
    coder_name: str
    assigned_at: str
    handed_segments: dict[str, str] = field(default_factory=dict)
    handed_memos: dict[str, str] = field(default_factory=dict)
    handed_codes: dict[str, dict[str, str]] = field(default_factory=dict)
    coders: dict[str, Row] = field(default_factory=dict)
    groups: dict[str, Row] = field(default_factory=dict)
    cases: dict[str, Row] = field(default_factory=dict)
    attributes: dict[str, Row] = field(default_factory=dict)
    codes: dict[str, Row] = field(default_factory=dict)
    documents: dict[str, Row] = field(default_factory=dict)
    segments: dict[str, Row] = field(default_factory=dict)
    memos: dict[str, Row] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The file's name, for messages."""
        return self.path.name

    def code_path(self, guid: str) -> str:
        """A code's path in this file (names joined by ``/``)."""
        names: list[str] = []
        seen: set[str] = set()
        current: str | None = guid
        while current is not None and current in self.codes and current not in seen:
            seen.add(current)
            names.append(self.codes[current]["name"])
            current = self.codes[current]["parent_guid"]
        return "/".join(reversed(names))


def _json(settings: dict[str, str], key: str, path: Path) -> Any:
    try:
        return json.loads(settings.get(key, "{}") or "{}")
    except ValueError:
        raise InvalidInputError(
            f"{path.name}: the assignment record {key} is damaged; "
            "ask the lead for a new assignment file"
        ) from None


def _by_guid(session: Session, name: str) -> tuple[dict[str, Row], dict[int, str]]:
    rows = [dict(r._mapping) for r in session.execute(select(TABLES[name]))]
    return {r["guid"]: r for r in rows}, {r["id"]: r["guid"] for r in rows}


def _parents_first(codes: dict[str, Row]) -> dict[str, Row]:
    ordered: dict[str, Row] = {}

    def visit(guid: str, depth: int) -> None:
        if guid in ordered or depth > 1000:
            return
        parent = codes[guid]["parent_guid"]
        if parent is not None and parent in codes:
            visit(parent, depth + 1)
        ordered[guid] = codes[guid]

    for guid in sorted(codes, key=lambda g: (codes[g]["position"], codes[g]["id"])):
        visit(guid, 0)
    return ordered


def _read(session: Session, returned: ReturnedFile) -> None:
    returned.coders, coder_guid = _by_guid(session, "coder")
    returned.groups, group_guid = _by_guid(session, "code_group")
    returned.cases, case_guid = _by_guid(session, "case")
    returned.attributes, attribute_guid = _by_guid(session, "attribute")
    codes, code_guid = _by_guid(session, "code")
    for code in codes.values():
        code["parent_guid"] = code_guid.get(code["parent_id"])
        code["group_guid"] = group_guid.get(code["group_id"])
    returned.codes = _parents_first(codes)
    documents, document_guid = _by_guid(session, "document")
    for document in documents.values():
        document["turns"] = []
        document["values"] = {}
        document["cases"] = []
        document["imported_by_guid"] = coder_guid.get(document["imported_by"])
    by_id = {d["id"]: d for d in documents.values()}
    turn = TABLES["speaker_turn"]
    for row in session.execute(select(turn).order_by(turn.c.document_id, turn.c.start)):
        if row.document_id in by_id:
            by_id[row.document_id]["turns"].append((row.start, row.end, row.speaker))
    value = TABLES["attribute_value"]
    for row in session.execute(select(value).where(value.c.document_id.is_not(None))):
        if row.document_id in by_id and row.attribute_id in attribute_guid:
            by_id[row.document_id]["values"][attribute_guid[row.attribute_id]] = row.value
    for row in session.execute(select(TABLES["case_document"])):
        if row.document_id in by_id and row.case_id in case_guid:
            by_id[row.document_id]["cases"].append(case_guid[row.case_id])
    returned.documents = documents
    segments, _ = _by_guid(session, "segment")
    for segment in segments.values():
        segment["document_guid"] = document_guid.get(segment["document_id"])
        segment["code_guid"] = code_guid.get(segment["code_id"])
        segment["coder_guid"] = coder_guid.get(segment["coder_id"])
    returned.segments = segments
    memos, _ = _by_guid(session, "memo")
    targets = {"document": document_guid, "code": code_guid, "case": case_guid}
    for memo in memos.values():
        memo["target_guid"] = targets.get(memo["target_kind"], {}).get(memo["target_id"])
        memo["author_guid"] = coder_guid.get(memo["author_id"])
    returned.memos = memos


def read_returned(path: Path) -> ReturnedFile:
    """Read a returned assignment file.

    Raises:
        WorkbenchError: the file is not a project, or not an assignment file, or was
            written by a newer version of the assignment format.
    """
    path = Path(path).expanduser().resolve()
    with Project.open(path) as project, project.read() as session:
        settings = keys.read_settings(session)
        if not settings.get(keys.MASTER) or not settings.get(keys.CODER):
            raise InvalidInputError(
                f"{path.name} is not an assignment file (it names no master project); "
                "make assignment files with 'workbench assign' or Team > Make an assignment file"
            )
        if settings.get(keys.FORMAT, keys.FORMAT_VERSION) != keys.FORMAT_VERSION:
            raise InvalidInputError(
                f"{path.name} was made by a newer version of the workbench "
                f"(assignment format {settings.get(keys.FORMAT)}); update to merge it"
            )
        returned = ReturnedFile(
            path=path,
            master_guid=settings[keys.MASTER],
            coder_guid=settings[keys.CODER],
            coder_name=settings.get(keys.CODER_NAME, ""),
            assigned_at=settings.get(keys.ASSIGNED_AT, ""),
            handed_segments=dict(_json(settings, keys.SEGMENTS, path)),
            handed_memos=dict(_json(settings, keys.MEMOS, path)),
            handed_codes=dict(_json(settings, keys.CODES, path)),
        )
        _read(session, returned)
    return returned
