"""Merging segments and memos: by GUID, the returned file authoritative for the coder's own.

For each segment (and likewise each memo) three versions may exist: as handed out
(a fingerprint in the assignment file), as returned, and as the master has it now.

- returned = master, or returned = handed out: nothing to do (the coder did not touch
  it; a change the master made since stands);
- the coder changed it: the master takes the returned version (a conflict is noted
  when the master changed it too since);
- a new GUID: added; handed out but missing on return: deleted in the master;
- a row of another coder, a document refused, a code not taken: kept aside, written
  to the CSV beside the returned file, and reported.
"""

from __future__ import annotations

from typing import Any

from db.schema import Memo, Segment
from workbench.team import keys
from workbench.team.state import FileMerge

Row = dict[str, Any]


def _master_segment_print(merge: FileMerge, row: Row) -> str:
    index = merge.index
    return keys.segment_print(
        index.document_guid.get(row["document_id"], ""),
        index.code_guid.get(row["code_id"], ""),
        row["start"],
        row["end"],
        row["memo"],
    )


def _returned_segment_print(row: Row) -> str:
    return keys.segment_print(
        row["document_guid"] or "", row["code_guid"] or "", row["start"], row["end"], row["memo"]
    )


def _passage(merge: FileMerge, document: str, start: int, end: int, code: str, coder: str) -> str:
    return f"{merge.document_name(document)} [{start}, {end}) {code} by {coder}"


def _returned_passage(merge: FileMerge, row: Row) -> str:
    return _passage(
        merge,
        row["document_guid"] or "",
        row["start"],
        row["end"],
        merge.returned.code_path(row["code_guid"] or ""),
        merge.coder_name(row["coder_guid"]),
    )


def _master_passage(merge: FileMerge, row: Row) -> str:
    index = merge.index
    return _passage(
        merge,
        index.document_guid.get(row["document_id"], ""),
        row["start"],
        row["end"],
        index.code_path(row["code_id"]),
        merge.coder_name(index.coder_guid.get(row["coder_id"])),
    )


def _resolve(merge: FileMerge, row: Row) -> tuple[Row | None, str]:
    """The master's ids for a returned segment, or why it cannot come in."""
    document, code = row["document_guid"] or "", row["code_guid"] or ""
    if document in merge.refused:
        return None, "its document was refused: " + merge.refused[document]
    if document not in merge.document_ids:
        return None, "its document is not in the master"
    if code not in merge.code_ids:
        path = merge.returned.code_path(code)
        return None, merge.not_taken.get(code, f"its code {path!r} is not in the master")
    found = merge.index.code_by_id(merge.code_ids[code])
    if found is None or not found["codable"]:
        return None, f"{merge.returned.code_path(code)!r} is a folder in the master, not a code"
    length = merge.index.documents[document]["length"]
    if not 0 <= row["start"] < row["end"] <= length:
        return None, f"[{row['start']}, {row['end']}) is outside the document ({length} characters)"
    coder = merge.index.coders[row["coder_guid"]]
    values = {
        "document_id": merge.document_ids[document],
        "code_id": merge.code_ids[code],
        "coder_id": coder["id"],
        "start": row["start"],
        "end": row["end"],
        "memo": row["memo"],
    }
    return values, ""


class _Batch:
    """Rows to add, update and delete, written together at the end."""

    def __init__(self) -> None:
        self.added: list[Row] = []
        self.before: list[Row] = []
        self.after: list[Row] = []
        self.deleted: list[Row] = []


