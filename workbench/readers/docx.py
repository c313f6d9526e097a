"""Word ``.docx`` files: body paragraphs and tables in reading order."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
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

_KIND = "Word (.docx)"
# Transitional and Strict OOXML namespaces for WordprocessingML.
_W = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
# Inline elements whose content is not part of the running text.
_SKIP_INLINE = frozenset(
    {
        "del",
        "moveFrom",
        "instrText",
        "delInstrText",
        "delText",
        "fldChar",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "annotationRef",
        "tblGrid",
        "tblPrEx",
    }
)
_SHAPES = frozenset({"drawing", "pict", "object", "AlternateContent"})


def _main_part_name(archive_names: set[str], content_types: ET.Element | None) -> str | None:
    """Find the main document part from ``[Content_Types].xml``."""
    if content_types is not None:
        for override in content_types.iter(f"{_CT}Override"):
            if override.get("ContentType") in _MAIN_TYPES:
                name = str(PurePosixPath(override.get("PartName", "/"))).lstrip("/")
                if name in archive_names:
                    return name
    return None


class _Extractor:
    """Walks the document body and collects lines of text."""

    def __init__(self) -> None:
        self.skipped_shapes = False

    def inline(self, element: ET.Element, out: list[str]) -> None:
        """Append the running text under ``element`` to ``out``."""
        for child in element:
            namespace, name = split_tag(child.tag)
            if name in _SHAPES:
                self.skipped_shapes = self.skipped_shapes or any(
                    split_tag(node.tag)[1] == "txbxContent" for node in child.iter()
                )
                continue
            if namespace not in _W or name in _SKIP_INLINE or name.endswith("Pr"):
                continue
            if name == "t":
                out.append(child.text or "")
            elif name in {"tab", "ptab"}:
                out.append("\t")
            elif name in {"br", "cr"}:
                out.append("\n")
            elif name == "noBreakHyphen":
                out.append("-")
            else:
                self.inline(child, out)

    def paragraph(self, element: ET.Element) -> str:
        """Return the text of one ``w:p``."""
        out: list[str] = []
        self.inline(element, out)
        return "".join(out)

    def blocks(self, container: ET.Element, lines: list[str]) -> None:
        """Append one line per paragraph and per table row found in ``container``."""
        for child in container:
            namespace, name = split_tag(child.tag)
            if namespace not in _W:
                continue
            if name == "p":
                lines.append(self.paragraph(child))
            elif name == "tbl":
                self.table(child, lines)
            elif name in {"sdt", "sdtContent", "customXml", "ins", "moveTo"}:
                self.blocks(child, lines)

    def table(self, table: ET.Element, lines: list[str]) -> None:
        """Append one line per row; cells are separated by a tab."""
        for row in self._children(table, "tr"):
            cells = [self.cell_text(cell) for cell in self._children(row, "tc")]
            lines.append("\t".join(cells))

    def cell_text(self, cell: ET.Element) -> str:
        """Return everything inside a cell, joined with spaces on one line."""
        parts: list[str] = []
        self.blocks(cell, parts)
        words = (" ".join(part.replace("\t", " ").split("\n")) for part in parts)
        return " ".join(word for word in words if word.strip())

    def _children(self, element: ET.Element, wanted: str) -> list[ET.Element]:
        """Direct children named ``wanted``, looking through content controls."""
        found: list[ET.Element] = []
        for child in element:
            namespace, name = split_tag(child.tag)
            if namespace not in _W:
                continue
            if name == wanted:
                found.append(child)
            elif name in {"sdt", "sdtContent", "customXml"}:
                found.extend(self._children(child, wanted))
        return found


def read_docx(path: Path) -> ReadText:
    """Read a ``.docx`` file: body paragraphs and tables, in reading order.

    One paragraph per line; a table row becomes one line with its cells
    separated by tabs. Headers, footers, comments, footnotes and text boxes
    are left out. Runs of empty paragraphs collapse to one empty line.

    Args:
        path: The file to read.

    Returns:
        The text with its speaker turns.

    Raises:
        ReaderError: The file is not a readable Word document.
    """
    with open_zip(path, _KIND) as archive:
        names = set(archive.namelist())
        content_types = None
        if "[Content_Types].xml" in names:
            raw = read_member(archive, "[Content_Types].xml", path, _KIND)
            content_types = parse_xml(raw, path, "[Content_Types].xml")
        part = _main_part_name(names, content_types)
        if part is None:
            raise ReaderError(path, f"it is not a {_KIND} file (no Word document body inside)")
        root = parse_xml(read_member(archive, part, path, _KIND), path, part)
    body = next((el for el in root if split_tag(el.tag)[1] == "body"), None)
    if body is None or split_tag(root.tag)[0] not in _W:
        raise ReaderError(path, f"it is not a {_KIND} file (the document body is missing)")
    extractor = _Extractor()
    lines: list[str] = []
    extractor.blocks(body, lines)
    warnings: list[str] = []
    if extractor.skipped_shapes:
        warnings.append("Text inside text boxes or shapes was not imported.")
    return build_read_text(path, "\n".join(collapse_blank_lines(lines)), "docx", warnings=warnings)
