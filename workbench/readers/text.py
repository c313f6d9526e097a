"""Plain text and Markdown files, with deterministic encoding detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from workbench.readers.common import build_read_text, read_bytes
from workbench.readers.model import ReaderError, ReadText

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# Bytes that Windows-1252 leaves undefined; in Latin-1 they are C1 controls.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Symbols that never sit between two letters of a real word; seeing them
# there means the bytes were decoded with the wrong single-byte code page.
_IN_WORD_SYMBOL = re.compile(r"(?<=[^\W\d_])[‚„†‡ˆ‰‹›˜¢£¤¥¦§¨©«¬®¯°±²³µ¶¸¹»¼½¾×÷¡\xa0](?=[^\W\d_])")
_SAVE_AS_UTF8 = "open it in a text editor and save it as UTF-8, then try again"


def _check_plausible(text: str, path: Path, encoding: str) -> None:
    """Refuse text that contains control characters (binary data or a wrong encoding)."""
    bad = _BAD_CONTROLS.search(text)
    if bad is not None:
        code = f"U+{ord(bad.group()):04X}"
        raise ReaderError(
            path,
            f"it does not look like text: read as {encoding} it contains the control "
            f"character {code} at character {bad.start()}; if it is a text file, its "
            f"encoding is not recognised — {_SAVE_AS_UTF8}",
        )


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by NUL bytes in every other position."""
    half = len(data) // 2
    if half < 2 or 0 not in data:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if odd_nuls >= half * 0.25 and even_nuls <= half * 0.02:
        return "utf-16-le"
    if even_nuls >= half * 0.25 and odd_nuls <= half * 0.02:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, codec: str, path: Path, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReaderError(
            path,
            f"it looks like {label} text but byte {exc.start} is not valid {label}; "
            "the file may be damaged",
        ) from None


def _encoding_hint(data: bytes) -> str:
    """Ask charset-normalizer which encoding it would guess, for the error message."""
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding in {"cp1252", "latin_1", "iso8859_15", "ascii", "utf_8"}:
        return ""
    return f" (it may be {best.encoding})"


def _decode_single_byte(data: bytes, path: Path) -> tuple[str, str]:
    """Decode Western single-byte text: Windows-1252 or Latin-1."""
    high_c1 = {byte for byte in data if 0x80 <= byte <= 0x9F}
    if high_c1 & _CP1252_UNDEFINED:
        raise ReaderError(
            path,
            "its text encoding is not recognised (it is neither UTF-8 nor Windows-1252/"
            f"Latin-1){_encoding_hint(data)}; {_SAVE_AS_UTF8}",
        )
    encoding = "cp1252" if high_c1 else "latin-1"
    text = data.decode(encoding)
    _check_plausible(text, path, encoding)
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if not ch.isascii())
    odd_symbols = len(_IN_WORD_SYMBOL.findall(text))
    if odd_symbols or (len(letters) >= 20 and foreign > len(letters) * 0.35):
        raise ReaderError(
            path,
            "its text encoding could not be determined with certainty: read as "
            f"{encoding} the words come out garbled{_encoding_hint(data)}; {_SAVE_AS_UTF8}",
        )
    return text, encoding


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode the bytes of a text file, detecting the encoding deterministically.

    Order of decisions: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16
    without a BOM (recognised by its NUL bytes); strict UTF-8; Windows-1252
    when bytes 0x80-0x9F occur, otherwise Latin-1. Anything implausible is
    refused rather than guessed.

    Args:
        data: The raw file content.
        path: The file (for error messages).

    Returns:
        ``(text, encoding)``; ``text`` still has its original line endings
        and no BOM; ``encoding`` is e.g. ``"utf-8"``, ``"utf-8-sig"``,
        ``"utf-16-le"``, ``"cp1252"`` or ``"latin-1"``.

    Raises:
        ReaderError: The file is empty, binary or in an unrecognised encoding.
    """
    if not data:
        raise ReaderError(path, "the file is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            if codec.startswith("utf-32") and len(data) % 4:
                continue  # a UTF-16 LE BOM followed by a NUL character
            text = _decode_unicode(data[len(bom) :], codec, path, codec.upper())
            _check_plausible(text, path, name)
            return text, name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _decode_unicode(data, utf16, path, "UTF-16")
        _check_plausible(text, path, utf16)
        return text, utf16
    if 0 in data:
        raise ReaderError(path, "it does not look like text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lenient = data.decode("utf-8", errors="replace")
        broken = lenient.count("\ufffd")
        fine = sum(1 for ch in lenient if not ch.isascii()) - broken
        if fine > broken:
            raise ReaderError(
                path,
                f"it looks like UTF-8 text but contains invalid bytes (the first at byte "
                f"{exc.start}); the file may be damaged",
            ) from None
        return _decode_single_byte(data, path)
    _check_plausible(text, path, "utf-8")
    return text, "utf-8"


def read_text_file(path: Path, source_format: str) -> ReadText:
    """Read a ``.txt`` or ``.md`` file; Markdown markup is kept as written.

    Args:
        path: The file to read.
        source_format: ``"txt"`` or ``"md"``.

    Returns:
        The text, its speaker turns and the detected encoding.

    Raises:
        ReaderError: The file cannot be read or decoded.
    """
    text, encoding = decode_text(read_bytes(path), path)
    return build_read_text(path, text, source_format, encoding=encoding)
