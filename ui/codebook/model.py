"""The codebook as a Qt item model: groups, with their codes nested under them.

The model keeps a light tree of nodes keyed by identity (``2 * code_id`` for codes,
``2 * group_id + 1`` for groups, 1 for "Ungrouped"); a :class:`QModelIndex` carries
that key as its internal id, so indexes stay meaningful across changes. It reads the
codebook when a view first asks for it; afterwards, each change on the session's
bus is merged in with the smallest set of row inserts, moves, removals and
``dataChanged`` signals. Only a change to the list of groups resets the model.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from ui.codebook.appearance import code_tooltip, display_text, group_tooltip, swatch
from ui.codebook.mime import CODE_MIME, SPAN_MIME, Span, code_mime_data, parse_codes, parse_span
from ui.codebook.nodes import ROOT, UNGROUPED, Node, code_key, group_key, layout_of
from ui.session import AppSession
from workbench import queries
from workbench.changes import Changes
from workbench.commands.base import Command
from workbench.commands.codes import MoveCode, UpdateCode
from workbench.entities import CodeGroupInfo, CodeInfo

KIND_GROUP = "group"
KIND_CODE = "code"
UNGROUPED_NAME = QT_TRANSLATE_NOOP("CodebookModel", "Ungrouped")

_WATCHED = frozenset({"code", "code_group", "segment"})

Index = QModelIndex | QPersistentModelIndex


class CodebookRole(IntEnum):
    """Custom data roles of :class:`CodebookModel`."""

    ID = int(Qt.ItemDataRole.UserRole) + 1  # code id, group id, or None for "Ungrouped"
    KIND = ID + 1  # KIND_GROUP or KIND_CODE
    COLOUR = ID + 2  # "#rrggbb" (codes only)
    CODABLE = ID + 3  # bool (codes only)
    LABEL = ID + 4  # short label, e.g. "1b" (codes only)
    NAME = ID + 5  # name of the code or group
    PATH = ID + 6  # "Parent/Child" (codes only)
    SEGMENTS = ID + 7  # int (codes only)
    VERSION = ID + 8  # int, for UpdateCode(expected_version=...)
    SEARCH_TEXT = ID + 9  # folded label, name and definition (codes only)


def _code_role(code: CodeInfo, role: int) -> Any:
    if role == CodebookRole.ID:
        return code.id
    if role == CodebookRole.KIND:
        return KIND_CODE
    if role == CodebookRole.COLOUR:
        return code.colour
    if role == CodebookRole.CODABLE:
        return code.codable
    if role == CodebookRole.LABEL:
        return code.label
    if role == CodebookRole.NAME:
        return code.name
    if role == CodebookRole.PATH:
        return code.path
    if role == CodebookRole.SEGMENTS:
        return code.segments
    if role == CodebookRole.VERSION:
        return code.version
    return None


@dataclass(frozen=True)
class _SpanDrop:
    code_id: int
    span: Span


class CodebookModel(QAbstractItemModel):
    """Code groups and codes, with segment counts, kept in step with the session.

    Signals:
        span_dropped(code_id, document_id, start, end): a text span from the transcript
            was dropped on a codable code. The model does not code it; its owner does.
    """

    span_dropped = Signal(int, int, int, int)

    HEADERS = (QT_TRANSLATE_NOOP("CodebookModel", "Code"), "#")
    HEADER_TIPS = (
        QT_TRANSLATE_NOOP("CodebookModel", "Label and name of the code"),
        QT_TRANSLATE_NOOP("CodebookModel", "Coded segments"),
    )

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._root = Node(ROOT, None)
        self._nodes: dict[int, Node] = {ROOT: self._root}
        self._group_ids: list[int] = []
        self._loaded = False
        self._coder_ids: frozenset[int] | None = None
        session.bus.changed.connect(self._on_changed)

    # -- reading -------------------------------------------------------------------

    @property
    def session(self) -> AppSession:
        return self._session

    def _read(self) -> tuple[list[CodeGroupInfo], list[CodeInfo]]:
        with self._session.project.read() as session:
            return queries.code_groups(session), queries.codes(session, self._coder_ids)

    def _ensure(self) -> None:
        # Nothing was shown before the first read, so it needs no signals.
        if not self._loaded:
            self._loaded = True
            self._build(*self._read())

    def _build(self, groups: list[CodeGroupInfo], codes: list[CodeInfo]) -> None:
        layout = layout_of(groups, codes)
        codes_by_key = {code_key(c.id): c for c in codes}
        groups_by_key = {group_key(g.id): g for g in groups}
        self._root.children = []
        self._nodes = {ROOT: self._root}
        pending = [self._root]
        while pending:
            parent = pending.pop()
            for key in layout.get(parent.key, []):
                node = Node(key, parent, code=codes_by_key.get(key), group=groups_by_key.get(key))
                parent.children.append(node)
                self._nodes[key] = node
                pending.append(node)
        self._group_ids = [g.id for g in groups]

    def set_count_coders(self, coder_ids: Sequence[int] | None) -> None:
        """Count only these coders' segments (everyone's when None)."""
        self._coder_ids = None if coder_ids is None else frozenset(coder_ids)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.kinds() & _WATCHED:
            self.refresh()

    def refresh(self) -> None:
        """Read the codebook again and merge what differs into the model."""
        if not self._loaded:
            return
        groups, codes = self._read()
        if [g.id for g in groups] != self._group_ids:
            self.beginResetModel()
            self._build(groups, codes)
            self.endResetModel()
            return
        self._merge(groups, codes)

    def _merge(self, groups: list[CodeGroupInfo], codes: list[CodeInfo]) -> None:
        layout = layout_of(groups, codes)
        codes_by_key = {code_key(c.id): c for c in codes}
        for group in groups:
            node = self._nodes[group_key(group.id)]
            if node.group != group:
                node.group = group
                self._row_changed(node)
        if UNGROUPED in layout[ROOT] and UNGROUPED not in self._nodes:
            self._insert(self._root, Node(UNGROUPED, self._root))
        # Place every code under its new parent, parents before children: a parent is
        # always where it belongs before its children move in.
        changed: list[Node] = []
        queue = [ROOT]
        for parent_key in queue:
            parent = self._nodes[parent_key]
            for key in layout.get(parent_key, []):
                queue.append(key)
                code = codes_by_key.get(key)
                if code is None:
                    continue  # a group
                node = self._nodes.get(key)
                if node is None:
                    self._insert(parent, Node(key, parent, code=code))
                    continue
                if node.parent is not parent:
                    self._move(node, parent, len(parent.children))
                if node.code != code:
                    node.set_code(code)
                    changed.append(node)
        # What is gone holds nothing that stays: survivors moved out above.
        gone = {key for key, node in self._nodes.items() if node.code and key not in codes_by_key}
        for key in gone:
            node = self._nodes.get(key)
            if node is not None and node.parent is not None and node.parent.key not in gone:
                self._remove(node)
        for parent_key in queue[1:]:
            self._reorder(self._nodes[parent_key], layout.get(parent_key, []))
        for node in changed:
            self._row_changed(node)
        if UNGROUPED in self._nodes and UNGROUPED not in layout[ROOT]:
            self._remove(self._nodes[UNGROUPED])

    # -- structural edits, with their signals -----------------------------------------

    def _insert(self, parent: Node, node: Node) -> None:
        row = len(parent.children)
        self.beginInsertRows(self._index_of(parent), row, row)
        node.parent = parent
        parent.children.append(node)
        self._nodes[node.key] = node
        self.endInsertRows()

    def _remove(self, node: Node) -> None:
        assert node.parent is not None
        row = node.row()
        self.beginRemoveRows(self._index_of(node.parent), row, row)
        del node.parent.children[row]
        for gone in node.walk():
            self._nodes.pop(gone.key, None)
        self.endRemoveRows()

    def _move(self, node: Node, parent: Node, destination: int) -> None:
        assert node.parent is not None
        source = node.parent
        row = node.row()
        if not self.beginMoveRows(
            self._index_of(source), row, row, self._index_of(parent), destination
        ):
            raise AssertionError(f"the codebook model planned an impossible move of {node.key}")
        del source.children[row]
        if source is parent and destination > row:
            destination -= 1
        parent.children.insert(destination, node)
        node.parent = parent
        self.endMoveRows()

    def _reorder(self, parent: Node, keys: list[int]) -> None:
        for position, key in enumerate(keys):
            if parent.children[position].key != key:
                self._move(self._nodes[key], parent, position)

    def _row_changed(self, node: Node) -> None:
        first = self._index_of(node)
        self.dataChanged.emit(first, first.siblingAtColumn(len(self.HEADERS) - 1))

    def _index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, id=node.key)

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    # -- looking things up ------------------------------------------------------------

    def code(self, code_id: int) -> CodeInfo | None:
        """The code as last read, or None when there is no such code."""
        self._ensure()
        node = self._nodes.get(code_key(code_id))
        return node.code if node is not None else None

    def codes(self) -> list[CodeInfo]:
        """Every code, in the order the tree shows them."""
        self._ensure()
        return [n.code for n in self._root.walk() if n.code is not None]

    def code_count(self) -> int:
        """How many codes the codebook has."""
        self._ensure()
        return sum(1 for n in self._nodes.values() if n.code is not None)

    def groups(self) -> list[CodeGroupInfo]:
        """The code groups, in order."""
        self._ensure()
        return [n.group for n in self._root.children if n.group is not None]

    def subtree(self, code_id: int) -> list[CodeInfo]:
        """A code and its descendants, parents first (empty when there is no such code)."""
        self._ensure()
        node = self._nodes.get(code_key(code_id))
        if node is None:
            return []
        return [n.code for n in node.walk() if n.code is not None]

    def group_of(self, code_id: int) -> int | None:
        """The id of the group the code is shown under (None: "Ungrouped" or no code)."""
        self._ensure()
        node = self._nodes.get(code_key(code_id))
        while node is not None and node.code is not None:
            node = node.parent
        return node.group.id if node is not None and node.group is not None else None

    def code_group_id(self, code: CodeInfo) -> int | None:
        """The id of the code's own group."""
        return next((g.id for g in self.groups() if g.name == code.group), None)

    def index_of_code(self, code_id: int, column: int = 0) -> QModelIndex:
        """The index of a code (invalid when there is no such code)."""
        self._ensure()
        node = self._nodes.get(code_key(code_id))
        return self._index_of(node, column) if node is not None else QModelIndex()

    def index_of_group(self, group_id: int | None) -> QModelIndex:
        """The index of a group; None is "Ungrouped" (invalid when absent)."""
        self._ensure()
        key = UNGROUPED if group_id is None else group_key(group_id)
        node = self._nodes.get(key)
        return self._index_of(node) if node is not None else QModelIndex()

    def code_at(self, index: Index) -> CodeInfo | None:
        """The code at an index of this model (None for groups and invalid indexes)."""
        self._ensure()
        if not index.isValid():
            return None
        node = self._nodes.get(index.internalId())
        return node.code if node is not None else None

    # -- QAbstractItemModel -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        self._ensure()
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, id=self._node(parent).children[row].key)

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        node = self._nodes.get(child.internalId())
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        self._ensure()
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.HEADERS)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(self.HEADER_TIPS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self._ensure()
        if not index.isValid():
            return None
        node = self._nodes.get(index.internalId())
        if node is None:
            return None
        if node.code is not None:
            return self._code_data(node, node.code, index.column(), role)
        return self._group_data(node, index.column(), role)

    def _code_data(self, node: Node, code: CodeInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return display_text(code)
            return code.segments if code.codable or code.segments else None
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return swatch(code.colour, code.codable)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not node.children:
                return code_tooltip(code)
            total = sum(n.code.segments for n in node.walk() if n.code is not None)
            return code_tooltip(code, with_children=total)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and code.segments == 0:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and column == 0 and not code.codable:
            font = QFont()
            font.setItalic(True)
            return font
        if role == CodebookRole.SEARCH_TEXT:
            return node.search_text()
        return _code_role(code, role)

    def _group_data(self, node: Node, column: int, role: int) -> Any:
        name = node.group.name if node.group is not None else self.tr(UNGROUPED_NAME)
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else None
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            codes = [n.code for n in node.walk() if n.code is not None]
            return group_tooltip(name, len(codes), sum(c.segments for c in codes))
        if role == CodebookRole.ID:
            return node.group.id if node.group is not None else None
        if role == CodebookRole.KIND:
            return KIND_GROUP
        if role == CodebookRole.NAME:
            return name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        if self._node(index).code is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- drag and drop ----------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CODE_MIME, SPAN_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids: list[int] = []
        for index in indexes:
            code = self.code_at(index)
            if code is not None and code.id not in ids:
                ids.append(code.id)
        return code_mime_data(ids)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._plan_drop(data, row, parent) is not None

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        plan = self._plan_drop(data, row, parent)
        if plan is None:
            return False
        if isinstance(plan, _SpanDrop):
            span = plan.span
            self.span_dropped.emit(plan.code_id, span.document_id, span.start, span.end)
            return True
        return self._run_all(
            plan, self.tr("Move code") if len(plan) <= 2 else self.tr("Move codes")
        )

    def _plan_drop(
        self, data: QMimeData, row: int, parent: Index
    ) -> _SpanDrop | list[Command] | None:
        """What dropping ``data`` on ``parent`` would do; None when it cannot be dropped."""
        self._ensure()
        if data is None or not parent.isValid():
            return None
        target = self._nodes.get(parent.internalId())
        if target is None:
            return None
        span = parse_span(data)
        if span is not None:
            if row != -1 or target.code is None or not target.code.codable:
                return None
            return _SpanDrop(target.code.id, span)
        dragged = [self._nodes.get(code_key(i)) for i in parse_codes(data)]
        nodes = [n for n in dragged if n is not None]
        if not nodes or len(nodes) != len(dragged):
            return None
        keys = {n.key for n in nodes}
        # A code dragged with one of its ancestors travels with that ancestor.
        nodes = [n for n in nodes if not any(a.key in keys for a in self._ancestors(n))]
        commands: list[Command] = []
        for node in nodes:
            planned = self._move_commands(node, target)
            if planned is None:
                return None
            commands.extend(planned)
        return commands or None

    def _ancestors(self, node: Node) -> Iterator[Node]:
        parent = node.parent
        while parent is not None:
            yield parent
            parent = parent.parent

    def _move_commands(self, node: Node, target: Node) -> list[Command] | None:
        code = node.code
        assert code is not None
        if target.code is not None:
            if target is node or node in self._ancestors(target):
                return None
            return [] if node.parent is target else [MoveCode(code.id, target.code.id)]
        group_id = target.group.id if target.group is not None else None
        commands: list[Command] = []
        if code.parent_id is not None:
            commands.append(MoveCode(code.id, None))
        elif node.parent is target:
            return []
        if self.code_group_id(code) != group_id:
            commands.append(UpdateCode(code.id, group_id=group_id))
        return commands

    def _run_all(self, commands: list[Command], label: str) -> bool:
        """Run commands as one undoable step."""
        if len(commands) == 1:
            return self._session.run(commands[0]) is not None
        stack = self._session.undo_stack
        done = 0
        stack.beginMacro(label)
        try:
            for command in commands:
                if self._session.run(command) is None:
                    break
                done += 1
        finally:
            stack.endMacro()
        if done == 0:  # nothing happened: take the empty step off the stack again
            macro = stack.command(stack.index() - 1)
            if macro is not None:
                macro.setObsolete(True)
                stack.undo()
        return done == len(commands)
