"""What a matrix query returns.

Numbers keyed by ids, labels, a description, and the segments behind each cell (for
drilling down to quotes).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd

from workbench.analysis.labels import Text


@dataclass(frozen=True)
class Description:
    """What a matrix shows, for its caption and the methods text.

    Attributes:
        rows: what the rows are ("Outcomes").
        columns: what the columns are ("ILAB project").
        measure: what a cell counts ("number of documents").
        filters: the scope (coders, document attributes).
        note: a remark on how cells are counted, when needed.
    """

    rows: Text
    columns: Text
    measure: Text
    filters: tuple[Text, ...] = ()
    note: Text | None = None

    def caption(self, language: str = "en") -> str:
        """A one-line caption: "Outcomes by ILAB project: number of documents"."""
        joiner = " por " if language == "es" else " by "
        title = self.rows.get(language) + joiner + self.columns.get(language)
        return f"{title}: {self.measure.get(language)}"

    def methods(self, language: str = "en") -> str:
        """A sentence or two for a methods section."""
        scope = "; ".join(f.get(language) for f in self.filters)
        if language == "es":
            text = (
                f"Filas: {self.rows.es}. Columnas: {self.columns.es}. "
                f"Cada celda: {self.measure.es}. Alcance: {scope or 'todo el proyecto'}."
            )
        else:
            text = (
                f"Rows: {self.rows.en}. Columns: {self.columns.en}. "
                f"Each cell: {self.measure.en}. Scope: {scope or 'the whole project'}."
            )
        if self.note is not None:
            text += " " + self.note.get(language)
        return text


@dataclass(frozen=True)
class Matrix:
    """A table of counts with rows and columns keyed by ids or values.

    Attributes:
        kind: ``code_attribute``, ``cooccurrence``, ``code_coder``, ``triangulation``,
            ``outcomes`` or ``presence``.
        values: the cells; index and columns are keys (code ids, coder ids, attribute
            values, document ids).
        row_labels: row key -> label shown in a table.
        column_labels: column key -> label shown in a table.
        description: rows, columns, measure and filters, in English and Spanish.
        cells: the segments behind the cells, columns ``segment``, ``row``, ``column``.
        language: the language of the generated labels.
    """

    kind: str
    values: pd.DataFrame
    row_labels: dict[Hashable, str]
    column_labels: dict[Hashable, str]
    description: Description
    cells: pd.DataFrame
    language: str = "en"

    def labelled(self) -> pd.DataFrame:
        """The values with labels instead of keys, for a report or a spreadsheet."""
        table = self.values.copy()
        table.index = pd.Index([self.row_labels.get(k, str(k)) for k in table.index])
        table.columns = pd.Index([self.column_labels.get(k, str(k)) for k in table.columns])
        return table

    def cell_segments(self, row: Hashable, column: Hashable | None = None) -> list[int]:
        """The ids of the segments counted in a cell (or in a whole row)."""
        # Keys may be tuples, which pandas would compare element by element.
        chosen = self.cells["row"].map(lambda key: key == row).astype(bool)
        if column is not None:
            chosen &= self.cells["column"].map(lambda key: key == column).astype(bool)
        return sorted({int(s) for s in self.cells.loc[chosen, "segment"]})


def empty_cells() -> pd.DataFrame:
    """A cells table with no segments."""
    return pd.DataFrame({"segment": pd.Series(dtype="int64"), "row": [], "column": []})


def cells_of(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``segment``, ``row`` and ``column`` columns of a frame, renumbered."""
    return frame[["segment", "row", "column"]].reset_index(drop=True)
