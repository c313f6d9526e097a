"""Code-by-attribute, code-by-coder and code-by-code (co-occurrence) matrices.

Every function takes a :class:`~workbench.analysis.corpus.Corpus` (read once with
:func:`~workbench.analysis.corpus.load_corpus`) or a project, and
:class:`~workbench.analysis.filters.Filters`; rows are the filters' codes.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from workbench.analysis.corpus import Corpus, load_corpus
from workbench.analysis.filters import (
    EVERYTHING,
    Filters,
    Scope,
    code_label,
    resolve,
    resolve_attribute,
)
from workbench.analysis.intervals import covered_length
from workbench.analysis.labels import CODER, MEASURES, NOT_SET, Text, check_language
from workbench.analysis.result import Description, Matrix, cells_of, empty_cells
from workbench.errors import InvalidInputError
from workbench.project import Project

ATTRIBUTE_MEASURES = ("segments", "documents", "characters", "share")
CODER_MEASURES = ("segments", "characters", "both")
_WORDS = {
    "segments": Text("segments", "segmentos"),
    "characters": Text("characters", "caracteres"),
}
_CODER_MEASURES = {
    **MEASURES,
    "both": Text(
        "number of coded segments and characters coded",
        "número de segmentos y caracteres codificados",
    ),
}
Dtype = Literal["int64", "float64"]


def as_corpus(source: Corpus | Project) -> Corpus:
    """A corpus from a project (read now) or the corpus itself."""
    return source if isinstance(source, Corpus) else load_corpus(source)


def _choose(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise InvalidInputError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def scoped_segments(
    corpus: Corpus, scope: Scope, code_ids: Sequence[int] | None = None
) -> pd.DataFrame:
    """The segments within a scope: its coders, documents and (given) codes."""
    frame = corpus.segments
    keep = frame["document"].isin(list(scope.document_ids))
    if scope.coder_ids is not None:
        keep &= frame["coder"].isin(list(scope.coder_ids))
    wanted = [c.id for c in scope.codes] if code_ids is None else list(code_ids)
    keep &= frame["code"].isin(wanted)
    return frame.loc[keep]


def _wide(
    long: pd.Series, rows: list[Hashable], columns: list[Hashable], dtype: Dtype
) -> pd.DataFrame:
    """A (row, column) -> value series as a full table with zeros where nothing is."""
    if long.empty:
        return pd.DataFrame(0, index=pd.Index(rows), columns=pd.Index(columns), dtype=dtype)
    table = long.unstack(fill_value=0)
    return table.reindex(index=rows, columns=columns, fill_value=0).astype(dtype)


def code_by_attribute(
    source: Corpus | Project,
    attribute: str,
    filters: Filters = EVERYTHING,
    *,
    measure: str = "documents",
    language: str = "en",
) -> Matrix:
    """Codes (rows) by the values of a document attribute (columns).

    Values of the ILAB-project attribute are split on ``;``: a document of two projects
    counts in both columns. Documents without a value are counted under "(not set)".

    Args:
        source: the corpus or project.
        attribute: a role (``ilab_project``, ``state``, ``sector``, ``source_type``,
            ``respondent_type``, ``gender``) or an attribute's name.
        filters: coders, document attributes and row codes.
        measure: ``segments``, ``documents``, ``characters`` (covered by the code,
            overlaps counted once) or ``share`` (documents with the code among the
            documents with the value, 0 to 1).
        language: of the generated labels (``en`` or ``es``).
    """
    corpus = as_corpus(source)
    _choose(measure, ATTRIBUTE_MEASURES, "the measure")
    check_language(language)
    scope = resolve(corpus, filters)
    attribute_id, title = resolve_attribute(corpus, attribute)
    values = corpus.values(attribute_id)
    unset = NOT_SET.get(language)
    pairs = [(d, v) for d in sorted(scope.document_ids) for v in (values[d] or [unset])]
    documents = pd.DataFrame(pairs, columns=["document", "column"])
    columns = _column_order(corpus, attribute_id, documents["column"].unique().tolist(), unset)
    segments = scoped_segments(corpus, scope)
    joined = segments.merge(documents, on="document")
    rows: list[Hashable] = [c.id for c in scope.codes]
    table = _measure(joined, measure, rows, list(columns), documents)
    return Matrix(
        kind="code_attribute",
        values=table,
        row_labels={c.id: code_label(c) for c in scope.codes},
        column_labels={c: str(c) for c in columns},
        description=Description(scope.rows, title, MEASURES[measure], scope.filters),
        cells=cells_of(joined.rename(columns={"code": "row"})),
        language=language,
    )


def _column_order(corpus: Corpus, attribute_id: int, present: list[str], unset: str) -> list[str]:
    """Choices in their declared order, then other values alphabetically, then unset."""
    choices = [c for c in corpus.attribute(attribute_id).choices if c in present]
    others = sorted((v for v in present if v not in choices and v != unset), key=str.casefold)
    return choices + others + ([unset] if unset in present else [])


def _measure(
    joined: pd.DataFrame,
    measure: str,
    rows: list[Hashable],
    columns: list[Hashable],
    documents: pd.DataFrame,
) -> pd.DataFrame:
    if joined.empty:
        dtype: Dtype = "float64" if measure == "share" else "int64"
        return _wide(pd.Series(dtype=dtype), rows, columns, dtype)
    grouped = joined.groupby(["code", "column"])
    if measure == "segments":
        return _wide(grouped.size(), rows, columns, "int64")
    if measure == "characters":
        covered = _covered_by(joined, ["code", "document"])
        per_document = (
            pd.Series(covered, name="characters").rename_axis(["code", "document"]).reset_index()
        )
        pairs = joined[["code", "document", "column"]].drop_duplicates()
        summed = (
            pairs.merge(per_document, on=["code", "document"])
            .groupby(["code", "column"])["characters"]
            .sum()
        )
        return _wide(summed, rows, columns, "int64")
    counted = _wide(grouped["document"].nunique(), rows, columns, "int64")
    if measure == "documents":
        return counted
    totals = documents.groupby("column")["document"].nunique().reindex(columns).astype("float64")
    shares = counted.astype("float64").div(totals, axis="columns")
    return shares.fillna(0.0)


def _covered_by(frame: pd.DataFrame, keys: list[str]) -> dict[tuple[int, ...], int]:
    """Characters covered (overlaps once) per combination of the key columns."""
    if frame.empty:
        return {}
    # Positions are per document, so the document must be one of the keys.
    columns = np.stack([frame[k].to_numpy(np.int64) for k in keys], axis=1)
    unique, inverse = np.unique(columns, axis=0, return_inverse=True)
    lengths = covered_length(
        inverse.reshape(-1).astype(np.int64),
        frame["start"].to_numpy(np.int64),
        frame["end"].to_numpy(np.int64),
    )
    return {tuple(int(x) for x in unique[k]): n for k, n in lengths.items()}


def code_by_coder(
    source: Corpus | Project,
    filters: Filters = EVERYTHING,
    *,
    measure: str = "both",
    language: str = "en",
) -> Matrix:
    """Codes (rows) by coder (columns): segments, characters covered, or both.

    Args:
        source: the corpus or project.
        filters: coders (the columns), document attributes and row codes.
        measure: ``segments``, ``characters`` or ``both`` (two columns per coder,
            keyed ``(coder id, measure)``).
        language: of the generated labels.
    """
    corpus = as_corpus(source)
    _choose(measure, CODER_MEASURES, "the measure")
    check_language(language)
    scope = resolve(corpus, filters)
    coders = [c for c in corpus.coders if scope.coder_ids is None or c.id in scope.coder_ids]
    segments = scoped_segments(corpus, scope)
    rows: list[Hashable] = [c.id for c in scope.codes]
    ids: list[Hashable] = [c.id for c in coders]
    tables = {"segments": _wide(segments.groupby(["code", "coder"]).size(), rows, ids, "int64")}
    by_coder: dict[tuple[int, int], int] = {}
    for (code, coder, _), length in _covered_by(segments, ["code", "coder", "document"]).items():
        by_coder[(code, coder)] = by_coder.get((code, coder), 0) + length
    tables["characters"] = _wide(pd.Series(by_coder, dtype="int64"), rows, ids, "int64")
    chosen = ("segments", "characters") if measure == "both" else (measure,)
    keys: list[Hashable] = [c.id if len(chosen) == 1 else (c.id, m) for c in coders for m in chosen]
    table = pd.concat([tables[m][c.id] for c in coders for m in chosen], axis=1)
    table.columns = pd.Index(keys, tupleize_cols=False)
    labels: dict[Hashable, str] = {}
    for person in coders:
        for m in chosen:
            key: Hashable = person.id if len(chosen) == 1 else (person.id, m)
            word = _WORDS[m].get(language)
            labels[key] = person.name if len(chosen) == 1 else f"{person.name} ({word})"
    parts = []
    base = segments.rename(columns={"code": "row"})
    for m in chosen:
        column = base["coder"].map(lambda c, m=m: c if len(chosen) == 1 else (int(c), m))
        parts.append(base.assign(column=column))
    return Matrix(
        kind="code_coder",
        values=table if keys else tables["segments"],
        row_labels={c.id: code_label(c) for c in scope.codes},
        column_labels=labels,
        description=Description(scope.rows, CODER, _CODER_MEASURES[measure], scope.filters),
        cells=cells_of(pd.concat(parts)) if parts else empty_cells(),
        language=language,
    )
