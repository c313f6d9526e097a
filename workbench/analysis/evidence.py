"""Evidence tables: triangulation by source type, the outcome table, code presence.

Triangulation counts, for each outcome code, the distinct documents of each source
type that support it, and how many source types do (one, two, three or more). The
outcome table adds each outcome's statement, period, location and contributing
projects, read from the project's outcome records.
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
import pandas as pd
from sqlalchemy import select

from db.schema import Outcome, OutcomeContribution
from workbench.analysis.corpus import Corpus
from workbench.analysis.filters import EVERYTHING, Filters, code_label, resolve
from workbench.analysis.labels import (
    CODES,
    DOCUMENTS,
    MEASURES,
    NOT_SET,
    ROLES,
    SOURCE_TYPES,
    SUPPORT,
    SUPPORT_LEVELS,
    Text,
    check_language,
)
from workbench.analysis.matrices import as_corpus, code_by_attribute, scoped_segments
from workbench.analysis.result import Description, Matrix
from workbench.errors import NotFoundError
from workbench.project import Project

#: Column keys of the summary columns of triangulation.
TYPES, LEVEL = "source_types", "triangulation"
_OUTCOME_COLUMNS = {
    "statement": Text("Statement", "Enunciado"),
    "period": Text("Period", "Periodo"),
    "location": Text("Location", "Lugar"),
    "projects": Text("Contributing projects", "Proyectos que contribuyeron"),
    "documents": Text("Documents", "Documentos"),
}


def support_level(types: int, language: str = "en") -> str:
    """How many source types support a finding, in words ("two source types")."""
    return SUPPORT_LEVELS[min(types, 3)].get(language)


def triangulation(
    source: Corpus | Project, filters: Filters = EVERYTHING, *, language: str = "en"
) -> Matrix:
    """Outcome codes (rows) by source type: distinct documents supporting each.

    Two columns follow the source types: the number of source types with at least
    one supporting document, and that number in words (one, two, three or more).

    Args:
        source: the corpus or project.
        filters: coders, document attributes and row codes (the outcomes by default).
        language: of the generated labels.
    """
    corpus = as_corpus(source)
    check_language(language)
    if "source_type" not in corpus.roles:
        raise NotFoundError("the project has no source-type attribute to triangulate by")
    if not filters.groups and not filters.codes:
        filters = Filters(filters.coders, filters.attributes, ("outcomes",))
    matrix = code_by_attribute(
        corpus, "source_type", filters, measure="documents", language=language
    )
    table = matrix.values.copy()
    unset = NOT_SET.get(language)
    typed = [c for c in table.columns if c != unset]
    types = (table[typed] > 0).sum(axis=1).astype("int64")
    table[TYPES] = types
    table[LEVEL] = [support_level(int(n), language) for n in types]
    labels = dict(matrix.column_labels)
    labels[TYPES] = SOURCE_TYPES.get(language)
    labels[LEVEL] = SUPPORT.get(language)
    scope_rows = matrix.description.rows
    return Matrix(
        kind="triangulation",
        values=table,
        row_labels=matrix.row_labels,
        column_labels=labels,
        description=Description(
            scope_rows,
            ROLES["source_type"],
            MEASURES["documents"],
            matrix.description.filters,
            Text(
                "The last columns give how many source types support each outcome.",
                "Las últimas columnas indican cuántos tipos de fuente respaldan cada resultado.",
            ),
        ),
        cells=matrix.cells,
        language=language,
    )


def outcome_table(
    source: Corpus | Project, filters: Filters = EVERYTHING, *, language: str = "en"
) -> Matrix:
    """The outcome table: each outcome with the evidence behind it.

    Columns: statement, period, location, contributing projects, documents, source
    types and triangulation.

    Args:
        source: the corpus or project.
        filters: coders, document attributes and row codes (the outcomes by default).
        language: of the generated labels.
    """
    corpus = as_corpus(source)
    evidence = triangulation(corpus, filters, language=language)
    by_id = corpus.code_by_id
    with corpus.project.read() as session:
        outcomes = {o.code_id: o for o in session.scalars(select(Outcome))}
        contributions: dict[int, list[int]] = {}
        for outcome_id, code_id in session.execute(
            select(OutcomeContribution.outcome_id, OutcomeContribution.project_code_id)
        ):
            contributions.setdefault(outcome_id, []).append(code_id)
        records = {
            code_id: (o.statement, o.period, o.location, contributions.get(o.id, []))
            for code_id, o in outcomes.items()
        }
    rows: list[int] = [int(k) for k in evidence.values.index]
    segments = scoped_segments(corpus, resolve(corpus, _with_rows(filters)))
    documents = segments.groupby("code")["document"].nunique()
    types = dict(zip(rows, (int(v) for v in evidence.values[TYPES].tolist()), strict=True))
    levels = dict(zip(rows, (str(v) for v in evidence.values[LEVEL].tolist()), strict=True))
    data = []
    for row in rows:
        statement, period, location, projects = records.get(row, ("", "", "", []))
        data.append(
            {
                "statement": statement,
                "period": period,
                "location": location,
                "projects": "; ".join(
                    code_label(by_id[p], short=True) for p in projects if p in by_id
                ),
                "documents": int(documents.get(row, 0)),
                TYPES: types[row],
                LEVEL: levels[row],
            }
        )
    table = pd.DataFrame(data, index=pd.Index(rows))
    labels: dict[Hashable, str] = {k: t.get(language) for k, t in _OUTCOME_COLUMNS.items()}
    labels[TYPES] = SOURCE_TYPES.get(language)
    labels[LEVEL] = SUPPORT.get(language)
    return Matrix(
        kind="outcomes",
        values=table,
        row_labels=evidence.row_labels,
        column_labels=labels,
        description=Description(
            evidence.description.rows,
            Text(
                "statement, period, location and evidence", "enunciado, periodo, lugar y evidencia"
            ),
            Text(
                "documents and source types that support each outcome",
                "documentos y tipos de fuente que respaldan cada resultado",
            ),
            evidence.description.filters,
        ),
        cells=evidence.cells.assign(column="documents").drop_duplicates(),
        language=language,
    )


def _with_rows(filters: Filters) -> Filters:
    if filters.groups or filters.codes:
        return filters
    return Filters(filters.coders, filters.attributes, ("outcomes",))


def presence(
    source: Corpus | Project, filters: Filters = EVERYTHING, *, language: str = "en"
) -> Matrix:
    """Documents (rows) by codes (columns): 1 when the document has the code, else 0.

    For statistics packages. Every document in the filters' scope is a row, coded or not.

    Args:
        source: the corpus or project.
        filters: coders, document attributes and codes (the columns).
        language: of the generated labels.
    """
    corpus = as_corpus(source)
    check_language(language)
    scope = resolve(corpus, filters)
    segments = scoped_segments(corpus, scope)
    rows: list[Hashable] = [d.id for d in corpus.documents if d.id in scope.document_ids]
    columns: list[Hashable] = [c.id for c in scope.codes]
    pairs = segments[["document", "code"]].drop_duplicates()
    table = pd.DataFrame(0, index=pd.Index(rows), columns=pd.Index(columns), dtype="int8")
    if not pairs.empty:
        flags = pd.crosstab(pairs["document"], pairs["code"]).clip(upper=1)
        table = flags.reindex(index=rows, columns=columns, fill_value=0).astype(np.int8)
    return Matrix(
        kind="presence",
        values=table,
        row_labels={d.id: d.name for d in corpus.documents if d.id in scope.document_ids},
        column_labels={c.id: code_label(c, short=True) for c in scope.codes},
        description=Description(
            DOCUMENTS, scope.rows if scope.codes else CODES, MEASURES["presence"], scope.filters
        ),
        cells=segments.rename(columns={"document": "row", "code": "column"})[
            ["segment", "row", "column"]
        ].reset_index(drop=True),
        language=language,
    )
