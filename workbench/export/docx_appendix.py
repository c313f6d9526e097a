"""The Word appendix: methods, codebook, matrices, outcome evidence and quotes.

The document uses Word's own styles (Title, Heading 1 and 2, Caption, Table Grid), so
that the navigation pane and the table of contents (a TOC field Word fills in on
opening) work; tables wider than seven columns go on landscape pages. The core draws
no charts (it does not depend on a plotting library): the GUI renders its charts as PNG
images and hands them over, and they are placed after the matrices as captioned figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.agreement.result import AgreementResult

import io
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pandas as pd
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu

from workbench.analysis.filters import code_label
from workbench.analysis.labels import MEASURES, Text
from workbench.analysis.result import Matrix
from workbench.errors import InvalidInputError
from workbench.export import labels
from workbench.export.agreement_report import add_agreement_section
from workbench.export.contents import Contents, gather, key_attributes
from workbench.export.docx_tables import add_caption, add_table, add_toc, set_orientation
from workbench.export.options import ExportOptions
from workbench.export.text import partial, xml_safe
from workbench.project import Project

#: Tables with more columns than this go on a landscape page.
PORTRAIT_COLUMNS = 7
#: A figure is at most this share of the page's text height (room for its caption).
FIGURE_HEIGHT = 0.7
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass
class AppendixReport:
    """What was written."""

    path: Path
    tables: int = 0
    quotes: int = 0
    landscape_sections: int = 0
    captions: list[str] = field(default_factory=list)
    figures: int = 0


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height, in pixels, of a PNG image.

    Raises:
        InvalidInputError: the bytes are not a PNG image.
    """
    if len(data) < 24 or not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise InvalidInputError("a chart for the appendix must be a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height:
        raise InvalidInputError("a chart for the appendix must not be empty")
    return int(width), int(height)


def _number(value: object, share: bool) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if share and isinstance(value, float):
        return f"{value:.0%}"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def _missing(value: object) -> bool:
    return (isinstance(value, float) and value != value) or value is pd.NA


def _cells(values: tuple[object, ...], numeric: list[bool], share: bool) -> list[str]:
    return [
        _number(v, share) if n else ("" if v is None or _missing(v) else str(v))
        for v, n in zip(values, numeric, strict=True)
    ]


class _Writer:
    def __init__(self, contents: Contents, report: AppendixReport) -> None:
        self.contents = contents
        self.language = contents.language
        self.report = report
        self.document: Document = docx.Document()
        self.pending: list[tuple[str, int | None]] = []

    def text(self, text: Text) -> str:
        return str(text.get(self.language))

    def heading(self, text: str, level: int) -> None:
        """A heading, written with the next table (on the same page orientation)."""
        self.pending.append((text, level))

    def paragraph(self, text: str, *, lead: bool = False) -> None:
        """A paragraph; one that leads into the next table waits for it, like headings."""
        if lead:
            self.pending.append((text, None))
        else:
            self.flush()
            self.document.add_paragraph(xml_safe(text))

    def flush(self) -> None:
        for text, level in self.pending:
            if level is None:
                self.document.add_paragraph(xml_safe(text))
            else:
                self.document.add_heading(xml_safe(text), level=level)
        self.pending = []

    def table(
        self,
        caption: str,
        frame: pd.DataFrame,
        *,
        first: str | None = None,
        share: bool = False,
        weights: list[float] | None = None,
        landscape: bool | None = None,
    ) -> None:
        """A captioned table of a frame (its index as the first column when named)."""
        header = ([first] if first is not None else []) + [str(c) for c in frame.columns]
        numeric = ([False] if first is not None else []) + [
            pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns
        ]
        wide = len(header) > PORTRAIT_COLUMNS if landscape is None else landscape
        if set_orientation(self.document, wide) and wide:
            self.report.landscape_sections += 1
        self.flush()
        self.report.tables += 1
        self.report.captions.append(caption)
        add_caption(self.document, self.text(labels.TABLE), self.report.tables, caption)
        flags = numeric[1:] if first is not None else numeric
        # Plain lists: itertuples yields nothing for a frame without columns.
        values = frame.to_numpy(dtype=object).tolist()
        rows = (
            ([str(index)] if first is not None else []) + _cells(tuple(cells), flags, share)
            for index, cells in zip(frame.index, values, strict=True)
        )
        size = 8.0 if len(header) > PORTRAIT_COLUMNS else (9.0 if wide else None)
        add_table(self.document, header, rows, numeric=numeric, weights=weights, font_size=size)
        self.document.add_paragraph()

    def figure(self, caption: str, data: bytes) -> None:
        """A PNG picture on a portrait page, as wide as the text, captioned "Figure N." below."""
        width, height = png_size(data)
        set_orientation(self.document, False)
        self.flush()
        section = self.document.sections[-1]
        room_width = (section.page_width or 0) - (section.left_margin or 0)
        room_width -= section.right_margin or 0
        room_height = (section.page_height or 0) - (section.top_margin or 0)
        room_height -= section.bottom_margin or 0
        scale = min(room_width / width, room_height * FIGURE_HEIGHT / height)
        holder = self.document.add_paragraph()
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        holder.paragraph_format.keep_with_next = True
        holder.add_run().add_picture(
            io.BytesIO(data), width=Emu(int(width * scale)), height=Emu(int(height * scale))
        )
        self.report.figures += 1
        below = add_caption(self.document, self.text(labels.FIGURE), self.report.figures, caption)
        below.paragraph_format.keep_with_next = False


def write_appendix(
    project: Project,
    path: Path,
    options: ExportOptions | None = None,
    *,
    contents: Contents | None = None,
    images: Sequence[tuple[str, bytes]] = (),
    agreement: AgreementResult | None = None,
) -> AppendixReport:
    """Write the Word appendix.

    Args:
        project: the project.
        path: the ``.docx`` file to write (replaced when it exists).
        options: what to include (the defaults when None).
        contents: contents computed already (by :func:`~workbench.export.contents.gather`).
        images: charts as ``(caption, PNG bytes)``, written after the matrices as figures
            with a caption "Figure N." under each (the GUI renders them; the core draws none).
        agreement: an agreement result, written as an "Inter-coder agreement" section
            (its methods sentence and per-code table) after the figures.

    Returns:
        The counts of tables, figures, quotes and landscape sections written.

    Raises:
        InvalidInputError: an image is not a PNG image.
    """
    for _caption, data in images:
        png_size(data)
    contents = contents or gather(project, options or ExportOptions())
    report = AppendixReport(path=path)
    writer = _Writer(contents, report)
    document = writer.document
    title = writer.text(labels.TITLE)
    document.add_heading(xml_safe(f"{title} — {contents.title}" if contents.title else title), 0)
    document.add_paragraph(xml_safe(writer.text(labels.CONTENTS)), style="TOC Heading")
    add_toc(document, writer.text(labels.TOC_PLACEHOLDER))
    _methods(writer)
    _codebook(writer)
    _matrices(writer)
    _figures(writer, images)
    if agreement is not None:
        set_orientation(document, False)
        writer.flush()
        report.tables += 1
        add_agreement_section(document, agreement, writer.language, report.tables)
    _outcomes(writer)
    _quotes(writer)
    writer.flush()
    temporary = partial(path)
    try:
        document.save(str(temporary))
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return report


def _methods(writer: _Writer) -> None:
    contents, language = writer.contents, writer.language
    summary = contents.summary
    writer.heading(writer.text(labels.METHODS), 1)
    writer.paragraph(
        labels.summary_sentence(
            language, summary.documents, summary.segments, len(summary.coders), summary.dates
        ),
        lead=True,
    )
    if not summary.by_source.empty:
        frame = summary.by_source.set_index("source_type")
        frame.columns = pd.Index([writer.text(labels.SOURCE_COLUMNS["documents"])])
        writer.table(
            writer.text(labels.DOCUMENTS_BY_SOURCE),
            frame,
            first=writer.text(labels.SOURCE_COLUMNS["source_type"]),
        )
    coders = summary.coders.set_index("name")
    coders.columns = pd.Index([writer.text(labels.CODER_COLUMNS[c]) for c in coders.columns])
    writer.table(
        writer.text(labels.CODERS), coders, first=writer.text(labels.CODER_COLUMNS["name"])
    )


def _codebook(writer: _Writer) -> None:
    writer.heading(writer.text(labels.CODEBOOK), 1)
    frame = writer.contents.codebook.drop(columns=["path"])
    frame.columns = pd.Index([writer.text(labels.CODEBOOK_COLUMNS[c]) for c in frame.columns])
    writer.table(
        writer.text(labels.CODEBOOK),
        frame.reset_index(drop=True).set_index(frame.columns[0]),
        first=frame.columns[0],
        weights=[0.6, 1.6, 1.0, 3.0, 2.4, 2.4, 0.8, 0.8],
        landscape=True,
    )


def _matrix_frame(matrix: Matrix) -> pd.DataFrame:
    return matrix.labelled()


def _matrices(writer: _Writer) -> None:
    if not writer.contents.matrices:
        return
    writer.heading(writer.text(labels.MATRICES), 1)
    for _spec, matrix in writer.contents.matrices:
        caption = matrix.description.caption(writer.language)
        writer.heading(caption, 2)
        writer.table(
            caption,
            _matrix_frame(matrix),
            first=matrix.description.rows.get(writer.language),
            share=matrix.description.measure == MEASURES["share"],
            weights=[3.0] + [1.0] * len(matrix.values.columns),
        )
        writer.paragraph(matrix.description.methods(writer.language))


def _figures(writer: _Writer, images: Sequence[tuple[str, bytes]]) -> None:
    if not images:
        return
    writer.heading(writer.text(labels.CHARTS), 1)
    for caption, data in images:
        writer.figure(caption, data)


def _outcomes(writer: _Writer) -> None:
    outcomes = writer.contents.outcomes
    if outcomes is None or outcomes.values.empty:
        return
    writer.heading(writer.text(labels.OUTCOMES), 1)
    caption = writer.text(labels.OUTCOMES)
    writer.table(
        caption,
        outcomes.labelled(),
        first=outcomes.description.rows.get(writer.language),
        weights=[2.0, 3.0, 0.8, 1.2, 1.4, 0.8, 0.8, 1.2],
        landscape=True,
    )
    writer.paragraph(outcomes.description.methods(writer.language))


def _quotes(writer: _Writer) -> None:
    contents = writer.contents
    if not contents.options.quotes_per_code or not any(contents.quotes.values()):
        return
    writer.heading(writer.text(labels.QUOTES), 1)
    attributes = key_attributes(contents.corpus)
    codes = contents.corpus.code_by_id
    header = [writer.text(labels.QUOTE_COLUMNS[k]) for k in labels.QUOTE_COLUMNS]
    for code_id, found in contents.quotes.items():
        if not found:
            continue
        label = code_label(codes[code_id])
        writer.heading(label, 2)
        total = contents.quote_totals.get(code_id, len(found))
        note = labels.quotes_note(
            writer.language, len(found), total, contents.options.quotes_per_code
        )
        writer.paragraph(note, lead=True)
        frame = pd.DataFrame(
            {
                header[0]: [q.text for q in found],
                header[1]: [q.document for q in found],
                header[2]: [attributes.get(q.document_id, "") for q in found],
                header[3]: [q.paragraph for q in found],
                header[4]: [q.coder for q in found],
            }
        )
        caption = f"{writer.text(labels.QUOTES_OF)}: {label}"
        writer.table(caption, frame, weights=[4.0, 1.6, 1.6, 0.7, 1.1])
        writer.report.quotes += len(found)
