"""Agreement at the segment level, as MAXQDA: does the other coder have a matching segment.

A segment of one coder matches when the other coder applied the same code, in the same
document, to a segment that overlaps it by at least ``min_overlap`` percent of the two
segments' union. Every segment of both coders is a unit: matched (an agreement) or not.
"""

from __future__ import annotations

import numpy as np

from workbench.agreement.intervals import FloatArray, IntArray, Layout, union
from workbench.agreement.multirater import (
    brennan_prediger_statistic,
    percent_agreement_counts_statistic,
)
from workbench.agreement.result import CodeAgreement
from workbench.agreement.selection import Selection
from workbench.agreement.statistic import Statistic, undefined
from workbench.errors import InvalidInputError


def _segments(selection: Selection, layout: Layout, coder: int) -> tuple[IntArray, IntArray]:
    """One coder's segments on the line; overlapping ones of a code merge, touching ones do not."""
    mask = selection.coder == coder
    keys = selection.code[mask] * len(selection.documents) + selection.document[mask]
    return union(
        layout.place(keys, selection.start[mask]),
        layout.place(keys, selection.end[mask]),
        merge_touching=False,
    )


def matched(
    mine: tuple[IntArray, IntArray], theirs: tuple[IntArray, IntArray], min_overlap: float
) -> IntArray:
    """Which of ``mine`` have a segment in ``theirs`` overlapping >= min_overlap % of the union.

    Both sets are sorted and disjoint, so the candidates of each segment of ``mine`` are
    a contiguous run of ``theirs`` found by binary search.
    """
    starts, ends = mine
    other_starts, other_ends = theirs
    first = np.searchsorted(other_ends, starts, side="right")
    last = np.searchsorted(other_starts, ends, side="left")
    runs = np.maximum(last - first, 0)
    owner = np.repeat(np.arange(starts.size), runs)
    if owner.size == 0:
        return np.zeros(starts.size, dtype=bool)
    offsets = np.arange(owner.size) - np.repeat(np.cumsum(runs) - runs, runs)
    candidate = first[owner] + offsets
    overlap = np.minimum(ends[owner], other_ends[candidate]) - np.maximum(
        starts[owner], other_starts[candidate]
    )
    spread = np.maximum(ends[owner], other_ends[candidate]) - np.minimum(
        starts[owner], other_starts[candidate]
    )
    good = 100.0 * overlap >= min_overlap * spread
    hits = np.zeros(starts.size, dtype=bool)
    hits[owner[good]] = True
    return hits


def _kappa(rows: FloatArray, codes: int, weights: list[float]) -> Statistic:
    """Brennan and Prediger's kappa with chance 1/q, q the number of codes compared."""
    if codes < 2:
        return undefined("chance agreement is 1/number of codes, and one code was compared")
    return brennan_prediger_statistic(rows, codes, weights)


def segment_agreement(
    selection: Selection, min_overlap: float
) -> tuple[list[CodeAgreement], dict[str, object]]:
    """Per code: agreements, unmatched segments, percent agreement and Brennan-Prediger kappa.

    Chance agreement is 1/q with q the number of codes compared (as MAXQDA).

    Raises:
        InvalidInputError: more than two coders, or ``min_overlap`` outside (0, 100].
    """
    if len(selection.coders) != 2:
        raise InvalidInputError(
            "segment-level agreement compares two coders (as MAXQDA); choose two, "
            "or use the character or unitized level for more"
        )
    if not 0.0 < min_overlap <= 100.0:
        raise InvalidInputError("the minimum overlap is a percentage above 0 and up to 100")
    layout = Layout.of(np.tile(selection.lengths, len(selection.codes)))
    first, second = _segments(selection, layout, 0), _segments(selection, layout, 1)
    hits_a, hits_b = matched(first, second, min_overlap), matched(second, first, min_overlap)
    documents = len(selection.documents)
    width = len(selection.codes)
    code_a = layout.key_of(first[0]) // documents
    code_b = layout.key_of(second[0]) // documents
    agree = np.bincount(code_a[hits_a], minlength=width) + np.bincount(
        code_b[hits_b], minlength=width
    )
    only_a = np.bincount(code_a[~hits_a], minlength=width)
    only_b = np.bincount(code_b[~hits_b], minlength=width)
    categories = width
    rows = np.array([[2, 0], [1, 1]], dtype=np.float64)
    results = []
    for c, code in enumerate(selection.codes):
        weights = [float(agree[c]), float(only_a[c] + only_b[c])]
        figures = {
            "percent_agreement": percent_agreement_counts_statistic(rows, weights),
            "brennan_prediger": _kappa(rows, categories, weights),
        }
        unused = agree[c] + only_a[c] + only_b[c] == 0
        undefined = {
            key: "neither coder applied this code" if unused else str(s.reason)
            for key, s in figures.items()
            if s.value is None
        }
        results.append(
            CodeAgreement(
                code_id=code.id,
                path=code.path,
                label=code.label,
                group=code.group,
                documents=documents,
                values={key: s.value for key, s in figures.items()},
                counts={
                    "agreements": int(agree[c]),
                    "only_a": int(only_a[c]),
                    "only_b": int(only_b[c]),
                    "segments_a": int(np.sum(code_a == c)),
                    "segments_b": int(np.sum(code_b == c)),
                },
                undefined=undefined,
            )
        )
    total = [float(agree.sum()), float(only_a.sum() + only_b.sum())]
    overall_kappa = _kappa(rows, categories, total)
    overall_percent = percent_agreement_counts_statistic(rows, total)
    overall: dict[str, object] = {
        "percent_agreement": overall_percent.value,
        "brennan_prediger": overall_kappa.value,
        "agreements": int(agree.sum()),
        "only_a": int(only_a.sum()),
        "only_b": int(only_b.sum()),
        "n_categories": categories,
        "undefined": {
            key: str(s.reason)
            for key, s in (
                ("percent_agreement", overall_percent),
                ("brennan_prediger", overall_kappa),
            )
            if s.value is None
        },
    }
    return results, overall
