"""What the steps of an import share: the parsed file, the report and the ids made so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workbench.qdpx.fields import is_own
from workbench.qdpx.model import QNote, QProject
from workbench.qdpx.prepare import Prepared
from workbench.qdpx.report import ImportReport
from workbench.qdpx.steps import StepRunner


@dataclass
class MemoPlan:
    """A memo to write once every target exists."""

    kind: str
    target_id: int | None
    title: str
    text: str
    note: str | None = None
    author: str | None = None
    created: datetime | None = None
    modified: datetime | None = None


@dataclass
class ImportState:
    """The import in progress.

    Attributes:
        coders: user GUID -> coder id.
        codes: code GUID -> code id.
        documents: source GUID -> id of the document imported for it.
        present: source GUID -> id of the document the project had already (same GUID).
        cases: case GUID -> case id.
        attributes: ``(variable GUID, scope)`` -> attribute id.
        set_attributes: set GUID -> id of the yes/no document attribute standing for it.
        memos: memos to write at the end.
        attached: GUIDs of notes that became a memo or part of a segment's memo.
        guids: GUIDs given to new rows so far, by table, so that none is given twice.
    """

    run: StepRunner
    model: QProject
    prepared: Prepared
    report: ImportReport
    coders: dict[str, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    attributes: dict[tuple[str, str], int] = field(default_factory=dict)
    set_attributes: dict[str, int] = field(default_factory=dict)
    memos: list[MemoPlan] = field(default_factory=list)
    attached: set[str] = field(default_factory=set)
    guids: dict[str, set[str]] = field(default_factory=dict)
    notes: dict[str, QNote] = field(init=False)

    def __post_init__(self) -> None:
        self.notes = {note.guid: note for note in self.model.note_list}

    @property
    def own(self) -> bool:
        """Whether the file was written by this workbench."""
        return is_own(self.model.origin)

    def claim(self, table: str, guid: str, taken: set[str]) -> bool:
        """Whether ``guid`` is free for a new row of ``table`` (and reserve it)."""
        used = self.guids.setdefault(table, set())
        if not guid or guid in taken or guid in used or len(guid) != 36:
            return False
        used.add(guid)
        return True

    def coder_of(self, *users: str | None) -> int | None:
        """The coder of the first known user GUID, else the project's creator, else None."""
        for user in (*users, self.model.creating_user):
            if user and user in self.coders:
                return self.coders[user]
        return None

    def attach_note(self, kind: str, target_id: int | None, guid: str) -> bool:
        """Plan a memo from a note on a target; False when the file has no such note."""
        note = self.notes.get(guid)
        if note is None:
            return False
        self.attached.add(guid)
        self.memos.append(
            MemoPlan(
                kind=kind,
                target_id=target_id,
                title=note.name,
                text=self.note_text(guid),
                note=guid,
                author=note.user,
                created=note.created,
                modified=note.modified,
            )
        )
        return True

    def note_text(self, guid: str) -> str:
        """The text of a note, with its description before it."""
        note = self.notes.get(guid)
        if note is None:
            return ""
        text = self.prepared.note_texts.get(guid, "")
        if note.description.strip():
            return note.description.strip() + ("\n\n" + text if text else "")
        return text
