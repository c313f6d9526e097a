"""Segments as CSV: ``document,coder,code,start,end,text,memo``, one row per segment.

``code`` is the code's path with ``/`` between levels; ``start`` and ``end`` are
Unicode code points, 0-based, end exclusive, so ``text`` is ``document[start:end]``.
This long format is shared by every export of codings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from db.schema import Code, Coder, Document, Segment
from workbench.codebook.tree import CodeResolver, all_paths
from workbench.commands.base import Runner
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode
from workbench.commands.segments import AddSegments, NewSegment
from workbench.csvfiles import read_rows, write_rows
from workbench.errors import InvalidInputError, WorkbenchError
from workbench.project import Project

COLUMNS = ("document", "coder", "code", "start", "end", "text", "memo")
#: Unknown codes in an imported file are created under this folder.
IMPORTED_FOLDER = "Imported"


def export_codings(project: Project, path: Path, *, coder_ids: list[int] | None = None) -> int:
    """Write every segment (or those of some coders) to a CSV file.

    Returns:
        The number of segments written.
    """

    def rows() -> Iterator[tuple[object, ...]]:
        with project.read() as session:
            paths = all_paths(session)
            coders = dict(session.execute(select(Coder.id, Coder.name)).all())
            documents = session.execute(
                select(Document.id, Document.name).order_by(Document.position)
            ).all()
            for document in documents:
                text = session.scalar(select(Document.text).where(Document.id == document.id)) or ""
                query = (
                    select(
                        Segment.coder_id, Segment.code_id, Segment.start, Segment.end, Segment.memo
                    )
                    .where(Segment.document_id == document.id)
                    .order_by(Segment.start, Segment.end, Segment.id)
                )
                if coder_ids is not None:
                    query = query.where(Segment.coder_id.in_(coder_ids))
                for coder_id, code_id, start, end, memo in session.execute(query):
                    yield (
                        document.name,
                        coders[coder_id],
                        paths[code_id],
                        start,
                        end,
                        text[start:end],
                        memo,
                    )

    return write_rows(path, COLUMNS, rows())


@dataclass(frozen=True)
class RefusedRow:
    """A line of the file that was not imported, and why."""

    line: int
    reason: str


@dataclass
class CodingsImport:
    """What importing a codings file did."""

    added: int = 0
    duplicates: int = 0
    refused: list[RefusedRow] = field(default_factory=list)
    new_codes: list[str] = field(default_factory=list)
    new_coders: list[str] = field(default_factory=list)


def _int(value: str, what: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidInputError(f"{what} {value!r} is not a whole number") from None


def import_codings(project: Project, path: Path, *, run: Runner | None = None) -> CodingsImport:
    """Read a codings CSV and add its segments in one undoable step.

    Each row is checked: the document must exist, the offsets must lie inside it, and a
    non-empty ``text`` must equal the document's text at those offsets. Refused rows
    are listed with the reason. Unknown codes are created under an "Imported" folder;
    unknown coders are added; an empty coder means the current coder. Rows that repeat
    a segment the project already has are counted as duplicates, not added again.

    ``run`` runs each command (by default ``project.run``); the GUI passes its own, so
    that the commands land on its undo stack.
    """
    run = run or project.run
    _header, rows = read_rows(path, COLUMNS[:5])
    result = CodingsImport()
    with project.read() as session:
        documents = {
            name: (ident, text)
            for ident, name, text in session.execute(
                select(Document.id, Document.name, Document.text)
            )
        }
        folded_documents = {name.casefold(): name for name in documents}
        coders = {
            name.casefold(): ident for ident, name in session.execute(select(Coder.id, Coder.name))
        }
        resolver = CodeResolver(session)
        codable = {ident: flag for ident, flag in session.execute(select(Code.id, Code.codable))}
        existing = {
            (row.document_id, row.code_id, row.coder_id, row.start, row.end)
            for row in session.execute(
                select(
                    Segment.document_id,
                    Segment.code_id,
                    Segment.coder_id,
                    Segment.start,
                    Segment.end,
                )
            )
        }
    accepted: list[tuple[int, str, str, int, int, str, int]] = []
    for row in rows:
        line = int(row["#line"])
        try:
            name = row["document"].strip()
            name = folded_documents.get(name.casefold(), name)
            if name not in documents:
                raise InvalidInputError(f"there is no document named {name!r}")
            document_id, text = documents[name]
            start, end = _int(row["start"], "start"), _int(row["end"], "end")
            if not (0 <= start < end <= len(text)):
                raise InvalidInputError(
                    f"[{start}, {end}) is outside {name!r} ({len(text)} characters)"
                )
            quoted = row.get("text", "")
            if quoted and quoted.replace("\r\n", "\n") != text[start:end]:
                raise InvalidInputError(
                    f"the text does not match {name!r} at [{start}, {end}): "
                    f"the document has {text[start:end][:60]!r}"
                )
            code = row["code"].strip()
            if not code:
                raise InvalidInputError("the code is empty")
            accepted.append(
                (document_id, code, row["coder"].strip(), start, end, row.get("memo", ""), line)
            )
        except WorkbenchError as error:
            result.refused.append(RefusedRow(line, str(error)))
    # Codes and coders the file introduces are created before the segments.
    code_ids: dict[str, int] = {}
    folder_id: int | None = None
    for _document_id, code, *_rest in accepted:
        if code in code_ids:
            continue
        found = resolver.find(code)
        if found is None:
            if folder_id is None:
                folder_id = resolver.find(IMPORTED_FOLDER)
                if folder_id is None:
                    folder = CreateCode(CodeSpec(IMPORTED_FOLDER, codable=False))
                    run(folder)
                    folder_id = folder.code_id
                    assert folder_id is not None
                    resolver.remember(folder_id, None, IMPORTED_FOLDER)
            leaf = code.strip("/").split("/")[-1].strip()
            created = CreateCode(CodeSpec(leaf, parent_id=folder_id))
            run(created)
            assert created.code_id is not None
            resolver.remember(created.code_id, folder_id, leaf)
            codable[created.code_id] = True
            result.new_codes.append(f"{IMPORTED_FOLDER}/{leaf}")
            found = created.code_id
        code_ids[code] = found
    new_segments: list[NewSegment] = []
    seen = set(existing)
    for document_id, code, coder, start, end, memo, line in accepted:
        code_id = code_ids[code]
        if not codable.get(code_id, True):
            result.refused.append(RefusedRow(line, f"{code!r} is a folder, not a code to apply"))
            continue
        if coder:
            if coder.casefold() not in coders:
                added = AddCoder(coder)
                run(added)
                assert added.coder_id is not None
                coders[coder.casefold()] = added.coder_id
                result.new_coders.append(coder)
            coder_id = coders[coder.casefold()]
        elif project.coder_id is not None:
            coder_id = project.coder_id
        else:
            raise InvalidInputError(
                "the file has rows without a coder; choose who is importing (a coder identity)"
            )
        key = (document_id, code_id, coder_id, start, end)
        if key in seen:
            result.duplicates += 1
            continue
        seen.add(key)
        new_segments.append(NewSegment(document_id, code_id, start, end, memo, coder_id))
    if new_segments:
        command = AddSegments(
            new_segments, origin="import", label=f"Import {len(new_segments)} codings"
        )
        run(command)
        result.added = len(new_segments)
    return result
