"""The GUI side of teamwork: the session hears others' changes; the Server dialog."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.factories import add_code, add_document
from tests.workbench.server.helpers import TEXT, Team, make_team
from ui.session import AppSession
from ui.team.server import RolesModel, ServerDialog, show_server_dialog
from workbench.changes import Changes
from workbench.commands.segments import AddSegment
from workbench.project import Project
from workbench.server import is_blind, open_as_role


@pytest.fixture
def sessions(qapp: object) -> Iterator[list[AppSession]]:
    made: list[AppSession] = []
    yield made
    for session in made:
        session.close()


def test_the_bus_tells_the_views_what_another_process_changed(
    qtbot,
    tmp_path: Path,
    sessions: list[AppSession],  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "shared.qdb"
    with Project.create(path) as project:
        project.use_coder("Ana Ruiz")
        document_id = add_document(project, "Entrevista 1", TEXT)
        code_id = add_code(project, "Sindicato")
    project = Project.open(path)
    project.use_coder("Ana Ruiz")
    session = AppSession(project)
    sessions.append(session)
    session.poll_external()  # the first look reads what is there (on a thread)

    script = textwrap.dedent(
        f"""
        from workbench.commands.segments import AddSegment
        from workbench.project import Project
        with Project.open({str(path)!r}) as project:
            project.use_coder("Ana Ruiz")
            command = AddSegment({document_id}, {code_id}, 5, 15)
            project.run(command)
            print(command.segment_ids[0])
        """
    )
    with qtbot.waitSignal(session.bus.changed, timeout=10000) as heard:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
    segment_id = int(done.stdout)
    assert heard.args == [Changes.of(added={"segment": [segment_id]})]


@pytest.mark.postgres
def test_each_coders_window_hears_the_others_on_the_server(
    qtbot,
    postgres_url: str,
    sessions: list[AppSession],  # type: ignore[no-untyped-def]
) -> None:
    team = make_team(postgres_url, blind=False)
    ana = AppSession(Project.open(team.url_of(team.ana)))
    ben = AppSession(Project.open(team.url_of(team.ben)))
    sessions += [ana, ben]
    # Opening as a role makes its coder the current coder.
    assert {c.id: c.name for c in ana.project.coders()}[ana.coder_id or 0] == "Ana Ruiz"
    for session in (ana, ben):
        session.poll_external()
    heard_by_ana: list[Changes] = []
    ana.bus.changed.connect(heard_by_ana.append)
    add = AddSegment(team.document_id, team.code_id, 0, 10)
    with qtbot.waitSignal(ana.bus.changed, timeout=10000):
        ben.run(add)
    assert heard_by_ana == [Changes.of(added={"segment": add.segment_ids})]
    # Ben's own change is told to Ben once, by his own command, not again by polling.
    with qtbot.assertNotEmitted(ben.bus.changed, wait=2500):
        pass


@pytest.fixture
def team(postgres_url: str) -> Team:
    return make_team(postgres_url, blind=True)


@pytest.mark.postgres
def test_the_lead_sees_the_roles_and_toggles_the_blind(
    qtbot,
    qtmodeltester,
    team: Team,
    sessions: list[AppSession],  # type: ignore[no-untyped-def]
) -> None:
    session = AppSession(open_as_role(team.url_of(team.lead)))
    sessions.append(session)
    dialog = show_server_dialog(session)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    model: RolesModel = dialog.model
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert rows == [
        ["Ana Ruiz", "AR", "coder", team.ana, "yes"],
        ["Ben Soto", "BS", "coder", team.ben, "yes"],
        ["Lia Lead", "LL", "lead", team.lead, "yes"],
    ]
    assert "Lia Lead, signed in as" in dialog.summary.text()
    assert dialog.blind.isChecked() and dialog.blind.isEnabled()
    qtbot.mouseClick(dialog.blind, Qt.MouseButton.LeftButton)
    assert not is_blind(session.project)
    session.undo_stack.undo()
    assert is_blind(session.project)
    assert dialog.blind.isChecked()


@pytest.mark.postgres
def test_a_coder_sees_the_blind_but_cannot_toggle_it(
    qtbot,
    team: Team,
    sessions: list[AppSession],  # type: ignore[no-untyped-def]
) -> None:
    session = AppSession(open_as_role(team.url_of(team.ana)))
    sessions.append(session)
    dialog = ServerDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.blind.isChecked() and not dialog.blind.isEnabled()
    assert "only your own segments" in dialog.summary.text()
    assert "Only a lead" in dialog.note.text()


def test_a_project_file_says_how_to_go_to_a_server(
    qtbot,
    tmp_path: Path,
    sessions: list[AppSession],  # type: ignore[no-untyped-def]
) -> None:
    project = Project.create(tmp_path / "file.qdb")
    project.use_coder("Ana Ruiz")
    session = AppSession(project)
    sessions.append(session)
    dialog = ServerDialog(session)
    qtbot.addWidget(dialog)
    assert "workbench copy" in dialog.summary.text()
    assert dialog.model.rowCount() == 0
