"""A project's codings read once into arrays, for every matrix of an export.

Segments are read as integer columns into a DataFrame (no entity objects); texts are
read only when a query needs them (paragraphs, quotes) and kept for the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import select

from db.schema import Document, Segment
from workbench import queries
from workbench.analysis.labels import MULTI_VALUED, ROLES
from workbench.entities import AttributeInfo, CodeGroupInfo, CodeInfo, CoderInfo, DocumentInfo
from workbench.project import Project

#: The segment columns, all integers.
SEGMENT_COLUMNS = ("segment", "document", "code", "coder", "start", "end")
#: Roles looked up besides the matrix columns (for summaries).
EXTRA_ROLES = ("interview_date", "language")


@dataclass
class Corpus:
    """Documents, codebook, coders and segments of a project at one moment.

    Attributes:
        project: the project it was read from (for texts, read on demand).
        documents: in project order.
        codes: the codebook in tree order.
        coders: by name.
        groups: the code groups in order.
        attributes: the document attributes in order.
        roles: attribute role (``state``, ``source_type``...) -> attribute id.
        segments: one row per segment, columns :data:`SEGMENT_COLUMNS` and ``order``
            (the document's index in ``documents``), sorted by document order, start,
            end and id.
    """

    project: Project
    documents: tuple[DocumentInfo, ...]
    codes: tuple[CodeInfo, ...]
    coders: tuple[CoderInfo, ...]
    groups: tuple[CodeGroupInfo, ...]
    attributes: tuple[AttributeInfo, ...]
    roles: dict[str, int]
    segments: pd.DataFrame
    _texts: dict[int, str] = field(default_factory=dict, repr=False)
    _lines: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def document_order(self) -> dict[int, int]:
        """Document id -> index in :attr:`documents`."""
        return {d.id: index for index, d in enumerate(self.documents)}

    @property
    def code_by_id(self) -> dict[int, CodeInfo]:
        """Code id -> code."""
        return {c.id: c for c in self.codes}

    @property
    def coder_by_id(self) -> dict[int, CoderInfo]:
        """Coder id -> coder."""
        return {c.id: c for c in self.coders}

    def attribute(self, attribute_id: int) -> AttributeInfo:
        """The attribute with this id."""
        return next(a for a in self.attributes if a.id == attribute_id)

    def values(self, attribute_id: int, *, multi: bool | None = None) -> dict[int, list[str]]:
        """Each document's values of an attribute (a list: some attributes hold several).

        Args:
            attribute_id: the attribute.
            multi: split values on ``;``; by default only for the ILAB-project role.
        """
        name = self.attribute(attribute_id).name
        if multi is None:
            multi = any(self.roles.get(role) == attribute_id for role in MULTI_VALUED)
        result: dict[int, list[str]] = {}
        for document in self.documents:
            raw = document.attributes.get(name, "").strip()
            if not raw:
                result[document.id] = []
            elif multi:
                result[document.id] = [p.strip() for p in raw.split(";") if p.strip()]
            else:
                result[document.id] = [raw]
        return result

    def texts(self, document_ids: list[int] | set[int]) -> dict[int, str]:
        """The texts of these documents (read once, then kept)."""
        missing = [i for i in document_ids if i not in self._texts]
        if missing:
            with self.project.read() as session:
                for start in range(0, len(missing), 500):
                    chunk = missing[start : start + 500]
                    rows = session.execute(
                        select(Document.id, Document.text).where(Document.id.in_(chunk))
                    )
                    self._texts.update({ident: text for ident, text in rows})
        return {i: self._texts[i] for i in document_ids}

    def line_breaks(self, document_id: int) -> np.ndarray:
        """The code-point offsets of the line breaks of a document, ascending."""
        if document_id not in self._lines:
            text = self.texts([document_id])[document_id]
            points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            self._lines[document_id] = np.flatnonzero(points == 10).astype(np.int64)
        return self._lines[document_id]

    def lines(self, document_id: int, offsets: np.ndarray) -> np.ndarray:
        """The 1-based line (paragraph) numbers of offsets in a document."""
        breaks = self.line_breaks(document_id)
        return np.searchsorted(breaks, offsets, side="left").astype(np.int64) + 1


def load_corpus(project: Project) -> Corpus:
    """Read a project's documents, codebook, coders and segments.

    Args:
        project: an open project.
    """
    with project.read() as session:
        documents = tuple(queries.documents(session))
        codes = tuple(queries.codes(session))
        coders = tuple(queries.coders(session))
        groups = tuple(queries.code_groups(session))
        attributes = tuple(queries.attributes(session, "document"))
        roles: dict[str, int] = {}
        for role in (*ROLES, *EXTRA_ROLES):
            found = queries.attribute_for_role(session, role)
            if found is not None:
                roles[role] = found
        rows = session.execute(
            select(
                Segment.id,
                Segment.document_id,
                Segment.code_id,
                Segment.coder_id,
                Segment.start,
                Segment.end,
            )
        ).all()
    # Plain tuples: numpy reads SQLAlchemy rows one attribute lookup at a time.
    data = np.array([tuple(row) for row in rows], dtype=np.int64).reshape(-1, len(SEGMENT_COLUMNS))
    frame = pd.DataFrame(data, columns=list(SEGMENT_COLUMNS))
    order = {d.id: index for index, d in enumerate(documents)}
    frame["order"] = frame["document"].map(order).astype(np.int64)
    frame = frame.sort_values(["order", "start", "end", "segment"], kind="stable")
    return Corpus(
        project=project,
        documents=documents,
        codes=codes,
        coders=coders,
        groups=groups,
        attributes=attributes,
        roles=roles,
        segments=frame.reset_index(drop=True),
    )
