"""What a REFI-QDA file holds, as plain data read from its XML.

GUIDs are kept in one spelling: lowercase, without braces. Times are timezone-aware UTC.
Positions of selections are kept as the file wrote them; :mod:`workbench.qdpx.positions`
turns them into the workbench's convention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from workbench.errors import WorkbenchError


class QdpxError(WorkbenchError):
    """A REFI-QDA file was refused or could not be written; the message says why."""


def norm_guid(value: str | None) -> str:
    """A GUID in the workbench's spelling: ``{ABC-...}`` becomes ``abc-...``."""
    return (value or "").strip().strip("{}").lower()


def parse_time(value: str | None) -> datetime | None:
    """An ``xsd:dateTime`` as an aware UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass
class QUser:
    """A person who worked on the project."""

    guid: str
    name: str
    initials: str = ""


@dataclass
class QCode:
    """A node of the codebook, with its children."""

    guid: str
    name: str
    codable: bool
    colour: str | None = None
    description: str = ""
    notes: list[str] = field(default_factory=list)
    children: list[QCode] = field(default_factory=list)


@dataclass
class QCoding:
    """The application of one code to a selection or a whole source."""

    guid: str
    code: str
    user: str | None = None
    created: datetime | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class QSelection:
    """A plain-text selection ``[start, end)`` as the exporting tool counted it."""

    guid: str
    name: str
    start: int
    end: int
    user: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    description: str = ""
    codings: list[QCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class QValue:
    """The value of a variable for a source or a case, as text."""

    variable: str
    value: str
    type: str


@dataclass
class QSource:
    """A text the workbench can hold: a text source, a PDF's text or a transcript.

    Attributes:
        kind: ``text``, ``pdf`` (the plain-text representation of a PDF) or ``transcript``.
        plain_path: the ``plainTextPath`` (``internal://...``), when the text is a file.
        content: the inline ``PlainTextContent``, when the text is in the XML.
        rich_path: the ``richTextPath`` (a ``.docx``), which is not read.
    """

    guid: str
    name: str
    kind: str = "text"
    plain_path: str | None = None
    content: str | None = None
    rich_path: str | None = None
    description: str = ""
    selections: list[QSelection] = field(default_factory=list)
    codings: list[QCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: list[QValue] = field(default_factory=list)
    user: str | None = None
    created: datetime | None = None


@dataclass
class QVariable:
    """A typed variable of sources or cases."""

    guid: str
    name: str
    type: str
    description: str = ""


@dataclass
class QCase:
    """A case with its variable values and the sources it groups."""

    guid: str
    name: str
    description: str = ""
    values: list[QValue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    selections: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


@dataclass
class QNote:
    """A note (memo): its text is inline or in a file of the archive."""

    guid: str
    name: str
    content: str | None = None
    plain_path: str | None = None
    description: str = ""
    user: str | None = None
    created: datetime | None = None
    modified: datetime | None = None


@dataclass
class QSet:
    """A named collection of codes, sources and notes."""

    guid: str
    name: str
    description: str = ""
    codes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class QLink:
    """A relation between two things named by GUID."""

    guid: str
    name: str
    origin: str
    target: str
    direction: str = "Associative"
    colour: str | None = None


@dataclass
class QProject:
    """A parsed ``.qde`` (or ``.qdc``: then only ``codes`` and ``sets`` are filled).

    Attributes:
        unheld: what the file holds that the workbench cannot hold, by description.
        selection_kinds: GUID -> kind (``text``, ``picture``, ``pdf region``, ...) of every
            selection, to explain links and case references to them.
    """

    name: str
    origin: str = ""
    is_codebook: bool = False
    creating_user: str | None = None
    description: str = ""
    notes: list[str] = field(default_factory=list)
    users: list[QUser] = field(default_factory=list)
    codes: list[QCode] = field(default_factory=list)
    variables: list[QVariable] = field(default_factory=list)
    cases: list[QCase] = field(default_factory=list)
    sources: list[QSource] = field(default_factory=list)
    note_list: list[QNote] = field(default_factory=list)
    sets: list[QSet] = field(default_factory=list)
    links: list[QLink] = field(default_factory=list)
    unheld: Counter[str] = field(default_factory=Counter)
    selection_kinds: dict[str, str] = field(default_factory=dict)

    def all_codes(self) -> list[QCode]:
        """Every code of the tree, parents before children."""
        ordered: list[QCode] = []
        stack = list(reversed(self.codes))
        while stack:
            code = stack.pop()
            ordered.append(code)
            stack.extend(reversed(code.children))
        return ordered
