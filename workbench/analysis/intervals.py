"""Interval arithmetic on arrays: coverage and overlap, by sorting and sweeping.

Intervals are half-open ``[start, end)`` integer spans, each carrying a group key
(for instance a document index). Keys are laid end to end on one axis, each in a
window wider than any span, so one sort and one sweep handle every group at once.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def _window(*ends: IntArray) -> int:
    """A width larger than every position, so that groups never touch."""
    largest = max((int(e.max()) for e in ends if e.size), default=0)
    return largest + 2


def covered_length(groups: IntArray, starts: IntArray, ends: IntArray) -> dict[int, int]:
    """The number of positions covered by the union of each group's intervals.

    Args:
        groups: a non-negative group key per interval.
        starts: interval starts.
        ends: interval ends (exclusive).

    Returns:
        Group key -> covered length (only groups that have intervals).
    """
    if groups.size == 0:
        return {}
    keys, rank = np.unique(groups, return_inverse=True)
    width = _window(ends)
    offset = rank.astype(np.int64) * width
    s = starts + offset
    e = ends + offset
    order = np.argsort(s, kind="stable")
    s, e = s[order], e[order]
    reach = np.maximum.accumulate(e)
    begins = np.ones(s.size, dtype=bool)
    begins[1:] = s[1:] >= reach[:-1]
    first = np.flatnonzero(begins)
    lengths = np.maximum.reduceat(e, first) - s[first]
    totals = np.bincount(rank[order][first], weights=lengths, minlength=keys.size)
    return {int(k): int(t) for k, t in zip(keys, totals, strict=True)}


def overlapping(
    row_groups: IntArray,
    row_starts: IntArray,
    row_ends: IntArray,
    other_groups: IntArray,
    other_starts: IntArray,
    other_ends: IntArray,
) -> BoolArray:
    """For each row interval, whether an interval of the other set overlaps it.

    Two intervals overlap when they share a group and at least one position.

    Returns:
        A boolean array, one value per row interval.
    """
    if row_groups.size == 0 or other_groups.size == 0:
        return np.zeros(row_groups.size, dtype=bool)
    width = _window(row_ends, other_ends)
    o_start = other_starts + other_groups * width
    o_end = other_ends + other_groups * width
    order = np.argsort(o_start, kind="stable")
    o_start = o_start[order]
    reach = np.maximum.accumulate(o_end[order])
    r_start = row_starts + row_groups * width
    r_end = row_ends + row_groups * width
    # Others starting before the row ends; the farthest end among them decides.
    before = np.searchsorted(o_start, r_end, side="left")
    found = np.zeros(row_groups.size, dtype=bool)
    some = before > 0
    found[some] = reach[before[some] - 1] > r_start[some]
    return found
