"""Rolling backups in the GUI, the Backups dialog, and restoring from it in the main window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.factories import add_code
from tests.ui.team.conftest import fill
from ui.main_window import MainWindow
from ui.session import AppSession
from ui.team.backups_dialog import (
    DEFAULT_INTERVAL,
    BackupsDialog,
    BackupsModel,
    RollingBackups,
    backup_interval_minutes,
    set_backup_interval_minutes,
)
from workbench.backups import list_backups, make_backup, project_file
from workbench.project import Project


def team_action(window: MainWindow, text: str) -> QAction:
    return next(a for a in window._menus["team"].actions() if a.text() == text)


def open_dialog(window: MainWindow, qtbot: QtBot) -> BackupsDialog:
    team_action(window, "&Backups…").trigger()
    qtbot.waitUntil(lambda: window.findChild(BackupsDialog) is not None)
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def confirm(dialog: BackupsDialog, qtbot: QtBot, answer: QMessageBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.confirmation is not None and dialog.confirmation.isVisible())
    box = dialog.confirmation
    assert box is not None
    assert "Changes made since then will be replaced" in box.text()
    box.button(answer).click()


# -- the setting and the timer --------------------------------------------------------


def test_the_interval_is_a_setting(temporary_settings: Path) -> None:
    assert backup_interval_minutes() == DEFAULT_INTERVAL == 15
    set_backup_interval_minutes(5)
    assert backup_interval_minutes() == 5
    set_backup_interval_minutes(-3)
    assert backup_interval_minutes() == 0


def test_rolling_backups_on_start_and_on_the_timer(
    session: AppSession,
    temporary_settings: Path,
    qtbot: QtBot,
) -> None:
    project = session.project
    path = project_file(project)
    assert path is not None
    rolling = RollingBackups(project)
    made: list[object] = []
    rolling.made.connect(made.append)
    assert rolling.start()
    assert [b.reason for b in list_backups(path)] == ["open"]
    assert rolling.timer.isActive()
    assert rolling.timer.interval() == 15 * 60_000
    rolling.timer.setInterval(20)
    # Unchanged: the timer fires but makes no copy.
    with qtbot.waitSignal(rolling.timer.timeout, timeout=5000):
        pass
    assert len(list_backups(path)) == 1
    add_code(project, "Ballots")
    qtbot.waitUntil(lambda: len(list_backups(path)) == 2)
    assert [b.reason for b in list_backups(path)] == ["interval", "open"]
    assert len(made) == 2
    rolling.stop()
    assert not rolling.timer.isActive()
    rolling.set_interval(0)
    assert not rolling.timer.isActive()
    rolling.set_interval(2)
    assert rolling.timer.interval() == 2 * 60_000


def test_a_failed_backup_is_reported(
    session: AppSession, temporary_settings: Path, tmp_path: Path
) -> None:
    path = project_file(session.project)
    assert path is not None
    (tmp_path / "study.backups").write_text("a file where the folder should be", encoding="utf-8")
    rolling = RollingBackups(session.project)
    failures: list[str] = []
    rolling.failed.connect(failures.append)
    assert rolling.start()
    assert len(failures) == 1
    assert failures[0].startswith("The project could not be backed up:")


@pytest.mark.postgres
def test_server_projects_have_no_rolling_backups_and_the_dialog_says_pg_dump(
    postgres_url: str,
    make_session: Callable[[Project], AppSession],
    temporary_settings: Path,
    qtbot: QtBot,
) -> None:
    project = Project.create(postgres_url)
    project.use_coder("Ana Ruiz")
    session = make_session(project)
    rolling = RollingBackups(project)
    assert not rolling.start()
    assert not rolling.timer.isActive()
    dialog = BackupsDialog(project, close_project=lambda: None, open_project=lambda _location: True)
    qtbot.addWidget(dialog)
    assert "pg_dump" in dialog.intro.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.backup_button.isEnabled()
    assert not dialog.restore_button.isEnabled()
    assert session.project is project


# -- the dialog on its own ------------------------------------------------------------


def test_the_model_passes_the_model_tester(session: AppSession, qtmodeltester: ModelTester) -> None:
    project = session.project
    make_backup(project, "open")
    add_code(project, "Ballots")
    make_backup(project, "interval")
    model = BackupsModel(project_file(project))
    qtmodeltester.check(model, force_py=True)
    make_backup(project, "manual")
    model.refresh()
    assert model.rowCount() == 3
    assert BackupsModel(None).rowCount() == 0


def test_the_dialog_lists_backups_and_backs_up_now(
    session: AppSession,
    temporary_settings: Path,
    qtbot: QtBot,
) -> None:
    project = session.project
    first = make_backup(project, "open")
    add_code(project, "Ballots")
    make_backup(project, "interval")
    rolling = RollingBackups(project)
    dialog = BackupsDialog(
        project, close_project=project.close, open_project=lambda _location: True, rolling=rolling
    )
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 2
    assert [model.index(r, 1).data() for r in range(2)] == ["Timed", "Project opened"]
    assert first is not None
    assert model.index(1, 0).data() == first.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert model.index(1, 2).data().endswith(("KiB", "kB", "KB", "MiB", "MB"))
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == str(first.path)
    assert "study.backups" in dialog.intro.text()
    assert not dialog.restore_button.isEnabled()
    dialog.select(1)
    assert dialog.restore_button.isEnabled()
    assert dialog.selected_backup() == first

    dialog.backup_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert model.index(0, 1).data() == "Backed up by hand"
    assert dialog.status.text().startswith("Backed up to study-")

    dialog.interval.setValue(7)
    assert backup_interval_minutes() == 7
    assert rolling.timer.isActive() and rolling.timer.interval() == 7 * 60_000
    dialog.interval.setValue(0)
    assert backup_interval_minutes() == 0
    assert not rolling.timer.isActive()
    assert dialog.interval.text() == "only when opened"


def test_a_restore_that_fails_is_reported(
    tmp_path: Path,
    temporary_settings: Path,
    qtbot: QtBot,
) -> None:
    from tests.factories import new_project

    project = new_project(tmp_path, "study.qdb")
    fill(project)
    backup = make_backup(project, "open")
    assert backup is not None
    backup.path.write_bytes(b"not a project any more")
    closed: list[bool] = []
    opened: list[str] = []

    def close() -> None:
        project.close()
        closed.append(True)

    def reopen(location: str) -> bool:
        opened.append(location)
        return True

    dialog = BackupsDialog(project, close_project=close, open_project=reopen)
    qtbot.addWidget(dialog)
    failures: list[str] = []
    dialog.restore_failed.connect(failures.append)
    dialog.show()
    dialog.select(0)
    dialog.restore_button.click()
    confirm(dialog, qtbot, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert "is not a workbench project" in failures[0]
    assert closed == [True]
    assert opened == [str(tmp_path / "study.qdb")]
    assert not dialog.isVisible()
    with Project.open(tmp_path / "study.qdb") as again:
        assert [c.name for c in again.codes()] == ["Unions"]


# -- in the main window -----------------------------------------------------------------


def test_the_window_backs_up_on_open_and_stops_on_close(window: MainWindow) -> None:
    assert window.session is not None
    path = project_file(window.session.project)
    assert path is not None
    assert [b.reason for b in list_backups(path)] == ["open"]
    rolling = window._backups  # type: ignore[attr-defined]
    assert rolling.timer.isActive()
    assert rolling.timer.interval() == 15 * 60_000
    assert team_action(window, "&Audit log…").isEnabled()
    assert team_action(window, "&Backups…").isEnabled()
    window.close_project()
    assert not rolling.timer.isActive()
    assert window._backups is None  # type: ignore[attr-defined]
    assert not team_action(window, "&Backups…").isEnabled()


def test_restore_from_the_window(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    old_session = window.session
    path = project_file(old_session.project)
    assert path is not None
    code = add_code(old_session.project, "Ballots")
    assert [c.name for c in old_session.project.codes()] == ["Unions", "Ballots"]

    dialog = open_dialog(window, qtbot)
    assert dialog.model.rowCount() == 1
    dialog.select(0)
    dialog.restore_button.click()
    confirm(dialog, qtbot, QMessageBox.StandardButton.Yes)

    qtbot.waitUntil(lambda: window.session is not None and window.session is not old_session)
    project = window.session.project
    assert [c.name for c in project.codes()] == ["Unions"]
    assert code not in {c.id for c in project.codes()}
    assert not dialog.isVisible()
    assert "The project is back as it was at" in window.statusBar().currentMessage()
    reasons = [b.reason for b in list_backups(path)]
    assert reasons[1:] == ["before-restore", "open"]
    # Opening the restored project backed it up again ("open"), and the timer runs.
    assert reasons[0] == "open"
    assert window._backups.timer.isActive()  # type: ignore[attr-defined]
    saved = list_backups(path)[1]
    with Project.open(saved.path) as before:
        assert [c.name for c in before.codes()] == ["Unions", "Ballots"]
    # The window works on the restored project as before.
    assert window.workspace is not None
    assert window.workspace.transcript.document_id == project.documents()[0].id


def test_cancelling_the_confirmation_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    session = window.session
    add_code(session.project, "Ballots")
    dialog = open_dialog(window, qtbot)
    dialog.select(0)
    dialog.restore_button.click()
    confirm(dialog, qtbot, QMessageBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert window.session is session
    assert [c.name for c in session.project.codes()] == ["Unions", "Ballots"]
    assert dialog.isVisible()
    path = project_file(session.project)
    assert path is not None
    assert [b.reason for b in list_backups(path)] == ["open"]
    dialog.reject()
