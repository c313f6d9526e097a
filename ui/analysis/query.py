"""What the matrix view asks of the core, and the table it shows: values and totals.

Nothing here touches Qt, so a matrix can be computed on a worker thread. Totals count
what is behind them once: the row total of a code is the number of its distinct
segments (or documents, or characters with overlaps counted once) in the row's cells,
so a document of two ILAB projects counts once in its row total although it shows in
two columns, and double-clicking a total shows exactly the passages it counts.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from workbench.analysis.cooccurrence import PROXIMITY, cooccurrence
from workbench.analysis.corpus import Corpus
from workbench.analysis.filters import (
    CONSENSUS_NAMES,
    Filters,
    group_keys,
    resolve,
    resolve_attribute,
)
from workbench.analysis.intervals import covered_length
from workbench.analysis.labels import NOT_SET
from workbench.analysis.matrices import code_by_attribute, code_by_coder
from workbench.analysis.result import Matrix
from workbench.entities import CodeGroupInfo

ATTRIBUTE, CODER, GROUP = "attribute", "coder", "group"
#: The cell measures each kind of columns offers, the first being the default.
MEASURES: dict[str, tuple[str, ...]] = {
    ATTRIBUTE: ("documents", "segments", "characters", "share"),
    CODER: ("segments", "characters"),
    GROUP: ("segments", "documents"),
}
PROXIMITIES = PROXIMITY
#: The key of the totals row and column in a table's frame.
TOTAL_KEY = "__total__"


@dataclass(frozen=True)
class MatrixRequest:
    """A matrix as chosen in the view.

    Attributes:
        rows: a code group (template key such as ``outcomes``, or a group's name);
            None for every code.
        column_kind: ``attribute``, ``coder`` or ``group`` (co-occurrence).
        columns: the attribute (role or name) or the code group of the columns.
        measure: what a cell counts (one of :data:`MEASURES` for the column kind).
        proximity: for co-occurrence: ``overlap``, ``paragraph`` or ``document``.
        coder: count only this coder (id, name, initials or ``consensus``).
        attribute: count only documents whose attribute (name) has this value.
        language: of the labels the core generates (``en`` or ``es``).
    """

    rows: str | None
    column_kind: str
    columns: str = ""
    measure: str = "documents"
    proximity: str = "overlap"
    coder: str | None = None
    attribute: tuple[str, str] | None = None
    language: str = "en"

    def filters(self) -> Filters:
        """The scope, as the core's filters."""
        return Filters(
            coders=(self.coder,) if self.coder else (),
            attributes=((self.attribute[0], (self.attribute[1],)),) if self.attribute else (),
            groups=(self.rows,) if self.rows else (),
        )

    def spec(self) -> str | None:
        """The matrix as ``ROWS:COLUMNS:OPTION`` for the appendix, or None when it has none.

        Only rows that are a code group can be named so; the filters are not part of it
        (the appendix has its own coder choice).
        """
        columns = CODER if self.column_kind == CODER else self.columns
        option = self.proximity if self.column_kind == GROUP else self.measure
        parts = (self.rows or "", columns, option)
        if not all(parts) or any(":" in p for p in parts):
            return None
        return ":".join(parts)


def compute(corpus: Corpus, request: MatrixRequest) -> Matrix:
    """The matrix a request names, computed by the core.

    Raises:
        WorkbenchError: an unknown group, attribute or coder (the message lists choices).
    """
    filters = request.filters()
    if request.column_kind == CODER:
        return code_by_coder(corpus, filters, measure=request.measure, language=request.language)
    if request.column_kind == GROUP:
        return cooccurrence(
            corpus,
            [request.columns],
            filters,
            proximity=request.proximity,
            measure=request.measure,
            language=request.language,
        )
    return code_by_attribute(
        corpus, request.columns, filters, measure=request.measure, language=request.language
    )


@dataclass(frozen=True)
class MatrixTable:
    """A matrix with its totals, as the view shows it.

    Attributes:
        request: what was asked.
        matrix: the core's result (values keyed by ids, cells, description).
        frame: the labelled values with a last row and a last column of totals.
        rows_title: what the rows are ("Outcomes").
        caption: the matrix's one-line caption.
        methods: how it is counted.
        seconds: how long the computation took.
    """

    request: MatrixRequest
    matrix: Matrix
    frame: pd.DataFrame
    rows_title: str
    caption: str
    methods: str
    seconds: float = 0.0

    @property
    def share(self) -> bool:
        """Whether cells are shares (0 to 1) rather than counts."""
        return self.request.measure == "share"

    @property
    def row_keys(self) -> list[Hashable]:
        """The keys of the body rows (code ids), in order."""
        return list(self.matrix.values.index)

    @property
    def column_keys(self) -> list[Hashable]:
        """The keys of the body columns, in order."""
        return list(self.matrix.values.columns)

    def segments(self, row: int, column: int) -> list[int]:
        """The ids of the segments behind a cell of :attr:`frame` (totals included)."""
        rows, columns = self.row_keys, self.column_keys
        row_key = rows[row] if row < len(rows) else None
        column_key = columns[column] if column < len(columns) else None
        if row_key is not None:
            return self.matrix.cell_segments(row_key, column_key)
        cells = self.matrix.cells
        if column_key is not None:
            chosen = cells["column"].map(lambda key: key == column_key).astype(bool)
            cells = cells.loc[chosen]
        return sorted({int(s) for s in cells["segment"]})


def table_of(
    corpus: Corpus, request: MatrixRequest, matrix: Matrix, total: str, seconds: float = 0.0
) -> MatrixTable:
    """The matrix with a totals row and column named ``total``."""
    dtype: Literal["float64", "int64"] = "float64" if request.measure == "share" else "int64"
    values = matrix.values.astype(dtype)
    rows, columns, grand = _totals(corpus, request, matrix)
    frame = values.astype("float64")
    frame[TOTAL_KEY] = rows.reindex(values.index, fill_value=0.0).to_numpy()
    frame.loc[TOTAL_KEY] = [*columns.reindex(values.columns, fill_value=0.0).tolist(), grand]
    if dtype == "int64":
        frame = frame.round().astype(dtype)
    labels_of_rows = [matrix.row_labels.get(k, str(k)) for k in values.index]
    labels_of_columns = [matrix.column_labels.get(k, str(k)) for k in values.columns]
    frame.index = pd.Index([*labels_of_rows, total])
    frame.columns = pd.Index([*labels_of_columns, total])
    language = request.language
    return MatrixTable(
        request=request,
        matrix=matrix,
        frame=frame,
        rows_title=matrix.description.rows.get(language),
        caption=matrix.description.caption(language),
        methods=matrix.description.methods(language),
        seconds=seconds,
    )


def _totals(
    corpus: Corpus, request: MatrixRequest, matrix: Matrix
) -> tuple[pd.Series, pd.Series, float]:
    """Row totals, column totals and the grand total, each counting its cells' content once."""
    cells = matrix.cells
    info = corpus.segments.set_index("segment")[["document", "code", "start", "end"]]
    joined = cells.join(info, on="segment")
    joined = joined.assign(everything=0)
    measure = request.measure
    by_row = _count(joined, "row", measure)
    by_column = _count(joined, "column", measure)
    grand = float(_count(joined, "everything", measure).sum())
    if measure != "share":
        return by_row, by_column, grand
    scope = resolve(corpus, request.filters())
    everyone = len(scope.document_ids)
    attribute_id, _name = resolve_attribute(corpus, request.columns)
    unset = NOT_SET.get(request.language)
    having: dict[Hashable, int] = {}
    for document, found in corpus.values(attribute_id).items():
        if document in scope.document_ids:
            for value in found or [unset]:
                having[value] = having.get(value, 0) + 1
    denominators = pd.Series(having, dtype="float64").reindex(by_column.index)
    shares = (by_column / denominators).fillna(0.0)
    return by_row / max(everyone, 1), shares, grand / max(everyone, 1)


def _count(joined: pd.DataFrame, key: str, measure: str) -> pd.Series:
    """Distinct segments, distinct documents, or covered characters by ``key``."""
    if joined.empty:
        return pd.Series(dtype="float64")
    if measure == "segments":
        return joined.groupby(key)["segment"].nunique().astype("float64")
    if measure in ("documents", "share"):
        return joined.groupby(key)["document"].nunique().astype("float64")
    unique = joined.drop_duplicates([key, "segment"])
    keys, positions = pd.factorize(unique[key], sort=False)
    combined = np.stack(
        [
            keys.astype(np.int64),
            unique["code"].to_numpy(np.int64),
            unique["document"].to_numpy(np.int64),
        ],
        axis=1,
    )
    groups, inverse = np.unique(combined, axis=0, return_inverse=True)
    covered = covered_length(
        inverse.reshape(-1).astype(np.int64),
        unique["start"].to_numpy(np.int64),
        unique["end"].to_numpy(np.int64),
    )
    sums = np.zeros(len(positions), dtype=np.float64)
    for group, length in covered.items():
        sums[int(groups[group][0])] += length
    return pd.Series(sums, index=pd.Index(list(positions)))


# -- choices -----------------------------------------------------------------------------


def group_reference(group: CodeGroupInfo) -> str:
    """How a request names a group: its template key (``outcomes``) or else its name."""
    for key, text in group_keys().items():
        if group.name in (text.en, text.es):
            return key
    return group.name


def attribute_reference(corpus: Corpus, attribute_id: int) -> str:
    """How a request names an attribute: its role (``ilab_project``) or else its name."""
    role = next((r for r, i in corpus.roles.items() if i == attribute_id), None)
    return role if role is not None else corpus.attribute(attribute_id).name


def consensus_coder(corpus: Corpus) -> str | None:
    """The name of the consensus coder, when there is one."""
    found = next((c for c in corpus.coders if c.name.casefold() in CONSENSUS_NAMES), None)
    return None if found is None else found.name


def attribute_values(corpus: Corpus, name: str) -> list[str]:
    """The values documents have for an attribute (ILAB projects split), sorted."""
    attribute = next(a for a in corpus.attributes if a.name == name)
    found = {v for values in corpus.values(attribute.id).values() for v in values}
    chosen = [c for c in attribute.choices if c in found]
    return chosen + sorted(found - set(chosen), key=str.casefold)
