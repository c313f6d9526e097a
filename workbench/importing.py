"""Importing transcript files into a project: many files, one undoable step.

Files are read first (outside any transaction, reporting progress); each file that
cannot be read is reported by name with the reason, and the rest are stored in one
transaction, so nothing half-written stays in the project.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from db.schema import Document
from workbench.commands.attributes import CreateAttribute
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.errors import InvalidInputError
from workbench.language import guess_language
from workbench.project import Project
from workbench.readers import SUPPORTED_EXTENSIONS, ReaderError, read_file

#: ``progress(done, total, current_file_name)``; return False to cancel.
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True)
class ImportProblem:
    """A file that was not imported, and why."""

    path: Path
    reason: str


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        imported: (file, new document id) for each document stored.
        duplicates: (file, name of the document that already has the same content).
        problems: files that could not be read.
        warnings: (file, message) worth a look but not fatal.
        cancelled: the user cancelled; nothing was stored.
        sources: the files read into documents, in the order of the import command.
    """

    imported: list[tuple[Path, int]] = field(default_factory=list)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    sources: list[Path] = field(default_factory=list)

    def stored(self, command: ImportDocuments) -> None:
        """Record the ids the import command gave the documents read from ``sources``."""
        self.imported = list(zip(self.sources, command.document_ids, strict=True))


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders (recursively) into the transcript files they hold, sorted.

    Hidden files and Office lock files (``~$...``) are skipped. A path given
    explicitly is kept even when its extension is not supported, so that it is
    reported rather than silently ignored.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED_EXTENSIONS
                    and not child.name.startswith((".", "~$"))
                ):
                    files.append(child)
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def unique_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)``... whichever is free (case-insensitive)."""
    lowered = {name.casefold() for name in taken}
    name, number = wanted, 2
    while name.casefold() in lowered:
        name = f"{wanted} ({number})"
        number += 1
    return name


def resolve_attributes(project: Project, values: Mapping[str, str]) -> dict[int, str]:
    """Turn ``{attribute name: value}`` into ``{attribute id: checked value}``.

    Attributes the project does not have yet are created as text attributes.

    Raises:
        InvalidInputError: a value does not fit its attribute (kind or choices).
    """
    from workbench.attributes import normalise_value

    known = {a.name.casefold(): a for a in project.attributes()}
    resolved: dict[int, str] = {}
    for name, raw in values.items():
        attribute = known.get(name.strip().casefold())
        if attribute is None:
            command = CreateAttribute(name, "text")
            project.run(command)
            assert command.attribute_id is not None
            resolved[command.attribute_id] = raw.strip()
            continue
        resolved[attribute.id] = normalise_value(
            attribute.name, attribute.kind, attribute.choices, raw
        )
    return resolved


def parse_assignments(pairs: Sequence[str]) -> dict[str, str]:
    """Parse ``NAME=VALUE`` strings (from ``--attr``) into a mapping."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InvalidInputError(f"{pair!r} is not NAME=VALUE")
        values[name.strip()] = value.strip()
    return values


def prepare_import(
    project: Project,
    paths: Iterable[Path],
    *,
    attributes: Mapping[int, str] | None = None,
    progress: Progress | None = None,
) -> tuple[ImportReport, ImportDocuments | None]:
    """Read transcript files into a command that stores them, without running it.

    This is the slow part of an import (it reads and parses every file) and touches
    the project only to read names and hashes, so it can run on a worker thread.

    Args:
        project: the open project.
        paths: files and folders.
        attributes: attribute id -> checked value, given to every document.
        progress: called before each file is read; returning False cancels.

    Returns:
        The report (without the new ids) and the command, or None when there is
        nothing to store or the user cancelled.
    """
    report = ImportReport()
    files = collect_files(paths)
    with project.read() as session:
        rows = session.execute(select(Document.name, Document.sha256)).all()
    taken = {row.name for row in rows}
    by_hash = {row.sha256: row.name for row in rows}
    batch: list[NewDocument] = []
    for index, path in enumerate(files):
        if progress is not None and not progress(index, len(files), path.name):
            report.cancelled = True
            return report, None
        try:
            data = path.read_bytes()
        except OSError as error:
            report.problems.append(
                ImportProblem(path, f"cannot be opened: {error.strerror or error}")
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in by_hash:
            report.duplicates.append((path, by_hash[digest]))
            continue
        try:
            read = read_file(path)
        except ReaderError as error:
            report.problems.append(ImportProblem(path, error.reason))
            continue
        if not read.text.strip():
            report.problems.append(ImportProblem(path, "holds no text"))
            continue
        report.warnings.extend((path, message) for message in read.warnings)
        name = unique_name(path.stem, taken)
        taken.add(name)
        by_hash[digest] = name
        batch.append(
            NewDocument(
                name=name,
                text=read.text,
                source_format=read.source_format,
                sha256=digest,
                original_filename=path.name,
                encoding=read.encoding,
                language=guess_language(read.text),
                turns=tuple((t.start, t.end, t.speaker) for t in read.turns),
                attributes=dict(attributes or {}),
            )
        )
        report.sources.append(path)
    if progress is not None and not progress(len(files), len(files), ""):
        report.cancelled = True
        return report, None
    return report, ImportDocuments(batch) if batch else None


def import_files(
    project: Project,
    paths: Iterable[Path],
    *,
    attributes: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Read transcript files and store them as documents in one undoable step.

    Args:
        project: the open project (its current coder is recorded as importer).
        paths: files and folders.
        attributes: attribute name -> value, given to every imported document.
        progress: called before each file is read; returning False cancels.

    Returns:
        The report. A cancelled import stores nothing and says so.
    """
    values = resolve_attributes(project, attributes or {})
    report, command = prepare_import(project, paths, attributes=values, progress=progress)
    if command is not None:
        project.run(command)
        report.stored(command)
    return report
