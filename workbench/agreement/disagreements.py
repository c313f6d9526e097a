"""Where two coders disagree: the passages a team lead reviews and adjudicates.

Per document and code, each coder's segments are taken as the union of their spans
(overlapping or touching segments of one coder count once). The two unions are cut into
*stretches*: pieces of either coder that overlap belong to one stretch. A stretch where
both coders hold exactly the same span is an agreement; any other stretch is a
disagreement, of one of three kinds:

- ``only_a``: the first coder coded it and the second did not;
- ``only_b``: the second coder coded it and the first did not;
- ``boundaries``: both coded it, with different starts or ends.

Disagreements on different codes over overlapping text share a *passage* number, so
that a passage one coder coded as ``2b`` and the other as ``2c`` reads as "coded
differently" rather than as two unrelated omissions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.schema import Segment
from workbench import queries
from workbench.agreement.selection import (
    Reference,
    resolve_coders,
    resolve_codes,
    resolve_documents,
)
from workbench.entities import SegmentInfo
from workbench.errors import InvalidInputError
from workbench.project import Project

KINDS = ("only_a", "only_b", "boundaries")


@dataclass(frozen=True)
class CoderSpan:
    """One piece of a coder's union of spans, with the segments it came from."""

    start: int
    end: int
    segment_ids: tuple[int, ...]


@dataclass(frozen=True, order=True)
class DisagreementKey:
    """What names a disagreement: the two coders, the document, the code and the span.

    ``str(key)`` is ``A-B/DOCUMENT/CODE/START-END`` (ids and code points) and
    :meth:`parse` reads it back. :attr:`passage` leaves the coders out: it is the same
    whichever coder is called ``a``.
    """

    coder_a: int
    coder_b: int
    document_id: int
    code_id: int
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.coder_a}-{self.coder_b}/{self.passage}"

    @property
    def passage(self) -> str:
        """``DOCUMENT/CODE/START-END``: the disagreement without its coders."""
        return f"{self.document_id}/{self.code_id}/{self.start}-{self.end}"

    @classmethod
    def parse(cls, text: str) -> DisagreementKey:
        """Read a key written by ``str(key)``.

        Raises:
            InvalidInputError: the text is not such a key.
        """
        try:
            coders, document, code, span = text.strip().split("/")
            a, b = coders.split("-")
            start, end = span.split("-")
            return cls(int(a), int(b), int(document), int(code), int(start), int(end))
        except ValueError:
            raise InvalidInputError(
                f"{text!r} is not a disagreement key (CODER-CODER/DOCUMENT/CODE/START-END)"
            ) from None


@dataclass(frozen=True)
class Disagreement:
    """A stretch of one document where two coders applied one code differently.

    Attributes:
        coder_a: the first coder's id.
        coder_b: the second coder's id.
        document_id: the document.
        document: its name.
        code_id: the code.
        code: the code's label, or its name when it has no label.
        path: the code's path in the codebook.
        start: where the stretch begins (code points, 0-based).
        end: where it ends (exclusive): ``[start, end)`` is the union of both coders'
            pieces.
        spans_a: the first coder's pieces in the stretch, with their segment ids.
        spans_b: the second coder's pieces.
        passage: a number shared by the disagreements of one document, on any code,
            whose stretches overlap.
        alternatives: for ``only_a`` (``only_b``), the codes that the second (first)
            coder applied, in the same passage, where the other did not: what the text
            was coded as instead.
    """

    coder_a: int
    coder_b: int
    document_id: int
    document: str
    code_id: int
    code: str
    path: str
    start: int
    end: int
    spans_a: tuple[CoderSpan, ...]
    spans_b: tuple[CoderSpan, ...]
    passage: int = 0
    alternatives: tuple[int, ...] = ()

    @property
    def kind(self) -> str:
        """``only_a``, ``only_b`` or ``boundaries``."""
        if not self.spans_b:
            return "only_a"
        if not self.spans_a:
            return "only_b"
        return "boundaries"

    @property
    def coded_differently(self) -> bool:
        """Whether the coder who left this code out applied another code here."""
        return bool(self.alternatives)

    @property
    def key(self) -> DisagreementKey:
        """The key that names this disagreement (see :class:`DisagreementKey`)."""
        return DisagreementKey(
            self.coder_a, self.coder_b, self.document_id, self.code_id, self.start, self.end
        )


@dataclass(frozen=True)
class Stretch:
    """A stretch of one document and code, where the coders agree or not."""

    document_id: int
    code_id: int
    start: int
    end: int
    spans_a: tuple[CoderSpan, ...]
    spans_b: tuple[CoderSpan, ...]

    @property
    def agreed(self) -> bool:
        """Whether both coders hold exactly the same span here."""
        return [(s.start, s.end) for s in self.spans_a] == [(s.start, s.end) for s in self.spans_b]


