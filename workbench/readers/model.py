"""Data types shared by every transcript reader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpeakerTurn:
    """One speaker's stretch of speech inside a :class:`ReadText`.

    Attributes:
        start: Code point offset into ``ReadText.text`` (0-based) where the
            speech begins.
        end: End offset, exclusive; ``text[start:end]`` is what the speaker
            said, without the label.
        speaker: The speaker label as written, trimmed, without the trailing
            colon, brackets or timestamp.
    """

    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class ReadText:
    r"""The text of one transcript file plus the speaker turns found in it.

    Attributes:
        text: The document text, with ``"\n"`` line endings only and no BOM.
        turns: Speaker turns in document order; they never overlap.
        source_format: ``"txt"``, ``"md"``, ``"docx"``, ``"odt"``, ``"rtf"``,
            ``"pdf"``, ``"vtt"`` or ``"srt"``.
        encoding: The detected text encoding for text-like files, else None.
        warnings: Things the user may want to know about (skipped content,
            replaced characters, pages without text).
    """

    text: str
    turns: tuple[SpeakerTurn, ...]
    source_format: str
    encoding: str | None
    warnings: tuple[str, ...] = ()


class ReaderError(Exception):
    """A file could not be read.

    ``str(err)`` names the file and the problem in words a user understands.

    Attributes:
        path: The file that could not be read.
        reason: What went wrong, as a sentence fragment for a user.
    """

    def __init__(self, path: Path, reason: str) -> None:
        """Create the error.

        Args:
            path: The file that could not be read.
            reason: What went wrong, in plain words.
        """
        super().__init__(f"Could not read “{path.name}”: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ReaderError], tuple[Path, str]]:
        """Support pickling (for example across worker processes)."""
        return (ReaderError, (self.path, self.reason))
