"""``ExternalChanges``: what other windows, processes and coders changed, seen by polling."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.factories import add_code, add_document
from tests.workbench.server.helpers import TEXT, make_team
from workbench.changes import Changes
from workbench.commands.code_removal import DeleteCode
from workbench.commands.codes import UpdateCode
from workbench.commands.memos import AddMemo
from workbench.commands.segments import AddSegment, AddSegments, NewSegment, ResizeSegment
from workbench.project import Project
from workbench.server import ExternalChanges, open_as_role, set_blind


def two_windows(location: str) -> tuple[Project, Project, int, int]:
    first = Project.create(location)
    first.use_coder("Ana Ruiz")
    document_id = add_document(first, "Entrevista 1", TEXT)
    code_id = add_code(first, "Sindicato")
    second = Project.open(location)
    second.use_coder("Ben Soto")
    return first, second, document_id, code_id


def test_a_change_by_one_project_is_seen_by_the_others_poll(project_location: str) -> None:
    first, second, document_id, code_id = two_windows(project_location)
    try:
        watcher = ExternalChanges(second)
        assert watcher.poll() is None
        add = AddSegment(document_id, code_id, 0, 10)
        first.run(add)
        (segment_id,) = add.segment_ids
        assert watcher.poll() == Changes.of(added={"segment": [segment_id]})
        assert watcher.poll() is None
        first.run(ResizeSegment(segment_id, 2, 12))
        first.run(UpdateCode(code_id, name="Sindicato independiente"))
        assert watcher.poll() == Changes.of(updated={"segment": [segment_id], "code": [code_id]})
        first.undo()  # the rename
        first.undo()  # the resize
        first.undo()  # the segment
        assert watcher.poll() == Changes.of(
            updated={"code": [code_id]}, removed={"segment": [segment_id]}
        )
        watcher.close()
    finally:
        first.close()
        second.close()


def test_a_project_does_not_hear_its_own_changes_again(project_location: str) -> None:
    first, second, document_id, code_id = two_windows(project_location)
    try:
        watcher = ExternalChanges(second)
        second.run(AddSegment(document_id, code_id, 0, 10))
        second.run(AddMemo("code", code_id, "mine"))
        assert watcher.poll() is None
        first.run(AddMemo("code", code_id, "theirs"))
        changes = watcher.poll()
        assert changes is not None and changes.kinds() == {"memo"}
        watcher.close()
    finally:
        first.close()
        second.close()


def test_changes_that_name_no_ids_are_found_by_comparing(project_location: str) -> None:
    first, second, document_id, code_id = two_windows(project_location)
    try:
        other_code = add_code(first, "Votación")
        keep = AddSegment(document_id, code_id, 0, 10)
        first.run(keep)
        watcher = ExternalChanges(second)
        many = AddSegments(
            [NewSegment(document_id, other_code, start, start + 5) for start in range(0, 50, 10)]
        )
        first.run(many)
        assert watcher.poll() == Changes.of(added={"segment": many.segment_ids})
        first.run(DeleteCode(other_code))
        assert watcher.poll() == Changes.of(
            removed={"segment": many.segment_ids, "code": [other_code]}
        )
        watcher.close()
    finally:
        first.close()
        second.close()


@pytest.mark.postgres
def test_in_blind_mode_a_coder_hears_of_others_only_what_they_may_see(postgres_url: str) -> None:
    team = make_team(postgres_url, blind=True)
    ana = open_as_role(team.url_of(team.ana))
    ben = open_as_role(team.url_of(team.ben))
    lead = open_as_role(team.url_of(team.lead))
    try:
        ana_hears, lead_hears = ExternalChanges(ana), ExternalChanges(lead)
        add = AddSegment(team.document_id, team.code_id, 0, 10)
        ben.run(add)
        ben.run(UpdateCode(team.code_id, colour="#123456"))
        assert ana_hears.poll() == Changes.of(updated={"code": [team.code_id]})
        assert lead_hears.poll() == Changes.of(
            added={"segment": add.segment_ids}, updated={"code": [team.code_id]}
        )
        # The lead lifts the blind: Ana's views learn of Ben's segment.
        set_blind(lead, False)
        assert ana_hears.poll() == Changes.of(added={"segment": add.segment_ids})
        set_blind(lead, True)
        assert ana_hears.poll() == Changes.of(removed={"segment": add.segment_ids})
    finally:
        for project in (ana, ben, lead):
            project.close()


def test_a_file_shared_by_two_processes(tmp_path: Path) -> None:
    path = tmp_path / "shared.qdb"
    first, second, document_id, code_id = two_windows(str(path))
    first.close()
    try:
        watcher = ExternalChanges(second)
        script = textwrap.dedent(
            f"""
            from workbench.commands.segments import AddSegment
            from workbench.project import Project
            with Project.open({str(path)!r}) as project:
                project.use_coder("Carla")
                command = AddSegment({document_id}, {code_id}, 5, 15)
                project.run(command)
                print(command.segment_ids[0])
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        segment_id = int(done.stdout)
        changes = watcher.poll()
        assert changes is not None
        assert changes.added == {
            "segment": frozenset({segment_id}),
            "coder": changes.added["coder"],
        }
        assert [s.id for s in second.segments()] == [segment_id]
        watcher.close()
    finally:
        second.close()


@pytest.mark.postgres
def test_an_entry_committed_late_is_still_seen(postgres_url: str) -> None:
    """Ids are taken before commit: a lower id can appear after a higher one."""
    first, second, document_id, code_id = two_windows(postgres_url)
    try:
        watcher = ExternalChanges(second)
        import psycopg

        from tests.workbench.server.helpers import conninfo

        with psycopg.connect(conninfo(postgres_url)) as slow:
            slow.execute(
                "INSERT INTO event (at, action, label, target_kind, target_id)"
                " VALUES (now(), 'code.edit', 'slow', 'code', %s)",
                (code_id,),
            )
            add = AddSegment(document_id, code_id, 0, 10)
            first.run(add)  # commits a higher id first
            assert watcher.poll() == Changes.of(added={"segment": add.segment_ids})
            slow.commit()
        assert watcher.poll() == Changes.of(updated={"code": [code_id]})
        assert watcher.poll() is None
        watcher.close()
    finally:
        first.close()
        second.close()


def test_reading_in_the_background_reports_once_it_is_done(project_location: str) -> None:
    first, second, document_id, code_id = two_windows(project_location)
    try:
        watcher = ExternalChanges(second, background=True)
        add = AddSegment(document_id, code_id, 0, 10)
        first.run(add)
        assert watcher.poll() is None  # starts reading
        deadline = time.monotonic() + 10
        changes = None
        while changes is None and time.monotonic() < deadline:
            time.sleep(0.01)
            changes = watcher.poll()
        assert changes == Changes.of(added={"segment": add.segment_ids})
        watcher.close()
    finally:
        first.close()
        second.close()