def union_spans(spans: Iterable[tuple[int, int, int]]) -> list[CoderSpan]:
    """The union of ``(start, end, segment_id)`` spans as sorted, disjoint pieces.

    Spans that overlap or touch merge into one piece, which keeps every segment id.
    """
    pieces: list[CoderSpan] = []
    for start, end, segment_id in sorted(spans):
        if pieces and start <= pieces[-1].end:
            last = pieces[-1]
            pieces[-1] = CoderSpan(last.start, max(last.end, end), (*last.segment_ids, segment_id))
        else:
            pieces.append(CoderSpan(start, end, (segment_id,)))
    return pieces


def stretches(pieces_a: Sequence[CoderSpan], pieces_b: Sequence[CoderSpan]) -> list[Stretch]:
    """Cut two coders' pieces (of one document and code) into stretches.

    Pieces of either coder that overlap (share at least one position) fall into one
    stretch; pieces that only touch stay apart. The stretches have document and code 0:
    :func:`compare_segments` fills them in.
    """
    tagged = sorted(
        [(p.start, p.end, 0, p) for p in pieces_a] + [(p.start, p.end, 1, p) for p in pieces_b],
        key=lambda item: (item[0], item[1], item[2]),
    )
    found: list[Stretch] = []
    group: list[tuple[int, CoderSpan]] = []
    reach = -1
    for start, end, side, piece in tagged:
        if group and start >= reach:
            found.append(_stretch(group))
            group = []
        group.append((side, piece))
        reach = max(reach, end) if len(group) > 1 else end
    if group:
        found.append(_stretch(group))
    return found


def _stretch(group: list[tuple[int, CoderSpan]]) -> Stretch:
    a = tuple(p for side, p in group if side == 0)
    b = tuple(p for side, p in group if side == 1)
    start = min(p.start for _, p in group)
    end = max(p.end for _, p in group)
    return Stretch(0, 0, start, end, a, b)


def compare_segments(segments: Iterable[SegmentInfo], coder_a: int, coder_b: int) -> list[Stretch]:
    """Every stretch, agreed or not, of two coders' segments, by document, code and start.

    Segments of other coders are ignored.
    """
    spans: dict[tuple[int, int], tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]]
    spans = defaultdict(lambda: ([], []))
    for segment in segments:
        if segment.coder_id not in (coder_a, coder_b):
            continue
        side = 0 if segment.coder_id == coder_a else 1
        spans[segment.document_id, segment.code_id][side].append(
            (segment.start, segment.end, segment.id)
        )
    found: list[Stretch] = []
    for (document_id, code_id), (of_a, of_b) in sorted(spans.items()):
        for s in stretches(union_spans(of_a), union_spans(of_b)):
            found.append(Stretch(document_id, code_id, s.start, s.end, s.spans_a, s.spans_b))
    return found


def common_documents(session: Session, coder_a: int, coder_b: int) -> list[int]:
    """The ids of the documents both coders have coded, in id order."""
    pairs = session.execute(
        select(Segment.document_id, Segment.coder_id)
        .where(Segment.coder_id.in_([coder_a, coder_b]))
        .distinct()
    ).all()
    coded: dict[int, set[int]] = {coder_a: set(), coder_b: set()}
    for document_id, coder_id in pairs:
        coded[coder_id].add(document_id)
    return sorted(coded[coder_a] & coded[coder_b])


