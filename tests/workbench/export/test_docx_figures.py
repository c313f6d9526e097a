"""Charts handed to the Word appendix as PNG bytes become captioned inline pictures."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.workbench.analysis.conftest import Known
from workbench.errors import InvalidInputError
from workbench.export.docx_appendix import png_size, write_appendix
from workbench.export.options import ExportOptions


def make_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG, written by hand so that the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def shown(paragraph: Paragraph) -> str:
    """A paragraph's text as Word shows it, with the numbers of its fields."""
    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def test_png_size_reads_the_header_and_refuses_other_bytes() -> None:
    assert png_size(make_png(40, 25, (10, 20, 30))) == (40, 25)
    with pytest.raises(InvalidInputError):
        png_size(b"GIF89a" + b"\x00" * 30)


def test_a_chart_is_an_inline_picture_with_its_caption(known: Known, tmp_path: Path) -> None:
    wide = make_png(400, 200, (31, 119, 180))
    tall = make_png(100, 300, (255, 127, 14))
    path = tmp_path / "appendix.docx"
    report = write_appendix(
        known.project,
        path,
        ExportOptions(matrices=("outcomes:state",), quotes_per_code=0),
        images=[("Codes by group: segments", wide), ("Outcomes by State", tall)],
    )
    assert report.figures == 2
    document = docx.Document(str(path))

    shapes = document.inline_shapes
    assert len(shapes) == 2
    blobs = []
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        blobs.append(document.part.related_parts[blip.get(qn("r:embed"))].blob)
    assert blobs == [wide, tall]
    # As wide as the text (the wide one), the tall one kept within the page.
    section = document.sections[0]
    assert section.page_width < section.page_height
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(shapes[0].width - text_width) <= 1
    assert shapes[0].height == pytest.approx(shapes[0].width / 2, abs=2)
    assert shapes[1].height < section.page_height - section.top_margin - section.bottom_margin
    assert shapes[1].height == pytest.approx(shapes[1].width * 3, abs=3)

    paragraphs = document.paragraphs
    pictured = [i for i, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]
    captions = [paragraphs[i + 1] for i in pictured]
    assert [c.style.name for c in captions] == ["Caption", "Caption"]
    assert [shown(c) for c in captions] == [
        "Figure 1. Codes by group: segments",
        "Figure 2. Outcomes by State",
    ]
    fields = [f.get(qn("w:instr")) for c in captions for f in c._p.iter(qn("w:fldSimple"))]
    assert fields == [" SEQ Figure \\* ARABIC ", " SEQ Figure \\* ARABIC "]
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Charts") == headings.index("Matrices") + 1


def test_figures_are_captioned_in_spanish_and_left_out_without_images(
    known: Known, tmp_path: Path
) -> None:
    png = make_png(30, 20, (44, 160, 44))
    spanish = tmp_path / "anexo.docx"
    write_appendix(
        known.project,
        spanish,
        ExportOptions(matrices=(), quotes_per_code=0, language="es"),
        images=[("Códigos por grupo", png)],
    )
    texts = [shown(p) for p in docx.Document(str(spanish)).paragraphs]
    assert "Figura 1. Códigos por grupo" in texts
    assert "Gráficos" in texts

    plain = tmp_path / "plain.docx"
    report = write_appendix(known.project, plain, ExportOptions(matrices=(), quotes_per_code=0))
    assert report.figures == 0
    document = docx.Document(str(plain))
    assert len(document.inline_shapes) == 0
    assert "Charts" not in [p.text for p in document.paragraphs]


def test_a_picture_that_is_not_png_is_refused_before_writing(known: Known, tmp_path: Path) -> None:
    path = tmp_path / "refused.docx"
    with pytest.raises(InvalidInputError, match="PNG"):
        write_appendix(known.project, path, images=[("A chart", b"not an image at all....")])
    assert not path.exists()
