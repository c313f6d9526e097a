"""Word documents built with python-docx and read back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from workbench.readers import ReaderError, common, read_file


def _add_hyperlink(paragraph: Paragraph, text: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), "rId99")
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = text
    run.append(run_text)
    link.append(run)
    paragraph._p.append(link)


def _build(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "CABECERA confidencial"
    document.add_paragraph("ENTREVISTADORA: ¿Cómo empezó la huelga?")
    answer = document.add_paragraph("TRABAJADORA 2: Empezó en marzo.")
    answer.add_run().add_break()
    answer.add_run("Éramos\tmuchas ")
    _add_hyperlink(answer, "véase el acta")
    document.add_paragraph("")
    document.add_paragraph("")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Fecha"
    table.cell(0, 1).text = "Lugar"
    table.cell(1, 0).text = "1 de marzo"
    cell = table.cell(1, 1)
    cell.text = "Planta"
    cell.add_paragraph("norte")
    document.add_paragraph("ENTREVISTADORA: Gracias.")
    document.add_paragraph("")
    document.save(str(path))
    return path


def test_paragraphs_tables_breaks_and_links_in_reading_order(tmp_path: Path) -> None:
    result = read_file(_build(tmp_path / "entrevista.docx"))
    assert result.text == (
        "ENTREVISTADORA: ¿Cómo empezó la huelga?\n"
        "TRABAJADORA 2: Empezó en marzo.\n"
        "Éramos\tmuchas véase el acta\n"
        "\n"
        "Fecha\tLugar\n"
        "1 de marzo\tPlanta norte\n"
        "ENTREVISTADORA: Gracias."
    )
    assert result.source_format == "docx"
    assert result.encoding is None
    assert "CABECERA" not in result.text
    speeches = [result.text[turn.start : turn.end] for turn in result.turns]
    assert [turn.speaker for turn in result.turns] == [
        "ENTREVISTADORA",
        "TRABAJADORA 2",
        "ENTREVISTADORA",
    ]
    assert speeches[1].startswith("Empezó en marzo.\nÉramos")
    assert speeches[1].endswith("Planta norte")
    assert speeches[2] == "Gracias."


def test_uppercase_extension_is_accepted(tmp_path: Path) -> None:
    path = _build(tmp_path / "ENTREVISTA.DOCX")
    assert read_file(path).source_format == "docx"


def test_random_bytes_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "roto.docx"
    path.write_bytes(bytes(range(7, 250)) * 20)
    with pytest.raises(ReaderError, match="not a valid Word") as caught:
        read_file(path)
    assert "roto.docx" in str(caught.value)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fotos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hola")
    with pytest.raises(ReaderError, match="not a Word"):
        read_file(path)


def test_old_binary_word_file(tmp_path: Path) -> None:
    path = tmp_path / "viejo.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ReaderError, match="old-style binary Office file"):
        read_file(path)


def test_bad_xml_inside_docx(tmp_path: Path) -> None:
    path = _build(tmp_path / "bueno.docx")
    damaged = tmp_path / "malo.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(ReaderError, match="not valid XML"):
        read_file(damaged)


def test_oversized_xml_member_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "MAX_XML_MEMBER_BYTES", 1000)
    with pytest.raises(ReaderError, match="too large"):
        read_file(_build(tmp_path / "grande.docx"))


def test_text_boxes_are_reported_not_imported(tmp_path: Path) -> None:
    path = _build(tmp_path / "caja.docx")
    boxed = tmp_path / "con_caja.docx"
    shape = (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>EN LA CAJA</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(boxed, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", shape.encode() + b"<w:sectPr", 1)
            target.writestr(item, data)
    result = read_file(boxed)
    assert "EN LA CAJA" not in result.text
    assert result.warnings == ("Text inside text boxes or shapes was not imported.",)
