"""Side by side: the passage of a disagreement as each of the two coders coded it.

Each pane shows the paragraph around the disagreement, read-only. The disputed code's
spans of that pane's coder are filled with the code's colour; the whole disputed stretch
(both versions together) has a faint grey ground, so that what one coder left out shows;
other codes the coder applied there are underlined in their colours and named above.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from ui.transcript.positions import Utf16Map
from workbench.agreement import Disagreement
from workbench.agreement.disagreements import CoderSpan
from workbench.entities import CodeInfo, CoderInfo, SegmentInfo

#: How far the context reaches beyond the disagreement, at most, on each side.
CONTEXT = 320
STRETCH = QColor("#e6e6e6")


def context_span(text: str, start: int, end: int, reach: int = CONTEXT) -> tuple[int, int]:
    """The paragraph(s) around ``[start, end)``, cut at ``reach`` characters (at a space)."""
    before = text.rfind("\n", 0, start) + 1
    after = text.find("\n", end)
    after = len(text) if after < 0 else after
    if start - before > reach:
        space = text.find(" ", start - reach, start)
        before = start - reach if space < 0 else space + 1
    if after - end > reach:
        space = text.rfind(" ", end, end + reach)
        after = end + reach if space < 0 else space
    return before, after


class CoderPane(QWidget):
    """One coder's version of a passage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        reading = self.text.font()
        reading.setPointSizeF(reading.pointSizeF() * 1.1)
        self.text.setFont(reading)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.offset = 0
        self._map = Utf16Map("")

    def show_passage(self, text: str, start: int, end: int) -> None:
        """Show ``text[start:end]`` (document offsets ``start`` onwards)."""
        shown = text[start:end]
        self.offset = start
        self._map = Utf16Map(shown)
        prefix = "…" if start > 0 and text[start - 1] != "\n" else ""
        suffix = "…" if end < len(text) and text[end] != "\n" else ""
        # The ellipses are outside the mapped text: keep them in separate blocks' reach.
        self.text.setPlainText(shown)
        if prefix or suffix:
            cursor = QTextCursor(self.text.document())
            if prefix:
                cursor.movePosition(QTextCursor.MoveOperation.Start)
                cursor.insertText(prefix)
                self.offset -= 1
                self._map = Utf16Map(prefix + shown)
            if suffix:
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.insertText(suffix)

    def paint(self, start: int, end: int, fmt: QTextCharFormat) -> None:
        """Merge a format over document offsets ``[start, end)``."""
        local_start = max(0, start - self.offset)
        local_end = max(local_start, end - self.offset)
        first, last = self._map.span_to_utf16(local_start, local_end)
        if last <= first:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in document offsets (code points), or None."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        first = self._map.to_code_points(cursor.selectionStart())
        last = self._map.to_code_points(cursor.selectionEnd())
        start, end = first + self.offset, last + self.offset
        return (max(start, 0), end) if end > start else None

    def reveal(self, start: int) -> None:
        """Scroll so that document offset ``start`` is in view."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_utf16(max(0, start - self.offset)))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()


class ComparisonView(QWidget):
    """Two panes, the first coder's version on the left and the second's on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane_a = CoderPane(self)
        self.pane_b = CoderPane(self)
        self._last: CoderPane = self.pane_a
        for pane in (self.pane_a, self.pane_b):
            pane.text.installEventFilter(self)
            pane.text.viewport().installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pane_a, 1)
        layout.addWidget(self.pane_b, 1)
        self.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            for pane in (self.pane_a, self.pane_b):
                if watched in (pane.text, pane.text.viewport()):
                    self._last = pane
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Show nothing, and say what to do."""
        for pane in (self.pane_a, self.pane_b):
            pane.text.clear()
            pane.header.clear()
        self.pane_a.header.setText(self.tr("Pick a disagreement to compare the two versions."))

    def show_disagreement(
        self,
        disagreement: Disagreement,
        text: str,
        segments: list[SegmentInfo],
        codes: dict[int, CodeInfo],
        coders: dict[int, CoderInfo],
    ) -> None:
        """Show a disagreement with the segments both coders have in its document."""
        d = disagreement
        start, end = context_span(text, d.start, d.end)
        for pane, coder_id, spans in (
            (self.pane_a, d.coder_a, d.spans_a),
            (self.pane_b, d.coder_b, d.spans_b),
        ):
            pane.show_passage(text, start, end)
            ground = QTextCharFormat()
            ground.setBackground(STRETCH)
            pane.paint(d.start, d.end, ground)
            others: list[int] = []
            for s in segments:
                if s.coder_id != coder_id or s.code_id == d.code_id:
                    continue
                if s.end <= start or s.start >= end:
                    continue
                line = QTextCharFormat()
                colour = QColor(codes[s.code_id].colour if s.code_id in codes else "#888888")
                line.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                line.setUnderlineColor(colour)
                pane.paint(s.start, s.end, line)
                if s.code_id not in others:
                    others.append(s.code_id)
            fill = QTextCharFormat()
            code = codes.get(d.code_id)
            colour = QColor(code.colour if code is not None else "#888888")
            colour.setAlpha(110)
            fill.setBackground(colour)
            for span in spans:
                pane.paint(span.start, span.end, fill)
            pane.header.setText(self._header(d, coder_id, spans, others, codes, coders))
            pane.reveal(d.start)

    def _header(
        self,
        d: Disagreement,
        coder_id: int,
        spans: tuple[CoderSpan, ...],
        others: list[int],
        codes: dict[int, CodeInfo],
        coders: dict[int, CoderInfo],
    ) -> str:
        coder = coders.get(coder_id)
        who = f"<b>{html.escape(coder.name)} ({html.escape(coder.initials)})</b>" if coder else ""
        code = html.escape(d.code)
        if spans:
            where = ", ".join(f"{s.start}–{s.end}" for s in spans)
            said = self.tr("coded {0} at {1}").format(code, where)
        else:
            said = self.tr("did not apply {0} here").format(code)
        labels = [codes[c].label or codes[c].name for c in others if c in codes]
        also = ""
        if labels:
            note = self.tr("Also coded here (underlined): {0}").format(", ".join(labels))
            also = f"<br><span style='color:#666'>{html.escape(note)}</span>"
        return f"{who}: {said}{also}"

    def selected_span(self) -> tuple[int, int] | None:
        """The text selected in the pane used last (document offsets), or None."""
        return (
            self._last.selected_span()
            or (self.pane_b if self._last is self.pane_a else self.pane_a).selected_span()
        )
