"""A quick guess of a transcript's language (Spanish or English) from common words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-záéíóúüñ]+")
_SPANISH = frozenset(
    "de la que el en y los se del las un por con no una su para es al lo como más "
    "pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta "
    "hay donde quien desde todo nos durante todos uno les ni contra otros ese eso "
    "ante ellos e esto mí antes algunos qué unos yo otro ".split()
)
_ENGLISH = frozenset(
    "the of and to a in is that it was for on are with as i his they be at one have "
    "this from or had by not but what some we can out other were all there when up "
    "use your how said an each she which do their if will way about many then them "
    "would so these her him has more ".split()
)


def guess_language(text: str, sample: int = 20000) -> str | None:
    """Return ``"es"`` or ``"en"`` when the text clearly reads as one, else None."""
    words = _WORD.findall(text[:sample].lower())
    if len(words) < 20:
        return None
    spanish = sum(word in _SPANISH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if spanish > 1.5 * english and spanish >= 5:
        return "es"
    if english > 1.5 * spanish and english >= 5:
        return "en"
    return None
