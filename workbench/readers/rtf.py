r"""Rich Text Format files, with a small parser that honours code pages and ``\u``."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.readers.common import build_read_text, read_bytes
from workbench.readers.model import ReaderError, ReadText

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional parameter
    rb"|\\'([0-9a-fA-F]{2})"  # byte in the document code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"
    rb"|[\r\n]+"
    rb"|([^\\{}\r\n]+)",
    re.DOTALL,
)
_SKIP_DESTINATIONS = frozenset(
    """
    fonttbl colortbl stylesheet info pict header headerl headerr headerf footer footerl
    footerr footerf footnote annotation atnid atnauthor fldinst themedata
    colorschememapping datastore latentstyles listtable listoverridetable revtbl
    rsidtbl generator xmlnstbl filetbl objdata objclass shpinst nonshppict bkmkstart
    bkmkend txe xe tc pgdsctbl mmathPr
    """.split()
)
_WORD_TEXT = {
    "par": "\n",
    "line": "\n",
    "sect": "\n",
    "page": "\n",
    "tab": "\t",
    "cell": "\t",
    "nestcell": "\t",
    "emdash": "\u2014",
    "endash": "\u2013",
    "emspace": "\u2003",
    "enspace": "\u2002",
    "qmspace": "\u2005",
    "bullet": "\u2022",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "zwj": "\u200d",
    "zwnj": "\u200c",
}
_SYMBOL_TEXT = {b"~": "\xa0", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}
_CHARSET_CODEPAGES = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850", "ansi": "cp1252"}
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _Group:
    skip: bool = False
    uc: int = 1


@dataclass
class _Parser:
    codepage: str = "cp1252"
    out: list[str] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    stack: list[_Group] = field(default_factory=lambda: [_Group()])
    fallback_left: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def group(self) -> _Group:
        return self.stack[-1]

    def flush(self) -> None:
        if not self.pending:
            return
        decoded = bytes(self.pending).decode(self.codepage, errors="replace")
        warning = (
            f"Some characters are not valid in code page {self.codepage} and were "
            "replaced with \ufffd."
        )
        if "\ufffd" in decoded and warning not in self.warnings:
            self.warnings.append(warning)
        self.out.append(decoded)
        self.pending.clear()

    def emit(self, text: str) -> None:
        if not self.group.skip:
            self.flush()
            self.out.append(text)

    def emit_bytes(self, data: bytes) -> None:
        if self.fallback_left:
            used = min(self.fallback_left, len(data))
            self.fallback_left -= used
            data = data[used:]
        if data and not self.group.skip:
            self.pending.extend(data)

    def open_group(self) -> None:
        self.flush()
        self.fallback_left = 0
        self.stack.append(_Group(skip=self.group.skip, uc=self.group.uc))

    def close_group(self) -> None:
        self.flush()
        self.fallback_left = 0
        if len(self.stack) > 1:
            self.stack.pop()

    def control_word(self, word: str, param: int | None) -> None:
        if self.fallback_left:
            self.fallback_left -= 1
            return
        if word in _SKIP_DESTINATIONS:
            self.flush()
            self.group.skip = True
        elif word == "u" and param is not None:
            self.emit(chr(param + 65536 if param < 0 else param))
            self.fallback_left = self.group.uc
        elif word == "uc" and param is not None:
            self.group.uc = max(0, param)
        elif word in {"row", "nestrow"}:
            self.flush()
            if self.out and self.out[-1] == "\t" and not self.group.skip:
                self.out.pop()
            self.emit("\n")
        elif word in _WORD_TEXT:
            self.emit(_WORD_TEXT[word])
        elif word == "ansicpg" and param:
            self.set_codepage(f"cp{param}")
        elif word in _CHARSET_CODEPAGES:
            self.set_codepage(_CHARSET_CODEPAGES[word])

    def control_symbol(self, symbol: bytes) -> None:
        if self.fallback_left:
            self.fallback_left -= 1
        elif symbol == b"*":
            self.flush()
            self.group.skip = True
        elif symbol in {b"\n", b"\r"}:
            self.emit("\n")
        elif symbol in _SYMBOL_TEXT:
            self.emit(_SYMBOL_TEXT[symbol])

    def set_codepage(self, name: str) -> None:
        self.flush()
        try:
            self.codepage = codecs.lookup(name).name
        except LookupError:
            self.warnings.append(f"Unknown code page {name}; Windows-1252 was used instead.")
            self.codepage = "cp1252"

    def parse(self, data: bytes) -> str:
        pos = 0
        while pos < len(data):
            match = _TOKEN.match(data, pos)
            if match is None:  # a lone backslash at the very end
                pos += 1
                continue
            pos = match.end()
            word, param, hex_byte, symbol, brace, text = match.groups()
            if word is not None:
                number = int(param) if param is not None else None
                if word == b"bin" and number:
                    pos += number  # binary data is never text
                    continue
                self.control_word(word.decode("ascii"), number)
            elif hex_byte is not None:
                self.emit_bytes(bytes.fromhex(hex_byte.decode("ascii")))
            elif symbol is not None:
                self.control_symbol(symbol)
            elif brace == b"{":
                self.open_group()
            elif brace == b"}":
                if len(self.stack) == 2:
                    break  # the document group is closed; WordPad appends a NUL after it
                self.close_group()
            elif text is not None:
                self.emit_bytes(text)
        else:
            self.warnings.append("The RTF file seems to be cut off; the text may be incomplete.")
        self.flush()
        return "".join(self.out)


def _join_surrogates(text: str) -> tuple[str, bool]:
    r"""Combine UTF-16 surrogate pairs (emoji written as two ``\u``) into characters."""

    def combine(match: re.Match[str]) -> str:
        high, low = (ord(ch) for ch in match.group())
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))

    joined = _SURROGATE_PAIR.sub(combine, text)
    cleaned = _LONE_SURROGATE.sub("\ufffd", joined)
    return cleaned, cleaned != joined


def rtf_to_plain_text(data: bytes) -> tuple[str, list[str]]:
    r"""Extract the body text of an RTF document.

    Handles ``\'xx`` bytes in the declared code page (``\ansicpgN``),
    ``\uN`` escapes (negative values, surrogate pairs, ``\ucN`` fallbacks),
    paragraphs, line breaks, tabs and table cells/rows. Font tables,
    styles, pictures, headers, footers, footnotes, comments and field
    instructions are skipped.

    Args:
        data: The raw RTF bytes.

    Returns:
        ``(text, warnings)``.
    """
    parser = _Parser()
    text, replaced = _join_surrogates(parser.parse(data))
    if replaced:
        parser.warnings.append("Some broken \\u escapes were replaced with \ufffd.")
    return text, parser.warnings


def read_rtf(path: Path) -> ReadText:
    """Read a ``.rtf`` file.

    Args:
        path: The file to read.

    Returns:
        The text with its speaker turns.

    Raises:
        ReaderError: The file is not RTF or has no text.
    """
    data = read_bytes(path)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReaderError(path, "it is not an RTF file (it does not start with “{\\rtf”)")
    text, warnings = rtf_to_plain_text(data)
    return build_read_text(path, text, "rtf", warnings=warnings)
