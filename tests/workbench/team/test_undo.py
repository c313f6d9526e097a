"""A merge is one step of the undo history: undo restores the master exactly, redo again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.schema import Event
from tests.workbench.team.scenario import build_master, dump, make_files
from workbench.project import Project
from workbench.team import CodeChoice, merge_files


def test_undo_restores_every_table_and_redo_gives_the_merge_back(
    project_location: str, tmp_path: Path
) -> None:
    master = build_master(project_location)
    files = make_files(master, tmp_path)
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        before = dump(project)
        report = merge_files(project, [files.ben, files.cruz, files.dana], CodeChoice.parse("all"))
        after = dump(project)
        assert after != before
        assert project.undo_label == "Merge 3 returned files"
        project.undo()
        assert dump(project) == before
        assert project.undo_label is None  # the whole merge was one step
        project.redo()
        assert dump(project) == after
        project.undo()
        assert dump(project) == before
        with project.read() as session:
            logged = session.scalars(select(Event.action).order_by(Event.id)).all()
    assert logged[-4:] == ["team.merge", "undo team.merge", "team.merge", "undo team.merge"]
    if project_location.endswith(".qdb"):
        assert report.backup is not None and report.backup.exists()
        assert "copied" in report.backup_note
    else:
        assert report.backup is None
        assert "no file backup" in report.backup_note


def test_merging_into_a_server_master_gives_the_same_result(
    project_location: str, tmp_path: Path
) -> None:
    master = build_master(project_location)
    files = make_files(master, tmp_path)
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        report = merge_files(project, [files.ben, files.cruz, files.dana])
    totals = report.totals()
    assert totals["segments"] == {"added": 3, "updated": 2, "deleted": 1, "unchanged": 4}
    assert totals["codes"]["added"] == 2
