"""The quotes behind a cell or a code: the coded passages with where they come from.

Quotes come in a stable order: document order, then position in the document. The
paragraph of a quote is the 1-based line number of the passage's start.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.analysis.corpus import Corpus
from workbench.analysis.filters import EVERYTHING, Filters, code_label, resolve
from workbench.analysis.matrices import as_corpus, scoped_segments
from workbench.analysis.result import Matrix
from workbench.project import Project

QUOTE_COLUMNS = ("document", "start", "end", "text", "coder", "code", "paragraph", "memo")


@dataclass(frozen=True)
class Quote:
    """A coded passage.

    Attributes:
        segment_id: the segment's id.
        document_id: the document's id.
        document: the document's name.
        start: the first code point (0-based).
        end: the code point after the last.
        text: the document's text ``[start, end)``.
        coder: the coder's name.
        code_id: the code's id.
        code: the code's label and name.
        paragraph: the line number (1-based) where the passage starts.
        memo: the segment's memo.
    """

    segment_id: int
    document_id: int
    document: str
    start: int
    end: int
    text: str
    coder: str
    code_id: int
    code: str
    paragraph: int
    memo: str = ""


def quotes(source: Corpus | Project, segment_ids: Sequence[int]) -> list[Quote]:
    """The quotes of these segments, in document order, then position.

    Args:
        source: the corpus or project.
        segment_ids: segment ids (unknown ids are left out).
    """
    corpus = as_corpus(source)
    frame = corpus.segments
    chosen = frame.loc[frame["segment"].isin(list(segment_ids))]
    return _quotes(corpus, chosen)


def _quotes(corpus: Corpus, chosen: pd.DataFrame) -> list[Quote]:
    if chosen.empty:
        return []
    chosen = chosen.sort_values(["order", "start", "end", "segment"], kind="stable")
    documents = {d.id: d for d in corpus.documents}
    codes = corpus.code_by_id
    coders = corpus.coder_by_id
    ids = chosen["document"].unique().tolist()
    texts = corpus.texts(ids)
    memos = _memos(corpus, chosen["segment"].tolist())
    result: list[Quote] = []
    for document_id, part in chosen.groupby("document", sort=False):
        ident = int(str(document_id))
        text = texts[ident]
        starts = part["start"].to_numpy(np.int64)
        lines = corpus.lines(ident, starts)
        for (segment, code, coder, start, end), line in zip(
            part[["segment", "code", "coder", "start", "end"]].itertuples(index=False),
            lines,
            strict=True,
        ):
            result.append(
                Quote(
                    segment_id=int(segment),
                    document_id=ident,
                    document=documents[ident].name,
                    start=int(start),
                    end=int(end),
                    text=text[start:end],
                    coder=coders[coder].name,
                    code_id=int(code),
                    code=code_label(codes[code]),
                    paragraph=int(line),
                    memo=memos.get(int(segment), ""),
                )
            )
    return result


def _memos(corpus: Corpus, segment_ids: list[int]) -> dict[int, str]:
    from sqlalchemy import select

    from db.schema import Segment

    found: dict[int, str] = {}
    with corpus.project.read() as session:
        for start in range(0, len(segment_ids), 900):
            chunk = segment_ids[start : start + 900]
            rows = session.execute(
                select(Segment.id, Segment.memo).where(Segment.id.in_(chunk), Segment.memo != "")
            )
            found.update({ident: memo for ident, memo in rows})
    return found


def cell_quotes(
    source: Corpus | Project, matrix: Matrix, row: Hashable, column: Hashable | None = None
) -> list[Quote]:
    """The quotes counted in one cell of a matrix (or in a whole row).

    Args:
        source: the corpus or project the matrix was computed from.
        matrix: the matrix.
        row: the row's key (a code id; a document id for presence).
        column: the column's key (an attribute value, coder id, code id); None for the row.
    """
    return quotes(source, matrix.cell_segments(row, column))


def code_quotes(
    source: Corpus | Project, filters: Filters = EVERYTHING, *, limit: int | None = None
) -> dict[int, list[Quote]]:
    """The quotes of each code in the filters' scope, at most ``limit`` per code.

    Returns:
        Code id -> quotes in document order, then position; codes in codebook order.
    """
    corpus = as_corpus(source)
    scope = resolve(corpus, filters)
    segments = scoped_segments(corpus, scope)
    if limit is not None:
        segments = segments.groupby("code", sort=False).head(limit)
    found = _quotes(corpus, segments)
    grouped: dict[int, list[Quote]] = {c.id: [] for c in scope.codes}
    for quote in found:
        grouped[quote.code_id].append(quote)
    return grouped


def quotes_frame(found: Sequence[Quote]) -> pd.DataFrame:
    """Quotes as a table with the columns of :data:`QUOTE_COLUMNS`."""
    return pd.DataFrame(
        [[getattr(q, c) for c in QUOTE_COLUMNS] for q in found], columns=list(QUOTE_COLUMNS)
    )
