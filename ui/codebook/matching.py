"""Accent-insensitive matching of codes, for the filter box and the quick-code palette."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Text without accents, in case-folded form: "Niñez" and "ninez" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def contains_all(folded_text: str, folded_query: str) -> bool:
    """Whether every word of the query occurs somewhere in the text."""
    return all(word in folded_text for word in folded_query.split())


def _shortest_subsequence(query: str, text: str) -> int | None:
    """The length of the shortest stretch of ``text`` holding ``query`` in order."""
    best: int | None = None
    for first, char in enumerate(text):
        if char != query[0]:
            continue
        position = first
        for wanted in query[1:]:
            position = text.find(wanted, position + 1)
            if position < 0:
                return best  # no later start can succeed either
        length = position - first + 1
        if best is None or length < best:
            best = length
    return best


@dataclass(frozen=True)
class CodeText:
    """The folded texts of one code that a query is matched against."""

    label: str
    name: str
    path: str

    @staticmethod
    def of(label: str, name: str, path: str) -> CodeText:
        return CodeText(fold(label), fold(name), fold(path))


def rank(query: str, code: CodeText) -> tuple[int, int, int] | None:
    """How well a folded query matches a code; smaller is better, None is no match.

    Tiers: the label starts with the query (an exact label first), then a word of the
    name starts with it (or the words of the query start words of the name, in order),
    then the query's letters occur in order in the label and name, then in the path.
    Within a tier, tighter matches come first.
    """
    query = query.strip()
    if not query:
        return (0, 0, 0)
    if code.label.startswith(query):
        return (0, len(code.label) - len(query), 0)
    words = _WORD.findall(code.name)
    parts = query.split()
    for index, word in enumerate(words):
        if word.startswith(parts[0]) and _words_follow(parts[1:], words[index + 1 :]):
            return (1, index, len(code.name))
    letters = "".join(parts)
    span = _shortest_subsequence(letters, f"{code.label} {code.name}")
    if span is not None:
        return (2, span - len(letters), len(code.name))
    span = _shortest_subsequence(letters, code.path)
    if span is not None:
        return (3, span - len(letters), len(code.path))
    return None


def _words_follow(parts: list[str], words: list[str]) -> bool:
    """Whether each part starts one of the words, in order."""
    position = 0
    for part in parts:
        while position < len(words) and not words[position].startswith(part):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True
