"""The transcript view: read a document, highlight and code passages, edit codings."""

from ui.transcript.mime import SPAN_MIME, parse_span_mime, span_mime
from ui.transcript.positions import Utf16Map
from ui.transcript.view import EMPTY_TEXT, TranscriptView

__all__ = [
    "EMPTY_TEXT",
    "SPAN_MIME",
    "TranscriptView",
    "Utf16Map",
    "parse_span_mime",
    "span_mime",
]
