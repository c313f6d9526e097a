"""The character formats of highlights: calm tints that stay readable where codes overlap.

A stretch of text covered by some segments gets one background: the mean of its
codes' colours laid over the page at a low opacity, a little stronger for each
further code, so overlaps read as darker without turning muddy. Codes chosen in the
codebook (emphasised) and the selected segment are tinted more strongly. Formats are
made once per combination and reused, so painting a block only looks them up.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from ui.transcript.model import TranscriptModel
from workbench.entities import SegmentInfo

#: Opacity of one code's tint, and what each overlapping code adds, up to a ceiling.
TINT = 0.20
TINT_STEP = 0.07
TINT_MAX = 0.40
EMPHASIS = 0.42
SELECTED = 0.50

#: (codes, emphasised codes, selected segment's code or -1, inside a speaker label)
FormatKey = tuple[tuple[int, ...], tuple[int, ...], int, bool]


def blend(colours: Sequence[QColor], opacity: float, base: QColor) -> QColor:
    """The mean of ``colours`` laid over ``base`` at ``opacity``, as an opaque colour."""
    return _blend([(c.redF(), c.greenF(), c.blueF()) for c in colours], opacity, base)


def _blend(colours: Sequence[tuple[float, float, float]], opacity: float, base: QColor) -> QColor:
    n = len(colours)
    red = green = blue = 0.0
    for r, g, b in colours:
        red += r
        green += g
        blue += b
    keep = 1.0 - opacity
    scale = opacity / n
    return QColor.fromRgbF(
        base.redF() * keep + red * scale,
        base.greenF() * keep + green * scale,
        base.blueF() * keep + blue * scale,
    )


def muted(text: QColor, base: QColor, amount: float = 0.45) -> QColor:
    """A quieter text colour: ``text`` moved ``amount`` of the way towards ``base``."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        text.redF() * keep + base.redF() * amount,
        text.greenF() * keep + base.greenF() * amount,
        text.blueF() * keep + base.blueF() * amount,
    )


class HighlightFormats:
    """Character formats for highlights, made on first use and cached."""

    def __init__(self, model: TranscriptModel, base: QColor, text: QColor) -> None:
        self._model = model
        self._cache: dict[FormatKey, QTextCharFormat] = {}
        self._rgb: dict[int, tuple[float, float, float]] = {}
        self.set_palette(base, text)

    def set_palette(self, base: QColor, text: QColor) -> None:
        self.base = QColor(base)
        self.label_colour = muted(text, base)
        self.clear()

    def clear(self) -> None:
        """Forget the formats (after code colours changed)."""
        self._cache.clear()
        self._rgb.clear()

    def _code_rgb(self, code_id: int) -> tuple[float, float, float]:
        found = self._rgb.get(code_id)
        if found is None:
            colour = self.code_colour(code_id)
            found = self._rgb[code_id] = (colour.redF(), colour.greenF(), colour.blueF())
        return found

    def code_colour(self, code_id: int | None) -> QColor:
        code = self._model.codes.get(code_id) if code_id is not None else None
        colour = QColor(code.colour) if code is not None else QColor()
        return colour if colour.isValid() else QColor("#8c8c8c")

    def key(self, active: Sequence[SegmentInfo], in_label: bool) -> FormatKey | None:
        """What decides the look of a stretch covered by ``active``; None for plain text."""
        if not active and not in_label:
            return None
        model = self._model
        codes = tuple(sorted({s.code_id for s in active}))
        emphasised = tuple(c for c in codes if c in model.emphasised)
        selected = next((s.code_id for s in active if s.id == model.selected), -1)
        return codes, emphasised, selected, in_label

    def format(self, key: FormatKey) -> QTextCharFormat:
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._make(key)
        return found

    def _make(self, key: FormatKey) -> QTextCharFormat:
        codes, emphasised, selected, in_label = key
        fmt = QTextCharFormat()
        if selected >= 0:
            colour = self.code_colour(selected)
            fmt.setBackground(blend([colour], SELECTED, self.base))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour.darker(130))
        elif emphasised:
            fmt.setBackground(_blend([self._code_rgb(c) for c in emphasised], EMPHASIS, self.base))
        elif codes:
            opacity = min(TINT + TINT_STEP * (len(codes) - 1), TINT_MAX)
            fmt.setBackground(_blend([self._code_rgb(c) for c in codes], opacity, self.base))
        if in_label:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(self.label_colour)
        return fmt
