"""Paints highlights and speaker labels one block at a time from the segment index.

Formats are made only for blocks that are on screen. When the text is set, or some
segments change, the blocks concerned are marked pending; the editor formats the
pending blocks it is about to paint (:meth:`format_blocks`), so a long transcript
costs what one screen costs, and a change repaints only its own blocks. Formatting a
block looks up that block's few segments in the index, cuts the block into stretches
where the same segments are active, and gives each stretch a cached format.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextDocument

from ui.transcript.formats import HighlightFormats
from ui.transcript.model import TranscriptModel


class TranscriptHighlighter(QSyntaxHighlighter):
    """A syntax highlighter whose "syntax" is the coded segments."""

    def __init__(
        self, document: QTextDocument, model: TranscriptModel, formats: HighlightFormats
    ) -> None:
        super().__init__(document)
        self._model = model
        self.formats = formats
        #: Blocks whose formats are missing or out of date.
        self.pending: set[int] = set()
        self._formatting = False
        self.painted_blocks = 0  # blocks formatted so far; the benchmark reads it

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        number = self.currentBlock().blockNumber()
        model = self._model
        if not self._formatting:
            # Qt calls this for every block of a new text: defer to when it is shown.
            if model.index.in_block(number) or number in model.labels:
                self.pending.add(number)
            return
        self.pending.discard(number)
        segments = model.visible_in_block(number)
        label = model.labels.get(number)
        if not segments and label is None:
            return
        self.painted_blocks += 1
        start, end = model.index.block_span(number)
        points = {start, end}
        for segment in segments:
            points.add(max(segment.start, start))
            points.add(min(segment.end, end))
        if label is not None:
            points.update(label)
        cuts = sorted(p for p in points if start <= p <= end)
        to_utf16 = model.positions.to_utf16
        block_utf16 = to_utf16(start)
        formats = self.formats
        for left, right in pairwise(cuts):
            active = [s for s in segments if s.start < right and s.end > left]
            in_label = label is not None and label[0] <= left and right <= label[1]
            key = formats.key(active, in_label)
            if key is None:
                continue
            begin = to_utf16(left)
            self.setFormat(begin - block_utf16, to_utf16(right) - begin, formats.format(key))

    def format_blocks(self, blocks: Iterable[QTextBlock]) -> int:
        """Format those of ``blocks`` that are pending; how many were."""
        done = 0
        self._formatting = True
        try:
            for block in blocks:
                if block.isValid() and block.blockNumber() in self.pending:
                    self.rehighlightBlock(block)
                    done += 1
        finally:
            self._formatting = False
        return done

    def invalidate(self, numbers: Iterable[int]) -> None:
        """Mark blocks as out of date; they are formatted again when next painted."""
        self.pending.update(numbers)

    def reset(self) -> None:
        """Forget pending work (a new text is coming)."""
        self.pending.clear()
