"""Agreement on a project's codings.

Choose coders, unit, documents and codes; get numbers with the counts behind them, the
reasons for undefined values, and a methods sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from workbench.agreement.character import AGGREGATES, many_coders, two_coders
from workbench.agreement.continuum import unitized_agreement
from workbench.agreement.methods import methods_sentence
from workbench.agreement.presence import document_agreement
from workbench.agreement.result import AgreementResult, CodeAgreement, GroupAgreement
from workbench.agreement.segments import segment_agreement
from workbench.agreement.selection import Reference, Selection, load_selection
from workbench.errors import InvalidInputError
from workbench.project import Project

UNITS = ("character", "segment", "document", "unitized")

STATISTICS: dict[str, dict[str, str]] = {
    "character-2": {
        "kappa": "Cohen's kappa of the 2x2 table of characters pooled over the documents",
        "kappa_mean": "unweighted mean of the per-document kappas (documents where defined)",
        "kappa_weighted": "mean of the per-document kappas weighted by document length",
        "percent_agreement": "percent of characters both coders coded or both left uncoded",
    },
    "character-many": {
        "fleiss_kappa": "Fleiss' kappa over characters (coded or not), pooled over documents",
        "alpha": "Krippendorff's alpha (nominal) over characters, pooled over documents",
        "percent_agreement": "percent of agreeing coder pairs per character",
    },
    "segment": {
        "percent_agreement": "agreements / (agreements + unmatched segments of either coder)",
        "brennan_prediger": "Brennan and Prediger's kappa, chance agreement 1/number of codes",
    },
    "document-2": {
        "kappa": "Cohen's kappa over documents (code present or absent)",
        "percent_agreement": "percent of documents where both coders agree on presence",
    },
    "document-many": {
        "fleiss_kappa": "Fleiss' kappa over documents (code present or absent)",
        "alpha": "Krippendorff's alpha (nominal) over documents (code present or absent)",
        "percent_agreement": "percent of agreeing coder pairs per document",
    },
    "unitized": {
        "u_alpha": "u-alpha of the code's units (for one code it equals |u-alpha)",
        "binary_u_alpha": "|u-alpha: coded with any of the group's codes or not",
        "cu_alpha": "cu-alpha: agreement on codes where both coders' units intersect",
    },
}


def _statistics(unit: str, coders: int) -> dict[str, str]:
    if unit in ("character", "document"):
        return STATISTICS[f"{unit}-{'2' if coders == 2 else 'many'}"]
    return STATISTICS[unit]


def _character_overall(codes: list[CodeAgreement], aggregate: str) -> dict[str, Any]:
    """The pooled table over every code and document, and the mean of the codes' kappas."""
    from workbench.agreement.kappa import cohen_kappa_binary

    cells = {
        k: sum(int(c.counts[k]) for c in codes) for k in ("both", "only_a", "only_b", "neither")
    }
    kappa = float(cohen_kappa_binary(*cells.values()))
    total = sum(cells.values())
    key = {"pooled": "kappa", "mean": "kappa_mean", "weighted": "kappa_weighted"}[aggregate]
    known = [float(v) for c in codes if (v := c.values[key]) is not None]
    return {
        "kappa": None if np.isnan(kappa) else kappa,
        "percent_agreement": 100.0 * (cells["both"] + cells["neither"]) / total if total else None,
        **cells,
        "mean_kappa": float(np.mean(known)) if known else None,
        "codes_with_kappa": len(known),
        "codes_undefined": len(codes) - len(known),
    }


def compute_agreement(
    project: Project,
    coders: Sequence[Reference],
    unit: str = "character",
    documents: Sequence[Reference] | None = None,
    codes: Sequence[Reference] | None = None,
    min_overlap: float = 90,
    aggregate: str = "pooled",
) -> AgreementResult:
    """Agreement between coders on a project's codes.

    Units (each named in the result):

    - ``character``: per code and document, the 2x2 table of characters coded by both
      coders, by one only, or by neither (as NVivo); Cohen's kappa and percent agreement
      of the table pooled over documents, with the mean and size-weighted mean of the
      per-document kappas. For more than two coders, Fleiss' kappa and Krippendorff's
      alpha over characters, and Cohen's kappa for each pair.
    - ``segment``: a segment matches when the other coder applied the same code to a
      segment overlapping at least ``min_overlap`` percent of their union (as MAXQDA);
      percent agreement and Brennan and Prediger's kappa (chance 1/number of codes).
    - ``document``: code present or absent per document; Cohen's kappa over documents.
    - ``unitized``: the documents end to end as one continuum; u-alpha per code, and
      |u-alpha, u-alpha and cu-alpha per code group (Krippendorff et al. 2016).

    Overlapping segments of one coder with the same code count once (their union).

    Args:
        project: an open project.
        coders: two or more coders by name, initials or id.
        unit: ``character``, ``segment``, ``document`` or ``unitized``.
        documents: names or ids; by default the documents every chosen coder has coded.
        codes: ids, paths, names, labels or group names; by default every codable code.
        min_overlap: the segment unit's matching threshold, in percent of the union.
        aggregate: which character-level aggregate leads the overall figure and the
            methods sentence: ``pooled`` (default), ``mean`` or ``weighted``.

    Returns:
        The values per code (and group), the counts behind them, the reasons for
        undefined values, an overall summary and a methods sentence.

    Raises:
        NotFoundError: an unknown coder (the message lists the project's coders),
            document or code.
        InvalidInputError: an unknown unit or aggregate, fewer than two coders, no
            common document, or more than two coders at the segment level.
    """
    if unit not in UNITS:
        raise InvalidInputError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
    if aggregate not in AGGREGATES:
        raise InvalidInputError(
            f"unknown aggregate {aggregate!r}; use one of {', '.join(AGGREGATES)}"
        )
    selection = load_selection(project, coders, documents=documents, codes=codes)
    return agreement_of(selection, unit, min_overlap=min_overlap, aggregate=aggregate)


def agreement_of(
    selection: Selection, unit: str, *, min_overlap: float = 90, aggregate: str = "pooled"
) -> AgreementResult:
    """Agreement at ``unit`` on an already loaded selection (see :func:`compute_agreement`)."""
    groups: list[GroupAgreement] = []
    overall: dict[str, Any]
    if unit == "character" and len(selection.coders) == 2:
        entries, _ = two_coders(selection)
        overall = _character_overall(entries, aggregate)
    elif unit == "character":
        entries, overall = many_coders(selection)
    elif unit == "segment":
        entries, overall = segment_agreement(selection, min_overlap)
    elif unit == "document":
        entries, overall = document_agreement(selection)
    else:
        entries, groups, overall = unitized_agreement(selection)
    coder_names = [c.name for c in selection.coders]
    method = methods_sentence(
        unit,
        coder_names,
        len(selection.documents),
        entries,
        aggregate=aggregate,
        min_overlap=min_overlap,
        categories=len(selection.codes),
        groups=groups,
    )
    return AgreementResult(
        unit=unit,
        statistics=_statistics(unit, len(selection.coders)),
        aggregate=aggregate,
        coders=selection.coders,
        documents=selection.documents,
        codes=tuple(entries),
        overall=overall,
        method=method,
        groups=tuple(groups),
        min_overlap=min_overlap if unit == "segment" else None,
    )
