"""Find speaker turns ("ENTREVISTADORA: ...", "[Orador 2] ...", Otter, stenographic) in text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.readers.model import SpeakerTurn

# A label: up to five words of letters, digits, dots, hyphens and apostrophes.
_WORD = r"[^\W_][\w.'’\-]*"
_LABEL = rf"(?P<label>{_WORD}(?: {_WORD}){{0,4}})"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LEADING_TIME = rf"(?:[\[(]?{_TIME}[\])]?[ \t]+)?"

# "ENTREVISTADORA: text", "**Interviewer:** text", "Speaker 1 (00:01): text".
_COLON = re.compile(
    rf"[ \t]*{_LEADING_TIME}(?P<b>\*\*|__)?{_LABEL}"
    rf"(?:[ \t]*[\[(](?P<time>{_TIME})[\])])?[ \t]*"
    r"(?:(?(b)(?P=b)):|:(?(b)(?P=b)))(?=\s|$)"
)
# "[Orador 2] text", "[Speaker 2]: text", "[Speaker 2 00:01] text".
_BRACKET = re.compile(rf"[ \t]*\[{_LABEL}(?:[ \t]+(?P<time>{_TIME}))?\][ \t]*:?(?=\s|$)")
# Otter: "Speaker 1  00:01" or "Juan Pérez (12:34)" alone on its line.
_TIMED_LINE = re.compile(rf"[ \t]*{_LABEL}[ \t]+[\[(]?(?P<time>{_TIME})[\])]?[ \t]*$")
_RULE_LINE = re.compile(r"[ \t]*-{3,}[ \t]*$")

_ROLE_WORDS = frozenset(
    """
    interviewer interviewee entrevistador entrevistadora entrevistado entrevistada
    entrevistadores moderador moderadora moderator facilitator facilitador facilitadora
    participante participant respondent respondente informante informant investigador
    investigadora researcher speaker orador oradora hablante persona voz voice
    interlocutor interlocutora pregunta respuesta question answer trabajador trabajadora
    worker delegado delegada sindicalista host guest invitado invitada narrador narradora
    narrator audiencia audience público public unknown desconocido desconocida
    entrev int resp mod
    """.split()
)
_NAME_PARTICLES = frozenset(
    "de del la las los da das do dos di du van von der den le y e el al bin".split()
)
# Bracketed stage directions that are not speakers.
_NOT_SPEAKERS = frozenset(
    """
    risas risa inaudible música musica pausa silencio aplausos ruido interrupción
    laughter laughs crosstalk silence applause music noise pause unintelligible
    """.split()
)
_MAX_STENO_LABEL = 200


@dataclass(frozen=True)
class _Label:
    boundary: int  # where the previous turn must end at the latest
    speech_from: int  # where this speaker's speech may begin
    speaker: str


def _is_capitals(label: str) -> bool:
    return any(ch.isalpha() for ch in label) and label == label.upper()


def _role_base(label: str) -> str:
    words = label.lower().split()
    if len(words) > 1 and (words[-1].isdigit() or len(words[-1]) == 1):
        words = words[:-1]  # "Speaker 1", "Persona A"
    return " ".join(words).rstrip(".")


def _looks_like_name(words: list[str]) -> bool:
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words) and all(
        not any(ch.isdigit() for ch in w) for w in words
    )


def is_speaker_label(label: str, *, lenient: bool = False) -> bool:
    """Tell whether a short text before a colon is plausibly a speaker label.

    A label qualifies when it is written in capitals, is a known role word
    (optionally followed by a number or letter, as in "Speaker 1"), or looks
    like a personal name ("Juan Pérez", "María de la Luz"). Ordinary sentence
    fragments such as "The reason is simple" do not qualify.

    Args:
        label: The candidate label, without colon or brackets.
        lenient: Also accept a single capitalised word ("Juan"); used where
            a label is very likely anyway (subtitles, timestamped labels).

    Returns:
        True if the label should start a speaker turn.
    """
    label = label.strip()
    words = label.split()
    if not words or len(words) > 5 or len(label) > 60:
        return False
    if words[0].lower() in _NOT_SPEAKERS:
        return False
    if _is_capitals(label) or _role_base(label) in _ROLE_WORDS:
        return True
    if len(words) == 1 and not lenient:
        return False
    return _looks_like_name(words)


def _label_at(lines: list[str], index: int, offset: int) -> _Label | None:
    """Recognise a speaker label at the start of ``lines[index]``."""
    line = lines[index]
    if index > 0 and _RULE_LINE.match(lines[index - 1]):
        name = line.strip().removesuffix(":").strip()
        if (
            name
            and name[0].isalpha()
            and ":" not in name
            and len(name) <= _MAX_STENO_LABEL
            and _is_capitals(name)
        ):
            rule_start = offset - len(lines[index - 1]) - 1
            return _Label(rule_start, offset + len(line), name)
    for pattern in (_COLON, _BRACKET, _TIMED_LINE):
        match = pattern.match(line)
        if match is None:
            continue
        label = match.group("label")
        timed = match.group("time") is not None
        if is_speaker_label(label, lenient=timed or pattern is _BRACKET):
            return _Label(offset, offset + match.end(), label)
    return None


def _without_trailing_rules(speech: str) -> str:
    """Drop trailing white space and ``---`` separator lines from a turn's speech."""
    speech = speech.rstrip()
    head, _, last = speech.rpartition("\n")
    while last and _RULE_LINE.fullmatch(last):
        speech = head.rstrip()
        head, _, last = speech.rpartition("\n")
    return speech


def find_speaker_turns(text: str) -> tuple[SpeakerTurn, ...]:
    r"""Find the speaker turns in a transcript.

    A turn starts at a line that begins with a speaker label and runs until
    the next label (or the end of the text). Recognised label styles:
    ``LABEL: speech`` (capitals, role words, personal names, ``P:``/``R:``),
    ``Speaker 1 (00:01): speech``, ``[Orador 2] speech``, an Otter-style
    ``Speaker 1  00:01`` line followed by the speech, and a capitalised
    name alone on the line after a ``---`` line (stenographic transcripts).

    Args:
        text: Normalised text (``\n`` line endings).

    Returns:
        Turns in order; each ``text[start:end]`` is the speech without the
        label and without surrounding whitespace. Labels with no speech are
        left out.
    """
    lines = text.split("\n")
    labels: list[_Label] = []
    offset = 0
    for index, line in enumerate(lines):
        found = _label_at(lines, index, offset)
        if found is not None:
            labels.append(found)
        offset += len(line) + 1
    turns: list[SpeakerTurn] = []
    for position, label in enumerate(labels):
        stop = labels[position + 1].boundary if position + 1 < len(labels) else len(text)
        speech = _without_trailing_rules(text[label.speech_from : stop])
        stripped = speech.lstrip()
        start = label.speech_from + len(speech) - len(stripped)
        end = start + len(stripped)
        if end > start:
            turns.append(SpeakerTurn(start=start, end=end, speaker=label.speaker))
    return tuple(turns)
