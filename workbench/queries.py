"""Read-only queries that return the entities of :mod:`workbench.entities`."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.schema import (
    Attribute,
    AttributeValue,
    Code,
    CodeGroup,
    Coder,
    Document,
    Event,
    Memo,
    Segment,
    Setting,
    SpeakerTurn,
)
from workbench.attributes import parse_choices
from workbench.codebook.tree import paths_by_id
from workbench.entities import (
    AttributeInfo,
    CodeGroupInfo,
    CodeInfo,
    CodeLinkInfo,
    CoderInfo,
    DocumentInfo,
    EventInfo,
    MemoInfo,
    SegmentInfo,
    SpeakerTurnInfo,
)
from workbench.errors import NotFoundError


def coders(session: Session) -> list[CoderInfo]:
    """Every coder, by name."""
    rows = session.scalars(select(Coder).order_by(Coder.name)).all()
    return [CoderInfo(c.id, c.guid, c.name, c.initials, c.colour, c.role) for c in rows]


def attributes(session: Session, scope: str = "document") -> list[AttributeInfo]:
    """The attributes of documents (or cases), in their order."""
    rows = session.scalars(
        select(Attribute).where(Attribute.scope == scope).order_by(Attribute.position)
    ).all()
    return [
        AttributeInfo(a.id, a.guid, a.name, a.kind, a.scope, parse_choices(a.choices), a.position)
        for a in rows
    ]


def document_attributes(session: Session) -> dict[int, dict[str, str]]:
    """Attribute values of every document: document id -> attribute name -> value."""
    query = (
        select(AttributeValue.document_id, Attribute.name, AttributeValue.value)
        .join(Attribute, Attribute.id == AttributeValue.attribute_id)
        .where(AttributeValue.document_id.is_not(None))
        .order_by(Attribute.position)
    )
    values: dict[int, dict[str, str]] = {}
    for owner, name, value in session.execute(query):
        if owner is not None:
            values.setdefault(owner, {})[name] = value
    return values


def documents(session: Session, coder_ids: Collection[int] | None = None) -> list[DocumentInfo]:
    """Every document in project order, with its segment count and attributes (no text)."""
    counts_query = select(Segment.document_id, func.count(Segment.id)).group_by(Segment.document_id)
    if coder_ids is not None:
        counts_query = counts_query.where(Segment.coder_id.in_(coder_ids))
    counts = {document_id: count for document_id, count in session.execute(counts_query)}
    values = document_attributes(session)
    query = select(
        Document.id,
        Document.guid,
        Document.name,
        Document.length,
        Document.source_format,
        Document.language,
        Document.original_filename,
        Document.sha256,
        Document.imported_at,
    ).order_by(Document.position, Document.id)
    return [
        DocumentInfo(*row, segments=counts.get(row.id, 0), attributes=values.get(row.id, {}))
        for row in session.execute(query)
    ]


def document_id(session: Session, name: str) -> int:
    """The id of the document with this name (exact, then case-insensitive)."""
    found = session.scalars(select(Document.id).where(Document.name == name)).first()
    if found is None:
        matches = session.scalars(
            select(Document.id).where(func.lower(Document.name) == name.lower())
        ).all()
        if len(matches) == 1:
            found = matches[0]
    if found is None:
        raise NotFoundError(f"there is no document named {name!r}")
    return found


def document_text(session: Session, document_id: int) -> str:
    """The full text of a document."""
    text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise NotFoundError(f"there is no document with id {document_id}")
    return text


def speaker_turns(session: Session, document_id: int) -> list[SpeakerTurnInfo]:
    """The speaker turns of a document, in order."""
    query = (
        select(SpeakerTurn)
        .where(SpeakerTurn.document_id == document_id)
        .order_by(SpeakerTurn.start)
    )
    return [
        SpeakerTurnInfo(t.document_id, t.start, t.end, t.speaker) for t in session.scalars(query)
    ]


def code_groups(session: Session) -> list[CodeGroupInfo]:
    """The code groups in order."""
    rows = session.scalars(select(CodeGroup).order_by(CodeGroup.position, CodeGroup.id)).all()
    return [CodeGroupInfo(g.id, g.guid, g.name, g.position) for g in rows]


def codes(session: Session, coder_ids: Collection[int] | None = None) -> list[CodeInfo]:
    """The codebook in tree order (each parent before its children), with usage counts.

    Args:
        session: an open session.
        coder_ids: count only these coders' segments (all coders when None).
    """
    counts_query = select(
        Segment.code_id, func.count(Segment.id), func.count(func.distinct(Segment.document_id))
    ).group_by(Segment.code_id)
    if coder_ids is not None:
        counts_query = counts_query.where(Segment.coder_id.in_(coder_ids))
    counts = {code_id: (n, docs) for code_id, n, docs in session.execute(counts_query)}
    groups = {g.id: g.name for g in session.scalars(select(CodeGroup))}
    rows = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    paths = paths_by_id({c.id: c.parent_id for c in rows}, {c.id: c.name for c in rows})
    children: dict[int | None, list[Code]] = {}
    for code in rows:
        children.setdefault(code.parent_id, []).append(code)
    group_order = {g.id: g.position for g in session.scalars(select(CodeGroup))}
    roots = sorted(
        children.get(None, []),
        key=lambda c: (
            group_order.get(c.group_id, 10**6) if c.group_id is not None else 10**6,
            c.position,
            c.id,
        ),
    )
    ordered: list[CodeInfo] = []
    stack = list(reversed(roots))
    while stack:
        code = stack.pop()
        n, docs = counts.get(code.id, (0, 0))
        ordered.append(
            CodeInfo(
                id=code.id,
                guid=code.guid,
                parent_id=code.parent_id,
                group=groups.get(code.group_id) if code.group_id is not None else None,
                label=code.label,
                name=code.name,
                path=paths[code.id],
                definition=code.definition,
                inclusion=code.inclusion,
                exclusion=code.exclusion,
                example=code.example,
                colour=code.colour,
                codable=code.codable,
                position=code.position,
                version=code.version,
                segments=n,
                documents=docs,
            )
        )
        stack.extend(reversed(children.get(code.id, [])))
    return ordered


def segments(
    session: Session,
    *,
    document_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    segment_ids: Collection[int] | None = None,
) -> list[SegmentInfo]:
    """Segments, optionally of some documents, codes, coders or ids, by document and position."""
    query = select(
        Segment.id,
        Segment.guid,
        Segment.document_id,
        Segment.code_id,
        Segment.coder_id,
        Segment.start,
        Segment.end,
        Segment.memo,
        Segment.origin,
        Segment.created_at,
    ).order_by(Segment.document_id, Segment.start, Segment.end, Segment.id)
    if document_ids is not None:
        query = query.where(Segment.document_id.in_(document_ids))
    if code_ids is not None:
        query = query.where(Segment.code_id.in_(code_ids))
    if coder_ids is not None:
        query = query.where(Segment.coder_id.in_(coder_ids))
    if segment_ids is not None:
        query = query.where(Segment.id.in_(segment_ids))
    return [
        SegmentInfo(
            id=row.id,
            guid=row.guid,
            document_id=row.document_id,
            code_id=row.code_id,
            coder_id=row.coder_id,
            start=row.start,
            end=row.end,
            memo=row.memo,
            origin=row.origin,
            created_at=row.created_at,
        )
        for row in session.execute(query)
    ]


def memos(
    session: Session, target_kind: str | None = None, target_id: int | None = None
) -> list[MemoInfo]:
    """Memos, optionally only those on one target."""
    query = select(Memo).order_by(Memo.created_at, Memo.id)
    if target_kind is not None:
        query = query.where(Memo.target_kind == target_kind)
    if target_id is not None:
        query = query.where(Memo.target_id == target_id)
    return [
        MemoInfo(
            m.id, m.guid, m.target_kind, m.target_id, m.author_id, m.title, m.text, m.updated_at
        )
        for m in session.scalars(query)
    ]


def events(session: Session, limit: int | None = None) -> list[EventInfo]:
    """The audit log, newest first."""
    query = (
        select(Event, Coder.name)
        .outerjoin(Coder, Coder.id == Event.coder_id)
        .order_by(Event.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        EventInfo(
            e.id, e.at, name, e.action, e.label, e.target_kind, e.target_id, e.before, e.after
        )
        for e, name in session.execute(query)
    ]


#: Names an attribute of a role may have in a project made without the template.
_ROLE_NAMES = {
    "source_type": ("source type", "tipo de fuente", "source_type"),
    "state": ("state", "estado"),
    "sector": ("sector",),
    "respondent_type": ("respondent type", "tipo de informante", "respondent_type"),
    "gender": ("gender", "género", "genero"),
    "ilab_project": ("ilab project", "proyecto de ilab", "proyecto ilab", "ilab_project"),
    "interview_date": (
        "interview date",
        "fecha de la entrevista",
        "date",
        "fecha",
        "interview_date",
    ),
}


def attribute_for_role(session: Session, role: str) -> int | None:
    """The id of the attribute playing a role (``source_type``, ``state``...), if any."""
    setting = session.get(Setting, "attribute_role." + role)
    if setting is not None and setting.value.isdigit():
        return int(setting.value)
    names = _ROLE_NAMES.get(role, (role,))
    for attribute in session.scalars(select(Attribute).where(Attribute.scope == "document")):
        if attribute.name.casefold() in names:
            return attribute.id
    return None


def cases(session: Session) -> list[tuple[int, str, list[int]]]:
    """Every case as ``(id, name, linked document ids)``, by name."""
    from db.schema import Case, CaseDocument

    links: dict[int, list[int]] = {}
    for case_id, document_id in session.execute(
        select(CaseDocument.case_id, CaseDocument.document_id)
    ):
        links.setdefault(case_id, []).append(document_id)
    return [
        (c.id, c.name, sorted(links.get(c.id, [])))
        for c in session.scalars(select(Case).order_by(Case.name))
    ]


def code_links(session: Session) -> list[CodeLinkInfo]:
    """Every link between codes."""
    from db.schema import CodeLink

    rows = session.scalars(select(CodeLink).order_by(CodeLink.id)).all()
    return [
        CodeLinkInfo(r.id, r.guid, r.origin_id, r.target_id, r.name, r.direction, r.colour)
        for r in rows
    ]
