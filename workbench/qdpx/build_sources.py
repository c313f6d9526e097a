"""Import steps for variables (attributes), sources (documents) and cases."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from db.schema import Attribute, AttributeValue, Case, CaseDocument, Document
from workbench.attributes import normalise_value, parse_choices
from workbench.commands.attributes import CreateAttribute
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.errors import InvalidInputError
from workbench.importing import unique_name
from workbench.language import guess_language
from workbench.qdpx.fields import SET_PREFIX, parse_variable_description
from workbench.qdpx.model import QValue
from workbench.qdpx.state import ImportState, MemoPlan
from workbench.qdpx.steps import InsertRows, Step, taken_guids
from workbench.readers.speakers import find_speaker_turns

_KINDS = {
    "Text": "text",
    "Boolean": "bool",
    "Integer": "number",
    "Float": "number",
    "Date": "date",
    "DateTime": "text",
}
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _scopes(state: ImportState) -> dict[str, list[str]]:
    """Variable GUID -> the scopes it has values in (documents, cases)."""
    scopes: dict[str, list[str]] = {}
    for source in state.model.sources:
        for value in source.values:
            scopes.setdefault(value.variable, [])
            if "document" not in scopes[value.variable]:
                scopes[value.variable].append("document")
    for case in state.model.cases:
        for value in case.values:
            scopes.setdefault(value.variable, [])
            if "case" not in scopes[value.variable]:
                scopes[value.variable].append("case")
    return scopes


def _attribute(
    state: ImportState, name: str, kind: str, scope: str, choices: tuple[str, ...]
) -> tuple[int, Step | None]:
    """The id of the project's attribute of that scope and name, made when missing."""
    session = state.run.ctx.session
    found = session.scalar(
        select(Attribute.id).where(
            Attribute.scope == scope, func.lower(Attribute.name) == name.lower()
        )
    )
    if found is not None:
        state.report.matched["attributes"] += 1
        return found, None
    command = CreateAttribute(name, kind, scope=scope, choices=choices)
    step = state.run.run(command)
    assert command.attribute_id is not None
    state.report.imported["attributes"] += 1
    return command.attribute_id, step


def build_attributes(state: ImportState) -> None:
    """Variables become attributes of documents or cases; sets of sources yes/no attributes."""
    session = state.run.ctx.session
    scopes = _scopes(state)
    taken = taken_guids(session, Attribute, [v.guid for v in state.model.variables])
    for variable in state.model.variables:
        own_scope, choices = (
            parse_variable_description(variable.description) if state.own else (None, ())
        )
        kind = "choice" if choices else _KINDS.get(variable.type, "text")
        if variable.type == "DateTime":
            state.report.decide("DateTime variables became text attributes (ISO date and time)")
        name = (" ".join(variable.name.split()) or "Variable")[:200]
        for scope in scopes.get(variable.guid) or [own_scope or "document"]:
            ident, step = _attribute(state, name, kind, scope, choices)
            state.attributes[(variable.guid, scope)] = ident
            if step is not None and state.claim("attribute", variable.guid, taken):
                state.run.patch(step, Attribute, [{"id": ident, "guid": variable.guid}])
    for source_set in state.model.sets:
        if source_set.sources:
            name = (SET_PREFIX + " ".join(source_set.name.split()))[:200]
            ident, _ = _attribute(state, name, "bool", "document", ())
            state.set_attributes[source_set.guid] = ident
            state.report.decide(
                f"sets of sources became yes/no document attributes named '{SET_PREFIX}<set>'"
            )
        if source_set.notes:
            state.report.not_held["notes in sets"] += len(source_set.notes)


def _value(state: ImportState, attribute_id: int, value: QValue, owner: str) -> str | None:
    """A value checked against its attribute, or None (reported) when it does not fit."""
    attribute = state.run.ctx.session.get(Attribute, attribute_id)
    assert attribute is not None
    raw = value.value.strip()
    if attribute.kind == "date" and _DATE.match(raw):
        raw = raw[:10]
    if not raw:
        return None
    try:
        return normalise_value(
            attribute.name, attribute.kind, parse_choices(attribute.choices), raw
        )
    except InvalidInputError as error:
        state.report.skip("value", f"{owner}: {attribute.name}", str(error))
        return None


