"""Tooltips that say what is coded where: code, coder and memo of each segment."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ui.transcript.model import TranscriptModel
from workbench.entities import SegmentInfo

MEMO_PREVIEW = 300


def describe_segments(model: TranscriptModel, segments: Sequence[SegmentInfo]) -> str:
    """Rich text naming each segment's code, coder and memo; empty for no segments."""
    rows: list[str] = []
    for segment in segments:
        code = model.codes.get(segment.code_id)
        colour = code.colour if code is not None else "#8c8c8c"
        label = escape(code.label) if code is not None and code.label else ""
        name = escape(code.name) if code is not None else escape(model.code_name(segment.code_id))
        title = f"<b>{label}</b> {name}" if label else f"<b>{name}</b>"
        row = (
            f'<span style="color:{colour}">&#9608;</span>&nbsp;{title}'
            f'<br><span style="color:#666">{escape(model.coder_name(segment.coder_id))}</span>'
        )
        memo = segment.memo.strip()
        if memo:
            if len(memo) > MEMO_PREVIEW:
                memo = memo[: MEMO_PREVIEW - 1].rstrip() + "…"
            row += f"<br><i>{escape(memo)}</i>".replace("\n", "<br>")
        rows.append(row)
    if not rows:
        return ""
    return "<qt>" + "<hr>".join(rows) + "</qt>"
