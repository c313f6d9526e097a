"""Plain text and Markdown: encoding detection, normalisation, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.readers import ReaderError, read_file
from workbench.readers.text import decode_text

SPANISH = "ENTREVISTADORA: ¿Qué pasó?\nTRABAJADORA 2: acción, niños, sindicato, trabajó, ¿qué?"


@pytest.mark.parametrize(
    ("encoded", "expected_encoding"),
    [
        (SPANISH.encode("utf-8"), "utf-8"),
        (SPANISH.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + SPANISH.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + SPANISH.encode("utf-16-be"), "utf-16-be"),
        (SPANISH.encode("utf-16-le"), "utf-16-le"),
        (SPANISH.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + SPANISH.encode("utf-32-le"), "utf-32-le"),
        (SPANISH.encode("latin-1"), "latin-1"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32", "latin1"],
)
def test_spanish_text_comes_back_exactly(
    tmp_path: Path, encoded: bytes, expected_encoding: str
) -> None:
    path = tmp_path / "entrevista.txt"
    path.write_bytes(encoded)
    result = read_file(path)
    assert result.text == SPANISH
    assert result.encoding == expected_encoding
    assert result.source_format == "txt"
    assert [turn.speaker for turn in result.turns] == ["ENTREVISTADORA", "TRABAJADORA 2"]


def test_cp1252_with_curly_quotes_dash_and_euro(tmp_path: Path) -> None:
    text = "R: “acción” – niños, sindicato, trabajó… ¿qué? 20 €"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    result = read_file(path)
    assert result.text == text
    assert result.encoding == "cp1252"


def test_cp1252_typography_inside_words_is_accepted(tmp_path: Path) -> None:
    text = "I don’t know—really… “Sí”, dijo; hola¿qué tal? 5 €"
    path = tmp_path / "typography.txt"
    path.write_bytes(text.encode("cp1252"))
    result = read_file(path)
    assert result.text == text
    assert result.encoding == "cp1252"


def test_cp1252_and_latin1_agree_without_c1_bytes(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_bytes("acción, niños".encode("cp1252"))
    assert read_file(path).encoding == "latin-1"


def test_line_endings_bom_and_trailing_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffuno\r\ndos\rtres  \n\ncuatro \t\r\n\r\n  \n".encode())
    assert read_file(path).text == "uno\ndos\ntres  \n\ncuatro"


def test_characters_are_not_normalised(tmp_path: Path) -> None:
    decomposed = "accio\u0301n"  # "o" + combining acute accent, not NFC "ó"
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8")
    assert read_file(path).text == decomposed


def test_positions_are_code_points_after_an_emoji(tmp_path: Path) -> None:
    text = "Intro 😀\nENTREVISTADOR: 😀 ¿Cómo está?\nP: acción"
    path = tmp_path / "emoji.txt"
    path.write_text(text, encoding="utf-8")
    result = read_file(path)
    first, second = result.turns
    assert result.text[first.start : first.end] == "😀 ¿Cómo está?"
    assert first.start == text.index("😀 ¿")
    assert result.text[second.start : second.end] == "acción"
    assert second.start == len(text) - len("acción")


def test_markdown_keeps_markup(tmp_path: Path) -> None:
    text = "# Entrevista 3\n\n**Interviewer:** What *happened*?\n\n- item"
    path = tmp_path / "notes.MD"
    path.write_text(text, encoding="utf-8")
    result = read_file(path)
    assert result.text == text
    assert result.source_format == "md"
    (turn,) = result.turns
    assert turn.speaker == "Interviewer"
    assert result.text[turn.start : turn.end] == "What *happened*?\n\n- item"


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert "garbage.txt" in str(caught.value)
    assert caught.value.path == path


def test_control_characters_are_refused_with_utf8_advice(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(b"hola\x07\x1b[0m mundo")
    with pytest.raises(ReaderError, match="UTF-8") as caught:
        read_file(path)
    assert "U+0007" in caught.value.reason


def test_bytes_undefined_in_cp1252_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c1.txt"
    path.write_bytes(b"acci\xf3n \x81\x8d texto")
    with pytest.raises(ReaderError, match="not recognised"):
        read_file(path)


def test_dos_code_page_is_not_silently_misread(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes("La acción de los niños, señor.".encode("cp850"))
    with pytest.raises(ReaderError, match="UTF-8"):
        read_file(path)


def test_cyrillic_single_byte_is_not_silently_misread(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Профсоюз работников завода провёл собрание.".encode("cp1251"))
    with pytest.raises(ReaderError, match="could not be determined"):
        read_file(path)


def test_damaged_utf8_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes("acción niños trabajó ".encode() + b"\xff" + "qué".encode())
    with pytest.raises(ReaderError, match="looks like UTF-8"):
        read_file(path)


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + "hola".encode("utf-16-le") + b"\x00\xdc")
    with pytest.raises(ReaderError, match="UTF-16"):
        read_file(path)


def test_whitespace_only_file_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n")
    with pytest.raises(ReaderError, match="no text"):
        read_file(path)


def test_decode_text_reports_the_encoding_and_keeps_line_endings() -> None:
    text, encoding = decode_text("a\r\nñ".encode("utf-16"), Path("x.txt"))
    assert text == "a\r\nñ"
    assert encoding in {"utf-16-le", "utf-16-be"}
