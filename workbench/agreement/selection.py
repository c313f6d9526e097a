"""What an agreement run compares: its coders, documents, codes and their segments.

Segments are read as five integer columns into NumPy arrays (no entity objects), so
that a corpus of many thousands of segments loads in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from sqlalchemy import select

from db.schema import Segment
from workbench.agreement.intervals import IntArray, check_intervals
from workbench.codebook.tree import SEPARATOR, CodeResolver
from workbench.entities import CodeInfo, CoderInfo, DocumentInfo
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project

Reference = str | int


@dataclass(frozen=True)
class Selection:
    """The coders, documents and codes compared, and the segments among them.

    The segment arrays hold, per segment, the index (not the id) of its coder in
    ``coders``, of its document in ``documents`` and of its code in ``codes``.
    """

    coders: tuple[CoderInfo, ...]
    documents: tuple[DocumentInfo, ...]
    codes: tuple[CodeInfo, ...]
    coder: IntArray
    document: IntArray
    code: IntArray
    start: IntArray
    end: IntArray

    @property
    def lengths(self) -> IntArray:
        """The length of each document in code points."""
        return np.array([d.length for d in self.documents], dtype=np.int64)


def _listing(coders: Sequence[CoderInfo]) -> str:
    return ", ".join(f"{c.name} ({c.initials})" for c in coders) or "none"


def resolve_coders(project: Project, references: Sequence[Reference]) -> list[CoderInfo]:
    """Coders by id, name or initials (case-insensitive), in the order given.

    Raises:
        NotFoundError: a coder the project does not have (the message lists those it has).
        InvalidInputError: fewer than two different coders.
    """
    everyone = project.coders()
    chosen: list[CoderInfo] = []
    for reference in references:
        key = str(reference).strip()
        found = [
            c
            for c in everyone
            if str(c.id) == key or key.casefold() in (c.name.casefold(), c.initials.casefold())
        ]
        if not found:
            raise NotFoundError(
                f"there is no coder {key!r}; the project's coders are {_listing(everyone)}"
            )
        if len(found) > 1:
            raise InvalidInputError(
                f"{key!r} names several coders ({_listing(found)}); use the name"
            )
        if found[0] in chosen:
            raise InvalidInputError(f"{found[0].name} is named twice")
        chosen.append(found[0])
    if len(chosen) < 2:
        raise InvalidInputError(
            f"agreement needs at least two coders; the project's coders are {_listing(everyone)}"
        )
    return chosen


def resolve_codes(project: Project, references: Sequence[Reference] | None) -> list[CodeInfo]:
    """Codes by id, path, name, label or group name, in codebook order.

    A group name stands for every codable code of the group; a folder (a code that
    cannot be applied) for its codable descendants. With no references, every codable
    code.

    Raises:
        NotFoundError: a reference that matches no code and no group.
        InvalidInputError: a name or label shared by several codes.
    """
    codes = project.codes()
    if not references:
        return [c for c in codes if c.codable]
    by_id = {c.id: c for c in codes}
    groups = {c.group.casefold() for c in codes if c.group}
    wanted: set[int] = set()
    with project.read() as session:
        resolver = CodeResolver(session)
        for reference in references:
            key = str(reference).strip()
            code_id = reference if isinstance(reference, int) else None
            if code_id is None and key.casefold() in groups:
                found = [c for c in codes if c.group and c.group.casefold() == key.casefold()]
            else:
                if code_id is None:
                    code_id = resolver.find(key)
                if code_id is None and key.isdigit():
                    code_id = int(key)
                if code_id not in by_id:
                    group_names = ", ".join(sorted({c.group for c in codes if c.group}))
                    raise NotFoundError(
                        f"there is no code or code group {key!r} (codes are named by path, "
                        f"name, label or id; the groups are {group_names or 'none'})"
                    )
                found = [by_id[code_id]]
            for code in found:
                if code.codable:
                    wanted.add(code.id)
                else:
                    prefix = code.path + SEPARATOR
                    wanted.update(c.id for c in codes if c.codable and c.path.startswith(prefix))
    return [c for c in codes if c.id in wanted]


def resolve_documents(
    project: Project, references: Sequence[Reference] | None, coders: Sequence[CoderInfo]
) -> list[DocumentInfo]:
    """Documents by id or name; by default those that every chosen coder has coded.

    Raises:
        NotFoundError: a document the project does not have.
        InvalidInputError: no document is coded by every chosen coder.
    """
    documents = project.documents()
    if references:
        wanted: set[int] = set()
        by_id = {d.id: d for d in documents}
        for reference in references:
            if isinstance(reference, int):
                document_id = reference
            elif reference.strip().isdigit() and not any(d.name == reference for d in documents):
                document_id = int(reference)
            else:
                document_id = project.document_id(reference.strip())
            if document_id not in by_id:
                raise NotFoundError(f"there is no document with id {document_id}")
            wanted.add(document_id)
        return [d for d in documents if d.id in wanted]
    ids = [c.id for c in coders]
    with project.read() as session:
        pairs = session.execute(
            select(Segment.document_id, Segment.coder_id)
            .where(Segment.coder_id.in_(ids))
            .distinct()
        ).all()
    coded: dict[int, set[int]] = {}
    for document_id, coder_id in pairs:
        coded.setdefault(coder_id, set()).add(document_id)
    common = set.intersection(*(coded.get(i, set()) for i in ids))
    if not common:
        counts = ", ".join(f"{c.name}: {len(coded.get(c.id, set()))}" for c in coders)
        raise InvalidInputError(
            f"no document has been coded by every chosen coder (documents coded: {counts})"
        )
    return [d for d in documents if d.id in common]


def load_selection(
    project: Project,
    coders: Sequence[Reference],
    *,
    documents: Sequence[Reference] | None = None,
    codes: Sequence[Reference] | None = None,
) -> Selection:
    """Resolve the coders, documents and codes, and read their segments.

    Raises:
        NotFoundError: an unknown coder, document or code.
        InvalidInputError: fewer than two coders, no common document, no code, or a
            segment that is empty or beyond its document's end.
    """
    chosen = resolve_coders(project, coders)
    texts = resolve_documents(project, documents, chosen)
    chosen_codes = resolve_codes(project, codes)
    if not chosen_codes:
        raise InvalidInputError("no codable code was selected")
    coder_index = {c.id: i for i, c in enumerate(chosen)}
    document_index = {d.id: i for i, d in enumerate(texts)}
    code_index = {c.id: i for i, c in enumerate(chosen_codes)}
    query = select(
        Segment.coder_id, Segment.document_id, Segment.code_id, Segment.start, Segment.end
    ).where(
        Segment.coder_id.in_(list(coder_index)),
        Segment.document_id.in_(list(document_index)),
        Segment.code_id.in_(list(code_index)),
    )
    with project.read() as session:
        found = session.execute(query).all()
    # Flattening the rows first is many times faster than NumPy probing each row object.
    rows = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=5 * len(found))
    rows = rows.reshape(-1, 5)

    def indices(column: int, mapping: dict[int, int]) -> IntArray:
        lookup = np.zeros(max(mapping) + 1, dtype=np.int64)
        lookup[list(mapping)] = list(mapping.values())
        return np.asarray(lookup[rows[:, column]], dtype=np.int64)

    selection = Selection(
        coders=tuple(chosen),
        documents=tuple(texts),
        codes=tuple(chosen_codes),
        coder=indices(0, coder_index),
        document=indices(1, document_index),
        code=indices(2, code_index),
        start=rows[:, 3].copy(),
        end=rows[:, 4].copy(),
    )
    check_intervals(selection.start, selection.end, selection.lengths[selection.document])
    return selection
