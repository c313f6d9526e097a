"""The Spanish stenographic press conference transcripts, when the shared corpus is present.

The files are read in place; they are never copied into the repository.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from workbench.readers import read_file

CORPUS = (
    Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "es-labor-press-conferences"
)
KNOWN_SPEAKERS = {"MODERADOR", "MODERADORA", "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR"}


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("corpus folder ../shared/corpora/es-labor-press-conferences not present")
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 8
    return files


def test_every_transcript_splits_into_speaker_turns() -> None:
    turn_counts: dict[str, int] = {}
    for path in _corpus_files():
        result = read_file(path)
        lines = result.text.split("\n")
        # Independent count: a "---" line followed by a name in capitals.
        blocks = sum(
            1
            for before, line in pairwise(lines)
            if before.strip() == "---" and line.strip() and line == line.upper()
        )
        turns = result.turns
        turn_counts[path.name] = len(turns)
        assert len(turns) == blocks, path.name
        assert len(turns) >= 8, path.name
        speakers = {turn.speaker for turn in turns}
        assert speakers & KNOWN_SPEAKERS, path.name
        assert all(speaker == speaker.upper() for speaker in speakers), path.name
        previous_end = 0
        for turn in turns:
            speech = result.text[turn.start : turn.end]
            assert speech and speech == speech.strip(), (path.name, turn)
            assert not speech.startswith(turn.speaker), (path.name, turn)
            assert "\n---\n" not in speech, (path.name, turn)
            assert previous_end <= turn.start < turn.end, (path.name, turn)
            previous_end = turn.end
    # Two of the eight are ceremonies with few speaker changes (8 and 13 turns);
    # the press conferences proper have many more.
    assert sum(count >= 20 for count in turn_counts.values()) >= 6, turn_counts
