"""Two coders, one contingency table: Cohen's kappa, Scott's pi and percent agreement.

The table is square: row ``c``, column ``k`` counts the units coder A put in category
``c`` and coder B in category ``k``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from workbench.agreement.statistic import (
    FloatArray,
    Statistic,
    as_table,
    defined,
    explained_by,
    undefined,
)

EMPTY = "the table is empty: there are no units to compare"
NO_VARIATION = "no variation: both coders put every unit in the same single category"


def _chance_corrected(observed: float, chance: float) -> Statistic:
    if np.isclose(chance, 1.0, rtol=0.0, atol=1e-12):
        return undefined(NO_VARIATION)
    return defined((observed - chance) / (1.0 - chance))


def cohen_kappa_statistic(table: Any) -> Statistic:
    """Cohen's kappa with the reason when it is undefined (see :func:`cohen_kappa`)."""
    counts = as_table(table)
    total = counts.sum()
    if total == 0:
        return undefined(EMPTY)
    observed = np.trace(counts) / total
    chance = float(np.dot(counts.sum(axis=1), counts.sum(axis=0))) / total**2
    return _chance_corrected(observed, chance)


@explained_by(cohen_kappa_statistic)
def cohen_kappa(table: Any) -> float | None:
    """Cohen's kappa of a square contingency table (rows coder A, columns coder B).

    kappa = (p_o - p_e) / (1 - p_e), where p_o = sum_k n_kk / N is the observed
    agreement and p_e = sum_k n_k. * n_.k / N**2 the agreement expected from each
    coder's own marginal distribution (Cohen 1960, "A coefficient of agreement for
    nominal scales", Educational and Psychological Measurement 20(1), 37-46).

    Args:
        table: counts, ``table[c][k]`` units put in ``c`` by A and ``k`` by B.

    Returns:
        kappa, or None when the table is empty or p_e = 1 (both coders used a single,
        common category); :func:`~workbench.agreement.explain_undefined` says which.

    Raises:
        InvalidInputError: the table is not square or holds negative counts.
    """
    return cohen_kappa_statistic(table).value


def scott_pi_statistic(table: Any) -> Statistic:
    """Scott's pi with the reason when it is undefined (see :func:`scott_pi`)."""
    counts = as_table(table)
    total = counts.sum()
    if total == 0:
        return undefined(EMPTY)
    observed = np.trace(counts) / total
    pooled = (counts.sum(axis=1) + counts.sum(axis=0)) / (2.0 * total)
    return _chance_corrected(observed, float(np.sum(pooled**2)))


@explained_by(scott_pi_statistic)
def scott_pi(table: Any) -> float | None:
    """Scott's pi of a square contingency table (rows coder A, columns coder B).

    pi = (p_o - p_e) / (1 - p_e), where p_o = sum_k n_kk / N and
    p_e = sum_k ((n_k. + n_.k) / 2N)**2 uses the two coders' pooled distribution
    (Scott 1955, "Reliability of content analysis: the case of nominal scale coding",
    Public Opinion Quarterly 19(3), 321-325).

    Returns:
        pi, or None when the table is empty or every unit is in one category.

    Raises:
        InvalidInputError: the table is not square or holds negative counts.
    """
    return scott_pi_statistic(table).value


def percent_agreement_table_statistic(table: Any) -> Statistic:
    """Percent agreement with the reason when it is undefined."""
    counts = as_table(table)
    total = counts.sum()
    if total == 0:
        return undefined(EMPTY)
    return defined(100.0 * np.trace(counts) / total)


@explained_by(percent_agreement_table_statistic)
def percent_agreement_table(table: Any) -> float | None:
    """Percent agreement of a square contingency table: 100 * sum_k n_kk / N.

    The share of units both coders put in the same category, without correction for
    chance (Krippendorff 2019, Content Analysis, 4th ed., section 12.2, explains why it
    should not be reported alone).

    Returns:
        A percentage from 0 to 100, or None when the table is empty.

    Raises:
        InvalidInputError: the table is not square or holds negative counts.
    """
    return percent_agreement_table_statistic(table).value


def cohen_kappa_binary(
    both: npt.ArrayLike, only_a: npt.ArrayLike, only_b: npt.ArrayLike, neither: npt.ArrayLike
) -> FloatArray:
    """Cohen's kappa of many 2x2 tables at once, NaN where undefined.

    The same formula as :func:`cohen_kappa` for the table
    ``[[both, only_a], [only_b, neither]]`` (coded by A in the first row, by B in the
    first column): p_o = (both + neither) / N and
    p_e = ((both + only_a)(both + only_b) + (only_b + neither)(only_a + neither)) / N**2.

    Returns:
        One kappa per table; NaN when N = 0 or p_e = 1.
    """
    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (both, only_a, only_b, neither))
    total = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = (a + d) / total
        chance = ((a + b) * (a + c) + (c + d) * (b + d)) / total**2
        kappa = (observed - chance) / (1.0 - chance)
    kappa = np.where((total > 0) & ~np.isclose(chance, 1.0, rtol=0.0, atol=1e-12), kappa, np.nan)
    return np.asarray(kappa, dtype=np.float64)
