"""What a query counts: which coders, which documents (by attribute), which codes.

References are resolved against a :class:`~workbench.analysis.corpus.Corpus`; a
mistake (an unknown coder, attribute or group) raises an error whose message lists
the valid choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from workbench.analysis.corpus import Corpus
from workbench.analysis.labels import ALL_CODERS, ROLES, Text, same
from workbench.entities import CodeGroupInfo, CodeInfo, CoderInfo
from workbench.errors import InvalidInputError, NotFoundError

#: The name a consensus coder has (the result of adjudication).
CONSENSUS_NAMES = ("consensus", "consenso")
#: The reference that means the consensus coder.
CONSENSUS = "consensus"


@dataclass(frozen=True)
class Filters:
    """The scope of a query.

    Attributes:
        coders: coder names, initials or ids, or ``consensus``; empty means every coder.
        attributes: ``(attribute, values)`` pairs, the attribute named by role
            (``state``) or by name; a document passes when one of its values is listed.
        groups: code groups (key such as ``outcomes``, or name) whose codes are rows.
        codes: codes (path, name or label) that are rows, after the groups' codes.
    """

    coders: tuple[str, ...] = ()
    attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    groups: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


#: No filter: every coder, document and code.
EVERYTHING = Filters()


@dataclass(frozen=True)
class Scope:
    """Filters resolved to ids, with their description."""

    coder_ids: frozenset[int] | None
    document_ids: frozenset[int]
    codes: tuple[CodeInfo, ...]
    rows: Text
    filters: tuple[Text, ...]


@cache
def group_keys() -> dict[str, Text]:
    """The template's code-group keys (``outcomes``, ``usmca``...) with their names."""
    from workbench.codebook.template import load_template

    groups = load_template("usmca-evaluation").get("groups", [])
    return {g["key"]: Text(g["name"]["en"], g["name"]["es"]) for g in groups}


def resolve_group(corpus: Corpus, reference: str) -> tuple[CodeGroupInfo, Text]:
    """A code group by template key or name (case-insensitive), with its bilingual name.

    Raises:
        NotFoundError: no such group; the message lists the keys and names.
    """
    key = reference.strip().casefold()
    names = {g.name.casefold(): g for g in corpus.groups}
    for template_key, text in group_keys().items():
        if key in (template_key, text.en.casefold(), text.es.casefold()):
            for candidate in (text.en, text.es):
                if candidate.casefold() in names:
                    return names[candidate.casefold()], text
    if key in names:
        group = names[key]
        for text in group_keys().values():
            if group.name in (text.en, text.es):
                return group, text
        return group, same(group.name)
    present = [
        k for k, t in group_keys().items() if {t.en.casefold(), t.es.casefold()} & set(names)
    ]
    raise NotFoundError(
        f"there is no code group {reference!r}; use "
        + ", ".join(present + [g.name for g in corpus.groups])
        if corpus.groups
        else f"there is no code group {reference!r}: the project has no code groups"
    )


def group_codes(corpus: Corpus, group: CodeGroupInfo) -> list[CodeInfo]:
    """The codes of a group in tree order: codable ones, and folders that hold segments."""
    return [c for c in corpus.codes if c.group == group.name and (c.codable or c.segments)]


def resolve_coders(corpus: Corpus, references: Sequence[str]) -> list[CoderInfo]:
    """Coders by name, initials or id; ``consensus`` means the coder named Consensus.

    Raises:
        NotFoundError: an unknown coder, or ``consensus`` when there is no such coder.
    """
    listing = ", ".join(f"{c.name} ({c.initials})" for c in corpus.coders) or "none"
    chosen: list[CoderInfo] = []
    for reference in references:
        key = str(reference).strip().casefold()
        if key == CONSENSUS:
            found = [c for c in corpus.coders if c.name.casefold() in CONSENSUS_NAMES]
            if not found:
                raise NotFoundError(
                    "there is no consensus coder yet (a coder named 'Consensus'); "
                    f"choose one of {listing}"
                )
        else:
            found = [
                c
                for c in corpus.coders
                if key in (str(c.id), c.name.casefold(), c.initials.casefold())
            ]
        if not found:
            raise NotFoundError(
                f"there is no coder {reference!r}; choose one of {listing}, or consensus"
            )
        if len(found) > 1:
            raise InvalidInputError(f"{reference!r} names several coders; use the full name")
        if found[0] not in chosen:
            chosen.append(found[0])
    return chosen


