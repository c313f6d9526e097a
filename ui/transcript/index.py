"""Which segments touch which paragraph: the interval index the transcript paints from.

Every segment is filed under each block (paragraph) it covers, so painting one block
or answering "what is coded here?" looks at that block's few segments only. Building
costs O(n log n) for n segments plus the blocks they span; a change to one segment
touches only its blocks. Offsets are code points, as in the core.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Iterable, Iterator

from workbench.entities import SegmentInfo

# QPlainTextEdit starts a new block at these characters (one unit each, as in the text).
BLOCK_SEPARATORS = re.compile("[\n\u2029]")


def _order(segment: SegmentInfo) -> tuple[int, int, int]:
    return segment.start, segment.end, segment.id


def _same(a: SegmentInfo, b: SegmentInfo) -> bool:
    return (a.start, a.end, a.code_id, a.coder_id, a.memo) == (
        b.start,
        b.end,
        b.code_id,
        b.coder_id,
        b.memo,
    )


class SegmentIndex:
    """The segments of one document, filed by block."""

    def __init__(self, text: str, segments: Iterable[SegmentInfo] = ()) -> None:
        self.length = len(text)
        self.block_starts: list[int] = [0] + [m.end() for m in BLOCK_SEPARATORS.finditer(text)]
        self._segments: dict[int, SegmentInfo] = {}
        self._buckets: dict[int, list[SegmentInfo]] = {}
        for segment in segments:
            self._segments[segment.id] = segment
            for block in self.blocks_of(segment.start, segment.end):
                self._buckets.setdefault(block, []).append(segment)
        for bucket in self._buckets.values():
            bucket.sort(key=_order)

    # -- blocks ------------------------------------------------------------------

    @property
    def block_count(self) -> int:
        return len(self.block_starts)

    def block_of(self, offset: int) -> int:
        """The block holding the character at ``offset``."""
        return max(0, bisect_right(self.block_starts, offset) - 1)

    def block_span(self, block: int) -> tuple[int, int]:
        """``[start, end)`` of a block's text, without its separator."""
        start = self.block_starts[block]
        if block + 1 < len(self.block_starts):
            return start, self.block_starts[block + 1] - 1
        return start, self.length

    def blocks_of(self, start: int, end: int) -> range:
        """The blocks that ``[start, end)`` touches."""
        first = self.block_of(start)
        return range(first, self.block_of(max(start, end - 1)) + 1)

    # -- segments ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._segments)

    def __iter__(self) -> Iterator[SegmentInfo]:
        return iter(self._segments.values())

    def __contains__(self, segment_id: object) -> bool:
        return segment_id in self._segments

    def get(self, segment_id: int) -> SegmentInfo | None:
        return self._segments.get(segment_id)

    def in_block(self, block: int) -> list[SegmentInfo]:
        """The segments touching a block, by start, end and id."""
        return self._buckets.get(block, [])

    def blocks_with_segments(self) -> list[int]:
        """Every block that some segment touches, in order."""
        return sorted(self._buckets)

    def at(self, offset: int) -> list[SegmentInfo]:
        """The segments covering the character at ``offset``."""
        return [s for s in self.in_block(self.block_of(offset)) if s.start <= offset < s.end]

    def overlapping(self, start: int, end: int) -> list[SegmentInfo]:
        """The segments that share at least one character with ``[start, end)``, by start."""
        found: dict[int, SegmentInfo] = {}
        for block in self.blocks_of(start, end):
            for segment in self.in_block(block):
                if segment.start < end and segment.end > start:
                    found[segment.id] = segment
        return sorted(found.values(), key=_order)

    # -- changes -------------------------------------------------------------------

    def add(self, segment: SegmentInfo) -> set[int]:
        """File a new segment (or replace one with the same id); the blocks to repaint."""
        touched = self.remove(segment.id)
        self._segments[segment.id] = segment
        for block in self.blocks_of(segment.start, segment.end):
            insort(self._buckets.setdefault(block, []), segment, key=_order)
            touched.add(block)
        return touched

    def remove(self, segment_id: int) -> set[int]:
        """Forget a segment; the blocks to repaint (none when it was not here)."""
        segment = self._segments.pop(segment_id, None)
        if segment is None:
            return set()
        touched = set(self.blocks_of(segment.start, segment.end))
        for block in touched:
            bucket = self._buckets[block]
            bucket[:] = [s for s in bucket if s.id != segment_id]
            if not bucket:
                del self._buckets[block]
        return touched

    def sync(self, segments: Iterable[SegmentInfo]) -> tuple[set[int], set[int]]:
        """Make the index hold exactly ``segments``.

        Returns:
            The ids of the segments that were added, changed or removed, and the blocks
            to repaint.
        """
        wanted = {segment.id: segment for segment in segments}
        changed: set[int] = set()
        touched: set[int] = set()
        for segment_id in [i for i in self._segments if i not in wanted]:
            touched |= self.remove(segment_id)
            changed.add(segment_id)
        for segment_id, segment in wanted.items():
            old = self._segments.get(segment_id)
            if old is None or not _same(old, segment):
                touched |= self.add(segment)
                changed.add(segment_id)
        return changed, touched
