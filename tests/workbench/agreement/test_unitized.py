"""The unitizing alphas against hand computation, a per-position reference, and invariances.

Krippendorff (2019, Figure 12.11, u-alpha = .510) is not reconstructed here: its data
could not be read from a source available to this project, and inventing them would
prove nothing. Instead the formula is checked by hand on small continua, against a
per-position re-computation, and in the limit where every unit is one position long,
where u-alpha must equal ordinary nominal alpha (checked with the ``krippendorff``
package).
"""

from __future__ import annotations

import itertools

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workbench.agreement import unitized_alpha

Codings = dict[str, list[tuple[int, int, str]]]


def test_u_alpha_by_hand() -> None:
    # L = 10, two coders (m = 2), one value c.
    #   A: gap [0,2) | c [2,6) | gap [6,10)
    #   B: gap [0,3) | c [3,6) | gap [6,10)
    # Observed coincidences (both orders, divided by m - 1 = 1):
    #   l_gg = 2 * (|[0,2)| + |[6,10)|) = 12, l_gc = l_cg = |[2,3)| = 1, l_cc = 2 * 3 = 6,
    #   l.. = m L = 20; margins l_g. = 13, l_c. = 4 + 3 = 7.
    # Self-pairings: S_g = sum of gap lengths = 2 + 4 + 3 + 4 = 13,
    #   S_c = sum of squared unit lengths = 16 + 9 = 25, S = 38.
    # Expected: sum_c e_cc = 20 * ((13**2 - 13) + (7**2 - 25)) / (20**2 - 38) = 3600 / 362.
    # u-alpha = 1 - (20 - 18) / (20 - 3600/362) = 1 - 724/3640 = 2916/3640.
    codings = {"A": [(2, 6, "c")], "B": [(3, 6, "c")]}
    assert unitized_alpha(10, codings) == pytest.approx(2916 / 3640)
    # With one value, |u-alpha is the same number.
    assert unitized_alpha(10, codings, "binary") == pytest.approx(2916 / 3640)


def test_identical_gaps_different_values_by_hand() -> None:
    # L = 10. A: x [0,4), y [6,8); B: y [0,4), y [6,8). Both have the same gaps
    # [4,6) and [8,10), so they agree on what is relevant: |u-alpha = 1.
    codings = {"A": [(0, 4, "x"), (6, 8, "y")], "B": [(0, 4, "y"), (6, 8, "y")]}
    assert unitized_alpha(10, codings, "binary") == pytest.approx(1.0)
    # u-alpha: agreeing pieces [4,6), [6,8), [8,10) give sum_c l_cc = 2 * 6 = 12.
    #   margins: x 4, y 2 + 4 + 2 = 8, gap 20 - 12 = 8; S_x = 16, S_y = 4 + 16 + 4 = 24,
    #   S_gap = 8, S = 48; sum_c e_cc = 20 * (0 + 40 + 56) / (400 - 48) = 1920/352.
    #   u-alpha = 1 - 8 / (20 - 1920/352) = 1 - 0.55 = 0.45.
    assert unitized_alpha(10, codings) == pytest.approx(0.45)
    # cu-alpha: intersecting units [0,4) (x with y) and [6,8) (y with y).
    #   n_x = 4, n_y = 4 + 2 + 2 = 8, n = 12; sum_c l_cc = 2 * 2 = 4.
    #   Intersecting length of each unit: 4, 2, 4, 2; S_x = 16, S_y = 24, S = 40.
    #   sum_c e_cc = ((16 - 16) + (64 - 24)) / (12 - 40/12) = 120/26.
    #   cu-alpha = 1 - (12 - 4) / (12 - 120/26) = 1 - 13/12 = -1/12.
    assert unitized_alpha(10, codings, "cu") == pytest.approx(-1 / 12)


@pytest.mark.parametrize("kind", ["u", "binary", "cu"])
def test_perfect_agreement_is_one(kind: str) -> None:
    units = [(0, 3, "x"), (5, 9, "y"), (12, 20, "x")]
    assert unitized_alpha(25, {"A": units, "B": list(units)}, kind) == pytest.approx(1.0)


def test_overlapping_units_with_the_same_value_count_once() -> None:
    split = {"A": [(0, 5, "x"), (3, 8, "x")], "B": [(1, 8, "x")]}
    merged = {"A": [(0, 8, "x")], "B": [(1, 8, "x")]}
    assert unitized_alpha(12, split) == pytest.approx(unitized_alpha(12, merged))


def test_touching_units_stay_two_units() -> None:
    # Observed coincidences only see intersections, so where the coders agree, two
    # adjacent units and one long unit look alike; the expected coincidences differ
    # (two units of 5 pair with themselves 25 + 25 times, one unit of 10, 100 times):
    # fewer excluded self-pairings mean more agreement expected by chance, a lower alpha.
    extra = (12, 15, "x")
    adjacent = {"A": [(0, 5, "x"), (5, 10, "x")], "B": [(0, 10, "x"), extra]}
    whole = {"A": [(0, 10, "x")], "B": [(0, 10, "x"), extra]}
    assert unitized_alpha(20, {"A": whole["A"], "B": [(0, 10, "x")]}) == pytest.approx(1.0)
    split, joined = unitized_alpha(20, adjacent), unitized_alpha(20, whole)
    assert split is not None and joined is not None
    assert split < joined


