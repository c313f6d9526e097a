"""Merging codes: what a coder added or changed comes in as proposals the lead decides.

A code is matched by GUID. A GUID the master does not know is a new code; the same
GUID with another name, label, definition, rules, example, colour, codability or
parent is a changed code, but only in the fields the coder changed (the assignment
file fingerprints every field as handed out, so a field the lead changed since is not
mistaken for the coder's proposal). By default new codes are accepted and changes
refused; :class:`CodeChoice` says otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from db.schema import Code
from workbench.errors import InvalidInputError
from workbench.team import keys
from workbench.team.report import CodeProposal, FieldChange
from workbench.team.state import FileMerge

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class CodeChoice:
    """Which code proposals the lead accepts.

    Attributes:
        mode: ``default`` (new codes accepted; changes, and codes the master deleted
            since the assignment, refused), ``all``, ``none``, or
            ``listed`` (exactly the codes in ``guids``).
        guids: the accepted codes' GUIDs (lower case) when ``mode`` is ``listed``.
    """

    mode: Literal["default", "all", "none", "listed"] = "default"
    guids: frozenset[str] = frozenset()

    def accepts(self, kind: str, guid: str) -> bool:
        """Whether a proposal of a kind (``new``, ``changed``, ``restore``) for a code is taken."""
        if self.mode == "all":
            return True
        if self.mode == "none":
            return False
        if self.mode == "listed":
            return guid.lower() in self.guids
        return kind == "new"

    @classmethod
    def listed(cls, guids: set[str] | frozenset[str] | list[str]) -> CodeChoice:
        """Accept exactly these codes' proposals."""
        return cls("listed", frozenset(g.lower() for g in guids))

    @classmethod
    def parse(cls, text: str | None) -> CodeChoice:
        """Read ``all``, ``none``, ``default`` or GUIDs separated by commas.

        Raises:
            InvalidInputError: a listed value is not a GUID.
        """
        if text is None or not text.strip() or text.strip().lower() == "default":
            return cls()
        word = text.strip().lower()
        if word in ("all", "none"):
            return cls("all" if word == "all" else "none")
        guids = [part.strip() for part in text.split(",") if part.strip()]
        wrong = [g for g in guids if not _GUID.match(g)]
        if wrong:
            raise InvalidInputError(
                "accept codes with all, none, or code GUIDs separated by commas; "
                f"{wrong[0]!r} is not a GUID (merge --dry-run --json lists the proposals' GUIDs)"
            )
        return cls.listed(guids)


def clash_names(name: str, coder: str) -> list[str]:
    """The names a new code takes when its own is taken at its level, in order."""
    base = f"{name} ({coder})"
    return [base, *(f"{name} ({coder} {n})" for n in range(2, 100))]


def _shown(merge: FileMerge, name: str, value: Any, master: bool) -> Any:
    if name != "parent":
        return value
    if value is None:
        return None
    if master:
        row = merge.index.codes.get(value)
        return merge.index.code_path(row["id"]) if row else value
    return merge.returned.code_path(value)


def _changed_fields(merge: FileMerge, guid: str, code: dict[str, Any]) -> list[FieldChange]:
    master = merge.index.codes[guid]
    ours = keys.code_fields(master, merge.index.code_guid.get(master["parent_id"]))
    theirs = keys.code_fields(code, code["parent_guid"])
    handed = merge.returned.handed_codes.get(guid)
    changes = []
    for name in keys.CODE_FIELDS:
        if theirs[name] == ours[name]:
            continue
        if handed is not None and handed.get(name) == keys.fingerprint(theirs[name]):
            continue  # the coder left it as handed out; the master changed it since
        if (
            name == "name"
            and handed is None
            and ours["name"] in clash_names(theirs["name"], merge.returned.coder_name)
        ):
            continue  # the coder's new code came in under another name earlier
        changes.append(
            FieldChange(
                name,
                _shown(merge, name, ours[name], True),
                _shown(merge, name, theirs[name], False),
            )
        )
    return changes


def _parent_id(merge: FileMerge, parent_guid: str | None) -> tuple[bool, int | None]:
    if parent_guid is None:
        return True, None
    if parent_guid in merge.code_ids:
        return True, merge.code_ids[parent_guid]
    return False, None


