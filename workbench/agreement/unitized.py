"""The unitizing alphas |u-alpha, u-alpha and cu-alpha on a continuum of code points.

Each coder divides the continuum ``[0, L)`` into units (stretches given a value) and
the gaps between them. Following Krippendorff, Mathet, Bouvry and Widlöcher (2016),
"On the reliability of unitizing textual continua: further developments", Quality &
Quantity 50, 2347-2364, and Krippendorff (2019), Content Analysis, 4th ed., section
12.6, the observed coincidences are lengths of intersections,

    l_ck = 1/(m-1) sum_i sum_{j != i} sum_g sum_h |section g of coder i valued c
                                                   intersected with section h of j valued k|,

(gaps take the value "none"), and the expected coincidences leave out pairing a unit with
itself: a unit of length l cannot pair with its own l**2 pairs of positions, while gaps,
having no identity, lose only their l positions,

    e_ck = l.. (l_c. l_.k - [c = k] S_c) / (l..**2 - S),

with S_c the sum of l**2 over units valued c (of l over gaps when c is "none") and S the
sum over all c. Nominal alpha is 1 - (l.. - sum_c l_cc) / (l.. - sum_c e_cc).

Everything is computed on the pieces between consecutive unit boundaries, never per
position.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.agreement.intervals import IntArray, check_intervals, union
from workbench.agreement.statistic import Statistic, defined, explained_by, undefined
from workbench.errors import InvalidInputError

KINDS = ("u", "binary", "cu")


@dataclass(frozen=True)
class Units:
    """One coder's units: sorted, disjoint ``[starts, ends)`` with values 1, 2, ... (0 is a gap)."""

    starts: IntArray
    ends: IntArray
    values: IntArray

    @classmethod
    def of(cls, starts: Any, ends: Any, values: Any, length: int) -> Units:
        """Check, sort and merge one coder's units.

        Overlapping units with the same value count once (their union); units with
        different values may not overlap, since the unitizing alphas need each coder's
        units to be mutually exclusive.

        Raises:
            InvalidInputError: an empty, reversed or out-of-range unit, a value below 1,
                or two overlapping units with different values.
        """
        first = np.asarray(starts, dtype=np.int64)
        last = np.asarray(ends, dtype=np.int64)
        value = np.asarray(values, dtype=np.int64)
        check_intervals(first, last, np.full(first.shape, length, dtype=np.int64))
        if np.any(value < 1):
            raise InvalidInputError("unit values are numbered from 1 (0 stands for a gap)")
        parts = [
            union(first[value == v], last[value == v], merge_touching=False)
            for v in np.unique(value)
        ]
        merged_starts = np.concatenate([p[0] for p in parts]) if parts else first
        merged_ends = np.concatenate([p[1] for p in parts]) if parts else last
        merged_values = (
            np.concatenate(
                [np.full(p[0].size, v) for p, v in zip(parts, np.unique(value), strict=True)]
            )
            if parts
            else value
        )
        order = np.argsort(merged_starts, kind="stable")
        units = cls(merged_starts[order], merged_ends[order], merged_values[order].astype(np.int64))
        clash = np.flatnonzero(units.ends[:-1] > units.starts[1:])
        if clash.size:
            i = int(clash[0])
            raise InvalidInputError(
                f"units [{int(units.starts[i])}, {int(units.ends[i])}) and "
                f"[{int(units.starts[i + 1])}, {int(units.ends[i + 1])}) overlap with different "
                "values; the unitizing alphas need each coder's units to be mutually exclusive"
            )
        return units

    @property
    def lengths(self) -> IntArray:
        """The length of each unit."""
        return np.asarray(self.ends - self.starts, dtype=np.int64)


def _pieces(
    length: int, coders: Sequence[Units]
) -> tuple[IntArray, list[IntArray], list[IntArray]]:
    """Piece lengths, and per coder the value (0 for gaps) and unit index (-1) of each piece."""
    bounds = np.unique(
        np.concatenate([[0, length]] + [u.starts for u in coders] + [u.ends for u in coders])
    )
    starts, sizes = bounds[:-1], np.diff(bounds)
    values: list[IntArray] = []
    indices: list[IntArray] = []
    for units in coders:
        index = np.searchsorted(units.starts, starts, side="right") - 1
        inside = index >= 0
        if units.starts.size:
            inside &= units.ends[np.maximum(index, 0)] > starts
        index = np.where(inside, index, -1)
        values.append(
            np.where(inside, units.values[np.maximum(index, 0)] if units.starts.size else 0, 0)
        )
        indices.append(index)
    return sizes.astype(np.int64), values, indices


