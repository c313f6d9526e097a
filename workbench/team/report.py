"""What a merge will do or did: counts, conflicts, refused documents and code proposals.

The same report is the preview (before) and the result (after); ``merge --json``
prints it. Everything here is plain data so that the GUI can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

#: The kinds of things a merge counts.
KINDS = ("documents", "codes", "segments", "memos")
#: What can happen to one of them.
OUTCOMES = ("added", "updated", "deleted", "unchanged")


@dataclass(frozen=True)
class FieldChange:
    """One field of a code as the master has it and as the coder proposes it."""

    field: str
    master: Any
    proposed: Any


@dataclass(frozen=True)
class CodeProposal:
    """A code a coder added, or changed, in their file.

    Attributes:
        guid: the code's GUID.
        kind: ``new`` (unknown to the master), ``changed`` (same GUID, other values) or
            ``restore`` (handed out, and deleted in the master since).
        name: its name in the returned file.
        path: its path in the returned file.
        changes: for a changed code, the fields the coder changed.
        accepted: whether the lead's choice takes it.
        applied: whether it was taken into the master (an accepted proposal can
            still fail: a name taken at that level, a parent not taken).
        note: what happened, in words (``added as 'X (Ben Carter)'``...).
        segments: how many of the file's segments use it.
    """

    guid: str
    kind: Literal["new", "changed", "restore"]
    name: str
    path: str
    changes: tuple[FieldChange, ...]
    accepted: bool
    applied: bool
    note: str
    segments: int

    def to_json(self) -> dict[str, Any]:
        """JSON-able data."""
        return {
            "guid": self.guid,
            "kind": self.kind,
            "name": self.name,
            "path": self.path,
            "changes": {
                c.field: {"master": c.master, "proposed": c.proposed} for c in self.changes
            },
            "accepted": self.accepted,
            "applied": self.applied,
            "note": self.note,
            "segments": self.segments,
        }


@dataclass(frozen=True)
class Conflict:
    """Something the merge could not simply take, and what it did instead.

    Attributes:
        kind: ``segment``, ``memo``, ``code`` or ``document``.
        guid: the row's GUID.
        what: a short description (a passage, a memo title, a code's name).
        reason: what was found and what was done, in words.
    """

    kind: str
    guid: str
    what: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        """JSON-able data."""
        return {"kind": self.kind, "guid": self.guid, "what": self.what, "reason": self.reason}


@dataclass(frozen=True)
class RefusedDocument:
    """A returned document whose text differs from the master's: nothing of it came in."""

    guid: str
    name: str
    reason: str
    kept_aside: int

    def to_json(self) -> dict[str, Any]:
        """JSON-able data."""
        return {
            "guid": self.guid,
            "name": self.name,
            "reason": self.reason,
            "segments_kept_aside": self.kept_aside,
        }


@dataclass(frozen=True)
class Change:
    """One row the merge adds, updates or deletes (for the preview's detail list)."""

    kind: str
    outcome: str
    guid: str
    what: str


@dataclass(frozen=True)
class AsideRow:
    """A segment or memo that could not come in, kept for the CSV written beside the file."""

    kind: str
    reason: str
    document: str
    coder: str
    code: str
    start: int | None
    end: int | None
    text: str
    memo: str
    guid: str
    document_guid: str
    code_guid: str


@dataclass
class FileReport:
    """What merging one returned file does."""

    file: Path
    coder: str
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {kind: dict.fromkeys(OUTCOMES, 0) for kind in KINDS}
    )
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[RefusedDocument] = field(default_factory=list)
    proposals: list[CodeProposal] = field(default_factory=list)
    aside: list[AsideRow] = field(default_factory=list)
    aside_csv: Path | None = None

    def count(self, kind: str, outcome: str, guid: str = "", what: str = "") -> None:
        """Count one row; a row that changes is also listed for the preview."""
        self.counts[kind][outcome] += 1
        if outcome != "unchanged":
            self.changes.append(Change(kind, outcome, guid, what))

    def to_json(self) -> dict[str, Any]:
        """JSON-able data."""
        return {
            "file": str(self.file),
            "coder": self.coder,
            "counts": {kind: dict(values) for kind, values in self.counts.items()},
            "conflicts": [c.to_json() for c in self.conflicts],
            "refused_documents": [r.to_json() for r in self.refused],
            "code_proposals": [p.to_json() for p in self.proposals],
            "kept_aside": {
                "count": len(self.aside),
                "csv": str(self.aside_csv) if self.aside_csv else None,
            },
        }


@dataclass
class MergeReport:
    """What merging returned files does (a preview) or did (a result).

    Attributes:
        master: the master's location.
        applied: False for a preview (``--dry-run``), True once merged.
        files: one report per returned file, in the order merged.
        backup: the copy of the master taken before merging (SQLite), if any.
        backup_note: what was done about a backup, in words.
    """

    master: str
    applied: bool
    files: list[FileReport] = field(default_factory=list)
    backup: Path | None = None
    backup_note: str = ""

    def totals(self) -> dict[str, dict[str, int]]:
        """The counts of all files together."""
        total = {kind: dict.fromkeys(OUTCOMES, 0) for kind in KINDS}
        for report in self.files:
            for kind, values in report.counts.items():
                for outcome, number in values.items():
                    total[kind][outcome] += number
        return total

    @property
    def changes_anything(self) -> bool:
        """Whether the merge adds, updates or deletes anything."""
        return any(report.changes for report in self.files)

    def to_json(self) -> dict[str, Any]:
        """The ``merge --json`` document."""
        return {
            "master": self.master,
            "applied": self.applied,
            "backup": str(self.backup) if self.backup else None,
            "backup_note": self.backup_note,
            "totals": self.totals(),
            "files": [report.to_json() for report in self.files],
        }

    def summary(self) -> list[str]:
        """Lines for a person to read."""
        lines: list[str] = []
        for report in self.files:
            lines.append(f"{report.file.name} ({report.coder}):")
            for kind in KINDS:
                values = report.counts[kind]
                lines.append(
                    f"  {kind}: {values['added']} added, {values['updated']} updated, "
                    f"{values['deleted']} deleted, {values['unchanged']} unchanged"
                )
            for refused in report.refused:
                lines.append(f"  refused document {refused.name!r}: {refused.reason}")
            for proposal in report.proposals:
                verdict = "accepted" if proposal.accepted else "refused"
                detail = ", ".join(c.field for c in proposal.changes)
                text = f"  code proposal ({proposal.kind}{': ' + detail if detail else ''}) "
                lines.append(f"{text}{proposal.path!r} [{proposal.guid}]: {verdict}")
                if proposal.note:
                    lines.append(f"    {proposal.note}")
            for conflict in report.conflicts:
                lines.append(f"  conflict ({conflict.kind}) {conflict.what}: {conflict.reason}")
            if report.aside:
                where = f" in {report.aside_csv}" if report.aside_csv else ""
                lines.append(f"  {len(report.aside)} segments or memos kept aside{where}")
        return lines


def aside_name(returned: Path) -> Path:
    """Where the rows kept aside from a returned file are written."""
    return returned.with_name(f"{returned.stem}.kept-aside.csv")
