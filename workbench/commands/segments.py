"""Commands on coded segments: add, remove, resize, recode and annotate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.schema import Code, Coder, Document, Segment, new_guid
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
from workbench.commands.codes import CodeSpec, CreateCode
from workbench.errors import InvalidInputError

ORIGINS = ("manual", "auto-code", "import", "adjudication")
_CHUNK = 500


@dataclass(frozen=True)
class NewSegment:
    """A segment to add: ``[start, end)`` in code points of the document's text."""

    document_id: int
    code_id: int
    start: int
    end: int
    memo: str = ""
    coder_id: int | None = None


def check_span(session: Session, document_id: int, start: int, end: int) -> Document:
    """Check that ``[start, end)`` is a non-empty span inside the document."""
    document = require(session, Document, document_id, "document")
    if not (0 <= start < end <= document.length):
        raise InvalidInputError(
            f"[{start}, {end}) is not a passage of {document.name!r}, "
            f"which has {document.length} characters (offsets are 0-based, end exclusive)"
        )
    return document


def check_codable(session: Session, code_id: int) -> Code:
    """Check that the code exists and can be applied."""
    code = require(session, Code, code_id, "code")
    if not code.codable:
        raise InvalidInputError(f"{code.name!r} is a folder, not a code that can be applied")
    return code


class AddSegments(Command):
    """Code passages: one or many segments in one step (for example "code all hits")."""

    def __init__(
        self, segments: Sequence[NewSegment], *, origin: str = "manual", label: str | None = None
    ) -> None:
        if not segments:
            raise InvalidInputError("there is nothing to code")
        if origin not in ORIGINS:
            raise InvalidInputError(f"origin must be one of {', '.join(ORIGINS)}")
        self.segments = list(segments)
        self.origin = origin
        self.label = label or (
            "Code passage" if len(segments) == 1 else f"Code {len(segments)} passages"
        )
        self._rows: list[Row] | None = None
        self.segment_ids: list[int] = []

    def _prepare(self, ctx: CommandContext) -> list[Row]:
        session = ctx.session
        lengths: dict[int, int] = {}
        codes: set[int] = set()
        coders: set[int] = set()
        rows: list[Row] = []
        for new in self.segments:
            if new.document_id not in lengths:
                lengths[new.document_id] = check_span(session, new.document_id, 0, 1).length
            if not (0 <= new.start < new.end <= lengths[new.document_id]):
                check_span(session, new.document_id, new.start, new.end)
            if new.code_id not in codes:
                check_codable(session, new.code_id)
                codes.add(new.code_id)
            coder_id = new.coder_id if new.coder_id is not None else ctx.coder_id
            if coder_id is None:
                raise InvalidInputError("choose who is coding before coding (a coder identity)")
            if coder_id not in coders:
                require(session, Coder, coder_id, "coder")
                coders.add(coder_id)
            rows.append(
                {
                    "guid": new_guid(),
                    "document_id": new.document_id,
                    "code_id": new.code_id,
                    "coder_id": coder_id,
                    "start": new.start,
                    "end": new.end,
                    "memo": new.memo,
                    "origin": self.origin,
                    "created_at": ctx.now,
                    "updated_at": ctx.now,
                }
            )
        return rows

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._rows is None:
            rows = self._prepare(ctx)
            ids: list[int] = []
            for index in range(0, len(rows), _CHUNK):
                chunk = rows[index : index + _CHUNK]
                ids.extend(
                    session.scalars(
                        insert(Segment).returning(Segment.id, sort_by_parameter_order=True), chunk
                    )
                )
            for row, ident in zip(rows, ids, strict=True):
                row["id"] = ident
            self._rows = rows
            self.segment_ids = ids
        else:
            for index in range(0, len(self._rows), _CHUNK):
                session.execute(insert(Segment), self._rows[index : index + _CHUNK])
        return Changes.of(added={"segment": self.segment_ids})

    def undo(self, ctx: CommandContext) -> Changes:
        for index in range(0, len(self.segment_ids), _CHUNK):
            ctx.session.execute(
                delete(Segment).where(Segment.id.in_(self.segment_ids[index : index + _CHUNK]))
            )
        return Changes.of(removed={"segment": self.segment_ids})

    def audit(self) -> AuditRecord:
        if len(self.segment_ids) == 1 and self._rows:
            row = self._rows[0]
            after = {
                k: row[k] for k in ("document_id", "code_id", "coder_id", "start", "end", "memo")
            }
            return AuditRecord("segment.add", "segment", self.segment_ids[0], None, after)
        return AuditRecord(
            "segment.add",
            "segment",
            None,
            None,
            {"count": len(self.segment_ids), "origin": self.origin},
        )


def AddSegment(  # noqa: N802 - reads as the command it builds
    document_id: int, code_id: int, start: int, end: int, *, memo: str = "", origin: str = "manual"
) -> AddSegments:
    """A command that codes one passage."""
    return AddSegments([NewSegment(document_id, code_id, start, end, memo)], origin=origin)


