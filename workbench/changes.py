"""What a command changed, so that views refresh only that."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: The kinds of things a command can change.
KINDS = (
    "document",
    "code",
    "code_group",
    "segment",
    "coder",
    "attribute",
    "attribute_value",
    "case",
    "memo",
    "setting",
    "outcome",
)


@dataclass(frozen=True)
class Changes:
    """Ids of what a command added, updated or removed, by kind.

    Attributes:
        added: kind -> ids created.
        updated: kind -> ids modified.
        removed: kind -> ids deleted.
    """

    added: dict[str, frozenset[int]] = field(default_factory=dict)
    updated: dict[str, frozenset[int]] = field(default_factory=dict)
    removed: dict[str, frozenset[int]] = field(default_factory=dict)

    @staticmethod
    def of(
        *,
        added: dict[str, Iterable[int]] | None = None,
        updated: dict[str, Iterable[int]] | None = None,
        removed: dict[str, Iterable[int]] | None = None,
    ) -> Changes:
        """Build a ``Changes`` from plain iterables, dropping empty kinds."""

        def freeze(mapping: dict[str, Iterable[int]] | None) -> dict[str, frozenset[int]]:
            frozen = {kind: frozenset(ids) for kind, ids in (mapping or {}).items()}
            return {kind: ids for kind, ids in frozen.items() if ids}

        return Changes(freeze(added), freeze(updated), freeze(removed))

    def inverted(self) -> Changes:
        """The changes of undoing this: what was added is removed and the reverse."""
        return Changes(added=self.removed, updated=self.updated, removed=self.added)

    def kinds(self) -> set[str]:
        """Every kind touched."""
        return set(self.added) | set(self.updated) | set(self.removed)

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)
