"""Commands on links between codes."""

from __future__ import annotations

from db.schema import Code, CodeLink
from workbench.changes import Changes
from workbench.colours import check_colour
from workbench.commands.base import (
    AuditRecord,
    Command,
    CommandContext,
    Row,
    require,
    restore,
    row_of,
)
from workbench.errors import InvalidInputError

DIRECTIONS = ("Associative", "OneWay", "Bidirectional")


class LinkCodes(Command):
    """Link two codes with a named relation."""

    label = "Link codes"

    def __init__(
        self,
        origin_id: int,
        target_id: int,
        *,
        name: str = "",
        direction: str = "Associative",
        colour: str | None = None,
    ) -> None:
        if direction not in DIRECTIONS:
            raise InvalidInputError(f"a link's direction is one of {', '.join(DIRECTIONS)}")
        self.origin_id, self.target_id, self.name, self.direction = (
            origin_id,
            target_id,
            name,
            direction,
        )
        self.colour = check_colour(colour) if colour else None
        self.link_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._row is not None:
            restore(session, CodeLink, self._row)
            return Changes.of(updated={"code": [self.origin_id, self.target_id]})
        require(session, Code, self.origin_id, "code")
        require(session, Code, self.target_id, "code")
        link = CodeLink(
            origin_id=self.origin_id,
            target_id=self.target_id,
            name=self.name,
            direction=self.direction,
            colour=self.colour,
        )
        session.add(link)
        session.flush()
        self.link_id = link.id
        self._row = row_of(link)
        return Changes.of(updated={"code": [self.origin_id, self.target_id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.link_id is not None
        ctx.session.delete(require(ctx.session, CodeLink, self.link_id, "code link"))
        return Changes.of(updated={"code": [self.origin_id, self.target_id]})

    def audit(self) -> AuditRecord:
        after = {"origin": self.origin_id, "target": self.target_id, "name": self.name}
        return AuditRecord("code.link", "code", self.origin_id, None, after)


class RemoveCodeLink(Command):
    """Remove a link between two codes."""

    label = "Remove code link"

    def __init__(self, link_id: int) -> None:
        self.link_id = link_id
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        link = require(ctx.session, CodeLink, self.link_id, "code link")
        self._row = row_of(link)
        ctx.session.delete(link)
        return Changes.of(updated={"code": [link.origin_id, link.target_id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._row is not None
        restore(ctx.session, CodeLink, self._row)
        return Changes.of(updated={"code": [self._row["origin_id"], self._row["target_id"]]})

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "code.unlink", "code", self._row["origin_id"] if self._row else None, self._row, None
        )
