"""The audit log viewer: its lazy model, its filters, its export, and the Team menu item."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from db.schema import Event
from tests.factories import add_code, code_passage
from ui.main_window import MainWindow
from ui.session import AppSession
from ui.team.audit_view import AuditDialog, AuditModel, EventRole
from workbench.audit import AuditFilter, audit_events
from workbench.commands.codes import UpdateCode
from workbench.project import Project

WORDS = ("Interviewer", "changed", "mill", "Respondent", "elected", "secret", "ballot", "fewer")


def busy(project: Project, document: int = 1) -> None:
    """Two coders at work: many codings by Ana, a code, an edit and an undo by Ben."""
    code = project.code_id("Unions")
    for word in WORDS:
        code_passage(project, document, code, word)
    project.use_coder("Ben Ortiz")
    ballots = add_code(project, "Ballots")
    code_passage(project, document, ballots, "protective equipment")
    project.undo()
    project.run(UpdateCode(ballots, definition="Voting in secret."))
    project.use_coder("Ana Ruiz")


@pytest.fixture
def busy_session(session: AppSession) -> AppSession:
    busy(session.project)
    return session


def rows(model: AuditModel) -> list[int]:
    return [model.index(r, 0).data(EventRole).id for r in range(model.rowCount())]


def fetch_all(model: AuditModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_the_model_passes_the_model_tester(
    busy_session: AppSession, qtmodeltester: ModelTester
) -> None:
    model = AuditModel(busy_session.project, page_size=4)
    # The tester stays connected: it checks the pages read, the reset and the new rows.
    qtmodeltester.check(model, force_py=True)
    fetch_all(model)
    assert model.rowCount() == 17
    model.set_filter(AuditFilter.of(kinds=["segment"]))
    assert model.rowCount() == 4
    busy_session.run(UpdateCode(busy_session.project.code_id("Unions"), definition="Voice."))
    model.set_filter(AuditFilter())
    assert model.rowCount() == 4
    add_code(busy_session.project, "Later")
    assert model.refresh_newer() == 1
    assert model.event_at(0).action == "code.add"


def test_the_model_reads_a_page_at_a_time(busy_session: AppSession) -> None:
    project = busy_session.project
    everything = [e.id for e in audit_events(project)]
    assert len(everything) == 17
    model = AuditModel(project, page_size=5)
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())
    assert not model.canFetchMore(model.index(0, 0))
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    fetch_all(model)
    assert model.complete
    assert rows(model) == everything
    assert not model.canFetchMore(QModelIndex())


def test_the_model_shows_each_entry(busy_session: AppSession) -> None:
    model = AuditModel(busy_session.project)
    newest = model.event_at(0)
    assert newest.action == "code.edit"
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[1:5] == ["Ben Ortiz", "code.edit", "Edit code", f"code {newest.target_id}"]
    assert texts[0] == newest.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert "Voting in secret." in texts[5]
    assert "(UTC)" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    tooltip = model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert "Before:" in tooltip and "After:" in tooltip
    undo = model.index(1, 3).data()
    assert model.event_at(1).action == "undo segment.add"
    assert undo == "Undo: Code passage"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Time", "Coder", "Action", "Description", "Target", "Change"]


def test_the_view_reads_more_as_it_scrolls(busy_session: AppSession, qtbot: QtBot) -> None:
    dialog = AuditDialog(busy_session, page_size=3)
    qtbot.addWidget(dialog)
    dialog.resize(900, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "scroll down" in dialog.summary.text()

    def scrolled_to_the_end() -> bool:
        dialog.table.scrollToBottom()
        return dialog.model.complete

    qtbot.waitUntil(scrolled_to_the_end)
    assert dialog.model.rowCount() == 17
    assert dialog.summary.text() == "17 entries"


def test_the_dialog_filters_by_coder_and_kind(busy_session: AppSession, qtbot: QtBot) -> None:
    dialog = AuditDialog(busy_session)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 17
    coders = [dialog.coder.itemText(i) for i in range(dialog.coder.count())]
    assert coders == ["All coders", "Ana Ruiz (AR)", "Ben Ortiz (BO)"]
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds == [None, "code", "coder", "document", "segment"]
    assert dialog.kind.itemText(4) == "Codings"

    dialog.coder.setCurrentIndex(dialog.coder.findData("Ben Ortiz"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    assert {dialog.model.event_at(r).coder for r in range(4)} == {"Ben Ortiz"}

    dialog.kind.setCurrentIndex(dialog.kind.findData("segment"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert [dialog.model.event_at(r).action for r in range(2)] == [
        "undo segment.add",
        "segment.add",
    ]
    dialog.coder.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 11)
    assert dialog.current_filter() == AuditFilter(kinds=frozenset({"segment"}))
    assert dialog.summary.text() == "11 entries"


def test_the_dialog_filters_by_dates(busy_session: AppSession, qtbot: QtBot) -> None:
    project = busy_session.project
    events = list(reversed(audit_events(project)))
    # Put the first five entries ten days back (at local noon, whatever the zone).
    local_noon = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    old = local_noon - timedelta(days=10)
    with project.engine.begin() as connection:
        connection.execute(
            update(Event).where(Event.id <= events[4].id).values(at=old.astimezone(UTC))
        )
    dialog = AuditDialog(busy_session)
    qtbot.addWidget(dialog)
    assert not dialog.since.isEnabled()
    today = QDate.currentDate()
    dialog.since.setDate(today.addDays(-3))
    assert dialog.model.rowCount() == 17  # the date is used only when ticked
    dialog.since_enabled.setChecked(True)
    assert dialog.since.isEnabled()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 12)
    dialog.since_enabled.setChecked(False)
    dialog.until_enabled.setChecked(True)
    dialog.until.setDate(today.addDays(-10))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5)
    assert rows(dialog.model) == [e.id for e in reversed(events[:5])]
    dialog.until.setDate(today.addDays(-11))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.summary.text() == "0 entries"


def test_export_writes_what_the_filter_shows(
    busy_session: AppSession,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = AuditDialog(busy_session, page_size=2)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("segment"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    target = tmp_path / "segments.csv"
    monkeypatch.setattr(dialog, "_ask_csv_path", lambda: target)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: target.exists())
    frame = pd.read_csv(target, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    # Every matching entry, not only the page read so far; oldest first.
    assert len(frame) == 11
    assert set(frame["action"]) == {"segment.add", "undo segment.add"}
    assert frame["action"].iloc[-1] == "undo segment.add"
    assert dialog.summary.text() == f"11 entries written to {target}"
    monkeypatch.setattr(dialog, "_ask_csv_path", lambda: None)
    dialog.export_button.click()  # cancelled: nothing happens
    assert dialog.summary.text() == f"11 entries written to {target}"


def test_new_entries_appear_on_top(session: AppSession, qtbot: QtBot) -> None:
    dialog = AuditDialog(session)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    first = dialog.model.event_at(0).id
    session.run(UpdateCode(session.project.code_id("Unions"), definition="Worker voice."))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == before + 1)
    assert dialog.model.event_at(0).action == "code.edit"
    assert dialog.model.event_at(1).id == first
    # A new coder appears in the coder filter.
    session.project.use_coder("Carla Paz")
    session.run(UpdateCode(session.project.code_id("Unions"), definition="Voice."))
    qtbot.waitUntil(lambda: dialog.coder.findData("Carla Paz") > 0)
    assert dialog.model.event_at(0).coder == "Carla Paz"


def test_the_team_menu_opens_the_audit_log(window: MainWindow, qtbot: QtBot) -> None:
    action = next(a for a in window._menus["team"].actions() if a.text() == "&Audit log…")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(AuditDialog) is not None)
    dialog = window.findChild(AuditDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.isModal()
    assert window.session is not None
    assert dialog.model.rowCount() == len(audit_events(window.session.project))
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(AuditDialog) is None)
    window.close_project()
    assert not action.isEnabled()
