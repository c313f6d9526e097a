"""The bootstrap interval of alpha: reproducible from its seed, and sensible."""

from __future__ import annotations

import pytest

from tests.workbench.agreement.test_published import KRIPPENDORFF_2011
from workbench.agreement import bootstrap_alpha, krippendorff_alpha
from workbench.errors import InvalidInputError


def test_the_same_seed_gives_the_same_interval() -> None:
    first = bootstrap_alpha(KRIPPENDORFF_2011, "interval", n=300, seed=7)
    second = bootstrap_alpha(KRIPPENDORFF_2011, "interval", n=300, seed=7)
    assert first == second
    other = bootstrap_alpha(KRIPPENDORFF_2011, "interval", n=300, seed=8)
    assert other.draws != first.draws


def test_interval_brackets_the_estimate_and_narrows_with_confidence() -> None:
    wide = bootstrap_alpha(KRIPPENDORFF_2011, "nominal", n=500, seed=0, confidence=0.95)
    narrow = bootstrap_alpha(KRIPPENDORFF_2011, "nominal", n=500, seed=0, confidence=0.5)
    assert wide.estimate == pytest.approx(krippendorff_alpha(KRIPPENDORFF_2011))
    assert wide.low is not None and wide.high is not None
    assert narrow.low is not None and narrow.high is not None
    assert wide.low <= narrow.low <= wide.estimate <= narrow.high <= wide.high
    assert len(wide.draws) + wide.undefined_replicates == 500


def test_probability_of_missing_a_minimum_grows_with_the_minimum() -> None:
    result = bootstrap_alpha(KRIPPENDORFF_2011, "ordinal", n=400, seed=3)
    low, high = result.probability_below(0.667), result.probability_below(0.9)
    assert low is not None and high is not None
    assert 0.0 <= low <= high <= 1.0


def test_undefined_alpha_has_no_interval() -> None:
    result = bootstrap_alpha([[1, 1, 1], [1, 1, 1]], n=50)
    assert (result.estimate, result.low, result.high) == (None, None, None)
    assert result.reason is not None and "no variation" in result.reason
    assert result.probability_below(0.8) is None


@pytest.mark.parametrize(("n", "confidence"), [(0, 0.95), (100, 1.0), (100, 0.0)])
def test_bad_settings_are_refused(n: int, confidence: float) -> None:
    with pytest.raises(InvalidInputError):
        bootstrap_alpha(KRIPPENDORFF_2011, n=n, confidence=confidence)
