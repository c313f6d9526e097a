"""PDF files with and without a text layer, written by hand."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.workbench.readers.builders import pdf_bytes
from workbench.readers import ReaderError, read_file
from workbench.readers.pdf import NO_TEXT_LAYER

PAGES = [
    ["ENTREVISTADORA: ¿Qué pasó con la acción?", "TRABAJADOR: Los niños (y el sindicato)."],
    [],
    ["Segunda página."],
]


def test_text_of_each_page_separated_by_a_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "entrevista.pdf"
    path.write_bytes(pdf_bytes(PAGES))
    result = read_file(path)
    assert result.text == (
        "ENTREVISTADORA: ¿Qué pasó con la acción?\n"
        "TRABAJADOR: Los niños (y el sindicato).\n"
        "\n"
        "Segunda página."
    )
    assert result.source_format == "pdf"
    assert result.encoding is None
    assert result.warnings == ("Page(s) 2 have no text layer and were skipped (scanned?).",)
    assert [turn.speaker for turn in result.turns] == ["ENTREVISTADORA", "TRABAJADOR"]
    first = result.turns[0]
    assert result.text[first.start : first.end] == "¿Qué pasó con la acción?"


def test_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "escaneo.pdf"
    path.write_bytes(pdf_bytes([[], []]))
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert NO_TEXT_LAYER == "no text layer, OCR it first"
    assert "no text layer, OCR it first" in caught.value.reason
    assert "escaneo.pdf" in str(caught.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    data = pdf_bytes(PAGES)
    path = tmp_path / "cortado.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReaderError, match="damaged"):
        read_file(path)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "falso.pdf"
    path.write_text("hola", encoding="utf-8")
    with pytest.raises(ReaderError, match="not a PDF"):
        read_file(path)


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(PAGES))))
    writer.encrypt(user_password=user_password, owner_password="dueño", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = tmp_path / "secreto.pdf"
    path.write_bytes(_encrypted("secreto"))
    with pytest.raises(ReaderError, match="password-protected"):
        read_file(path)


def test_encrypted_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    path = tmp_path / "permisos.pdf"
    path.write_bytes(_encrypted(""))
    assert read_file(path).text.startswith("ENTREVISTADORA: ¿Qué pasó")
