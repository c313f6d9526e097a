"""The typed ORM schema of a project database.

Every table that can travel between machines carries a ``guid`` beside its integer
``id`` so that merges match rows by identity, never by name. Text positions in
``segment`` and ``speaker_turn`` are Unicode code points, 0-based, end exclusive.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_guid() -> str:
    """Return a new lowercase GUID string (36 characters, with hyphens)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Return the current time in UTC, timezone-aware."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable migrations)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """A project-wide setting (name, languages, template, creation time)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Coder(Base):
    """A person who codes."""

    __tablename__ = "coder"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    initials: Mapped[str] = mapped_column(String(10))
    colour: Mapped[str] = mapped_column(String(9), default="#808080")
    role: Mapped[str] = mapped_column(String(20), default="coder")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    #: On a team server, the PostgreSQL role this coder signs in as (none in a file).
    db_role: Mapped[str | None] = mapped_column(String(63), nullable=True)

    __table_args__ = (
        CheckConstraint("role IN ('coder', 'lead')", name="role"),
        Index("ix_coder_db_role", "db_role", unique=True),
    )


class Document(Base):
    """An imported transcript with its immutable text."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    text: Mapped[str] = mapped_column(Text)
    #: The text folded for search (lower case, no accents, same length); filled at import.
    folded: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    length: Mapped[int] = mapped_column(Integer)
    source_format: Mapped[str] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(20), nullable=True)
    original_filename: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    encoding: Mapped[str | None] = mapped_column(String(40), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), nullable=True
    )


class SpeakerTurn(Base):
    """A stretch of a document spoken by one speaker, found at import."""

    __tablename__ = "speaker_turn"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(200))

    __table_args__ = (Index("ix_speaker_turn_document", "document_id", "start"),)


class Attribute(Base):
    """A typed variable on documents or cases."""

    __tablename__ = "attribute"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="text")
    scope: Mapped[str] = mapped_column(String(10), default="document")
    choices: Mapped[str | None] = mapped_column(Text, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("scope", "name", name="uq_attribute_scope_name"),
        CheckConstraint("kind IN ('text', 'number', 'date', 'bool', 'choice')", name="kind"),
        CheckConstraint("scope IN ('document', 'case')", name="scope"),
    )


class Case(Base):
    """A unit of analysis across documents (a union, a company, a project)."""

    __tablename__ = "case"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class CaseDocument(Base):
    """Membership of a document in a case."""

    __tablename__ = "case_document"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )


class AttributeValue(Base):
    """The value of one attribute for one document or one case."""

    __tablename__ = "attribute_value"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), nullable=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), nullable=True
    )
    value: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("attribute_id", "document_id", "case_id", name="uq_attribute_value_owner"),
        CheckConstraint("(document_id IS NULL) <> (case_id IS NULL)", name="one_owner"),
        Index("ix_attribute_value_document", "document_id"),
    )


class CodeGroup(Base):
    """A named group of codes (Outcomes, USMCA priorities, ILAB projects, Themes)."""

    __tablename__ = "code_group"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Code(Base):
    """A node of the codebook."""

    __tablename__ = "code"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("code_group.id", ondelete="SET NULL"), nullable=True
    )
    label: Mapped[str] = mapped_column(String(50), default="")
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text, default="")
    inclusion: Mapped[str] = mapped_column(Text, default="")
    exclusion: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(9), default="#808080")
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Segment(Base):
    """One application of one code by one coder to ``[start, end)`` of one document."""

    __tablename__ = "segment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="RESTRICT"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20), default="manual")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint('start >= 0 AND start < "end"', name="span"),
        CheckConstraint(
            "origin IN ('manual', 'auto-code', 'import', 'adjudication')", name="origin"
        ),
        Index("ix_segment_document", "document_id", "start"),
        Index("ix_segment_code_document", "code_id", "document_id"),
        Index("ix_segment_coder", "coder_id"),
    )


class Memo(Base):
    """Free text on the project, a document, a code or a case."""

    __tablename__ = "memo"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "target_kind IN ('project', 'document', 'code', 'case')", name="target_kind"
        ),
        Index("ix_memo_target", "target_kind", "target_id"),
    )


class Event(Base):
    """One entry of the append-only audit log."""

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    coder_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(300), default="")
    target_kind: Mapped[str] = mapped_column(String(20), default="")
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)


class Outcome(Base):
    """An outcome-harvesting statement: who changed what, when and where.

    It is linked to the code whose segments are its evidence, and to the codes of
    the projects that contributed to it.
    """

    __tablename__ = "outcome"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), unique=True)
    statement: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(String(100), default="")
    location: Mapped[str] = mapped_column(String(300), default="")


class OutcomeContribution(Base):
    """A project (a code of the projects group) that contributed to an outcome."""

    __tablename__ = "outcome_contribution"
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("outcome.id", ondelete="CASCADE"), primary_key=True
    )
    project_code_id: Mapped[int] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), primary_key=True
    )


class CodeLink(Base):
    """A named relation between two codes (``causes``, ``is part of``...)."""

    __tablename__ = "code_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    origin_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    direction: Mapped[str] = mapped_column(String(20), default="Associative")
    colour: Mapped[str | None] = mapped_column(String(9), nullable=True)

    __table_args__ = (
        CheckConstraint(
            "direction IN ('Associative', 'OneWay', 'Bidirectional')", name="direction"
        ),
    )
