"""A statistic's value, or the reason it is undefined, and the checks on its input.

Every public statistic of :mod:`workbench.agreement` returns a float, or ``None`` when
the statistic is undefined for its data (no variation, fewer than two coders, nothing
to pair). It is never reported as 0 or 1 in those cases. :func:`explain_undefined`
gives the reason in words; :func:`evaluate` gives the value and the reason together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from workbench.errors import InvalidInputError

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Statistic:
    """A statistic's value, or ``None`` with the reason it is undefined."""

    value: float | None
    reason: str | None = None

    @property
    def defined(self) -> bool:
        """Whether the statistic has a value."""
        return self.value is not None


def defined(value: float) -> Statistic:
    """A statistic with a value."""
    return Statistic(float(value), None)


def undefined(reason: str) -> Statistic:
    """An undefined statistic and why."""
    return Statistic(None, reason)


_REASONED: dict[Callable[..., float | None], Callable[..., Statistic]] = {}


def explained_by(
    compute: Callable[..., Statistic],
) -> Callable[[Callable[..., float | None]], Callable[..., float | None]]:
    """Register ``compute`` as the function that gives a public statistic with its reason."""

    def register(public: Callable[..., float | None]) -> Callable[..., float | None]:
        _REASONED[public] = compute
        return public

    return register


def evaluate(statistic: Callable[..., float | None], *args: Any, **kwargs: Any) -> Statistic:
    """Compute a statistic of this package with the reason when it is undefined.

    Example: ``evaluate(cohen_kappa, [[0, 0], [0, 10]])`` is
    ``Statistic(None, "no variation: ...")``.

    Raises:
        InvalidInputError: ``statistic`` is not one of this package's statistics.
    """
    compute = _REASONED.get(statistic)
    if compute is None:
        raise InvalidInputError(f"{getattr(statistic, '__name__', statistic)!r} is not explained")
    result: Statistic = compute(*args, **kwargs)
    return result


def explain_undefined(
    statistic: Callable[..., float | None], *args: Any, **kwargs: Any
) -> str | None:
    """Why ``statistic(*args, **kwargs)`` is undefined, in words; None when it is defined."""
    return evaluate(statistic, *args, **kwargs).reason


def as_matrix(data: Any, what: str) -> FloatArray:
    """A 2-D array of non-negative finite counts.

    Raises:
        InvalidInputError: the input is not such a table.
    """
    try:
        array = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise InvalidInputError(f"the {what} must hold numbers: {error}") from error
    if array.ndim != 2:
        raise InvalidInputError(f"the {what} must be two-dimensional, not {array.ndim}-D")
    if not np.all(np.isfinite(array)) or np.any(array < 0):
        raise InvalidInputError(f"the {what} must hold finite counts of zero or more")
    return array


def as_table(table: Any) -> FloatArray:
    """A square contingency table (rows coder A, columns coder B).

    Raises:
        InvalidInputError: the table is not square or holds negative or missing counts.
    """
    array = as_matrix(table, "contingency table")
    if array.shape[0] != array.shape[1]:
        raise InvalidInputError(
            f"a contingency table must be square (same categories for both coders), "
            f"not {array.shape[0]}x{array.shape[1]}"
        )
    return array


def as_weights(weights: Any, rows: int) -> FloatArray:
    """How many subjects each row of a counts table stands for (1 each by default).

    Raises:
        InvalidInputError: the weights do not match the rows or are negative.
    """
    if weights is None:
        return np.ones(rows, dtype=np.float64)
    array = np.asarray(weights, dtype=np.float64)
    if array.shape != (rows,):
        raise InvalidInputError(f"give one weight per row ({rows}), not shape {array.shape}")
    if not np.all(np.isfinite(array)) or np.any(array < 0):
        raise InvalidInputError("weights must be finite and zero or more")
    return array
