"""The methods sentence: which unit, which statistic, which coders, and what was undefined."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from workbench.agreement.result import CodeAgreement, GroupAgreement


def names(items: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def undefined_clause(
    entries: Sequence[CodeAgreement | GroupAgreement], key: str, label: str, noun: str = "code"
) -> str:
    """``; kappa is undefined for 3 codes that neither coder applied`` (or nothing)."""
    reasons = Counter(e.undefined[key] for e in entries if key in e.undefined)
    if not reasons:
        return ""
    parts = []
    for reason, number in reasons.most_common():
        if reason == "neither coder applied this code":
            parts.append(f"{_count(number, noun)} that neither coder applied")
        elif reason == "no coder applied this code":
            parts.append(f"{_count(number, noun)} that no coder applied")
        else:
            parts.append(f"{_count(number, noun)} ({reason})")
    return f"; {label} is undefined for {names(parts)}"


AGGREGATE_WORDS = {
    "pooled": "pooled over",
    "mean": "averaged (unweighted mean of per-document values) over",
    "weighted": "averaged (weighted by document length in characters) over",
}


def methods_sentence(
    unit: str,
    coders: Sequence[str],
    documents: int,
    entries: Sequence[CodeAgreement],
    *,
    aggregate: str = "pooled",
    min_overlap: float | None = None,
    categories: int | None = None,
    groups: Sequence[GroupAgreement] = (),
) -> str:
    """A sentence for a methods section, in English, naming what was computed and how."""
    who = f"{_count(documents, 'document')} coded by {names(list(coders))}"
    two = len(coders) == 2
    if unit == "character" and two:
        key = {"pooled": "kappa", "mean": "kappa_mean", "weighted": "kappa_weighted"}[aggregate]
        head = (
            "Agreement was computed at the character level with Cohen's kappa per code, "
            f"{AGGREGATE_WORDS[aggregate]} {who}"
        )
        return head + undefined_clause(entries, key, "kappa") + "."
    if unit == "character":
        head = (
            "Agreement was computed at the character level with Fleiss' kappa and "
            "Krippendorff's alpha (nominal) per code, with Cohen's kappa for each pair of "
            f"coders, pooled over {who}"
        )
        return head + undefined_clause(entries, "fleiss_kappa", "Fleiss' kappa") + "."
    if unit == "segment":
        head = (
            "Agreement was computed at the segment level: a segment agreed when the other "
            f"coder applied the same code to a segment overlapping at least {min_overlap:g}% "
            "of their union (as in MAXQDA); percent agreement and Brennan and Prediger's "
            f"kappa with chance agreement 1/{categories} ({_count(categories or 0, 'code')}) "
            f"per code, over {who}"
        )
        return head + undefined_clause(entries, "brennan_prediger", "kappa") + "."
    if unit == "document":
        statistic = "Cohen's kappa" if two else "Fleiss' kappa and Krippendorff's alpha"
        key = "kappa" if two else "fleiss_kappa"
        head = (
            "Agreement was computed at the document level (code present or absent) with "
            f"{statistic} per code over {who}"
        )
        return head + undefined_clause(entries, key, statistic.split(" and ")[0]) + "."
    head = (
        "Agreement was computed with Krippendorff's unitizing alphas (Krippendorff, Mathet, "
        "Bouvry and Widlöcher 2016): u-alpha per code"
        + (", and |u-alpha, u-alpha and cu-alpha per code group," if groups else "")
        + f" over {who}, laid end to end as one continuum"
    )
    text = head + undefined_clause(entries, "u_alpha", "u-alpha")
    if groups:
        text += undefined_clause(groups, "cu_alpha", "cu-alpha", "group")
    return text + "."
