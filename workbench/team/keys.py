"""What an assignment file says about itself, and the project's own identity.

An assignment file is an ordinary project file. Its ``setting`` table says which master
it was cut from (the master's ``project_guid``), for which coder, and what was handed
out: a fingerprint of every segment, memo and code field as it left the master. The
merge compares a returned file with these fingerprints to tell what the coder changed
from what the master changed since.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.schema import Setting, new_guid
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext

#: The master's identity, created on first use (a settings row, not a schema change).
PROJECT_GUID = "project_guid"
#: ``yes`` in a blind project: an assignment holds none of the other coders' codings.
BLIND = "blind"

#: Settings of an assignment file (all under ``team.``).
FORMAT = "team.format"
MASTER = "team.master"
MASTER_NAME = "team.master_name"
MASTER_LOCATION = "team.master_location"
CODER = "team.coder"
CODER_NAME = "team.coder_name"
ASSIGNED_AT = "team.assigned_at"
ASSIGNED_BY = "team.assigned_by"
ASSIGNED_BLIND = "team.blind"
DOCUMENTS = "team.documents"
SEGMENTS = "team.segments"
MEMOS = "team.memos"
CODES = "team.codes"

#: The version of the assignment format this code writes and reads.
FORMAT_VERSION = "1"

#: Code fields a coder may propose to change (``parent`` is the parent's GUID).
CODE_FIELDS = (
    "name",
    "label",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "codable",
    "parent",
)


def fingerprint(value: Any) -> str:
    """A short, stable digest of a JSON-able value (16 hex characters)."""
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def segment_print(document_guid: str, code_guid: str, start: int, end: int, memo: str) -> str:
    """The fingerprint of what a coder can change in a segment."""
    return fingerprint([document_guid, code_guid, start, end, memo])


def memo_print(target_kind: str, target_guid: str | None, title: str, text: str) -> str:
    """The fingerprint of what a coder can change in a memo."""
    return fingerprint([target_kind, target_guid, title, text])


def code_fields(row: Mapping[str, Any], parent_guid: str | None) -> dict[str, Any]:
    """The values of :data:`CODE_FIELDS` of a code row, its parent given by GUID."""
    fields = {name: row[name] for name in CODE_FIELDS if name != "parent"}
    fields["codable"] = bool(fields["codable"])
    fields["parent"] = parent_guid
    return fields


def code_prints(fields: Mapping[str, Any]) -> dict[str, str]:
    """The fingerprint of each of :data:`CODE_FIELDS` of a code."""
    return {name: fingerprint(fields[name]) for name in CODE_FIELDS}


def text_sha256(text: str) -> str:
    """The SHA-256 of a document's stored text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_settings(session: Session) -> dict[str, str]:
    """Every setting of a project."""
    return {key: value for key, value in session.execute(select(Setting.key, Setting.value))}


def is_blind(settings: Mapping[str, str]) -> bool:
    """Whether the project is blind (setting ``blind`` = ``yes``; absent means no)."""
    return settings.get(BLIND, "").strip().casefold() in ("yes", "true", "1", "sí", "si")


class EnsureProjectGuid(Command):
    """Give the project a GUID of its own if it has none, and log what it is wanted for.

    Run with ``undoable=False``: a project's identity is not something to undo. The
    audit entry names the assignment made (or the merge) so the lead can trace it.
    """

    def __init__(
        self,
        label: str,
        action: str = "team.assign",
        details: Mapping[str, Any] | None = None,
    ) -> None:
        self.label = label
        self.action = action
        self.details = dict(details or {})
        self.guid: str | None = None
        self.created = False

    def do(self, ctx: CommandContext) -> Changes:
        row = ctx.session.get(Setting, PROJECT_GUID)
        if row is None:
            row = Setting(key=PROJECT_GUID, value=new_guid())
            ctx.session.add(row)
            self.created = True
        self.guid = row.value
        return Changes()

    def undo(self, ctx: CommandContext) -> Changes:
        if self.created:
            row = ctx.session.get(Setting, PROJECT_GUID)
            if row is not None:
                ctx.session.delete(row)
        return Changes()

    def audit(self) -> AuditRecord:
        return AuditRecord(
            self.action, "project", None, None, {"project_guid": self.guid, **self.details}
        )
