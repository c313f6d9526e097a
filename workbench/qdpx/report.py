"""What an import or export did: counts, what was skipped and why, what could not be held."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

#: The kinds counted in ``ImportReport.imported`` and ``matched``, in display order.
KINDS = (
    "documents",
    "codes",
    "code_groups",
    "coders",
    "segments",
    "memos",
    "attributes",
    "attribute_values",
    "cases",
    "case_documents",
)


@dataclass(frozen=True)
class Skipped:
    """One thing of the file that was not imported.

    Attributes:
        kind: ``source``, ``selection``, ``coding``, ``note``, ``value``, ...
        name: its name in the file (or its GUID when it has none).
        reason: why, in plain words.
    """

    kind: str
    name: str
    reason: str


@dataclass(frozen=True)
class Misfit:
    """An imported segment whose position may not be what the exporting tool meant.

    Attributes:
        document: the document's name.
        selection: the selection's GUID in the file.
        start: the segment's start in the workbench (code points).
        end: its end (exclusive).
        text: the beginning of the text at those positions.
        problem: what did not fit.
    """

    document: str
    selection: str
    start: int
    end: int
    text: str
    problem: str


@dataclass
class ImportReport:
    """What an import brought in, matched, skipped and could not hold.

    Attributes:
        file: the imported file.
        origin: the exporting tool, as the file names it.
        imported: kind -> how many were created (see :data:`KINDS`).
        matched: kind -> how many were found in the project already and reused.
        not_held: what the workbench cannot hold yet -> how many the file has.
        skipped: each thing left out, with the reason.
        misfits: imported segments whose position did not fit their name or word boundaries.
        positions: document name -> how the file's positions were counted.
        decisions: how things without an exact counterpart were brought in.
    """

    file: str
    origin: str = ""
    imported: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    not_held: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    misfits: list[Misfit] = field(default_factory=list)
    positions: dict[str, str] = field(default_factory=dict)
    decisions: list[str] = field(default_factory=list)

    def skip(self, kind: str, name: str, reason: str) -> None:
        """Record one thing left out."""
        self.skipped.append(Skipped(kind, name, reason))

    def decide(self, decision: str) -> None:
        """Record a decision once."""
        if decision not in self.decisions:
            self.decisions.append(decision)

    def skipped_counts(self) -> dict[str, int]:
        """How many things of each kind were skipped."""
        return dict(Counter(s.kind for s in self.skipped))

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-able data."""
        return {
            "file": self.file,
            "origin": self.origin,
            "imported": {k: self.imported[k] for k in KINDS if self.imported[k]},
            "matched": {k: self.matched[k] for k in KINDS if self.matched[k]},
            "not_held": dict(self.not_held),
            "skipped": [asdict(item) for item in self.skipped],
            "skipped_counts": self.skipped_counts(),
            "misfits": [asdict(item) for item in self.misfits],
            "positions": dict(self.positions),
            "decisions": list(self.decisions),
        }

    def summary(self) -> list[str]:
        """Lines for a person to read."""
        lines = [f"{self.file}: exported by {self.origin or 'an unnamed tool'}"]
        made = ", ".join(f"{self.imported[k]} {k.replace('_', ' ')}" for k in KINDS)
        lines.append(f"imported: {made}")
        if +self.matched:
            found = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.matched.items() if n)
            lines.append(f"already in the project (reused): {found}")
        for name, convention in self.positions.items():
            lines.append(f"positions of {name!r}: {convention}")
        for decision in self.decisions:
            lines.append(f"note: {decision}")
        for what, count in sorted(self.not_held.items()):
            lines.append(f"not held by the workbench: {count} {what}")
        for kind, count in sorted(self.skipped_counts().items()):
            reasons = Counter(s.reason for s in self.skipped if s.kind == kind)
            top = "; ".join(f"{reason} ({n})" for reason, n in reasons.most_common(3))
            lines.append(f"skipped: {count} {kind}(s): {top}")
        for misfit in self.misfits:
            lines.append(
                f"check: {misfit.document!r} [{misfit.start}, {misfit.end}) "
                f"{misfit.text[:40]!r}: {misfit.problem}"
            )
        return lines


@dataclass
class ExportReport:
    """What an export wrote.

    Attributes:
        file: the written file.
        written: kind -> how many were written.
        not_exported: what the format has no place for -> how many the project has.
    """

    file: str
    written: Counter[str] = field(default_factory=Counter)
    not_exported: Counter[str] = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-able data."""
        return {
            "file": self.file,
            "written": dict(self.written),
            "not_exported": dict(self.not_exported),
        }

    def summary(self) -> list[str]:
        """Lines for a person to read."""
        made = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.written.items())
        lines = [f"{self.file}: {made}"]
        for what, count in sorted(self.not_exported.items()):
            lines.append(f"not exported (no place in REFI-QDA): {count} {what}")
        return lines
