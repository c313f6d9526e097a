"""Building the ``project.qde`` of an export, in the schema's element order."""

from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

from workbench.entities import AttributeInfo, MemoInfo, SegmentInfo
from workbench.qdpx.fields import ORIGIN, SET_PREFIX, variable_description
from workbench.qdpx.gather import ProjectData
from workbench.qdpx.validation import PROJECT_NS
from workbench.qdpx.xmlparts import Builder, code_tree, xml_time

_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EXCERPT = 100
#: Namespace for the GUIDs of selections, derived from their segment's GUID.
_SELECTIONS = uuid.UUID("6f1c1f0e-2d8a-4c55-9a51-3c7a8f2b9d10")


def _variable_type(attribute: AttributeInfo, values: list[str]) -> str:
    if attribute.kind == "bool":
        return "Boolean"
    if attribute.kind == "date":
        return "Date"
    if attribute.kind == "number":
        return "Integer" if all(_INTEGER.match(v) for v in values) else "Float"
    return "Text"


def _value_element(kind: str, value: str) -> tuple[str, str]:
    if kind == "Boolean":
        return "BooleanValue", "true" if value == "yes" else "false"
    if kind == "Integer" and _INTEGER.match(value):
        return "IntegerValue", value
    if kind == "Float" and _DECIMAL.match(value):
        return "FloatValue", value
    if kind == "Date" and _DATE.match(value):
        return "DateValue", value
    return "TextValue", value


