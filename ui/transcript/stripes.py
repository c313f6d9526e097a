"""Coding stripes: which column each segment's bar takes, and where the bars go.

As in MAXQDA, every segment gets a thin vertical bar in its code's colour beside the
lines it covers. Segments whose lines overlap sit side by side in columns; the
columns are assigned once per document (greedy interval partitioning over block
ranges, so the fewest columns that keep bars apart) and stay put while scrolling.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from workbench.entities import SegmentInfo


@dataclass(frozen=True)
class Stripe:
    """One bar to draw in the gutter.

    Attributes:
        segment_ids: the segment it stands for (several in the overflow column).
        column: 0-based, from the text outwards.
        top: y of the bar's top, in gutter coordinates.
        bottom: y of the bar's bottom.
        code_id: the code whose colour it takes; None for the overflow column.
        coder_id: whose initials label it; None for the overflow column.
        starts_here: whether the segment starts on screen (the bar's top is its start).
    """

    segment_ids: tuple[int, ...]
    column: int
    top: float
    bottom: float
    code_id: int | None
    coder_id: int | None
    starts_here: bool

    def contains(self, y: float) -> bool:
        return self.top <= y <= self.bottom


def assign_columns(
    segments: Iterable[SegmentInfo], block_of: Callable[[int], int]
) -> tuple[dict[int, int], int]:
    """Give each segment the lowest column free over all the blocks it covers.

    Returns:
        segment id -> column, and the number of columns used.
    """
    # Of bars starting on the same block, the longest takes the column nearest the text.
    spans = sorted(
        (block_of(s.start), -block_of(max(s.start, s.end - 1)), s.start, s.start - s.end, s.id)
        for s in segments
    )
    busy: list[tuple[int, int]] = []  # (last block, column) of bars still running
    free: list[int] = []
    columns: dict[int, int] = {}
    count = 0
    for first, minus_last, _start, _length, segment_id in spans:
        last = -minus_last
        while busy and busy[0][0] < first:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            column = heapq.heappop(free)
        else:
            column = count
            count += 1
        columns[segment_id] = column
        heapq.heappush(busy, (last, column))
    return columns, count


def stripe_geometry(
    segments: Sequence[SegmentInfo],
    columns: dict[int, int],
    extent: Callable[[SegmentInfo], tuple[float, float, bool] | None],
    max_columns: int,
) -> list[Stripe]:
    """The bars to draw for the segments on screen.

    Args:
        segments: the segments that touch the visible blocks.
        columns: each segment's column from :func:`assign_columns`.
        extent: a segment's ``(top, bottom, starts_here)`` on screen, or None when none
            of it is visible.
        max_columns: how many columns fit; segments in later columns share the last
            one, drawn as a neutral "more" bar.
    """
    stripes: list[Stripe] = []
    overflow: list[tuple[float, float, int]] = []
    # When every column fits, none is given up to the "more" bar.
    crowded = bool(columns) and max(columns.values()) >= max_columns > 0
    for segment in segments:
        place = extent(segment)
        if place is None:
            continue
        top, bottom, starts_here = place
        column = columns.get(segment.id, 0)
        if crowded and column >= max_columns - 1:
            overflow.append((top, bottom, segment.id))
            continue
        stripes.append(
            Stripe(
                (segment.id,), column, top, bottom, segment.code_id, segment.coder_id, starts_here
            )
        )
    stripes.extend(_merge_overflow(overflow, max_columns - 1))
    return stripes


def _merge_overflow(spans: list[tuple[float, float, int]], column: int) -> list[Stripe]:
    """Join the bars that did not fit into runs of one neutral bar each."""
    merged: list[Stripe] = []
    ids: list[int] = []
    top = bottom = 0.0
    for start, end, segment_id in sorted(spans):
        if ids and start <= bottom + 1:
            bottom = max(bottom, end)
            ids.append(segment_id)
            continue
        if ids:
            merged.append(Stripe(tuple(ids), column, top, bottom, None, None, False))
        ids, top, bottom = [segment_id], start, end
    if ids:
        merged.append(Stripe(tuple(ids), column, top, bottom, None, None, False))
    return merged
