"""Commands on attributes and their values."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import func, select

from db.schema import Attribute, AttributeValue, Document
from workbench.attributes import KINDS, normalise_value, parse_choices
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
from workbench.errors import InvalidInputError


class CreateAttribute(Command):
    """Add a typed variable for documents or cases."""

    label = "Add attribute"

    def __init__(
        self, name: str, kind: str = "text", *, scope: str = "document", choices: Sequence[str] = ()
    ) -> None:
        self.name = " ".join(name.split())
        if not self.name:
            raise InvalidInputError("an attribute needs a name")
        if kind not in KINDS:
            raise InvalidInputError(f"attribute kind must be one of {', '.join(KINDS)}")
        if scope not in ("document", "case"):
            raise InvalidInputError("attribute scope must be 'document' or 'case'")
        if kind == "choice" and not choices:
            raise InvalidInputError("a choice attribute needs its choices")
        self.kind, self.scope, self.choices = kind, scope, tuple(choices)
        self.attribute_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._row is not None:
            restore(session, Attribute, self._row)
            return Changes.of(added={"attribute": [self._row["id"]]})
        clash = session.scalars(
            select(Attribute).where(
                Attribute.scope == self.scope, func.lower(Attribute.name) == self.name.lower()
            )
        ).first()
        if clash is not None:
            raise InvalidInputError(
                f"there is already a {self.scope} attribute named {self.name!r}"
            )
        position = session.scalar(select(func.count(Attribute.id))) or 0
        attribute = Attribute(
            name=self.name,
            kind=self.kind,
            scope=self.scope,
            choices=json.dumps(list(self.choices), ensure_ascii=False) if self.choices else None,
            position=position,
        )
        session.add(attribute)
        session.flush()
        self.attribute_id = attribute.id
        self._row = row_of(attribute)
        return Changes.of(added={"attribute": [attribute.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.attribute_id is not None
        ctx.session.delete(require(ctx.session, Attribute, self.attribute_id, "attribute"))
        return Changes.of(removed={"attribute": [self.attribute_id]})

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "attribute.add",
            "attribute",
            self.attribute_id,
            None,
            {"name": self.name, "kind": self.kind},
        )


class SetAttributeValues(Command):
    """Set (or clear, with ``None``) attribute values of documents.

    ``values`` holds ``(document_id, attribute_id, value)``; each value is checked
    against its attribute's kind and choices.
    """

    def __init__(self, values: Sequence[tuple[int, int, str | None]]) -> None:
        if not values:
            raise InvalidInputError("there is no attribute value to set")
        self.values = list(values)
        self.label = "Set attribute" if len(values) == 1 else f"Set {len(values)} attribute values"
        self._before: list[tuple[int, int, str | None]] = []

    def _apply(
        self, ctx: CommandContext, values: Sequence[tuple[int, int, str | None]], check: bool
    ) -> Changes:
        session = ctx.session
        attributes: dict[int, Attribute] = {}
        changed: set[int] = set()
        before: list[tuple[int, int, str | None]] = []
        documents: set[int] = set()
        for document_id, attribute_id, raw in values:
            if document_id not in documents:
                require(session, Document, document_id, "document")
                documents.add(document_id)
            if attribute_id not in attributes:
                attributes[attribute_id] = require(session, Attribute, attribute_id, "attribute")
            attribute = attributes[attribute_id]
            row = session.scalars(
                select(AttributeValue).where(
                    AttributeValue.attribute_id == attribute_id,
                    AttributeValue.document_id == document_id,
                )
            ).first()
            before.append((document_id, attribute_id, row.value if row is not None else None))
            if raw is None or raw.strip() == "":
                if row is not None:
                    session.delete(row)
            else:
                value = (
                    normalise_value(
                        attribute.name, attribute.kind, parse_choices(attribute.choices), raw
                    )
                    if check
                    else raw
                )
                if row is None:
                    session.add(
                        AttributeValue(
                            attribute_id=attribute_id, document_id=document_id, value=value
                        )
                    )
                else:
                    row.value = value
            session.flush()
            changed.add(document_id)
        self._before = before
        return Changes.of(updated={"document": changed, "attribute_value": changed})

    def do(self, ctx: CommandContext) -> Changes:
        return self._apply(ctx, self.values, check=True)

    def undo(self, ctx: CommandContext) -> Changes:
        saved = self._before
        changes = self._apply(ctx, list(reversed(saved)), check=False)
        self._before = saved
        return changes

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "attribute.set",
            "document",
            self.values[0][0] if len(self.values) == 1 else None,
            [list(v) for v in self._before],
            [list(v) for v in self.values],
        )
