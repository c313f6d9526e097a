"""Code points <-> UTF-16: the conversion at the Qt boundary."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import given
from hypothesis import strategies as st

from ui.transcript.positions import Utf16Map


def utf16_offset(text: str, offset: int) -> int:
    """What Qt counts before ``text[offset]``: an independent reckoning for the tests."""
    return len(text[:offset].encode("utf-16-le")) // 2


def test_text_without_astral_characters_maps_to_itself() -> None:
    text = "¿Qué cambió? Formamos un sindicato — «independiente».\nSí."
    positions = Utf16Map(text)
    assert positions.identity
    assert positions.utf16_length == len(text)
    assert [positions.to_utf16(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert [positions.to_code_points(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_emoji_before_a_passage_shifts_it_by_one_unit_each() -> None:
    text = "😀 hola 👍👍 sindicato independiente"
    start = text.index("sindicato")
    end = start + len("sindicato independiente")
    positions = Utf16Map(text)
    assert not positions.identity
    assert positions.span_to_utf16(start, end) == (start + 3, end + 3)
    assert positions.span_to_code_points(start + 3, end + 3) == (start, end)


def test_emoji_inside_a_passage_lengthens_it_in_utf16_only() -> None:
    text = "votamos 👍 por la dirigencia"
    positions = Utf16Map(text)
    u_start, u_end = positions.span_to_utf16(0, len(text))
    assert (u_start, u_end) == (0, len(text) + 1)
    assert positions.span_to_code_points(u_start, u_end) == (0, len(text))


def test_emoji_after_a_passage_changes_nothing_before_it() -> None:
    text = "sindicato independiente 🦺"
    positions = Utf16Map(text)
    assert positions.span_to_utf16(0, 9) == (0, 9)
    assert positions.utf16_length == len(text) + 1


def test_offset_between_the_halves_of_a_surrogate_pair_falls_back_to_the_character() -> None:
    text = "a😀b"
    positions = Utf16Map(text)
    assert positions.to_code_points(2) == 1  # inside the emoji: its start
    assert positions.to_code_points(3) == 2  # after it: the "b"


def test_offsets_outside_the_text_are_clamped() -> None:
    positions = Utf16Map("😀ab")
    assert positions.to_utf16(-5) == 0
    assert positions.to_utf16(99) == 4
    assert positions.to_code_points(99) == 3


def test_newlines_count_one_in_both() -> None:
    text = "uno 😀\ndos\n\ntres 👍\n"
    positions = Utf16Map(text)
    for offset, character in enumerate(text):
        if character == "\n":
            assert positions.to_utf16(offset + 1) - positions.to_utf16(offset) == 1


alphabet = st.sampled_from(
    ["a", "é", "ñ", " ", "\n", "¿", "—", "😀", "👍", "🦺", "\U0010fffd", "中", "\U00020000"]
)


@given(st.lists(alphabet, max_size=60).map("".join))
def test_every_offset_round_trips_and_agrees_with_utf16(text: str) -> None:
    positions = Utf16Map(text)
    assert positions.utf16_length == utf16_offset(text, len(text))
    for offset in range(len(text) + 1):
        units = positions.to_utf16(offset)
        assert units == utf16_offset(text, offset)
        assert positions.to_code_points(units) == offset


@given(st.lists(alphabet, max_size=40).map("".join), st.data())
def test_spans_round_trip_to_the_same_passage(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    positions = Utf16Map(text)
    u_start, u_end = positions.span_to_utf16(start, end)
    encoded = text.encode("utf-16-le")
    assert encoded[2 * u_start : 2 * u_end].decode("utf-16-le") == text[start:end]
    assert positions.span_to_code_points(u_start, u_end) == (start, end)
