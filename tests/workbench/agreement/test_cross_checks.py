"""The statistics against independent implementations and known identities, on random data."""

from __future__ import annotations

import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from workbench.agreement import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement_table,
    scott_pi,
)
from workbench.agreement.kappa import cohen_kappa_binary

Ratings = list[list[int | None]]


@st.composite
def reliability_data(draw: st.DrawFn) -> Ratings:
    """2 to 5 coders, 2 to 25 units, values 1 to 5, some missing."""
    coders = draw(st.integers(2, 5))
    units = draw(st.integers(2, 25))
    value = st.one_of(st.none(), st.integers(1, 5))
    return [draw(st.lists(value, min_size=units, max_size=units)) for _ in range(coders)]


@st.composite
def two_coders(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """Two coders' labels (0 to 3) for the same 1 to 40 units."""
    units = draw(st.integers(1, 40))
    labels = st.lists(st.integers(0, 3), min_size=units, max_size=units)
    return draw(labels), draw(labels)


def crosstab(a: list[int], b: list[int], size: int = 4) -> np.ndarray:
    table = np.zeros((size, size))
    np.add.at(table, (np.asarray(a), np.asarray(b)), 1)
    return table


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@settings(max_examples=60, deadline=None)
@given(data=reliability_data())
def test_alpha_matches_the_krippendorff_package(level: str, data: Ratings) -> None:
    ours = krippendorff_alpha(data, level)
    assume(ours is not None)
    matrix = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level)
    assert ours == pytest.approx(float(theirs), abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(pair=two_coders())
def test_cohen_kappa_matches_scikit_learn(pair: tuple[list[int], list[int]]) -> None:
    a, b = pair
    ours = cohen_kappa(crosstab(a, b))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warns where kappa is undefined
        theirs = float(cohen_kappa_score(a, b, labels=[0, 1, 2, 3]))
    if np.isnan(theirs):
        assert ours is None
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(cells=st.lists(st.integers(0, 50), min_size=4, max_size=4))
def test_vectorised_binary_kappa_is_cohen_kappa(cells: list[int]) -> None:
    both, only_a, only_b, neither = cells
    vectorised = float(cohen_kappa_binary(both, only_a, only_b, neither))
    single = cohen_kappa([[both, only_a], [only_b, neither]])
    if single is None:
        assert np.isnan(vectorised)
    else:
        assert vectorised == pytest.approx(single, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(pair=two_coders())
def test_two_rater_fleiss_kappa_is_scott_pi(pair: tuple[list[int], list[int]]) -> None:
    # Fleiss (1971) reduces to Scott's pi for two raters who rated every subject.
    a, b = pair
    counts = np.zeros((len(a), 4))
    for subject, (x, y) in enumerate(zip(a, b, strict=True)):
        counts[subject, x] += 1
        counts[subject, y] += 1
    pi = scott_pi(crosstab(a, b))
    if pi is None:
        assert fleiss_kappa(counts) is None
    else:
        assert fleiss_kappa(counts) == pytest.approx(pi, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(pair=two_coders())
def test_two_coder_alpha_is_scott_pi_corrected_for_sample_size(
    pair: tuple[list[int], list[int]],
) -> None:
    # Krippendorff (2004, section 11.3.2): for two coders and N units without missing
    # values, alpha = pi + (1 - pi) / 2N.
    a, b = pair
    pi = scott_pi(crosstab(a, b))
    alpha = krippendorff_alpha([a, b])
    assume(pi is not None and alpha is not None)
    assert pi is not None
    assert alpha == pytest.approx(pi + (1 - pi) / (2 * len(a)), abs=1e-12)


@settings(max_examples=50, deadline=None)
@given(pair=two_coders())
def test_percent_agreement_is_the_share_of_equal_labels(pair: tuple[list[int], list[int]]) -> None:
    a, b = pair
    equal = sum(x == y for x, y in zip(a, b, strict=True))
    assert percent_agreement_table(crosstab(a, b)) == pytest.approx(100 * equal / len(a))
