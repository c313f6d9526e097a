"""Word building blocks python-docx lacks: fast tables, captions, TOC, landscape sections.

Table rows are written straight into the XML (one ``w:tr`` per row), which is many
times faster than python-docx's cell objects for tables of thousands of quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from workbench.export.text import xml_safe

#: Elements that follow ``w:updateFields`` in ``settings.xml`` (the schema's order).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema "
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults "
    "doNotEmbedSmartTags decimalSymbol listSeparator"
).split()
#: Twentieths of a point per EMU (python-docx lengths are EMUs).
_EMU_PER_TWIP = 635


def _field_run(paragraph: Paragraph, kind: str, text: str | None = None) -> None:
    run = paragraph.add_run()._r
    if kind == "instr":
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = text or ""
        run.append(instr)
    else:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            char.set(qn("w:dirty"), "true")
        run.append(char)


def add_toc(document: Document, placeholder: str, levels: str = "1-2") -> Paragraph:
    """A table-of-contents field over the heading levels, updated by Word on opening."""
    paragraph = document.add_paragraph()
    _field_run(paragraph, "begin")
    _field_run(paragraph, "instr", f' TOC \\o "{levels}" \\h \\z \\u ')
    _field_run(paragraph, "separate")
    paragraph.add_run(xml_safe(placeholder))
    _field_run(paragraph, "end")
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        successor = next(
            (c for c in settings if str(c.tag).rpartition("}")[2] in _AFTER_UPDATE_FIELDS),
            None,
        )
        if successor is None:
            settings.append(update)
        else:
            successor.addprevious(update)
    return paragraph


def add_caption(document: Document, word: str, number: int, text: str) -> Paragraph:
    """A caption "Table N. text" in Word's Caption style, N being a SEQ field."""
    paragraph = document.add_paragraph(style="Caption")
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(f"{word} ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" SEQ {word} \\* ARABIC ")
    run = OxmlElement("w:r")
    value = OxmlElement("w:t")
    value.text = str(number)
    run.append(value)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(f". {xml_safe(text)}")
    return paragraph


def set_orientation(document: Document, landscape: bool) -> bool:
    """Start a new section when the page must turn; returns True when one was added."""
    current = document.sections[-1]
    wanted = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if current.orientation == wanted:
        return False
    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    section.orientation = wanted
    if (width > height) != landscape:
        section.page_width, section.page_height = height, width
    return True


def _text_width(document: Document) -> int:
    section = document.sections[-1]
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return max(int(width) // _EMU_PER_TWIP, 1440)


def _sub(parent: Any, tag: str) -> Any:
    child = OxmlElement(tag)
    parent.append(child)
    return child


def _cell(row: Any, text: str, width: int, right: bool, bold: bool, size: int) -> None:
    cell = _sub(row, "w:tc")
    properties = _sub(cell, "w:tcPr")
    measure = _sub(properties, "w:tcW")
    measure.set(qn("w:w"), str(width))
    measure.set(qn("w:type"), "dxa")
    paragraph = _sub(cell, "w:p")
    if right:
        alignment = _sub(_sub(paragraph, "w:pPr"), "w:jc")
        alignment.set(qn("w:val"), "right")
    run = _sub(paragraph, "w:r")
    if bold or size:
        look = _sub(run, "w:rPr")
        if bold:
            _sub(look, "w:b")
        if size:
            _sub(look, "w:sz").set(qn("w:val"), str(size))
    for index, line in enumerate(xml_safe(text).split("\n")):
        if index:
            _sub(run, "w:br")
        piece = _sub(run, "w:t")
        piece.set(qn("xml:space"), "preserve")
        piece.text = line


def add_table(
    document: Document,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Sequence[bool],
    weights: Sequence[float] | None = None,
    font_size: float | None = None,
) -> Table:
    """A grid table whose header row repeats on every page and whose numbers align right.

    Args:
        document: the document.
        header: the column titles.
        rows: the cells as text, row by row.
        numeric: for each column, whether it holds numbers (aligned right).
        weights: relative column widths (equal when None).
        font_size: in points (the style's size when None).
    """
    table: Table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    total = _text_width(document)
    shares = list(weights or [1.0] * len(header))
    widths = [int(total * w / sum(shares)) for w in shares]
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width))
    size = round(font_size * 2) if font_size else 0
    element = table._tbl
    first = _sub(element, "w:tr")
    flags = _sub(first, "w:trPr")
    _sub(flags, "w:tblHeader")
    _sub(flags, "w:cantSplit")
    for title, width, right in zip(header, widths, numeric, strict=True):
        _cell(first, title, width, right, True, size)
    for cells in rows:
        row = _sub(element, "w:tr")
        for text, width, right in zip(cells, widths, numeric, strict=True):
            _cell(row, text, width, right, False, size)
    return table
