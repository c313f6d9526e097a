"""Folding text for search: lower case, accents removed, one character per character.

Because the folded text has exactly as many characters as the original, a match's
offsets in the folded text are its offsets in the original (Unicode code points).
"""

from __future__ import annotations

import re
import unicodedata


class _FoldTable(dict[int, int]):
    """A ``str.translate`` table that folds each character on first sight."""

    def __missing__(self, codepoint: int) -> int:
        char = chr(codepoint)
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        folded = stripped.lower()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        self[codepoint] = ord(folded)
        return ord(folded)


_TABLE = _FoldTable()
for _codepoint in range(0x250):
    _TABLE[_codepoint] = _TABLE.__missing__(_codepoint)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping one character per character."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer (U+0130)
        return text.translate(_TABLE)
    if lowered.isascii():
        return lowered
    # Only the non-ASCII runs need the table; str.lower already did the rest.
    return _NON_ASCII.sub(lambda run: run.group().translate(_TABLE), lowered)
