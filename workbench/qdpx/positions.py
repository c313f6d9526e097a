"""Turning REFI-QDA selection positions into the workbench's (code points of LF text).

The standard counts Unicode code points of the plain-text file, from 0 (REFI-QDA 1.5,
section 10.2). Tools differ, as measured on real exports:

- NVivo (Windows and Mac) counts UTF-16 code units, so a character outside the Basic
  Multilingual Plane (most emoji) counts two, and counts both the CR and the LF of each
  line break of the ``.txt`` it wrote; the byte-order mark is not counted.
- ATLAS.ti counts a line break as one position.

A :class:`Convention` says how a file counts; :class:`PositionMap` converts its positions
against the text as it is first read (BOM removed, line endings as written) into offsets
of the stored text (CR LF made LF). :func:`choose_convention` starts from the exporting
tool's convention and keeps another one only when it places the selections better:
on the text their ``name`` quotes, or else on word boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_SPECIAL = re.compile("\r\n|[\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")
#: Names that tools give selections which are labels, not the selected text.
_LABEL = re.compile(
    r"^(quotation|zitat|citation|cita|segment|selection|reference)?\s*[\d:.,\s\-–]+$", re.I
)
_ELLIPSIS = ("…", "...")
_MIN_NAME = 4


@dataclass(frozen=True)
class Convention:
    """How a tool counts positions.

    Attributes:
        utf16: positions count UTF-16 code units (a character beyond U+FFFF counts 2).
        crlf_two: a CR LF line break counts 2 (the file as written), not 1.
    """

    utf16: bool
    crlf_two: bool

    def describe(self, raw: str = "\r\n\U0001f600") -> str:
        """In words, for the import report; only what matters for the text ``raw``."""
        parts = []
        if _SPECIAL.search(raw.replace("\r\n", "")):
            parts.append("UTF-16 code units (an emoji counts 2)" if self.utf16 else "code points")
        if "\r\n" in raw:
            parts.append("CR and LF counted apart" if self.crlf_two else "a CR LF counted once")
        return ", ".join(parts) or "code points (no emoji and no CR LF: every tool counts alike)"


STANDARD = Convention(utf16=False, crlf_two=True)
NVIVO = Convention(utf16=True, crlf_two=True)
ATLAS_TI = Convention(utf16=False, crlf_two=False)
ALL = (STANDARD, NVIVO, ATLAS_TI, Convention(utf16=True, crlf_two=False))


def tool_convention(origin: str) -> Convention:
    """The convention of the tool named in a project's ``origin`` attribute."""
    lowered = origin.casefold()
    if "nvivo" in lowered:
        return NVIVO
    if "atlas.ti" in lowered or "atlasti" in lowered:
        return ATLAS_TI
    return STANDARD


def stored_text(raw: str) -> str:
    """The text as the workbench stores it: CR LF and lone CR become LF."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


class PositionMap:
    """Converts a tool's positions in ``raw`` into code points of ``stored_text(raw)``."""

    def __init__(self, raw: str, convention: Convention) -> None:
        self.convention = convention
        #: external positions of units that the stored text does not have
        self._extra: list[int] = []
        #: external positions that fall inside a character or a CR LF
        self._inside: set[int] = set()
        astral = 0
        for match in _SPECIAL.finditer(raw):
            external = match.start() + (astral if convention.utf16 else 0)
            if match.group() == "\r\n":
                if convention.crlf_two:
                    self._extra.append(external)
                    self._inside.add(external + 1)
            elif convention.utf16:
                self._extra.append(external + 1)
                self._inside.add(external + 1)
                astral += 1
        self.length = len(raw) + (astral if convention.utf16 else 0)

    def convert(self, position: int) -> tuple[int, bool]:
        """The stored-text offset of a position, and whether it fell between two characters.

        A position inside a character (between the halves of a surrogate pair, or between
        the CR and the LF of a line break) is moved to the nearest character boundary and
        reported as not exact.
        """
        return position - bisect_left(self._extra, position), position not in self._inside


def _squeeze(text: str) -> str:
    text = text.strip()
    for mark in _ELLIPSIS:
        text = text.removesuffix(mark)
    return _SPACE.sub("", text)


def quotes_text(name: str) -> bool:
    """Whether a selection's name looks like (the beginning of) the selected text."""
    squeezed = _squeeze(name)
    return len(squeezed) >= _MIN_NAME and not _LABEL.match(name.strip())


def name_matches(name: str, selected: str) -> bool:
    """Whether the selected text begins with the name (white space ignored)."""
    wanted, got = _squeeze(name), _squeeze(selected)
    return got.startswith(wanted) or (len(got) >= _MIN_NAME and wanted.startswith(got))


def on_boundary(text: str, index: int) -> bool:
    """Whether an offset is not inside a word (letters or digits on both sides)."""
    if index <= 0 or index >= len(text):
        return True
    return not (text[index - 1].isalnum() and text[index].isalnum())


@dataclass(frozen=True)
class Placed:
    """A selection placed on the stored text.

    Attributes:
        start: stored-text offset.
        end: stored-text offset (exclusive).
        problem: why the placement is doubtful, or "" when it fits.
        score: 2 when the name matches, 1 when on word boundaries, 0 otherwise.
    """

    start: int
    end: int
    problem: str
    score: int


def place(text: str, mapping: PositionMap, start: int, end: int, name: str) -> Placed | None:
    """Place one selection; None when it lies outside the text or is empty."""
    if not (0 <= start < end <= mapping.length):
        return None
    first, exact_start = mapping.convert(start)
    last, exact_end = mapping.convert(end)
    if first >= last:
        return None
    if not (exact_start and exact_end):
        return Placed(first, last, "a position falls inside a character or line break", 0)
    problems = []
    if quotes_text(name):
        if name_matches(name, text[first:last]):
            return Placed(first, last, "", 2)
        problems.append(f"the text there does not begin with the selection's name {name!r}")
    inside = [
        what for what, index in (("starts", first), ("ends", last)) if not on_boundary(text, index)
    ]
    if inside:
        problems.append(" and ".join(inside) + " inside a word")
    elif not problems:
        return Placed(first, last, "", 1)
    return Placed(first, last, "; ".join(problems), 1 if not inside else 0)


def choose_convention(raw: str, origin: str, selections: list[tuple[int, int, str]]) -> Convention:
    """The convention that places a source's selections best, the tool's own on a tie.

    Args:
        raw: the source text as read (BOM removed, line endings as written).
        origin: the project's ``origin`` attribute (the exporting tool).
        selections: ``(start, end, name)`` of each selection, as written in the file.
    """
    preferred = tool_convention(origin)
    if not selections:
        return preferred
    text = stored_text(raw)
    has_crlf = "\r\n" in raw
    has_astral = _SPECIAL.search(raw.replace("\r\n", "")) is not None
    candidates = [
        c
        for c in ALL
        if (c.utf16 == preferred.utf16 or has_astral)
        and (c.crlf_two == preferred.crlf_two or has_crlf)
    ]

    def score(convention: Convention) -> int:
        mapping = PositionMap(raw, convention)
        total = 0
        for start, end, name in selections:
            placed = place(text, mapping, start, end, name)
            total += placed.score if placed is not None else -1
        return total

    scores = {c: score(c) for c in candidates}
    best = max(scores.values())
    return preferred if scores[preferred] == best else max(candidates, key=lambda c: scores[c])
