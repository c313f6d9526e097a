"""Helpers shared by the format readers: file access, zip safety, text clean-up."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

from workbench.readers.model import ReaderError, ReadText
from workbench.readers.speakers import find_speaker_turns

#: Largest uncompressed XML member accepted from a docx/odt container.
MAX_XML_MEMBER_BYTES = 200 * 1024 * 1024
#: Largest total uncompressed size accepted for a docx/odt container.
MAX_CONTAINER_BYTES = 1024 * 1024 * 1024

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _os_failure(path: Path, exc: OSError) -> ReaderError:
    """Describe an operating-system error in plain words."""
    if isinstance(exc, FileNotFoundError):
        return ReaderError(path, "the file does not exist")
    if isinstance(exc, IsADirectoryError):
        return ReaderError(path, "it is a folder, not a file")
    if isinstance(exc, PermissionError):
        return ReaderError(path, "permission to open the file was denied")
    return ReaderError(path, f"the file could not be opened ({exc.strerror or exc})")


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """Read a file (or its first ``limit`` bytes), turning OS errors into ReaderError.

    Args:
        path: The file to read.
        limit: Read at most this many bytes; None reads everything.

    Returns:
        The file content.

    Raises:
        ReaderError: The file is missing, unreadable or empty.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read() if limit is None else handle.read(limit)
    except OSError as exc:
        raise _os_failure(path, exc) from None
    if not data:
        raise ReaderError(path, "the file is empty")
    return data


def normalise_newlines(text: str) -> str:
    r"""Turn ``\r\n`` and lone ``\r`` line endings into ``\n``.

    Args:
        text: Any text.

    Returns:
        The text with ``\n`` line endings only.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def finish_text(text: str, path: Path) -> str:
    """Apply the rules every reader shares to the extracted text.

    Removes a leading BOM, normalises line endings and strips trailing
    whitespace at the very end of the document; nothing else is altered.

    Args:
        text: The extracted text.
        path: The file it came from (for the error message).

    Returns:
        The normalised text.

    Raises:
        ReaderError: No text is left.
    """
    text = normalise_newlines(text.removeprefix("\ufeff")).rstrip()
    if not text.strip():
        raise ReaderError(path, "it contains no text")
    return text


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """Keep single empty lines but reduce runs of empty lines to one.

    Args:
        lines: Lines of a document, in order.

    Returns:
        The lines with no two consecutive empty lines.
    """
    kept: list[str] = []
    for line in lines:
        if line == "" and kept and kept[-1] == "":
            continue
        kept.append(line)
    return kept


def build_read_text(
    path: Path,
    text: str,
    source_format: str,
    encoding: str | None = None,
    warnings: list[str] | None = None,
) -> ReadText:
    """Normalise extracted text and find its speaker turns.

    Args:
        path: The file the text came from.
        text: The raw extracted text.
        source_format: The short format name, e.g. ``"docx"``.
        encoding: The detected encoding for text-like formats.
        warnings: Warnings collected while reading.

    Returns:
        The finished ReadText.
    """
    final = finish_text(text, path)
    return ReadText(
        text=final,
        turns=find_speaker_turns(final),
        source_format=source_format,
        encoding=encoding,
        warnings=tuple(warnings or ()),
    )


def open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    """Open an office container and refuse suspiciously large content.

    Args:
        path: The file to open.
        kind: What the file should be, for messages (e.g. ``"Word (.docx)"``).

    Returns:
        The open zip file; the caller closes it.

    Raises:
        ReaderError: Not a zip, an old binary Office file, or a zip bomb.
    """
    if read_bytes(path, limit=8) == _OLE_SIGNATURE:
        raise ReaderError(
            path,
            f"it is not a {kind} file: it is an old-style binary Office file or a "
            "password-protected document; open it in your word processor and save it "
            f"again as {kind} without a password",
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ReaderError(
            path, f"it is not a valid {kind} file (the file is damaged or of another kind)"
        ) from None
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_MEMBER_BYTES:
            archive.close()
            raise ReaderError(
                path, f"its part “{info.filename}” is too large to read safely (over 200 MB)"
            )
    if total > MAX_CONTAINER_BYTES:
        archive.close()
        raise ReaderError(path, "its content is too large to read safely (over 1 GB unpacked)")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str) -> bytes:
    """Read one member of an office container.

    Args:
        archive: The open container.
        name: The member name.
        path: The container's path (for messages).
        kind: What the file should be, for messages.

    Returns:
        The member's bytes.

    Raises:
        ReaderError: The member is missing, too large, encrypted or damaged.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ReaderError(path, f"it is not a valid {kind} file (“{name}” is missing)") from None
    if info.file_size > MAX_XML_MEMBER_BYTES:
        raise ReaderError(path, f"its part “{name}” is too large to read safely (over 200 MB)")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise ReaderError(path, f"it is damaged: the part “{name}” cannot be unpacked") from None


def parse_xml(data: bytes, path: Path, name: str) -> ET.Element:
    """Parse an XML document, turning syntax errors into ReaderError.

    Args:
        data: The XML bytes.
        path: The container's path (for messages).
        name: The member name (for messages).

    Returns:
        The root element.

    Raises:
        ReaderError: The XML is malformed.
    """
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ReaderError(
            path, f"it is damaged: the part “{name}” is not valid XML ({exc})"
        ) from None


def split_tag(tag: str) -> tuple[str, str]:
    """Split an ElementTree tag ``{namespace}local`` into its two parts.

    Args:
        tag: The element tag.

    Returns:
        ``(namespace, local_name)``; the namespace is ``""`` when absent.
    """
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag
