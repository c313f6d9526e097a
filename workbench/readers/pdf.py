"""PDF files with a text layer, read with pypdf."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from workbench.readers.common import build_read_text, normalise_newlines, read_bytes
from workbench.readers.model import ReaderError, ReadText

NO_TEXT_LAYER = "no text layer, OCR it first"

# Damaged PDFs make pypdf fail in many ways besides its own error types.
_PDF_FAILURES: tuple[type[BaseException], ...] = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    OverflowError,
    ZeroDivisionError,
    OSError,
    EOFError,
    struct.error,
    zlib.error,
)


def _open(data: bytes, path: Path) -> PdfReader:
    """Open the PDF and unlock it if it only has an empty user password."""
    if b"%PDF-" not in data[:1024]:
        raise ReaderError(path, "it is not a PDF file (it does not start with “%PDF”)")
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")
        except DependencyError:
            raise ReaderError(
                path,
                "it is encrypted with a method this program cannot open; save an "
                "unprotected copy (for example with “Print to PDF”) and try again",
            ) from None
        if unlocked == PasswordType.NOT_DECRYPTED:
            raise ReaderError(path, "it is password-protected; remove the password and try again")
    return reader


def _page_texts(data: bytes, path: Path) -> list[str]:
    """Extract the text of every page, in order."""
    try:
        reader = _open(data, path)
        return [normalise_newlines(page.extract_text() or "") for page in reader.pages]
    except ReaderError:
        raise
    except _PDF_FAILURES as exc:
        raise ReaderError(
            path, f"it is damaged or not a valid PDF and could not be read ({_describe(exc)})"
        ) from None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return text if text and len(text) < 160 else type(exc).__name__


def read_pdf(path: Path) -> ReadText:
    """Read the text layer of a ``.pdf`` file, pages separated by a blank line.

    Args:
        path: The file to read.

    Returns:
        The text with its speaker turns; pages without text are skipped and
        named in the warnings.

    Raises:
        ReaderError: The PDF is damaged, password-protected, or has no text
            layer at all (the reason then contains ``"no text layer, OCR it
            first"``).
    """
    pages = _page_texts(read_bytes(path), path)
    kept = [text.rstrip() for text in pages if text.strip()]
    if not kept:
        raise ReaderError(path, f"the PDF has {NO_TEXT_LAYER}")
    empty = [str(number) for number, text in enumerate(pages, start=1) if not text.strip()]
    warnings: list[str] = []
    if empty:
        warnings.append(
            f"Page(s) {', '.join(empty)} have no text layer and were skipped (scanned?)."
        )
    return build_read_text(path, "\n\n".join(kept), "pdf", warnings=warnings)
