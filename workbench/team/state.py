"""The master as a merge sees it (rows by GUID), and the state of merging one file.

The index is read inside the merge's transaction, so a second file merged in the same
step sees what the first one added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.schema import Base
from workbench.team import keys
from workbench.team.journal import Journal
from workbench.team.report import AsideRow, Conflict, FileReport
from workbench.team.returned import ReturnedFile

Row = dict[str, Any]
TABLES = Base.metadata.tables
_CHUNK = 500


class MasterIndex:
    """The master's coders, codes, documents, groups, cases and attributes by GUID."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.coders: dict[str, Row] = {}
        self.coder_guid: dict[int, str] = {}
        for row in self._all("coder"):
            self.coders[row["guid"]] = row
            self.coder_guid[row["id"]] = row["guid"]
        self.codes: dict[str, Row] = {}
        self.code_guid: dict[int, str] = {}
        for row in self._all("code"):
            self.add_code(row)
        document = TABLES["document"]
        self.documents: dict[str, Row] = {}
        self.document_guid: dict[int, str] = {}
        columns = [
            document.c.id,
            document.c.guid,
            document.c.name,
            document.c.sha256,
            document.c.length,
        ]
        for found in session.execute(select(*columns)):
            row = dict(found._mapping)
            self.documents[row["guid"]] = row
            self.document_guid[row["id"]] = row["guid"]
        self.document_names = {row["name"] for row in self.documents.values()}
        self.groups = {row["guid"]: row["id"] for row in self._all("code_group")}
        self.cases = {row["guid"]: row["id"] for row in self._all("case")}
        self.case_guid = {ident: guid for guid, ident in self.cases.items()}
        self.attributes = {row["guid"]: row["id"] for row in self._all("attribute")}
        self._hashes: dict[str, str] = {}

    def _all(self, name: str) -> list[Row]:
        return [dict(row._mapping) for row in self.session.execute(select(TABLES[name]))]

    def add_code(self, row: Row) -> None:
        """Know a code (one the merge has just added or changed)."""
        self.codes[row["guid"]] = row
        self.code_guid[row["id"]] = row["guid"]

    def code_by_id(self, ident: int | None) -> Row | None:
        """A code row by integer id."""
        if ident is None or ident not in self.code_guid:
            return None
        return self.codes[self.code_guid[ident]]

    def code_path(self, ident: int | None) -> str:
        """A code's path in the master."""
        names: list[str] = []
        seen: set[int] = set()
        row = self.code_by_id(ident)
        while row is not None and row["id"] not in seen:
            seen.add(row["id"])
            names.append(row["name"])
            row = self.code_by_id(row["parent_id"])
        return "/".join(reversed(names))

    def sibling_names(self, parent_id: int | None, own_id: int | None = None) -> set[str]:
        """The case-folded names of the codes under a parent (but one)."""
        return {
            row["name"].casefold()
            for row in self.codes.values()
            if row["parent_id"] == parent_id and row["id"] != own_id
        }

    def is_below(self, ident: int, ancestor: int) -> bool:
        """Whether code ``ident`` is ``ancestor`` or lies under it."""
        seen: set[int] = set()
        row = self.code_by_id(ident)
        while row is not None and row["id"] not in seen:
            if row["id"] == ancestor:
                return True
            seen.add(row["id"])
            row = self.code_by_id(row["parent_id"])
        return False

    def text_hash(self, guid: str) -> str:
        """The SHA-256 of a master document's stored text."""
        if guid not in self._hashes:
            document = TABLES["document"]
            text = self.session.scalar(select(document.c.text).where(document.c.guid == guid))
            self._hashes[guid] = keys.text_sha256(text or "")
        return self._hashes[guid]

    def rows_by_guid(self, name: str, guids: Iterable[str]) -> dict[str, Row]:
        """Rows of a table (segments, memos) with these GUIDs."""
        table = TABLES[name]
        wanted = sorted(set(guids))
        found: dict[str, Row] = {}
        for index in range(0, len(wanted), _CHUNK):
            query = select(table).where(table.c.guid.in_(wanted[index : index + _CHUNK]))
            for row in self.session.execute(query):
                found[row.guid] = dict(row._mapping)
        return found


@dataclass
class FileMerge:
    """Merging one returned file: the master index, what is mapped so far, the report.

    Attributes:
        document_ids: returned document GUID -> master id, for documents taken.
        refused: returned document GUID -> why it was refused.
        code_ids: code GUID -> master id, for codes the master has (or was given).
        not_taken: code GUID -> why a code of the file is not in the master.
    """

    session: Session
    journal: Journal
    returned: ReturnedFile
    index: MasterIndex
    report: FileReport
    document_ids: dict[str, int] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    code_ids: dict[str, int] = field(default_factory=dict)
    not_taken: dict[str, str] = field(default_factory=dict)

    def conflict(self, kind: str, guid: str, what: str, reason: str) -> None:
        """Report a conflict."""
        self.report.conflicts.append(Conflict(kind, guid, what, reason))

    def coder_name(self, guid: str | None) -> str:
        """A coder's name, from the master or else from the returned file."""
        if guid is None:
            return ""
        row = self.index.coders.get(guid) or self.returned.coders.get(guid)
        return str(row["name"]) if row else guid

    def document_name(self, guid: str | None) -> str:
        """A document's name in the returned file (or the master)."""
        if guid is None:
            return ""
        row = self.returned.documents.get(guid) or self.index.documents.get(guid)
        return str(row["name"]) if row else guid

    def aside_segment(self, segment: Row, reason: str) -> None:
        """Keep a returned segment aside (for the CSV), with the reason."""
        document = self.returned.documents.get(segment["document_guid"] or "")
        text = document["text"][segment["start"] : segment["end"]] if document else ""
        code_guid = segment["code_guid"] or ""
        self.report.aside.append(
            AsideRow(
                kind="segment",
                reason=reason,
                document=self.document_name(segment["document_guid"]),
                coder=self.coder_name(segment["coder_guid"]),
                code=self.returned.code_path(code_guid),
                start=segment["start"],
                end=segment["end"],
                text=text,
                memo=segment["memo"],
                guid=segment["guid"],
                document_guid=segment["document_guid"] or "",
                code_guid=code_guid,
            )
        )

    def aside_memo(self, memo: Row, reason: str) -> None:
        """Keep a returned memo aside (for the CSV), with the reason."""
        target = memo["target_guid"] or ""
        kind = memo["target_kind"]
        self.report.aside.append(
            AsideRow(
                kind="memo",
                reason=reason,
                document=self.document_name(target) if kind == "document" else "",
                coder=self.coder_name(memo["author_guid"]),
                code=self.returned.code_path(target) if kind == "code" else "",
                start=None,
                end=None,
                text=memo["title"],
                memo=memo["text"],
                guid=memo["guid"],
                document_guid=target if kind == "document" else "",
                code_guid=target if kind == "code" else "",
            )
        )
