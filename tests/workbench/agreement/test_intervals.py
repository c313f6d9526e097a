"""Interval arithmetic against the same sets drawn position by position."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.agreement.intervals import Layout, depth_by_key, overlap_by_key, sweep, union

Spans = list[tuple[int, int]]


@st.composite
def spans(draw: st.DrawFn, length: int = 50) -> Spans:
    """Possibly overlapping, non-empty intervals within [0, length)."""
    count = draw(st.integers(0, 12))
    result = []
    for _ in range(count):
        start = draw(st.integers(0, length - 1))
        result.append((start, draw(st.integers(start + 1, length))))
    return result


def arrays(items: Spans) -> tuple[np.ndarray, np.ndarray]:
    return (
        np.array([s for s, _ in items], dtype=np.int64),
        np.array([e for _, e in items], dtype=np.int64),
    )


def mask(items: Spans, length: int = 50) -> np.ndarray:
    covered = np.zeros(length, dtype=bool)
    for start, end in items:
        covered[start:end] = True
    return covered


@settings(max_examples=200, deadline=None)
@given(items=spans())
def test_union_covers_the_same_positions_with_disjoint_sorted_intervals(items: Spans) -> None:
    starts, ends = union(*arrays(items))
    assert np.array_equal(mask(list(zip(starts, ends, strict=True))), mask(items))
    assert np.all(starts[1:] > ends[:-1])  # sorted, and neither overlapping nor touching


@settings(max_examples=200, deadline=None)
@given(items=spans())
def test_union_without_merging_touching_keeps_neighbours_apart(items: Spans) -> None:
    starts, ends = union(*arrays(items), merge_touching=False)
    assert np.array_equal(mask(list(zip(starts, ends, strict=True))), mask(items))
    assert np.all(starts[1:] >= ends[:-1])
    touching = sum(1 for a in items for b in items if a[1] == b[0])
    overlapping = sum(1 for a in items for b in items if a < b and a[0] < b[1] and b[0] < a[1])
    if touching and not overlapping:
        assert starts.size == len(set(items))


@settings(max_examples=200, deadline=None)
@given(first=spans(), second=spans(), third=spans())
def test_sweep_depth_counts_covering_sets(first: Spans, second: Spans, third: Spans) -> None:
    sets = [union(*arrays(items)) for items in (first, second, third)]
    starts, lengths, depth = sweep(sets)
    expected = mask(first).astype(int) + mask(second).astype(int) + mask(third).astype(int)
    drawn = np.zeros(50, dtype=int)
    for start, size, d in zip(starts, lengths, depth, strict=True):
        drawn[start : start + size] = d
    assert np.array_equal(drawn, expected)


@settings(max_examples=100, deadline=None)
@given(first=spans(), second=spans(), split=st.integers(1, 49))
def test_overlap_and_depth_per_text(first: Spans, second: Spans, split: int) -> None:
    # Two texts of lengths `split` and 50 - split laid on one line; intervals are clipped
    # to each text, so that nothing crosses from one text into the other.
    layout = Layout.of([split, 50 - split])

    def place(items: Spans) -> tuple[np.ndarray, np.ndarray]:
        keys, starts, ends = [], [], []
        for start, end in items:
            for key, low, high in ((0, 0, split), (1, split, 50)):
                s, e = max(start, low), min(end, high)
                if s < e:
                    keys.append(key)
                    starts.append(s - low)
                    ends.append(e - low)
        k = np.array(keys, dtype=np.int64)
        return union(
            layout.place(k, np.array(starts, dtype=np.int64)),
            layout.place(k, np.array(ends, dtype=np.int64)),
        )

    a, b = mask(first), mask(second)
    overlap = overlap_by_key(layout, place(first), place(second))
    assert overlap.tolist() == [np.sum((a & b)[:split]), np.sum((a & b)[split:])]
    depth = depth_by_key(layout, [place(first), place(second)])
    total = a.astype(int) + b.astype(int)
    for key, part in enumerate((total[:split], total[split:])):
        assert depth[key].tolist() == [np.sum(part == d) for d in range(3)]
