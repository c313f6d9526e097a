"""Colours of codes and coders: ``#rrggbb`` strings."""

from __future__ import annotations

import re

from workbench.errors import InvalidInputError

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

#: Colours given to new codes in turn, readable as highlights on white.
CODE_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


def check_colour(value: str) -> str:
    """Return the colour in lowercase ``#rrggbb`` form, or raise ``InvalidInputError``."""
    value = value.strip()
    if not _HEX.match(value):
        raise InvalidInputError(f"{value!r} is not a colour; write it as #rrggbb, e.g. #1f77b4")
    return value.lower()
