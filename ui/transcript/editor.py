"""The read-only text of a transcript, with its gutters, hit testing and mouse gestures.

Everything here that speaks of offsets outside Qt speaks code points: the conversion
to and from Qt's UTF-16 positions goes through the model's :class:`Utf16Map`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip, QWidget

from ui.transcript.formats import HighlightFormats
from ui.transcript.gutters import NumberGutter, StripeGutter
from ui.transcript.highlighter import TranscriptHighlighter
from ui.transcript.mime import SPAN_MIME, span_mime
from ui.transcript.model import TranscriptModel
from ui.transcript.tooltips import describe_segments

#: About this many characters per line: long lines are hard to read.
LINE_CHARACTERS = 70
POINT_SIZE = 11.5
#: How close to a selected segment's end the mouse must be to grab it, in pixels.
HANDLE_SLOP = 5
_SAMPLE = "La verdad es que el sindicato nos ayudó mucho con los contratos, and then we "


@dataclass
class _Resize:
    segment_id: int
    anchor: int  # the end that stays, in code points
    start: int
    end: int


class TranscriptEditor(QPlainTextEdit):
    """A read-only ``QPlainTextEdit`` that paints a :class:`TranscriptModel`."""

    #: A plain click on the text: the code-point offset of the character, -1 for none.
    clicked = Signal(int)
    #: A segment's end dragged: (segment id, start, end), while dragging and when let go.
    resize_previewed = Signal(int, int, int)
    resize_finished = Signal(int, int, int)
    #: A context menu asked for at a global position over a character (-1 for none).
    menu_requested = Signal(QPoint, int)
    escape_pressed = Signal()

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ready = False  # Qt reports font and palette changes while we are being built
        self.model = model
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(POINT_SIZE)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.setFont(font)
        self.document().setDocumentMargin(6)
        palette = self.palette()
        self.formats = HighlightFormats(
            model, palette.color(palette.ColorRole.Base), palette.color(palette.ColorRole.Text)
        )
        self.highlighter = TranscriptHighlighter(self.document(), model, self.formats)
        self.numbers = NumberGutter(self)
        self.stripes = StripeGutter(self)
        self._margins = (0, 0)
        self._resize: _Resize | None = None
        self._press_at: QPoint | None = None
        self._drag_from: QPoint | None = None
        self._laying_out = False
        self.viewport().setMouseTracking(True)
        self.updateRequest.connect(self._on_update_request)
        self._ready = True
        self.update_margins()

    # -- text ----------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show a text (already made safe by :func:`~ui.transcript.model.qt_text`)."""
        self._resize = None
        self.highlighter.reset()
        self.setPlainText(text)
        self.update_margins()

    # -- geometry ------------------------------------------------------------------

    def text_width(self) -> int:
        """The width of a text column of about :data:`LINE_CHARACTERS` characters."""
        metrics = QFontMetricsF(self.font())
        per_character = metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE)
        return int(per_character * LINE_CHARACTERS + 2 * self.document().documentMargin() + 4)

    def update_margins(self) -> None:
        """Centre a readable text column between the gutters."""
        if self._laying_out:
            return
        self._laying_out = True
        try:
            available = self.viewport().width() + sum(self._margins)
            left = self.numbers.needed_width()
            right = self.stripes.needed_width()
            text = max(160, min(self.text_width(), available - left - right))
            spare = max(0, available - left - right - text)
            margins = (left + spare // 2, right + spare - spare // 2)
            if margins != self._margins:
                self._margins = margins
                self.setViewportMargins(margins[0], 0, margins[1], 0)
                # QPlainTextEdit wraps to the viewport's width only when it is resized
                # itself; a change of margins alone would leave lines too long.
                QPlainTextEdit.resizeEvent(self, QResizeEvent(self.size(), QSize(-1, -1)))
            self._place_gutters()
        finally:
            self._laying_out = False

    def _place_gutters(self) -> None:
        viewport = self.viewport().geometry()
        outer = self.contentsRect()
        self.numbers.setGeometry(
            QRect(outer.left(), viewport.top(), viewport.left() - outer.left(), viewport.height())
        )
        self.stripes.setGeometry(
            QRect(viewport.right() + 1, viewport.top(), self._margins[1], viewport.height())
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if not getattr(self, "_ready", False):
            return
        kind = event.type()
        if kind == QEvent.Type.PaletteChange:
            palette = self.palette()
            self.formats.set_palette(
                palette.color(palette.ColorRole.Base), palette.color(palette.ColorRole.Text)
            )
            self.highlighter.invalidate(self.model.index.blocks_with_segments())
            self.highlighter.invalidate(self.model.labels)
            self.viewport().update()
        if kind in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.refresh_gutters()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.update_margins()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and not self._laying_out:
            # A scroll bar came or went: centre the column again once this settles.
            QTimer.singleShot(0, self.update_margins)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _on_update_request(self, _rect: QRect, _dy: int) -> None:
        self.numbers.update()
        self.stripes.update()

    def refresh_gutters(self) -> None:
        """Repaint the gutters, resizing them when the stripes need more or fewer columns."""
        self.stripes.invalidate()
        self.update_margins()
        self.numbers.update()
        self.stripes.update()

    def visible_blocks(self) -> list[tuple[QTextBlock, float, float]]:
        """The blocks on screen with their top and bottom in viewport coordinates."""
        found: list[tuple[QTextBlock, float, float]] = []
        block = self.firstVisibleBlock()
        if not block.isValid():
            return found
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        limit = self.viewport().height()
        while block.isValid() and top <= limit:
            height = self.blockBoundingRect(block).height()
            if block.isVisible():
                found.append((block, top, top + height))
            top += height
            block = block.next()
        return found

    def _line(self, block: QTextBlock, offset: int) -> QTextLine | None:
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return None
        line = layout.lineForTextPosition(self.model.positions.to_utf16(offset) - block.position())
        return line if line.isValid() else layout.lineAt(layout.lineCount() - 1)

    def line_top(self, block: QTextBlock, offset: int) -> float:
        """The top of the line holding ``offset``, from the top of its block."""
        line = self._line(block, offset)
        return line.y() if line is not None else 0.0

    def line_bottom(self, block: QTextBlock, offset: int) -> float:
        """The bottom of the line holding ``offset``, from the top of its block."""
        line = self._line(block, offset)
        if line is None:
            return self.blockBoundingRect(block).height()
        return line.y() + line.height()

    def cursor_at(self, offset: int) -> QTextCursor:
        """A cursor at a code-point offset."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.model.positions.to_utf16(offset))
        return cursor

    def offset_rect(self, offset: int) -> QRect | None:
        """Where a caret at a code-point offset would be, when its block is on screen."""
        index = self.model.index
        number = index.block_of(offset)
        blocks = self.visible_blocks()
        if not blocks or not blocks[0][0].blockNumber() <= number <= blocks[-1][0].blockNumber():
            return None
        return self.cursorRect(self.cursor_at(offset))

    def boundary_at(self, point: QPoint) -> int:
        """The code-point offset of the gap between characters nearest to a point."""
        return self.model.positions.to_code_points(self.cursorForPosition(point).position())

    def char_at(self, point: QPoint) -> int:
        """The code-point offset of the character under a point; -1 when over no text."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        if not block.isValid() or layout is None:
            return -1
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        x, y = point.x() - origin.x(), point.y() - origin.y()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if not line.y() <= y < line.y() + line.height():
                continue
            if not line.x() <= x <= line.x() + line.naturalTextWidth():
                return -1
            inside = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            if inside >= line.textStart() + line.textLength():
                return -1
            return self.model.positions.to_code_points(block.position() + inside)
        return -1

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as a code-point span, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        positions = self.model.positions
        return positions.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        cursor = self.cursor_at(start)
        cursor.setPosition(self.model.positions.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- the selected segment's handles ---------------------------------------------

    def handle_at(self, point: QPoint) -> str | None:
        """``"start"`` or ``"end"`` when a point is on an end of the selected segment."""
        segment = self.model.index.get(self.model.selected or -1)
        if segment is None:
            return None
        best: tuple[int, str] | None = None
        for which, offset in (("start", segment.start), ("end", segment.end)):
            rect = self.offset_rect(offset)
            if rect is None or not rect.top() - 2 <= point.y() <= rect.bottom() + 2:
                continue
            distance = abs(point.x() - rect.center().x())
            if distance <= HANDLE_SLOP and (best is None or distance < best[0]):
                best = (distance, which)
        return best[1] if best is not None else None

    # -- highlights ----------------------------------------------------------------------

    def format_visible(self) -> int:
        """Format the pending blocks on screen now; how many there were."""
        if not self.highlighter.pending:
            return 0
        return self.highlighter.format_blocks(block for block, _t, _b in self.visible_blocks())

    def repaint_blocks(self, numbers: set[int]) -> None:
        """Paint some blocks' highlights again (the others keep theirs).

        Those on screen are formatted at once, and Qt repaints just their lines; the
        others are formatted when they are next painted.
        """
        if numbers:
            self.highlighter.invalidate(numbers)
            self.format_visible()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.format_visible()
        super().paintEvent(event)
        segment = self.model.index.get(self.model.selected or -1)
        if segment is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.formats.code_colour(segment.code_id).darker(135)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for which, offset in (("start", segment.start), ("end", segment.end)):
            rect = self.offset_rect(offset)
            if rect is None:
                continue
            x = rect.center().x()
            painter.drawRect(x - 1, rect.top(), 2, rect.height())
            knob_y = rect.top() if which == "start" else rect.bottom()
            painter.drawEllipse(QPoint(x, knob_y), 3, 3)
        painter.end()

    # -- mouse -----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position().toPoint()
        self._press_at = None
        if event.button() == Qt.MouseButton.LeftButton:
            handle = self.handle_at(point)
            segment = self.model.index.get(self.model.selected or -1)
            if handle is not None and segment is not None:
                anchor = segment.end if handle == "start" else segment.start
                self._resize = _Resize(segment.id, anchor, segment.start, segment.end)
                event.accept()
                return
            span = self.selected_span()
            character = self.char_at(point)
            if span is not None and span[0] <= character < span[1]:
                self._drag_from = point  # a drag of the selection may start here
                event.accept()
                return
            self._press_at = point
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position().toPoint()
        if self._resize is not None:
            self._move_end(point)
            event.accept()
            return
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if (point - self._drag_from).manhattanLength() >= QApplication.startDragDistance():
                self._drag_from = None
                self.start_drag()
            event.accept()
            return
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over_handle = self.handle_at(point) is not None
            self.viewport().setCursor(
                Qt.CursorShape.SizeHorCursor if over_handle else Qt.CursorShape.IBeamCursor
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position().toPoint()
        if self._resize is not None:
            resize, self._resize = self._resize, None
            self.resize_finished.emit(resize.segment_id, resize.start, resize.end)
            event.accept()
            return
        if self._drag_from is not None:
            # Pressed in the selection but never dragged: an ordinary click there.
            self._drag_from = None
            self.setTextCursor(self.cursorForPosition(point))
            self.clicked.emit(self.char_at(point))
            event.accept()
            return
        super().mouseReleaseEvent(event)
        pressed, self._press_at = self._press_at, None
        if (
            pressed is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (point - pressed).manhattanLength() < QApplication.startDragDistance()
            and not self.textCursor().hasSelection()
        ):
            self.clicked.emit(self.char_at(point))

    def _move_end(self, point: QPoint) -> None:
        assert self._resize is not None
        offset = self.boundary_at(point)
        resize = self._resize
        if offset == resize.anchor:
            return
        start, end = sorted((offset, resize.anchor))
        if (start, end) != (resize.start, resize.end):
            resize.start, resize.end = start, end
            self.resize_previewed.emit(resize.segment_id, start, end)

    # -- drag, menu, keys, tooltips --------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt's name
        span = self.selected_span()
        document_id = self.model.document_id
        if span is None or document_id is None:
            return super().createMimeDataFromSelection()
        text = self.model.text[span[0] : span[1]]
        return span_mime(document_id, span[0], span[1], text)

    def start_drag(self) -> Qt.DropAction:
        """Drag the selected passage (to a code in the codebook, which codes it)."""
        mime = self.createMimeDataFromSelection()
        if not mime.hasFormat(SPAN_MIME):
            return Qt.DropAction.IgnoreAction
        drag = QDrag(self)
        drag.setMimeData(mime)
        return drag.exec(Qt.DropAction.CopyAction)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.menu_requested.emit(event.globalPos(), self.char_at(event.pos()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.model.selected is not None:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """What is coded at a point of the viewport, as rich text ('' for nothing)."""
        offset = self.char_at(point)
        if offset < 0:
            return ""
        return describe_segments(self.model, self.model.visible_at(offset))
