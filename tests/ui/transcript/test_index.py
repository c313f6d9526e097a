"""The interval index and the stripes' columns and geometry (no widgets)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime

from ui.transcript.index import SegmentIndex
from ui.transcript.stripes import assign_columns, stripe_geometry
from workbench.entities import SegmentInfo

TEXT = "first line\nsecond line is longer\n\nfourth\nfifth"


def seg(
    segment_id: int, start: int, end: int, code: int = 1, coder: int = 1, memo: str = ""
) -> SegmentInfo:
    return SegmentInfo(
        segment_id, f"g{segment_id}", 1, code, coder, start, end, memo, "manual", datetime.now(UTC)
    )


def test_blocks_follow_the_newlines() -> None:
    index = SegmentIndex(TEXT)
    assert index.block_count == 5
    assert [index.block_span(n) for n in range(5)] == [
        (0, 10),
        (11, 32),
        (33, 33),
        (34, 40),
        (41, 46),
    ]
    assert index.block_of(0) == 0 and index.block_of(10) == 0 and index.block_of(11) == 1


def test_a_segment_is_filed_under_every_block_it_covers() -> None:
    spanning = seg(1, 6, 38)  # "line\nsecond ... \n\nfou"
    inside = seg(2, 12, 17)
    index = SegmentIndex(TEXT, [inside, spanning])
    assert [s.id for s in index.in_block(0)] == [1]
    assert [s.id for s in index.in_block(1)] == [1, 2]
    assert [s.id for s in index.in_block(3)] == [1]
    assert index.in_block(4) == []
    assert [s.id for s in index.at(13)] == [1, 2]
    assert [s.id for s in index.at(40)] == []
    assert [s.id for s in index.overlapping(0, 7)] == [1]


def test_a_segment_ending_at_a_newline_stays_in_its_block() -> None:
    index = SegmentIndex(TEXT, [seg(1, 0, 10)])
    assert list(index.blocks_of(0, 10)) == [0]
    assert index.in_block(1) == []


def test_changes_report_only_the_blocks_to_repaint() -> None:
    index = SegmentIndex(TEXT, [seg(1, 0, 5), seg(2, 34, 38)])
    assert index.add(seg(3, 12, 20)) == {1}
    assert index.add(seg(3, 36, 45)) == {1, 3, 4}  # moved: old and new blocks
    assert index.remove(1) == {0}
    assert index.remove(1) == set()
    assert index.blocks_with_segments() == [3, 4]


def test_sync_names_what_changed() -> None:
    index = SegmentIndex(TEXT, [seg(1, 0, 5), seg(2, 34, 38), seg(3, 41, 44)])
    changed, blocks = index.sync([seg(1, 0, 5), seg(2, 34, 38, memo="new"), seg(4, 12, 15)])
    assert changed == {2, 3, 4}
    assert blocks == {1, 3, 4}
    assert sorted(s.id for s in index) == [1, 2, 4]


def test_overlapping_segments_get_side_by_side_columns() -> None:
    index = SegmentIndex(TEXT)
    long = seg(1, 0, 40)  # blocks 0-3
    first = seg(2, 2, 5)  # block 0
    later = seg(3, 41, 44)  # block 4: free of the others
    same_block = seg(4, 6, 8)  # block 0 again, beside 1 and 2
    columns, count = assign_columns([first, later, long, same_block], index.block_of)
    assert columns[1] == 0  # the longest starts outermost
    assert len({columns[1], columns[2], columns[4]}) == 3
    assert columns[3] == 0
    assert count == 3


def test_stripe_geometry_places_one_bar_per_visible_segment() -> None:
    segments = [seg(1, 0, 40, code=7, coder=2), seg(2, 2, 5, code=8), seg(3, 41, 44)]
    columns = {1: 0, 2: 1, 3: 0}
    places = {1: (-2.0, 90.0, False), 2: (0.0, 18.0, True)}  # 3 is off screen
    stripes = stripe_geometry(segments, columns, lambda s: places.get(s.id), max_columns=10)
    assert [(s.segment_ids, s.column, s.top, s.bottom) for s in stripes] == [
        ((1,), 0, -2.0, 90.0),
        ((2,), 1, 0.0, 18.0),
    ]
    assert (stripes[0].code_id, stripes[0].coder_id, stripes[0].starts_here) == (7, 2, False)
    assert stripes[1].contains(10.0) and not stripes[1].contains(30.0)


def test_segments_beyond_the_last_column_share_a_neutral_bar() -> None:
    segments = [seg(i, i, 40) for i in range(1, 6)]
    columns = {i: i - 1 for i in range(1, 6)}  # five columns
    places = {1: (0.0, 50.0, True), 2: (0.0, 50.0, True), 3: (0.0, 20.0, True)}
    places |= {4: (10.0, 60.0, True), 5: (100.0, 120.0, True)}
    stripes = stripe_geometry(segments, columns, lambda s: places[s.id], max_columns=3)
    assert [(s.segment_ids, s.column) for s in stripes if s.code_id is not None] == [
        ((1,), 0),
        ((2,), 1),
    ]
    more = [s for s in stripes if s.code_id is None]
    assert [(s.segment_ids, s.column, s.top, s.bottom) for s in more] == [
        ((3, 4), 2, 0.0, 60.0),
        ((5,), 2, 100.0, 120.0),
    ]
