"""Builders of small REFI-QDA files for the tests, and a snapshot of a project's content."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from sqlalchemy import func, select

from db.schema import Attribute, AttributeValue, Base, Case, CaseDocument
from workbench import queries
from workbench.project import Project

REFI = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "refi-qda"
SAMPLES = REFI / "samples"
SCHEMAS = REFI / "schema"
NS = "urn:QDA-XML:project:1.0"
USER = "11111111-2222-3333-4444-555555555555"
CODE = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def guid() -> str:
    return str(uuid.uuid4())


@dataclass
class Sel:
    """A selection to write: positions as the pretended tool counts them."""

    start: int
    end: int
    name: str = ""
    code: str = CODE


@dataclass
class Src:
    """A text source to write, with its file name inside ``sources/``."""

    name: str
    file: str
    selections: list[Sel] = field(default_factory=list)
    guid: str = field(default_factory=guid)


def project_xml(origin: str, sources: list[Src], *, extra: str = "", path_prefix: str = "") -> str:
    """A small valid ``project.qde`` with one user and one code."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<Project xmlns="{NS}" name="Test" origin={quoteattr(origin)}>',
        f'<Users><User guid="{USER}" name="Tess Tool"/></Users>',
        f'<CodeBook><Codes><Code guid="{CODE}" name="Topic" isCodable="true"/></Codes></CodeBook>',
        "<Sources>",
    ]
    for source in sources:
        parts.append(
            f'<TextSource guid="{source.guid}" name={quoteattr(source.name)} '
            f'plainTextPath="internal://{path_prefix}{source.file}">'
        )
        for sel in source.selections:
            parts.append(
                f'<PlainTextSelection guid="{guid()}" name={quoteattr(sel.name)} '
                f'startPosition="{sel.start}" endPosition="{sel.end}" creatingUser="{USER}">'
                f'<Coding guid="{guid()}" creatingUser="{USER}">'
                f'<CodeRef targetGUID="{sel.code}"/></Coding></PlainTextSelection>'
            )
        parts.append("</TextSource>")
    parts.append("</Sources>")
    parts.append(extra)
    parts.append("</Project>")
    return "\n".join(parts)


def make_qdpx(
    path: Path,
    qde: str | bytes,
    files: dict[str, bytes] | None = None,
    *,
    qde_name: str = "project.qde",
    folder: str = "sources",
) -> Path:
    """Write an archive holding the XML and ``folder/<name>`` for each file."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde if isinstance(qde, bytes) else qde.encode("utf-8"))
        for name, data in (files or {}).items():
            archive.writestr(f"{folder}/{name}", data)
    return path


def table_counts(project: Project) -> dict[str, int]:
    """How many rows each table holds."""
    with project.read() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def _cases(project: Project, documents: dict[int, str]) -> dict[str, Any]:
    with project.read() as session:
        links = session.execute(select(CaseDocument.case_id, CaseDocument.document_id)).all()
        values = session.execute(
            select(AttributeValue.case_id, Attribute.name, AttributeValue.value)
            .join(Attribute, Attribute.id == AttributeValue.attribute_id)
            .where(AttributeValue.case_id.is_not(None))
        ).all()
        return {
            case.name: (
                case.description,
                sorted(documents[d] for c, d in links if c == case.id),
                sorted((name, value) for c, name, value in values if c == case.id),
            )
            for case in session.scalars(select(Case))
        }


def content(project: Project) -> dict[str, Any]:
    """What a round trip must give back, keyed by names and paths rather than ids."""
    documents = {d.id: d.name for d in project.documents()}
    codes = {c.id: c for c in project.codes()}
    coders = {c.id: c.name for c in project.coders()}
    with project.read() as session:
        memos = queries.memos(session)
        cases = {case.id: case.name for case in session.scalars(select(Case))}
    targets = {"document": documents, "code": {i: c.path for i, c in codes.items()}, "case": cases}
    return {
        "documents": {d.name: project.text(d.id) for d in project.documents()},
        "codes": {
            c.path: (c.colour, c.definition, c.inclusion, c.exclusion, c.example, c.label)
            for c in codes.values()
        },
        "codable": {c.path: c.codable for c in codes.values()},
        "groups": {c.path: c.group for c in codes.values()},
        "coders": sorted(coders.values()),
        "segments": sorted(
            (
                documents[s.document_id],
                codes[s.code_id].path,
                coders[s.coder_id],
                s.start,
                s.end,
                s.memo,
            )
            for s in project.segments()
        ),
        "memos": sorted(
            (
                m.target_kind,
                targets[m.target_kind][m.target_id] if m.target_id is not None else "",
                m.title,
                m.text,
            )
            for m in memos
        ),
        "attributes": {
            (a.scope, a.name): (a.kind, a.choices)
            for a in project.attributes("document") + project.attributes("case")
        },
        "values": {d.name: d.attributes for d in project.documents()},
        "cases": _cases(project, documents),
    }
