"""Interval arithmetic on NumPy arrays: unions, overlaps and coverage depth.

Intervals are half-open ``[start, end)`` in code points. To treat many texts (or many
code-and-text pairs) at once, each gets its own stretch of one long line
(:class:`Layout`), with a one-position gap between stretches so that intervals of
different texts never touch. Everything then runs on sorted boundary arrays, never per
character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from workbench.errors import InvalidInputError

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def check_intervals(starts: IntArray, ends: IntArray, lengths: IntArray | None = None) -> None:
    """Refuse empty, reversed or out-of-range intervals.

    Raises:
        InvalidInputError: an interval with ``end <= start``, a negative start, or an
            end beyond its text's length.
    """
    bad = np.flatnonzero(ends <= starts)
    if bad.size:
        i = int(bad[0])
        raise InvalidInputError(
            f"[{int(starts[i])}, {int(ends[i])}) is empty or reversed: a unit needs end > start"
        )
    if np.any(starts < 0):
        raise InvalidInputError("a start position cannot be negative")
    if lengths is not None and np.any(ends > lengths):
        i = int(np.flatnonzero(ends > lengths)[0])
        raise InvalidInputError(
            f"[{int(starts[i])}, {int(ends[i])}) ends beyond the text's {int(lengths[i])} positions"
        )


@dataclass(frozen=True)
class Layout:
    """Texts of the given lengths laid one after another on a line, one apart."""

    lengths: IntArray
    offsets: IntArray

    @classmethod
    def of(cls, lengths: npt.ArrayLike) -> Layout:
        """The layout of texts with these lengths."""
        sizes = np.asarray(lengths, dtype=np.int64)
        offsets = np.concatenate(([0], np.cumsum(sizes + 1)[:-1])).astype(np.int64)
        return cls(sizes, offsets)

    def place(self, keys: IntArray, positions: IntArray) -> IntArray:
        """Positions within texts ``keys`` as positions on the line."""
        return np.asarray(self.offsets[keys] + positions, dtype=np.int64)

    def key_of(self, positions: IntArray) -> IntArray:
        """The text each line position falls in."""
        return np.asarray(np.searchsorted(self.offsets, positions, side="right") - 1, np.int64)

    def total_by_key(self, positions: IntArray, amounts: npt.ArrayLike) -> FloatArray:
        """Sum ``amounts`` by the text of ``positions``."""
        totals = np.bincount(
            self.key_of(positions),
            weights=np.asarray(amounts, dtype=np.float64),
            minlength=len(self.lengths),
        )
        return np.asarray(totals, dtype=np.float64)


def union(
    starts: IntArray, ends: IntArray, *, merge_touching: bool = True
) -> tuple[IntArray, IntArray]:
    """The union of intervals as sorted, disjoint intervals.

    Overlapping intervals always merge; intervals that only touch (``end == start``)
    merge when ``merge_touching``, and stay separate otherwise (two units side by side).
    """
    if starts.size == 0:
        return starts.astype(np.int64), ends.astype(np.int64)
    order = np.lexsort((ends, starts))
    first, last = starts[order], ends[order]
    reach = np.maximum.accumulate(last)
    before = np.concatenate(([np.iinfo(np.int64).min], reach[:-1]))
    new = first > before if merge_touching else first >= before
    heads = np.flatnonzero(new)
    return first[heads].astype(np.int64), np.maximum.reduceat(last, heads).astype(np.int64)


def sweep(sets: Sequence[tuple[IntArray, IntArray]]) -> tuple[IntArray, IntArray, IntArray]:
    """Cut the line at every boundary of several sets of disjoint intervals.

    Returns:
        ``(starts, lengths, depth)`` of the pieces between consecutive boundaries that
        some set covers or that lie between covered pieces; ``depth`` is how many sets
        cover the piece. Pieces outside every interval but between them have depth 0.
    """
    positions = np.concatenate([s for s, _ in sets] + [e for _, e in sets])
    if positions.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    steps = np.concatenate(
        [np.ones(s.size, dtype=np.int64) for s, _ in sets]
        + [-np.ones(e.size, dtype=np.int64) for _, e in sets]
    )
    order = np.argsort(positions, kind="stable")
    positions = positions[order]
    depth = np.cumsum(steps[order])
    lengths = np.diff(positions)
    keep = lengths > 0
    return positions[:-1][keep], lengths[keep], depth[:-1][keep]


def overlap_by_key(
    layout: Layout, first: tuple[IntArray, IntArray], second: tuple[IntArray, IntArray]
) -> FloatArray:
    """The length of the intersection of two sets of disjoint intervals, per text."""
    starts, lengths, depth = sweep([first, second])
    both = depth == 2
    return layout.total_by_key(starts[both], lengths[both].astype(np.float64))


def depth_by_key(layout: Layout, sets: Sequence[tuple[IntArray, IntArray]]) -> FloatArray:
    """How many positions of each text are covered by exactly d of the sets, d = 0..len(sets).

    Returns:
        A texts x (len(sets) + 1) array; column 0 counts positions no set covers.
    """
    width = len(sets) + 1
    starts, lengths, depth = sweep(sets)
    covered = depth > 0
    keys = layout.key_of(starts[covered])
    table = np.bincount(
        keys * width + depth[covered],
        weights=lengths[covered].astype(np.float64),
        minlength=len(layout.lengths) * width,
    ).reshape(len(layout.lengths), width)
    table[:, 0] = layout.lengths - table[:, 1:].sum(axis=1)
    return np.asarray(table, dtype=np.float64)
