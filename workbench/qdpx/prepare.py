"""Reading the texts of a REFI-QDA file and placing its selections, before anything is stored.

This step touches no database: it reads source and note texts from the archive, decodes
them, picks each source's position convention and converts its selections, recording in
the report what cannot be read or placed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from workbench.qdpx.archive import Exchange
from workbench.qdpx.model import QProject, QSelection, QSource
from workbench.qdpx.positions import (
    Convention,
    PositionMap,
    choose_convention,
    place,
    stored_text,
    tool_convention,
)
from workbench.qdpx.report import ImportReport, Misfit
from workbench.readers.model import ReaderError
from workbench.readers.text import decode_text

_NAME_LIMIT = 500


@dataclass(frozen=True)
class PlacedSelection:
    """A selection with its offsets in the stored text."""

    selection: QSelection
    start: int
    end: int


@dataclass
class PreparedSource:
    """A source whose text was read and whose selections were placed."""

    source: QSource
    name: str
    text: str
    sha256: str
    encoding: str | None
    convention: Convention
    selections: list[PlacedSelection] = field(default_factory=list)


@dataclass
class Prepared:
    """Everything read from the file's texts."""

    sources: list[PreparedSource] = field(default_factory=list)
    note_texts: dict[str, str] = field(default_factory=dict)


def _read_text(
    uri: str | None, inline: str | None, exchange: Exchange | None
) -> tuple[str, bytes, str | None] | str:
    """``(raw text, bytes, encoding)`` of inline content or an archive file, or why not."""
    if inline is not None:
        return inline, inline.encode("utf-8"), None
    if not uri:
        return "it has no plain text"
    if not uri.casefold().startswith("internal://"):
        return f"its text is a file outside the archive ({uri})"
    data = exchange.read_source(uri) if exchange is not None else None
    if data is None:
        return f"the archive has no file {uri.split('://', 1)[1]} for its text"
    try:
        raw, encoding = decode_text(data, Path(uri.split("://", 1)[1]))
    except ReaderError as error:
        return f"its text file cannot be read: {error.reason}"
    return raw, data, encoding


def _document_name(source: QSource) -> str:
    name = " ".join(source.name.split())
    if not name and source.plain_path:
        name = PurePosixPath(source.plain_path.split("://", 1)[-1]).stem
    return (name or f"Source {source.guid[:8]}")[:_NAME_LIMIT]


def _place_selections(
    prepared: PreparedSource, raw: str, report: ImportReport, origin: str
) -> None:
    source = prepared.source
    mapping = PositionMap(raw, prepared.convention)
    for selection in source.selections:
        if not selection.codings:
            report.skip(
                "selection",
                selection.name or selection.guid,
                "it has no code (the workbench keeps coded passages only)",
            )
            continue
        placed = place(prepared.text, mapping, selection.start, selection.end, selection.name)
        if placed is None:
            report.skip(
                "selection",
                selection.name or selection.guid,
                f"[{selection.start}, {selection.end}) is empty or outside the text "
                f"({mapping.length} positions) of {prepared.name!r}",
            )
            report.not_held["codings of selections that could not be placed"] += len(
                selection.codings
            )
            continue
        if placed.problem:
            report.misfits.append(
                Misfit(
                    document=prepared.name,
                    selection=selection.guid,
                    start=placed.start,
                    end=placed.end,
                    text=prepared.text[placed.start : placed.end][:80],
                    problem=placed.problem,
                )
            )
        prepared.selections.append(PlacedSelection(selection, placed.start, placed.end))
    if not prepared.selections:
        return
    described = prepared.convention.describe(raw)
    if prepared.convention.describe(raw) != tool_convention(origin).describe(raw):
        described += " (this fits its selections better than the exporting tool's own way)"
    report.positions[prepared.name] = described


def prepare(project: QProject, exchange: Exchange | None, report: ImportReport) -> Prepared:
    """Read every text source and note, and place the selections.

    Args:
        project: the parsed file.
        exchange: the open archive (None for a bare ``.qde`` or ``.qdc``).
        report: where skipped sources and doubtful placements are recorded.
    """
    prepared = Prepared()
    seen_paths: dict[str, str] = {}
    for source in project.sources:
        name = _document_name(source)
        key = (source.plain_path or "").casefold()
        if key and key in seen_paths:
            if source.selections or source.codings:
                report.skip("source", name, f"its text is that of {seen_paths[key]!r}")
            else:
                report.decide(
                    f"{name!r} shares its text file with {seen_paths[key]!r}; imported once"
                )
            continue
        read = _read_text(source.plain_path, source.content, exchange)
        if isinstance(read, str):
            report.skip("source", name, read)
            codings = len(source.codings) + sum(len(s.codings) for s in source.selections)
            if codings:
                report.not_held["codings of sources whose text is missing"] += codings
            continue
        raw, data, encoding = read
        if key:
            seen_paths[key] = name
        triples = [(s.start, s.end, s.name) for s in source.selections if s.codings]
        convention = choose_convention(raw, project.origin, triples)
        item = PreparedSource(
            source=source,
            name=name,
            text=stored_text(raw),
            sha256=hashlib.sha256(data).hexdigest(),
            encoding=encoding,
            convention=convention,
        )
        if source.selections:
            _place_selections(item, raw, report, project.origin)
        prepared.sources.append(item)
    for note in project.note_list:
        read = _read_text(note.plain_path, note.content, exchange)
        if isinstance(read, str):
            if note.plain_path or note.content is not None:
                report.skip("note text", note.name or note.guid, read)
            prepared.note_texts[note.guid] = ""
        else:
            prepared.note_texts[note.guid] = stored_text(read[0])
    return prepared
