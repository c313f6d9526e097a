"""Any number of coders, a subjects x categories table of counts.

Row ``i``, column ``k`` of ``counts`` is how many coders put subject ``i`` in category
``k``. Rows may have different totals (a coder who did not rate a subject); as in
Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed., chapter 2), subjects rated
by fewer than two coders do not enter the observed agreement, and every subject rated
at least once enters the category shares. ``weights`` says how many identical subjects
a row stands for (1 each by default), so that a text's characters can be summarised as
a handful of rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np

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

NOT_PAIRABLE = "no subject was rated by two or more coders"
NO_VARIATION = "no variation: every rating is in the same single category"


def _agreement_and_shares(counts: Any, weights: Any) -> tuple[float, FloatArray] | Statistic:
    """Observed agreement p_a and category shares pi_k, or why they do not exist.

    p_a = sum_i w_i sum_k r_ik (r_ik - 1) / (r_i (r_i - 1)) / sum_i w_i over subjects
    with r_i >= 2; pi_k = sum_i w_i r_ik / r_i / sum_i w_i over subjects with r_i >= 1.
    """
    table = as_matrix(counts, "counts table")
    rows = as_weights(weights, table.shape[0])
    totals = table.sum(axis=1)
    pairable = (totals >= 2) & (rows > 0)
    if not pairable.any():
        return undefined(NOT_PAIRABLE)
    paired = table[pairable]
    pair_totals = totals[pairable]
    per_subject = (paired * (paired - 1)).sum(axis=1) / (pair_totals * (pair_totals - 1))
    observed = float(np.average(per_subject, weights=rows[pairable]))
    rated = (totals >= 1) & (rows > 0)
    shares = np.average(table[rated] / totals[rated, None], axis=0, weights=rows[rated])
    return observed, np.asarray(shares, dtype=np.float64)


def _corrected(observed: float, chance: float) -> Statistic:
    if np.isclose(chance, 1.0, rtol=0.0, atol=1e-12):
        return undefined(NO_VARIATION)
    return defined((observed - chance) / (1.0 - chance))


def fleiss_kappa_statistic(counts: Any, weights: Any = None) -> Statistic:
    """Fleiss' kappa with the reason when it is undefined (see :func:`fleiss_kappa`)."""
    found = _agreement_and_shares(counts, weights)
    if isinstance(found, Statistic):
        return found
    observed, shares = found
    return _corrected(observed, float(np.sum(shares**2)))


@explained_by(fleiss_kappa_statistic)
def fleiss_kappa(counts: Any, weights: Any = None) -> float | None:
    """Fleiss' kappa of a subjects x categories table of counts.

    kappa = (p_a - p_e) / (1 - p_e), with p_a the mean over subjects of
    sum_k r_ik (r_ik - 1) / (r_i (r_i - 1)) and p_e = sum_k pi_k**2, pi_k the mean
    share of category k (Fleiss 1971, "Measuring nominal scale agreement among many
    raters", Psychological Bulletin 76(5), 378-382; missing ratings as in Gwet 2014).

    Args:
        counts: ``counts[i][k]`` coders who put subject ``i`` in category ``k``.
        weights: how many subjects each row stands for (default 1 each).

    Returns:
        kappa, or None when no subject has two ratings or every rating is in one
        category.

    Raises:
        InvalidInputError: the table is not 2-D or holds negative counts.
    """
    return fleiss_kappa_statistic(counts, weights).value


def gwet_ac1_statistic(
    counts: Any, n_categories: int | None = None, weights: Any = None
) -> Statistic:
    """Gwet's AC1 with the reason when it is undefined (see :func:`gwet_ac1`)."""
    columns = as_matrix(counts, "counts table").shape[1]
    categories = columns if n_categories is None else n_categories
    if categories < columns:
        raise InvalidInputError(
            f"n_categories ({categories}) is smaller than the table's {columns} columns"
        )
    if categories < 2:
        return undefined("AC1 needs at least two categories")
    found = _agreement_and_shares(counts, weights)
    if isinstance(found, Statistic):
        return found
    observed, shares = found
    chance = float(np.sum(shares * (1.0 - shares))) / (categories - 1)
    return _corrected(observed, chance)


