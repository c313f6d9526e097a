"""Agreement at the document level: the code is present in a document or not."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np

from workbench.agreement.alpha import krippendorff_alpha_counts_statistic
from workbench.agreement.kappa import cohen_kappa_statistic, percent_agreement_table_statistic
from workbench.agreement.multirater import (
    fleiss_kappa_statistic,
    percent_agreement_counts_statistic,
)
from workbench.agreement.result import CodeAgreement
from workbench.agreement.selection import Selection
from workbench.agreement.statistic import Statistic

NEITHER = "neither coder applied this code"
EVERYWHERE = "every coder applied this code in every document"


def presence(selection: Selection) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """A coders x codes x documents array, True where the coder applied the code."""
    present = np.zeros(
        (len(selection.coders), len(selection.codes), len(selection.documents)), dtype=bool
    )
    present[selection.coder, selection.code, selection.document] = True
    return present


def _reason(statistic: Statistic, applied: int, documents: int, coders: int) -> str:
    if applied == 0:
        return NEITHER if coders == 2 else "no coder applied this code"
    if applied == documents * coders:
        return EVERYWHERE
    return str(statistic.reason)


def document_agreement(selection: Selection) -> tuple[list[CodeAgreement], dict[str, Any]]:
    """Per code: Cohen's kappa (two coders) or Fleiss' kappa and alpha (more) over documents."""
    present = presence(selection)
    coders, _, documents = present.shape
    results = []
    for c, code in enumerate(selection.codes):
        applied = int(present[:, c, :].sum())
        counts: dict[str, Any]
        if coders == 2:
            a, b = present[0, c], present[1, c]
            table = [
                [int(np.sum(a & b)), int(np.sum(a & ~b))],
                [int(np.sum(~a & b)), int(np.sum(~a & ~b))],
            ]
            figures = {
                "kappa": cohen_kappa_statistic(table),
                "percent_agreement": percent_agreement_table_statistic(table),
            }
            counts = {
                "both": table[0][0],
                "only_a": table[0][1],
                "only_b": table[1][0],
                "neither": table[1][1],
            }
        else:
            yes = present[:, c, :].sum(axis=0)
            rows = np.stack([coders - yes, yes], axis=1)
            figures = {
                "fleiss_kappa": fleiss_kappa_statistic(rows),
                "alpha": krippendorff_alpha_counts_statistic(
                    rows, "nominal", ["absent", "present"]
                ),
                "percent_agreement": percent_agreement_counts_statistic(rows),
            }
            counts = {"coded_by": [int(np.sum(yes == k)) for k in range(coders + 1)]}
        results.append(
            CodeAgreement(
                code_id=code.id,
                path=code.path,
                label=code.label,
                group=code.group,
                documents=documents,
                values={key: s.value for key, s in figures.items()},
                counts=counts,
                undefined={
                    key: _reason(s, applied, documents, coders)
                    for key, s in figures.items()
                    if s.value is None
                },
            )
        )
    overall: dict[str, Any] = {}
    if coders == 2:
        a, b = present[0].ravel(), present[1].ravel()
        table = [
            [int(np.sum(a & b)), int(np.sum(a & ~b))],
            [int(np.sum(~a & b)), int(np.sum(~a & ~b))],
        ]
        overall = {
            "kappa": cohen_kappa_statistic(table).value,
            "percent_agreement": percent_agreement_table_statistic(table).value,
            "both": table[0][0],
            "only_a": table[0][1],
            "only_b": table[1][0],
            "neither": table[1][1],
        }
    else:
        yes = present.sum(axis=0).ravel()
        rows = np.stack([coders - yes, yes], axis=1)
        overall = {
            "fleiss_kappa": fleiss_kappa_statistic(rows).value,
            "alpha": krippendorff_alpha_counts_statistic(rows).value,
            "percent_agreement": percent_agreement_counts_statistic(rows).value,
            "pairwise_kappa": _pairwise(present),
        }
    return results, overall


def _pairwise(present: np.ndarray[Any, np.dtype[np.bool_]]) -> list[list[float | None]]:
    """Cohen's kappa of each pair of coders over all (code, document) cells."""
    coders = present.shape[0]
    matrix: list[list[float | None]] = [[None] * coders for _ in range(coders)]
    for i, j in combinations(range(coders), 2):
        a, b = present[i].ravel(), present[j].ravel()
        table = [[np.sum(a & b), np.sum(a & ~b)], [np.sum(~a & b), np.sum(~a & ~b)]]
        matrix[i][j] = matrix[j][i] = cohen_kappa_statistic(table).value
    return matrix
