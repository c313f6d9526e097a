"""The blind: whether coders see each other's segments.

The project setting ``blind`` holds it (``yes`` or ``no``). On a server, row-level
security reads the same setting, so turning it off lets every coder see every
segment at once, and turning it on hides them again.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from db.schema import Setting
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext
from workbench.errors import WorkbenchError
from workbench.project import Project

#: The setting that holds the blind.
BLIND_KEY = "blind"
_YES = ("yes", "true", "1", "sí", "si")


def blind_value(value: str | None) -> bool:
    """Whether a value of the ``blind`` setting means yes."""
    return (value or "").strip().casefold() in _YES


def is_blind(project: Project) -> bool:
    """Whether the project is blind."""
    return blind_value(project.setting(BLIND_KEY))


class SetBlind(Command):
    """Turn the blind on or off."""

    def __init__(self, on: bool) -> None:
        self.on = on
        self.label = "Turn the blind on" if on else "Lift the blind"
        self._before: str | None = None

    def _write(self, ctx: CommandContext, value: str | None) -> None:
        row = ctx.session.get(Setting, BLIND_KEY)
        if value is None:
            if row is not None:
                ctx.session.delete(row)
        elif row is None:
            ctx.session.add(Setting(key=BLIND_KEY, value=value))
        else:
            row.value = value

    def do(self, ctx: CommandContext) -> Changes:
        row = ctx.session.get(Setting, BLIND_KEY)
        self._before = row.value if row is not None else None
        self._write(ctx, "yes" if self.on else "no")
        # Settings have no ids; what others see changes with it, which their views
        # learn from the audit log (see ExternalChanges).
        return Changes()

    def undo(self, ctx: CommandContext) -> Changes:
        self._write(ctx, self._before)
        return Changes()

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "setting.set",
            "setting",
            None,
            {BLIND_KEY: self._before},
            {BLIND_KEY: "yes" if self.on else "no"},
        )


class NotLeadError(WorkbenchError):
    """Only a lead (or the project's owner) may do this on the server."""


def set_blind(project: Project, on: bool) -> bool:
    """Turn the blind on or off (not undoable from here; run ``SetBlind`` for that).

    Returns:
        True when it changed, False when it was so already.

    Raises:
        NotLeadError: the server refused: the signed-in role is no lead.
    """
    if is_blind(project) == on:
        return False
    refused = "only a lead or the project's owner may turn the blind on or off"
    try:
        project.run(SetBlind(on), undoable=False)
    except StaleDataError as error:  # the policy hid the row from the UPDATE
        raise NotLeadError(refused) from error
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "42501":
            raise NotLeadError(refused) from error
        raise
    return True
