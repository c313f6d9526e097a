"""The Spanish translation: compiled, complete, faithful to its sources, and used by the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from ui import settings, translations
from ui.main_window import MainWindow
from ui.translations import Message, messages, qm_path, ts_path

PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")

# Read once: every test below looks at the committed files.
ALL = messages(ts_path("es"))


def _ids(found: list[Message]) -> list[str]:
    return [f"{m.context}:{m.source[:40]}" for m in found]


@pytest.fixture
def temporary_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "s.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QTranslator]:
    """The workbench's Spanish translation installed on the application, for one test."""
    translator = QTranslator()
    assert translator.load(str(qm_path("es")))
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


# -- the files -----------------------------------------------------------------------


def test_the_translation_has_messages() -> None:
    assert len(ALL) > 100
    assert {"MainWindow", "StartScreen", "CodebookPanel", "TranscriptView"} <= {
        m.context for m in ALL
    }


def test_the_compiled_translation_is_up_to_date_and_complete() -> None:
    report = translations.check("es")
    assert report.qm_up_to_date, "run: python -m ui.translations compile"
    assert report.unfinished == [], "translate these, then compile: " + ", ".join(
        str(m) for m in report.unfinished
    )
    assert report.mismatched == []
    assert report.ok


def test_no_message_is_unfinished() -> None:
    assert _ids([m for m in ALL if not m.finished]) == []


def test_placeholders_are_kept() -> None:
    wrong = [
        m
        for m in ALL
        if Counter(PLACEHOLDER.findall(m.source)) != Counter(PLACEHOLDER.findall(m.translation))
    ]
    assert _ids(wrong) == []


def test_html_tags_are_kept() -> None:
    wrong = [
        m for m in ALL if Counter(TAG.findall(m.source)) != Counter(TAG.findall(m.translation))
    ]
    assert _ids(wrong) == []


def test_accelerators_are_kept() -> None:
    wrong = [
        m
        for m in ALL
        if translations.accelerators(m.source) != translations.accelerators(m.translation)
    ]
    assert _ids(wrong) == []


def test_accelerator_and_placeholder_helpers() -> None:
    assert translations.accelerators("&File") == 1
    assert translations.accelerators("Salt && pepper") == 0
    assert translations.accelerators("<b>a</b>&nbsp;b &amp; c") == 0
    assert translations.placeholders("{0} of {1}, {0}") == Counter({"{0}": 2, "{1}": 1})
    assert translations.mismatch(Message("C", "Line {0}: {1}", "Línea {0}", True)) is not None
    assert translations.mismatch(Message("C", "<b>x</b>", "x", True)) == "HTML tags differ"
    assert translations.mismatch(Message("C", "&Quit", "&Salir", True)) is None


# -- the tool ------------------------------------------------------------------------


def test_check_notices_a_stale_qm_and_an_unfinished_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ts_path("es"), tmp_path / "workbench_es.ts")
    shutil.copy(qm_path("es"), tmp_path / "workbench_es.qm")
    monkeypatch.setattr(translations, "TRANSLATIONS", tmp_path)
    assert translations.check("es").ok

    ts = tmp_path / "workbench_es.ts"
    text = ts.read_text(encoding="utf-8")
    ts.write_text(
        text.replace(
            "<translation>&amp;Archivo</translation>", "<translation>A&amp;rchivo</translation>"
        ),
        encoding="utf-8",
    )
    assert not translations.check("es").qm_up_to_date
    translations.compile_translations("es", quiet=True)
    assert translations.check("es").ok

    ts.write_text(
        text.replace(
            "<translation>&amp;Archivo</translation>",
            '<translation type="unfinished">&amp;Archivo</translation>',
        ),
        encoding="utf-8",
    )
    report = translations.check("es")
    assert [(m.context, m.source) for m in report.unfinished] == [("MainWindow", "&File")]
    assert not report.ok