@st.composite
def codings(draw: st.DrawFn, coders: int = 2, values: str = "xyz") -> tuple[int, Codings]:
    """A continuum and each coder's non-overlapping units, as cut points and labels."""
    length = draw(st.integers(4, 60))
    result: Codings = {}
    for coder in range(coders):
        cuts = sorted(draw(st.sets(st.integers(0, length), max_size=10)) | {0, length})
        units = []
        for start, end in itertools.pairwise(cuts):
            label = draw(st.sampled_from(values + "-"))
            if label != "-":
                units.append((start, end, label))
        result[f"coder {coder}"] = units
    return length, result


def reference(length: int, coded: Codings, kind: str) -> float | None:
    """The same coefficients re-computed position by position (no interval arithmetic)."""
    names = sorted({v for units in coded.values() for _, _, v in units})
    number = {v: i + 1 for i, v in enumerate(names)}
    if kind == "binary":
        number = dict.fromkeys(names, 1)
    labels = np.zeros((len(coded), length), dtype=int)
    owner = -np.ones((len(coded), length), dtype=int)
    for i, units in enumerate(coded.values()):
        for g, (start, end, value) in enumerate(units):
            labels[i, start:end] = number[value]
            owner[i, start:end] = g
    m = len(coded)
    if kind == "cu":
        both = (labels[0] > 0) & (labels[1] > 0)
        n_c = np.bincount(labels[:, both].ravel(), minlength=len(names) + 1)[1:].astype(float)
        n = n_c.sum()
        if n == 0:
            return None
        agree = 2.0 * np.sum(labels[0, both] == labels[1, both])
        squares = np.zeros(len(names) + 1)
        for i, units in enumerate(coded.values()):
            for g, (_, _, value) in enumerate(units):
                squares[number[value]] += float(np.sum(both & (owner[i] == g))) ** 2
        expected = np.sum(n_c**2 - squares[1:]) / (n - squares.sum() / n)
        return None if np.isclose(n, expected) else 1 - (n - agree) / (n - expected)
    total = float(m * length)
    agree = sum(
        float(np.sum(labels[i] == labels[j])) for i in range(m) for j in range(m) if i != j
    ) / (m - 1)
    margins = np.bincount(labels.ravel(), minlength=max(number.values(), default=0) + 1).astype(
        float
    )
    squares = np.zeros_like(margins)
    squares[0] = margins[0]
    for units in coded.values():
        for start, end, value in units:
            squares[number[value]] += (end - start) ** 2
    expected = total * np.sum(margins**2 - squares) / (total**2 - squares.sum())
    return None if np.isclose(total, expected) else 1 - (total - agree) / (total - expected)


@pytest.mark.parametrize("kind", ["u", "binary", "cu"])
@settings(max_examples=80, deadline=None)
@given(case=codings())
def test_intervals_agree_with_a_per_position_computation(
    kind: str, case: tuple[int, Codings]
) -> None:
    length, coded = case
    expected = reference(length, coded, kind)
    actual = unitized_alpha(length, coded, kind)
    if expected is None:
        assert actual is None
    else:
        assert actual == pytest.approx(expected, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(case=codings(coders=3))
def test_three_coders_agree_with_a_per_position_computation(case: tuple[int, Codings]) -> None:
    length, coded = case
    expected = reference(length, coded, "u")
    actual = unitized_alpha(length, coded)
    if expected is None:
        assert actual is None
    else:
        assert actual == pytest.approx(expected, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(
    coders=st.integers(2, 4),
    positions=st.integers(2, 30),
    data=st.data(),
)
def test_one_position_units_give_ordinary_nominal_alpha(
    coders: int, positions: int, data: st.DataObject
) -> None:
    # When every unit is one position long, a unit pairs with itself exactly like a gap
    # position, and u-alpha must be Krippendorff's nominal alpha of the positions, with
    # "gap" as one more value.
    matrix = np.array(
        [
            data.draw(st.lists(st.integers(0, 3), min_size=positions, max_size=positions))
            for _ in range(coders)
        ]
    )
    assume(len(np.unique(matrix)) > 1)
    coded = {
        f"c{i}": [(p, p + 1, f"v{matrix[i, p]}") for p in range(positions) if matrix[i, p] > 0]
        for i in range(coders)
    }
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert unitized_alpha(positions, coded) == pytest.approx(float(expected), abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(case=codings(coders=3))
def test_invariant_under_coder_order_value_names_and_mirroring(case: tuple[int, Codings]) -> None:
    length, coded = case
    value = unitized_alpha(length, coded)
    reordered = dict(reversed(list(coded.items())))
    renamed = {k: [(s, e, v.upper()) for s, e, v in units] for k, units in coded.items()}
    mirrored = {k: [(length - e, length - s, v) for s, e, v in units] for k, units in coded.items()}
    for other in (reordered, renamed, mirrored):
        result = unitized_alpha(length, other)
        if value is None:
            assert result is None
        else:
            assert result == pytest.approx(value, abs=1e-9)
