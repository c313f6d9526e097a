"""Agreement at the character level, as NVivo's coding comparison.

Per code and document, each character is coded or not by each coder; the tables are
computed on interval boundaries, never character by character.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from workbench.agreement.alpha import krippendorff_alpha_counts_statistic
from workbench.agreement.intervals import (
    FloatArray,
    IntArray,
    Layout,
    depth_by_key,
    overlap_by_key,
    union,
)
from workbench.agreement.kappa import cohen_kappa_binary
from workbench.agreement.multirater import (
    fleiss_kappa_statistic,
    percent_agreement_counts_statistic,
)
from workbench.agreement.result import CodeAgreement
from workbench.agreement.selection import Selection

AGGREGATES = ("pooled", "mean", "weighted")


@dataclass(frozen=True)
class PairTables:
    """The 2x2 tables of two coders for every code (rows) and document (columns)."""

    both: FloatArray
    only_a: FloatArray
    only_b: FloatArray
    neither: FloatArray

    def pooled(self, code: int | None = None) -> tuple[float, float, float, float]:
        """The table summed over documents for one code (row), or over everything."""
        rows = slice(None) if code is None else code
        both, only_a, only_b, neither = (
            float(t[rows].sum()) for t in (self.both, self.only_a, self.only_b, self.neither)
        )
        return both, only_a, only_b, neither


def code_document_layout(selection: Selection) -> Layout:
    """One stretch of line per (code, document) pair, code-major."""
    return Layout.of(np.tile(selection.lengths, len(selection.codes)))


def coded_intervals(selection: Selection, layout: Layout, coder: int) -> tuple[IntArray, IntArray]:
    """What one coder coded, per (code, document), as disjoint intervals on the layout's line.

    Overlapping or touching segments of one code merge: a character is coded or not.
    """
    mask = selection.coder == coder
    keys = selection.code[mask] * len(selection.documents) + selection.document[mask]
    return union(layout.place(keys, selection.start[mask]), layout.place(keys, selection.end[mask]))


def pair_tables(selection: Selection, a: int, b: int) -> PairTables:
    """Characters coded by both coders, by one only and by neither, per code and document."""
    layout = code_document_layout(selection)
    first = coded_intervals(selection, layout, a)
    second = coded_intervals(selection, layout, b)
    covered_a = layout.total_by_key(first[0], first[1] - first[0])
    covered_b = layout.total_by_key(second[0], second[1] - second[0])
    both = overlap_by_key(layout, first, second)
    shape = (len(selection.codes), len(selection.documents))
    lengths = layout.lengths.astype(np.float64)
    return PairTables(
        both=both.reshape(shape),
        only_a=(covered_a - both).reshape(shape),
        only_b=(covered_b - both).reshape(shape),
        neither=(lengths - covered_a - covered_b + both).reshape(shape),
    )


def kappa_reason(both: float, only_a: float, only_b: float, neither: float) -> str:
    """Why Cohen's kappa of a 2x2 table of characters is undefined."""
    if both + only_a + only_b + neither == 0:
        return "the documents compared have no text"
    if both + only_a + only_b == 0:
        return "neither coder applied this code"
    return "both coders applied this code to every character"


def _percent(both: FloatArray, neither: FloatArray, total: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.where(total > 0, 100.0 * (both + neither) / total, np.nan))


