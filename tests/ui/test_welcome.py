"""The welcome screen (shown once; keeps the language and the coder) and the About box."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFormLayout

from ui import app as app_module
from ui import settings, welcome
from ui.about import LIBRARIES, AboutDialog, library_version
from ui.errors import log_folder
from ui.welcome import DEMO, NEW_PROJECT, WelcomeDialog
from workbench import __version__


@pytest.fixture
def temporary_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


def _welcome(qtbot, **kwargs) -> WelcomeDialog:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(**kwargs)
    qtbot.addWidget(dialog)
    return dialog


# -- the welcome screen ------------------------------------------------------------------


def test_the_welcome_screen_shows_once(
    qtbot, temporary_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[WelcomeDialog] = []

    def exec_(dialog: WelcomeDialog) -> int:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        dialog.close_button.click()
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)
    assert welcome.welcome_pending()
    assert welcome.welcome_on_first_start() is None
    assert len(shown) == 1
    assert not welcome.welcome_pending()
    assert welcome.welcome_on_first_start() is None
    assert len(shown) == 1
    assert "welcome" in temporary_settings.read_text()


def test_closing_the_window_also_counts_as_shown(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot)
    dialog.show()
    dialog.reject()
    assert not welcome.welcome_pending()
    assert dialog.choice is None


def test_it_stores_the_identity_and_the_language(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot)
    assert dialog.identity() is None
    qtbot.keyClicks(dialog.name, "Ana Ruiz")
    assert dialog.initials.text() == "AR"
    dialog.set_colour("#d62728")
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.demo_button.click()
    assert dialog.choice == DEMO
    assert settings.identity() == ("Ana Ruiz", "AR", "#d62728")
    assert settings.language() == "es"
    assert not welcome.welcome_pending()


def test_no_name_keeps_no_identity(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.new_button.click()
    assert dialog.choice == NEW_PROJECT
    assert settings.identity() is None
    assert settings.language() == "en"


def test_it_starts_from_what_is_known(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    settings.set_language("es")
    welcome.remember_default_identity("Ben Carter", "BC", "#2ca02c")
    dialog = _welcome(qtbot)
    assert dialog.language_code() == "es"
    assert dialog.identity() == ("Ben Carter", "BC", "#2ca02c")


def test_every_field_has_a_label(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot)
    labels = [
        dialog.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text() for row in range(3)
    ]
    assert labels == ["&Name", "&Initials", "&Colour"]
    assert [label.buddy() for label in dialog.field_labels] == [
        dialog.name,
        dialog.initials,
        dialog.colour_button,
    ]


def test_at_the_first_start_the_language_applies_at_once(
    qtbot, qapp: QApplication, temporary_settings: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot, live_language=True)
    try:
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        assert settings.language() == "es"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        app_module.switch_language(qapp, "en")


def test_from_help_the_language_waits_for_the_next_start(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert "next start" in dialog.language_note.text()


def test_the_demo_opens_as_the_coder_just_named(
    qtbot, tmp_path: Path, temporary_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    from workbench import demo

    monkeypatch.setattr(demo, "default_demo_path", lambda: tmp_path / "data" / "demo.qdb")
    welcome.remember_default_identity("Carla Díaz", "CD", "#9467bd")
    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(
        window, "_ask_identity", lambda *_args: pytest.fail("asked who codes a second time")
    )
    welcome.act_on(window, DEMO)
    try:
        assert window.session is not None
        assert "Carla Díaz (CD)" in window.coder_label.text()
    finally:
        window.close_project()


# -- the About box ---------------------------------------------------------------------


def test_the_about_box_names_the_version_and_the_log_folder(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert __version__ in text
    assert str(log_folder()) in text
    assert "NAME.backups" in text
    for name in ("Qt for Python (PySide6)", "SQLAlchemy", "pandas", "psycopg"):
        assert name in text
    assert dialog.libraries.rowCount() == len(LIBRARIES)


def test_the_about_box_shows_the_versions_in_use(qtbot) -> None:  # type: ignore[no-untyped-def]
    import PySide6
    import sqlalchemy

    versions = {library.name: library_version(library) for library in LIBRARIES}
    assert versions["Qt for Python (PySide6)"] == PySide6.__version__
    assert versions["SQLAlchemy"] == sqlalchemy.__version__
    assert all(versions[library.name] for library in LIBRARIES if library.distribution)


def _declared_licences(distribution: str) -> str:
    meta = metadata.metadata(distribution)
    declared = [meta.get("License-Expression") or "", (meta.get("License") or "")[:200]]
    declared += [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " | ".join(declared)


# How each licence is written in packages' metadata (SPDX ids, older free text, classifiers).
_SPELLINGS = {
    "MIT": r"\bMIT\b",
    "BSD-3-Clause": r"BSD-3-Clause|BSD License|\bBSD\b",
    "LGPL-3.0-only": r"LGPL-3\.0|LGPLv3|Lesser General Public License v3",
    "PSF-2.0": r"PSF|Python Software Foundation",
    "Apache-2.0": r"Apache",
}


@pytest.mark.parametrize(
    "library", [lib for lib in LIBRARIES if lib.distribution], ids=lambda lib: lib.name
)
def test_the_licences_shown_are_those_the_packages_declare(library) -> None:  # type: ignore[no-untyped-def]
    declared = _declared_licences(library.distribution)
    assert re.search(_SPELLINGS[library.licence], declared), (library.licence, declared)
