from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QDialogButtonBox

from tests.ui.codebook.conftest import Small
from ui.codebook.dialogs import CodeDialog, DeleteCodeDialog, MergeCodeDialog
from ui.codebook.mime import Span, span_mime_data
from ui.codebook.model import CodebookRole
from ui.codebook.panel import EMPTY_MESSAGE, CodebookPanel
from ui.session import AppSession
from workbench.commands.codes import CodeSpec, CreateCode, UpdateCode
from workbench.entities import CodeInfo
from workbench.project import Project


@pytest.fixture
def panel(small: tuple[AppSession, Small], qtbot) -> CodebookPanel:
    session, _built = small
    widget = CodebookPanel(session)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    return widget


def codes(session: AppSession) -> dict[int, CodeInfo]:
    return {c.id: c for c in session.project.codes()}


def proxy_index(panel: CodebookPanel, code_id: int, column: int = 0) -> QModelIndex:
    return panel.proxy.mapFromSource(panel.model.index_of_code(code_id, column))


def press_ok(dialog: CodeDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_empty_codebook_says_how_to_start(empty_session: AppSession, qtbot) -> None:
    panel = CodebookPanel(empty_session)
    qtbot.addWidget(panel)
    assert panel.pages.currentWidget() is panel.empty_label
    assert "+ button" in panel.empty_label.text()
    assert "File > Import codebook" in panel.empty_label.text()
    assert panel.empty_label.text() == EMPTY_MESSAGE
    empty_session.run(CreateCode(CodeSpec("First code")))
    assert panel.pages.currentWidget() is panel.view


def test_new_code_goes_into_the_selected_group_and_undo_removes_it(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index_of_group(built.themes)))
    panel.new_code_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, CodeDialog)
    assert dialog.group_combo.currentData() == built.themes
    dialog.name_edit.setText("Lessons learned")
    dialog.label_edit.setText("LL")
    dialog.texts["definition"].setPlainText("What the team would do differently.")
    press_ok(dialog)
    created = next(c for c in codes(session).values() if c.name == "Lessons learned")
    assert (created.label, created.group, created.parent_id) == ("LL", "Themes", None)
    assert created.definition == "What the team would do differently."
    assert panel.selected_code_ids() == [created.id]
    assert panel.active_dialog is None
    session.undo_stack.undo()
    assert created.id not in codes(session)


def test_new_child_code_and_a_refused_name_keeps_the_dialog_open(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.select_code(built.unions)
    panel.new_child_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, CodeDialog)
    assert not dialog.group_combo.isEnabled()
    dialog.name_edit.setText("independent UNIONS")  # a sibling has this name
    press_ok(dialog)
    assert panel.active_dialog is dialog
    assert dialog.error_label.isVisibleTo(dialog)
    assert "already exists" in dialog.error_label.text()
    dialog.name_edit.setText("Wages")
    press_ok(dialog)
    wages = next(c for c in codes(session).values() if c.name == "Wages")
    assert wages.parent_id == built.unions
    assert panel.selected_code_ids() == [wages.id]


def test_edit_renames_and_redefines_and_undo_restores(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.select_code(built.barriers)
    panel.edit_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, CodeDialog)
    assert dialog.name_edit.text() == "Barriers"
    dialog.name_edit.setText("Barriers and challenges")
    dialog.texts["exclusion"].setPlainText("Not for reprisals (use RET).")
    press_ok(dialog)
    edited = codes(session)[built.barriers]
    assert edited.name == "Barriers and challenges"
    assert edited.exclusion == "Not for reprisals (use RET)."
    assert panel.model.index_of_code(built.barriers).data() == "BAR Barriers and challenges"
    session.undo_stack.undo()
    assert codes(session)[built.barriers].name == "Barriers"
    assert codes(session)[built.barriers].exclusion == ""


def test_edit_tells_when_someone_else_changed_the_code(
    small: tuple[AppSession, Small], panel: CodebookPanel, tmp_path: Path
) -> None:
    session, built = small
    panel.select_code(built.barriers)
    panel.edit_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, CodeDialog)
    with Project.open(tmp_path / "project.qdb") as other:  # another coder's window
        other.run(UpdateCode(built.barriers, definition="Their definition"))
    dialog.name_edit.setText("Our name")
    press_ok(dialog)
    assert panel.active_dialog is dialog
    message = dialog.error_label.text()
    assert "changed by someone else" in message
    assert "Press OK again" in message
    assert codes(session)[built.barriers].name == "Barriers"
    press_ok(dialog)  # a second OK saves over their edit, knowingly
    assert codes(session)[built.barriers].name == "Our name"
    assert codes(session)[built.barriers].definition == "Their definition"


