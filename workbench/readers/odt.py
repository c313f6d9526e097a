"""OpenDocument ``.odt`` files, read from ``content.xml`` with ElementTree."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from workbench.readers.common import (
    build_read_text,
    collapse_blank_lines,
    open_zip,
    parse_xml,
    read_member,
    split_tag,
)
from workbench.readers.model import ReaderError, ReadText

_KIND = "OpenDocument text (.odt)"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_MIMETYPE_PREFIX = b"application/vnd.oasis.opendocument.text"
_COLLAPSIBLE = re.compile(r"[ \t\r\n]+")
# Text-level elements whose content is not part of the running text.
_SKIP_INLINE = frozenset(
    {
        (_TEXT, "note"),
        (_TEXT, "tracked-changes"),
        (_TEXT, "bookmark-ref"),
        (_OFFICE, "annotation"),
        (_OFFICE, "annotation-end"),
    }
)
_BLOCK_CONTAINERS = frozenset(
    {
        (_TEXT, "list"),
        (_TEXT, "list-item"),
        (_TEXT, "list-header"),
        (_TEXT, "section"),
        (_TEXT, "index-body"),
        (_TEXT, "index-title"),
        (_TEXT, "table-of-content"),
        (_TEXT, "alphabetical-index"),
        (_TEXT, "illustration-index"),
        (_TEXT, "bibliography"),
    }
)
_ROW_GROUPS = frozenset({"table-header-rows", "table-rows", "table-row-group"})


class _Paragraph:
    """Builds one paragraph's text, applying ODF white-space collapsing."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending_space = False  # a collapsed space not yet written
        self.at_start = True

    def text(self, value: str | None) -> None:
        """Add character data, collapsing runs of white space to one space."""
        if not value:
            return
        pieces = _COLLAPSIBLE.split(value)
        for index, piece in enumerate(pieces):
            if index > 0:
                self.pending_space = not self.at_start
            if piece:
                self.literal(piece)

    def literal(self, value: str) -> None:
        """Add text that is written as is (e.g. from ``text:s`` or ``text:tab``)."""
        if self.pending_space:
            self.parts.append(" ")
            self.pending_space = False
        self.parts.append(value)
        self.at_start = False

    def result(self) -> str:
        """Return the paragraph text; a trailing collapsed space is dropped."""
        return "".join(self.parts)


class _Extractor:
    """Walks ``office:text`` and collects lines."""

    def __init__(self) -> None:
        self.skipped_frames = False

    def inline(self, element: ET.Element, para: _Paragraph) -> None:
        """Add the text of ``element``'s children (and their tails) to ``para``."""
        for child in element:
            key = split_tag(child.tag)
            namespace = key[0]
            if key in _SKIP_INLINE:
                pass
            elif namespace == _DRAW:
                self.skipped_frames = self.skipped_frames or _has_text_box(child)
            elif key == (_TEXT, "s"):
                para.literal(" " * _count(child.get(f"{{{_TEXT}}}c")))
            elif key == (_TEXT, "tab"):
                para.literal("\t")
            elif key == (_TEXT, "line-break"):
                para.literal("\n")
                para.at_start = True
            elif namespace == _TEXT:
                para.text(child.text)
                self.inline(child, para)
            para.text(child.tail)

    def paragraph(self, element: ET.Element) -> str:
        """Return the text of a ``text:p`` or ``text:h``."""
        para = _Paragraph()
        para.text(element.text)
        self.inline(element, para)
        return para.result()

    def blocks(self, container: ET.Element, lines: list[str]) -> None:
        """Append a line per paragraph/heading and per table row in ``container``."""
        for child in container:
            key = split_tag(child.tag)
            if key in {(_TEXT, "p"), (_TEXT, "h")}:
                lines.append(self.paragraph(child))
            elif key == (_TABLE, "table"):
                self.table(child, lines)
            elif key in _BLOCK_CONTAINERS:
                self.blocks(child, lines)
            elif key[0] == _DRAW:
                self.skipped_frames = self.skipped_frames or _has_text_box(child)

    def table(self, table: ET.Element, lines: list[str]) -> None:
        """Append one line per table row; cells are separated by a tab."""
        for row in self._rows(table):
            cells: list[str] = []
            for cell in row:
                if split_tag(cell.tag) != (_TABLE, "table-cell"):
                    continue
                parts: list[str] = []
                self.blocks(cell, parts)
                flat = (" ".join(part.replace("\t", " ").split("\n")) for part in parts)
                cells.append(" ".join(text for text in flat if text.strip()))
            lines.append("\t".join(cells))

    def _rows(self, element: ET.Element) -> list[ET.Element]:
        rows: list[ET.Element] = []
        for child in element:
            namespace, name = split_tag(child.tag)
            if namespace != _TABLE:
                continue
            if name == "table-row":
                rows.append(child)
            elif name in _ROW_GROUPS:
                rows.extend(self._rows(child))
        return rows


def _has_text_box(element: ET.Element) -> bool:
    """Tell whether a drawing element holds a text box (whose text is skipped)."""
    return any(split_tag(node.tag) == (_DRAW, "text-box") for node in element.iter())


def _count(value: str | None) -> int:
    """Parse the ``text:c`` repeat count of ``text:s`` (default 1)."""
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


def read_odt(path: Path) -> ReadText:
    """Read a ``.odt`` file: headings, paragraphs, lists and tables in order.

    Args:
        path: The file to read.

    Returns:
        The text with its speaker turns.

    Raises:
        ReaderError: The file is not a readable OpenDocument text.
    """
    with open_zip(path, _KIND) as archive:
        names = set(archive.namelist())
        if "mimetype" in names:
            mimetype = read_member(archive, "mimetype", path, _KIND).strip()
            if not mimetype.startswith(_MIMETYPE_PREFIX):
                kind = mimetype.decode("ascii", errors="replace") or "unknown"
                raise ReaderError(path, f"it is not a {_KIND} file (its type is {kind})")
        root = parse_xml(read_member(archive, "content.xml", path, _KIND), path, "content.xml")
    body = root.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    if body is None:
        raise ReaderError(path, f"it is not a {_KIND} file (the document text is missing)")
    extractor = _Extractor()
    lines: list[str] = []
    extractor.blocks(body, lines)
    warnings: list[str] = []
    if extractor.skipped_frames:
        warnings.append("Text inside frames or text boxes was not imported.")
    return build_read_text(path, "\n".join(collapse_blank_lines(lines)), "odt", warnings=warnings)
