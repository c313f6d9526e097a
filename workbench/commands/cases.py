"""Commands on cases: units of analysis across documents (a union, a company, a project)."""

from __future__ import annotations

from sqlalchemy import func, select

from db.schema import Case, CaseDocument
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


class CreateCase(Command):
    """Add a case."""

    label = "Add case"

    def __init__(self, name: str, description: str = "") -> None:
        self.name = " ".join(name.split())
        if not self.name:
            raise InvalidInputError("a case needs a name")
        self.description = description
        self.case_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._row is not None:
            restore(session, Case, self._row)
            return Changes.of(added={"case": [self._row["id"]]})
        if (
            session.scalar(select(Case.id).where(func.lower(Case.name) == self.name.lower()))
            is not None
        ):
            raise InvalidInputError(f"there is already a case named {self.name!r}")
        case = Case(name=self.name, description=self.description)
        session.add(case)
        session.flush()
        self.case_id = case.id
        self._row = row_of(case)
        return Changes.of(added={"case": [case.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.case_id is not None
        linked = ctx.session.scalar(
            select(func.count()).where(CaseDocument.case_id == self.case_id)
        )
        if linked:
            raise InvalidInputError("the case has documents linked to it now; unlink them first")
        ctx.session.delete(require(ctx.session, Case, self.case_id, "case"))
        return Changes.of(removed={"case": [self.case_id]})

    def audit(self) -> AuditRecord:
        return AuditRecord("case.add", "case", self.case_id, None, {"name": self.name})


class LinkDocuments(Command):
    """Link documents to a case, or (``link=False``) unlink them."""

    def __init__(self, case_id: int, document_ids: list[int], *, link: bool = True) -> None:
        if not document_ids:
            raise InvalidInputError("choose at least one document")
        self.case_id, self.document_ids, self.link = (
            case_id,
            list(dict.fromkeys(document_ids)),
            link,
        )
        self.label = "Link to case" if link else "Unlink from case"
        self._changed: list[int] = []

    def _set(self, ctx: CommandContext, document_ids: list[int], link: bool) -> list[int]:
        session = ctx.session
        require(session, Case, self.case_id, "case")
        changed: list[int] = []
        for document_id in document_ids:
            row = session.get(CaseDocument, (self.case_id, document_id))
            if link and row is None:
                session.add(CaseDocument(case_id=self.case_id, document_id=document_id))
                changed.append(document_id)
            elif not link and row is not None:
                session.delete(row)
                changed.append(document_id)
        session.flush()
        return changed

    def do(self, ctx: CommandContext) -> Changes:
        self._changed = self._set(ctx, self.document_ids, self.link)
        return Changes.of(updated={"case": [self.case_id], "document": self._changed})

    def undo(self, ctx: CommandContext) -> Changes:
        self._set(ctx, self._changed, not self.link)
        return Changes.of(updated={"case": [self.case_id], "document": self._changed})

    def audit(self) -> AuditRecord:
        action = "case.link" if self.link else "case.unlink"
        return AuditRecord(action, "case", self.case_id, None, {"documents": self._changed})
