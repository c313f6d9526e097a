"""The main window driven as a coder uses it: open, read, code, retrieve, search, undo."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from ui import settings
from ui.documents.model import DocumentsModel
from ui.main_window import MainWindow
from ui.retrieval.model import RetrievalModel
from ui.search.model import HitsModel


def test_opening_shows_the_first_document_and_the_coder(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    first = workspace.session.project.documents()[0]
    assert workspace.transcript.document_id == first.id
    assert "Ana Ruiz (AR)" in window.coder_label.text()
    assert window.windowTitle().endswith("Coding Workbench")
    assert workspace.documents.model.rowCount() == 12


def test_select_a_passage_code_it_see_it_in_retrieval_undo_redo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    document = project.documents()[1]
    workspace.show_document(document.id)
    text = project.text(document.id)
    start = text.index("café") if "café" in text else 10
    workspace.transcript.select_span(start, start + 4)
    code_id = project.code_id("4b")
    before = len(project.segments(code_ids=[code_id]))
    assert workspace.code_selection(code_id)
    segments = project.segments(code_ids=[code_id])
    assert len(segments) == before + 1
    newest = max(segments, key=lambda s: s.id)
    assert text[newest.start : newest.end] == text[start : start + 4]
    assert workspace.transcript.selected_span() is None

    workspace.codebook.select_code(code_id)
    qtbot.waitUntil(lambda: workspace.retrieval.model.rowCount() == before + 1)
    assert window._undo_actions[0].text().endswith("Code passage")

    window._undo_actions[0].trigger()
    assert len(project.segments(code_ids=[code_id])) == before
    qtbot.waitUntil(lambda: workspace.retrieval.model.rowCount() == before)
    window._undo_actions[1].trigger()
    assert len(project.segments(code_ids=[code_id])) == before + 1


def test_a_click_on_a_code_codes_only_when_text_is_selected(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    code_id = project.code_id("P4")
    count = len(project.segments())
    workspace.codebook.code_clicked.emit(code_id)
    assert len(project.segments()) == count
    workspace.transcript.select_span(0, 5)
    workspace.codebook.code_clicked.emit(code_id)
    assert len(project.segments()) == count + 1


def test_retrieval_filters_by_coder_and_jumps_to_the_passage(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    code_id = project.code_id("1a")
    workspace.codebook.select_code(code_id)
    panel = workspace.retrieval
    everyone = len(project.segments(code_ids=[code_id]))
    qtbot.waitUntil(lambda: panel.model.rowCount() == everyone)
    ben = next(c for c in project.coders() if c.initials == "BC")
    panel.coder.setCurrentIndex(panel.coder.findData(ben.id))
    only_ben = len(project.segments(code_ids=[code_id], coder_ids=[ben.id]))
    assert panel.model.rowCount() == only_ben < everyone
    shown = panel.proxy.index(0, 1)
    row = panel.model.row_at(panel.proxy.mapToSource(shown).row())
    panel._activated(shown)
    assert workspace.transcript.document_id == row.document_id
    assert workspace.transcript.selected_span() == (row.start, row.end)


def test_search_and_code_all_hits_in_one_undoable_step(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    search = workspace.search
    search.query.setText("sindicato")
    search.run_search()
    hits = search.model.rowCount()
    assert hits > 3
    assert search.code_button.isEnabled()
    theme = project.code_id("LL")
    monkeypatch.setattr(search, "_pick_code", lambda: theme)
    before = len(project.segments(code_ids=[theme]))
    search.code_all_hits()
    assert len(project.segments(code_ids=[theme])) == before + hits
    window._undo_actions[0].trigger()
    assert len(project.segments(code_ids=[theme])) == before


def test_memos_are_saved_as_you_type_and_undoable(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    memos = workspace.memos
    memos.add_memo()
    memos.editor.setPlainText("Revisar la historia de Ana con el equipo.")
    qtbot.waitUntil(lambda: any("Revisar" in m.text for m in memos._memos), timeout=3000)
    assert memos.list.count() == 1


def test_attributes_are_edited_for_the_current_document(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    document = project.documents()[0]
    workspace.show_document(document.id)
    state = next(a for a in project.attributes() if a.name == "Estado")
    editor = workspace.attributes._editors[state.id]
    editor.setCurrentIndex(editor.findData("Oaxaca"))
    editor.activated.emit(editor.currentIndex())
    assert project.documents()[0].attributes["Estado"] == "Oaxaca"
    window._undo_actions[0].trigger()
    assert project.documents()[0].attributes["Estado"] == document.attributes["Estado"]


def test_dropping_files_imports_them_off_the_gui_thread(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    source = tmp_path / "nueva-entrevista.txt"
    source.write_text(
        "ENTREVISTADORA: ¿Qué cambió?\nTRABAJADOR: Ahora votamos 😀 en secreto.\n", encoding="utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    panel = workspace.documents
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(drop)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 13, timeout=10000)
    assert any(d.name == "nueva-entrevista" for d in workspace.session.project.documents())
    assert window._undo_actions[0].text().endswith("Import document")


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    qtmodeltester.check(DocumentsModel(workspace.session))
    retrieval = RetrievalModel(workspace.session)
    retrieval.set_codes([workspace.session.project.code_id("1a")])
    qtmodeltester.check(retrieval)
    hits = HitsModel()
    hits.set_hits(workspace.session.search_index().search("sindicato"))
    qtmodeltester.check(hits)


def test_start_screen_lists_recent_projects(
    qtbot, temporary_settings: Path, demo_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.remember_project(str(demo_copy))
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.stack.currentWidget() is main.start
    assert main.start.recent.count() == 1
    assert main.start.recent.item(0).toolTip() == str(demo_copy)


def test_a_file_that_is_not_a_project_is_refused_with_a_message(  # type: ignore[no-untyped-def]
    qtbot, temporary_settings: Path, tmp_path: Path, monkeypatch
) -> None:
    bogus = tmp_path / "notes.qdb"
    bogus.write_text("not a database", encoding="utf-8")
    messages: list[str] = []
    main = MainWindow()
    qtbot.addWidget(main)
    monkeypatch.setattr(main, "_error", lambda title, message: messages.append(message))
    assert not main.open_project(str(bogus))
    assert messages and "not a workbench project" in messages[0]
    assert main.session is None


def test_refi_qda_export_then_import_through_the_file_menu(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    workspace = window.workspace
    assert workspace is not None
    exported = tmp_path / "demo.qdpx"
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exported), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(exported), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window._export_qdpx()
    assert exported.exists() and shown
    segments = len(workspace.session.project.segments())

    fresh = tmp_path / "fresh.qdb"
    settings.remember_identity(str(fresh), "Ana Ruiz", "AR", "#d62728")
    from workbench.project import Project

    Project.create(fresh).close()
    assert window.open_project(str(fresh))
    window._import_qdpx()
    project = window.workspace.session.project  # type: ignore[union-attr]
    assert len(project.documents()) == 12
    assert len(project.segments()) == segments
    window._undo_actions[0].trigger()
    assert project.documents() == []


def test_ctrl_k_codes_the_selection_with_the_code_typed_in_the_palette(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.codebook.palette import QuickCodePalette

    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    target = project.code_id("1b")
    before = len(project.segments(code_ids=[target]))
    workspace.transcript.select_span(10, 30)

    def type_in_palette() -> None:
        palette = QApplication.activeModalWidget()
        assert isinstance(palette, QuickCodePalette)
        qtbot.keyClicks(palette.chooser.query_edit, "1b")
        qtbot.keyClick(palette.chooser.query_edit, Qt.Key.Key_Return)

    QTimer.singleShot(100, type_in_palette)
    quick = next(a for a in window._project_actions if a.shortcut().toString() == "Ctrl+K")
    quick.trigger()
    segments = project.segments(code_ids=[target])
    assert len(segments) == before + 1
    newest = max(segments, key=lambda s: s.id)
    assert (newest.start, newest.end) == (10, 30)
    # the code is now the first recent code: Ctrl+1 applies it again
    workspace.transcript.select_span(40, 50)
    recent = next(a for a in window._project_actions if a.shortcut().toString() == "Ctrl+1")
    recent.trigger()
    assert len(project.segments(code_ids=[target])) == before + 2


def test_the_first_opening_asks_who_is_coding(  # type: ignore[no-untyped-def]
    qtbot, temporary_settings: Path, demo_copy: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.identity import IdentityDialog

    main = MainWindow()
    qtbot.addWidget(main)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, IdentityDialog)
        assert dialog.list.count() == 2  # the demo's coders to pick from
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "Carla N")  # QTest types ASCII only
        dialog.name.insert("úñez")
        assert dialog.initials.text() == "CN"
        dialog.accept()

    QTimer.singleShot(100, answer)
    assert main.open_project(str(demo_copy))
    project = main.session.project  # type: ignore[union-attr]
    me = next(c for c in project.coders() if c.id == project.coder_id)
    assert (me.name, me.initials) == ("Carla Núñez", "CN")
    assert "Carla Núñez (CN)" in main.coder_label.text()
    assert settings.identity(str(demo_copy)) == ("Carla Núñez", "CN", me.colour)
    main.close_project()
    # the second time the identity is remembered: no question
    assert main.open_project(str(demo_copy))
    assert main.session is not None and main.session.coder_id == me.id
    main.close_project()
