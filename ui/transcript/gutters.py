"""The two gutters beside the text: paragraph numbers on the left, coding stripes on the right.

Both paint only the blocks on screen, from the editor's block geometry; neither keeps
state of its own beyond the fonts it draws with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from ui.transcript.formats import muted
from ui.transcript.stripes import Stripe, stripe_geometry
from ui.transcript.tooltips import describe_segments
from workbench.entities import SegmentInfo

if TYPE_CHECKING:
    from ui.transcript.editor import TranscriptEditor

#: Gap between the text and the gutters' contents, in pixels.
GAP = 10
#: Width of one stripe bar, and the most columns the stripe gutter grows to.
BAR = 3
MAX_COLUMNS = 10
#: How far from a bar a click or hover still finds it.
BAR_SLOP = 4
#: Space between a bar and the initials beside its top.
LABEL_GAP = 2
#: The initials' size, relative to the text.
LABEL_SCALE = 0.68


def small_font(font: QFont, scale: float = 0.78) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.5, font.pointSizeF() * scale))
    return smaller


class _Gutter(QWidget):
    """A strip beside the text that scrolls with it."""

    def __init__(self, editor: TranscriptEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        # A scroll area scrolls for wheel events over its viewport only.
        self._editor.wheelEvent(event)


class NumberGutter(_Gutter):
    """Paragraph numbers, one per block, level with the block's first line.

    Clicking a number selects that paragraph (to code a whole turn at once).
    """

    def block_at(self, y: float) -> int | None:
        """The number of the block beside a height, if any."""
        for block, top, bottom in self._editor.visible_blocks():
            if top <= y < bottom:
                return block.blockNumber()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        number = self.block_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and number is not None:
            start, end = self._editor.model.index.block_span(number)
            if end > start:
                self._editor.select_span(start, end)
            event.accept()
            return
        super().mousePressEvent(event)

    def needed_width(self) -> int:
        digits = len(str(max(1, self._editor.blockCount())))
        metrics = QFontMetricsF(small_font(self._editor.font()))
        return int(metrics.horizontalAdvance("9" * max(3, digits))) + GAP + 8

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        editor = self._editor
        painter = QPainter(self)
        base = editor.palette().color(editor.palette().ColorRole.Base)
        painter.fillRect(event.rect(), base)
        painter.setFont(small_font(editor.font()))
        painter.setPen(muted(editor.palette().color(editor.palette().ColorRole.Text), base, 0.55))
        metrics = QFontMetricsF(painter.font())
        right = self.width() - GAP
        for block, top, _bottom in editor.visible_blocks():
            layout = block.layout()
            line_height = layout.lineAt(0).height() if layout.lineCount() else metrics.height()
            line_top = top + (layout.lineAt(0).y() if layout.lineCount() else 0)
            rect = QRectF(0, line_top, right, line_height)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(block.blockNumber() + 1),
            )
        painter.end()


class StripeGutter(_Gutter):
    """MAXQDA-style coding stripes with the coder's initials at the top of each bar."""

    clicked = Signal(int)  # a segment id

    def __init__(self, editor: TranscriptEditor) -> None:
        super().__init__(editor)
        self.setMouseTracking(True)
        self._column_width: int | None = None

    # -- geometry ------------------------------------------------------------------

    def column_width(self) -> int:
        """A bar and, to its right at the top, the coder's initials."""
        if self._column_width is None:
            metrics = QFontMetricsF(small_font(self._editor.font(), LABEL_SCALE))
            coders = self._editor.model.coders.values()
            widest = max(
                (metrics.horizontalAdvance(coder.initials) for coder in coders),
                default=metrics.horizontalAdvance("AB"),
            )
            self._column_width = BAR + LABEL_GAP + max(8, int(widest + 0.99)) + 4
        return self._column_width

    def invalidate(self) -> None:
        """Measure again (the font or the coders changed)."""
        self._column_width = None

    def columns_shown(self) -> int:
        return min(self._editor.model.column_count, MAX_COLUMNS)

    def needed_width(self) -> int:
        return GAP + max(1, self.columns_shown()) * self.column_width() + GAP

    def bar_x(self, column: int) -> float:
        """The left edge of a column's bar."""
        return GAP + column * self.column_width()

    def stripes(self) -> list[Stripe]:
        """The bars for the blocks now on screen."""
        editor = self._editor
        model = editor.model
        index = model.index
        blocks = editor.visible_blocks()
        if not blocks or not len(index):
            return []
        tops = {block.blockNumber(): (block, top) for block, top, _bottom in blocks}
        first = blocks[0][0].blockNumber()
        last = blocks[-1][0].blockNumber()
        height = float(self.height())
        seen: dict[int, SegmentInfo] = {}
        for number in range(first, last + 1):
            for segment in model.visible_in_block(number):
                seen.setdefault(segment.id, segment)

        def extent(segment: SegmentInfo) -> tuple[float, float, bool] | None:
            start_block = index.block_of(segment.start)
            end_block = index.block_of(max(segment.start, segment.end - 1))
            if start_block < first:
                top, starts_here = -2.0, False
            elif start_block in tops:
                block, block_top = tops[start_block]
                top, starts_here = block_top + editor.line_top(block, segment.start), True
            else:
                return None
            if end_block > last:
                bottom = height + 2.0
            elif end_block in tops:
                block, block_top = tops[end_block]
                bottom = block_top + editor.line_bottom(block, max(segment.start, segment.end - 1))
            else:
                return None
            return top, bottom, starts_here

        ordered = sorted(seen.values(), key=lambda s: (s.start, s.end, s.id))
        return stripe_geometry(ordered, model.columns, extent, MAX_COLUMNS)

    def stripe_at(self, point: QPoint) -> Stripe | None:
        """The bar under a point, the topmost when bars share a column there."""
        for stripe in self.stripes():
            x = self.bar_x(stripe.column)
            if x - BAR_SLOP <= point.x() <= x + BAR + LABEL_GAP and stripe.contains(point.y()):
                return stripe
        return None

    # -- painting ------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        editor = self._editor
        palette = editor.palette()
        base = palette.color(palette.ColorRole.Base)
        text = palette.color(palette.ColorRole.Text)
        painter = QPainter(self)
        painter.fillRect(event.rect(), base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = small_font(editor.font(), LABEL_SCALE)
        painter.setFont(font)
        label_height = QFontMetricsF(font).height()
        width = self.column_width()
        selected = editor.model.selected
        label_pen = muted(text, base, 0.25)
        for stripe in self.stripes():
            x = self.bar_x(stripe.column)
            colour = (
                editor.formats.code_colour(stripe.code_id)
                if stripe.code_id is not None
                else muted(text, base, 0.7)
            )
            initials = (
                editor.model.initials(stripe.coder_id)
                if stripe.coder_id is not None
                else f"+{len(stripe.segment_ids)}"
            )
            top = max(stripe.top, 0.0)
            bar_width = BAR + 2 if selected in stripe.segment_ids else BAR
            rect = QRectF(
                x - (bar_width - BAR) / 2, top + 1, bar_width, max(3.0, stripe.bottom - top - 2)
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 1.5, 1.5)
            if initials:
                painter.setPen(label_pen)
                painter.drawText(
                    QRectF(x + BAR + LABEL_GAP, top, width, label_height),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                    initials,
                )
        painter.end()

    # -- interaction ---------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            stripe = self.stripe_at(event.position().toPoint())
            if stripe is not None:
                self.clicked.emit(stripe.segment_ids[0])
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        over = self.stripe_at(event.position().toPoint()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        stripe = self.stripe_at(point)
        if stripe is None:
            return ""
        model = self._editor.model
        segments = [s for i in stripe.segment_ids if (s := model.index.get(i)) is not None]
        return describe_segments(model, segments)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