class ProjectXml:
    """Builds a ``Project`` element from :class:`ProjectData`."""

    def __init__(self, data: ProjectData, counts: Counter[str]) -> None:
        self.data = data
        self.build = Builder(PROJECT_NS, counts)
        self.coders = {coder.id: coder.guid for coder in data.coders}
        self.codes = {code.id: code.guid for code in data.codes}
        self.set_attributes = {
            a.id: a
            for a in data.attributes
            if a.scope == "document" and a.kind == "bool" and a.name.startswith(SET_PREFIX)
        }
        self.variables = [a for a in data.attributes if a.id not in self.set_attributes]
        self.types: dict[int, str] = {}
        self.memo_refs: dict[tuple[str, int | None], list[str]] = defaultdict(list)
        for memo in data.memos:
            self.memo_refs[(memo.target_kind, memo.target_id)].append(memo.guid)

    def element(self) -> Element:
        """The whole ``Project`` element."""
        data, build = self.data, self.build
        creator = self.coders.get(data.current_coder) if data.current_coder else None
        root = build.root("Project", name=data.name or "Project", origin=ORIGIN)
        if creator:
            root.set("creatingUserGUID", creator)
        for key, value in (
            ("creationDateTime", data.created),
            ("modifiedDateTime", datetime.now(UTC)),
        ):
            stamp = xml_time(value)
            if stamp:
                root.set(key, stamp)
        if data.coders:
            users = build.add(root, "Users")
            for coder in data.coders:
                build.add(users, "User", guid=coder.guid, name=coder.name, id=coder.initials)
        if data.codes:
            codes = build.add(build.add(root, "CodeBook"), "Codes")
            tree = code_tree(data.codes)
            notes = {key[1]: refs for key, refs in self.memo_refs.items() if key[0] == "code"}
            for code in tree.get(None, []):
                build.code(codes, code, tree, notes)
        self._variables(root)
        self._cases(root)
        self._sources(root)
        self._notes(root)
        self._sets(root)
        for ref in self.memo_refs.get(("project", None), []):
            build.add(root, "NoteRef", targetGUID=ref)
        return root

    def _variables(self, root: Element) -> None:
        if not self.variables:
            return
        holder = self.build.add(root, "Variables")
        for attribute in self.variables:
            values = [
                owned[attribute.id] for owned in self.data.values.values() if attribute.id in owned
            ]
            kind = _variable_type(attribute, values)
            self.types[attribute.id] = kind
            element = self.build.add(
                holder, "Variable", guid=attribute.guid, name=attribute.name, typeOfVariable=kind
            )
            description = variable_description(attribute.scope, attribute.choices)
            if description:
                self.build.add(element, "Description", description)

    def _values(self, parent: Element, owner: tuple[str, int]) -> None:
        for attribute in self.variables:
            value = self.data.values.get(owner, {}).get(attribute.id)
            if value is None or attribute.scope != owner[0]:
                continue
            element = self.build.add(parent, "VariableValue")
            self.build.add(element, "VariableRef", targetGUID=attribute.guid)
            tag, text = _value_element(self.types[attribute.id], value)
            self.build.add(element, tag, text)

    def _cases(self, root: Element) -> None:
        if not self.data.cases:
            return
        holder = self.build.add(root, "Cases")
        documents = {document.id: document.guid for document in self.data.documents}
        for case in self.data.cases:
            element = self.build.add(holder, "Case", guid=case.guid, name=case.name)
            if case.description:
                self.build.add(element, "Description", case.description)
            self._values(element, ("case", case.id))
            for document_id in case.documents:
                self.build.add(element, "SourceRef", targetGUID=documents[document_id])

    def _sources(self, root: Element) -> None:
        if not self.data.documents:
            return
        build = self.build
        holder = build.add(root, "Sources")
        by_document: dict[int, list[SegmentInfo]] = defaultdict(list)
        for segment in self.data.segments:
            by_document[segment.document_id].append(segment)
        for document in self.data.documents:
            element = build.add(
                holder,
                "TextSource",
                guid=document.guid,
                name=document.name,
                plainTextPath=f"internal://{document.guid}.txt",
                creatingUser=self.coders.get(document.imported_by or 0),
                creationDateTime=xml_time(document.imported_at),
            )
            for segment in by_document.get(document.id, []):
                excerpt = " ".join(document.text[segment.start : segment.end].split())
                if len(excerpt) > _EXCERPT:
                    excerpt = excerpt[:_EXCERPT].rstrip() + "…"
                selection = build.add(
                    element,
                    "PlainTextSelection",
                    guid=str(uuid.uuid5(_SELECTIONS, segment.guid)),
                    name=excerpt,
                    startPosition=str(segment.start),
                    endPosition=str(segment.end),
                    creatingUser=self.coders.get(segment.coder_id),
                    creationDateTime=xml_time(segment.created_at),
                )
                if segment.memo:
                    build.add(selection, "Description", segment.memo)
                coding = build.add(
                    selection,
                    "Coding",
                    guid=segment.guid,
                    creatingUser=self.coders.get(segment.coder_id),
                    creationDateTime=xml_time(segment.created_at),
                )
                build.add(coding, "CodeRef", targetGUID=self.codes[segment.code_id])
            for ref in self.memo_refs.get(("document", document.id), []):
                build.add(element, "NoteRef", targetGUID=ref)
            self._values(element, ("document", document.id))

    def _notes(self, root: Element) -> None:
        memos: list[MemoInfo] = self.data.memos
        holder = self.build.add(root, "Notes") if memos else None
        for memo in memos:
            assert holder is not None
            element = self.build.add(
                holder,
                "Note",
                guid=memo.guid,
                name=memo.title or None,
                creatingUser=self.coders.get(memo.author_id or 0),
                modifiedDateTime=xml_time(memo.updated_at),
            )
            self.build.add(element, "PlainTextContent", memo.text)
        case_guids = {case.id: case.guid for case in self.data.cases}
        case_memos = [m for m in memos if m.target_kind == "case" and m.target_id in case_guids]
        code_links = [
            link
            for link in self.data.links
            if link.origin_id in self.codes and link.target_id in self.codes
        ]
        if case_memos or code_links:
            links = self.build.add(root, "Links")
            for link in code_links:
                self.build.add(
                    links,
                    "Link",
                    guid=link.guid,
                    name=link.name or None,
                    direction=link.direction,
                    color=link.colour,
                    originGUID=self.codes[link.origin_id],
                    targetGUID=self.codes[link.target_id],
                )
            for memo in case_memos:
                self.build.add(
                    links,
                    "Link",
                    guid=str(uuid.uuid5(_SELECTIONS, memo.guid + ":link")),
                    name="Memo",
                    direction="OneWay",
                    originGUID=memo.guid,
                    targetGUID=case_guids[memo.target_id or 0],
                )

    def _sets(self, root: Element) -> None:
        data = self.data
        if not data.groups and not self.set_attributes:
            return
        holder = self.build.add(root, "Sets")
        for group in data.groups:
            element = self.build.add(holder, "Set", guid=group.guid, name=group.name)
            for code_id in data.group_members.get(group.id, []):
                self.build.add(element, "MemberCode", targetGUID=self.codes[code_id])
        for attribute in self.set_attributes.values():
            element = self.build.add(
                holder, "Set", guid=attribute.guid, name=attribute.name.removeprefix(SET_PREFIX)
            )
            for document in data.documents:
                if data.values.get(("document", document.id), {}).get(attribute.id) == "yes":
                    self.build.add(element, "MemberSource", targetGUID=document.guid)