def test_recolour(small: tuple[AppSession, Small], panel: CodebookPanel) -> None:
    session, built = small
    before = codes(session)[built.safety].colour
    panel.select_code(built.safety)
    panel.recolour_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, QColorDialog)
    dialog.setCurrentColor(QColor("#12ab34"))
    dialog.accept()
    assert codes(session)[built.safety].colour == "#12ab34"
    assert panel.model.index_of_code(built.safety).data(CodebookRole.COLOUR) == "#12ab34"
    session.undo_stack.undo()
    assert codes(session)[built.safety].colour == before


def test_move_by_drag_and_drop_through_the_view_model(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    proxy = panel.proxy
    data = proxy.mimeData([proxy_index(panel, built.barriers)])
    target = proxy_index(panel, built.unions)
    action = Qt.DropAction.MoveAction
    assert proxy.canDropMimeData(data, action, -1, -1, target)
    assert proxy.dropMimeData(data, action, -1, -1, target)
    assert codes(session)[built.barriers].parent_id == built.unions
    assert proxy_index(panel, built.barriers).parent() == proxy_index(panel, built.unions)

    group = proxy.mapFromSource(panel.model.index_of_group(built.themes))
    data = proxy.mimeData([proxy_index(panel, built.independent)])
    assert proxy.dropMimeData(data, action, -1, -1, group)
    moved = codes(session)[built.independent]
    assert (moved.parent_id, moved.group) == (None, "Themes")

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert codes(session)[built.barriers].parent_id is None
    assert codes(session)[built.independent].parent_id == built.unions
    assert codes(session)[built.independent].group == "Outcomes"


def test_merge_into_a_code_chosen_in_a_filtered_list(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.select_code(built.safety)
    panel.merge_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, MergeCodeDialog)
    offered = dialog.chooser.results()
    assert built.safety not in offered and built.folder not in offered  # itself, a folder
    dialog.chooser.set_query("barr")
    assert dialog.target() == built.barriers
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = codes(session)
    assert built.safety not in after
    assert after[built.barriers].segments == 1
    session.undo_stack.undo()
    assert codes(session)[built.safety].segments == 1
    assert codes(session)[built.barriers].segments == 0


def test_delete_counts_the_segments_of_the_code_and_its_children(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.select_code(built.unions)
    panel.delete_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, DeleteCodeDialog)
    assert "and its 2 child codes" in dialog.text()
    assert "4 coded segments will be affected" in dialog.informativeText()
    assert "undo" in dialog.informativeText().lower()
    assert dialog.move_button is None  # a top-level code has no parent to take them
    dialog.delete_button.click()
    after = codes(session)
    assert not {built.unions, built.independent, built.safety} & set(after)
    assert session.project.segments() == []
    session.undo_stack.undo()
    assert codes(session)[built.independent].segments == 2
    assert len(session.project.segments()) == 4


def test_delete_can_move_the_segments_to_the_parent(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.select_code(built.independent)
    panel.delete_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, DeleteCodeDialog)
    assert "2 coded segments" in dialog.informativeText()
    assert "Worker advocacy" in dialog.informativeText()
    assert dialog.move_button is not None
    dialog.move_button.click()
    after = codes(session)
    assert built.independent not in after
    assert after[built.unions].segments == 3
    session.undo_stack.undo()
    assert codes(session)[built.unions].segments == 1


def test_cancelled_delete_changes_nothing(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    session, built = small
    panel.select_code(built.barriers)
    panel.delete_action.trigger()
    dialog = panel.active_dialog
    assert isinstance(dialog, DeleteCodeDialog)
    assert "No passage is coded with it" in dialog.informativeText()
    dialog.cancel_button.click()
    assert built.barriers in codes(session)
    assert session.undo_stack.count() == 0


def test_actions_follow_the_selection(
    small: tuple[AppSession, Small], panel: CodebookPanel, qtbot
) -> None:
    _session, built = small
    assert not panel.edit_action.isEnabled()
    with qtbot.waitSignal(panel.codes_selected) as selected:
        panel.select_code(built.safety)
    assert selected.args == [[built.safety]]
    assert panel.edit_action.isEnabled() and panel.delete_action.isEnabled()
    selection = panel.view.selectionModel()
    selection.select(
        proxy_index(panel, built.barriers),
        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
    )
    assert panel.selected_code_ids() == [built.safety, built.barriers]
    assert not panel.edit_action.isEnabled()
    assert panel.new_code_action.isEnabled()
    assert [a.text() for a in panel.context_menu().actions() if a.text()] == [
        "New code…",
        "New child code…",
        "Edit…",
        "Recolour…",
        "Merge into…",
        "Delete…",
    ]


def test_click_and_activate_signals(
    small: tuple[AppSession, Small], panel: CodebookPanel, qtbot
) -> None:
    _session, built = small
    view = panel.view
    index = proxy_index(panel, built.barriers)
    centre = view.visualRect(index).center()
    with qtbot.waitSignal(panel.code_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert clicked.args == [built.barriers]
    with qtbot.waitSignal(panel.code_activated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [built.barriers]
    folder = proxy_index(panel, built.folder)
    with qtbot.assertNotEmitted(panel.code_clicked):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(folder).center()
        )


def test_f2_opens_the_edit_dialog(small: tuple[AppSession, Small], panel: CodebookPanel, qtbot):
    _session, built = small
    panel.select_code(built.barriers)
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(lambda: panel.view.hasFocus())
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(panel.active_dialog, CodeDialog))
    assert panel.active_dialog.name_edit.text() == "Barriers"  # type: ignore[union-attr]


def test_a_dropped_span_is_coded_and_announced(
    small: tuple[AppSession, Small], panel: CodebookPanel, qtbot
) -> None:
    session, built = small
    data = span_mime_data(Span(built.document, 3, 15))
    target = proxy_index(panel, built.barriers)
    action = Qt.DropAction.CopyAction
    assert panel.proxy.canDropMimeData(data, action, -1, -1, target)
    with qtbot.waitSignal(panel.span_dropped) as dropped:
        assert panel.proxy.dropMimeData(data, action, -1, -1, target)
    assert dropped.args == [built.barriers, built.document, 3, 15]
    coded = session.project.segments(code_ids=[built.barriers])
    assert [(s.document_id, s.start, s.end) for s in coded] == [(built.document, 3, 15)]
    assert proxy_index(panel, built.barriers, 1).data() == 1
    session.undo_stack.undo()
    assert session.project.segments(code_ids=[built.barriers]) == []


def test_a_span_dropped_on_a_folder_is_refused(
    small: tuple[AppSession, Small], panel: CodebookPanel
) -> None:
    _session, built = small
    data = span_mime_data(Span(built.document, 3, 15))
    folder = proxy_index(panel, built.folder)
    assert not panel.proxy.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, folder)


def test_a_span_dropped_on_the_tree_itself_lands_on_the_code_under_the_pointer(
    small: tuple[AppSession, Small], panel: CodebookPanel, qtbot
) -> None:
    session, built = small
    view = panel.view
    panel.select_code(built.safety)  # opens its parent, so that it is on screen
    qtbot.waitUntil(lambda: not view.visualRect(proxy_index(panel, built.safety)).isEmpty())
    target = view.visualRect(proxy_index(panel, built.safety))
    data = span_mime_data(Span(built.document, 20, 30))
    point = QPointF(target.center().x(), target.top() + 2)  # near the edge: still on it
    copy, left, plain = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = view.viewport()
    # Qt 6.11 takes an integer point for the enter and move events, 6.12 a float one too.
    QApplication.sendEvent(viewport, QDragEnterEvent(point.toPoint(), copy, data, left, plain))
    move = QDragMoveEvent(point.toPoint(), copy, data, left, plain)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()  # the pointer shows that the drop is welcome
    with qtbot.waitSignal(panel.span_dropped) as dropped:
        QApplication.sendEvent(viewport, QDropEvent(point, copy, data, left, plain))
    assert dropped.args == [built.safety, built.document, 20, 30]
    assert len(session.project.segments(code_ids=[built.safety])) == 2
