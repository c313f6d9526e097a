"""The demo project open in an agreement panel, and a small three-coder project."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.factories import add_code, add_document, new_project
from ui import settings
from ui.agreement.panel import AgreementPanel
from ui.agreement.report import AgreementReport
from ui.main_window import MainWindow
from ui.session import AppSession
from workbench.commands.coders import AddCoder
from workbench.commands.segments import AddSegments, NewSegment
from workbench.demo import build_demo
from workbench.project import Project


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agreement-demo") / "demo.qdb"
    build_demo(path)
    return path


@pytest.fixture
def demo_copy(tmp_path: Path, demo_source: Path) -> Path:
    target = tmp_path / "demo.qdb"
    target.write_bytes(demo_source.read_bytes())
    return target


@pytest.fixture
def demo_session(demo_copy: Path) -> Iterator[AppSession]:
    project = Project.open(demo_copy)
    project.use_coder("Ana Ruiz")
    session = AppSession(project)
    yield session
    session.close()


MakePanel = Callable[[AppSession], AgreementPanel]


@pytest.fixture
def make_panel(qtbot: QtBot) -> MakePanel:
    def make(session: AppSession) -> AgreementPanel:
        panel = AgreementPanel(session)
        qtbot.addWidget(panel)
        panel.resize(1300, 800)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


def compute(qtbot: QtBot, panel: AgreementPanel) -> AgreementReport:
    """Press Compute and wait for the worker's report."""
    with qtbot.waitSignal(panel.computed, timeout=30000) as blocker:
        assert panel.compute()
    qtbot.waitUntil(lambda: not panel.busy)
    report = blocker.args[0]
    assert isinstance(report, AgreementReport)
    return report


@pytest.fixture
def demo_panel(qtbot: QtBot, demo_session: AppSession, make_panel: MakePanel) -> AgreementPanel:
    panel = make_panel(demo_session)
    compute(qtbot, panel)
    return panel


@pytest.fixture
def three_coders(tmp_path: Path) -> Iterator[AppSession]:
    """Three coders on two short documents, with one code two of them applied alike."""
    project = new_project(tmp_path, "three.qdb", coder="Lena Lead")
    coders = []
    for name, initials in (("Ana Ruiz", "AR"), ("Ben Carter", "BC"), ("Carla Díaz", "CD")):
        command = AddCoder(name, initials=initials)
        project.run(command)
        assert command.coder_id is not None
        coders.append(command.coder_id)
    text = "Formamos un sindicato independiente y votamos por la dirigencia. " * 4
    one = add_document(project, "Entrevista 1", text)
    two = add_document(project, "Entrevista 2", text[::-1])
    union = add_code(project, "Independent unions", label="1b", colour="#4e79a7")
    wages = add_code(project, "Wages", label="2a", colour="#e15759")
    ana, ben, carla = coders
    project.run(
        AddSegments(
            [
                NewSegment(one, union, 12, 34, coder_id=ana),
                NewSegment(one, union, 12, 34, coder_id=ben),
                NewSegment(one, union, 14, 40, coder_id=carla),
                NewSegment(one, wages, 70, 90, coder_id=ana),
                NewSegment(two, wages, 5, 25, coder_id=ben),
                NewSegment(two, union, 30, 50, coder_id=carla),
                NewSegment(two, union, 30, 50, coder_id=ana),
            ]
        )
    )
    session = AppSession(project)
    yield session
    session.close()


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    store = tmp_path / "settings.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(store), QSettings.Format.IniFormat)
    )
    settings.remember_identity(str(demo_copy), "Ana Ruiz", "AR", "#d62728")
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    assert main.open_project(str(demo_copy))
    yield main
    main.close_project()
