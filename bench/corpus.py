"""A synthetic, seeded corpus at the scale of a real evaluation.

Interview transcripts are written as ``.docx`` with python-docx: speaker turns such as
``ENTREVISTADORA:`` / ``TRABAJADORA:`` holding Spanish-like and English-like sentences
built from the word lists below (accents, ``¿¡``, a little emoji). The project side
(codebook, coders, segments) is built through the workbench's own commands.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import docx

from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode
from workbench.commands.segments import AddSegments, NewSegment
from workbench.project import Project


@dataclass(frozen=True)
class CorpusSpec:
    files: int
    chars_per_file: int
    codes: int
    coders: int
    segments: int
    batch: int = 5_000
    seed: int = 20_250_301


FULL = CorpusSpec(files=300, chars_per_file=20_000, codes=60, coders=4, segments=100_000)
QUICK = CorpusSpec(files=30, chars_per_file=20_000, codes=60, coders=4, segments=10_000)

# -- word lists --------------------------------------------------------------------

_ES_OPENERS = (
    "Pues",
    "Bueno",
    "Mire",
    "La verdad",
    "Yo creo que",
    "En mi caso",
    "Antes",
    "Ahora",
    "Desde el año pasado",
    "Cuando empecé",
    "Fíjese que",
    "Sí, claro,",
    "Este...",
    "O sea,",
)
_ES_SUBJECTS = (
    "el sindicato",
    "la empresa",
    "mi supervisora",
    "los compañeros",
    "las trabajadoras",
    "el patrón",
    "la inspección laboral",
    "mi familia",
    "nadie",
    "la maquiladora",
    "el delegado",
    "la gerencia",
    "mi hermana",
    "la Secretaría del Trabajo",
)
_ES_VERBS = (
    "nos pagaba",
    "decía que respetaba",
    "cambió",
    "no respetaba",
    "organizó",
    "exigía",
    "prometió",
    "negoció",
    "ignoró",
    "defendió",
    "nos explicó",
    "votó contra",
    "firmó",
    "aumentó",
)
_ES_OBJECTS = (
    "el salario mínimo",
    "las horas extra",
    "el contrato colectivo",
    "la jornada de trabajo",
    "el trabajo infantil",
    "la votación",
    "los derechos laborales",
    "el aguinaldo",
    "la seguridad social",
    "el reparto de utilidades",
    "el trabajo en la línea",
    "las vacaciones",
    "la guardería",
    "el bono de puntualidad",
    "la libertad sindical",
)
_ES_TAILS = (
    "en la fábrica",
    "después de la reforma",
    "sin avisarnos",
    "por miedo",
    "cada quincena",
    "desde el T-MEC",
    "aquí en Matamoros",
    "con mucha presión",
    "según la ley",
    "y eso nos afectó a todas",
    "en el turno de noche",
    "también en Ciudad Juárez",
    "más o menos así",
    "porque no había trabajo",
)
_ES_QUESTIONS = (
    "¿Cómo era el trabajo en la planta",
    "¿Qué pasó con el sindicato",
    "¿Usted votó en la legitimación del contrato",
    "¿Cuántas horas trabajaba a la semana",
    "¿Conoció casos de trabajo infantil",
    "¿Qué cambió después de la reforma laboral",
    "¿Le pagaban las horas extra",
    "¿Cómo se enteró de la votación",
)
_EN_OPENERS = (
    "Well,",
    "Honestly,",
    "I think",
    "In my case",
    "Back then",
    "Now",
    "Since last year",
    "When I started,",
    "You know,",
    "To be fair,",
)
_EN_SUBJECTS = (
    "the union",
    "the company",
    "my supervisor",
    "the other workers",
    "management",
    "the labour inspector",
    "nobody",
    "the plant manager",
    "our delegate",
    "the federal centre",
)
_EN_VERBS = (
    "paid",
    "changed",
    "ignored",
    "organised",
    "demanded",
    "promised",
    "negotiated",
    "explained",
    "voted on",
    "signed",
)
_EN_OBJECTS = (
    "the minimum wage",
    "the overtime hours",
    "the collective agreement",
    "the working day",
    "child labour",
    "the vote",
    "our labour rights",
    "the year-end bonus",
    "social security",
    "profit sharing",
    "the trabajo on the line",
)
_EN_TAILS = (
    "at the plant",
    "after the reform",
    "without telling us",
    "out of fear",
    "every two weeks",
    "under the USMCA",
    "here in Matamoros",
    "under a lot of pressure",
    "according to the law",
    "on the night shift",
)
_EN_QUESTIONS = (
    "How was the work at the plant",
    "What happened with the union",
    "Did you vote in the contract legitimation",
    "How many hours did you work each week",
    "Did you hear of child labour",
    "What changed after the labour reform",
)
_EMOJI = ("😀", "👍", "🙏", "😢", "💪", "🏭", "✊")
_SPEAKERS_ES = (
    ("ENTREVISTADORA", "TRABAJADORA"),
    ("ENTREVISTADOR", "TRABAJADOR"),
    ("ENTREVISTADORA", "DELEGADA SINDICAL"),
)
_SPEAKERS_EN = (("INTERVIEWER", "WORKER"), ("INTERVIEWER", "UNION DELEGATE"))
_PLACES = ("Matamoros", "Ciudad Juárez", "Reynosa", "Silao", "Tijuana", "Saltillo", "León")

_FOLDERS: dict[str, tuple[str, ...]] = {
    "Condiciones de trabajo": (
        "Jornada",
        "Horas extra",
        "Turno de noche",
        "Ritmo de la línea",
        "Descansos",
        "Vacaciones",
        "Acoso",
        "Despidos",
        "Contratación temporal",
    ),
    "Salario y prestaciones": (
        "Salario mínimo",
        "Aguinaldo",
        "Reparto de utilidades",
        "Bonos",
        "Seguridad social",
        "Vivienda",
        "Guardería",
        "Transporte",
        "Deudas",
    ),
    "Vida sindical": (
        "Legitimación del contrato",
        "Votación",
        "Delegados",
        "Sindicato independiente",
        "Sindicato de protección",
        "Asambleas",
        "Cuotas",
        "Represalias",
        "Libertad sindical",
    ),
    "Trabajo infantil": (
        "Edad de ingreso",
        "Escuela",
        "Trabajo familiar",
        "Campo",
        "Inspección",
        "Permisos",
        "Riesgos",
        "Ingreso del hogar",
        "Migración",
    ),
    "Salud y seguridad": (
        "Accidentes",
        "Químicos",
        "Equipo de protección",
        "Ergonomía",
        "COVID-19",
        "Salud mental",
        "Incapacidades",
        "Clínica de la empresa",
        "Ruido",
    ),
    "Reforma y T-MEC": (
        "Mecanismo de respuesta rápida",
        "Centro Federal",
        "Tribunales laborales",
        "Conocimiento de la reforma",
        "Cambios percibidos",
        "Expectativas",
        "Empresas extranjeras",
        "Cadena de suministro",
        "Quejas",
    ),
}
_CODERS = ("Ana Ruiz", "Berta Gómez", "Carlos Núñez", "Dana O'Neill", "Elena Ibáñez", "Félix Paz")

# -- transcripts -------------------------------------------------------------------


_WordLists = tuple[tuple[str, ...], ...]
_SPANISH: _WordLists = (_ES_OPENERS, _ES_SUBJECTS, _ES_VERBS, _ES_OBJECTS, _ES_TAILS)
_ENGLISH: _WordLists = (_EN_OPENERS, _EN_SUBJECTS, _EN_VERBS, _EN_OBJECTS, _EN_TAILS)


def _sentence(rng: random.Random, spanish: bool) -> str:
    openers, subjects, verbs, objects, tails = _SPANISH if spanish else _ENGLISH
    parts = []
    if rng.random() < 0.4:
        parts.append(rng.choice(openers))
    parts += [rng.choice(subjects), rng.choice(verbs), rng.choice(objects)]
    if rng.random() < 0.6:
        parts.append(rng.choice(tails))
    text = " ".join(parts)
    text = text[0].upper() + text[1:]
    roll = rng.random()
    if spanish and roll < 0.08:
        text = "¡" + text + "!"
    elif roll < 0.12:
        text += "..."
    else:
        text += "."
    if rng.random() < 0.04:
        text += " " + rng.choice(_EMOJI)
    return text


def _question(rng: random.Random, spanish: bool) -> str:
    if spanish:
        return rng.choice(_ES_QUESTIONS) + rng.choice(("?", " en ese tiempo?", ", más o menos?"))
    return rng.choice(_EN_QUESTIONS) + rng.choice(("?", " at that time?", ", roughly?"))


def transcript_turns(
    rng: random.Random, number: int, chars: int
) -> tuple[str, list[tuple[str, str]]]:
    """A title and ``(speaker, speech)`` turns adding up to about ``chars`` characters."""
    spanish = rng.random() < 0.7
    asker, answerer = rng.choice(_SPEAKERS_ES if spanish else _SPEAKERS_EN)
    place = rng.choice(_PLACES)
    title = (
        f"Entrevista {number:03d} — {place}, {rng.randint(1, 28)} de marzo de 2024"
        if spanish
        else f"Interview {number:03d} — {place}, March {rng.randint(1, 28)}, 2024"
    )
    wanted = int(chars * rng.uniform(0.9, 1.1))
    turns: list[tuple[str, str]] = []
    size = len(title)
    while size < wanted:
        # Code-switching: now and then a turn in the other language.
        question = _question(rng, spanish if rng.random() < 0.9 else not spanish)
        answer = " ".join(
            _sentence(rng, spanish if rng.random() < 0.92 else not spanish)
            for _ in range(rng.randint(2, 9))
        )
        for speaker, speech in ((asker, question), (answerer, answer)):
            turns.append((speaker, speech))
            size += len(speaker) + 2 + len(speech) + 1
    return title, turns


def write_transcripts(folder: Path, spec: CorpusSpec) -> list[Path]:
    """Write ``spec.files`` transcripts as ``.docx`` into ``folder``; same seed, same text."""
    rng = random.Random(spec.seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for number in range(1, spec.files + 1):
        title, turns = transcript_turns(rng, number, spec.chars_per_file)
        document = docx.Document()
        document.core_properties.created = datetime(2024, 3, 1)
        document.core_properties.modified = datetime(2024, 3, 1)
        document.core_properties.author = "bench"
        document.add_paragraph(title).runs[0].bold = True
        for speaker, speech in turns:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{speaker}:").bold = True
            paragraph.add_run(f" {speech}")
        path = folder / f"entrevista-{number:03d}.docx"
        document.save(str(path))
        paths.append(path)
    return paths


# -- project contents --------------------------------------------------------------


def build_codebook(project: Project, spec: CorpusSpec) -> list[int]:
    """Folders (not codable) with codable children, ``spec.codes`` codes in all.

    Returns:
        The ids of the codable codes.
    """
    folders = list(_FOLDERS.items())
    per_folder = max(1, spec.codes // len(folders) - 1)
    codable: list[int] = []
    made = 0
    for folder, children in folders:
        if made >= spec.codes:
            break
        parent = CreateCode(CodeSpec(folder, codable=False))
        project.run(parent, undoable=False)
        made += 1
        for child in children[:per_folder]:
            if made >= spec.codes:
                break
            command = CreateCode(CodeSpec(child, parent_id=parent.code_id))
            project.run(command, undoable=False)
            assert command.code_id is not None
            codable.append(command.code_id)
            made += 1
    return codable


def add_coders(project: Project, spec: CorpusSpec) -> list[int]:
    """Coders up to ``spec.coders`` in all (the project's current coder counts as one)."""
    ids = [coder.id for coder in project.coders()]
    for name in _CODERS:
        if len(ids) >= spec.coders:
            break
        if any(coder.name == name for coder in project.coders()):
            continue
        command = AddCoder(name)
        project.run(command, undoable=False)
        assert command.coder_id is not None
        ids.append(command.coder_id)
    return ids


def add_segments(
    project: Project, spec: CorpusSpec, code_ids: list[int], coder_ids: list[int]
) -> int:
    """Add ``spec.segments`` segments over every document, code and coder, in batches."""
    rng = random.Random(spec.seed + 1)
    documents = [(d.id, d.length) for d in project.documents()]
    # Some codes are used far more than others, as in real coding.
    weights = [1.0 / (1 + rank % 12) for rank in range(len(code_ids))]
    codes = rng.choices(code_ids, weights=weights, k=spec.segments)
    batch: list[NewSegment] = []
    added = 0
    for index in range(spec.segments):
        document_id, length = documents[index % len(documents)]
        span = rng.randint(40, 900)
        start = rng.randrange(0, max(1, length - span))
        end = min(length, start + span)
        memo = "Revisar con el equipo 👀" if rng.random() < 0.03 else ""
        batch.append(NewSegment(document_id, codes[index], start, end, memo, rng.choice(coder_ids)))
        if len(batch) >= spec.batch or index == spec.segments - 1:
            project.run(AddSegments(batch, origin="import"), undoable=False)
            added += len(batch)
            batch = []
    return added
