"""The codebook as CSV: one row per code, identified by its path.

Columns: ``path,label,group,colour,codable,definition,inclusion,exclusion,example``
(an export adds ``segments`` and ``documents``). Importing creates the codes whose
path is new (parents first, missing parents as well) and updates the fields of
codes that exist, all as one undoable step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.schema import Code, CodeGroup
from workbench.changes import Changes
from workbench.codebook.tree import SEPARATOR, all_paths, check_code_name
from workbench.colours import CODE_PALETTE, check_colour
from workbench.commands.base import AuditRecord, Command, CommandContext, Runner, require
from workbench.csvfiles import read_rows, write_rows
from workbench.errors import InvalidInputError
from workbench.project import Project

COLUMNS = (
    "path",
    "label",
    "group",
    "colour",
    "codable",
    "definition",
    "inclusion",
    "exclusion",
    "example",
)
_FIELDS = ("label", "colour", "codable", "definition", "inclusion", "exclusion", "example")


def export_codebook(project: Project, path: Path) -> int:
    """Write the codebook to a CSV file; returns the number of codes."""
    rows = [
        (
            c.path,
            c.label,
            c.group or "",
            c.colour,
            "yes" if c.codable else "no",
            c.definition,
            c.inclusion,
            c.exclusion,
            c.example,
            c.segments,
            c.documents,
        )
        for c in project.codes()
    ]
    return write_rows(path, (*COLUMNS, "segments", "documents"), rows)


@dataclass
class CodeRow:
    """One checked row of a codebook file."""

    path: tuple[str, ...]
    group: str
    values: dict[str, Any] = field(default_factory=dict)


def _parse_bool(value: str, line: str) -> bool:
    lowered = value.strip().casefold()
    if lowered in ("", "yes", "y", "true", "1", "sí", "si"):
        return True
    if lowered in ("no", "n", "false", "0"):
        return False
    raise InvalidInputError(f"line {line}: codable must be yes or no, not {value!r}")


def read_codebook(path: Path) -> list[CodeRow]:
    """Read and check a codebook CSV.

    Raises:
        InvalidInputError: a column is missing or a row breaks a rule (the message names the line).
    """
    header, rows = read_rows(path, ("path",))
    parsed: list[CodeRow] = []
    for row in rows:
        line = row["#line"]
        try:
            parts = tuple(
                check_code_name(part) for part in row["path"].strip(SEPARATOR).split(SEPARATOR)
            )
        except InvalidInputError as error:
            raise InvalidInputError(f"line {line}: {error}") from None
        values: dict[str, Any] = {}
        for name in _FIELDS:
            if name not in header:
                continue
            raw = row[name].strip()
            if name == "colour":
                if raw:
                    try:
                        values[name] = check_colour(raw)
                    except InvalidInputError as error:
                        raise InvalidInputError(f"line {line}: {error}") from None
            elif name == "codable":
                values[name] = _parse_bool(raw, line)
            else:
                values[name] = row[name]
        parsed.append(CodeRow(parts, row.get("group", "").strip(), values))
    return parsed


class ImportCodebook(Command):
    """Create or update codes from checked codebook rows."""

    label = "Import codebook"

    def __init__(self, rows: list[CodeRow]) -> None:
        if not rows:
            raise InvalidInputError("the codebook file has no codes")
        self.rows = rows
        self.created_codes: list[int] = []
        self.created_groups: list[int] = []
        self._updated: list[tuple[int, dict[str, Any]]] = []

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        by_path = {path.casefold(): ident for ident, path in all_paths(session).items()}
        groups = {g.name.casefold(): g.id for g in session.scalars(select(CodeGroup))}
        count = session.scalar(select(func.count(Code.id))) or 0
        self.created_codes, self.created_groups, self._updated = [], [], []
        for row in self.rows:
            group_id = None
            if row.group:
                group_id = groups.get(row.group.casefold())
                if group_id is None:
                    group = CodeGroup(name=row.group, position=len(groups))
                    session.add(group)
                    session.flush()
                    group_id = groups[row.group.casefold()] = group.id
                    self.created_groups.append(group.id)
            parent_id: int | None = None
            for depth in range(1, len(row.path) + 1):
                key = SEPARATOR.join(row.path[:depth]).casefold()
                leaf = depth == len(row.path)
                if key in by_path:
                    parent_id = by_path[key]
                    if leaf:
                        code = require(session, Code, parent_id, "code")
                        changes = {k: v for k, v in row.values.items() if getattr(code, k) != v}
                        if group_id is not None and code.group_id != group_id:
                            changes["group_id"] = group_id
                        if changes:
                            self._updated.append((code.id, {k: getattr(code, k) for k in changes}))
                            for k, v in changes.items():
                                setattr(code, k, v)
                            code.version += 1
                    continue
                values = row.values if leaf else {}
                siblings = session.scalar(
                    select(func.count(Code.id)).where(
                        Code.parent_id.is_(None)
                        if parent_id is None
                        else Code.parent_id == parent_id
                    )
                )
                code = Code(
                    parent_id=parent_id,
                    group_id=group_id,
                    name=row.path[depth - 1],
                    label=values.get("label", ""),
                    colour=values.get("colour") or CODE_PALETTE[count % len(CODE_PALETTE)],
                    codable=values.get("codable", True),
                    definition=values.get("definition", ""),
                    inclusion=values.get("inclusion", ""),
                    exclusion=values.get("exclusion", ""),
                    example=values.get("example", ""),
                    position=siblings or 0,
                    version=1,
                )
                count += 1
                session.add(code)
                session.flush()
                by_path[key] = parent_id = code.id
                self.created_codes.append(code.id)
        return Changes.of(
            added={"code": self.created_codes, "code_group": self.created_groups},
            updated={"code": [ident for ident, _ in self._updated]},
        )

    def undo(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        for ident, before in reversed(self._updated):
            code = require(session, Code, ident, "code")
            for key, value in before.items():
                setattr(code, key, value)
            code.version += 1
        for ident in reversed(self.created_codes):
            session.delete(require(session, Code, ident, "code"))
            session.flush()
        for ident in self.created_groups:
            session.delete(require(session, CodeGroup, ident, "code group"))
        return Changes.of(
            removed={"code": self.created_codes, "code_group": self.created_groups},
            updated={"code": [ident for ident, _ in self._updated]},
        )

    @property
    def updated_count(self) -> int:
        """How many existing codes the import changed."""
        return len(self._updated)

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "codebook.import",
            "project",
            None,
            None,
            {"created": len(self.created_codes), "updated": len(self._updated)},
        )


def import_codebook(project: Project, path: Path, *, run: Runner | None = None) -> ImportCodebook:
    """Read a codebook CSV and apply it as one undoable step; returns the command run.

    ``run`` runs the command (by default ``project.run``).
    """
    command = ImportCodebook(read_codebook(path))
    (run or project.run)(command)
    return command
