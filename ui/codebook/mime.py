"""What the codebook accepts and offers in drag and drop.

The transcript view drags a text selection as :data:`SPAN_MIME`: UTF-8 JSON
``{"document_id": int, "start": int, "end": int}`` with code-point offsets, end
exclusive. The codebook drags codes as :data:`CODE_MIME`: UTF-8 JSON
``{"code_ids": [int, ...]}``. Both formats are defined here so that neither view has
to import the other.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QMimeData

SPAN_MIME = "application/x-workbench-span"
CODE_MIME = "application/x-workbench-codes"


@dataclass(frozen=True)
class Span:
    """A passage of a document: ``text[start:end]`` in code points."""

    document_id: int
    start: int
    end: int


def _strict_int(value: object) -> int | None:
    # bool is an int in Python; a span offset never is one.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def parse_span(mime: QMimeData | None) -> Span | None:
    """The span a drag carries, or None when it carries none (or a malformed one)."""
    if mime is None or not mime.hasFormat(SPAN_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(SPAN_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(payload, dict):
        return None
    document_id = _strict_int(payload.get("document_id"))
    start = _strict_int(payload.get("start"))
    end = _strict_int(payload.get("end"))
    if document_id is None or start is None or end is None or not 0 <= start < end:
        return None
    return Span(document_id, start, end)


def span_mime_data(span: Span) -> QMimeData:
    """Mime data for a span, as the transcript view makes it."""
    mime = QMimeData()
    payload = {"document_id": span.document_id, "start": span.start, "end": span.end}
    mime.setData(SPAN_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def code_mime_data(code_ids: Iterable[int]) -> QMimeData:
    """Mime data for dragged codes."""
    mime = QMimeData()
    mime.setData(CODE_MIME, json.dumps({"code_ids": list(code_ids)}).encode("utf-8"))
    return mime


def parse_codes(mime: QMimeData | None) -> list[int]:
    """The ids of the codes a drag carries (empty when it carries none)."""
    if mime is None or not mime.hasFormat(CODE_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(CODE_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    ids = payload.get("code_ids") if isinstance(payload, dict) else None
    if not isinstance(ids, list):
        return []
    return [i for i in (_strict_int(value) for value in ids) if i is not None]
