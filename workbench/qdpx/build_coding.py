"""Import steps for codings (segments), notes (memos) and links."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from db.schema import Base, CodeLink, Memo, Segment
from workbench.commands.links import DIRECTIONS
from workbench.commands.memos import AddMemo
from workbench.commands.segments import AddSegments, NewSegment
from workbench.qdpx.model import QCoding, QSelection
from workbench.qdpx.prepare import PreparedSource
from workbench.qdpx.state import ImportState, MemoPlan
from workbench.qdpx.steps import InsertRows, Step, taken_guids


def _link_notes(state: ImportState) -> dict[str, list[str]]:
    """Plan memos for notes linked to sources, codes and cases; selection GUID -> notes."""
    model = state.model
    codes = {code.guid for code in model.all_codes()}
    on_selection: dict[str, list[str]] = defaultdict(list)
    code_links: list[dict[str, Any]] = []
    for link in model.links:
        note = next((end for end in (link.origin, link.target) if end in state.notes), None)
        if note is None:
            if (
                {link.origin, link.target} <= codes
                and link.origin in state.codes
                and link.target in state.codes
            ):
                code_links.append(
                    {
                        "guid": link.guid,
                        "origin_id": state.codes[link.origin],
                        "target_id": state.codes[link.target],
                        "name": link.name,
                        "direction": link.direction
                        if link.direction in DIRECTIONS
                        else "Associative",
                        "colour": link.colour if link.colour and len(link.colour) == 7 else None,
                    }
                )
            else:
                state.report.not_held["links"] += 1
            continue
        other = link.target if note == link.origin else link.origin
        if other in state.documents:
            state.attach_note("document", state.documents[other], note)
        elif other in state.codes:
            state.attach_note("code", state.codes[other], note)
        elif other in state.cases:
            state.attach_note("case", state.cases[other], note)
        elif model.selection_kinds.get(other) == "text":
            on_selection[other].append(note)
        else:
            state.report.not_held["links from notes to things the workbench does not hold"] += 1
    if code_links:
        taken = taken_guids(state.run.ctx.session, CodeLink, [row["guid"] for row in code_links])
        for row in code_links:
            if not state.claim("code_link", row["guid"], taken):
                row.pop("guid")
        state.run.run(InsertRows(CodeLink, code_links, "code_link"))
        state.report.imported["code links"] += len(code_links)
    return on_selection


def _memo_of(
    state: ImportState, selection: QSelection | None, coding: QCoding, extra: list[str]
) -> str:
    """The selection's description and the texts of the notes on it and on the coding."""
    parts = [selection.description.strip() if selection else ""]
    notes = [*(selection.notes if selection else []), *coding.notes, *extra]
    for note in notes:
        if note in state.notes:
            state.attached.add(note)
            parts.append(state.note_text(note).strip())
    return "\n\n".join(part for part in parts if part)


Item = tuple[QSelection | None, QCoding, int, int]


def _items(state: ImportState, prepared: PreparedSource) -> list[Item]:
    """``(selection or None for the whole source, coding, start, end)`` of a source."""
    items: list[Item] = [
        (placed.selection, coding, placed.start, placed.end)
        for placed in prepared.selections
        for coding in placed.selection.codings
    ]
    if prepared.text and prepared.source.codings:
        state.report.decide("codings of a whole source became segments spanning the document")
        items += [(None, c, 0, len(prepared.text)) for c in prepared.source.codings]
    return items


def build_segments(state: ImportState) -> None:
    """Every coding of a placed selection (or of a whole source) becomes a segment."""
    report = state.report
    linked = _link_notes(state)
    segments: list[NewSegment] = []
    patches: list[dict[str, Any]] = []
    wanted_guids: list[str] = []
    differing = 0
    for prepared in state.prepared.sources:
        document_id = state.documents.get(prepared.source.guid)
        if document_id is None:
            continue
        for selection, coding, start, end in _items(state, prepared):
            code_id = state.codes.get(coding.code)
            if code_id is None:
                what = (selection.name or selection.guid) if selection else prepared.name
                reason = f"its code {coding.code or '(none)'} is not in the codebook"
                report.skip("coding", what, reason)
                continue
            owner = selection.user if selection else prepared.source.user
            differing += bool(coding.user and owner and coding.user != owner)
            extra = linked.get(selection.guid, []) if selection else []
            memo = _memo_of(state, selection, coding, extra)
            coder = state.coder_of(coding.user, owner)
            segments.append(NewSegment(document_id, code_id, start, end, memo, coder))
            created = coding.created or (selection.created if selection else None)
            modified = (selection.modified if selection else None) or created
            patches.append(_times(created, modified))
            wanted_guids.append(coding.guid)
    if differing:
        report.decide(
            f"{differing} codings name another creating user than their selection; "
            "the coding's user was kept as the segment's coder"
        )
    if not segments:
        return
    command = AddSegments(segments, origin="import", label=f"Import {len(segments)} codings")
    step = state.run.run(command)
    report.imported["segments"] += len(segments)
    taken = taken_guids(state.run.ctx.session, Segment, wanted_guids)
    for patch, ident, guid in zip(patches, command.segment_ids, wanted_guids, strict=True):
        patch["id"] = ident
        if state.claim("segment", guid, taken):
            patch["guid"] = guid
    _patch_by_keys(state, step, Segment, patches)


def _times(created: datetime | None, modified: datetime | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if created is not None:
        values["created_at"] = created
    if modified is not None:
        values["updated_at"] = modified
    return values


def _patch_by_keys(
    state: ImportState, step: Step, model: type[Base], patches: list[dict[str, Any]]
) -> None:
    """Patch rows grouped by the set of columns they change (bulk updates need one shape)."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for patch in patches:
        if len(patch) > 1:
            shapes[tuple(sorted(patch))].append(patch)
    for rows in shapes.values():
        state.run.patch(step, model, rows)


def build_memos(state: ImportState) -> None:
    """Write the planned memos, and the notes attached to nothing as project memos."""
    model = state.model
    for guid in model.notes:
        state.attach_note("project", None, guid)
    if model.description.strip():
        state.memos.append(MemoPlan("project", None, "Description", model.description))
    free = [n for n in model.note_list if n.guid not in state.attached]
    for note in free:
        state.attach_note("project", None, note.guid)
    if free:
        state.report.decide("notes attached to nothing the workbench holds became project memos")
    session = state.run.ctx.session
    taken = taken_guids(session, Memo, [plan.note or "" for plan in state.memos])
    for plan in state.memos:
        if plan.note and plan.note in taken:
            state.report.skip(
                "note", plan.title or plan.note, "it is in the project already (same GUID)"
            )
            continue
        command = AddMemo(plan.kind, plan.target_id, plan.text, title=plan.title[:300])
        step = state.run.run(command)
        state.report.imported["memos"] += 1
        patch: dict[str, Any] = {"id": command.memo_id, **_times(plan.created, plan.modified)}
        author = state.coder_of(plan.author) if plan.author else None
        if author is not None:
            patch["author_id"] = author
        if plan.note and state.claim("memo", plan.note, taken):
            patch["guid"] = plan.note
        if len(patch) > 1:
            state.run.patch(step, Memo, [patch])
