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
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from db.schema import Document
from workbench.changes import Changes
from workbench.commands.segments import AddSegments, NewSegment
from workbench.errors import InvalidInputError
from workbench.project import Project


class _FoldTable(dict[int, int]):
    """A ``str.translate`` table that folds each character on first sight."""

    def __missing__(self, codepoint: int) -> int:
        char = chr(codepoint)
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        folded = stripped.lower()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        self[codepoint] = ord(folded)
        return ord(folded)


_TABLE = _FoldTable()
for _codepoint in range(0x250):
    _TABLE[_codepoint] = _TABLE.__missing__(_codepoint)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping one character per character."""
    return text.translate(_TABLE)


@dataclass(frozen=True)
class Term:
    """One search term: a word, a word prefix (``trabaj*``) or a quoted phrase."""

    words: tuple[str, ...]
    prefix: bool = False

    def pattern(self) -> str:
        """The regular expression that finds the term in folded text."""
        body = r"[\W_]+".join(re.escape(fold(word)) for word in self.words)
        tail = r"\w*" if self.prefix else r"(?!\w)"
        return r"(?<!\w)" + body + tail


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


@dataclass(frozen=True)
class SearchHit:
    """One occurrence: ``text[start:end]`` of a document, with context around it."""

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
                    query = select(Document.id, Document.name, Document.text).where(
                        Document.id.in_(ids[start : start + 200])
                    )
                    for document_id, name, text in session.execute(query):
                        self._folded[document_id] = (name, text, fold(text))
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
        combined = re.compile("|".join(term.pattern() for term in terms))
        singles = [re.compile(term.pattern()) for term in terms]
        hits: list[SearchHit] = []
        folded_texts = self._load()
        order = (
            sorted(folded_texts)
            if document_ids is None
            else sorted(set(document_ids) & set(folded_texts))
        )
        for document_id in order:
            name, text, folded = folded_texts[document_id]
            if match == "all" and not all(p.search(folded) for p in singles):
                continue
            for found in combined.finditer(folded):
                start, end = found.span()
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


def code_hits(
    project: Project, hits: Sequence[SearchHit], code_id: int, *, scope: str = "hit"
) -> AddSegments | None:
    """Code every hit (or the paragraph around it) with a code, as one undoable step.

    Spans the current coder has already coded with that code are skipped, and a
    paragraph holding several hits is coded once.

    Returns:
        The command that was run, or None when there was nothing new to code.
    """
    if scope not in ("hit", "paragraph"):
        raise InvalidInputError("scope must be 'hit' or 'paragraph'")
    existing = {
        (s.document_id, s.start, s.end)
        for s in project.segments(
            code_ids=[code_id], coder_ids=None if project.coder_id is None else [project.coder_id]
        )
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
    command = AddSegments(
        [NewSegment(document_id, code_id, start, end) for document_id, start, end in spans],
        origin="auto-code",
        label=f"Code {len(spans)} search hits",
    )
    project.run(command)
    return command
