"""Paints a code as its label in bold, then its name, after its colour swatch."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.codebook.model import KIND_CODE, CodebookRole

#: A data role whose text, when present, is drawn dimmed after the name (the palette
#: uses it for the group or parent code).
HINT_ROLE = int(CodebookRole.SEARCH_TEXT) + 1


class CodeDelegate(QStyledItemDelegate):
    """Draws the first column of a code row; everything else is drawn as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() != 0 or index.data(CodebookRole.KIND) != KIND_CODE:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        opt.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = text_rect.adjusted(margin, 0, -margin, 0)
        state = opt.state  # type: ignore[attr-defined]
        group = (
            QPalette.ColorGroup.Normal
            if state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        selected = bool(state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        font: QFont = opt.font  # type: ignore[attr-defined]

        painter.save()
        painter.setClipRect(rect)
        painter.setPen(palette.color(group, text_role))
        x = rect.left()
        label = str(index.data(CodebookRole.LABEL) or "")
        if label:
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            metrics = QFontMetrics(bold)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, rect.width())
            painter.setFont(bold)
            painter.drawText(self._from(rect, x), _ALIGN, shown)
            x += metrics.horizontalAdvance(shown) + metrics.horizontalAdvance("  ")
        painter.setFont(font)
        metrics = QFontMetrics(font)
        name = str(index.data(CodebookRole.NAME) or "")
        hint = str(index.data(HINT_ROLE) or "")
        room = rect.right() - x
        if hint and room > 120:
            hint_width = min(metrics.horizontalAdvance(hint), room // 3)
            shown_hint = metrics.elidedText(hint, Qt.TextElideMode.ElideRight, hint_width)
            hint_rect = QRect(rect.right() - hint_width, rect.top(), hint_width, rect.height())
            dim = palette.color(group, text_role)
            dim.setAlphaF(0.55)
            painter.setPen(dim)
            painter.drawText(hint_rect, _ALIGN | Qt.AlignmentFlag.AlignRight, shown_hint)
            painter.setPen(palette.color(group, text_role))
            room -= hint_width + metrics.horizontalAdvance("   ")
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0))
        painter.drawText(self._from(rect, x), _ALIGN, shown)
        painter.restore()

    @staticmethod
    def _from(rect: QRect, x: int) -> QRect:
        return QRect(x, rect.top(), max(rect.right() - x + 1, 0), rect.height())


_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
