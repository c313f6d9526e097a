"""WebVTT and SubRip subtitle files (Zoom, Microsoft Teams, Otter exports)."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from workbench.readers.common import finish_text, normalise_newlines, read_bytes
from workbench.readers.model import ReaderError, ReadText, SpeakerTurn
from workbench.readers.speakers import is_speaker_label
from workbench.readers.text import decode_text

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>")
_TAG = re.compile(r"</?[^>]*>|\{\\[^}]*\}")  # HTML-like cue tags, SSA "{\an8}" overrides
_INLINE_LABEL = re.compile(r"(?P<label>[^:<>]{1,60}?)[ \t]*:[ \t]+(?P<rest>.+)", re.DOTALL)
_NOT_IN_NAMES = re.compile(r"[?!;,\"“”¿¡]")
_SKIPPED_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")

_Segment = tuple[str | None, str]


def _cue_payloads(text: str) -> list[str]:
    """Split a subtitle file into cue payloads, dropping headers, notes, numbers, timings."""
    cues: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is not None:
            cues.append("\n".join(lines[timing + 1 :]))
            continue
        first = lines[0].strip()
        is_header = first.split(" ", 1)[0].split("\t", 1)[0] in _SKIPPED_BLOCKS
        if cues and not is_header and not (len(lines) == 1 and first.isdigit()):
            cues[-1] = f"{cues[-1]}\n{block.strip()}"  # a blank line inside a cue
    return cues


def _clean(fragment: str) -> str:
    """Remove cue tags and entities and put the fragment on one line."""
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _voice_segments(payload: str) -> list[_Segment]:
    """Split a cue at ``<v Name>`` voice tags into (speaker, text) segments."""
    segments: list[_Segment] = []
    matches = list(_VOICE.finditer(payload))
    head = payload[: matches[0].start()] if matches else payload
    segments.append((None, _clean(head)))
    for index, match in enumerate(matches):
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(payload)
        name = " ".join((match.group("name") or "").split()) or None
        segments.append((name, _clean(payload[match.end() : stop])))
    return [segment for segment in segments if segment[1]]


def _inline_label(text: str) -> tuple[str, str] | None:
    match = _INLINE_LABEL.fullmatch(text)
    if match is None or len(match.group("label").split()) > 5:
        return None
    if _NOT_IN_NAMES.search(match.group("label")):
        return None
    return match.group("label").strip(), match.group("rest").strip()


def _resolve_labels(segments: list[_Segment]) -> list[_Segment]:
    """Give unlabelled segments the ``Name: text`` speaker written inside them.

    A prefix counts as a speaker when it looks like one, or when the same
    prefix starts two or more cues (a recurring Zoom display name).
    """
    candidates = [_inline_label(text) if speaker is None else None for speaker, text in segments]
    counts = Counter(found[0] for found in candidates if found is not None)
    resolved: list[_Segment] = []
    for (speaker, text), found in zip(segments, candidates, strict=True):
        if found is not None and (
            is_speaker_label(found[0], lenient=True) or counts[found[0]] >= 2
        ):
            speaker, text = found
        resolved.append((speaker, text))
    return resolved


def _merge(segments: list[_Segment]) -> list[_Segment]:
    """Merge consecutive segments of one speaker; unlabelled ones join the current turn."""
    merged: list[_Segment] = []
    for speaker, text in segments:
        if merged and merged[-1][0] is not None and speaker in {None, merged[-1][0]}:
            merged[-1] = (merged[-1][0], f"{merged[-1][1]} {text}")
        else:
            merged.append((speaker, text))
    return merged


def read_subtitles(path: Path, source_format: str) -> ReadText:
    """Read a ``.vtt`` or ``.srt`` file as one line per speaker turn.

    Cue numbers, timings, settings, the WEBVTT header, NOTE/STYLE/REGION
    blocks and formatting tags are dropped. Speakers come from Teams voice
    tags (``<v Name>``) or from a ``Name:`` prefix (Zoom, Otter). Each line
    of the result is ``Speaker: text`` (or just the text when no speaker is
    known); consecutive cues of one speaker are joined with a space.

    Args:
        path: The file to read.
        source_format: ``"vtt"`` or ``"srt"``.

    Returns:
        The text, the turns taken from the cue speakers, and the encoding.

    Raises:
        ReaderError: The file cannot be decoded or holds no cues.
    """
    raw, encoding = decode_text(read_bytes(path), path)
    payloads = _cue_payloads(normalise_newlines(raw.removeprefix("\ufeff")))
    if not payloads:
        kind = "WebVTT" if source_format == "vtt" else "SubRip (SRT)"
        raise ReaderError(path, f"it is not a valid {kind} file (no timed cues were found)")
    segments = [segment for payload in payloads for segment in _voice_segments(payload)]
    lines: list[str] = []
    turns: list[SpeakerTurn] = []
    position = 0
    for speaker, text in _merge(_resolve_labels(segments)):
        prefix = f"{speaker}: " if speaker else ""
        if speaker:
            start = position + len(prefix)
            turns.append(SpeakerTurn(start=start, end=start + len(text), speaker=speaker))
        lines.append(prefix + text)
        position += len(prefix) + len(text) + 1
    text = finish_text("\n".join(lines), path)
    return ReadText(text=text, turns=tuple(turns), source_format=source_format, encoding=encoding)
