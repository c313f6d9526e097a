"""The light tree behind the codebook model: one node per group or code, keyed by identity.

Keys are what a ``QModelIndex`` carries as its internal id: ``2 * code_id`` for a code,
``2 * group_id + 1`` for a group, :data:`UNGROUPED` for the "Ungrouped" row and
:data:`ROOT` for the invisible root. They do not change when a code moves, so an index
keeps naming the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ui.codebook.matching import fold
from workbench.entities import CodeGroupInfo, CodeInfo

ROOT = 0
UNGROUPED = 1


def code_key(code_id: int) -> int:
    return 2 * code_id


def group_key(group_id: int) -> int:
    return 2 * group_id + 1


class Node:
    """A row of the tree: the root, a group (``group`` None for "Ungrouped") or a code."""

    __slots__ = ("_search", "children", "code", "group", "key", "parent")

    def __init__(
        self,
        key: int,
        parent: Node | None,
        *,
        code: CodeInfo | None = None,
        group: CodeGroupInfo | None = None,
    ) -> None:
        self.key = key
        self.parent = parent
        self.children: list[Node] = []
        self.code = code
        self.group = group
        self._search: str | None = None

    def set_code(self, code: CodeInfo) -> None:
        self.code = code
        self._search = None

    def row(self) -> int:
        assert self.parent is not None
        return self.parent.children.index(self)

    def search_text(self) -> str:
        if self._search is None:
            code = self.code
            self._search = (
                fold(f"{code.label} {code.name} {code.definition}") if code is not None else ""
            )
        return self._search

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, parents first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def layout_of(groups: Sequence[CodeGroupInfo], codes: Sequence[CodeInfo]) -> dict[int, list[int]]:
    """Parent key -> ordered child keys, for the codebook as read."""
    group_keys = {g.name: group_key(g.id) for g in groups}
    ids = {c.id for c in codes}
    layout: dict[int, list[int]] = {ROOT: [group_key(g.id) for g in groups]}
    for group in groups:
        layout[group_key(group.id)] = []
    for code in codes:  # tree order: siblings come in their order
        if code.parent_id is not None and code.parent_id in ids:
            parent = code_key(code.parent_id)
        else:
            parent = group_keys.get(code.group or "", UNGROUPED)
        layout.setdefault(parent, []).append(code_key(code.id))
    if layout.get(UNGROUPED):
        layout[ROOT].append(UNGROUPED)
    return layout
