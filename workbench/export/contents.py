"""What every appendix format holds, computed once: matrices, codebook, quotes, summary.

The Word, CSV and Excel writers take a :class:`Contents` so that the three formats
show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.analysis.corpus import Corpus, load_corpus
from workbench.analysis.evidence import outcome_table
from workbench.analysis.filters import Filters, resolve
from workbench.analysis.labels import NOT_SET
from workbench.analysis.matrices import scoped_segments
from workbench.analysis.quotes import Quote, code_quotes
from workbench.analysis.result import Matrix
from workbench.analysis.specs import build_matrix
from workbench.errors import NotFoundError
from workbench.export import labels
from workbench.export.options import ExportOptions
from workbench.project import Project

#: Attribute roles shown beside each quote.
KEY_ROLES = ("source_type", "state", "respondent_type")


@dataclass(frozen=True)
class Summary:
    """The methods summary: what was coded, by whom, and when."""

    documents: int
    segments: int
    coders: pd.DataFrame
    by_source: pd.DataFrame
    dates: tuple[str, str] | None


@dataclass
class Contents:
    """Everything an appendix shows, in the options' language."""

    corpus: Corpus
    options: ExportOptions
    filters: Filters
    title: str
    summary: Summary
    codebook: pd.DataFrame
    matrices: list[tuple[str, Matrix]]
    outcomes: Matrix | None
    quotes: dict[int, list[Quote]] = field(default_factory=dict)
    quote_totals: dict[int, int] = field(default_factory=dict)

    @property
    def language(self) -> str:
        """The language of the appendix."""
        return self.options.language


def gather(project: Project, options: ExportOptions, corpus: Corpus | None = None) -> Contents:
    """Compute the contents of an appendix.

    Raises:
        NotFoundError: a matrix names an unknown group or attribute, or an unknown coder.
    """
    corpus = corpus or load_corpus(project)
    language = options.language
    filters = Filters(coders=(options.coder,) if options.coder else ())
    matrices = [
        (spec, build_matrix(corpus, spec, filters, language=language)) for spec in options.matrices
    ]
    try:
        outcomes: Matrix | None = outcome_table(corpus, filters, language=language)
    except NotFoundError:
        outcomes = None
    contents = Contents(
        corpus=corpus,
        options=options,
        filters=filters,
        title=project.setting("name"),
        summary=summarise(corpus, filters),
        codebook=codebook_frame(corpus, filters),
        matrices=matrices,
        outcomes=outcomes,
    )
    if options.quotes_per_code:
        contents.quotes = code_quotes(corpus, filters, limit=options.quotes_per_code)
        segments = scoped_segments(corpus, resolve(corpus, filters))
        sizes = segments.groupby("code").size()
        contents.quote_totals = dict(
            zip(sizes.index.astype("int64").tolist(), sizes.astype("int64").tolist(), strict=True)
        )
    return contents


def summarise(corpus: Corpus, filters: Filters) -> Summary:
    """Documents by source type, coders with their segments, and the interview dates."""
    scope = resolve(corpus, filters)
    segments = scoped_segments(corpus, scope)
    coders = [c for c in corpus.coders if scope.coder_ids is None or c.id in scope.coder_ids]
    per_coder = segments.groupby("coder").agg(
        segments=("segment", "size"), documents=("document", "nunique")
    )
    coder_rows = [
        {
            "name": c.name,
            "initials": c.initials,
            "segments": int(per_coder["segments"].get(c.id, 0)),
            "documents": int(per_coder["documents"].get(c.id, 0)),
        }
        for c in coders
        if c.id in per_coder.index
    ]
    documents = [d for d in corpus.documents if d.id in scope.document_ids]
    source_rows: list[dict[str, object]] = []
    if "source_type" in corpus.roles:
        values = corpus.values(corpus.roles["source_type"])
        counts: dict[str, int] = {}
        for d in documents:
            for value in values[d.id] or [NOT_SET.get("en")]:
                counts[value] = counts.get(value, 0) + 1
        source_rows = [{"source_type": k, "documents": v} for k, v in counts.items()]
    dates = None
    if "interview_date" in corpus.roles:
        found = sorted(
            v for d in documents for v in corpus.values(corpus.roles["interview_date"])[d.id]
        )
        dates = (found[0], found[-1]) if found else None
    return Summary(
        documents=len(documents),
        segments=len(segments),
        coders=pd.DataFrame(coder_rows, columns=list(labels.CODER_COLUMNS)),
        by_source=pd.DataFrame(source_rows, columns=list(labels.SOURCE_COLUMNS)),
        dates=dates,
    )


def codebook_frame(corpus: Corpus, filters: Filters) -> pd.DataFrame:
    """The codebook in tree order with counts in the filters' scope (English keys)."""
    scope = resolve(corpus, filters)
    segments = scoped_segments(corpus, scope, [c.id for c in corpus.codes])
    counts = segments.groupby("code").agg(
        segments=("segment", "size"), documents=("document", "nunique")
    )
    rows = [
        {
            "label": c.label,
            "name": c.name,
            "group": c.group or "",
            "definition": c.definition,
            "inclusion": c.inclusion,
            "exclusion": c.exclusion,
            "segments": int(counts["segments"].get(c.id, 0)),
            "documents": int(counts["documents"].get(c.id, 0)),
            "path": c.path,
        }
        for c in corpus.codes
    ]
    return pd.DataFrame(rows, columns=[*labels.CODEBOOK_COLUMNS, "path"])


def key_attributes(corpus: Corpus) -> dict[int, str]:
    """Document id -> its source type, state and respondent type, joined by semicolons."""
    columns = [corpus.values(corpus.roles[r]) for r in KEY_ROLES if r in corpus.roles]
    return {
        d.id: "; ".join(v for values in columns for v in values[d.id]) for d in corpus.documents
    }


def segments_frame(corpus: Corpus, filters: Filters) -> pd.DataFrame:
    """Segments in the long format, with each document attribute as a further column.

    The first columns are ``document,coder,code,start,end,text,memo``, as in every
    export of codings; an attribute named like one of them is prefixed "attribute: ".
    """
    from workbench.analysis.quotes import quotes

    scope = resolve(corpus, filters)
    chosen = scoped_segments(corpus, scope, [c.id for c in corpus.codes])
    found = quotes(corpus, chosen["segment"].tolist())
    paths = {c.id: c.path for c in corpus.codes}
    names = [a.name for a in corpus.attributes]
    base = ["document", "coder", "code", "start", "end", "text", "memo"]
    extra = [n if n not in base else f"attribute: {n}" for n in names]
    attributes = {d.id: d.attributes for d in corpus.documents}
    rows = [
        [q.document, q.coder, paths[q.code_id], q.start, q.end, q.text, q.memo]
        + [attributes[q.document_id].get(n, "") for n in names]
        for q in found
    ]
    return pd.DataFrame(rows, columns=base + extra)
