"""RTF files as WordPad and Word write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.readers import ReaderError, read_file
from workbench.readers.rtf import rtf_to_plain_text

WORDPAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang3082{\fonttbl{\f0\fnil\fcharset0 "
    r"Calibri;}}"
    "\r\n"
    r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1 "
    "\r\n"
    r"\pard\sa200\sl276\slmult1\f0\fs22\lang10 ENTREVISTADORA: \'bfC\'f3mo empez\'f3 la "
    r"huelga?\par"
    "\r\n"
    r"TRABAJADORA: Los ni\'f1os, \u8220?acci\'f3n\u8221? y sindicato \u-10179?\u-8704?\par"
    "\r\n}\r\n\x00"
)


def test_wordpad_spanish_rtf(tmp_path: Path) -> None:
    path = tmp_path / "wordpad.rtf"
    path.write_bytes(WORDPAD.encode("ascii"))
    result = read_file(path)
    assert result.text == (
        "ENTREVISTADORA: ¿Cómo empezó la huelga?\nTRABAJADORA: Los niños, “acción” y sindicato 😀"
    )
    assert result.source_format == "rtf"
    assert result.warnings == ()
    second = result.turns[1]
    assert second.speaker == "TRABAJADORA"
    assert result.text[second.start : second.end] == "Los niños, “acción” y sindicato 😀"


def test_word_style_rtf_with_table_fields_and_skipped_parts() -> None:
    source = (
        rb"{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0 Times New Roman;}}"
        rb"{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}"
        rb"{\info{\author Ana}}{\header \pard CABECERA\par}"
        rb"{\*\themedata 0123}\pard P: \u191\'bfQu\u233\'e9 tal?\line segunda\tab l\'ednea\par"
        rb'{\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt enlace}}\~y\_m\'e1s\-\par'
        rb"\trowd\cellx1000\cellx2000\pard\intbl Fecha\cell Lugar\cell\row"
        rb"{\pict\pngblip 89504e47}{\*\bkmkstart b1}R: final{\footnote nota}\par"
        rb"{\object{\*\objdata 0102}}\bin3 {}x\par}"
    )
    text, warnings = rtf_to_plain_text(source)
    assert text == ("P: ¿Qué tal?\nsegunda\tlínea\nenlace\xa0y-más\nFecha\tLugar\nR: final\n\n")
    assert warnings == []


def test_code_page_from_ansicpg() -> None:
    text, _ = rtf_to_plain_text(rb"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2\par}")
    assert text == "Привет\n"


def test_unknown_code_page_warns() -> None:
    text, warnings = rtf_to_plain_text(rb"{\rtf1\ansi\ansicpg99999 caf\'e9\par}")
    assert text == "café\n"
    assert warnings == ["Unknown code page cp99999; Windows-1252 was used instead."]


def test_truncated_rtf_warns(tmp_path: Path) -> None:
    path = tmp_path / "cortado.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard Hola mundo\par{\b incompleto")
    result = read_file(path)
    assert result.text == "Hola mundo\nincompleto"
    assert result.warnings == ("The RTF file seems to be cut off; the text may be incomplete.",)


def test_lone_surrogate_is_replaced_with_a_warning() -> None:
    text, warnings = rtf_to_plain_text(rb"{\rtf1\ansi\uc1 a\u-10179?b\par}")
    assert text == "a\ufffdb\n"
    assert warnings == ["Some broken \\u escapes were replaced with \ufffd."]


def test_not_rtf(tmp_path: Path) -> None:
    path = tmp_path / "falso.rtf"
    path.write_text("Hola, no soy RTF", encoding="utf-8")
    with pytest.raises(ReaderError, match="not an RTF file"):
        read_file(path)


def test_rtf_without_text(tmp_path: Path) -> None:
    path = tmp_path / "vacio.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\par}")
    with pytest.raises(ReaderError, match="no text"):
        read_file(path)
