"""Code paths (``Outcome domain/Outcome``) and looking codes up by path, name or label."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.schema import Code
from workbench.errors import InvalidInputError, NotFoundError

#: Separates the levels of a code path.
SEPARATOR = "/"


def check_code_name(name: str) -> str:
    """Return a code name trimmed, or raise when it is empty or holds the path separator."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("a code needs a name")
    if SEPARATOR in name:
        raise InvalidInputError(
            f"a code name cannot contain {SEPARATOR!r} (it separates levels): {name!r}"
        )
    return name


def paths_by_id(parents: Mapping[int, int | None], names: Mapping[int, str]) -> dict[int, str]:
    """The path of every code, from each code's parent and name."""
    paths: dict[int, str] = {}

    def path(code_id: int, depth: int = 0) -> str:
        if code_id in paths:
            return paths[code_id]
        if depth > 1000:
            raise InvalidInputError("the codebook has a cycle")
        parent = parents[code_id]
        own = names[code_id]
        result = own if parent is None else path(parent, depth + 1) + SEPARATOR + own
        paths[code_id] = result
        return result

    for code_id in names:
        path(code_id)
    return paths


def all_paths(session: Session) -> dict[int, str]:
    """The path of every code in the project."""
    rows = session.execute(select(Code.id, Code.parent_id, Code.name)).all()
    return paths_by_id({r.id: r.parent_id for r in rows}, {r.id: r.name for r in rows})


class CodeResolver:
    """Finds codes by path, then by unique name, then by unique label."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(Code.id, Code.parent_id, Code.name, Code.label)).all()
        self.paths = paths_by_id({r.id: r.parent_id for r in rows}, {r.id: r.name for r in rows})
        self._by_path = {path.casefold(): code_id for code_id, path in self.paths.items()}
        self._by_name: dict[str, list[int]] = {}
        self._by_label: dict[str, list[int]] = {}
        for r in rows:
            self._by_name.setdefault(r.name.casefold(), []).append(r.id)
            if r.label:
                self._by_label.setdefault(r.label.casefold(), []).append(r.id)

    def find(self, reference: str) -> int | None:
        """The code's id, or None when nothing matches.

        Raises:
            InvalidInputError: the reference is a name or label shared by several codes.
        """
        key = reference.strip().strip(SEPARATOR).casefold()
        if key in self._by_path:
            return self._by_path[key]
        for table, what in ((self._by_name, "name"), (self._by_label, "label")):
            found = table.get(key, [])
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                choices = ", ".join(sorted(self.paths[i] for i in found))
                raise InvalidInputError(
                    f"{reference!r} is the {what} of several codes ({choices}); give the full path"
                )
        return None

    def get(self, reference: str) -> int:
        """The code's id; raise :class:`NotFoundError` when nothing matches."""
        found = self.find(reference)
        if found is None:
            raise NotFoundError(f"there is no code {reference!r} (by path, name or label)")
        return found

    def remember(self, code_id: int, parent_id: int | None, name: str, label: str = "") -> None:
        """Add a code created after the resolver was built."""
        parent_path = self.paths[parent_id] + SEPARATOR if parent_id is not None else ""
        self.paths[code_id] = parent_path + name
        self._by_path[self.paths[code_id].casefold()] = code_id
        self._by_name.setdefault(name.casefold(), []).append(code_id)
        if label:
            self._by_label.setdefault(label.casefold(), []).append(code_id)