def test_update_keeps_every_translation(tmp_path: Path) -> None:
    copy = tmp_path / "workbench_es.ts"
    shutil.copy(ts_path("es"), copy)
    translations.update("es", ts=copy, quiet=True)
    before = {(m.context, m.source): m.translation for m in ALL if m.finished}
    after = {(m.context, m.source): m.translation for m in messages(copy) if m.finished}
    lost = {key: text for key, text in before.items() if after.get(key) != text}
    # A message the code dropped since is allowed to go; a kept one keeps its text.
    still_in_code = {(m.context, m.source) for m in messages(copy)}
    assert {key: text for key, text in lost.items() if key in still_in_code} == {}


def test_the_tools_are_found_next_to_python() -> None:
    assert translations.tool("pyside6-lupdate").is_file()
    assert translations.tool("pyside6-lrelease").is_file()
    with pytest.raises(FileNotFoundError):
        translations.tool("no-such-qt-tool")


# -- the window in Spanish -----------------------------------------------------------
# What the window shows is compared with the translation file, never with a list kept
# here: a new menu, menu item or tab needs its translation, not a change to these tests.

#: Tab and menu texts that are the same word in both languages, translated as they are.
SAME_IN_BOTH = {"Memos"}


def _translations(context: str) -> dict[str, str]:
    """English source -> finished Spanish translation, for one context of the file."""
    return {m.source: m.translation for m in ALL if m.context == context and m.finished}


def _menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _menus(window: MainWindow) -> list[list[str]]:
    """The menu bar's titles, then the items of every menu and submenu, in a stable order."""
    found = [[a.text() for a in window.menuBar().actions()]]
    pending = list(window._menus.values())
    while pending:
        menu = pending.pop(0)
        found.append(_menu_texts(menu))
        pending += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
    return found