def _returned_segment(
    merge: FileMerge, guid: str, row: Row, ours: Row | None, batch: _Batch
) -> None:
    coder = merge.returned.coder_guid
    handed = merge.returned.handed_segments.get(guid)
    theirs = _returned_segment_print(row)
    report = merge.report
    if ours is not None:
        current = _master_segment_print(merge, ours)
        if theirs in (current, handed):
            report.count("segments", "unchanged")
            return
        owner = merge.index.coder_guid.get(ours["coder_id"])
        if owner != coder or row["coder_guid"] != coder:
            reason = (
                f"changed in the returned file, but it is {merge.coder_name(owner)}'s segment: "
                "the master keeps theirs"
            )
            merge.conflict("segment", guid, _master_passage(merge, ours), reason)
            merge.aside_segment(row, reason)
            return
        values, problem = _resolve(merge, row)
        if values is None:
            merge.conflict("segment", guid, _returned_passage(merge, row), problem)
            merge.aside_segment(row, problem)
            return
        if handed is not None and current != handed:
            merge.conflict(
                "segment",
                guid,
                _returned_passage(merge, row),
                "changed in the master too since the assignment; the coder's version was "
                f"taken (the master had {_master_passage(merge, ours)})",
            )
        batch.before.append(ours)
        batch.after.append({**ours, **values, "updated_at": row["updated_at"]})
        report.count("segments", "updated", guid, _returned_passage(merge, row))
        return
    if handed is not None and theirs == handed:
        report.count("segments", "unchanged")  # deleted in the master since; it stays deleted
        return
    if row["coder_guid"] != coder:
        reason = (
            f"coded by {merge.coder_name(row['coder_guid'])} in the returned file, which was "
            f"made for {merge.returned.coder_name}"
        )
        merge.conflict("segment", guid, _returned_passage(merge, row), reason)
        merge.aside_segment(row, reason)
        return
    values, problem = _resolve(merge, row)
    if values is None:
        merge.aside_segment(row, problem)
        return
    if handed is not None:
        merge.conflict(
            "segment",
            guid,
            _returned_passage(merge, row),
            "deleted in the master since the assignment, but changed by the coder: added back",
        )
    batch.added.append(
        {
            "guid": guid,
            **values,
            "origin": row["origin"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }
    )
    report.count("segments", "added", guid, _returned_passage(merge, row))


def _deleted_segment(merge: FileMerge, guid: str, ours: Row, batch: _Batch) -> None:
    owner = merge.index.coder_guid.get(ours["coder_id"])
    what = _master_passage(merge, ours)
    if owner != merge.returned.coder_guid:
        merge.conflict(
            "segment",
            guid,
            what,
            f"deleted in the returned file, but it is {merge.coder_name(owner)}'s segment: kept",
        )
        return
    if merge.index.document_guid.get(ours["document_id"]) in merge.refused:
        merge.conflict("segment", guid, what, "not deleted: its document was refused")
        return
    if _master_segment_print(merge, ours) != merge.returned.handed_segments[guid]:
        merge.conflict(
            "segment",
            guid,
            what,
            "changed in the master since the assignment and deleted by the coder: deleted",
        )
    batch.deleted.append(ours)
    merge.report.count("segments", "deleted", guid, what)


def merge_segments(merge: FileMerge) -> None:
    """Add, update and delete the master's segments as the returned file says."""
    returned = merge.returned
    masters = merge.index.rows_by_guid(
        "segment", returned.segments.keys() | returned.handed_segments.keys()
    )
    batch = _Batch()
    for guid, row in returned.segments.items():
        _returned_segment(merge, guid, row, masters.get(guid), batch)
    for guid in sorted(returned.handed_segments.keys() - returned.segments.keys()):
        if guid in masters:
            _deleted_segment(merge, guid, masters[guid], batch)
    merge.journal.delete(merge.session, Segment, batch.deleted)
    merge.journal.update(merge.session, Segment, batch.before, batch.after)
    merge.journal.insert(merge.session, Segment, batch.added)


# -- memos ------------------------------------------------------------------------------


def _master_target(merge: FileMerge, row: Row) -> str | None:
    index = merge.index
    guids: dict[str, dict[int, str]] = {
        "document": index.document_guid,
        "code": index.code_guid,
        "case": index.case_guid,
    }
    if row["target_id"] is None:
        return None
    return guids.get(row["target_kind"], {}).get(row["target_id"])


def _master_memo_print(merge: FileMerge, row: Row) -> str:
    return keys.memo_print(
        row["target_kind"], _master_target(merge, row), row["title"], row["text"]
    )


def _returned_memo_print(row: Row) -> str:
    return keys.memo_print(row["target_kind"], row["target_guid"], row["title"], row["text"])


def _memo_target(merge: FileMerge, row: Row) -> tuple[bool, int | None, str]:
    kind, guid = row["target_kind"], row["target_guid"] or ""
    if kind == "project":
        return True, None, ""
    if kind == "document":
        if guid in merge.refused:
            return False, None, "its document was refused: " + merge.refused[guid]
        if guid in merge.document_ids:
            return True, merge.document_ids[guid], ""
        return False, None, "its document is not in the master"
    if kind == "code":
        if guid in merge.code_ids:
            return True, merge.code_ids[guid], ""
        return False, None, merge.not_taken.get(guid, "its code is not in the master")
    if guid in merge.index.cases:
        return True, merge.index.cases[guid], ""
    return False, None, "its case is not in the master"


def _memo_what(row: Row) -> str:
    title = row["title"] or row["text"][:60]
    return f"memo on the {row['target_kind']}: {title!r}"


def _returned_memo(merge: FileMerge, guid: str, row: Row, ours: Row | None, batch: _Batch) -> None:
    coder = merge.returned.coder_guid
    handed = merge.returned.handed_memos.get(guid)
    theirs = _returned_memo_print(row)
    own = row["author_guid"] in (None, coder)
    if ours is not None:
        current = _master_memo_print(merge, ours)
        if theirs in (current, handed):
            merge.report.count("memos", "unchanged")
            return
        owner = merge.index.coder_guid.get(ours["author_id"]) if ours["author_id"] else None
        if owner not in (None, coder) or not own:
            reason = (
                f"changed in the returned file, but it is {merge.coder_name(owner)}'s memo: "
                "the master keeps theirs"
            )
            merge.conflict("memo", guid, _memo_what(row), reason)
            merge.aside_memo(row, reason)
            return
    elif handed is not None and theirs == handed:
        merge.report.count("memos", "unchanged")
        return
    elif not own:
        reason = f"written by {merge.coder_name(row['author_guid'])}, not by the file's coder"
        merge.conflict("memo", guid, _memo_what(row), reason)
        merge.aside_memo(row, reason)
        return
    found, target_id, problem = _memo_target(merge, row)
    if not found:
        merge.conflict("memo", guid, _memo_what(row), problem)
        merge.aside_memo(row, problem)
        return
    values = {
        "target_kind": row["target_kind"],
        "target_id": target_id,
        "title": row["title"],
        "text": row["text"],
        "updated_at": row["updated_at"],
    }
    if ours is not None:
        if handed is not None and _master_memo_print(merge, ours) != handed:
            merge.conflict(
                "memo",
                guid,
                _memo_what(row),
                "changed in the master too since the assignment; the coder's version was taken",
            )
        batch.before.append(ours)
        batch.after.append({**ours, **values})
        merge.report.count("memos", "updated", guid, _memo_what(row))
        return
    if handed is not None:
        merge.conflict(
            "memo",
            guid,
            _memo_what(row),
            "deleted in the master since the assignment, but changed by the coder: added back",
        )
    author = merge.index.coders.get(row["author_guid"] or "")
    batch.added.append(
        {
            "guid": guid,
            **values,
            "author_id": author["id"] if author else None,
            "created_at": row["created_at"],
        }
    )
    merge.report.count("memos", "added", guid, _memo_what(row))


def _deleted_memo(merge: FileMerge, guid: str, ours: Row, batch: _Batch) -> None:
    owner = merge.index.coder_guid.get(ours["author_id"]) if ours["author_id"] else None
    what = _memo_what(ours)
    if owner not in (None, merge.returned.coder_guid):
        merge.conflict(
            "memo",
            guid,
            what,
            f"deleted in the returned file, but {merge.coder_name(owner)} wrote it: kept",
        )
        return
    if _master_target(merge, ours) in merge.refused:
        merge.conflict("memo", guid, what, "not deleted: its document was refused")
        return
    if _master_memo_print(merge, ours) != merge.returned.handed_memos[guid]:
        merge.conflict(
            "memo",
            guid,
            what,
            "changed in the master since the assignment and deleted by the coder: deleted",
        )
    batch.deleted.append(ours)
    merge.report.count("memos", "deleted", guid, what)


def merge_memos(merge: FileMerge) -> None:
    """Add, update and delete the master's memos as the returned file says."""
    returned = merge.returned
    masters = merge.index.rows_by_guid("memo", returned.memos.keys() | returned.handed_memos.keys())
    batch = _Batch()
    for guid, row in returned.memos.items():
        _returned_memo(merge, guid, row, masters.get(guid), batch)
    for guid in sorted(returned.handed_memos.keys() - returned.memos.keys()):
        if guid in masters:
            _deleted_memo(merge, guid, masters[guid], batch)
    merge.journal.delete(merge.session, Memo, batch.deleted)
    merge.journal.update(merge.session, Memo, batch.before, batch.after)
    merge.journal.insert(merge.session, Memo, batch.added)
