"""Commands on documents: import (text, speaker turns, attribute values) and removal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, insert, select

from db.schema import (
    Attribute,
    AttributeValue,
    CaseDocument,
    Document,
    Segment,
    SpeakerTurn,
    new_guid,
)
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
from workbench.errors import ConflictError, InvalidInputError
from workbench.textfold import fold


@dataclass(frozen=True)
class NewDocument:
    """A document read from a file, ready to be stored.

    Attributes:
        name: the display name (unique in the project).
        text: the normalised text (newline line endings, no byte-order mark).
        source_format: ``txt``, ``docx``, ...
        sha256: the SHA-256 of the original file's bytes.
        turns: speaker turns as ``(start, end, speaker)``.
        attributes: attribute id -> value (already validated).
    """

    name: str
    text: str
    source_format: str
    sha256: str
    original_filename: str | None = None
    encoding: str | None = None
    language: str | None = None
    turns: tuple[tuple[int, int, str], ...] = ()
    attributes: dict[int, str] = field(default_factory=dict)


class ImportDocuments(Command):
    """Store one or many read documents in one step."""

    def __init__(self, documents: Sequence[NewDocument]) -> None:
        if not documents:
            raise InvalidInputError("there is no document to import")
        names = [d.name for d in documents]
        if len(set(names)) != len(names):
            raise InvalidInputError("two documents of the batch have the same name")
        self.documents = list(documents)
        self.label = (
            "Import document" if len(documents) == 1 else f"Import {len(documents)} documents"
        )
        self.document_ids: list[int] = []
        self._identity: list[tuple[str, datetime]] = []

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        taken = set(
            session.scalars(
                select(Document.name).where(Document.name.in_([d.name for d in self.documents]))
            )
        )
        if taken:
            raise InvalidInputError(f"documents named {', '.join(sorted(taken))} exist already")
        position = session.scalar(select(func.coalesce(func.max(Document.position), 0))) or 0
        redo = bool(self.document_ids)
        if not redo:
            wanted = {a for new in self.documents for a in new.attributes}
            for attribute_id in wanted:
                require(session, Attribute, attribute_id, "attribute")
        ids: list[int] = []
        for index, new in enumerate(self.documents):
            document = Document(
                id=self.document_ids[index] if redo else None,
                guid=self._identity[index][0] if redo else new_guid(),
                name=new.name,
                text=new.text,
                folded=fold(new.text),
                length=len(new.text),
                source_format=new.source_format,
                language=new.language,
                original_filename=new.original_filename,
                sha256=new.sha256,
                encoding=new.encoding,
                position=position + index + 1,
                imported_at=self._identity[index][1] if redo else ctx.now,
                imported_by=ctx.coder_id,
            )
            session.add(document)
            session.flush()
            ids.append(document.id)
            if new.turns:
                session.execute(
                    insert(SpeakerTurn),
                    [
                        {"document_id": document.id, "start": s, "end": e, "speaker": who}
                        for s, e, who in new.turns
                    ],
                )
            if new.attributes:
                session.execute(
                    insert(AttributeValue),
                    [
                        {"attribute_id": attribute_id, "document_id": document.id, "value": value}
                        for attribute_id, value in new.attributes.items()
                    ],
                )
        if not redo:
            rows = session.execute(
                select(Document.id, Document.guid, Document.imported_at).where(Document.id.in_(ids))
            ).all()
            by_id = {row.id: (row.guid, row.imported_at) for row in rows}
            self._identity = [by_id[ident] for ident in ids]
        self.document_ids = ids
        return Changes.of(added={"document": ids})

    def undo(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        coded = session.scalar(
            select(func.count(Segment.id)).where(Segment.document_id.in_(self.document_ids))
        )
        if coded:
            raise ConflictError(
                "the imported documents have been coded since; remove their segments first"
            )
        session.execute(delete(Document).where(Document.id.in_(self.document_ids)))
        return Changes.of(removed={"document": self.document_ids})

    def audit(self) -> AuditRecord:
        names = [d.name for d in self.documents]
        target = self.document_ids[0] if len(self.document_ids) == 1 else None
        return AuditRecord("document.import", "document", target, None, {"documents": names})


class DeleteDocument(Command):
    """Delete a document with its segments, turns and attribute values."""

    label = "Delete document"

    def __init__(self, document_id: int) -> None:
        self.document_id = document_id
        self._document: Row | None = None
        self._rows: dict[str, list[Row]] = {}

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        document = require(session, Document, self.document_id, "document")
        self._document = row_of(document)
        self._rows = {
            "segment": [
                row_of(r)
                for r in session.scalars(select(Segment).where(Segment.document_id == document.id))
            ],
            "turn": [
                row_of(r)
                for r in session.scalars(
                    select(SpeakerTurn).where(SpeakerTurn.document_id == document.id)
                )
            ],
            "value": [
                row_of(r)
                for r in session.scalars(
                    select(AttributeValue).where(AttributeValue.document_id == document.id)
                )
            ],
            "case": [
                row_of(r)
                for r in session.scalars(
                    select(CaseDocument).where(CaseDocument.document_id == document.id)
                )
            ],
        }
        session.execute(delete(Segment).where(Segment.document_id == document.id))
        session.delete(document)
        return Changes.of(
            removed={"document": [document.id], "segment": [r["id"] for r in self._rows["segment"]]}
        )

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._document is not None
        session = ctx.session
        restore(session, Document, self._document)
        session.flush()
        tables: dict[str, type[Segment | SpeakerTurn | AttributeValue | CaseDocument]] = {
            "segment": Segment,
            "turn": SpeakerTurn,
            "value": AttributeValue,
            "case": CaseDocument,
        }
        for key, model in tables.items():
            for row in self._rows.get(key, []):
                restore(session, model, row)
        return Changes.of(
            added={
                "document": [self.document_id],
                "segment": [r["id"] for r in self._rows["segment"]],
            }
        )

    def audit(self) -> AuditRecord:
        name = self._document["name"] if self._document else None
        return AuditRecord(
            "document.delete",
            "document",
            self.document_id,
            {"name": name, "segments": len(self._rows.get("segment", []))},
            None,
        )