def _accelerator(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def _workspace_texts(window: MainWindow) -> tuple[list[str], list[str]]:
    """The titles of the docks and of the bottom tabs of an open project."""
    workspace = window.workspace
    assert workspace is not None
    docks = [d.windowTitle() for d in workspace.docks]
    tabs = [workspace.bottom.tabText(i) for i in range(workspace.bottom.count())]
    return docks, tabs


@contextmanager
def _english(qapp: QApplication, translator: QTranslator) -> Iterator[None]:
    """The Spanish translator taken off for a while (to build the English twin of a widget)."""
    qapp.removeTranslator(translator)
    try:
        yield
    finally:
        qapp.installTranslator(translator)


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workbench.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.qdb"
    build_demo(path)
    return path


@pytest.fixture
def demo(tmp_path: Path, demo_source: Path, temporary_settings: Path) -> Path:
    """A copy of the demo project, with its coder remembered (no identity dialog)."""
    target = tmp_path / "demo.qdb"
    target.write_bytes(demo_source.read_bytes())
    settings.remember_identity(str(target), "Ana Ruiz", "AR", "#d62728")
    return target


def test_the_main_window_speaks_spanish(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, temporary_settings: Path, spanish: QTranslator
) -> None:
    with _english(qapp, spanish):
        english = MainWindow()
        qtbot.addWidget(english)
    window = MainWindow()
    qtbot.addWidget(window)
    spanish_of = _translations("MainWindow")
    sources = {m.source for m in ALL if m.context == "MainWindow"}

    source_titles, titles = _menus(english)[0], _menus(window)[0]
    assert len(titles) == len(source_titles) == len(window._menus)
    for source, title in zip(source_titles, titles, strict=True):
        assert title == spanish_of.get(source), source
        assert title != source
    assert window._menus["file"].title() == spanish_of["&File"]

    # Every item the file knows is shown translated; the others (language names) as they are.
    for source_items, items in zip(_menus(english)[1:], _menus(window)[1:], strict=True):
        assert len(items) == len(source_items)
        for source, item in zip(source_items, items, strict=True):
            if source in sources:
                assert item == spanish_of.get(source), source
    start = _translations("StartScreen")
    assert window.start.new_button.text() == start["New project…"]
    assert window.start.open_button.text() == start["Open a project file…"]


def test_accelerators_are_unique_in_the_menu_bar_and_in_each_menu(  # type: ignore[no-untyped-def]
    qtbot, demo: Path, spanish: QTranslator
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(demo))
    try:
        # Alt+letter must reach one item only: in the menu bar, and in each menu.
        for texts in _menus(window):
            keys = [k for k in map(_accelerator, texts) if k is not None]
            assert len(keys) == len(set(keys)), texts
    finally:
        window.close_project()


def test_the_window_is_english_without_the_translator(qtbot, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window._menus["file"].title() == "&File"
    assert window.start.new_button.text() == "New project…"


def test_the_demo_project_speaks_spanish(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Path, spanish: QTranslator
) -> None:
    with _english(qapp, spanish):
        english = MainWindow()
        qtbot.addWidget(english)
        assert english.open_project(str(demo))
        source_docks, source_tabs = _workspace_texts(english)
        english.close_project()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(demo))
    try:
        docks, tabs = _workspace_texts(window)
        spanish_of = _translations("Workspace")
        assert len(tabs) == len(source_tabs) >= 4
        assert len(docks) == len(source_docks) >= 3
        for source, text in zip(source_docks + source_tabs, docks + tabs, strict=True):
            assert text == spanish_of.get(source), source
            assert text != source or source in SAME_IN_BOTH, source
        assert [a.text() for a in window._undo_actions] == [
            _translations("MainWindow")["Undo"],
            _translations("MainWindow")["Redo"],
        ]
    finally:
        window.close_project()


def test_an_empty_project_speaks_spanish(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, temporary_settings: Path, spanish: QTranslator
) -> None:
    from ui.codebook.panel import EMPTY_MESSAGE
    from workbench.newproject import create_project

    location = tmp_path / "vacio.qdb"
    create_project(str(location), template=None, language="es", coder="Ana Ruiz").close()
    settings.remember_identity(str(location), "Ana Ruiz", "AR", "#d62728")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(str(location))
    workspace = window.workspace
    assert workspace is not None
    try:
        codebook = workspace.codebook
        assert codebook.empty_label.text() != EMPTY_MESSAGE
        assert codebook.empty_label.text() == _translations("CodebookPanel")[EMPTY_MESSAGE]
        assert codebook.empty_label.text().startswith("Este libro de códigos aún no tiene códigos.")
        assert codebook.new_code_action.iconText() == "+ Código"
    finally:
        window.close_project()


def test_command_names_are_translated(spanish: QTranslator) -> None:
    from ui.command_labels import translated

    assert translated("Add code") == "Agregar código"
    assert translated("Code 3 passages") == "Codificar 3 fragmentos"
    assert translated("Merge 2 returned files") == "Fusionar 2 archivos devueltos"
    assert translated("Merge codes") == "Fusionar códigos"
    assert translated("Merge ana.qdb") == "Fusionar ana.qdb"
    assert translated("Import REFI-QDA project datos {1}.qdpx") == (
        "Importar proyecto REFI-QDA datos {1}.qdpx"
    )
    assert (
        translated("Make an assignment file for Ana") == "Crear un archivo de asignación para Ana"
    )
    assert translated("A name no one translated") == "A name no one translated"


def test_module_constants_stay_english() -> None:
    from ui.codebook.model import UNGROUPED_NAME
    from ui.codebook.panel import EMPTY_MESSAGE
    from ui.transcript.view import EMPTY_TEXT

    assert UNGROUPED_NAME == "Ungrouped"
    assert EMPTY_MESSAGE.startswith("This codebook has no codes yet.")
    assert EMPTY_TEXT.startswith("Choose a document")
    sources = {(m.context, m.source) for m in ALL}
    assert ("CodebookModel", UNGROUPED_NAME) in sources
    assert ("CodebookPanel", EMPTY_MESSAGE) in sources
    assert ("TranscriptView", EMPTY_TEXT) in sources
