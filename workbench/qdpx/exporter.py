"""Exporting a project as a REFI-QDA ``.qdpx`` archive, or its codebook as a ``.qdc``.

The archive holds ``project.qde`` and a lowercase ``sources/`` folder with each document's
text as ``<guid>.txt``: UTF-8 without a byte-order mark, LF line endings, so that its
positions (code points) are the workbench's own. The XML is checked against the
standard's schema before anything is written, and the file is written to a temporary
name beside the target and renamed over it, so that a failed export leaves no half file.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, indent, tostring

from workbench.project import Project
from workbench.qdpx.gather import ProjectData, gather
from workbench.qdpx.model import QdpxError
from workbench.qdpx.report import ExportReport
from workbench.qdpx.validation import CODEBOOK_NS, PROJECT_NS, parse_xml, validate
from workbench.qdpx.xmlbuild import ProjectXml
from workbench.qdpx.xmlparts import codebook_xml

_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'
#: The largest internal file the standard allows (REFI-QDA 1.5, section 8.5).
MAX_INTERNAL_BYTES = 2**31 - 1


def _serialise(root: Element, namespace: str, what: str) -> bytes:
    """The XML bytes, checked (as they will be read) against the schema."""
    indent(root)
    data = _DECLARATION + tostring(root, encoding="unicode").encode("utf-8")
    validate(parse_xml(data, what), what, namespace)
    return data


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a file through a temporary file in the same folder, then rename it over ``path``.

    Raises:
        QdpxError: the folder does not exist or cannot be written.
    """
    folder = path.resolve().parent
    if not folder.is_dir():
        raise QdpxError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise QdpxError(f"cannot write in {folder} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _check_sizes(data: ProjectData) -> None:
    for document in data.documents:
        if len(document.text.encode("utf-8")) > MAX_INTERNAL_BYTES:
            raise QdpxError(
                f"{document.name!r} is larger than the 2 GB a REFI-QDA archive may hold per file"
            )


def export_qdpx(project: Project, path: Path) -> ExportReport:
    """Write the whole project as a REFI-QDA project archive.

    Args:
        project: the open project.
        path: the ``.qdpx`` file to write (replaced when it exists).

    Returns:
        What was written, and what the format has no place for.

    Raises:
        QdpxError: the export would not validate, a text is too large, or the file
            cannot be written; no file was written.
    """
    data = gather(project)
    _check_sizes(data)
    counts: Counter[str] = Counter()
    xml = _serialise(ProjectXml(data, counts).element(), PROJECT_NS, f"the export of {path.name}")

    def write(stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", xml)
            for document in data.documents:
                archive.writestr(f"sources/{document.guid}.txt", document.text.encode("utf-8"))

    write_atomically(path, write)
    report = ExportReport(file=str(path))
    report.written.update(
        {
            "documents": len(data.documents),
            "codes": len(data.codes),
            "coders": len(data.coders),
            "segments": len(data.segments),
            "memos": len(data.memos),
            "attributes": len(data.attributes),
            "cases": len(data.cases),
            "code_groups": len(data.groups),
        }
    )
    report.not_exported.update({k: n for k, n in data.unexportable.items() if n})
    report.not_exported.update(counts)
    return report


def export_qdc(project: Project, path: Path) -> ExportReport:
    """Write the project's codebook (codes and code groups) as a REFI-QDA ``.qdc``.

    Raises:
        QdpxError: the codebook is empty (a ``.qdc`` holds at least one code), or the
            file cannot be written.
    """
    data = gather(project, with_sources=False)
    if not data.codes:
        raise QdpxError("the codebook is empty: a .qdc file holds at least one code")
    counts: Counter[str] = Counter()
    xml = _serialise(codebook_xml(data, counts), CODEBOOK_NS, f"the export of {path.name}")

    def write(stream: BinaryIO) -> None:
        stream.write(xml)

    write_atomically(path, write)
    report = ExportReport(file=str(path))
    report.written.update({"codes": len(data.codes), "code_groups": len(data.groups)})
    report.not_exported.update(counts)
    return report
