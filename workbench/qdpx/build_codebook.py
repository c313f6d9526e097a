"""Import steps for users (coders), code sets (code groups) and the code tree."""

from __future__ import annotations

import re

from sqlalchemy import select

from db.schema import Code, CodeGroup, Coder
from workbench.codebook.tree import SEPARATOR
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode, CreateCodeGroup, UpdateCode
from workbench.importing import unique_name
from workbench.qdpx.fields import parse_code_description
from workbench.qdpx.model import QCode, QUser
from workbench.qdpx.state import ImportState
from workbench.qdpx.steps import taken_guids

#: What a ``/`` in a code name becomes (``/`` separates the levels of a code path).
SLASH_STANDIN = "\u2215"
_RGB = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _colour(value: str | None) -> str | None:
    if not value or not _RGB.match(value.strip()):
        return None
    digits = value.strip()[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.lower()


def _users(state: ImportState) -> list[QUser]:
    """The file's users, plus any user GUID used but not listed."""
    model = state.model
    users = list(model.users)
    listed = {user.guid for user in users}
    used: list[str | None] = [model.creating_user]
    for source in model.sources:
        used.append(source.user)
        for selection in source.selections:
            used.append(selection.user)
            used.extend(coding.user for coding in selection.codings)
        used.extend(coding.user for coding in source.codings)
    used.extend(note.user for note in model.note_list)
    for guid in dict.fromkeys(g for g in used if g):
        if guid not in listed:
            users.append(QUser(guid, f"User {guid[:8]}"))
            listed.add(guid)
            state.report.decide("users named in the file but not listed became coders 'User …'")
    return users


def build_coders(state: ImportState) -> None:
    """Match each user to a coder by GUID, then by name; add the others."""
    session = state.run.ctx.session
    by_guid: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for ident, guid, name in session.execute(select(Coder.id, Coder.guid, Coder.name)):
        by_guid[guid] = ident
        by_name[name] = ident
    users = _users(state)
    taken = taken_guids(session, Coder, [u.guid for u in users])
    for user in users:
        name = (" ".join(user.name.split()) or user.initials or f"User {user.guid[:8]}")[:200]
        found = by_guid.get(user.guid, by_name.get(name))
        if found is not None:
            state.coders[user.guid] = found
            state.report.matched["coders"] += 1
            continue
        command = AddCoder(name, initials=user.initials.strip() or None)
        step = state.run.run(command)
        assert command.coder_id is not None
        by_name[name] = command.coder_id
        state.coders[user.guid] = command.coder_id
        state.report.imported["coders"] += 1
        if state.claim("coder", user.guid, taken):
            state.run.patch(step, Coder, [{"id": command.coder_id, "guid": user.guid}])


def _build_groups(state: ImportState) -> dict[str, int]:
    """Code sets become code groups; returns code GUID -> group id (its first set)."""
    session = state.run.ctx.session
    report = state.report
    existing = {
        name.casefold(): ident
        for ident, name in session.execute(select(CodeGroup.id, CodeGroup.name))
    }
    code_sets = [s for s in state.model.sets if s.codes or not (s.sources or s.notes)]
    taken = taken_guids(session, CodeGroup, [s.guid for s in code_sets])
    group_of: dict[str, int] = {}
    for code_set in code_sets:
        name = (" ".join(code_set.name.split()) or "Set")[:200]
        group_id = existing.get(name.casefold())
        if group_id is not None:
            report.matched["code_groups"] += 1
        else:
            command = CreateCodeGroup(name)
            step = state.run.run(command)
            assert command.group_id is not None
            group_id = existing[name.casefold()] = command.group_id
            report.imported["code_groups"] += 1
            if state.claim("code_group", code_set.guid, taken):
                state.run.patch(step, CodeGroup, [{"id": group_id, "guid": code_set.guid}])
        if code_set.description.strip():
            report.not_held["set descriptions"] += 1
        for code in code_set.codes:
            if code in group_of:
                report.not_held["memberships of a code in a second code set"] += 1
            else:
                group_of[code] = group_id
    if code_sets:
        report.decide("sets of codes became code groups (a code belongs to one group)")
    return group_of


def _name(state: ImportState, code: QCode) -> str:
    name = " ".join(code.name.replace(SEPARATOR, SLASH_STANDIN).split())[:300] or "Unnamed code"
    if SEPARATOR in code.name:
        state.report.decide(
            f"'/' in code names became '{SLASH_STANDIN}' ('/' separates the levels of a path)"
        )
    return name


def _coded_codes(state: ImportState) -> set[str]:
    coded: set[str] = set()
    for prepared in state.prepared.sources:
        for placed in prepared.selections:
            coded.update(coding.code for coding in placed.selection.codings)
        coded.update(coding.code for coding in prepared.source.codings)
    return coded


def build_codes(state: ImportState) -> None:
    """Create the code tree (parents first), reusing codes the project has by GUID or path."""
    session = state.run.ctx.session
    report = state.report
    group_of = _build_groups(state)
    coded = _coded_codes(state)
    rows = session.execute(select(Code.id, Code.guid, Code.parent_id, Code.name, Code.codable))
    by_guid: dict[str, tuple[int, bool]] = {}
    existing: dict[int | None, dict[str, tuple[int, bool]]] = {}
    for ident, guid, parent_id, name, codable in rows:
        by_guid[guid] = (ident, codable)
        existing.setdefault(parent_id, {})[name.casefold()] = (ident, codable)
    taken = taken_guids(session, Code, [c.guid for c in state.model.all_codes()])
    new_names: dict[int | None, set[str]] = {}
    stack: list[tuple[QCode, int | None]] = [(c, None) for c in reversed(state.model.codes)]
    while stack:
        code, parent_id = stack.pop()
        name = _name(state, code)
        found = by_guid.get(code.guid) or existing.get(parent_id, {}).get(name.casefold())
        if found is not None:
            ident, codable = found
            report.matched["codes"] += 1
            if code.guid in coded and not codable:
                state.run.run(UpdateCode(ident, codable=True))
                report.decide("codes marked not codable but used in codings were made codable")
        else:
            unique = unique_name(name, new_names.setdefault(parent_id, set()))
            new_names[parent_id].add(unique)
            if unique != name:
                report.decide("codes with the same name under one parent were numbered: 'x (2)'")
            ident = _create(state, code, unique, parent_id, group_of.get(code.guid), coded, taken)
        state.codes[code.guid] = ident
        for note in code.notes:
            state.attach_note("code", ident, note)
        stack.extend((child, ident) for child in reversed(code.children))


def _create(
    state: ImportState,
    code: QCode,
    name: str,
    parent_id: int | None,
    group_id: int | None,
    coded: set[str],
    taken: set[str],
) -> int:
    """Create one code; its GUID is kept when no other code has it."""
    used = code.guid in coded
    if state.own:
        values = parse_code_description(code.description)
    else:
        values = {"definition": code.description.strip()}
    if used and not code.codable:
        state.report.decide("codes marked not codable but used in codings were made codable")
    command = CreateCode(
        CodeSpec(
            name=name,
            parent_id=parent_id,
            group_id=group_id,
            label=values.get("label", "")[:50],
            colour=_colour(code.colour),
            codable=code.codable or used,
            definition=values.get("definition", ""),
            inclusion=values.get("inclusion", ""),
            exclusion=values.get("exclusion", ""),
            example=values.get("example", ""),
        )
    )
    step = state.run.run(command)
    assert command.code_id is not None
    state.report.imported["codes"] += 1
    if state.claim("code", code.guid, taken):
        state.run.patch(step, Code, [{"id": command.code_id, "guid": code.guid}])
    return command.code_id
