"""The codebook pane: a filter, the tree of groups and codes, and the codebook's actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.codebook.appearance import SWATCH_SIZE
from ui.codebook.delegate import CodeDelegate
from ui.codebook.dialogs import CodeDialog, DeleteCodeDialog, MergeCodeDialog
from ui.codebook.filtering import CodebookFilter
from ui.codebook.model import KIND_CODE, KIND_GROUP, CodebookModel, CodebookRole
from ui.codebook.palette import recent_codes
from ui.session import AppSession
from workbench.colours import CODE_PALETTE
from workbench.commands.base import Command
from workbench.commands.code_removal import DeleteCode, MergeCodes
from workbench.commands.codes import CodeSpec, CreateCode, UpdateCode
from workbench.commands.segments import AddSegment
from workbench.entities import CodeInfo
from workbench.errors import WorkbenchError

EMPTY_MESSAGE = QT_TRANSLATE_NOOP(
    "CodebookPanel",
    "This codebook has no codes yet.\n\n"
    "Add a code with the + button, or import a codebook: File > Import codebook.",
)

Expansion = tuple[str, Any]


class CodebookPanel(QWidget):
    """Browse, filter and edit the codebook; pick codes for coding and retrieval.

    Signals:
        codes_selected(list[int]): the ids of the selected codes changed.
        code_clicked(int): a codable code was clicked (the window may code the current
            text selection with it).
        code_activated(int): a code was double-clicked or Enter was pressed on it.
        span_dropped(code_id, document_id, start, end): a text span dragged from a
            transcript was dropped on a codable code. With ``code_dropped_spans`` (the
            default) the panel has already coded it (one undoable step) when this is
            emitted; without, coding it is left to whoever listens.
    """

    codes_selected = Signal(list)
    code_clicked = Signal(int)
    code_activated = Signal(int)
    span_dropped = Signal(int, int, int, int)

    def __init__(
        self,
        session: AppSession,
        parent: QWidget | None = None,
        *,
        code_dropped_spans: bool = True,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.code_dropped_spans = code_dropped_spans
        #: The dialog the panel has open, if any (window-modal, not blocking).
        self.active_dialog: QDialog | None = None
        self._saved_expansion: set[Expansion] | None = None

        self.model = CodebookModel(session, self)
        self.proxy = CodebookFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter codes (label, name, definition)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.view = self._make_view()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(24)
        self.empty_label.setEnabled(False)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty_label)

        self._make_actions()
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_code_action,
            self.new_child_action,
            self.edit_action,
            self.recolour_action,
            self.merge_action,
            self.delete_action,
        ):
            self.toolbar.addAction(action)
        for button in self.toolbar.findChildren(QToolButton):
            button.setAutoRaise(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)

        self.filter_edit.textChanged.connect(self.set_filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._activated)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.model.span_dropped.connect(self._span_dropped)
        self.proxy.modelReset.connect(self._after_reset)
        self.proxy.rowsInserted.connect(self._rows_inserted)
        self.proxy.rowsRemoved.connect(self._update_page)
        self.proxy.layoutChanged.connect(self._update_page)
        self._after_reset()
        self._update_actions()

    # -- building ---------------------------------------------------------------------

    def _make_view(self) -> QTreeView:
        view = QTreeView(self)
        view.setModel(self.proxy)
        view.setUniformRowHeights(True)
        view.setAllColumnsShowFocus(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Every drop lands on an item (a code or a group): the core keeps sibling order.
        view.setDragDropOverwriteMode(True)
        view.setDropIndicatorShown(True)
        view.setIconSize(QSize(SWATCH_SIZE, SWATCH_SIZE))
        view.setIndentation(16)
        view.setItemDelegateForColumn(0, CodeDelegate(view))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return view

    def _action(
        self, text: str, short: str, keys: list[QKeySequence], tip: str, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self)
        action.setIconText(short)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence
        self.new_code_action = self._action(
            self.tr("New code…"),
            self.tr("+ Code"),
            [key(Qt.Key.Key_Insert), key("Ctrl+Shift+N")],
            self.tr("Add a code to the selected group"),
            self.new_code,
        )
        self.new_child_action = self._action(
            self.tr("New child code…"),
            self.tr("+ Child"),
            [key("Alt+Insert"), key("Ctrl+Alt+N")],
            self.tr("Add a code under the selected code"),
            self.new_child_code,
        )
        self.edit_action = self._action(
            self.tr("Edit…"),
            self.tr("Edit"),
            [key(Qt.Key.Key_F2)],
            self.tr("Edit the name, label, colour, group and rules of the code"),
            self.edit_code,
        )
        self.recolour_action = self._action(
            self.tr("Recolour…"),
            self.tr("Colour"),
            [key("Ctrl+Shift+L")],
            self.tr("Change the colour of the code"),
            self.recolour,
        )
        self.merge_action = self._action(
            self.tr("Merge into…"),
            self.tr("Merge"),
            [key("Ctrl+Shift+M")],
            self.tr("Move the code's segments and children into another code, then delete it"),
            self.merge_code,
        )
        self.delete_action = self._action(
            self.tr("Delete…"),
            self.tr("Delete"),
            [key(key.StandardKey.Delete)],
            self.tr("Delete the code (asks first; undoable)"),
            self.delete_code,
        )

    # -- selection ----------------------------------------------------------------------

    def selected_code_ids(self) -> list[int]:
        """The ids of the selected codes, in the order the tree shows them."""
        ids: list[int] = []
        for index in sorted(
            self.view.selectionModel().selectedRows(0), key=lambda i: self._row_path(i)
        ):
            if index.data(CodebookRole.KIND) == KIND_CODE:
                ids.append(int(index.data(CodebookRole.ID)))
        return ids

    @staticmethod
    def _row_path(index: QModelIndex) -> list[int]:
        path = []
        while index.isValid():
            path.insert(0, index.row())
            index = index.parent()
        return path

    def current_code(self) -> CodeInfo | None:
        """The code the actions apply to: the only selected code (None otherwise)."""
        ids = self.selected_code_ids()
        return self.model.code(ids[0]) if len(ids) == 1 else None

    def select_code(self, code_id: int) -> None:
        """Select a code, opening its parents and scrolling to it."""
        index = self.proxy.mapFromSource(self.model.index_of_code(code_id))
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _selected_group(self) -> tuple[bool, int | None]:
        """(True, group id) when a single group row is selected."""
        rows = self.view.selectionModel().selectedRows(0)
        if len(rows) == 1 and rows[0].data(CodebookRole.KIND) == KIND_GROUP:
            return True, rows[0].data(CodebookRole.ID)
        return False, None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()
        self.codes_selected.emit(self.selected_code_ids())

    def _update_actions(self) -> None:
        one = self.current_code() is not None
        for action in (
            self.new_child_action,
            self.edit_action,
            self.recolour_action,
            self.merge_action,
            self.delete_action,
        ):
            action.setEnabled(one)

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(CodebookRole.KIND) == KIND_CODE and index.data(CodebookRole.CODABLE):
            self.code_clicked.emit(int(index.data(CodebookRole.ID)))

    def _activated(self, index: QModelIndex) -> None:
        if index.data(CodebookRole.KIND) == KIND_CODE:
            self.code_activated.emit(int(index.data(CodebookRole.ID)))

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu shown on a right-click in the tree."""
        menu = QMenu(self)
        menu.addAction(self.new_code_action)
        menu.addAction(self.new_child_action)
        menu.addSeparator()
        menu.addAction(self.edit_action)
        menu.addAction(self.recolour_action)
        menu.addAction(self.merge_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    # -- filter, expansion and the empty state --------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only codes whose label, name or definition match (and their parents)."""
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # comes back here through textChanged
            return
        was_filtering = bool(self.proxy.query)
        if not was_filtering:
            self._saved_expansion = self._expansion()
        self.proxy.set_query(text)
        if self.proxy.query:
            self.view.expandAll()
        else:
            self._restore_expansion(self._saved_expansion)
            self._saved_expansion = None
        self._update_page()

    def _expansion(self) -> set[Expansion]:
        opened: set[Expansion] = set()
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.view.isExpanded(index):
                    opened.add((index.data(CodebookRole.KIND), index.data(CodebookRole.ID)))
                    pending.append(index)
        return opened

    def _restore_expansion(self, opened: set[Expansion] | None) -> None:
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                kind = index.data(CodebookRole.KIND)
                wanted = (
                    kind == KIND_GROUP
                    if opened is None
                    else (kind, index.data(CodebookRole.ID)) in opened
                )
                self.view.setExpanded(index, wanted)
                pending.append(index)

    def _after_reset(self) -> None:
        for row in range(self.proxy.rowCount()):
            self.view.expand(self.proxy.index(row, 0))
        self._update_page()

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():  # a new group ("Ungrouped") opens
            for row in range(first, last + 1):
                self.view.expand(self.proxy.index(row, 0))
        self._update_page()

    def _update_page(self) -> None:
        if self.model.code_count() == 0:
            self.empty_label.setText(self.tr(EMPTY_MESSAGE))
            self.pages.setCurrentWidget(self.empty_label)
        elif self.proxy.query and self.proxy.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No code matches “{0}”.").format(self.filter_edit.text().strip())
            )
            self.pages.setCurrentWidget(self.empty_label)
        else:
            self.pages.setCurrentWidget(self.view)

    # -- running commands -----------------------------------------------------------------

    def _run(self, command: Command) -> str | None:
        """Run a command on the session; the refusal's message, or None when it was done.

        The panel shows refusals itself (inside its dialogs), so it does not let the
        session announce them to the window as well.
        """
        try:
            self.session.run_or_raise(command)
        except WorkbenchError as error:
            return str(error)
        return None

    def _open(self, dialog: QDialog) -> QDialog:
        self.active_dialog = dialog

        def closed() -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def _span_dropped(self, code_id: int, document_id: int, start: int, end: int) -> None:
        if self.code_dropped_spans:
            refused = self._run(AddSegment(document_id, code_id, start, end))
            if refused is not None:
                self.session.failed.emit(refused)  # no dialog of ours is open: tell the window
                return
            recent_codes(self.session).used(code_id)
        self.span_dropped.emit(code_id, document_id, start, end)

    # -- actions ----------------------------------------------------------------------------

    def new_code(self) -> QDialog:
        """Ask for a new top-level code, in the selected group."""
        is_group, group_id = self._selected_group()
        code = self.current_code()
        if not is_group and code is not None:
            group_id = self.model.group_of(code.id)
        elif not is_group:
            groups = self.model.groups()
            group_id = groups[0].id if groups else None
        return self._open_new(None, group_id)

    def new_child_code(self) -> QDialog | None:
        """Ask for a new code under the selected code."""
        parent = self.current_code()
        if parent is None:
            return None
        return self._open_new(parent, self.model.group_of(parent.id))

    def _open_new(self, parent: CodeInfo | None, group_id: int | None) -> QDialog:
        colour = CODE_PALETTE[self.model.code_count() % len(CODE_PALETTE)]
        if parent is not None:
            colour = QColor(parent.colour).lighter(125).name()
        dialog = CodeDialog(
            self,
            title=self.tr("New child code") if parent else self.tr("New code"),
            groups=self.model.groups(),
            group_id=group_id,
            colour=colour,
            parent_code=parent,
            submit=lambda values: self._create(parent, values),
        )
        if self.proxy.query:  # a filter that found nothing is often the name wanted
            dialog.name_edit.setText(self.filter_edit.text().strip())
        return self._open(dialog)

    def _create(self, parent: CodeInfo | None, values: dict[str, Any]) -> str | None:
        try:
            command = CreateCode(
                CodeSpec(
                    name=values["name"],
                    parent_id=parent.id if parent else None,
                    group_id=None if parent else values["group_id"],
                    label=values["label"],
                    colour=values["colour"],
                    codable=values["codable"],
                    definition=values["definition"],
                    inclusion=values["inclusion"],
                    exclusion=values["exclusion"],
                    example=values["example"],
                )
            )
        except WorkbenchError as error:
            return str(error)
        error = self._run(command)
        if error is None and command.code_id is not None:
            if self.proxy.query:
                self.filter_edit.clear()
            self.select_code(command.code_id)
        return error

    def edit_code(self) -> QDialog | None:
        """Edit the selected code's properties."""
        code = self.current_code()
        if code is None:
            return None
        expected = [code.version]

        def submit(changed: dict[str, Any]) -> str | None:
            if not changed:
                return None
            try:
                command = UpdateCode(code.id, expected_version=expected[0], **changed)
            except WorkbenchError as error:
                return str(error)
            error = self._run(command)
            if error is None:
                return None
            self.model.refresh()  # bring in what the other coder changed
            now = self.model.code(code.id)
            if now is None:
                return f"{error}\n\n" + self.tr("The code was deleted meanwhile.")
            if now.version != expected[0]:
                expected[0] = now.version
                return f"{error}\n\n" + self.tr(
                    "Press OK again to save your version over theirs, or Cancel to keep theirs."
                )
            return error

        dialog = CodeDialog(
            self,
            title=self.tr("Edit code {0}").format(code.label or code.name),
            groups=self.model.groups(),
            code=code,
            group_id=self.model.code_group_id(code),
            submit=submit,
        )
        return self._open(dialog)

    def recolour(self) -> QDialog | None:
        """Choose a new colour for the selected code."""
        code = self.current_code()
        if code is None:
            return None
        dialog = QColorDialog(QColor(code.colour), self)
        dialog.setWindowTitle(self.tr("Colour of {0}").format(code.label or code.name))

        def chosen(colour: QColor) -> None:
            if colour.isValid() and colour.name() != code.colour:
                self._run(UpdateCode(code.id, expected_version=code.version, colour=colour.name()))

        dialog.colorSelected.connect(chosen)
        return self._open(dialog)

    def merge_code(self) -> QDialog | None:
        """Merge the selected code into another one, chosen in a dialog."""
        source = self.current_code()
        if source is None:
            return None
        own = {c.id for c in self.model.subtree(source.id)}
        candidates = [
            c for c in self.model.codes() if c.id not in own and (c.codable or not source.segments)
        ]
        dialog = MergeCodeDialog(self, source, candidates)

        def merge() -> None:
            target = dialog.target()
            if target is not None and self._run(MergeCodes(source.id, target)) is None:
                self.select_code(target)

        dialog.accepted.connect(merge)
        return self._open(dialog)

    def delete_code(self) -> QDialog | None:
        """Delete the selected code and its children, after asking what becomes of segments."""
        code = self.current_code()
        if code is None:
            return None
        subtree = {c.id for c in self.model.subtree(code.id)}
        # Everyone's segments count here, whichever coders the tree is counting.
        segments = sum(c.segments for c in self.session.project.codes() if c.id in subtree)
        parent = self.model.code(code.parent_id) if code.parent_id is not None else None
        dialog = DeleteCodeDialog(
            self, code, children=len(subtree) - 1, segments=segments, parent_code=parent
        )

        def decided(_result: int) -> None:
            choice = dialog.choice()
            if choice == "delete":
                self._run(DeleteCode(code.id, segments="delete"))
            elif choice == "parent":
                self._run(DeleteCode(code.id, segments="parent"))
                if parent is not None:
                    self.select_code(parent.id)

        dialog.finished.connect(decided)
        return self._open(dialog)
