"""Workbench fields that REFI-QDA has no element for, written into descriptions.

A code has one ``Description`` in REFI-QDA; the workbench also keeps a label, inclusion
and exclusion rules and an example. An export appends them to the definition as
paragraphs that begin ``Label:``, ``Inclusion:``, ``Exclusion:`` and ``Example:``, which
other tools show as part of the description; an import of a file whose ``origin`` is
this workbench reads them back. Attributes keep their scope (cases) and choices the
same way in a variable's description.
"""

from __future__ import annotations

import json
import re

from workbench import __version__

#: The ``origin`` of files this workbench writes.
ORIGIN = f"Coding Workbench {__version__}"
_ORIGIN_PREFIX = "Coding Workbench"

#: Code fields written after the definition, with their paragraph headings.
CODE_FIELDS = (
    ("label", "Label"),
    ("inclusion", "Inclusion"),
    ("exclusion", "Exclusion"),
    ("example", "Example"),
)
_HEADINGS = {heading: key for key, heading in CODE_FIELDS}
_FIELD_START = re.compile(r"\n\n(Label|Inclusion|Exclusion|Example): ")
_CASES = "Applies to: cases"
#: The name of the yes/no document attribute that stands for a set of sources.
SET_PREFIX = "Set: "
_CHOICES = "Choices: "


def is_own(origin: str) -> bool:
    """Whether a file was written by this workbench."""
    return origin.startswith(_ORIGIN_PREFIX)


def code_description(values: dict[str, str]) -> str:
    """The ``Description`` of a code: its definition, then its other fields."""
    parts = [values.get("definition", "")]
    for key, heading in CODE_FIELDS:
        if values.get(key):
            parts.append(f"\n\n{heading}: {values[key]}")
    return "".join(parts)


def parse_code_description(text: str) -> dict[str, str]:
    """The fields of a code from a description written by :func:`code_description`."""
    pieces = _FIELD_START.split(text)
    values = {"definition": pieces[0]}
    for index in range(1, len(pieces) - 1, 2):
        values[_HEADINGS[pieces[index]]] = pieces[index + 1]
    return values


def variable_description(scope: str, choices: tuple[str, ...]) -> str:
    """The ``Description`` of a variable: its scope when cases, its choices when any."""
    lines = []
    if scope == "case":
        lines.append(_CASES)
    if choices:
        lines.append(_CHOICES + json.dumps(list(choices), ensure_ascii=False))
    return "\n".join(lines)


def parse_variable_description(text: str) -> tuple[str | None, tuple[str, ...]]:
    """``(scope, choices)`` from a description written by :func:`variable_description`."""
    scope: str | None = None
    choices: tuple[str, ...] = ()
    for line in text.splitlines():
        if line.strip() == _CASES:
            scope = "case"
        elif line.startswith(_CHOICES):
            try:
                loaded = json.loads(line[len(_CHOICES) :])
            except ValueError:
                continue
            if isinstance(loaded, list):
                choices = tuple(str(item) for item in loaded)
    return scope, choices
