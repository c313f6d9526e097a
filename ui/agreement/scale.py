"""The colour scale of agreement statistics: red (poor), amber, green (good), grey (undefined).

Soft tints for table cells, so that dark text stays readable on them; stronger ones for
bars. The stops follow the usual reading of kappa and alpha: below 0.4 is poor, 0.8 and
above is good (Krippendorff's threshold for firm conclusions).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

POOR, FAIR, GOOD = 0.4, 0.6, 0.8

_SOFT = (QColor("#eaa9a2"), QColor("#f3d38f"), QColor("#afd7a6"))
_STRONG = (QColor("#d9776d"), QColor("#e3b34a"), QColor("#6aaf69"))
UNDEFINED = QColor("#dedede")
UNDEFINED_STRONG = QColor("#b8b8b8")
#: Text on the tinted cells, dark whatever the palette.
INK = QColor("#1f1f1f")


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def statistic_colour(value: float | None, *, strong: bool = False) -> QColor:
    """The colour of a kappa-like value (-1..1); grey when it is undefined."""
    red, amber, green = _STRONG if strong else _SOFT
    if value is None:
        return QColor(UNDEFINED_STRONG if strong else UNDEFINED)
    if value <= POOR:
        return QColor(red)
    if value < FAIR:
        return _mix(red, amber, (value - POOR) / (FAIR - POOR))
    if value < GOOD:
        return _mix(amber, green, (value - FAIR) / (GOOD - FAIR))
    return QColor(green)
