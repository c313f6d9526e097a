"""Bundled codebook templates (such as ``usmca-evaluation``), written in several languages.

A template is a JSON file in ``resources/templates``: code groups, codes (with label,
definition, inclusion and exclusion rules, example, colour, and for outcomes their
statement, period and location) and document attributes, each text given per language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from db.schema import Attribute, Code, CodeGroup, Outcome, Setting
from resources import RESOURCES
from workbench.changes import Changes
from workbench.codebook.tree import check_code_name
from workbench.colours import check_colour
from workbench.commands.base import AuditRecord, Command, CommandContext
from workbench.errors import InvalidInputError, NotFoundError

TEMPLATES = RESOURCES / "templates"
LANGUAGES = ("en", "es")
#: Settings ``attribute_role.<key>`` hold the id of the attribute a template key names,
#: so that queries find "the source type" whatever language its name is in.
ROLE_PREFIX = "attribute_role."


def available_templates() -> list[str]:
    """The names of the bundled templates."""
    return sorted(path.stem for path in TEMPLATES.glob("*.json"))


def load_template(name: str) -> dict[str, Any]:
    """Read a bundled template by name.

    Raises:
        NotFoundError: there is no template of that name.
    """
    path = TEMPLATES / f"{name}.json"
    if not path.is_file():
        raise NotFoundError(
            f"there is no template {name!r}; available: {', '.join(available_templates())}"
        )
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _text(value: Any, language: str) -> str:
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or "")
    return "" if value is None else str(value)


@dataclass(frozen=True)
class _Created:
    groups: list[int]
    codes: list[int]
    attributes: list[int]
    roles: list[str]


class ApplyTemplate(Command):
    """Add a template's code groups, codes, outcomes and attributes to a project.

    Texts are taken in ``language``. Codes whose group already holds a code of the
    same path are refused, so a template is applied to a project once.
    """

    label = "Add codebook template"

    def __init__(self, template: dict[str, Any], language: str = "en") -> None:
        if language not in LANGUAGES:
            raise InvalidInputError(f"language must be one of {', '.join(LANGUAGES)}")
        self.template = template
        self.language = language
        self._created: _Created | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        lang = self.language
        if session.scalar(select(func.count(Code.id))):
            raise InvalidInputError(
                "the project has a codebook already; templates go into an empty codebook"
            )
        group_ids: dict[str, int] = {}
        start = session.scalar(select(func.count(CodeGroup.id))) or 0
        for index, group in enumerate(self.template.get("groups", [])):
            row = CodeGroup(name=_text(group["name"], lang), position=start + index)
            session.add(row)
            session.flush()
            group_ids[group["key"]] = row.id
        code_ids: dict[str, int] = {}
        positions: dict[int | None, int] = {}
        for spec in self.template.get("codes", []):
            parent_id = code_ids[spec["parent"]] if spec.get("parent") else None
            position = positions.get(parent_id, 0)
            positions[parent_id] = position + 1
            code = Code(
                parent_id=parent_id,
                group_id=group_ids.get(spec.get("group", "")),
                label=str(spec.get("label", "")),
                name=check_code_name(_text(spec["name"], lang)),
                definition=_text(spec.get("definition"), lang),
                inclusion=_text(spec.get("inclusion"), lang),
                exclusion=_text(spec.get("exclusion"), lang),
                example=_text(spec.get("example"), lang),
                colour=check_colour(spec.get("colour", "#808080")),
                codable=bool(spec.get("codable", True)),
                position=position,
                version=1,
            )
            session.add(code)
            session.flush()
            code_ids[spec["key"]] = code.id
            outcome = spec.get("outcome")
            if outcome:
                session.add(
                    Outcome(
                        code_id=code.id,
                        statement=_text(outcome.get("statement"), lang),
                        period=str(outcome.get("period", "")),
                        location=str(outcome.get("location", "")),
                    )
                )
        attribute_ids: list[int] = []
        roles: list[str] = []
        start = session.scalar(select(func.count(Attribute.id))) or 0
        for index, spec in enumerate(self.template.get("attributes", [])):
            choices = [_text(choice, lang) for choice in spec.get("choices", [])]
            attribute = Attribute(
                name=_text(spec["name"], lang),
                kind=spec.get("kind", "text"),
                scope=spec.get("scope", "document"),
                choices=json.dumps(choices, ensure_ascii=False) if choices else None,
                position=start + index,
            )
            session.add(attribute)
            session.flush()
            attribute_ids.append(attribute.id)
            if spec.get("key"):
                roles.append(ROLE_PREFIX + spec["key"])
                session.merge(Setting(key=ROLE_PREFIX + spec["key"], value=str(attribute.id)))
        self._created = _Created(
            list(group_ids.values()), list(code_ids.values()), attribute_ids, roles
        )
        return Changes.of(
            added={
                "code_group": group_ids.values(),
                "code": code_ids.values(),
                "attribute": attribute_ids,
            }
        )

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._created is not None
        session = ctx.session
        created = self._created
        session.execute(delete(Outcome).where(Outcome.code_id.in_(created.codes)))
        for code_id in reversed(created.codes):
            session.execute(delete(Code).where(Code.id == code_id))
        session.execute(delete(CodeGroup).where(CodeGroup.id.in_(created.groups)))
        session.execute(delete(Setting).where(Setting.key.in_(created.roles)))
        session.execute(delete(Attribute).where(Attribute.id.in_(created.attributes)))
        return Changes.of(
            removed={
                "code_group": created.groups,
                "code": created.codes,
                "attribute": created.attributes,
            }
        )

    def audit(self) -> AuditRecord:
        counts = None
        if self._created is not None:
            counts = {
                "codes": len(self._created.codes),
                "attributes": len(self._created.attributes),
            }
        return AuditRecord(
            "codebook.template",
            "project",
            None,
            None,
            {"template": self.template.get("id"), **(counts or {})},
        )


def attribute_key_names(template: dict[str, Any], language: str) -> dict[str, str]:
    """Map each template attribute key (``source_type``) to its name in ``language``."""
    return {spec["key"]: _text(spec["name"], language) for spec in template.get("attributes", [])}


def choice_translations(template: dict[str, Any], language: str) -> dict[str, dict[str, str]]:
    """For each attribute key, map a choice's English text to its text in ``language``."""
    return {
        spec["key"]: {
            _text(choice, "en"): _text(choice, language) for choice in spec.get("choices", [])
        }
        for spec in template.get("attributes", [])
    }