def _or_none(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def two_coders(selection: Selection) -> tuple[list[CodeAgreement], PairTables]:
    """Per code: pooled, mean and size-weighted Cohen's kappa and percent agreement."""
    tables = pair_tables(selection, 0, 1)
    lengths = selection.lengths.astype(np.float64)
    per_document = cohen_kappa_binary(tables.both, tables.only_a, tables.only_b, tables.neither)
    percent_document = _percent(
        tables.both, tables.neither, np.broadcast_to(lengths, tables.both.shape)
    )
    sums = [t.sum(axis=1) for t in (tables.both, tables.only_a, tables.only_b, tables.neither)]
    pooled = cohen_kappa_binary(*sums)
    pooled_percent = _percent(sums[0], sums[3], np.sum(sums, axis=0))
    results = []
    for c, code in enumerate(selection.codes):
        row = per_document[c]
        known = ~np.isnan(row)
        values: dict[str, float | None] = {
            "kappa": _or_none(pooled[c]),
            "percent_agreement": _or_none(pooled_percent[c]),
            "kappa_mean": float(row[known].mean()) if known.any() else None,
            "kappa_weighted": (
                float(np.average(row[known], weights=lengths[known]))
                if known.any() and lengths[known].sum() > 0
                else None
            ),
            "percent_agreement_mean": _or_none(float(np.nanmean(percent_document[c]))),
            "percent_agreement_weighted": _or_none(pooled_percent[c]),
        }
        undefined: dict[str, str] = {}
        table = tuple(float(s[c]) for s in sums)
        if values["kappa"] is None:
            undefined["kappa"] = kappa_reason(*table)
        for key in ("kappa_mean", "kappa_weighted"):
            if values[key] is None:
                undefined[key] = "kappa is undefined in every document: " + kappa_reason(*table)
        by_document = tuple(
            {
                "document": selection.documents[d].name,
                "document_id": selection.documents[d].id,
                "characters": int(lengths[d]),
                "kappa": _or_none(row[d]),
                "percent_agreement": _or_none(percent_document[c, d]),
                "both": int(tables.both[c, d]),
                "only_a": int(tables.only_a[c, d]),
                "only_b": int(tables.only_b[c, d]),
                "neither": int(tables.neither[c, d]),
            }
            for d in range(len(selection.documents))
        )
        results.append(
            CodeAgreement(
                code_id=code.id,
                path=code.path,
                label=code.label,
                group=code.group,
                documents=len(selection.documents),
                values=values,
                counts={
                    "both": int(table[0]),
                    "only_a": int(table[1]),
                    "only_b": int(table[2]),
                    "neither": int(table[3]),
                    "documents_with_kappa": int(known.sum()),
                },
                undefined=undefined,
                by_document=by_document,
            )
        )
    return results, tables


def binary_depth_statistics(histogram: FloatArray) -> dict[str, Any]:
    """Fleiss' kappa, alpha and percent agreement from how many characters k coders coded."""
    coders = histogram.size - 1
    counts = np.array([[coders - k, k] for k in range(coders + 1)], dtype=np.float64)
    fleiss = fleiss_kappa_statistic(counts, histogram)
    alpha = krippendorff_alpha_counts_statistic(
        counts, "nominal", ["not coded", "coded"], histogram
    )
    percent = percent_agreement_counts_statistic(counts, histogram)
    undefined = {
        key: str(s.reason)
        for key, s in (("fleiss_kappa", fleiss), ("alpha", alpha), ("percent_agreement", percent))
        if s.value is None
    }
    if histogram[1:].sum() == 0:
        undefined = dict.fromkeys(undefined, "no coder applied this code")
    return {
        "values": {
            "fleiss_kappa": fleiss.value,
            "alpha": alpha.value,
            "percent_agreement": percent.value,
        },
        "undefined": undefined,
    }


def pair_entry(names: tuple[str, str], table: tuple[float, float, float, float]) -> dict[str, Any]:
    """One pair of coders' pooled 2x2 table and its kappa."""
    kappa = _or_none(float(cohen_kappa_binary(*table)))
    entry: dict[str, Any] = {
        "a": names[0],
        "b": names[1],
        "kappa": kappa,
        "both": int(table[0]),
        "only_a": int(table[1]),
        "only_b": int(table[2]),
        "neither": int(table[3]),
    }
    if kappa is None:
        entry["undefined"] = kappa_reason(*table)
    return entry


def many_coders(selection: Selection) -> tuple[list[CodeAgreement], dict[str, Any]]:
    """Per code: Fleiss' kappa, alpha, and pairwise Cohen's kappas; plus the overall figures."""
    layout = code_document_layout(selection)
    sets = [coded_intervals(selection, layout, i) for i in range(len(selection.coders))]
    depth = depth_by_key(layout, sets).reshape(len(selection.codes), len(selection.documents), -1)
    per_code = depth.sum(axis=1)
    pairs = list(combinations(range(len(selection.coders)), 2))
    pooled_pairs = {pair: pair_tables(selection, *pair) for pair in pairs}
    results = []
    for c, code in enumerate(selection.codes):
        figures = binary_depth_statistics(per_code[c])
        pairwise = tuple(
            pair_entry(
                (selection.coders[a].name, selection.coders[b].name),
                pooled_pairs[(a, b)].pooled(c),
            )
            for a, b in pairs
        )
        results.append(
            CodeAgreement(
                code_id=code.id,
                path=code.path,
                label=code.label,
                group=code.group,
                documents=len(selection.documents),
                values=figures["values"],
                counts={"coded_by": [int(x) for x in per_code[c]]},
                undefined=figures["undefined"],
                pairwise=pairwise,
            )
        )
    overall = binary_depth_statistics(per_code.sum(axis=0))
    matrix: list[list[float | None]] = [[None] * len(selection.coders) for _ in selection.coders]
    for a, b in pairs:
        table = pooled_pairs[(a, b)].pooled()
        matrix[a][b] = matrix[b][a] = _or_none(float(cohen_kappa_binary(*table)))
    summary = {
        **overall["values"],
        "coded_by": [int(x) for x in per_code.sum(axis=0)],
        "pairwise_kappa": matrix,
        "undefined": overall["undefined"],
    }
    return results, summary
