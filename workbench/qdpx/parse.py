"""Reading a validated ``.qde`` or ``.qdc`` document into :mod:`workbench.qdpx.model` data.

Everything the file holds is either read into the model or counted in
``QProject.unheld`` (pictures, PDF regions, audio and video, graphs...), so that the
import report can list what was left out.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from workbench.qdpx.model import (
    QCase,
    QCode,
    QCoding,
    QLink,
    QNote,
    QProject,
    QSelection,
    QSet,
    QSource,
    QUser,
    QValue,
    QVariable,
    norm_guid,
    parse_time,
)
from workbench.qdpx.validation import CODEBOOK_NS, PROJECT_NS, namespace_of

_VALUE_TAGS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue")
_MEDIA = {"AudioSource": "audio", "VideoSource": "video"}


class _Reader:
    """Reads elements of one namespace."""

    def __init__(self, namespace: str) -> None:
        self.ns = "{" + namespace + "}"

    def all(self, element: Element, tag: str) -> list[Element]:
        return element.findall(self.ns + tag)

    def one(self, element: Element, tag: str) -> Element | None:
        return element.find(self.ns + tag)

    def text(self, element: Element, tag: str) -> str:
        child = self.one(element, tag)
        return (child.text or "") if child is not None else ""

    def refs(self, element: Element, tag: str, attribute: str = "targetGUID") -> list[str]:
        return [norm_guid(child.get(attribute)) for child in self.all(element, tag)]

    def code(self, element: Element, with_notes: bool = True) -> QCode:
        return QCode(
            guid=norm_guid(element.get("guid")),
            name=element.get("name") or "",
            codable=(element.get("isCodable") or "").strip() in ("true", "1"),
            colour=element.get("color"),
            description=self.text(element, "Description"),
            notes=self.refs(element, "NoteRef") if with_notes else [],
            children=[self.code(child, with_notes) for child in self.all(element, "Code")],
        )

    def codes(self, element: Element, with_notes: bool = True) -> list[QCode]:
        holder = self.one(element, "Codes")
        if holder is None:
            return []
        return [self.code(child, with_notes) for child in self.all(holder, "Code")]


def _int(value: str | None) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return -1


def parse_codebook(root: Element) -> QProject:
    """A ``.qdc`` codebook: codes and code sets only."""
    read = _Reader(CODEBOOK_NS)
    project = QProject(name="", origin=root.get("origin") or "", is_codebook=True)
    project.codes = read.codes(root, with_notes=False)
    holder = read.one(root, "Sets")
    for element in read.all(holder, "Set") if holder is not None else []:
        project.sets.append(
            QSet(
                guid=norm_guid(element.get("guid")),
                name=element.get("name") or "",
                description=read.text(element, "Description"),
                codes=read.refs(element, "MemberCode", "guid"),
            )
        )
    return project


def parse_project(root: Element) -> QProject:
    """A ``.qde`` project: everything the workbench can hold, and counts of the rest."""
    if namespace_of(root) == CODEBOOK_NS:
        return parse_codebook(root)
    parser = _ProjectParser()
    return parser.parse(root)


class _ProjectParser:
    def __init__(self) -> None:
        self.read = _Reader(PROJECT_NS)
        self.project = QProject(name="")

    def parse(self, root: Element) -> QProject:
        read, project = self.read, self.project
        project.name = root.get("name") or ""
        project.origin = root.get("origin") or ""
        project.creating_user = norm_guid(root.get("creatingUserGUID")) or None
        project.description = read.text(root, "Description")
        project.notes = read.refs(root, "NoteRef")
        for holder in read.all(root, "Users"):
            for user in read.all(holder, "User"):
                project.users.append(
                    QUser(norm_guid(user.get("guid")), user.get("name") or "", user.get("id") or "")
                )
        book = read.one(root, "CodeBook")
        project.codes = read.codes(book) if book is not None else []
        for holder in read.all(root, "Variables"):
            for variable in read.all(holder, "Variable"):
                project.variables.append(
                    QVariable(
                        guid=norm_guid(variable.get("guid")),
                        name=variable.get("name") or "",
                        type=variable.get("typeOfVariable") or "Text",
                        description=read.text(variable, "Description"),
                    )
                )
        for holder in read.all(root, "Cases"):
            project.cases.extend(self.case(case) for case in read.all(holder, "Case"))
        for holder in read.all(root, "Sources"):
            for source in holder:
                self.source(source)
        for holder in read.all(root, "Notes"):
            project.note_list.extend(self.note(note) for note in read.all(holder, "Note"))
        for holder in read.all(root, "Links"):
            for link in read.all(holder, "Link"):
                project.links.append(
                    QLink(
                        guid=norm_guid(link.get("guid")),
                        name=link.get("name") or "",
                        origin=norm_guid(link.get("originGUID")),
                        target=norm_guid(link.get("targetGUID")),
                        direction=link.get("direction") or "Associative",
                        colour=link.get("color"),
                    )
                )
        for holder in read.all(root, "Sets"):
            project.sets.extend(self.set(element) for element in read.all(holder, "Set"))
        for holder in read.all(root, "Graphs"):
            project.unheld["graphs"] += len(read.all(holder, "Graph"))
        return project

    def values(self, element: Element) -> list[QValue]:
        values: list[QValue] = []
        for value in self.read.all(element, "VariableValue"):
            ref = self.read.one(value, "VariableRef")
            for tag in (*_VALUE_TAGS, "DateTimeValue"):
                found = self.read.one(value, tag)
                if found is not None and ref is not None:
                    kind = tag.removesuffix("Value")
                    values.append(QValue(norm_guid(ref.get("targetGUID")), found.text or "", kind))
        return values

    def case(self, element: Element) -> QCase:
        read = self.read
        return QCase(
            guid=norm_guid(element.get("guid")),
            name=element.get("name") or "",
            description=read.text(element, "Description"),
            values=self.values(element),
            sources=read.refs(element, "SourceRef"),
            selections=read.refs(element, "SelectionRef"),
            codes=read.refs(element, "CodeRef"),
        )

    def note(self, element: Element) -> QNote:
        read = self.read
        content = read.one(element, "PlainTextContent")
        inner = len(read.all(element, "PlainTextSelection"))
        if inner:
            self.project.unheld["selections inside notes"] += inner
        return QNote(
            guid=norm_guid(element.get("guid")),
            name=element.get("name") or "",
            content=(content.text or "") if content is not None else None,
            plain_path=element.get("plainTextPath"),
            description=read.text(element, "Description"),
            user=norm_guid(element.get("creatingUser")) or None,
            created=parse_time(element.get("creationDateTime")),
            modified=parse_time(element.get("modifiedDateTime")),
        )

    def set(self, element: Element) -> QSet:
        read = self.read
        return QSet(
            guid=norm_guid(element.get("guid")),
            name=element.get("name") or "",
            description=read.text(element, "Description"),
            codes=read.refs(element, "MemberCode"),
            sources=read.refs(element, "MemberSource"),
            notes=read.refs(element, "MemberNote"),
        )

    def coding(self, element: Element) -> QCoding:
        ref = self.read.one(element, "CodeRef")
        return QCoding(
            guid=norm_guid(element.get("guid")),
            code=norm_guid(ref.get("targetGUID")) if ref is not None else "",
            user=norm_guid(element.get("creatingUser")) or None,
            created=parse_time(element.get("creationDateTime")),
            notes=self.read.refs(element, "NoteRef"),
        )

    def text_source(self, element: Element, kind: str, name: str | None = None) -> QSource:
        read = self.read
        content = read.one(element, "PlainTextContent")
        source = QSource(
            guid=norm_guid(element.get("guid")),
            name=name or element.get("name") or "",
            kind=kind,
            plain_path=element.get("plainTextPath"),
            content=(content.text or "") if content is not None else None,
            rich_path=element.get("richTextPath"),
            description=read.text(element, "Description"),
            codings=[self.coding(c) for c in read.all(element, "Coding")],
            notes=read.refs(element, "NoteRef"),
            values=self.values(element),
            user=norm_guid(element.get("creatingUser")) or None,
            created=parse_time(element.get("creationDateTime")),
        )
        for selection in read.all(element, "PlainTextSelection"):
            guid = norm_guid(selection.get("guid"))
            self.project.selection_kinds[guid] = "text"
            source.selections.append(
                QSelection(
                    guid=guid,
                    name=selection.get("name") or "",
                    start=_int(selection.get("startPosition")),
                    end=_int(selection.get("endPosition")),
                    user=norm_guid(selection.get("creatingUser")) or None,
                    created=parse_time(selection.get("creationDateTime")),
                    modified=parse_time(selection.get("modifiedDateTime")),
                    description=read.text(selection, "Description"),
                    codings=[self.coding(c) for c in read.all(selection, "Coding")],
                    notes=read.refs(selection, "NoteRef"),
                )
            )
        return source

    def unheld_selections(self, element: Element, tag: str, what: str) -> None:
        selections = self.read.all(element, tag)
        for selection in selections:
            self.project.selection_kinds[norm_guid(selection.get("guid"))] = what
            codings = len(self.read.all(selection, "Coding"))
            if codings:
                self.project.unheld[f"codings of {what} selections"] += codings
        if selections:
            self.project.unheld[f"{what} selections"] += len(selections)

    def source(self, element: Element) -> None:
        read, project = self.read, self.project
        tag = element.tag.removeprefix(read.ns)
        if tag == "TextSource":
            project.sources.append(self.text_source(element, "text"))
            return
        codings = len(read.all(element, "Coding"))
        if tag == "PictureSource":
            project.unheld["picture sources"] += 1
            self.unheld_selections(element, "PictureSelection", "picture")
            if codings:
                project.unheld["codings of whole pictures"] += codings
        elif tag == "PDFSource":
            self.unheld_selections(element, "PDFSelection", "PDF region")
            representation = read.one(element, "Representation")
            if representation is not None:
                project.sources.append(self.text_source(representation, "pdf", element.get("name")))
            else:
                project.unheld["PDF sources without a text representation"] += 1
            if codings:
                project.unheld["codings of whole PDF sources"] += codings
        elif tag in _MEDIA:
            what = _MEDIA[tag]
            project.unheld[f"{what} sources"] += 1
            self.unheld_selections(element, f"{tag.removesuffix('Source')}Selection", what)
            if codings:
                project.unheld[f"codings of whole {what} sources"] += codings
            for transcript in read.all(element, "Transcript"):
                name = transcript.get("name") or f"{element.get('name') or what} (transcript)"
                project.sources.append(self.text_source(transcript, "transcript", name))
                self.unheld_selections(transcript, "TranscriptSelection", "transcript")
