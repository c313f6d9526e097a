"""The one place where code-point offsets meet Qt's UTF-16 offsets.

The core counts Unicode code points (``text[start:end]`` in Python); ``QTextDocument``
and ``QTextCursor`` count UTF-16 code units, where a character outside the Basic
Multilingual Plane (most emoji) takes two. Every offset that crosses into or out of
a Qt text widget goes through a :class:`Utf16Map` of the shown text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Maps offsets of one text between code points and UTF-16 code units.

    Both directions cost O(log k) for k characters outside the BMP, and nothing when
    there are none (the usual case for transcripts without emoji).
    """

    __slots__ = ("_astral_cp", "_astral_u16", "code_points", "utf16_length")

    def __init__(self, text: str) -> None:
        # Code-point offsets of the astral characters, and where each starts in UTF-16.
        self._astral_cp: list[int] = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16: list[int] = [cp + i for i, cp in enumerate(self._astral_cp)]
        self.code_points = len(text)
        self.utf16_length = len(text) + len(self._astral_cp)

    @property
    def identity(self) -> bool:
        """Whether both ways of counting agree everywhere in this text."""
        return not self._astral_cp

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of a code-point offset (clamped to the text)."""
        offset = min(max(offset, 0), self.code_points)
        if not self._astral_cp:
            return offset
        return offset + bisect_left(self._astral_cp, offset)

    def to_code_points(self, offset: int) -> int:
        """The code-point offset of a UTF-16 offset (clamped to the text).

        An offset between the two halves of a surrogate pair is moved back to the
        start of that character.
        """
        offset = min(max(offset, 0), self.utf16_length)
        if not self._astral_u16:
            return offset
        return offset - bisect_left(self._astral_u16, offset)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span ``[start, end)`` in UTF-16 units."""
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 span ``[start, end)`` in code points."""
        return self.to_code_points(start), self.to_code_points(end)
