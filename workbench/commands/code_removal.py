"""Deleting and merging codes: the commands that remove codes and must give them back.

Both capture every row they remove (the codes, their segments, outcomes, contributions
and links) so that undo restores them with their original ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.schema import Code, CodeLink, Outcome, OutcomeContribution, Segment
from workbench.changes import Changes
from workbench.commands.base import (
    AuditRecord,
    Command,
    CommandContext,
    Row,
    require,
    restore,
    row_of,
)
from workbench.commands.codes import check_sibling_name, subtree
from workbench.errors import InvalidInputError


@dataclass
class _Snapshot:
    """Rows removed by a delete or merge, to put back on undo."""

    codes: list[Row]
    segments: list[Row]
    outcomes: list[Row]
    contributions: list[Row]
    links: list[Row]


def _snapshot(session: Session, code_ids: list[int], segment_ids: list[int]) -> _Snapshot:
    codes = [row_of(require(session, Code, i, "code")) for i in code_ids]
    segments = [
        row_of(s) for s in session.scalars(select(Segment).where(Segment.id.in_(segment_ids))).all()
    ]
    outcomes = [
        row_of(o)
        for o in session.scalars(select(Outcome).where(Outcome.code_id.in_(code_ids))).all()
    ]
    outcome_ids = [o["id"] for o in outcomes]
    contributions = [
        row_of(c)
        for c in session.scalars(
            select(OutcomeContribution).where(
                OutcomeContribution.outcome_id.in_(outcome_ids)
                | OutcomeContribution.project_code_id.in_(code_ids)
            )
        ).all()
    ]
    links = [
        row_of(link)
        for link in session.scalars(
            select(CodeLink).where(
                CodeLink.origin_id.in_(code_ids) | CodeLink.target_id.in_(code_ids)
            )
        ).all()
    ]
    return _Snapshot(codes, segments, outcomes, contributions, links)


def _put_back(session: Session, snap: _Snapshot) -> None:
    for row in snap.codes:
        restore(session, Code, row)
        session.flush()
    for row in snap.outcomes:
        restore(session, Outcome, row)
    session.flush()
    for row in snap.contributions:
        restore(session, OutcomeContribution, row)
    for row in snap.links:
        restore(session, CodeLink, row)
    for row in snap.segments:
        restore(session, Segment, row)
    session.flush()


def _remove(session: Session, snap: _Snapshot) -> None:
    if snap.segments:
        for segment in session.scalars(
            select(Segment).where(Segment.id.in_([r["id"] for r in snap.segments]))
        ):
            session.delete(segment)
        session.flush()
    code_ids = [r["id"] for r in snap.codes]
    for contribution in session.scalars(
        select(OutcomeContribution).where(
            OutcomeContribution.outcome_id.in_([r["id"] for r in snap.outcomes])
            | OutcomeContribution.project_code_id.in_(code_ids)
        )
    ):
        session.delete(contribution)
    for outcome in session.scalars(select(Outcome).where(Outcome.code_id.in_(code_ids))):
        session.delete(outcome)
    for link in session.scalars(
        select(CodeLink).where(CodeLink.id.in_([r["id"] for r in snap.links]))
    ):
        session.delete(link)
    session.flush()
    for code_id in reversed(code_ids):
        session.delete(require(session, Code, code_id, "code"))
        session.flush()


class DeleteCode(Command):
    """Delete a code and its children.

    ``segments="delete"`` deletes their segments too; ``segments="parent"`` moves the
    segments of the deleted codes to the parent of the deleted code.
    """

    label = "Delete code"

    def __init__(self, code_id: int, *, segments: Literal["delete", "parent"] = "delete") -> None:
        if segments not in ("delete", "parent"):
            raise InvalidInputError("segments must be 'delete' or 'parent'")
        self.code_id = code_id
        self.segments = segments
        self._snap: _Snapshot | None = None
        self._moved: list[tuple[int, int]] = []
        self._name = ""

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        code = require(session, Code, self.code_id, "code")
        self._name = code.name
        code_ids = subtree(session, code.id)
        segment_ids = list(
            session.scalars(select(Segment.id).where(Segment.code_id.in_(code_ids))).all()
        )
        self._moved = []
        if self.segments == "parent":
            if code.parent_id is None:
                raise InvalidInputError(f"{code.name!r} has no parent code to take its segments")
            parent = require(session, Code, code.parent_id, "code")
            if segment_ids and not parent.codable:
                raise InvalidInputError(
                    f"{parent.name!r} is a folder, not a code; its segments cannot move there"
                )
            for segment in session.scalars(select(Segment).where(Segment.id.in_(segment_ids))):
                self._moved.append((segment.id, segment.code_id))
                segment.code_id = code.parent_id
            session.flush()
            segment_ids = []
        self._snap = _snapshot(session, code_ids, segment_ids)
        _remove(session, self._snap)
        moved = [m[0] for m in self._moved]
        return Changes.of(
            removed={"code": code_ids, "segment": segment_ids}, updated={"segment": moved}
        )

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._snap is not None
        _put_back(ctx.session, self._snap)
        for segment_id, code_id in self._moved:
            require(ctx.session, Segment, segment_id, "segment").code_id = code_id
        return Changes.of(
            added={
                "code": [r["id"] for r in self._snap.codes],
                "segment": [r["id"] for r in self._snap.segments],
            },
            updated={"segment": [m[0] for m in self._moved]},
        )

    def affected_segments(self) -> int:
        """How many segments the deletion removed or moved."""
        return len(self._moved) + (len(self._snap.segments) if self._snap else 0)

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "code.delete",
            "code",
            self.code_id,
            {
                "name": self._name,
                "segments": self.affected_segments(),
                "codes": len(self._snap.codes) if self._snap else 0,
            },
            {"segments": self.segments},
        )


class MergeCodes(Command):
    """Merge a code into another: its segments and children move to the target, it is deleted.

    A segment that would duplicate one the target already has (same document, coder
    and span) is dropped rather than doubled.
    """

    label = "Merge codes"

    def __init__(self, source_id: int, target_id: int) -> None:
        if source_id == target_id:
            raise InvalidInputError("a code cannot be merged into itself")
        self.source_id = source_id
        self.target_id = target_id
        self._moved_segments: list[int] = []
        self._moved_children: list[tuple[int, int]] = []
        self._moved_links: list[tuple[int, int, int]] = []
        self._snap: _Snapshot | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        source = require(session, Code, self.source_id, "code")
        target = require(session, Code, self.target_id, "code")
        if target.id in subtree(session, source.id):
            raise InvalidInputError("a code cannot be merged into one of its own children")
        has_segments = session.scalar(
            select(func.count(Segment.id)).where(Segment.code_id == source.id)
        )
        if has_segments and not target.codable:
            raise InvalidInputError(
                f"{target.name!r} is a folder, not a code; "
                f"the segments of {source.name!r} cannot move there"
            )
        existing = {
            (s.document_id, s.coder_id, s.start, s.end)
            for s in session.scalars(select(Segment).where(Segment.code_id == target.id))
        }
        duplicates: list[int] = []
        self._moved_segments = []
        for segment in session.scalars(select(Segment).where(Segment.code_id == source.id)):
            key = (segment.document_id, segment.coder_id, segment.start, segment.end)
            if key in existing:
                duplicates.append(segment.id)
            else:
                existing.add(key)
                self._moved_segments.append(segment.id)
        self._moved_children = [
            (child.id, child.position)
            for child in session.scalars(select(Code).where(Code.parent_id == source.id))
        ]
        # Links of the merged code follow it to the target (a link between the two is dropped).
        self._moved_links = []
        for link in session.scalars(
            select(CodeLink).where(
                (CodeLink.origin_id == source.id) | (CodeLink.target_id == source.id)
            )
        ):
            if target.id in (link.origin_id, link.target_id):
                continue
            self._moved_links.append((link.id, link.origin_id, link.target_id))
            if link.origin_id == source.id:
                link.origin_id = target.id
            if link.target_id == source.id:
                link.target_id = target.id
        session.flush()
        self._snap = _snapshot(session, [source.id], duplicates)
        if self._moved_segments:
            session.execute(
                update(Segment)
                .where(Segment.id.in_(self._moved_segments))
                .values(code_id=target.id)
            )
        for child_id, _position in self._moved_children:
            child = require(session, Code, child_id, "code")
            check_sibling_name(session, target.id, child.name, child.id)
            child.parent_id = target.id
        session.flush()
        _remove(session, self._snap)
        target.version += 1
        return Changes.of(
            removed={"code": [source.id], "segment": duplicates},
            updated={
                "code": [target.id, *[c for c, _ in self._moved_children]],
                "segment": self._moved_segments,
            },
        )

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._snap is not None
        session = ctx.session
        _put_back(session, self._snap)
        if self._moved_segments:
            session.execute(
                update(Segment)
                .where(Segment.id.in_(self._moved_segments))
                .values(code_id=self.source_id)
            )
        for child_id, position in self._moved_children:
            child = require(session, Code, child_id, "code")
            child.parent_id = self.source_id
            child.position = position
        for link_id, origin_id, target_id in self._moved_links:
            link = require(session, CodeLink, link_id, "code link")
            link.origin_id, link.target_id = origin_id, target_id
        require(session, Code, self.target_id, "code").version += 1
        return Changes.of(
            added={"code": [self.source_id], "segment": [r["id"] for r in self._snap.segments]},
            updated={"code": [self.target_id], "segment": self._moved_segments},
        )

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "code.merge",
            "code",
            self.source_id,
            {"source_id": self.source_id},
            {"target_id": self.target_id, "moved_segments": len(self._moved_segments)},
        )
