"""The demo project open in a matrix panel, and in a main window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui import settings
from ui.analysis.panel import MatrixPanel
from ui.main_window import MainWindow
from ui.session import AppSession
from workbench.demo import build_demo
from workbench.project import Project


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("matrix-demo") / "demo.qdb"
    build_demo(path)
    return path


@pytest.fixture
def demo_copy(tmp_path: Path, demo_source: Path) -> Path:
    target = tmp_path / "demo.qdb"
    target.write_bytes(demo_source.read_bytes())
    return target


@pytest.fixture
def session(demo_copy: Path) -> Iterator[AppSession]:
    project = Project.open(demo_copy)
    project.use_coder("Ana Ruiz")
    opened = AppSession(project)
    yield opened
    opened.close()


@pytest.fixture
def panel(qtbot: QtBot, session: AppSession) -> MatrixPanel:
    """A matrix panel on the demo, shown, with its first matrix computed."""
    shown = MatrixPanel(session)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.table is not None, timeout=10_000)
    return shown


@pytest.fixture
def temporary_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


@pytest.fixture
def window(qtbot: QtBot, temporary_settings: Path, demo_copy: Path) -> Iterator[MainWindow]:
    settings.remember_identity(str(demo_copy), "Ana Ruiz", "AR", "#d62728")
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    assert main.open_project(str(demo_copy))
    yield main
    main.close_project()
