"""Krippendorff's alpha for coders who assign values to given units, with missing data.

Computed with the coincidence-matrix method of Krippendorff (2011), "Computing
Krippendorff's alpha-reliability", Annenberg School for Communication, University of
Pennsylvania, https://repository.upenn.edu/asc_papers/43.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import Any, Literal, get_args

import numpy as np

from workbench.agreement.multirater import percent_agreement_counts_statistic
from workbench.agreement.statistic import (
    FloatArray,
    Statistic,
    as_matrix,
    as_weights,
    defined,
    explained_by,
    undefined,
)
from workbench.errors import InvalidInputError

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = get_args(Level)


def is_missing(value: object) -> bool:
    """None and NaN mark a value a coder did not give."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def check_level(level: str) -> None:
    """Raise for an unknown level of measurement."""
    if level not in LEVELS:
        raise InvalidInputError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")


def reliability_counts(
    data: Sequence[Sequence[object]], level: str = "nominal"
) -> tuple[FloatArray, list[Hashable]]:
    """The units x values table of counts of coder rows, and the values in column order.

    Args:
        data: one row per coder, one column per unit; None or NaN where a coder gave
            no value.
        level: the level of measurement; above nominal the values must be numbers.

    Raises:
        InvalidInputError: rows of different lengths, or non-numeric values above nominal.
    """
    check_level(level)
    rows = [list(row) for row in data]
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise InvalidInputError("every coder's row must have one entry per unit")
    seen: dict[Hashable, int] = {}
    for row in rows:
        for value in row:
            if is_missing(value):
                continue
            if level != "nominal" and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise InvalidInputError(f"{level} data must be numbers, not {value!r}")
            if not isinstance(value, Hashable):
                raise InvalidInputError(f"a value must be hashable, not {value!r}")
            seen.setdefault(value, len(seen))
    values = list(seen)
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        values.sort(key=float)  # type: ignore[arg-type]
    column = {value: index for index, value in enumerate(values)}
    counts = np.zeros((width, len(values)), dtype=np.float64)
    for row in rows:
        for unit, value in enumerate(row):
            if not is_missing(value):
                counts[unit, column[value]] += 1
    return counts, values


def coincidences(counts: Any, weights: Any = None) -> FloatArray:
    """The values x values coincidence matrix of a units x values table of counts.

    o_ck = sum_u w_u (n_uc n_uk - [c = k] n_uc) / (m_u - 1) over units with m_u >= 2
    pairable values (Krippendorff 2011, section C).
    """
    table = as_matrix(counts, "counts table")
    units = as_weights(weights, table.shape[0])
    totals = table.sum(axis=1)
    pairable = totals >= 2
    table, units, totals = table[pairable], units[pairable], totals[pairable]
    scaled = table * (units / (totals - 1.0))[:, None]
    matrix = scaled.T @ table
    matrix[np.diag_indices_from(matrix)] -= scaled.sum(axis=0)
    return np.asarray(matrix, dtype=np.float64)


def distances(values: Sequence[Any], marginals: FloatArray, level: str) -> FloatArray:
    """The squared differences delta**2 between values, per level of measurement.

    nominal: 0 when equal, 1 otherwise; ordinal: (sum_{g=c..k} n_g - (n_c + n_k)/2)**2
    over the values in order with their frequencies n_g; interval: (c - k)**2;
    ratio: ((c - k) / (c + k))**2 (Krippendorff 2011, section E).
    """
    check_level(level)
    size = len(values)
    if level == "nominal":
        return np.ones((size, size)) - np.eye(size)
    if level == "ordinal":
        cumulative = np.concatenate(([0.0], np.cumsum(marginals)))
        low = np.minimum.outer(np.arange(size), np.arange(size))
        high = np.maximum.outer(np.arange(size), np.arange(size))
        between = cumulative[high + 1] - cumulative[low]
        return np.asarray(
            (between - (marginals[:, None] + marginals[None, :]) / 2.0) ** 2, dtype=np.float64
        )
    numbers = np.asarray(values, dtype=np.float64)
    difference = np.subtract.outer(numbers, numbers)
    if level == "interval":
        return np.asarray(difference**2, dtype=np.float64)
    total = np.add.outer(numbers, numbers)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(total == 0, 0.0, difference / total)
    return np.asarray(ratio**2, dtype=np.float64)


