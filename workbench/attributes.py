"""Typed attribute values: parsing and checking what users type."""

from __future__ import annotations

import json
from datetime import date

from workbench.errors import InvalidInputError

KINDS = ("text", "number", "date", "bool", "choice")
_TRUE = {"yes", "y", "true", "1", "sí", "si", "s"}
_FALSE = {"no", "n", "false", "0"}


def parse_choices(stored: str | None) -> tuple[str, ...]:
    """The choices of a choice attribute from their stored JSON form."""
    if not stored:
        return ()
    values = json.loads(stored)
    return tuple(str(v) for v in values)


def normalise_value(name: str, kind: str, choices: tuple[str, ...], raw: str) -> str:
    """Check a value against its attribute's kind and return its stored form.

    Args:
        name: the attribute's name, for messages.
        kind: ``text``, ``number``, ``date`` (ISO ``YYYY-MM-DD``), ``bool`` or ``choice``.
        choices: the allowed values of a choice attribute (matched case-insensitively).
        raw: what the user wrote.

    Returns:
        The canonical text: a number as written, a date in ISO form, ``yes``/``no``,
        or the choice as spelled in the codebook.

    Raises:
        InvalidInputError: the value does not fit.
    """
    value = raw.strip()
    if kind == "text":
        return value
    if kind == "number":
        try:
            float(value.replace(",", "."))
        except ValueError:
            raise InvalidInputError(f"{name}: {raw!r} is not a number") from None
        return value.replace(",", ".")
    if kind == "date":
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise InvalidInputError(
                f"{name}: {raw!r} is not a date; write it as YYYY-MM-DD"
            ) from None
    if kind == "bool":
        lowered = value.casefold()
        if lowered in _TRUE:
            return "yes"
        if lowered in _FALSE:
            return "no"
        raise InvalidInputError(f"{name}: {raw!r} is not yes or no")
    if kind == "choice":
        for choice in choices:
            if choice.casefold() == value.casefold():
                return choice
        raise InvalidInputError(f"{name}: {raw!r} is not one of the choices: {'; '.join(choices)}")
    raise InvalidInputError(f"{name}: unknown attribute kind {kind!r}")
