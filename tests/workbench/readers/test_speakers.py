"""Speaker turn detection for every supported label style."""

from __future__ import annotations

import pytest

from workbench.readers import SpeakerTurn, find_speaker_turns
from workbench.readers.speakers import is_speaker_label


def _pairs(text: str) -> list[tuple[str, str]]:
    turns = find_speaker_turns(text)
    for turn in turns:
        speech = text[turn.start : turn.end]
        assert speech == speech.strip() and speech
    return [(turn.speaker, text[turn.start : turn.end]) for turn in turns]


def test_capitals_roles_and_numbers() -> None:
    text = (
        "Entrevista 7, planta norte\n"
        "ENTREVISTADORA: ¿Cuándo entró?\n"
        "TRABAJADORA 2: En 2015.\n"
        "Seguí ahí.\n\n"
        "Interviewer: And then?\n"
        "Moderadora: Pasemos.\n"
        "entrevistador: en minúsculas\n"
    )
    assert _pairs(text) == [
        ("ENTREVISTADORA", "¿Cuándo entró?"),
        ("TRABAJADORA 2", "En 2015.\nSeguí ahí."),
        ("Interviewer", "And then?"),
        ("Moderadora", "Pasemos."),
        ("entrevistador", "en minúsculas"),
    ]


def test_turn_offsets_are_exact() -> None:
    text = "P: uno\n\nR:   dos  \n"
    assert find_speaker_turns(text) == (
        SpeakerTurn(start=3, end=6, speaker="P"),
        SpeakerTurn(start=13, end=16, speaker="R"),
    )


@pytest.mark.parametrize("pair", [("P", "R"), ("Q", "A"), ("I", "E")])
def test_single_letter_question_answer_labels(pair: tuple[str, str]) -> None:
    question, answer = pair
    text = f"{question}: ¿Por qué?\n{answer}: Porque sí."
    assert _pairs(text) == [(question, "¿Por qué?"), (answer, "Porque sí.")]


def test_names_and_timestamps() -> None:
    text = (
        "Speaker 1 (00:01): Hello there.\n"
        "Juan Pérez (12:34): Buenas.\n"
        "María de la Luz: Hola.\n"
        "[00:15:02] Speaker 2: With a leading time.\n"
    )
    assert _pairs(text) == [
        ("Speaker 1", "Hello there."),
        ("Juan Pérez", "Buenas."),
        ("María de la Luz", "Hola."),
        ("Speaker 2", "With a leading time."),
    ]


def test_otter_label_line_then_speech() -> None:
    text = (
        "Speaker 1  0:03\n"
        "So we started in March.\n"
        "It was cold.\n\n"
        "Juan Pérez  1:02:45\n"
        "Sí, en marzo.\n"
    )
    assert _pairs(text) == [
        ("Speaker 1", "So we started in March.\nIt was cold."),
        ("Juan Pérez", "Sí, en marzo."),
    ]


def test_bracketed_labels() -> None:
    text = "[Orador 2] Buenas tardes.\n[Speaker 2]: Thanks.\n[Orador 1]\nEn otra línea.\n"
    assert _pairs(text) == [
        ("Orador 2", "Buenas tardes."),
        ("Speaker 2", "Thanks."),
        ("Orador 1", "En otra línea."),
    ]


def test_bracketed_stage_directions_are_not_speakers() -> None:
    text = "ENTREVISTADOR: Bueno.\n[Risas] Sí.\n[inaudible] algo\n[RISAS]\n"
    assert _pairs(text) == [("ENTREVISTADOR", "Bueno.\n[Risas] Sí.\n[inaudible] algo\n[RISAS]")]


def test_markdown_bold_labels() -> None:
    text = "**Entrevistadora:** ¿Y luego?\n**Juan Pérez**: Luego nada."
    assert _pairs(text) == [("Entrevistadora", "¿Y luego?"), ("Juan Pérez", "Luego nada.")]


def test_stenographic_blocks_after_rule_lines() -> None:
    text = (
        "Versión estenográfica | Conferencia\n"
        "Presidencia de la República\n"
        "---\n"
        "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR\n"
        "Buenos días.\n"
        "Vamos a empezar: primero el informe.\n"
        "---\n"
        "INTERLOCUTORA\n"
        "Gracias, presidente.\n"
        "---\n"
        "LUIS AGUIRRE LANG, PRESIDENTE DEL CONSEJO (INDEX)\n"
        "Muchas gracias.\n"
        "---\n"
    )
    assert _pairs(text) == [
        (
            "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR",
            "Buenos días.\nVamos a empezar: primero el informe.",
        ),
        ("INTERLOCUTORA", "Gracias, presidente."),
        ("LUIS AGUIRRE LANG, PRESIDENTE DEL CONSEJO (INDEX)", "Muchas gracias."),
    ]


def test_label_without_speech_is_left_out() -> None:
    assert _pairs("ENTREVISTADOR:\nP: algo") == [("P", "algo")]


@pytest.mark.parametrize(
    "line",
    [
        "The reason is simple: wages",
        "Nota: ver anexo",
        "Los datos: 16 millones",
        "Lugar y hora: 16:00 horas en el Salón",
        "Mi pregunta es: ¿por qué?",
        "A las 5:00 de la tarde.",
        "Figure 1: Distribution of wages",
        "Presidente, únicamente aclarar dos temas:",
        "10:30: we started",
        "una frase cualquiera con dos puntos: y más",
        "---\n# Encabezado de Markdown",
    ],
)
def test_ordinary_sentences_are_not_turns(line: str) -> None:
    assert find_speaker_turns(line + "\nsigue el texto") == ()


def test_is_speaker_label() -> None:
    assert is_speaker_label("Juan Pérez")
    assert is_speaker_label("ENTREVISTADORA")
    assert is_speaker_label("Participante 3")
    assert not is_speaker_label("Juan")
    assert is_speaker_label("Juan", lenient=True)
    assert not is_speaker_label("one two three four five six")
    assert not is_speaker_label("Inaudible", lenient=True)
