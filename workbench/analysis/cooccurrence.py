"""Code-by-code co-occurrence: passages where two codes meet.

Two segments co-occur when they overlap, when they touch the same paragraph (a line
of the transcript), or when they are in the same document; the choice is named in
the result's description. A cell counts the segments of the row code that co-occur
with at least one segment of the column code (by any of the chosen coders).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from workbench.analysis.corpus import Corpus
from workbench.analysis.filters import (
    EVERYTHING,
    Filters,
    code_label,
    group_codes,
    resolve,
    resolve_group,
)
from workbench.analysis.intervals import overlapping
from workbench.analysis.labels import Text, check_language
from workbench.analysis.matrices import as_corpus, scoped_segments
from workbench.analysis.result import Description, Matrix
from workbench.entities import CodeInfo
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project

PROXIMITY = ("overlap", "paragraph", "document")
COOCCURRENCE_MEASURES = ("segments", "documents")

_WHERE = {
    "overlap": Text("overlapping passages", "pasajes superpuestos"),
    "paragraph": Text("the same paragraph", "el mismo párrafo"),
    "document": Text("the same document", "el mismo documento"),
}
_MEASURE = {
    "segments": Text(
        "segments of the row code that co-occur with the column code in {en}",
        "segmentos del código de la fila que coinciden con el código de la columna en {es}",
    ),
    "documents": Text(
        "documents where the two codes co-occur in {en}",
        "documentos donde los dos códigos coinciden en {es}",
    ),
}
_NOTE = Text(
    "A code's cell with itself counts its own segments.",
    "La celda de un código consigo mismo cuenta sus propios segmentos.",
)


def _spans(corpus: Corpus, frame: pd.DataFrame, proximity: str) -> tuple[np.ndarray, np.ndarray]:
    """The spans compared: characters, paragraphs (line numbers) or the whole document."""
    starts = frame["start"].to_numpy(np.int64)
    ends = frame["end"].to_numpy(np.int64)
    if proximity == "overlap":
        return starts, ends
    if proximity == "document":
        return np.zeros_like(starts), np.ones_like(ends)
    first = np.empty_like(starts)
    last = np.empty_like(ends)
    documents = frame["document"].to_numpy(np.int64)
    for document in np.unique(documents):
        at = documents == document
        first[at] = corpus.lines(int(document), starts[at])
        last[at] = corpus.lines(int(document), ends[at] - 1) + 1
    return first, last


def cooccurrence(
    source: Corpus | Project,
    columns: Sequence[str],
    filters: Filters = EVERYTHING,
    *,
    proximity: str = "overlap",
    measure: str = "segments",
    language: str = "en",
) -> Matrix:
    """Codes (rows, from the filters) by codes (columns, the given groups or codes).

    Args:
        source: the corpus or project.
        columns: code groups (key or name) or codes (path, name or label) as columns.
        filters: coders, document attributes and row codes.
        proximity: ``overlap``, ``paragraph`` or ``document``.
        measure: ``segments`` (row-code segments that co-occur) or ``documents``.
        language: of the generated labels.
    """
    corpus = as_corpus(source)
    if proximity not in PROXIMITY:
        raise InvalidInputError(f"proximity must be one of {', '.join(PROXIMITY)}")
    if measure not in COOCCURRENCE_MEASURES:
        raise InvalidInputError(f"the measure must be one of {', '.join(COOCCURRENCE_MEASURES)}")
    check_language(language)
    scope = resolve(corpus, filters)
    column_codes, title = _column_codes(corpus, columns)
    rows = scoped_segments(corpus, scope)
    others = scoped_segments(corpus, scope, [c.id for c in column_codes])
    row_start, row_end = _spans(corpus, rows, proximity)
    other_start, other_end = _spans(corpus, others, proximity)
    row_order = rows["order"].to_numpy(np.int64)
    other_order = others["order"].to_numpy(np.int64)
    other_code = others["code"].to_numpy(np.int64)
    row_keys: list[Hashable] = [c.id for c in scope.codes]
    column_keys: list[Hashable] = [c.id for c in column_codes]
    table = pd.DataFrame(0, index=pd.Index(row_keys), columns=pd.Index(column_keys), dtype="int64")
    found: list[pd.DataFrame] = []
    for code in column_codes:
        mine = other_code == code.id
        hit = overlapping(
            row_order, row_start, row_end, other_order[mine], other_start[mine], other_end[mine]
        )
        if not hit.any():
            continue
        matched = rows.loc[hit, ["segment", "code", "document"]]
        if measure == "segments":
            counted = matched.groupby("code").size()
        else:
            counted = matched.groupby("code")["document"].nunique()
        table[code.id] = counted.reindex(row_keys, fill_value=0).to_numpy(np.int64)
        found.append(matched.assign(column=code.id))
    cells = (
        pd.concat(found).rename(columns={"code": "row"})[["segment", "row", "column"]]
        if found
        else pd.DataFrame({"segment": [], "row": [], "column": []}, dtype="int64")
    )
    shared = {c.id for c in scope.codes} & {c.id for c in column_codes}
    where = _WHERE[proximity]
    template = _MEASURE[measure]
    return Matrix(
        kind="cooccurrence",
        values=table,
        row_labels={c.id: code_label(c) for c in scope.codes},
        column_labels={c.id: code_label(c, short=True) for c in column_codes},
        description=Description(
            scope.rows,
            title,
            Text(template.en.format(en=where.en), template.es.format(es=where.es)),
            scope.filters,
            _NOTE if shared else None,
        ),
        cells=cells.reset_index(drop=True),
        language=language,
    )


def _column_codes(corpus: Corpus, references: Sequence[str]) -> tuple[list[CodeInfo], Text]:
    """The column codes and their title, from group or code references."""
    groups = [r for r in references if _is_group(corpus, r)]
    codes = [r for r in references if r not in groups]
    chosen: list[CodeInfo] = []
    titles: list[Text] = []
    for reference in groups:
        group, name = resolve_group(corpus, reference)
        chosen.extend(c for c in group_codes(corpus, group) if c not in chosen)
        titles.append(name)
    if codes:
        selected = resolve(corpus, Filters(codes=tuple(codes))).codes
        chosen.extend(c for c in selected if c not in chosen)
        titles.append(Text("Selected codes", "Códigos seleccionados"))
    if not chosen and not titles:
        raise InvalidInputError("name the code groups or codes of the columns")
    return chosen, Text(" + ".join(t.en for t in titles), " + ".join(t.es for t in titles))


def _is_group(corpus: Corpus, reference: str) -> bool:
    try:
        resolve_group(corpus, reference)
    except NotFoundError:
        return False
    return True
