"""The user's choice of appendix contents, remembered in the project.

The choice (which matrices, how many quotes per code, the language, the coder) is a
JSON value in the ``setting`` table under ``export.appendix``, written by an undoable
command like every other change.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from db.schema import Setting
from workbench.analysis.labels import check_language
from workbench.analysis.specs import DEFAULT_MATRICES, parse_spec
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext
from workbench.errors import InvalidInputError
from workbench.project import Project

SETTING_KEY = "export.appendix"
DEFAULT_QUOTES_PER_CODE = 5


@dataclass(frozen=True)
class ExportOptions:
    """What an appendix holds.

    Attributes:
        matrices: matrices as ``ROWS:COLUMNS[:OPTION]`` (see :mod:`workbench.analysis.specs`).
        quotes_per_code: the most quotes shown for each code (0 leaves quotes out).
        language: ``en`` or ``es``, for every heading, caption and label.
        coder: count only this coder's segments (a name, initials or ``consensus``).
    """

    matrices: tuple[str, ...] = field(default=DEFAULT_MATRICES)
    quotes_per_code: int = DEFAULT_QUOTES_PER_CODE
    language: str = "en"
    coder: str | None = None

    def __post_init__(self) -> None:
        check_language(self.language)
        if self.quotes_per_code < 0:
            raise InvalidInputError("the number of quotes per code cannot be negative")
        for spec in self.matrices:
            parse_spec(spec)

    def to_json(self) -> str:
        """The options as a JSON object."""
        data = asdict(self)
        data["matrices"] = list(self.matrices)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ExportOptions:
        """Options from JSON; missing or unreadable fields take their defaults."""
        try:
            data: Any = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                matrices=tuple(str(m) for m in data.get("matrices", DEFAULT_MATRICES)),
                quotes_per_code=int(data.get("quotes_per_code", DEFAULT_QUOTES_PER_CODE)),
                language=str(data.get("language", "en")),
                coder=None if data.get("coder") in (None, "") else str(data["coder"]),
            )
        except (InvalidInputError, TypeError, ValueError):
            return cls()


def load_options(project: Project) -> ExportOptions | None:
    """The options remembered in the project, or None when there are none."""
    text = project.setting(SETTING_KEY)
    return ExportOptions.from_json(text) if text else None


class SaveExportOptions(Command):
    """Remember the appendix options in the project (undoable)."""

    label = "Remember export choices"

    def __init__(self, options: ExportOptions) -> None:
        self.options = options
        self._before: str | None = None

    def _write(self, ctx: CommandContext, value: str | None) -> None:
        row = ctx.session.get(Setting, SETTING_KEY)
        if value is None:
            if row is not None:
                ctx.session.delete(row)
        elif row is None:
            ctx.session.add(Setting(key=SETTING_KEY, value=value))
        else:
            row.value = value

    def do(self, ctx: CommandContext) -> Changes:
        row = ctx.session.get(Setting, SETTING_KEY)
        self._before = row.value if row is not None else None
        self._write(ctx, self.options.to_json())
        # Settings have no integer ids; nothing on screen shows these.
        return Changes()

    def undo(self, ctx: CommandContext) -> Changes:
        self._write(ctx, self._before)
        return Changes()

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "setting.set",
            "setting",
            None,
            {SETTING_KEY: self._before},
            {SETTING_KEY: self.options.to_json()},
        )


def remember(project: Project, options: ExportOptions) -> bool:
    """Save the options unless the project holds these already.

    Returns:
        True when they were saved.
    """
    if load_options(project) == options:
        return False
    project.run(SaveExportOptions(options))
    return True
