"""Turn one transcript file into text plus speaker turns (no database, no Qt).

Use :func:`read_file`; it picks the reader by extension and returns a
:class:`ReadText`, or raises :class:`ReaderError` with a message for the user.
"""

from __future__ import annotations

from workbench.readers.dispatch import SUPPORTED_EXTENSIONS, read_file
from workbench.readers.model import ReaderError, ReadText, SpeakerTurn
from workbench.readers.speakers import find_speaker_turns

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "ReadText",
    "ReaderError",
    "SpeakerTurn",
    "find_speaker_turns",
    "read_file",
]