def _u_alpha(length: int, coders: Sequence[Units]) -> Statistic:
    m = len(coders)
    total = float(m * length)
    sizes, values, _ = _pieces(length, coders)
    agreement = 0.0
    for i in range(m):
        for j in range(i + 1, m):
            agreement += float(sizes[values[i] == values[j]].sum())
    agreement *= 2.0 / (m - 1)
    top = max(int(max((u.values.max() for u in coders if u.values.size), default=0)), 0)
    margins = np.zeros(top + 1)
    squares = np.zeros(top + 1)
    for units in coders:
        margins += np.bincount(units.values, weights=units.lengths, minlength=top + 1)
        squares += np.bincount(
            units.values, weights=units.lengths.astype(np.float64) ** 2, minlength=top + 1
        )
    margins[0] = total - margins[1:].sum()
    squares[0] = margins[0]
    expected = total * float(np.sum(margins**2 - squares)) / (total**2 - float(squares.sum()))
    if np.isclose(total - expected, 0.0, rtol=0.0, atol=1e-9):
        if margins[1:].sum() == 0:
            return undefined("no coder identified any unit")
        return undefined(
            "no variation: every coder's units cover the whole continuum with one value"
        )
    return defined(1.0 - (total - agreement) / (total - expected))


def _cu_alpha(length: int, coders: Sequence[Units]) -> Statistic:
    if len(coders) != 2:
        return undefined("cu-alpha is defined for two coders")
    sizes, values, indices = _pieces(length, coders)
    both = (values[0] > 0) & (values[1] > 0)
    weights = sizes[both].astype(np.float64)
    top = int(max(max((u.values.max() for u in coders if u.values.size), default=0), 0))
    margins = np.zeros(top + 1)
    for value in values:
        margins += np.bincount(value[both], weights=weights, minlength=top + 1)
    total = float(np.sum(margins))
    if total == 0:
        return undefined("no unit of one coder overlaps a unit of the other")
    agreement = 2.0 * float(weights[values[0][both] == values[1][both]].sum())
    squares = np.zeros(top + 1)
    for units, index in zip(coders, indices, strict=True):
        pairable = np.bincount(index[both], weights=weights, minlength=units.starts.size)
        squares += np.bincount(units.values, weights=pairable**2, minlength=top + 1)
    expected = float(np.sum(margins**2 - squares)) / (total - float(squares.sum()) / total)
    if np.isclose(total - expected, 0.0, rtol=0.0, atol=1e-9):
        return undefined("no variation: every pair of overlapping units has the same value")
    return defined(1.0 - (total - agreement) / (total - expected))


def unitized_statistic(length: int, coders: Sequence[Units], kind: str = "u") -> Statistic:
    """The unitizing alpha of prepared units, with the reason when it is undefined.

    Raises:
        InvalidInputError: an unknown kind or a continuum shorter than 1.
    """
    if kind not in KINDS:
        raise InvalidInputError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if length < 1:
        raise InvalidInputError("the continuum must be at least one position long")
    if len(coders) < 2:
        return undefined("fewer than two coders")
    if kind == "cu":
        return _cu_alpha(length, coders)
    if kind == "binary":
        coders = [Units(u.starts, u.ends, np.ones_like(u.values)) for u in coders]
    return _u_alpha(length, coders)


def unitized_alpha_statistic(
    length: int, codings: Mapping[Hashable, Sequence[tuple[int, int, Hashable]]], kind: str = "u"
) -> Statistic:
    """The unitizing alpha of codings with the reason when it is undefined."""
    numbers: dict[Hashable, int] = {}
    coders: list[Units] = []
    for coded in codings.values():
        rows = list(coded)
        starts = [int(r[0]) for r in rows]
        ends = [int(r[1]) for r in rows]
        values = [numbers.setdefault(r[2], len(numbers) + 1) for r in rows]
        coders.append(Units.of(starts, ends, values, length))
    return unitized_statistic(length, coders, kind)


@explained_by(unitized_alpha_statistic)
def unitized_alpha(
    length: int, codings: Mapping[Hashable, Sequence[tuple[int, int, Hashable]]], kind: str = "u"
) -> float | None:
    """A unitizing alpha of several coders' units on the continuum ``[0, length)``.

    ``kind`` chooses the coefficient (Krippendorff et al. 2016; Krippendorff 2019,
    section 12.6), all nominal:

    - ``u`` (u-alpha): agreement on where units are and on their values; categories
      are the values and "none" for gaps, l_ck and e_ck as in the module's docstring,
      u-alpha = 1 - (l.. - sum_c l_cc) / (l.. - sum_c e_cc), l.. = m L.
    - ``binary`` (|u-alpha): the same with every value merged into one, so it measures
      agreement on what is relevant matter and what is not.
    - ``cu`` (cu-alpha, two coders): agreement on the values of units where both coders'
      units intersect, gaps left out; its expected coincidences leave out the squared
      intersecting length p_g of each unit, e_ck = (n_c n_k - [c = k] sum_g p_g**2) /
      (n - sum_g p_g**2 / n), n_c the intersecting lengths valued c.

    Args:
        length: L, the length of the continuum in positions.
        codings: each coder's units as ``(start, end, value)``, 0-based, end exclusive.
            Overlapping units of one coder with the same value count once (their union).
        kind: ``u``, ``binary`` or ``cu``.

    Returns:
        The coefficient, or None when it is undefined (fewer than two coders, no unit at
        all, no variation, cu-alpha for other than two coders or with no intersecting
        units).

    Raises:
        InvalidInputError: a zero-length, reversed or out-of-range unit, units of one coder
            overlapping with different values, an unknown kind, or ``length < 1``.
    """
    return unitized_alpha_statistic(length, codings, kind).value
