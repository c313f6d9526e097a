"""Merging documents: matched by GUID, refused when their text is not the master's.

A document's text never changes after import (positions would lose their meaning).
A returned document whose stored text, or recorded file hash, differs from the
master's document of the same GUID was edited outside the workbench: it is refused,
and everything coded on it is kept aside rather than laid over another text. A
document the coder imported (a GUID the master does not know) comes in with its
speaker turns, attribute values and case links.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from db.schema import AttributeValue, CaseDocument, Document, SpeakerTurn
from workbench.team import keys
from workbench.team.state import FileMerge
from workbench.textfold import fold


def _refusal(merge: FileMerge, guid: str, returned: dict[str, Any]) -> str | None:
    master = merge.index.documents[guid]
    differs = []
    if keys.text_sha256(returned["text"]) != merge.index.text_hash(guid):
        differs.append("its text")
    if returned["sha256"] != master["sha256"]:
        differs.append("the SHA-256 of its original file")
    if not differs:
        return None
    return (
        f"{' and '.join(differs)} in {merge.returned.name} differ from the master's document "
        f"{master['name']!r} (same GUID): it was changed outside the workbench; "
        "nothing coded on it was merged"
    )


def _add(merge: FileMerge, guid: str, returned: dict[str, Any]) -> None:
    session, index = merge.session, merge.index
    position = session.scalar(select(func.coalesce(func.max(Document.position), 0))) or 0
    imported_by = index.coders.get(returned["imported_by_guid"] or "")
    row = {
        "guid": guid,
        "name": returned["name"],
        "text": returned["text"],
        "folded": returned["folded"] if returned["folded"] is not None else fold(returned["text"]),
        "length": returned["length"],
        "source_format": returned["source_format"],
        "language": returned["language"],
        "original_filename": returned["original_filename"],
        "sha256": returned["sha256"],
        "encoding": returned["encoding"],
        "position": position + 1,
        "imported_at": returned["imported_at"],
        "imported_by": imported_by["id"] if imported_by else None,
    }
    [ident] = merge.journal.insert(session, Document, [row])
    merge.journal.insert(
        session,
        SpeakerTurn,
        [
            {"document_id": ident, "start": start, "end": end, "speaker": speaker}
            for start, end, speaker in returned["turns"]
        ],
    )
    merge.journal.insert(
        session,
        AttributeValue,
        [
            {"attribute_id": index.attributes[attribute], "document_id": ident, "value": value}
            for attribute, value in returned["values"].items()
            if attribute in index.attributes
        ],
    )
    merge.journal.insert(
        session,
        CaseDocument,
        [
            {"case_id": index.cases[case], "document_id": ident}
            for case in returned["cases"]
            if case in index.cases
        ],
    )
    index.documents[guid] = {
        "id": ident,
        "guid": guid,
        "name": row["name"],
        "sha256": row["sha256"],
        "length": row["length"],
    }
    index.document_guid[ident] = guid
    index.document_names.add(row["name"])
    merge.document_ids[guid] = ident
    merge.report.count("documents", "added", guid, row["name"])


def merge_documents(merge: FileMerge) -> None:
    """Match the returned file's documents with the master's, adding or refusing."""
    index = merge.index
    for guid, returned in merge.returned.documents.items():
        if guid in index.documents:
            reason = _refusal(merge, guid, returned)
            if reason is None:
                merge.document_ids[guid] = index.documents[guid]["id"]
                merge.report.count("documents", "unchanged")
            else:
                merge.refused[guid] = reason
        elif returned["name"] in index.document_names:
            merge.refused[guid] = (
                f"{returned['name']!r} is a document the coder added, but the master has "
                "another document of that name; rename one of them and merge again"
            )
        else:
            _add(merge, guid, returned)
