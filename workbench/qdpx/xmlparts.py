"""XML pieces shared by exports: a builder, clean text and times, codes, the ``.qdc``."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, SubElement

from workbench.entities import CodeInfo
from workbench.qdpx.fields import ORIGIN, code_description
from workbench.qdpx.gather import ProjectData
from workbench.qdpx.validation import CODEBOOK_NS

#: Characters XML 1.0 cannot carry.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str, counts: Counter[str]) -> str:
    """Text that XML can carry: other control characters become U+FFFD (counted)."""
    cleaned, replaced = _NOT_XML.subn("\ufffd", text)
    if replaced:
        counts["control characters replaced in names, memos and descriptions"] += replaced
    return cleaned


def xml_time(moment: datetime | None) -> str | None:
    """An ``xsd:dateTime`` in UTC with a ``Z``."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Builder:
    """Adds elements with unqualified tags; the root carries the default namespace."""

    def __init__(self, namespace: str, counts: Counter[str]) -> None:
        self.namespace = namespace
        self.counts = counts

    def root(self, tag: str, **attrs: str) -> Element:
        return Element(tag, {"xmlns": self.namespace, **attrs})

    def add(
        self, parent: Element, tag: str, text: str | None = None, **attrs: str | None
    ) -> Element:
        element = SubElement(parent, tag)
        for key, value in attrs.items():
            if value is not None:
                element.set(key, clean(value, self.counts))
        if text is not None:
            element.text = clean(text, self.counts)
        return element

    def code(
        self,
        parent: Element,
        code: CodeInfo,
        tree: dict[int | None, list[CodeInfo]],
        notes: dict[int | None, list[str]] | None,
    ) -> None:
        element = self.add(
            parent,
            "Code",
            guid=code.guid,
            name=code.name,
            isCodable="true" if code.codable else "false",
            color=code.colour,
        )
        description = code_description(
            {
                "definition": code.definition,
                "label": code.label,
                "inclusion": code.inclusion,
                "exclusion": code.exclusion,
                "example": code.example,
            }
        )
        if description:
            self.add(element, "Description", description)
        for note in (notes or {}).get(code.id, []):
            self.add(element, "NoteRef", targetGUID=note)
        for child in tree.get(code.id, []):
            self.code(element, child, tree, notes)


def code_tree(codes: list[CodeInfo]) -> dict[int | None, list[CodeInfo]]:
    """Parent id (None for the top) -> its child codes, in codebook order."""
    tree: dict[int | None, list[CodeInfo]] = defaultdict(list)
    for code in codes:
        tree[code.parent_id].append(code)
    return tree


def codebook_xml(data: ProjectData, counts: Counter[str]) -> Element:
    """A ``CodeBook`` (``.qdc``) with the code tree and the code groups as sets."""
    build = Builder(CODEBOOK_NS, counts)
    root = build.root("CodeBook", origin=ORIGIN)
    codes = build.add(root, "Codes")
    tree = code_tree(data.codes)
    for code in tree.get(None, []):
        build.code(codes, code, tree, None)
    guids = {code.id: code.guid for code in data.codes}
    if data.groups:
        sets = build.add(root, "Sets")
        for group in data.groups:
            element = build.add(sets, "Set", guid=group.guid, name=group.name)
            for code_id in data.group_members.get(group.id, []):
                build.add(element, "MemberCode", guid=guids[code_id])
    return root
