"""Every statistic against published worked examples, with the published values.

Sources:
- Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four
  observers, twelve units, missing values; alpha nominal .743, ordinal .815, interval
  .849, ratio .797. The same data appear as ``cac.raw4raters`` in Gwet's irrCAC package
  (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed.), where rater 3 also rated
  unit 12; a unit with a single value does not change alpha.
- Wikipedia, "Cohen's kappa", worked example: 20/5/10/15, kappa 0.40.
- Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 5 categories, 14 raters,
  kappa 0.210.
- Gwet (2014) via the irrCAC package's README: the ``cont3x3abstractors`` table,
  the ``distrib.6raters`` distribution and the ``cac.raw4raters`` raw ratings.
"""

from __future__ import annotations

import pytest

from workbench.agreement import (
    brennan_prediger,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    krippendorff_alpha_counts,
    percent_agreement_counts,
    percent_agreement_table,
    percent_agreement_units,
    scott_pi,
)

N = None

#: Krippendorff (2011), section C; rows are observers A, B, C, D.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]

#: Gwet's cac.raw4raters, by subject (rows) and rater (columns).
GWET_RAW_4_RATERS = [
    [1, 1, N, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [N, 5, 5, 5],
    [N, N, 1, 1],
    [N, N, 3, N],
]

#: Gwet's cont3x3abstractors: rows abstractor 1, columns abstractor 2.
ABSTRACTORS = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]

#: Gwet's distrib.6raters: 15 patients, 5 diagnoses, 6 psychiatrists.
SIX_RATERS = [
    [0, 0, 0, 6, 0],
    [0, 3, 0, 0, 3],
    [0, 1, 4, 0, 1],
    [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0],
    [0, 0, 4, 0, 2],
    [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0],
    [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0],
    [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0],
    [1, 0, 0, 5, 0],
    [0, 2, 0, 3, 1],
]

#: Wikipedia, "Fleiss' kappa": 10 subjects, 5 categories, 14 raters each.
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def counts_by_subject(raw: list[list[int | None]], categories: int) -> list[list[int]]:
    """Raw ratings (subjects x raters, 1-based categories) as a subjects x categories table."""
    table = [[0] * categories for _ in raw]
    for row, ratings in zip(table, raw, strict=True):
        for rating in ratings:
            if rating is not None:
                row[rating - 1] += 1
    return table


def table_as_subjects(table: list[list[int]]) -> tuple[list[list[int]], list[int]]:
    """A two-rater contingency table as one counts row per cell, weighted by the cell."""
    size = len(table)
    rows, weights = [], []
    for c in range(size):
        for k in range(size):
            row = [0] * size
            row[c] += 1
            row[k] += 1
            rows.append(row)
            weights.append(table[c][k])
    return rows, weights


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_alpha_at_every_level(level: str, published: float) -> None:
    assert krippendorff_alpha(KRIPPENDORFF_2011, level) == pytest.approx(published, abs=5e-4)


def test_krippendorff_2011_alpha_as_gwet_lists_it() -> None:
    by_rater = [list(column) for column in zip(*GWET_RAW_4_RATERS, strict=True)]
    # irrCAC prints 0.74342 for the same pairable values.
    assert krippendorff_alpha(by_rater) == pytest.approx(0.74342, abs=5e-6)


def test_wikipedia_cohen_kappa_example() -> None:
    table = [[20, 5], [10, 15]]
    assert cohen_kappa(table) == pytest.approx(0.40)
    assert percent_agreement_table(table) == pytest.approx(70.0)


def test_wikipedia_fleiss_kappa_example() -> None:
    assert fleiss_kappa(WIKIPEDIA_FLEISS) == pytest.approx(0.210, abs=5e-4)


def test_gwet_abstractors_contingency_table() -> None:
    assert cohen_kappa(ABSTRACTORS) == pytest.approx(0.7964094, abs=5e-8)
    assert scott_pi(ABSTRACTORS) == pytest.approx(0.7962397, abs=5e-8)
    assert percent_agreement_table(ABSTRACTORS) == pytest.approx(89.0)
    rows, weights = table_as_subjects(ABSTRACTORS)
    assert gwet_ac1(rows, weights=weights) == pytest.approx(0.8493305, abs=5e-8)
    assert brennan_prediger(rows, 3, weights=weights) == pytest.approx(0.835, abs=5e-8)
    assert krippendorff_alpha_counts(rows, weights=weights) == pytest.approx(0.7972585, abs=5e-8)


def test_gwet_six_raters_distribution() -> None:
    assert gwet_ac1(SIX_RATERS) == pytest.approx(0.4448007, abs=5e-8)
    assert fleiss_kappa(SIX_RATERS) == pytest.approx(0.4139265, abs=5e-8)
    assert brennan_prediger(SIX_RATERS, 5) == pytest.approx(0.4388889, abs=5e-8)
    assert krippendorff_alpha_counts(SIX_RATERS) == pytest.approx(0.4204384, abs=5e-8)
    assert percent_agreement_counts(SIX_RATERS) == pytest.approx(55.11111, abs=5e-5)


def test_gwet_raw_ratings_with_missing_values() -> None:
    counts = counts_by_subject(GWET_RAW_4_RATERS, 5)
    assert percent_agreement_counts(counts) == pytest.approx(81.81818, abs=5e-5)
    assert gwet_ac1(counts) == pytest.approx(0.77544, abs=5e-6)
    assert fleiss_kappa(counts) == pytest.approx(0.76117, abs=5e-6)
    assert brennan_prediger(counts, 5) == pytest.approx(0.77273, abs=5e-6)
    by_rater = [list(column) for column in zip(*GWET_RAW_4_RATERS, strict=True)]
    assert percent_agreement_units(by_rater) == pytest.approx(81.81818, abs=5e-5)
