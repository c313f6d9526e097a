"""Team > Make an assignment file and Team > Merge returned files, driven as a lead would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.workbench.team.scenario import Files, Master, build_master, dump, make_files, segments
from ui import settings
from ui.session import AppSession
from ui.team.merge_dialog import (
    AssignmentDialog,
    DocumentChecklistModel,
    MergeDialog,
    MergePreviewModel,
    ProposalModel,
)
from workbench.project import Project
from workbench.team import preview_merge, read_returned


@pytest.fixture
def team(tmp_path: Path) -> tuple[Master, Files]:
    master = build_master(str(tmp_path / "master.qdb"))
    return master, make_files(master, tmp_path)


@pytest.fixture
def session(qapp: Any, team: tuple[Master, Files]) -> Iterator[AppSession]:
    project = Project.open(team[0].location)
    project.use_coder("Ana Ruiz")
    opened = AppSession(project)
    yield opened
    opened.close()


def _texts(model: Any, parent: QModelIndex | None = None) -> list[tuple[str, str]]:
    parent = parent or QModelIndex()
    return [
        (model.index(row, 0, parent).data(), model.index(row, 1, parent).data())
        for row in range(model.rowCount(parent))
    ]


def test_the_assignment_dialog_writes_the_checked_documents(
    qtbot: Any, session: AppSession, tmp_path: Path
) -> None:
    dialog = AssignmentDialog(session)
    qtbot.addWidget(dialog)
    coders = [dialog.coder.itemData(i) for i in range(dialog.coder.count())]
    assert coders == ["Ana Ruiz", "Ben Carter", "Cruz Peña", "Dana Solís"]
    dialog.coder.setCurrentIndex(2)
    assert dialog.out.text().endswith("master-cruz-peña.qdb")
    # Nothing checked: the dialog says what to do and writes nothing.
    assert dialog.make() is None and "Check the documents" in dialog.error_label.text()
    model = dialog.documents
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    target = tmp_path / "cruz-second.qdb"
    dialog.out.setText(str(target))
    with qtbot.waitSignal(dialog.made) as made:
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Cruz Peña" in made.args[0] and str(target) in made.args[0]
    returned = read_returned(target)
    assert returned.coder_name == "Cruz Peña"
    assert [d["name"] for d in returned.documents.values()] == ["Entrevista 2"]


def test_the_assignment_dialog_shows_a_refusal(
    qtbot: Any, session: AppSession, team: tuple[Master, Files]
) -> None:
    dialog = AssignmentDialog(session)
    qtbot.addWidget(dialog)
    dialog.all_documents.setChecked(True)
    assert not dialog.document_list.isEnabled()
    dialog.out.setText(str(team[1].ben))  # exists already
    assert dialog.make() is None
    assert "already exists" in dialog.error_label.text()
    assert dialog.isVisible() is False and dialog.result() == 0


def test_the_document_checklist_checks_all(
    qapp: Any, session: AppSession, qtmodeltester: Any
) -> None:
    model = DocumentChecklistModel(session.project.documents())
    qtmodeltester.check(model, force_py=True)
    model.set_all(True)
    assert model.checked_names() == ["Entrevista 1", "Entrevista 2", "Grupo focal 3"]
    model.set_all(False)
    assert model.checked_names() == []


def test_the_preview_and_proposal_models_pass_the_model_tester(
    qapp: Any, session: AppSession, team: tuple[Master, Files], qtmodeltester: Any
) -> None:
    files = team[1]
    report = preview_merge(session.project, [files.ben, files.cruz, files.dana])
    preview = MergePreviewModel()
    qtmodeltester.check(preview, force_py=True)
    preview.set_report(report)
    qtmodeltester.check(preview, force_py=True)
    assert [text for text, _ in _texts(preview)] == ["ben.qdb", "cruz.qdb", "dana.qdb"]
    dana = preview.index(2, 0)
    groups = dict(_texts(preview, dana))
    assert groups["Segments"] == "0 added, 0 updated, 0 deleted, 0 unchanged"
    assert groups["Refused documents"] == "1"
    proposals = ProposalModel()
    proposals.set_proposals([p for f in report.files for p in f.proposals])
    qtmodeltester.check(proposals, force_py=True)
    assert proposals.rowCount() == 4


def test_merge_dialog_previews_takes_the_checklist_and_applies_as_one_undo_step(
    qtbot: Any, session: AppSession, team: tuple[Master, Files]
) -> None:
    files = team[1]
    before = dump(session.project)
    dialog = MergeDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    dialog.add_files([files.ben, files.cruz, files.dana])
    assert dialog.apply_button.isEnabled()
    assert dump(session.project) == before  # a preview changes nothing
    proposals = dialog.proposals
    rows = {proposals.index(r, 0).data(): r for r in range(proposals.rowCount())}
    rename = rows["Health and safety"]
    checked = proposals.index(rename, 0).data(Qt.ItemDataRole.CheckStateRole)
    assert checked == Qt.CheckState.Unchecked
    # Ticking the rename runs the preview again with it accepted.
    proposals.setData(
        proposals.index(rename, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.report is not None
    ben = dialog.report.files[0]
    assert [(p.name, p.accepted) for p in ben.proposals] == [("Health and safety", True)]
    assert dialog.preview.rowCount() == 3
    with qtbot.waitSignal(dialog.merged) as merged:
        dialog.apply_button.click()
    assert "3 segments added, 2 updated, 1 deleted" in merged.args[0]
    assert dialog.result is not None and dialog.result.backup is not None
    names = {c.name for c in session.project.codes()}
    assert "Health and safety" in names and "Safety" not in names
    assert files.segments["nC1"] in segments(session.project)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Merge 3 returned files"
    session.undo_stack.undo()
    assert dump(session.project) == before
    session.undo_stack.redo()
    assert "Health and safety" in {c.name for c in session.project.codes()}


def test_merge_dialog_says_when_a_file_does_not_belong(
    qtbot: Any, session: AppSession, tmp_path: Path
) -> None:
    other = build_master(str(tmp_path / "other.qdb"))
    dialog = MergeDialog(session)
    qtbot.addWidget(dialog)
    dialog.add_files([other.location])
    assert "not an assignment file" in dialog.status_label.text()
    assert not dialog.apply_button.isEnabled()
    dialog.file_list.selectAll()
    dialog.remove_button.click()
    assert dialog.paths() == []
    assert dialog.status_label.text() == "Add the files the coders sent back."


def test_a_second_merge_has_nothing_to_apply(
    qtbot: Any, session: AppSession, team: tuple[Master, Files]
) -> None:
    files = team[1]
    first = MergeDialog(session)
    qtbot.addWidget(first)
    first.add_files([files.ben])
    assert first.apply() is not None
    again = MergeDialog(session)
    qtbot.addWidget(again)
    again.add_files([files.ben])
    assert not again.apply_button.isEnabled()
    assert again.status_label.text() == "The master has all of this already."


@pytest.fixture
def temporary_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(
        settings, "settings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


def test_the_team_menu_opens_both_dialogs(
    qtbot: Any, temporary_settings: Path, team: tuple[Master, Files]
) -> None:
    from ui.main_window import MainWindow

    master = team[0]
    settings.remember_identity(master.location, "Ana Ruiz", "AR", "#d62728")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(master.location)
    try:
        actions = {a.text(): a for a in window._menus["team"].actions() if not a.isSeparator()}
        actions["Make an assignment &file…"].trigger()
        assignment = window.findChild(AssignmentDialog)
        assert assignment is not None and assignment.isVisible()
        assignment.reject()
        actions["&Merge returned files…"].trigger()
        merge = window.findChild(MergeDialog)
        assert merge is not None and merge.isVisible()
        merge.reject()
    finally:
        window.close_project()
    assert not actions["&Merge returned files…"].isEnabled()
