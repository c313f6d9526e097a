"""The vocabulary of the workbench as frozen dataclasses.

These are what crosses from the core to its clients (the GUI, the command line,
scripts): plain values keyed by integer ids. No ORM object leaves the core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class CoderInfo:
    """A person who codes."""

    id: int
    guid: str
    name: str
    initials: str
    colour: str
    role: str


@dataclass(frozen=True)
class DocumentInfo:
    """A document without its text, with counts for lists."""

    id: int
    guid: str
    name: str
    length: int
    source_format: str
    language: str | None
    original_filename: str | None
    sha256: str
    imported_at: datetime
    segments: int = 0
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeGroupInfo:
    """A named group of codes."""

    id: int
    guid: str
    name: str
    position: int


@dataclass(frozen=True)
class CodeInfo:
    """A node of the codebook, with its path and usage counts."""

    id: int
    guid: str
    parent_id: int | None
    group: str | None
    label: str
    name: str
    path: str
    definition: str
    inclusion: str
    exclusion: str
    example: str
    colour: str
    codable: bool
    position: int
    version: int
    segments: int = 0
    documents: int = 0


@dataclass(frozen=True)
class SegmentInfo:
    """One coded passage: ``text[start:end]`` of a document, in code points."""

    id: int
    guid: str
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str
    origin: str
    created_at: datetime


@dataclass(frozen=True)
class SpeakerTurnInfo:
    """A stretch of a document spoken by one speaker."""

    document_id: int
    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class AttributeInfo:
    """A typed variable on documents or cases."""

    id: int
    guid: str
    name: str
    kind: str
    scope: str
    choices: tuple[str, ...]
    position: int


@dataclass(frozen=True)
class MemoInfo:
    """Free text on the project, a document, a code or a case."""

    id: int
    guid: str
    target_kind: str
    target_id: int | None
    author_id: int | None
    title: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class EventInfo:
    """One entry of the audit log."""

    id: int
    at: datetime
    coder: str | None
    action: str
    label: str
    target_kind: str
    target_id: int | None
    before: str | None
    after: str | None


@dataclass(frozen=True)
class CodeLinkInfo:
    """A named relation between two codes."""

    id: int
    guid: str
    origin_id: int
    target_id: int
    name: str
    direction: str
    colour: str | None
