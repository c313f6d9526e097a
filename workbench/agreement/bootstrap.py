"""A bootstrap confidence interval for Krippendorff's alpha, seeded and reproducible."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.agreement.alpha import (
    alpha_from_coincidences,
    coincidences,
    krippendorff_alpha_statistic,
    reliability_counts,
)
from workbench.errors import InvalidInputError


@dataclass(frozen=True)
class BootstrapInterval:
    """Alpha with a percentile bootstrap interval over resampled units."""

    estimate: float | None
    low: float | None
    high: float | None
    confidence: float
    replicates: int
    seed: int
    undefined_replicates: int
    draws: tuple[float, ...]
    reason: str | None = None

    def probability_below(self, minimum: float) -> float | None:
        """The share of replicates with alpha below ``minimum`` (e.g. 0.667 or 0.8).

        Krippendorff (2019, section 12.3.5) reports this as the probability q of failing
        to reach the smallest acceptable alpha.
        """
        if not self.draws:
            return None
        return float(np.mean(np.asarray(self.draws) < minimum))


def bootstrap_alpha(
    data: Sequence[Sequence[object]],
    level: str = "nominal",
    n: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> BootstrapInterval:
    """Krippendorff's alpha with a bootstrap confidence interval.

    The pairable units (those with two or more values) are drawn with replacement,
    as many as there are, ``n`` times; alpha is computed for each draw from its
    coincidence matrix o*_ck = sum_u f_u o_uck (f_u how often unit u was drawn), and the
    interval is the (1 - confidence)/2 and (1 + confidence)/2 percentiles of the
    draws (Efron and Tibshirani 1993, An Introduction to the Bootstrap, chapter 13).
    Draws for which alpha is undefined (no variation left) are counted and left out.

    Args:
        data: one row per coder, one column per unit; None or NaN for missing values.
        level: ``nominal``, ``ordinal``, ``interval`` or ``ratio``.
        n: the number of bootstrap draws.
        seed: the seed of NumPy's default generator; the same seed gives the same
            interval.
        confidence: the coverage of the interval, between 0 and 1.

    Returns:
        The estimate and interval; all None, with the reason, when alpha is undefined.

    Raises:
        InvalidInputError: bad data, level, ``n`` or ``confidence``.
    """
    if n < 1:
        raise InvalidInputError("the number of bootstrap draws must be at least 1")
    if not 0.0 < confidence < 1.0:
        raise InvalidInputError("the confidence must be between 0 and 1")
    estimate = krippendorff_alpha_statistic(data, level)
    if estimate.value is None:
        return BootstrapInterval(None, None, None, confidence, n, seed, 0, (), estimate.reason)
    counts, values = reliability_counts(data, level)
    counts = counts[counts.sum(axis=1) >= 2]
    units = counts.shape[0]
    generator = np.random.default_rng(seed)
    draws: list[float] = []
    for _ in range(n):
        frequency = np.bincount(generator.integers(0, units, size=units), minlength=units)
        value = alpha_from_coincidences(coincidences(counts, frequency), values, level).value
        if value is not None:
            draws.append(value)
    if not draws:
        return BootstrapInterval(
            estimate.value, None, None, confidence, n, seed, n, (), "every draw lacked variation"
        )
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(np.asarray(draws), [tail, 1.0 - tail])
    return BootstrapInterval(
        estimate.value, float(low), float(high), confidence, n, seed, n - len(draws), tuple(draws)
    )