def load_stretches(
    session: Session,
    coder_a: int,
    coder_b: int,
    document_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> list[Stretch]:
    """The stretches of two coders in a session (for commands that work inside one).

    Args:
        session: an open session.
        coder_a: the first coder's id.
        coder_b: the second coder's id.
        document_ids: the documents; by default those both coders have coded.
        code_ids: the codes; by default every code.
    """
    if document_ids is None:
        document_ids = common_documents(session, coder_a, coder_b)
    found = queries.segments(
        session, document_ids=document_ids, code_ids=code_ids, coder_ids=[coder_a, coder_b]
    )
    return compare_segments(found, coder_a, coder_b)


@dataclass(frozen=True)
class Comparison:
    """Two coders' stretches over resolved documents and codes, with their names."""

    coder_a: int
    coder_b: int
    stretches: tuple[Stretch, ...]
    documents: dict[int, tuple[int, str]]  # id -> (order, name)
    codes: dict[int, tuple[int, str, str]]  # id -> (order, label or name, path)


def compare_coders(
    project: Project,
    coder_a: Reference,
    coder_b: Reference,
    documents: Sequence[Reference] | None = None,
    codes: Sequence[Reference] | None = None,
) -> Comparison:
    """Resolve two coders, documents and codes as agreement does, and compare them.

    Raises:
        NotFoundError: an unknown coder, document or code.
        InvalidInputError: the same coder twice, or no document both have coded.
    """
    first, second = resolve_coders(project, [coder_a, coder_b])
    chosen_documents = resolve_documents(project, documents, [first, second])
    chosen_codes = resolve_codes(project, codes)
    with project.read() as session:
        found = load_stretches(
            session,
            first.id,
            second.id,
            [d.id for d in chosen_documents],
            [c.id for c in chosen_codes],
        )
    return Comparison(
        first.id,
        second.id,
        tuple(found),
        {d.id: (i, d.name) for i, d in enumerate(chosen_documents)},
        {c.id: (i, c.label or c.name, c.path) for i, c in enumerate(chosen_codes)},
    )


def find_disagreements(
    project: Project,
    coder_a: Reference,
    coder_b: Reference,
    documents: Sequence[Reference] | None = None,
    codes: Sequence[Reference] | None = None,
) -> list[Disagreement]:
    """The passages where two coders applied a code differently.

    Each coder's segments with one code in one document count as the union of their
    spans; pieces of the two coders that overlap form one stretch, and every stretch
    where the two do not hold exactly the same span is a disagreement (see the module's
    description for the kinds and passages).

    Args:
        project: an open project.
        coder_a: the first coder, by name, initials or id.
        coder_b: the second coder.
        documents: names or ids; by default the documents both coders have coded.
        codes: ids, paths, names, labels or group names; by default every codable code.

    Returns:
        The disagreements in document order, then by start, end and codebook order.

    Raises:
        NotFoundError: an unknown coder, document or code.
        InvalidInputError: the same coder twice, or no document both have coded.
    """
    comparison = compare_coders(project, coder_a, coder_b, documents, codes)
    return disagreements_of(comparison)


def disagreements_of(comparison: Comparison) -> list[Disagreement]:
    """The disagreements among a comparison's stretches, sorted, with passages."""
    open_stretches = [s for s in comparison.stretches if not s.agreed]
    open_stretches.sort(
        key=lambda s: (
            comparison.documents[s.document_id][0],
            s.start,
            s.end,
            comparison.codes[s.code_id][0],
        )
    )
    passages = _passages(open_stretches)
    alternatives = _alternatives(open_stretches, passages)
    found = []
    for index, s in enumerate(open_stretches):
        _order, label, path = comparison.codes[s.code_id]
        found.append(
            Disagreement(
                coder_a=comparison.coder_a,
                coder_b=comparison.coder_b,
                document_id=s.document_id,
                document=comparison.documents[s.document_id][1],
                code_id=s.code_id,
                code=label,
                path=path,
                start=s.start,
                end=s.end,
                spans_a=s.spans_a,
                spans_b=s.spans_b,
                passage=passages[index],
                alternatives=alternatives[index],
            )
        )
    return found


def _passages(ordered: Sequence[Stretch]) -> list[int]:
    """A passage number per stretch: overlapping stretches of one document share one.

    ``ordered`` is sorted by document, then start.
    """
    numbers: list[int] = []
    number = -1
    document: int | None = None
    reach = -1
    for s in ordered:
        if s.document_id != document or s.start >= reach:
            number += 1
            document, reach = s.document_id, s.end
        else:
            reach = max(reach, s.end)
        numbers.append(number)
    return numbers


def _alternatives(ordered: Sequence[Stretch], passages: Sequence[int]) -> list[tuple[int, ...]]:
    by_passage: dict[int, list[Stretch]] = defaultdict(list)
    for s, number in zip(ordered, passages, strict=True):
        by_passage[number].append(s)
    found: list[tuple[int, ...]] = []
    for s, number in zip(ordered, passages, strict=True):
        if s.spans_a and s.spans_b:
            found.append(())
            continue
        # The coder who left this code out: what did they apply here instead?
        missing_is_b = not s.spans_b
        codes = [
            other.code_id
            for other in by_passage[number]
            if other.code_id != s.code_id
            and (other.spans_b if missing_is_b else other.spans_a)
            and not (other.spans_a if missing_is_b else other.spans_b)
            and other.start < s.end
            and s.start < other.end
        ]
        found.append(tuple(dict.fromkeys(codes)))
    return found


def group_by_passage(disagreements: Iterable[Disagreement]) -> dict[int, list[Disagreement]]:
    """The disagreements of each passage, by passage number, in their given order."""
    grouped: dict[int, list[Disagreement]] = defaultdict(list)
    for d in disagreements:
        grouped[d.passage].append(d)
    return dict(grouped)
