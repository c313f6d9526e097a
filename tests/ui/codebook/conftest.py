"""Sessions over small, template and demo projects for the codebook's GUI tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.factories import add_code, add_document, code_passage, new_project
from ui.session import AppSession
from workbench.commands.codes import CreateCodeGroup
from workbench.newproject import create_project
from workbench.project import Project

TEXT = (
    "ENTREVISTADORA: ¿Qué cambió en el ingenio?\n"
    "TRABAJADORA: Formamos un sindicato independiente y votamos por la dirigencia.\n"
    "TRABAJADOR: Ahora hay equipo de protección y menos accidentes en la zafra.\n"
)


@pytest.fixture
def make_session(qapp: object) -> Iterator[Callable[[Project], AppSession]]:
    sessions: list[AppSession] = []

    def make(project: Project) -> AppSession:
        session = AppSession(project)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def empty_session(tmp_path: Path, make_session: Callable[[Project], AppSession]) -> AppSession:
    return make_session(new_project(tmp_path, "empty.qdb"))


@pytest.fixture
def template_session(tmp_path: Path, make_session: Callable[[Project], AppSession]) -> AppSession:
    project = create_project(
        tmp_path / "template.qdb", template="usmca-evaluation", language="es", coder="Ana"
    )
    return make_session(project)


class Small:
    """A hand-made codebook: two groups, a parent with children, a folder, coded text."""

    def __init__(self, project: Project) -> None:
        outcomes = CreateCodeGroup("Outcomes")
        themes = CreateCodeGroup("Themes")
        project.run(outcomes)
        project.run(themes)
        assert outcomes.group_id is not None and themes.group_id is not None
        self.outcomes, self.themes = outcomes.group_id, themes.group_id
        self.unions = add_code(
            project,
            "Worker advocacy",
            label="1",
            group_id=self.outcomes,
            definition="Workers defend their rights.",
        )
        self.independent = add_code(
            project,
            "Independent unions",
            self.unions,
            label="1b",
            definition="Sindicatos independientes elegidos por votación.",
            inclusion="Votes, elections of union leaders.",
            exclusion="Company unions (use 2d).",
            example="Formamos un sindicato independiente",
        )
        self.safety = add_code(project, "Safety demands", self.unions, label="1c")
        self.barriers = add_code(project, "Barriers", label="BAR", group_id=self.themes)
        self.folder = add_code(project, "Folder", codable=False, group_id=self.themes)
        self.document = add_document(project, "Entrevista 1", TEXT)
        code_passage(project, self.document, self.independent, "sindicato independiente")
        code_passage(project, self.document, self.independent, "votamos por la dirigencia")
        code_passage(project, self.document, self.safety, "equipo de protección")
        code_passage(project, self.document, self.unions, "Formamos")


@pytest.fixture
def small(
    tmp_path: Path, make_session: Callable[[Project], AppSession]
) -> tuple[AppSession, Small]:
    project = new_project(tmp_path)
    built = Small(project)
    return make_session(project), built
