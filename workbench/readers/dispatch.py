"""Choose the reader for a file by its extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench.readers.docx import read_docx
from workbench.readers.model import ReaderError, ReadText
from workbench.readers.odt import read_odt
from workbench.readers.pdf import read_pdf
from workbench.readers.rtf import read_rtf
from workbench.readers.subtitles import read_subtitles
from workbench.readers.text import read_text_file

_READERS: dict[str, Callable[[Path], ReadText]] = {
    ".txt": lambda path: read_text_file(path, "txt"),
    ".md": lambda path: read_text_file(path, "md"),
    ".docx": read_docx,
    ".odt": read_odt,
    ".rtf": read_rtf,
    ".pdf": read_pdf,
    ".vtt": lambda path: read_subtitles(path, "vtt"),
    ".srt": lambda path: read_subtitles(path, "srt"),
}

#: File extensions :func:`read_file` understands (lower case, with the dot).
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_READERS)


def read_file(path: Path) -> ReadText:
    """Read a transcript file into text plus speaker turns.

    The reader is chosen by the file extension, ignoring case.

    Args:
        path: The file to read.

    Returns:
        The normalised text, its speaker turns, format, encoding and warnings.

    Raises:
        ReaderError: The extension is not supported, or the file is missing,
            empty, damaged or otherwise unreadable. ``str(error)`` names the
            file and explains the problem.
    """
    path = Path(path)
    extension = path.suffix.lower()
    reader = _READERS.get(extension)
    if reader is None:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        what = f"files ending in “{extension}”" if extension else "files without an extension"
        raise ReaderError(path, f"{what} are not supported (supported: {supported})")
    if path.is_dir():
        raise ReaderError(path, "it is a folder, not a file")
    return reader(path)
