"""OpenDocument text files written by hand as zip + content.xml."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.workbench.readers.builders import write_odt
from workbench.readers import ReaderError, read_file

BODY = (
    "<text:h text:outline-level='1'>Entrevista 4</text:h>"
    "<text:p>ENTREVISTADOR: <text:span>¿Dónde</text:span> trabaja?</text:p>"
    "<text:p>TRABAJADORA:<text:s/>En la <text:a xlink:href='http://x'>planta</text:a>"
    "<text:s text:c='3'/>norte.<text:tab/>Desde<text:line-break/>2019.</text:p>"
    "<text:p/><text:p/>"
    "<text:list><text:list-item><text:p>primero</text:p></text:list-item>"
    "<text:list-item><text:p>segundo<text:note><text:note-citation>1</text:note-citation>"
    "<text:note-body><text:p>nota al pie</text:p></text:note-body></text:note></text:p>"
    "</text:list-item></text:list>"
    "<table:table><table:table-column table:number-columns-repeated='2'/>"
    "<table:table-row><table:table-cell><text:p>Fecha</text:p></table:table-cell>"
    "<table:table-cell><text:p>Lugar</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>lunes</text:p></table:table-cell>"
    "<table:table-cell><text:p>Planta</text:p><text:p>norte</text:p></table:table-cell>"
    "</table:table-row></table:table>"
    "<text:p>\n   ENTREVISTADOR:   Gracias.\n </text:p>"
)


def test_headings_paragraphs_lists_tables_and_spaces(tmp_path: Path) -> None:
    result = read_file(write_odt(tmp_path / "entrevista.odt", BODY))
    assert result.text == (
        "Entrevista 4\n"
        "ENTREVISTADOR: ¿Dónde trabaja?\n"
        "TRABAJADORA: En la planta   norte.\tDesde\n2019.\n"
        "\n"
        "primero\n"
        "segundo\n"
        "Fecha\tLugar\n"
        "lunes\tPlanta norte\n"
        "ENTREVISTADOR: Gracias."
    )
    assert result.source_format == "odt"
    speakers = [turn.speaker for turn in result.turns]
    assert speakers == ["ENTREVISTADOR", "TRABAJADORA", "ENTREVISTADOR"]
    assert result.text[result.turns[0].start : result.turns[0].end] == "¿Dónde trabaja?"
    assert result.text[result.turns[2].start : result.turns[2].end] == "Gracias."


def test_text_box_frames_are_reported(tmp_path: Path) -> None:
    body = (
        "<text:p>Antes<draw:frame><draw:text-box><text:p>CAJA</text:p></draw:text-box>"
        "</draw:frame> después</text:p>"
    )
    result = read_file(write_odt(tmp_path / "caja.odt", body))
    assert result.text == "Antes después"
    assert result.warnings == ("Text inside frames or text boxes was not imported.",)


def test_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hoja.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(ReaderError, match="spreadsheet"):
        read_file(path)


def test_missing_content_xml(tmp_path: Path) -> None:
    path = tmp_path / "vacio.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ReaderError, match=r"content\.xml"):
        read_file(path)


def test_bad_xml(tmp_path: Path) -> None:
    path = tmp_path / "malo.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content><unclosed>")
    with pytest.raises(ReaderError, match="not valid XML"):
        read_file(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "texto.odt"
    path.write_text("esto no es un odt", encoding="utf-8")
    with pytest.raises(ReaderError, match="not a valid OpenDocument"):
        read_file(path)


def test_document_without_text(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="no text"):
        read_file(write_odt(tmp_path / "blanco.odt", "<text:p/><text:p>  </text:p>"))
