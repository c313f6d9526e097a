"""Full-text search over a project's documents, case- and accent-insensitive.

The text is folded one character to one character (lower case, accents removed), so
a hit's offsets in the folded text are its offsets in the original: positions stay
Unicode code points. Documents never change after import, so their folded text is
kept in memory for the next search.

Query syntax: words are matched whole (``trabajo`` finds ``TRABAJO`` and ``trabajó``,
not ``trabajador``); ``trabaj*`` matches words that begin so; ``"trabajo infantil"``
in double quotes is a phrase (the words in that order, separated by spaces or
punctuation). A hit is an occurrence of any of the terms; with ``match="all"`` only
documents that contain every term are searched.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from db.schema import Document
from workbench.changes import Changes
from workbench.commands.segments import AddSegments, NewSegment
from workbench.errors import InvalidInputError
from workbench.project import Project
from workbench.textfold import fold


def _after_word_character(folded: str, start: int) -> bool:
    return start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_")


@dataclass(frozen=True)
class Term:
    """One search term: a word, a word prefix (``trabaj*``) or a quoted phrase."""

    words: tuple[str, ...]
    prefix: bool = False

    def pattern(self) -> str:
        """The regular expression that finds the term in folded text.

        It starts with the literal word (so the scan can jump to it); that the word
        also starts a word is checked by :meth:`spans`, not by the pattern.
        """
        body = r"[\W_]+".join(re.escape(fold(word)) for word in self.words)
        tail = r"\w*" if self.prefix else r"(?!\w)"
        return body + tail

    def spans(self, regex: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
        """Every ``(start, end)`` of the term in a folded text."""
        if len(self.words) == 1:
            # A one-word term is all word characters, so no match can begin inside a
            # rejected one: scanning on after each match loses nothing.
            return [
                found.span()
                for found in regex.finditer(folded)
                if not _after_word_character(folded, found.start())
            ]
        found_spans: list[tuple[int, int]] = []
        position = 0
        while (found := regex.search(folded, position)) is not None:
            start, end = found.span()
            if _after_word_character(folded, start):
                position = start + 1
                continue
            found_spans.append((start, end))
            position = max(end, start + 1)
        return found_spans


def parse_query(query: str) -> list[Term]:
    """Split a query into terms.

    Raises:
        InvalidInputError: the query is empty or has an unclosed quote.
    """
    try:
        parts = shlex.split(query.replace("'", "\\'"))
    except ValueError:
        raise InvalidInputError(f"unclosed quote in the search {query!r}") from None
    terms: list[Term] = []
    for part in parts:
        prefix = part.endswith("*")
        words = tuple(re.findall(r"\w+", part))
        if words:
            terms.append(Term(words, prefix and len(words) == 1))
    if not terms:
        raise InvalidInputError("type a word or a quoted phrase to search for")
    return terms


class SearchHit(NamedTuple):
    """One occurrence: ``text[start:end]`` of a document, with context around it.

    A named tuple rather than a dataclass: a search can return tens of thousands of
    hits, and a tuple is several times cheaper to make.
    """

    document_id: int
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str


class SearchIndex:
    """Folded texts of a project's documents, kept up to date through change notices."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._folded: dict[int, tuple[str, str, str]] = {}
        self._complete = False
        project.subscribe(self._changed)

    def _changed(self, changes: Changes) -> None:
        if "document" in changes.kinds():
            for ids in (changes.added.get("document", ()), changes.removed.get("document", ())):
                for document_id in ids:
                    self._folded.pop(document_id, None)
            self._complete = False

    def _load(self) -> dict[int, tuple[str, str, str]]:
        if not self._complete:
            with self.project.read() as session:
                known = set(self._folded)
                ids = [i for i in session.scalars(select(Document.id)) if i not in known]
                for start in range(0, len(ids), 200):
                    query = select(
                        Document.id, Document.name, Document.text, Document.folded
                    ).where(Document.id.in_(ids[start : start + 200]))
                    for document_id, name, text, folded in session.execute(query):
                        self._folded[document_id] = (
                            name,
                            text,
                            folded if folded is not None else fold(text),
                        )
            self._complete = True
        return self._folded

    def search(
        self,
        query: str,
        *,
        document_ids: Collection[int] | None = None,
        match: str = "any",
        context: int = 60,
        limit: int | None = None,
    ) -> list[SearchHit]:
        """Find every occurrence of the query's terms.

        Args:
            query: words, ``prefix*`` and ``"quoted phrases"``.
            document_ids: search only these documents.
            match: ``any`` (hits of any term) or ``all`` (only in documents holding every term).
            context: characters of context kept on each side of a hit.
            limit: stop after this many hits.

        Returns:
            Hits in document order, then by position.
        """
        if match not in ("any", "all"):
            raise InvalidInputError("match must be 'any' or 'all'")
        terms = parse_query(query)
        patterns = [(term, re.compile(term.pattern())) for term in terms]
        hits: list[SearchHit] = []
        folded_texts = self._load()
        order = (
            sorted(folded_texts)
            if document_ids is None
            else sorted(set(document_ids) & set(folded_texts))
        )
        for document_id in order:
            name, text, folded = folded_texts[document_id]
            per_term = [term.spans(regex, folded) for term, regex in patterns]
            if match == "all" and not all(per_term):
                continue
            last_end = -1
            for start, end in sorted(
                (span for spans in per_term for span in spans), key=lambda s: (s[0], -s[1])
            ):
                if start < last_end:  # overlaps a hit of another term
                    continue
                last_end = end
                hits.append(
                    SearchHit(
                        document_id=document_id,
                        document=name,
                        start=start,
                        end=end,
                        text=text[start:end],
                        before=text[max(0, start - context) : start],
                        after=text[end : end + context],
                    )
                )
                if limit is not None and len(hits) >= limit:
                    return hits
        return hits


def paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph (line) around ``[start, end)``, without its line breaks."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


def hits_command(
    project: Project, hits: Sequence[SearchHit], code_id: int, *, scope: str = "hit"
) -> AddSegments | None:
    """The command that codes every hit (or the paragraph around it) with a code.

    Spans the current coder has already coded with that code are left out, and a
    paragraph holding several hits is coded once.

    Returns:
        The command to run, or None when there is nothing new to code.
    """
    if scope not in ("hit", "paragraph"):
        raise InvalidInputError("scope must be 'hit' or 'paragraph'")
    coders = None if project.coder_id is None else [project.coder_id]
    existing = {
        (s.document_id, s.start, s.end)
        for s in project.segments(code_ids=[code_id], coder_ids=coders)
    }
    spans: dict[tuple[int, int, int], None] = {}
    texts: dict[int, str] = {}
    for hit in hits:
        start, end = hit.start, hit.end
        if scope == "paragraph":
            if hit.document_id not in texts:
                texts[hit.document_id] = project.text(hit.document_id)
            start, end = paragraph_span(texts[hit.document_id], start, end)
        key = (hit.document_id, start, end)
        if key not in existing:
            spans[key] = None
    if not spans:
        return None
    return AddSegments(
        [NewSegment(document_id, code_id, start, end) for document_id, start, end in spans],
        origin="auto-code",
        label=f"Code {len(spans)} search hits",
    )


def code_hits(
    project: Project, hits: Sequence[SearchHit], code_id: int, *, scope: str = "hit"
) -> AddSegments | None:
    """Code every hit (or its paragraph) with a code, as one undoable step.

    Returns:
        The command that was run, or None when there was nothing new to code.
    """
    command = hits_command(project, hits, code_id, scope=scope)
    if command is not None:
        project.run(command)
    return command
