"""The transcript pane: read a document, select passages, code them and edit codings.

:class:`TranscriptView` is what the main window places; its public methods and
signals speak code points (the core's offsets). Every change it makes goes through
``session.run`` so that it can be undone, and it repaints only what the change bus
says changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QStackedLayout, QWidget

from ui.session import AppSession
from ui.transcript.editor import TranscriptEditor
from ui.transcript.memo_dialog import SegmentMemoDialog
from ui.transcript.model import TranscriptModel, qt_text
from workbench import queries
from workbench.changes import Changes
from workbench.commands.segments import (
    CodeInVivo,
    RemoveSegments,
    ResizeSegment,
    SetSegmentMemo,
)
from workbench.entities import SegmentInfo
from workbench.errors import NotFoundError

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "TranscriptView", "Choose a document on the left, or import transcripts with File > Import"
)


class TranscriptView(QWidget):
    """One transcript, its highlights, paragraph numbers and coding stripes."""

    #: The selected text changed: (start, end) in code points, (-1, -1) when none.
    selection_changed = Signal(int, int)
    #: A segment was selected (clicked in the text or its stripe); -1 when none is.
    segment_selected = Signal(int)
    #: The user asked to pick a code for the selected text (the quick-code palette).
    code_requested = Signal()
    #: The user asked to give a segment another code.
    recode_requested = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._model = TranscriptModel()
        self._codebook_loaded = False
        self._resizing: SegmentInfo | None = None
        self.memo_dialog: SegmentMemoDialog | None = None

        self._stack = QStackedLayout(self)
        self._empty = QLabel(self.tr(EMPTY_TEXT))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setMargin(24)
        self._empty.setEnabled(False)  # drawn in the palette's quieter colour
        self.editor = TranscriptEditor(self._model, self)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self.editor)
        self._stack.setCurrentWidget(self._empty)

        self.action_code_selection = self._action(
            self.tr("Code selection…"), self.code_requested.emit
        )
        self.action_in_vivo = self._action(self.tr("Code in vivo"), self.code_in_vivo)
        self.action_recode = self._action(self.tr("Change code…"), self._request_recode)
        self.action_memo = self._action(self.tr("Edit memo…"), self.edit_memo)
        self.action_resize = self._action(self.tr("Resize to selection"), self.resize_to_selection)
        self.action_remove = self._action(self.tr("Remove segment"), self.remove_segment)
        self.action_remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.action_remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.action_remove)

        self.editor.selectionChanged.connect(self._on_selection_changed)
        self.editor.clicked.connect(self._on_clicked)
        self.editor.escape_pressed.connect(lambda: self.select_segment(None))
        self.editor.stripes.clicked.connect(self.select_segment)
        self.editor.resize_previewed.connect(self._on_resize_previewed)
        self.editor.resize_finished.connect(self._on_resize_finished)
        self.editor.menu_requested.connect(self._on_menu_requested)
        session.bus.changed.connect(self._on_changed)
        self._update_actions()

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # -- showing a document ----------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self._model.document_id

    @property
    def model(self) -> TranscriptModel:
        return self._model

    def show_document(self, document_id: int | None) -> None:
        """Show a document, or (None) the empty state that says what to do next."""
        project = self._session.project
        text = ""
        segments: list[SegmentInfo] = []
        turns = []
        if document_id is not None:
            try:
                text = project.text(document_id)
            except NotFoundError:
                document_id = None
        if document_id is not None:
            if not self._codebook_loaded:
                self._load_codebook()
            segments = project.segments(document_ids=[document_id])
            with project.read() as session:
                turns = queries.speaker_turns(session, document_id)
        had_selection = self._model.selected is not None
        self._model.load(document_id, text, segments, turns)
        self.editor.set_text(qt_text(text))
        self._stack.setCurrentWidget(self.editor if document_id is not None else self._empty)
        self.editor.refresh_gutters()
        if had_selection:
            self.segment_selected.emit(-1)
        self._update_actions()

    def _load_codebook(self) -> None:
        project = self._session.project
        self._model.codes = {code.id: code for code in project.codes()}
        self._model.coders = {coder.id: coder for coder in project.coders()}
        self.editor.formats.clear()
        self._codebook_loaded = True

    # -- the text selection ----------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text in code points, or None."""
        if self._model.document_id is None:
            return None
        return self.editor.selected_span()

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points)."""
        self.editor.select_span(start, end)

    def reveal(self, start: int, end: int) -> None:
        """Scroll a passage into view (near the middle) and select it."""
        self.editor.setTextCursor(self.editor.cursor_at(start))
        self.editor.centerCursor()
        self.editor.select_span(start, end)
        self.editor.ensureCursorVisible()

    def clear_selection(self) -> None:
        cursor = self.editor.textCursor()
        cursor.clearSelection()
        self.editor.setTextCursor(cursor)

    def _on_selection_changed(self) -> None:
        span = self.selected_span()
        self.selection_changed.emit(*(span if span is not None else (-1, -1)))
        self._update_actions()

    # -- segments ----------------------------------------------------------------------

    def selected_segment(self) -> int | None:
        """The id of the selected segment, if any."""
        return self._model.selected

    def select_segment(self, segment_id: int | None) -> None:
        """Select a segment (outlined, with handles to resize it), or none."""
        model = self._model
        if segment_id is not None and segment_id not in model.index:
            segment_id = None
        if segment_id == model.selected:
            return
        blocks = self._blocks_of([model.selected, segment_id])
        model.selected = segment_id
        self.editor.repaint_blocks(blocks)
        self.editor.viewport().update()
        self.editor.stripes.update()
        self._update_actions()
        self.segment_selected.emit(segment_id if segment_id is not None else -1)

    def _blocks_of(self, segment_ids: Iterable[int | None]) -> set[int]:
        index = self._model.index
        blocks: set[int] = set()
        for segment_id in segment_ids:
            segment = index.get(segment_id) if segment_id is not None else None
            if segment is not None:
                blocks.update(index.blocks_of(segment.start, segment.end))
        return blocks

    def _on_clicked(self, offset: int) -> None:
        candidates = self._model.visible_at(offset) if offset >= 0 else []
        if not candidates:
            self.select_segment(None)
            return
        ids = [segment.id for segment in candidates]
        current = self._model.selected
        # Clicking again where codings overlap steps to the next one, shortest first.
        following = ids[(ids.index(current) + 1) % len(ids)] if current in ids else ids[0]
        self.select_segment(following)

    def set_emphasised_codes(self, code_ids: set[int]) -> None:
        """Highlight these codes (chosen in the codebook) more strongly."""
        model = self._model
        new = frozenset(code_ids)
        changed = new ^ model.emphasised
        model.emphasised = new
        if changed:
            self.editor.repaint_blocks(self._blocks_where(lambda s: s.code_id in changed))

    def set_visible_coders(self, coder_ids: set[int] | None) -> None:
        """Paint only these coders' segments; None paints everyone's."""
        model = self._model
        new = frozenset(coder_ids) if coder_ids is not None else None
        if new == model.visible_coders:
            return
        old = model.visible_coders
        model.visible_coders = new
        if old is None or new is None:
            blocks = set(model.index.blocks_with_segments())
        else:
            changed = old ^ new
            blocks = self._blocks_where(lambda s: s.coder_id in changed)
        if model.selected is not None:
            selected = model.index.get(model.selected)
            if selected is not None and not model.visible(selected):
                self.select_segment(None)
        model.update_columns()
        self.editor.repaint_blocks(blocks)
        self.editor.refresh_gutters()

    def _blocks_where(self, wanted: object) -> set[int]:
        index = self._model.index
        blocks: set[int] = set()
        for segment in index:
            if wanted(segment):  # type: ignore[operator]
                blocks.update(index.blocks_of(segment.start, segment.end))
        return blocks

    # -- actions -----------------------------------------------------------------------

    def _update_actions(self) -> None:
        span = self.selected_span()
        segment = self._model.index.get(self._model.selected or -1)
        self.action_code_selection.setEnabled(span is not None)
        self.action_in_vivo.setEnabled(span is not None)
        for action in (self.action_recode, self.action_memo, self.action_remove):
            action.setEnabled(segment is not None)
        self.action_resize.setEnabled(
            segment is not None and span is not None and span != (segment.start, segment.end)
        )

    def code_in_vivo(self) -> None:
        """Code the selection with a new code named after it."""
        span = self.selected_span()
        if span is not None and self._model.document_id is not None:
            self._session.run(CodeInVivo(self._model.document_id, *span))

    def remove_segment(self) -> None:
        if self._model.selected is not None:
            self._session.run(RemoveSegments([self._model.selected]))

    def resize_to_selection(self) -> None:
        """Give the selected segment the span of the selected text."""
        span = self.selected_span()
        if self._model.selected is not None and span is not None:
            self._session.run(ResizeSegment(self._model.selected, *span))

    def _request_recode(self) -> None:
        if self._model.selected is not None:
            self.recode_requested.emit(self._model.selected)

    def edit_memo(self) -> None:
        """Open a small dialog on the selected segment's memo; OK saves it (undoable)."""
        segment = self._model.index.get(self._model.selected or -1)
        if segment is None:
            return
        model = self._model
        dialog = SegmentMemoDialog(
            segment.id,
            model.code_name(segment.code_id),
            model.coder_name(segment.coder_id),
            model.text[segment.start : segment.end],
            segment.memo,
            self,
        )
        dialog.accepted.connect(lambda: self._save_memo(dialog.segment_id, dialog.memo()))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.memo_dialog = dialog
        dialog.open()

    def _save_memo(self, segment_id: int, memo: str) -> None:
        segment = self._model.index.get(segment_id)
        if segment is not None and segment.memo != memo:
            self._session.run(SetSegmentMemo(segment_id, memo))

    def _forget_dialog(self, dialog: SegmentMemoDialog) -> None:
        if self.memo_dialog is dialog:
            self.memo_dialog = None

    def context_menu(self, offset: int = -1) -> QMenu:
        """The menu for a right click over the character at ``offset`` (-1: none)."""
        span = self.selected_span()
        in_selection = span is not None and span[0] <= offset < span[1]
        if offset >= 0 and not in_selection:
            here = [s.id for s in self._model.visible_at(offset)]
            if here and self._model.selected not in here:
                self.select_segment(here[0])
        self._update_actions()
        menu = QMenu(self)
        if span is not None:
            menu.addAction(self.action_code_selection)
            menu.addAction(self.action_in_vivo)
        if self._model.selected is not None:
            if span is not None:
                menu.addSeparator()
            menu.addAction(self.action_recode)
            menu.addAction(self.action_memo)
            if span is not None:
                menu.addAction(self.action_resize)
            menu.addAction(self.action_remove)
        if span is not None:
            menu.addSeparator()
            copy = menu.addAction(self.tr("Copy"))
            copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
            copy.triggered.connect(self.editor.copy)
        return menu

    def _on_menu_requested(self, where: QPoint, offset: int) -> None:
        menu = self.context_menu(offset)
        if not menu.isEmpty():
            menu.exec(where)
        menu.deleteLater()

    # -- resizing by dragging an end -----------------------------------------------------

    def _on_resize_previewed(self, segment_id: int, start: int, end: int) -> None:
        index = self._model.index
        segment = index.get(segment_id)
        if segment is None:
            return
        if self._resizing is None or self._resizing.id != segment_id:
            self._resizing = segment
        blocks = index.add(dataclasses.replace(segment, start=start, end=end))
        self._model.place_columns([segment_id])
        self.editor.repaint_blocks(blocks)
        self.editor.viewport().update()
        self.editor.stripes.update()

    def _on_resize_finished(self, segment_id: int, start: int, end: int) -> None:
        original, self._resizing = self._resizing, None
        if original is None or original.id != segment_id:
            return
        if (start, end) == (original.start, original.end):
            return
        if self._session.run(ResizeSegment(segment_id, start, end)) is None:
            # Refused: show the segment where it really is.
            self.editor.repaint_blocks(self._model.index.add(original))
            self._model.place_columns([segment_id])
            self.editor.viewport().update()

    # -- refreshing on changes ---------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        model = self._model
        kinds = changes.kinds()
        if "code" in kinds or "coder" in kinds:
            self._codebook_loaded = False
        document_id = model.document_id
        if document_id is None:
            return
        if document_id in changes.removed.get("document", frozenset()):
            self.show_document(None)
            return
        touched: set[int] = set()
        if not self._codebook_loaded:
            self._load_codebook()
            recoloured = changes.updated.get("code", frozenset()) | changes.removed.get(
                "code", frozenset()
            )
            if recoloured:
                touched |= self._blocks_where(lambda s: s.code_id in recoloured)
        if "segment" in kinds:
            touched |= self._sync_segments(changes)
        # Qt repaints the lines of the blocks formatted again; nothing else needs it.
        self.editor.repaint_blocks(touched)
        if "segment" in kinds or "coder" in kinds:
            self.editor.refresh_gutters()

    def _sync_segments(self, changes: Changes) -> set[int]:
        model = self._model
        assert model.document_id is not None
        index = model.index
        touched: set[int] = set()
        changed: set[int] = set()
        for segment_id in changes.removed.get("segment", frozenset()):
            blocks = index.remove(segment_id)
            if blocks:
                changed.add(segment_id)
                touched |= blocks
        wanted = changes.added.get("segment", frozenset()) | changes.updated.get(
            "segment", frozenset()
        )
        if wanted:
            found = self._fetch(wanted)
            if found is None:
                # Some are not the current coder's here: read the whole document again.
                segments = self._session.project.segments(document_ids=[model.document_id])
                synced, blocks = index.sync(segments)
                changed |= synced
                touched |= blocks
            else:
                for segment in found:
                    touched |= index.add(segment)
                changed |= wanted
        model.place_columns(changed)
        if model.selected is not None and model.selected not in index:
            model.selected = None
            self.editor.viewport().update()  # its handles go
            self.segment_selected.emit(-1)
        self._update_actions()
        return touched

    def _fetch(self, segment_ids: frozenset[int]) -> list[SegmentInfo] | None:
        """The segments with these ids that belong to the shown document.

        The change bus gives ids only; reading just those rows is far cheaper than
        reading the document's segments again. None when no document is shown.
        """
        document_id = self._model.document_id
        if document_id is None:
            return None
        found = self._session.project.segments(document_ids=[document_id], segment_ids=segment_ids)
        return found