@explained_by(gwet_ac1_statistic)
def gwet_ac1(counts: Any, n_categories: int | None = None, weights: Any = None) -> float | None:
    """Gwet's AC1 of a subjects x categories table of counts.

    AC1 = (p_a - p_e) / (1 - p_e), with p_a as in :func:`fleiss_kappa` and
    p_e = sum_k pi_k (1 - pi_k) / (q - 1), q the number of categories (Gwet 2008,
    "Computing inter-rater reliability and its variance in the presence of high
    agreement", British Journal of Mathematical and Statistical Psychology 61, 29-48).

    Args:
        counts: ``counts[i][k]`` coders who put subject ``i`` in category ``k``.
        n_categories: q, when some categories were never used (default: the columns).
        weights: how many subjects each row stands for (default 1 each).

    Returns:
        AC1, or None when no subject has two ratings or there are fewer than two
        categories.

    Raises:
        InvalidInputError: bad table, or n_categories smaller than its columns.
    """
    return gwet_ac1_statistic(counts, n_categories, weights).value


def brennan_prediger_statistic(counts: Any, n_categories: int, weights: Any = None) -> Statistic:
    """Brennan and Prediger's kappa with the reason when it is undefined."""
    columns = as_matrix(counts, "counts table").shape[1]
    if n_categories < columns:
        raise InvalidInputError(
            f"n_categories ({n_categories}) is smaller than the table's {columns} columns"
        )
    if n_categories < 2:
        return undefined("Brennan and Prediger's kappa needs at least two categories")
    found = _agreement_and_shares(counts, weights)
    if isinstance(found, Statistic):
        return found
    return _corrected(found[0], 1.0 / n_categories)


@explained_by(brennan_prediger_statistic)
def brennan_prediger(counts: Any, n_categories: int, weights: Any = None) -> float | None:
    """Brennan and Prediger's kappa of a subjects x categories table of counts.

    kappa_n = (p_a - 1/q) / (1 - 1/q), with p_a as in :func:`fleiss_kappa` and chance
    agreement 1/q for q equally likely categories (Brennan and Prediger 1981,
    "Coefficient kappa: some uses, misuses, and alternatives", Educational and
    Psychological Measurement 41(3), 687-699).

    Args:
        counts: ``counts[i][k]`` coders who put subject ``i`` in category ``k``.
        n_categories: q, the number of categories a coder could choose from.
        weights: how many subjects each row stands for (default 1 each).

    Returns:
        kappa_n, or None when no subject has two ratings or q < 2.

    Raises:
        InvalidInputError: bad table, or n_categories smaller than its columns.
    """
    return brennan_prediger_statistic(counts, n_categories, weights).value


def percent_agreement_counts_statistic(counts: Any, weights: Any = None) -> Statistic:
    """Percent agreement of a counts table with the reason when it is undefined."""
    found = _agreement_and_shares(counts, weights)
    if isinstance(found, Statistic):
        return found
    return defined(100.0 * found[0])


@explained_by(percent_agreement_counts_statistic)
def percent_agreement_counts(counts: Any, weights: Any = None) -> float | None:
    """Percent agreement of a subjects x categories table: 100 * p_a.

    p_a is the share of agreeing pairs of coders per subject, averaged over subjects
    rated at least twice (Fleiss 1971; Gwet 2014, section 2.3). For two coders it is the
    share of subjects they put in the same category.

    Returns:
        A percentage from 0 to 100, or None when no subject has two ratings.

    Raises:
        InvalidInputError: the table is not 2-D or holds negative counts.
    """
    return percent_agreement_counts_statistic(counts, weights).value
