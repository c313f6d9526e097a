"""A main window with the demo project open, settings kept in a temporary file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui import settings
from ui.main_window import MainWindow
from workbench.demo import build_demo


@pytest.fixture
def temporary_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qdb"
    build_demo(path)
    return path


@pytest.fixture
def demo_copy(tmp_path: Path, demo_source: Path) -> Path:
    target = tmp_path / "demo.qdb"
    target.write_bytes(demo_source.read_bytes())
    return target


@pytest.fixture
def window(qtbot, temporary_settings: Path, demo_copy: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings.remember_identity(str(demo_copy), "Ana Ruiz", "AR", "#d62728")
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    assert main.open_project(str(demo_copy))
    yield main
    main.close_project()
