"""What the transcript view shows: one document's text, segments, codes and filters.

Plain Python shared by the highlighter, the gutters and the editor, so each of them
paints from the same state; the view changes it and says which blocks to repaint.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from ui.transcript.index import SegmentIndex
from ui.transcript.positions import Utf16Map
from ui.transcript.stripes import assign_columns
from workbench.entities import CodeInfo, CoderInfo, SegmentInfo, SpeakerTurnInfo


def qt_text(text: str) -> str:
    """The text as handed to Qt, one unit for one unit.

    Qt reads ``\\r\\n`` as one block separator, which would shift every later offset;
    the core stores ``\\n`` only, so a stray ``\\r`` is shown as a space instead.
    """
    return text.replace("\r", " ") if "\r" in text else text


class TranscriptModel:
    """The state of one shown document."""

    def __init__(self) -> None:
        self.document_id: int | None = None
        self.text = ""
        self.positions = Utf16Map("")
        self.index = SegmentIndex("")
        self.labels: dict[int, tuple[int, int]] = {}
        self.codes: dict[int, CodeInfo] = {}
        self.coders: dict[int, CoderInfo] = {}
        self.emphasised: frozenset[int] = frozenset()
        self.visible_coders: frozenset[int] | None = None
        self.selected: int | None = None
        self.columns: dict[int, int] = {}
        self.column_count = 0

    def load(
        self,
        document_id: int | None,
        text: str,
        segments: Iterable[SegmentInfo],
        turns: Iterable[SpeakerTurnInfo] = (),
    ) -> None:
        """Show another document (or none, with ``document_id`` None and no text)."""
        self.document_id = document_id
        self.text = text
        self.positions = Utf16Map(text)
        self.index = SegmentIndex(text, segments)
        self.labels = speaker_labels(text, self.index, turns)
        self.selected = None
        self.update_columns()

    # -- filters -------------------------------------------------------------------

    def visible(self, segment: SegmentInfo) -> bool:
        """Whether a segment is painted under the coder filter."""
        return self.visible_coders is None or segment.coder_id in self.visible_coders

    def visible_in_block(self, block: int) -> list[SegmentInfo]:
        segments = self.index.in_block(block)
        if self.visible_coders is None:
            return segments
        return [s for s in segments if s.coder_id in self.visible_coders]

    def visible_at(self, offset: int) -> list[SegmentInfo]:
        """The painted segments covering the character at ``offset``, shortest first."""
        found = [s for s in self.index.at(offset) if self.visible(s)]
        return sorted(found, key=lambda s: (s.end - s.start, s.start, s.id))

    def update_columns(self) -> None:
        """Assign every stripe column again (a new document, or the coder filter changed)."""
        self.columns, self.column_count = assign_columns(
            (s for s in self.index if self.visible(s)), self.index.block_of
        )

    def place_columns(self, segment_ids: Iterable[int]) -> None:
        """Give changed segments a column without moving the others' bars.

        Each takes the lowest column that no other bar over its blocks uses; a
        segment that is gone or hidden gives its column up.
        """
        index = self.index
        for segment_id in segment_ids:
            self.columns.pop(segment_id, None)
            segment = index.get(segment_id)
            if segment is None or not self.visible(segment):
                continue
            used = {
                self.columns[other.id]
                for block in index.blocks_of(segment.start, segment.end)
                for other in self.visible_in_block(block)
                if other.id in self.columns
            }
            column = 0
            while column in used:
                column += 1
            self.columns[segment_id] = column
        self.column_count = max(self.columns.values(), default=-1) + 1

    # -- descriptions --------------------------------------------------------------

    def code_name(self, code_id: int) -> str:
        code = self.codes.get(code_id)
        if code is None:
            return QCoreApplication.translate("TranscriptModel", "code {0}").format(code_id)
        return f"{code.label} {code.name}".strip()

    def coder_name(self, coder_id: int) -> str:
        coder = self.coders.get(coder_id)
        if coder is None:
            return QCoreApplication.translate("TranscriptModel", "coder {0}").format(coder_id)
        return f"{coder.name} ({coder.initials})" if coder.initials else coder.name

    def initials(self, coder_id: int | None) -> str:
        coder = self.coders.get(coder_id) if coder_id is not None else None
        return coder.initials if coder is not None else ""


def speaker_labels(
    text: str, index: SegmentIndex, turns: Iterable[SpeakerTurnInfo]
) -> dict[int, tuple[int, int]]:
    """Block -> the span of the speaker label that opens it (``TRABAJADORA: ``)."""
    labels: dict[int, tuple[int, int]] = {}
    for turn in turns:
        if not 0 < turn.start <= len(text):
            continue
        line_start = text.rfind("\n", 0, turn.start) + 1
        label = text[line_start : turn.start]
        if label.strip() and "\n" not in label:
            labels[index.block_of(line_start)] = (line_start, line_start + len(label.rstrip()))
    return labels
