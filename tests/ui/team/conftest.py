"""Projects, sessions and a main window for the audit-log and backup dialogs' tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.factories import add_code, add_document, code_passage, new_project
from ui import settings
from ui.main_window import MainWindow
from ui.session import AppSession
from workbench.project import Project

TEXT = (
    "Interviewer: What changed at the mill?\n"
    "Respondent: We elected our union delegates by secret ballot.\n"
    "Respondent: Now there is protective equipment and fewer accidents.\n"
)


@pytest.fixture
def temporary_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


def fill(project: Project) -> tuple[int, int]:
    """A document, a code and a coded passage; returns the document's and code's ids."""
    document = add_document(project, "Interview 1", TEXT)
    code = add_code(project, "Unions")
    code_passage(project, document, code, "union delegates")
    return document, code


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
def session(tmp_path: Path, make_session: Callable[[Project], AppSession]) -> AppSession:
    project = new_project(tmp_path, "study.qdb", coder="Ana Ruiz")
    fill(project)
    return make_session(project)


@pytest.fixture
def window(qtbot: QtBot, temporary_settings: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    path = tmp_path / "window" / "study.qdb"
    path.parent.mkdir()
    project = new_project(path.parent, path.name, coder="Ana Ruiz")
    fill(project)
    project.close()
    settings.remember_identity(str(path), "Ana Ruiz", "AR", "#d62728")
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    assert main.open_project(str(path))
    yield main
    main.close_project()