def _add(merge: FileMerge, guid: str, code: dict[str, Any]) -> tuple[bool, str]:
    index = merge.index
    found, parent_id = _parent_id(merge, code["parent_guid"])
    if not found:
        parent = merge.returned.code_path(code["parent_guid"])
        return False, f"not added: its parent {parent!r} was not taken"
    name: str = code["name"]
    note = ""
    taken = index.sibling_names(parent_id)
    if name.casefold() in taken:
        name = next(
            n
            for n in clash_names(code["name"], merge.returned.coder_name)
            if n.casefold() not in taken
        )
        note = f"added as {name!r}: the master has a code named {code['name']!r} at that level"
    parent_row = index.code_by_id(parent_id)
    group_id = index.groups.get(code["group_guid"] or "")
    if group_id is None and parent_row is not None:
        group_id = parent_row["group_id"]
    row = {
        "guid": guid,
        "parent_id": parent_id,
        "group_id": group_id,
        "label": code["label"],
        "name": name,
        "definition": code["definition"],
        "inclusion": code["inclusion"],
        "exclusion": code["exclusion"],
        "example": code["example"],
        "colour": code["colour"],
        "codable": code["codable"],
        "position": len(index.sibling_names(parent_id)),
        "version": 1,
    }
    [ident] = merge.journal.insert(merge.session, Code, [row])
    index.add_code({**row, "id": ident})
    merge.code_ids[guid] = ident
    return True, note


def _change(
    merge: FileMerge, guid: str, code: dict[str, Any], changes: list[FieldChange]
) -> tuple[bool, str]:
    index = merge.index
    before = index.codes[guid]
    after = dict(before)
    fields = {change.field for change in changes}
    if "parent" in fields:
        found, parent_id = _parent_id(merge, code["parent_guid"])
        if not found:
            parent = merge.returned.code_path(code["parent_guid"])
            return False, f"not changed: its new parent {parent!r} is not in the master"
        if parent_id is not None and index.is_below(parent_id, before["id"]):
            return False, "not changed: it would move under itself"
        after["parent_id"] = parent_id
    for name in fields - {"parent"}:
        after[name] = code[name]
    if ("name" in fields or "parent" in fields) and after["name"].casefold() in (
        index.sibling_names(after["parent_id"], before["id"])
    ):
        return False, f"not changed: the master has a code named {after['name']!r} at that level"
    after["version"] = before["version"] + 1
    merge.journal.update(merge.session, Code, [before], [after])
    index.add_code(after)
    return True, ""


def merge_codes(merge: FileMerge, choice: CodeChoice) -> None:
    """Match the returned file's codes with the master's; decide and apply proposals."""
    returned, index, report = merge.returned, merge.index, merge.report
    used = Counter(segment["code_guid"] for segment in returned.segments.values())
    for guid, code in returned.codes.items():
        if guid in index.codes:
            merge.code_ids[guid] = index.codes[guid]["id"]
            changes = _changed_fields(merge, guid, code)
            if not changes:
                report.count("codes", "unchanged")
                continue
            kind: Literal["new", "changed", "restore"] = "changed"
        else:
            changes = []
            kind = "restore" if guid in returned.handed_codes else "new"
        accepted = choice.accepts(kind, guid)
        applied, note = False, ""
        if accepted:
            if kind == "changed":
                applied, note = _change(merge, guid, code, changes)
            else:
                applied, note = _add(merge, guid, code)
        elif kind == "changed":
            note = "refused: the master keeps its values"
        else:
            note = "refused: the segments coded with it are kept aside"
        if kind == "restore":
            note = "deleted in the master since the assignment; " + (note or "brought back")
        if not applied and kind != "changed":
            merge.not_taken.setdefault(
                guid, f"the code {returned.code_path(guid)!r} was not taken ({note})"
            )
        if applied:
            outcome = "updated" if kind == "changed" else "added"
            report.count("codes", outcome, guid, code["name"])
        elif kind == "changed":
            report.count("codes", "unchanged")
        report.proposals.append(
            CodeProposal(
                guid=guid,
                kind=kind,
                name=code["name"],
                path=returned.code_path(guid),
                changes=tuple(changes),
                accepted=accepted,
                applied=applied,
                note=note,
                segments=used.get(guid, 0),
            )
        )
    for guid in returned.handed_codes.keys() - returned.codes.keys():
        if guid in index.codes:
            row = index.codes[guid]
            merge.conflict(
                "code",
                guid,
                index.code_path(row["id"]),
                "deleted in the returned file; kept in the master (delete it there if you agree)",
            )
