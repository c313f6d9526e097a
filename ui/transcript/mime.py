"""The drag-and-drop payload of a passage: dropped on a code, it codes that passage."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

#: The MIME type of a dragged passage; its data is UTF-8 JSON
#: ``{"document_id": int, "start": int, "end": int}`` in code points.
SPAN_MIME = "application/x-workbench-span"


def span_mime(document_id: int, start: int, end: int, text: str = "") -> QMimeData:
    """Mime data for the passage ``[start, end)`` (code points) of a document."""
    mime = QMimeData()
    payload = {"document_id": document_id, "start": start, "end": end}
    mime.setData(SPAN_MIME, json.dumps(payload).encode("utf-8"))
    if text:
        mime.setText(text)
    return mime


def parse_span_mime(mime: QMimeData | None) -> tuple[int, int, int] | None:
    """``(document_id, start, end)`` from dragged mime data, or None when it is no passage."""
    if mime is None or not mime.hasFormat(SPAN_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(SPAN_MIME).data()).decode("utf-8"))
        values = (payload["document_id"], payload["start"], payload["end"])
    except (ValueError, KeyError, TypeError):
        return None
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return None
    document_id, start, end = values
    if start < 0 or end <= start:
        return None
    return document_id, start, end