def alpha_from_coincidences(matrix: FloatArray, values: Sequence[Any], level: str) -> Statistic:
    """Alpha = 1 - D_o / D_e from a coincidence matrix.

    D_o = sum o_ck delta_ck**2 / n and D_e = sum n_c n_k delta_ck**2 / (n (n - 1)),
    n_c the matrix's marginals and n their sum (Krippendorff 2011, section C).
    """
    marginals = matrix.sum(axis=1)
    total = float(marginals.sum())
    if total == 0:
        return undefined("no unit has values from two or more coders")
    delta = distances(values, marginals, level)
    observed = float(np.sum(matrix * delta)) / total
    expected = float(marginals @ delta @ marginals) / (total * (total - 1.0))
    if np.isclose(expected, 0.0, rtol=0.0, atol=1e-12):
        used = [values[int(i)] for i in np.flatnonzero(marginals > 0)]
        shown = ", ".join(repr(v) for v in used[:3])
        return undefined(f"no variation: every pairable value is {shown}")
    return defined(1.0 - observed / expected)


def krippendorff_alpha_counts_statistic(
    counts: Any, level: str = "nominal", values: Sequence[Any] | None = None, weights: Any = None
) -> Statistic:
    """Alpha of a counts table with the reason when it is undefined."""
    check_level(level)
    table = as_matrix(counts, "counts table")
    labels = list(range(table.shape[1])) if values is None else list(values)
    if len(labels) != table.shape[1]:
        raise InvalidInputError(f"give one value per column ({table.shape[1]})")
    return alpha_from_coincidences(coincidences(table, weights), labels, level)


@explained_by(krippendorff_alpha_counts_statistic)
def krippendorff_alpha_counts(
    counts: Any, level: str = "nominal", values: Sequence[Any] | None = None, weights: Any = None
) -> float | None:
    """Krippendorff's alpha of a units x values table of counts.

    alpha = 1 - D_o / D_e = 1 - (n - 1) sum o_ck delta_ck**2 / sum n_c n_k delta_ck**2,
    from the coincidences o_ck of :func:`coincidences` (Krippendorff 2011).

    Args:
        counts: ``counts[u][v]`` coders who gave unit ``u`` the value in column ``v``.
        level: ``nominal``, ``ordinal``, ``interval`` or ``ratio``.
        values: the value of each column, in order (default 0, 1, 2, ...).
        weights: how many identical units each row stands for (default 1 each).

    Returns:
        alpha, or None when no unit has two values or all pairable values are equal.

    Raises:
        InvalidInputError: bad table, level or values.
    """
    return krippendorff_alpha_counts_statistic(counts, level, values, weights).value


def krippendorff_alpha_statistic(
    data: Sequence[Sequence[object]], level: str = "nominal"
) -> Statistic:
    """Alpha of coder rows with the reason when it is undefined."""
    if len(data) < 2:
        return undefined("fewer than two coders")
    counts, values = reliability_counts(data, level)
    return alpha_from_coincidences(coincidences(counts), values, level)


@explained_by(krippendorff_alpha_statistic)
def krippendorff_alpha(data: Sequence[Sequence[object]], level: str = "nominal") -> float | None:
    """Krippendorff's alpha of reliability data with missing values.

    alpha = 1 - D_o / D_e, observed over expected disagreement, computed from the
    coincidence matrix of the values pairable within units (Krippendorff 2011,
    "Computing Krippendorff's alpha-reliability"). Units with fewer than two values
    are left out.

    Args:
        data: one row per coder, one column per unit; None or NaN where a coder gave
            no value.
        level: ``nominal``, ``ordinal``, ``interval`` or ``ratio`` (the last three need
            numbers).

    Returns:
        alpha, or None for fewer than two coders, no pairable unit, or no variation.

    Raises:
        InvalidInputError: rows of different lengths, unknown level, or non-numeric
            values above nominal.
    """
    return krippendorff_alpha_statistic(data, level).value


def percent_agreement_units_statistic(data: Sequence[Sequence[object]]) -> Statistic:
    """Percent agreement of coder rows with the reason when it is undefined."""
    if len(data) < 2:
        return undefined("fewer than two coders")
    counts, _ = reliability_counts(data)
    return percent_agreement_counts_statistic(counts)


@explained_by(percent_agreement_units_statistic)
def percent_agreement_units(data: Sequence[Sequence[object]]) -> float | None:
    """Percent agreement of reliability data (coder rows, None for missing).

    100 times the share of agreeing pairs of values within each unit, averaged over
    units with two or more values (as :func:`percent_agreement_counts`); for two coders
    without missing values, the share of units they gave the same value.

    Returns:
        A percentage from 0 to 100, or None for fewer than two coders or no unit with
        two values.
    """
    return percent_agreement_units_statistic(data).value
