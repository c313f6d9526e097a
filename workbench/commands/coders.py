"""Commands on coders."""

from __future__ import annotations

from sqlalchemy import select

from db.schema import Coder
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

_PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def initials_of(name: str) -> str:
    """Initials from a name: ``Ana Ruiz`` -> ``AR``; one word gives its first two letters."""
    words = [word for word in name.replace("-", " ").split() if word]
    if len(words) >= 2:
        return "".join(word[0] for word in words[:3]).upper()
    return name[:2].upper() if name else "?"


class AddCoder(Command):
    """Add a person who codes."""

    label = "Add coder"

    def __init__(
        self,
        name: str,
        *,
        initials: str | None = None,
        colour: str | None = None,
        role: str = "coder",
    ) -> None:
        name = name.strip()
        if not name:
            raise InvalidInputError("a coder needs a name")
        if role not in ("coder", "lead"):
            raise InvalidInputError(f"role must be 'coder' or 'lead', not {role!r}")
        self.name = name
        self.initials = (initials or initials_of(name)).strip()[:10]
        self.colour = check_colour(colour) if colour else None
        self.role = role
        self.coder_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._row is not None:
            restore(session, Coder, self._row)
            return Changes.of(added={"coder": [self._row["id"]]})
        if session.scalars(select(Coder).where(Coder.name == self.name)).first() is not None:
            raise InvalidInputError(f"there is already a coder named {self.name!r}")
        count = len(session.scalars(select(Coder.id)).all())
        coder = Coder(
            name=self.name,
            initials=self.initials,
            colour=self.colour or _PALETTE[count % len(_PALETTE)],
            role=self.role,
            created_at=ctx.now,
        )
        session.add(coder)
        session.flush()
        self.coder_id = coder.id
        self._row = row_of(coder)
        return Changes.of(added={"coder": [coder.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.coder_id is not None
        ctx.session.delete(require(ctx.session, Coder, self.coder_id, "coder"))
        return Changes.of(removed={"coder": [self.coder_id]})

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "coder.add",
            "coder",
            self.coder_id,
            None,
            {"name": self.name, "initials": self.initials},
        )
