"""Commands on the codebook: create, edit, move, merge and delete codes; code groups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.schema import Code, CodeGroup, Segment
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


def check_sibling_name(
    session: Session, parent_id: int | None, name: str, own_id: int | None = None
) -> None:
    """Refuse a name another code at the same level has (case-insensitive)."""
    query = select(Code.id).where(
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    )
    query = query.where(func.lower(Code.name) == name.lower())
    clash = [i for i in session.scalars(query).all() if i != own_id]
    if clash:
        raise InvalidInputError(f"a code named {name!r} already exists at that level")


def subtree(session: Session, root_id: int) -> list[int]:
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
        check_sibling_name(session, spec.parent_id, spec.name)
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
            check_sibling_name(ctx.session, code.parent_id, self.fields["name"], code.id)
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
            if self.new_parent_id in subtree(session, code.id):
                raise InvalidInputError(
                    "a code cannot be moved under itself or one of its children"
                )
        check_sibling_name(session, self.new_parent_id, code.name, code.id)
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