def resolve_attribute(corpus: Corpus, reference: str) -> tuple[int, Text]:
    """An attribute by role (``state``) or by name, with its bilingual name.

    Raises:
        NotFoundError: no such attribute; the message lists roles and names.
    """
    key = reference.strip().casefold()
    if key in ROLES and key in corpus.roles:
        return corpus.roles[key], ROLES[key]
    for attribute in corpus.attributes:
        if attribute.name.casefold() == key:
            role = next((r for r, i in corpus.roles.items() if i == attribute.id), None)
            return attribute.id, ROLES[role] if role in ROLES else same(attribute.name)
    choices = [r for r in ROLES if r in corpus.roles] + [a.name for a in corpus.attributes]
    raise NotFoundError(
        f"there is no document attribute {reference!r}; use one of {', '.join(choices) or 'none'}"
    )


def resolve(corpus: Corpus, filters: Filters, *, default_groups: Sequence[str] = ()) -> Scope:
    """Resolve filters to coder ids, document ids and row codes.

    Args:
        corpus: the project's data.
        filters: what to count.
        default_groups: the row groups when ``filters`` names neither groups nor codes
            (every code when empty).
    """
    described: list[Text] = []
    coder_ids: frozenset[int] | None = None
    if filters.coders:
        coders = resolve_coders(corpus, filters.coders)
        coder_ids = frozenset(c.id for c in coders)
        names = ", ".join(c.name for c in coders)
        described.append(Text(f"coder: {names}", f"codificación de: {names}"))
    documents = {d.id for d in corpus.documents}
    for reference, wanted in filters.attributes:
        attribute_id, name = resolve_attribute(corpus, reference)
        folded = {w.strip().casefold() for w in wanted}
        values = corpus.values(attribute_id)
        documents = {d for d in documents if folded & {v.casefold() for v in values[d]}}
        shown = ", ".join(wanted)
        described.append(Text(f"{name.en}: {shown}", f"{name.es}: {shown}"))
    codes, rows = _row_codes(corpus, filters, default_groups)
    if coder_ids is None:
        described.insert(0, ALL_CODERS)
    return Scope(coder_ids, frozenset(documents), tuple(codes), rows, tuple(described))


def _row_codes(
    corpus: Corpus, filters: Filters, default_groups: Sequence[str]
) -> tuple[list[CodeInfo], Text]:
    groups = filters.groups or (() if filters.codes else tuple(default_groups))
    chosen: list[CodeInfo] = []
    titles: list[Text] = []
    for reference in groups:
        group, title = resolve_group(corpus, reference)
        chosen.extend(c for c in group_codes(corpus, group) if c not in chosen)
        titles.append(title)
    if filters.codes:
        from workbench.codebook.tree import CodeResolver

        with corpus.project.read() as session:
            resolver = CodeResolver(session)
            by_id = corpus.code_by_id
            for reference in filters.codes:
                found = resolver.find(reference)
                if found is None:
                    raise NotFoundError(
                        f"there is no code {reference!r} (name it by path, name or label)"
                    )
                if by_id[found] not in chosen:
                    chosen.append(by_id[found])
        titles.append(Text("Selected codes", "Códigos seleccionados"))
    if not groups and not filters.codes:
        chosen = [c for c in corpus.codes if c.codable or c.segments]
        titles.append(Text("All codes", "Todos los códigos"))
    return chosen, Text(" + ".join(t.en for t in titles), " + ".join(t.es for t in titles))


def code_label(code: CodeInfo, *, short: bool = False) -> str:
    """How a code is shown in a table: its label and name (``1a Children...``).

    Args:
        code: the code.
        short: only the label when it has one (for column headers).
    """
    if short and code.label:
        return code.label
    if code.label and code.label.casefold() != code.name.casefold():
        return f"{code.label} {code.name}"
    return code.name
