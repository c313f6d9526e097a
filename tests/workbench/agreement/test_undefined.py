"""Undefined statistics are None with a reason in words, never 0 or 1; bad input is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.agreement import (
    brennan_prediger,
    cohen_kappa,
    evaluate,
    explain_undefined,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    krippendorff_alpha_counts,
    percent_agreement_counts,
    percent_agreement_table,
    percent_agreement_units,
    scott_pi,
    unitized_alpha,
)
from workbench.errors import InvalidInputError

N = None

UNDEFINED: list[tuple[Callable[..., float | None], tuple[Any, ...], str]] = [
    (cohen_kappa, ([[0, 0], [0, 0]],), "empty"),
    (cohen_kappa, ([[0, 0], [0, 12]],), "no variation"),
    (scott_pi, ([[7, 0], [0, 0]],), "no variation"),
    (percent_agreement_table, ([[0, 0], [0, 0]],), "empty"),
    (krippendorff_alpha, ([[1, 2, 3]],), "fewer than two coders"),
    (krippendorff_alpha, ([[N, N, N], [N, N, N]],), "no unit has values"),
    (krippendorff_alpha, ([[1, N, 3], [N, 2, N]],), "no unit has values"),
    (krippendorff_alpha, ([[2, 2, 2], [2, 2, N]],), "no variation"),
    (krippendorff_alpha_counts, ([[0, 3], [0, 2]],), "no variation"),
    (percent_agreement_units, ([[1, 2]],), "fewer than two coders"),
    (fleiss_kappa, ([[1, 0], [0, 1]],), "no subject was rated by two"),
    (fleiss_kappa, ([[3, 0], [2, 0]],), "no variation"),
    (gwet_ac1, ([[3], [2]],), "at least two categories"),
    (brennan_prediger, ([[2], [3]], 1), "at least two categories"),
    (percent_agreement_counts, ([[1, 0]],), "no subject was rated by two"),
    (unitized_alpha, (10, {"A": [(0, 4, "x")]}), "fewer than two coders"),
    (unitized_alpha, (10, {"A": [], "B": []}), "no coder identified any unit"),
    (unitized_alpha, (10, {"A": [(0, 10, "x")], "B": [(0, 10, "x")]}), "no variation"),
    (unitized_alpha, (10, {"A": [(0, 4, "x")], "B": [(5, 9, "x")]}, "cu"), "overlaps"),
    (unitized_alpha, (10, {"A": [(0, 4, "x")], "B": [(0, 4, "y")], "C": []}, "cu"), "two coders"),
    (unitized_alpha, (10, {"A": [(0, 4, "x")], "B": [(2, 6, "x")]}, "cu"), "no variation"),
]


@pytest.mark.parametrize(
    ("statistic", "args", "reason"),
    UNDEFINED,
    ids=[f"{s.__name__}-{i}" for i, (s, _, _) in enumerate(UNDEFINED)],
)
def test_undefined_is_none_with_a_reason(
    statistic: Callable[..., float | None], args: tuple[Any, ...], reason: str
) -> None:
    assert statistic(*args) is None
    explanation = explain_undefined(statistic, *args)
    assert explanation is not None and reason in explanation
    assert evaluate(statistic, *args).defined is False


def test_a_defined_statistic_has_no_reason() -> None:
    table = [[20, 5], [10, 15]]
    assert explain_undefined(cohen_kappa, table) is None
    result = evaluate(cohen_kappa, table)
    assert result.defined and result.value == pytest.approx(0.4)


def test_all_missing_alpha_is_not_reported_as_zero_or_one() -> None:
    assert krippendorff_alpha([[N, N], [N, N], [N, N]], "interval") is None


def test_disagreeing_coders_without_variation_in_a_column_get_a_number() -> None:
    # A codes everything 1, B everything 2: each coder is constant, yet they disagree,
    # so kappa is defined (0: no agreement beyond chance) and alpha is negative.
    assert cohen_kappa([[0, 5], [0, 0]]) == pytest.approx(0.0)
    alpha = krippendorff_alpha([[1, 1, 1], [2, 2, 2]])
    assert alpha is not None and alpha < 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cohen_kappa([[1, 2, 3], [4, 5, 6]]), "square"),
        (lambda: cohen_kappa([[1, -2], [0, 1]]), "zero or more"),
        (lambda: scott_pi([1, 2, 3]), "two-dimensional"),
        (lambda: krippendorff_alpha([[1, 2], [1]]), "one entry per unit"),
        (lambda: krippendorff_alpha([["a", "b"], ["a", "a"]], "interval"), "numbers"),
        (lambda: krippendorff_alpha([[1, 2], [1, 2]], "circular"), "unknown level"),
        (lambda: gwet_ac1([[1, 1, 0]], n_categories=2), "smaller than"),
        (lambda: fleiss_kappa([[1, 1]], weights=[1, 2]), "one weight per row"),
        (lambda: unitized_alpha(10, {"A": [(3, 3, "x")], "B": []}), "empty"),
        (lambda: unitized_alpha(10, {"A": [(5, 2, "x")], "B": []}), "reversed"),
        (lambda: unitized_alpha(10, {"A": [(8, 12, "x")], "B": []}), "beyond"),
        (lambda: unitized_alpha(10, {"A": [(0, 5, "x"), (4, 8, "y")], "B": []}), "exclusive"),
        (lambda: unitized_alpha(10, {"A": [], "B": []}, "k"), "unknown kind"),
        (lambda: unitized_alpha(0, {"A": [], "B": []}), "at least one position"),
    ],
)
def test_bad_input_is_refused_with_what_to_change(call: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        call()


def test_explaining_something_that_is_not_a_statistic_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        explain_undefined(len, [1, 2])  # type: ignore[arg-type]