def build_documents(state: ImportState) -> None:
    """Import every prepared source as a document, in one core import step."""
    session = state.run.ctx.session
    names = set(session.scalars(select(Document.name)))
    sources = state.prepared.sources
    existing = taken_guids(session, Document, [p.source.guid for p in sources])
    if existing:
        state.present = {
            guid: ident
            for guid, ident in session.execute(
                select(Document.guid, Document.id).where(Document.guid.in_(existing))
            )
        }
    in_sets: dict[str, list[int]] = {}
    for source_set in state.model.sets:
        if source_set.guid in state.set_attributes:
            for member in source_set.sources:
                in_sets.setdefault(member, []).append(state.set_attributes[source_set.guid])
    documents: list[NewDocument] = []
    kept = []
    for prepared in sources:
        source = prepared.source
        if source.guid in existing:
            state.report.skip("source", prepared.name, "it is in the project already (same GUID)")
            continue
        name = unique_name(prepared.name, names)
        names.add(name)
        values: dict[int, str] = {}
        for value in source.values:
            attribute_id = state.attributes.get((value.variable, "document"))
            checked = _value(state, attribute_id, value, name) if attribute_id else None
            if attribute_id is not None and checked is not None:
                values[attribute_id] = checked
        for attribute_id in in_sets.get(source.guid, []):
            values[attribute_id] = "yes"
        documents.append(
            NewDocument(
                name=name,
                text=prepared.text,
                source_format="qdpx",
                sha256=prepared.sha256,
                encoding=prepared.encoding,
                language=guess_language(prepared.text),
                turns=tuple((t.start, t.end, t.speaker) for t in find_speaker_turns(prepared.text)),
                attributes=values,
            )
        )
        kept.append(prepared)
        state.report.imported["attribute_values"] += len(values)
    if not documents:
        return
    command = ImportDocuments(documents)
    step = state.run.run(command)
    state.report.imported["documents"] += len(documents)
    patches = []
    for prepared, document_id in zip(kept, command.document_ids, strict=True):
        state.documents[prepared.source.guid] = document_id
        if state.claim("document", prepared.source.guid, existing):
            patches.append({"id": document_id, "guid": prepared.source.guid})
        for note in prepared.source.notes:
            state.attach_note("document", document_id, note)
        if prepared.source.description.strip():
            state.memos.append(
                MemoPlan("document", document_id, "Description", prepared.source.description)
            )
    state.run.patch(step, Document, patches)


def build_cases(state: ImportState) -> None:
    """Cases with their descriptions, documents and variable values.

    A case the project has already (same GUID, or same name) is reused.
    """
    session = state.run.ctx.session
    by_guid = {g: i for g, i in session.execute(select(Case.guid, Case.id))}
    by_name = {n.casefold(): i for n, i in session.execute(select(Case.name, Case.id))}
    names = set(session.scalars(select(Case.name)))
    taken = set(by_guid)
    new_rows: list[tuple[str, dict[str, str]]] = []
    for case in state.model.cases:
        name = (" ".join(case.name.split()) or f"Case {case.guid[:8]}")[:300]
        found = by_guid.get(case.guid) or by_name.get(name.casefold())
        if found is not None:
            state.cases[case.guid] = found
            state.report.matched["cases"] += 1
            continue
        unique = unique_name(name, names)
        names.add(unique)
        row = {"name": unique, "description": case.description}
        if state.claim("case", case.guid, taken):
            row["guid"] = case.guid
        new_rows.append((case.guid, row))
    if new_rows:
        insert = InsertRows(Case, [row for _, row in new_rows], "case")
        state.run.run(insert)
        for (guid, _), ident in zip(new_rows, insert.ids(), strict=True):
            state.cases[guid] = ident
        state.report.imported["cases"] += len(new_rows)
    _case_links(state, state.cases)


def _case_links(state: ImportState, ids: dict[str, int]) -> None:
    session = state.run.ctx.session
    report = state.report
    linked = {
        (c, d) for c, d in session.execute(select(CaseDocument.case_id, CaseDocument.document_id))
    }
    valued = {
        (c, a)
        for c, a in session.execute(
            select(AttributeValue.case_id, AttributeValue.attribute_id).where(
                AttributeValue.case_id.is_not(None)
            )
        )
    }
    links, values = [], []
    for case in state.model.cases:
        case_id = ids[case.guid]
        for source in case.sources:
            document_id = state.documents.get(source) or state.present.get(source)
            if document_id is None:
                report.skip("case link", case.name, "its source was not imported")
            elif (case_id, document_id) not in linked:
                linked.add((case_id, document_id))
                links.append({"case_id": case_id, "document_id": document_id})
        for value in case.values:
            attribute_id = state.attributes.get((value.variable, "case"))
            if attribute_id is None or (case_id, attribute_id) in valued:
                continue
            checked = _value(state, attribute_id, value, case.name)
            if checked is not None:
                valued.add((case_id, attribute_id))
                values.append({"attribute_id": attribute_id, "case_id": case_id, "value": checked})
        report.not_held["case links to selections"] += len(case.selections)
        report.not_held["case links to codes"] += len(case.codes)
    if links:
        state.run.run(InsertRows(CaseDocument, links, "case"))
        report.imported["case_documents"] += len(links)
    if values:
        state.run.run(InsertRows(AttributeValue, values, "attribute_value"))
        report.imported["attribute_values"] += len(values)
    for key in ("case links to selections", "case links to codes"):
        if not report.not_held[key]:
            del report.not_held[key]
