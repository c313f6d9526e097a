"""The unitized unit: the documents end to end as one continuum.

Each code, and each code group, is unitized by each coder (Krippendorff et al. 2016;
Krippendorff 2019, section 12.6).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.agreement.intervals import IntArray, sweep, union
from workbench.agreement.result import CodeAgreement, GroupAgreement
from workbench.agreement.selection import Selection
from workbench.agreement.statistic import Statistic, undefined
from workbench.agreement.unitized import Units, unitized_statistic


def unapplied(coders: int) -> str:
    """The reason a statistic of a code nobody applied is undefined."""
    return "neither coder applied this code" if coders == 2 else "no coder applied this code"


EXCLUSIVE = (
    "{coder} applied two codes of this group to overlapping text ({where}); u-alpha and "
    "cu-alpha need a group's codes to be mutually exclusive (as ATLAS.ti's semantic domains)"
)


def _offsets(selection: Selection) -> IntArray:
    return np.concatenate(([0], np.cumsum(selection.lengths)[:-1])).astype(np.int64)


def _placed(selection: Selection, mask: Any) -> tuple[IntArray, IntArray]:
    offsets = _offsets(selection)
    shift = offsets[selection.document[mask]]
    return selection.start[mask] + shift, selection.end[mask] + shift


def _relevant(selection: Selection, coder: int, codes: list[int]) -> Units:
    """A coder's units of any of ``codes``, overlapping ones merged, valued 1."""
    mask = (selection.coder == coder) & np.isin(selection.code, codes)
    starts, ends = union(*_placed(selection, mask), merge_touching=False)
    return Units(starts, ends, np.ones(starts.size, dtype=np.int64))


def _where(selection: Selection, position: int) -> str:
    offsets = _offsets(selection)
    document = int(np.searchsorted(offsets, position, side="right") - 1)
    return f"{selection.documents[document].name} at {position - int(offsets[document])}"


def _valued(selection: Selection, coder: int, codes: list[int]) -> Units | Statistic:
    """A coder's units of ``codes`` valued 1, 2, ... by code, or why they are not exclusive."""
    mask = (selection.coder == coder) & np.isin(selection.code, codes)
    starts, ends = _placed(selection, mask)
    values = np.searchsorted(np.asarray(codes), selection.code[mask]) + 1
    parts = [
        union(starts[values == v], ends[values == v], merge_touching=False)
        for v in np.unique(values)
    ]
    first = np.concatenate([p[0] for p in parts]) if parts else starts
    last = np.concatenate([p[1] for p in parts]) if parts else ends
    order = np.argsort(first, kind="stable")
    clash = np.flatnonzero(last[order][:-1] > first[order][1:])
    if clash.size:
        where = _where(selection, int(first[order][clash[0] + 1]))
        return undefined(EXCLUSIVE.format(coder=selection.coders[coder].name, where=where))
    return Units.of(starts, ends, values, int(selection.lengths.sum()))


def _coverage(units: list[Units]) -> dict[str, Any]:
    coded = [int(u.lengths.sum()) for u in units]
    if len(units) != 2:
        return {"coded": coded}
    _, lengths, depth = sweep([(u.starts, u.ends) for u in units])
    return {"coded_a": coded[0], "coded_b": coded[1], "both": int(lengths[depth == 2].sum())}


def unitized_agreement(
    selection: Selection,
) -> tuple[list[CodeAgreement], list[GroupAgreement], dict[str, Any]]:
    """u-alpha per code; |u-alpha, u-alpha and cu-alpha per code group; overall |u-alpha."""
    length = int(selection.lengths.sum())
    coders = range(len(selection.coders))
    results = []
    for c, code in enumerate(selection.codes):
        units = [_relevant(selection, i, [c]) for i in coders]
        value = unitized_statistic(length, units, "u")
        if not any(u.starts.size for u in units):
            value = undefined(unapplied(len(units)))
        results.append(
            CodeAgreement(
                code_id=code.id,
                path=code.path,
                label=code.label,
                group=code.group,
                documents=len(selection.documents),
                values={"u_alpha": value.value},
                counts={"continuum": length, **_coverage(units)},
                undefined={} if value.defined else {"u_alpha": str(value.reason)},
            )
        )
    groups = []
    names = list(dict.fromkeys(code.group for code in selection.codes if code.group))
    for name in names:
        members = [c for c, code in enumerate(selection.codes) if code.group == name]
        relevant = [_relevant(selection, i, members) for i in coders]
        figures = {"binary_u_alpha": unitized_statistic(length, relevant, "binary")}
        valued = [_valued(selection, i, members) for i in coders]
        clash = next((v for v in valued if isinstance(v, Statistic)), None)
        for kind in ("u", "cu"):
            key = f"{kind}_alpha"
            if clash is not None:
                figures[key] = clash
            else:
                exclusive = [v for v in valued if isinstance(v, Units)]
                figures[key] = unitized_statistic(length, exclusive, kind)
        groups.append(
            GroupAgreement(
                group=name,
                codes=len(members),
                values={key: s.value for key, s in figures.items()},
                counts={"continuum": length, **_coverage(relevant)},
                undefined={key: str(s.reason) for key, s in figures.items() if s.value is None},
            )
        )
    every = list(range(len(selection.codes)))
    relevant = [_relevant(selection, i, every) for i in coders]
    overall_value = unitized_statistic(length, relevant, "binary")
    overall: dict[str, Any] = {
        "binary_u_alpha": overall_value.value,
        "continuum": length,
        **_coverage(relevant),
        "undefined": {} if overall_value.defined else {"binary_u_alpha": str(overall_value.reason)},
    }
    return results, groups, overall
