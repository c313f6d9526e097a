"""Reading everything an export writes from a project, in one read session."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.schema import (
    AttributeValue,
    Case,
    CaseDocument,
    Code,
    Document,
    Outcome,
    Setting,
    SpeakerTurn,
)
from workbench import queries
from workbench.entities import (
    AttributeInfo,
    CodeGroupInfo,
    CodeInfo,
    CodeLinkInfo,
    CoderInfo,
    MemoInfo,
    SegmentInfo,
)
from workbench.project import Project


@dataclass(frozen=True)
class DocumentRow:
    """A document with its text, for export."""

    id: int
    guid: str
    name: str
    text: str
    imported_by: int | None
    imported_at: datetime


@dataclass(frozen=True)
class CaseRow:
    """A case with its documents, for export."""

    id: int
    guid: str
    name: str
    description: str
    documents: tuple[int, ...]


@dataclass
class ProjectData:
    """Everything an export needs.

    Attributes:
        values: ``(owner kind, owner id)`` -> attribute id -> value.
        group_members: code group id -> the ids of its codes.
        unexportable: what the format has no place for -> how many the project has.
    """

    name: str
    created: datetime | None
    current_coder: int | None
    coders: list[CoderInfo]
    codes: list[CodeInfo]
    groups: list[CodeGroupInfo]
    group_members: dict[int, list[int]]
    documents: list[DocumentRow]
    segments: list[SegmentInfo]
    memos: list[MemoInfo]
    attributes: list[AttributeInfo]
    values: dict[tuple[str, int], dict[int, str]]
    cases: list[CaseRow]
    unexportable: dict[str, int] = field(default_factory=dict)
    links: list[CodeLinkInfo] = field(default_factory=list)


def _created(session: Session) -> datetime | None:
    setting = session.get(Setting, "created_at")
    try:
        return datetime.fromisoformat(setting.value).astimezone(UTC) if setting else None
    except ValueError:
        return None


def gather(project: Project, *, with_sources: bool = True) -> ProjectData:
    """Read the project (or only its codebook when ``with_sources`` is False)."""
    with project.read() as session:
        group_members: dict[int, list[int]] = defaultdict(list)
        for code_id, group_id in session.execute(
            select(Code.id, Code.group_id).where(Code.group_id.is_not(None)).order_by(Code.id)
        ):
            if group_id is not None:
                group_members[group_id].append(code_id)
        data = ProjectData(
            name=project.setting("name") or "Project",
            created=_created(session),
            current_coder=project.coder_id,
            coders=queries.coders(session),
            codes=queries.codes(session),
            groups=queries.code_groups(session),
            group_members=dict(group_members),
            documents=[],
            segments=[],
            memos=[],
            attributes=[],
            values={},
            cases=[],
        )
        if with_sources:
            _read_sources(session, data)
    return data


def _read_sources(session: Session, data: ProjectData) -> None:
    data.documents = [
        DocumentRow(d.id, d.guid, d.name, d.text, d.imported_by, d.imported_at)
        for d in session.scalars(select(Document).order_by(Document.position, Document.id))
    ]
    data.segments = queries.segments(session)
    data.memos = queries.memos(session)
    data.links = queries.code_links(session)
    data.attributes = queries.attributes(session, "document") + queries.attributes(session, "case")
    for value in session.scalars(select(AttributeValue)):
        owner = ("document", value.document_id) if value.document_id else ("case", value.case_id)
        if owner[1] is not None:
            data.values.setdefault((owner[0], owner[1]), {})[value.attribute_id] = value.value
    links: dict[int, list[int]] = defaultdict(list)
    for case_id, document_id in session.execute(
        select(CaseDocument.case_id, CaseDocument.document_id)
    ):
        links[case_id].append(document_id)
    data.cases = [
        CaseRow(c.id, c.guid, c.name, c.description, tuple(links.get(c.id, [])))
        for c in session.scalars(select(Case).order_by(Case.id))
    ]
    outcomes = session.scalar(select(func.count(Outcome.id))) or 0
    turns = session.scalar(select(func.count(SpeakerTurn.id))) or 0
    data.unexportable = {
        "outcome statements (period, location, contributing projects)": outcomes,
        "speaker turns (found again when the text is imported)": turns,
    }
