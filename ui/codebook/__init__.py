"""The codebook: its item model, its pane, and the quick-code palette."""

from __future__ import annotations

from ui.codebook.mime import CODE_MIME, SPAN_MIME, Span, parse_span, span_mime_data
from ui.codebook.model import KIND_CODE, KIND_GROUP, CodebookModel, CodebookRole
from ui.codebook.palette import QuickCodePalette, RecentCodes, pick_code, recent_codes
from ui.codebook.panel import CodebookPanel

__all__ = [
    "CODE_MIME",
    "KIND_CODE",
    "KIND_GROUP",
    "SPAN_MIME",
    "CodebookModel",
    "CodebookPanel",
    "CodebookRole",
    "QuickCodePalette",
    "RecentCodes",
    "Span",
    "parse_span",
    "pick_code",
    "recent_codes",
    "span_mime_data",
]
