"""Text made safe for XML-based formats (Word, Excel)."""

from __future__ import annotations

import re
from pathlib import Path

#: Characters XML 1.0 does not allow: C0 controls other than tab, newline and carriage
#: return, lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The most characters Excel keeps in one cell.
EXCEL_CELL_LIMIT = 32_767


def xml_safe(text: object) -> str:
    """The text without the characters XML forbids (such as a bad transcript's VT)."""
    return _FORBIDDEN.sub("", "" if text is None else str(text))


def excel_safe(text: str) -> str:
    """XML-safe text cut to what one Excel cell holds, marked with an ellipsis if cut."""
    clean = xml_safe(text)
    if len(clean) > EXCEL_CELL_LIMIT:
        return clean[: EXCEL_CELL_LIMIT - 1] + "…"
    return clean


def partial(path: Path) -> Path:
    """The temporary name a file is written under before it is renamed into place."""
    return path.with_name(path.name + ".part")
