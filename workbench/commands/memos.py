"""Commands on memos: free text on the project, a document, a code or a case."""

from __future__ import annotations

from db.schema import Case, Code, Document, Memo
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

TARGETS = ("project", "document", "code", "case")


class AddMemo(Command):
    """Write a new memo."""

    label = "Add memo"

    def __init__(
        self, target_kind: str, target_id: int | None, text: str, *, title: str = ""
    ) -> None:
        if target_kind not in TARGETS:
            raise InvalidInputError(f"a memo belongs to one of: {', '.join(TARGETS)}")
        if (target_kind == "project") != (target_id is None):
            raise InvalidInputError("a project memo has no target id; other memos need one")
        self.target_kind, self.target_id, self.text, self.title = (
            target_kind,
            target_id,
            text,
            title,
        )
        self.memo_id: int | None = None
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        if self._row is not None:
            restore(ctx.session, Memo, self._row)
            return Changes.of(added={"memo": [self._row["id"]]})
        if self.target_id is not None:
            model = {"document": Document, "code": Code, "case": Case}[self.target_kind]
            require(ctx.session, model, self.target_id, self.target_kind)
        memo = Memo(
            target_kind=self.target_kind,
            target_id=self.target_id,
            author_id=ctx.coder_id,
            title=self.title,
            text=self.text,
            created_at=ctx.now,
            updated_at=ctx.now,
        )
        ctx.session.add(memo)
        ctx.session.flush()
        self.memo_id = memo.id
        self._row = row_of(memo)
        return Changes.of(added={"memo": [memo.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.memo_id is not None
        ctx.session.delete(require(ctx.session, Memo, self.memo_id, "memo"))
        return Changes.of(removed={"memo": [self.memo_id]})

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "memo.add", "memo", self.memo_id, None, {"on": self.target_kind, "text": self.text}
        )


class EditMemo(Command):
    """Change the text (and title) of a memo."""

    label = "Edit memo"

    def __init__(self, memo_id: int, text: str, *, title: str | None = None) -> None:
        self.memo_id, self.text, self.title = memo_id, text, title
        self._before: tuple[str, str] | None = None

    def do(self, ctx: CommandContext) -> Changes:
        memo = require(ctx.session, Memo, self.memo_id, "memo")
        self._before = (memo.text, memo.title)
        memo.text = self.text
        if self.title is not None:
            memo.title = self.title
        memo.updated_at = ctx.now
        return Changes.of(updated={"memo": [memo.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._before is not None
        memo = require(ctx.session, Memo, self.memo_id, "memo")
        memo.text, memo.title = self._before
        memo.updated_at = ctx.now
        return Changes.of(updated={"memo": [memo.id]})

    def audit(self) -> AuditRecord:
        before = {"text": self._before[0]} if self._before else None
        return AuditRecord("memo.edit", "memo", self.memo_id, before, {"text": self.text})


class DeleteMemo(Command):
    """Delete a memo."""

    label = "Delete memo"

    def __init__(self, memo_id: int) -> None:
        self.memo_id = memo_id
        self._row: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        memo = require(ctx.session, Memo, self.memo_id, "memo")
        self._row = row_of(memo)
        ctx.session.delete(memo)
        return Changes.of(removed={"memo": [self.memo_id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._row is not None
        restore(ctx.session, Memo, self._row)
        return Changes.of(added={"memo": [self.memo_id]})

    def audit(self) -> AuditRecord:
        before = {"text": self._row["text"]} if self._row else None
        return AuditRecord("memo.delete", "memo", self.memo_id, before, None)