class RemoveSegments(Command):
    """Remove one or many segments."""

    def __init__(self, segment_ids: Sequence[int]) -> None:
        if not segment_ids:
            raise InvalidInputError("there is no segment to remove")
        self.segment_ids = list(dict.fromkeys(segment_ids))
        self.label = (
            "Remove segment"
            if len(self.segment_ids) == 1
            else f"Remove {len(self.segment_ids)} segments"
        )
        self._rows: list[Row] = []

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        self._rows = [row_of(require(session, Segment, i, "segment")) for i in self.segment_ids]
        for index in range(0, len(self.segment_ids), _CHUNK):
            session.execute(
                delete(Segment).where(Segment.id.in_(self.segment_ids[index : index + _CHUNK]))
            )
        return Changes.of(removed={"segment": self.segment_ids})

    def undo(self, ctx: CommandContext) -> Changes:
        for row in self._rows:
            restore(ctx.session, Segment, row)
        return Changes.of(added={"segment": self.segment_ids})

    def audit(self) -> AuditRecord:
        if len(self._rows) == 1:
            row = self._rows[0]
            before = {
                k: row[k] for k in ("document_id", "code_id", "coder_id", "start", "end", "memo")
            }
            return AuditRecord("segment.remove", "segment", row["id"], before, None)
        return AuditRecord("segment.remove", "segment", None, {"count": len(self._rows)}, None)


class _EditSegment(Command):
    """Change some fields of one segment, remembering the old values."""

    action = "segment.edit"

    def __init__(self, segment_id: int, **fields: object) -> None:
        self.segment_id = segment_id
        self.fields = fields
        self._before: dict[str, object] = {}

    def check(self, ctx: CommandContext, segment: Segment) -> None:
        """Refuse values that break a rule."""

    def do(self, ctx: CommandContext) -> Changes:
        segment = require(ctx.session, Segment, self.segment_id, "segment")
        self.check(ctx, segment)
        self._before = {key: getattr(segment, key) for key in self.fields}
        for key, value in self.fields.items():
            setattr(segment, key, value)
        segment.updated_at = ctx.now
        return Changes.of(updated={"segment": [segment.id]})

    def undo(self, ctx: CommandContext) -> Changes:
        segment = require(ctx.session, Segment, self.segment_id, "segment")
        for key, value in self._before.items():
            setattr(segment, key, value)
        segment.updated_at = ctx.now
        return Changes.of(updated={"segment": [segment.id]})

    def audit(self) -> AuditRecord:
        return AuditRecord(self.action, "segment", self.segment_id, self._before, self.fields)


class ResizeSegment(_EditSegment):
    """Move the ends of a segment."""

    label = "Resize segment"
    action = "segment.resize"

    def __init__(self, segment_id: int, start: int, end: int) -> None:
        super().__init__(segment_id, start=start, end=end)
        self.start, self.end = start, end

    def check(self, ctx: CommandContext, segment: Segment) -> None:
        check_span(ctx.session, segment.document_id, self.start, self.end)


class SetSegmentMemo(_EditSegment):
    """Write, change or clear the memo of a segment."""

    label = "Edit segment memo"
    action = "segment.memo"

    def __init__(self, segment_id: int, memo: str) -> None:
        super().__init__(segment_id, memo=memo)


class RecodeSegment(_EditSegment):
    """Give a segment another code."""

    label = "Change segment's code"
    action = "segment.recode"

    def __init__(self, segment_id: int, code_id: int) -> None:
        super().__init__(segment_id, code_id=code_id)
        self.code_id = code_id

    def check(self, ctx: CommandContext, segment: Segment) -> None:
        check_codable(ctx.session, self.code_id)


def segment_exists(
    session: Session, document_id: int, code_id: int, coder_id: int, start: int, end: int
) -> bool:
    """Whether the same coder already coded exactly this span with this code."""
    query = select(Segment.id).where(
        Segment.document_id == document_id,
        Segment.code_id == code_id,
        Segment.coder_id == coder_id,
        Segment.start == start,
        Segment.end == end,
    )
    return session.scalars(query).first() is not None


class CodeInVivo(Command):
    """Code a passage with a new code named by the passage itself ("in vivo")."""

    label = "Code in vivo"

    def __init__(
        self, document_id: int, start: int, end: int, *, parent_id: int | None = None
    ) -> None:
        self.document_id, self.start, self.end, self.parent_id = document_id, start, end, parent_id
        self.code_id: int | None = None
        self.segment_id: int | None = None
        self._code: Row | None = None
        self._segment: Row | None = None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        if self._code is not None and self._segment is not None:
            restore(session, Code, self._code)
            session.flush()
            restore(session, Segment, self._segment)
            return Changes.of(added={"code": [self._code["id"]], "segment": [self._segment["id"]]})
        document = check_span(session, self.document_id, self.start, self.end)
        words = " ".join(document.text[self.start : self.end].replace("/", " ").split())
        name = words if len(words) <= 60 else words[:59].rstrip() + "…"
        if not name:
            raise InvalidInputError("select some words to name the new code after")
        create = CreateCode(CodeSpec(name, parent_id=self.parent_id))
        create.do(ctx)
        assert create.code_id is not None
        add = AddSegment(self.document_id, create.code_id, self.start, self.end)
        add.do(ctx)
        self.code_id, self.segment_id = create.code_id, add.segment_ids[0]
        self._code = row_of(require(session, Code, self.code_id, "code"))
        self._segment = row_of(require(session, Segment, self.segment_id, "segment"))
        return Changes.of(added={"code": [self.code_id], "segment": [self.segment_id]})

    def undo(self, ctx: CommandContext) -> Changes:
        assert self.code_id is not None and self.segment_id is not None
        ctx.session.delete(require(ctx.session, Segment, self.segment_id, "segment"))
        ctx.session.flush()
        ctx.session.delete(require(ctx.session, Code, self.code_id, "code"))
        return Changes.of(removed={"code": [self.code_id], "segment": [self.segment_id]})

    def audit(self) -> AuditRecord:
        name = self._code["name"] if self._code else None
        return AuditRecord("segment.invivo", "segment", self.segment_id, None, {"code": name})
