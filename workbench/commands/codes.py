"""Commands on the codebook: create, edit, move, merge and delete codes; code groups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.schema import Code, CodeGroup, CodeLink, Outcome, OutcomeContribution, Segment
from workbench.changes import Changes
from workbench.codebook.tree import check_code_name
from workbench.colours import CODE_PALETTE, check_colour
from workbench.commands.base import (
    AuditRecord,
    Command,
    CommandContext,
    Row,
    require,
    restore,
    row_of,
)
from workbench.errors import ConflictError, InvalidInputError

#: Code fields that :class:`UpdateCode` may change.
EDITABLE_FIELDS = (
    "name",
    "label",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "codable",
    "group_id",
)


def _check_sibling_name(
    session: Session, parent_id: int | None, name: str, own_id: int | None = None
) -> None:
    query = select(Code.id).where(
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    )
    query = query.where(func.lower(Code.name) == name.lower())
    clash = [i for i in session.scalars(query).all() if i != own_id]
    if clash:
        raise InvalidInputError(f"a code named {name!r} already exists at that level")


def _subtree(session: Session, root_id: int) -> list[int]:
    """The ids of a code and all its descendants, parents before children."""
    order = [root_id]
    index = 0
    while index < len(order):
        order.extend(
            session.scalars(
                select(Code.id).where(Code.parent_id == order[index]).order_by(Code.position)
            ).all()
        )
        index += 1
    return order


class CreateCodeGroup(Command):
    """Add a group of codes."""

    label = "Add code group"

    def __init__(self, name: str) -> None:
        self.name = " ".join(name.split())
        if not self.name:
            raise InvalidInputError("a code group needs a name")
        self.group_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        if self._row is not None:
            restore(ctx.session, CodeGroup, self._row)
            return Changes.of(added={"code_group": [self._row["id"]]})
        existing = ctx.session.scalars(select(CodeGroup).where(CodeGroup.name == self.name)).first()
        if existing is not None:
            raise InvalidInputError(f"there is already a code group named {self.name!r}")
        position = ctx.session.scalar(select(func.count(CodeGroup.id))) or 0
        group = CodeGroup(name=self.name, position=position)
        ctx.session.add(group)
        ctx.session.flush()
        self.group_id = group.id
        self._row = row_of(group)
        return Changes.of(added={"code_group": [group.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.group_id is not None
        ctx.session.delete(require(ctx.session, CodeGroup, self.group_id, "code group"))
        return Changes.of(removed={"code_group": [self.group_id]})

    def audit(self) -> AuditRecord:
        return AuditRecord("code_group.add", "code_group", self.group_id, None, {"name": self.name})


@dataclass
class CodeSpec:
    """What a new code is made of."""

    name: str
    parent_id: int | None = None
    group_id: int | None = None
    label: str = ""
    colour: str | None = None
    codable: bool = True
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""


class CreateCode(Command):
    """Add a code to the codebook."""

    label = "Add code"

    def __init__(self, spec: CodeSpec) -> None:
        spec.name = check_code_name(spec.name)
        if spec.colour:
            spec.colour = check_colour(spec.colour)
        self.spec = spec
        self.code_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._row is not None:
            restore(session, Code, self._row)
            return Changes.of(added={"code": [self._row["id"]]})
        spec = self.spec
        group_id = spec.group_id
        if spec.parent_id is not None:
            parent = require(session, Code, spec.parent_id, "parent code")
            if group_id is None:
                group_id = parent.group_id
        if spec.group_id is not None:
            require(session, CodeGroup, spec.group_id, "code group")
        _check_sibling_name(session, spec.parent_id, spec.name)
        count = session.scalar(select(func.count(Code.id))) or 0
        siblings = (
            session.scalar(
                select(func.count(Code.id)).where(
                    Code.parent_id.is_(None)
                    if spec.parent_id is None
                    else Code.parent_id == spec.parent_id
                )
            )
            or 0
        )
        code = Code(
            parent_id=spec.parent_id,
            group_id=group_id,
            label=spec.label.strip(),
            name=spec.name,
            colour=spec.colour or CODE_PALETTE[count % len(CODE_PALETTE)],
            codable=spec.codable,
            definition=spec.definition,
            inclusion=spec.inclusion,
            exclusion=spec.exclusion,
            example=spec.example,
            position=siblings,
            version=1,
        )
        session.add(code)
        session.flush()
        self.code_id = code.id
        self._row = row_of(code)
        return Changes.of(added={"code": [code.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.code_id is not None
        session = ctx.session
        if session.scalar(select(func.count(Segment.id)).where(Segment.code_id == self.code_id)):
            raise ConflictError(
                "the code has segments now; delete them before undoing its creation"
            )
        session.delete(require(session, Code, self.code_id, "code"))
        return Changes.of(removed={"code": [self.code_id]})

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "code.add",
            "code",
            self.code_id,
            None,
            {"name": self.spec.name, "label": self.spec.label},
        )


class UpdateCode(Command):
    """Rename, recolour, relabel or redefine a code.

    With ``expected_version`` the command refuses when the code was changed since it
    was read (another coder edited it), instead of overwriting their edit.
    """

    label = "Edit code"

    def __init__(self, code_id: int, *, expected_version: int | None = None, **fields: Any) -> None:
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidInputError(f"cannot edit {', '.join(sorted(unknown))} of a code")
        if "name" in fields:
            fields["name"] = check_code_name(fields["name"])
            self.label = "Rename code"
        if "colour" in fields:
            fields["colour"] = check_colour(fields["colour"])
            self.label = "Recolour code" if len(fields) == 1 else self.label
        self.code_id = code_id
        self.fields = fields
        self.expected_version = expected_version
        self._before: dict[str, Any] = {}

    def do(self, ctx: CommandContext) -> Changes:
        code = require(ctx.session, Code, self.code_id, "code")
        if self.expected_version is not None and code.version != self.expected_version:
            raise ConflictError(
                f"the code {code.name!r} was changed by someone else since you opened it "
                f"(version {code.version}, you edited version {self.expected_version}); "
                "reload it and try again"
            )
        if "name" in self.fields:
            _check_sibling_name(ctx.session, code.parent_id, self.fields["name"], code.id)
        if self.fields.get("group_id") is not None:
            require(ctx.session, CodeGroup, self.fields["group_id"], "code group")
        self._before = {key: getattr(code, key) for key in self.fields}
        for key, value in self.fields.items():
            setattr(code, key, value)
        code.version += 1
        # The version guards the first edit only: undo and redo move it themselves.
        self.expected_version = None
        return Changes.of(updated={"code": [code.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        code = require(ctx.session, Code, self.code_id, "code")
        for key, value in self._before.items():
            setattr(code, key, value)
        code.version += 1
        return Changes.of(updated={"code": [code.id]})

    def audit(self) -> AuditRecord:
        return AuditRecord("code.edit", "code", self.code_id, self._before, self.fields)


class MoveCode(Command):
    """Move a code (with its children) under another parent, or to the top level."""

    label = "Move code"

    def __init__(
        self, code_id: int, new_parent_id: int | None, position: int | None = None
    ) -> None:
        self.code_id = code_id
        self.new_parent_id = new_parent_id
        self.position = position
        self._before: tuple[int | None, int] | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        code = require(session, Code, self.code_id, "code")
        if self.new_parent_id is not None:
            require(session, Code, self.new_parent_id, "code")
            if self.new_parent_id in _subtree(session, code.id):
                raise InvalidInputError(
                    "a code cannot be moved under itself or one of its children"
                )
        _check_sibling_name(session, self.new_parent_id, code.name, code.id)
        self._before = (code.parent_id, code.position)
        code.parent_id = self.new_parent_id
        if self.position is not None:
            code.position = self.position
        else:
            code.position = (
                session.scalar(
                    select(func.count(Code.id)).where(
                        Code.parent_id.is_(None)
                        if self.new_parent_id is None
                        else Code.parent_id == self.new_parent_id
                    )
                )
                or 0
            )
        code.version += 1
        return Changes.of(updated={"code": [code.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._before is not None
        code = require(ctx.session, Code, self.code_id, "code")
        code.parent_id, code.position = self._before
        code.version += 1
        return Changes.of(updated={"code": [code.id]})

    def audit(self) -> AuditRecord:
        before = None if self._before is None else {"parent_id": self._before[0]}
        return AuditRecord(
            "code.move", "code", self.code_id, before, {"parent_id": self.new_parent_id}
        )


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
        code_ids = _subtree(session, code.id)
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
        if target.id in _subtree(session, source.id):
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
            _check_sibling_name(session, target.id, child.name, child.id)
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
