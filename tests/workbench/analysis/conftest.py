"""A small project with known counts, and the demo project, for the analysis tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.factories import add_code, add_document, new_project
from workbench.commands.attributes import CreateAttribute, SetAttributeValues
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CreateCodeGroup
from workbench.commands.segments import AddSegments, NewSegment
from workbench.demo import build_demo
from workbench.project import Project

TEXTS = {
    "D1": "P: ¿Qué cambió en la zafra?\nR: Formamos un sindicato independiente.\n"
    "R: Votamos el contrato colectivo.\n",
    "D2": "P: ¿Y los niños?\nR: Ya no van al corte de caña.\n",
    "D3": "R: Nada cambió aquí. El sindicato sigue igual.\nR: Otra cosa.\n",
    "D4": "R: Sin codificar.\n",
}
ATTRIBUTES = {
    "D1": {"State": "Veracruz", "Source type": "Interview", "ILAB project": "SC2; ENLACE"},
    "D2": {"State": "Oaxaca", "Source type": "Focus group", "ILAB project": "SC2"},
    "D3": {"State": "Veracruz", "Source type": "Focus group"},
    "D4": {"State": "Oaxaca", "Source type": "Interview", "ILAB project": "ENLACE"},
}
#: (document, code, coder, passage)
CODINGS = [
    ("D1", "1a", "Ana Ruiz", "Formamos un sindicato"),
    ("D1", "SC2", "Ana Ruiz", "un sindicato independiente"),
    ("D1", "1b", "Ana Ruiz", "Votamos el contrato"),
    ("D1", "1a", "Ben Carter", "Formamos un sindicato independiente."),
    ("D1", "ENLACE", "Ben Carter", "Votamos"),
    ("D2", "1a", "Ana Ruiz", "Ya no van al corte"),
    ("D2", "SC2", "Ana Ruiz", "corte de caña"),
    ("D3", "1b", "Ben Carter", "Nada cambió"),
    ("D3", "SC2", "Ben Carter", "El sindicato sigue igual"),
]


@dataclass
class Known:
    """The small project and the ids of what it holds."""

    project: Project
    documents: dict[str, int]
    codes: dict[str, int]
    coders: dict[str, int]


def build_known(folder: Path) -> Known:
    project = new_project(folder, "known.qdb", coder="Ana Ruiz")
    ben = AddCoder("Ben Carter")
    project.run(ben)
    assert ben.coder_id is not None
    coders = {"Ana Ruiz": project.coder_id or 0, "Ben Carter": ben.coder_id}
    documents = {name: add_document(project, name, text) for name, text in TEXTS.items()}
    groups = {}
    for name in ("Outcomes", "ILAB projects"):
        command = CreateCodeGroup(name)
        project.run(command)
        groups[name] = command.group_id
    codes = {
        "1a": add_code(project, "Unions formed", label="1a", group_id=groups["Outcomes"]),
        "1b": add_code(project, "Contracts voted", label="1b", group_id=groups["Outcomes"]),
        "SC2": add_code(project, "SC2", label="SC2", group_id=groups["ILAB projects"]),
        "ENLACE": add_code(project, "ENLACE", label="ENLACE", group_id=groups["ILAB projects"]),
    }
    attribute_ids = {}
    for name in ("State", "Source type", "ILAB project"):
        command = CreateAttribute(name)
        project.run(command)
        attribute_ids[name] = command.attribute_id
    values = [
        (documents[document], attribute_ids[name] or 0, value)
        for document, pairs in ATTRIBUTES.items()
        for name, value in pairs.items()
    ]
    project.run(SetAttributeValues(values))
    segments = []
    for document, code, coder, passage in CODINGS:
        start = TEXTS[document].index(passage)
        segments.append(
            NewSegment(
                documents[document], codes[code], start, start + len(passage), "", coders[coder]
            )
        )
    project.run(AddSegments(segments))
    return Known(project, documents, codes, coders)


@pytest.fixture
def known(tmp_path: Path) -> Iterator[Known]:
    built = build_known(tmp_path)
    try:
        yield built
    finally:
        built.project.close()


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qdb"
    build_demo(path, language="es")
    return path


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Project]:
    with Project.open(demo_path) as project:
        yield project
