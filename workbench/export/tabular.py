"""The tables of an appendix as plain frames, for CSV files and Excel sheets."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.analysis.evidence import presence
from workbench.analysis.labels import Text
from workbench.analysis.result import Matrix
from workbench.export import labels
from workbench.export.contents import Contents, key_attributes, segments_frame


@dataclass(frozen=True)
class NamedTable:
    """A table with a file-friendly name, a caption and a methods note."""

    name: str
    caption: str
    methods: str
    frame: pd.DataFrame
    sheet: str = ""

    @property
    def short(self) -> str:
        """A short title, for a sheet name."""
        return self.sheet or self.caption


def matrix_frame(matrix: Matrix, language: str) -> pd.DataFrame:
    """A matrix in wide form: a first column of row labels, then one column per key."""
    table = matrix.labelled()
    title = matrix.description.rows.get(language)
    table.index.name = title
    return table.reset_index()


def _slug(text: str) -> str:
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.casefold())
    return "-".join(part for part in kept.split("-") if part)


def tables(contents: Contents, *, segments: bool = True, quotes: bool = False) -> list[NamedTable]:
    """Every table of the appendix, in order, in the contents' language.

    Args:
        contents: what the appendix holds.
        segments: begin with every segment in the long format (with attributes).
        quotes: end with the quotes of each code, as capped for the Word appendix.
    """
    language = contents.language

    def word(text: Text) -> str:
        return text.get(language)

    found: list[NamedTable] = []
    if segments:
        frame = segments_frame(contents.corpus, contents.filters)
        found.append(NamedTable("segments", word(labels.SEGMENTS), "", frame))
    summary = contents.summary
    if not summary.by_source.empty:
        by_source = summary.by_source.rename(
            columns={k: word(t) for k, t in labels.SOURCE_COLUMNS.items()}
        )
        found.append(
            NamedTable("documents-by-source-type", word(labels.DOCUMENTS_BY_SOURCE), "", by_source)
        )
    coders = summary.coders.rename(columns={k: word(t) for k, t in labels.CODER_COLUMNS.items()})
    found.append(NamedTable("coders", word(labels.CODERS), "", coders))
    codebook = contents.codebook.rename(
        columns={k: word(t) for k, t in labels.CODEBOOK_COLUMNS.items()}
    )
    found.append(NamedTable("codebook", word(labels.CODEBOOK), "", codebook))
    for number, (spec, matrix) in enumerate(contents.matrices, start=1):
        found.append(
            NamedTable(
                f"matrix-{number:02d}-{_slug(spec)}",
                matrix.description.caption(language),
                matrix.description.methods(language),
                matrix_frame(matrix, language),
                f"{matrix.description.rows.get(language)} x "
                f"{matrix.description.columns.get(language)}",
            )
        )
    if contents.outcomes is not None and not contents.outcomes.values.empty:
        found.append(
            NamedTable(
                "outcomes",
                word(labels.OUTCOMES),
                contents.outcomes.description.methods(language),
                matrix_frame(contents.outcomes, language),
            )
        )
    flags = presence(contents.corpus, contents.filters, language=language)
    frame = matrix_frame(flags, language)
    attributes = {d.name: d.attributes for d in contents.corpus.documents}
    names = [a.name for a in contents.corpus.attributes]
    first = frame.columns[0]
    for position, name in enumerate(names, start=1):
        column = name if name not in frame.columns else f"attribute: {name}"
        frame.insert(position, column, [attributes[d].get(name, "") for d in frame[first]])
    found.append(
        NamedTable("presence", word(labels.PRESENCE), flags.description.methods(language), frame)
    )
    if quotes and contents.quotes:
        found.append(NamedTable("quotes", word(labels.QUOTES), "", quotes_table(contents)))
    return found


def quotes_table(contents: Contents) -> pd.DataFrame:
    """The capped quotes of every code, with the code, in codebook then document order."""
    language = contents.language
    attributes = key_attributes(contents.corpus)
    rows = [
        [q.code, q.text, q.document, attributes.get(q.document_id, ""), q.paragraph, q.coder]
        for found in contents.quotes.values()
        for q in found
    ]
    header = [labels.CODE.get(language)] + [t.get(language) for t in labels.QUOTE_COLUMNS.values()]
    return pd.DataFrame(rows, columns=header)
