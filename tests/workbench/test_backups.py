"""Rolling backups of SQLite projects: consistent copies, pruning, restoring."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.factories import add_code, add_document, code_passage, new_project
from workbench.backups import (
    BEFORE_RESTORE,
    DEFAULT_KEEP,
    BackupRefusedError,
    backup_folder,
    list_backups,
    make_backup,
    project_file,
    prune,
    restore_backup,
)
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project

TEXT = "Respondent: We elected our union delegates by secret ballot, and then we went home.\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    created = new_project(tmp_path, "study.qdb")
    try:
        yield created
    finally:
        created.close()


def coded(project: Project) -> tuple[int, int]:
    document = add_document(project, "Interview 1", TEXT)
    code = add_code(project, "Unions")
    code_passage(project, document, code, "union delegates")
    return document, code


def test_the_folder_is_beside_the_project(tmp_path: Path) -> None:
    assert backup_folder(tmp_path / "study.qdb") == tmp_path / "study.backups"
    assert list_backups(tmp_path / "study.qdb") == []


def test_a_backup_is_a_consistent_project(project: Project, tmp_path: Path) -> None:
    document, code = coded(project)
    path = project_file(project)
    assert path == tmp_path / "study.qdb"
    # The newest changes are still in the write-ahead log, not in the file.
    assert (tmp_path / "study.qdb-wal").stat().st_size > 0
    # Someone else is half-way through a change: it must not be in the copy.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting (key, value) VALUES ('half-way', 'yes')")
    try:
        backup = make_backup(project, "open")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert backup is not None
    assert backup.reason == "open"
    assert backup.path.parent == tmp_path / "study.backups"
    assert backup.path.name.startswith("study-") and backup.path.name.endswith("-open.qdb")
    assert backup.size == backup.path.stat().st_size > 0
    assert abs(backup.taken_at - datetime.now(UTC)) < timedelta(minutes=1)
    # A self-contained file: no write-ahead log beside it.
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name]
    with Project.open(backup.path) as copy:
        assert [d.name for d in copy.documents()] == ["Interview 1"]
        assert [(s.document_id, s.code_id) for s in copy.segments()] == [(document, code)]
        assert copy.events() == project.events()
        assert copy.setting("half-way", "no") == "no"
    assert list_backups(path) == [backup]


def test_backups_are_listed_newest_first_and_pruned(project: Project, tmp_path: Path) -> None:
    coded(project)
    made = []
    for n in range(DEFAULT_KEEP + 3):
        reason = "open" if n == 0 else "interval"
        made.append(make_backup(project, reason, keep=None))
    assert len(list_backups(tmp_path / "study.qdb")) == DEFAULT_KEEP + 3
    (tmp_path / "study.backups" / "notes.txt").write_text("not a backup", encoding="utf-8")
    removed = prune(tmp_path / "study.backups")
    assert sorted(removed) == sorted(b.path for b in made[:3] if b is not None)
    listed = list_backups(tmp_path / "study.qdb")
    assert listed == list(reversed(made[3:]))
    assert [b.taken_at for b in listed] == sorted((b.taken_at for b in listed), reverse=True)
    assert (tmp_path / "study.backups" / "notes.txt").exists()
    assert prune(tmp_path / "study.backups", keep=4) == [b.path for b in listed[4:]]
    assert list_backups(tmp_path / "study.qdb") == listed[:4]
    with pytest.raises(InvalidInputError):
        prune(tmp_path / "study.backups", keep=0)


def test_making_a_backup_keeps_the_newest_n(project: Project, tmp_path: Path) -> None:
    coded(project)
    for _ in range(5):
        make_backup(project, "interval", keep=3)
    newest = make_backup(project, "manual", keep=3)
    listed = list_backups(tmp_path / "study.qdb")
    assert len(listed) == 3
    assert listed[0] == newest
    assert [b.reason for b in listed] == ["manual", "interval", "interval"]


def test_an_unchanged_project_is_not_copied_again(project: Project, tmp_path: Path) -> None:
    document, code = coded(project)
    first = make_backup(project, "open", skip_unchanged=True)
    assert first is not None
    assert make_backup(project, "interval", skip_unchanged=True) is None
    code_passage(project, document, code, "secret ballot")
    second = make_backup(project, "interval", skip_unchanged=True)
    assert second is not None and second.reason == "interval"
    project.undo()  # an undo is a change too
    third = make_backup(project, "interval", skip_unchanged=True)
    assert third is not None
    assert len(list_backups(tmp_path / "study.qdb")) == 3
    # Without the option, a copy is always made.
    assert make_backup(project, "manual") is not None


def test_a_reason_is_a_short_word(project: Project) -> None:
    with pytest.raises(InvalidInputError, match="reason"):
        make_backup(project, "Before lunch!")


def test_restore_brings_back_the_older_state(tmp_path: Path) -> None:
    path = tmp_path / "study.qdb"
    project = new_project(tmp_path, "study.qdb")
    document, code = coded(project)
    backup = make_backup(project, "open")
    assert backup is not None
    later = add_code(project, "Ballots")
    code_passage(project, document, later, "secret ballot")
    newer_events = len(project.events())
    project.close()

    saved = restore_backup(path, backup.path)

    assert saved is not None and saved.reason == BEFORE_RESTORE
    with Project.open(path) as restored:
        assert [c.name for c in restored.codes()] == ["Unions"]
        assert [(s.document_id, s.code_id) for s in restored.segments()] == [(document, code)]
        assert len(restored.events()) == newer_events - 2
        restored.use_coder("Ana Ruiz")
        add_code(restored, "After the restore")  # the restored project works as usual
    # The state that was replaced was kept first.
    with Project.open(saved.path) as before:
        assert [c.name for c in before.codes()] == ["Unions", "Ballots"]
        assert len(before.segments()) == 2
    assert list_backups(path) == [saved, backup]
    # The backup itself did not change.
    with Project.open(backup.path) as untouched:
        assert [c.name for c in untouched.codes()] == ["Unions"]


def test_restore_refuses_while_the_project_is_open(project: Project, tmp_path: Path) -> None:
    coded(project)
    backup = make_backup(project, "open")
    assert backup is not None
    add_code(project, "Ballots")
    with pytest.raises(BackupRefusedError, match="is open"):
        restore_backup(tmp_path / "study.qdb", backup.path)
    # Nothing changed, and no copy was made.
    assert [c.name for c in project.codes()] == ["Unions", "Ballots"]
    assert list_backups(tmp_path / "study.qdb") == [backup]


def test_restore_refuses_what_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "study.qdb"
    new_project(tmp_path, "study.qdb").close()
    stranger = tmp_path / "other.sqlite"
    connection = sqlite3.connect(stranger)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(InvalidInputError, match="not a workbench project"):
        restore_backup(path, stranger)
    text = tmp_path / "notes.qdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(InvalidInputError):
        restore_backup(path, text)
    with pytest.raises(NotFoundError):
        restore_backup(path, tmp_path / "missing.qdb")
    assert list_backups(path) == []


def test_restore_into_a_missing_project_file(tmp_path: Path) -> None:
    project = new_project(tmp_path, "study.qdb")
    coded(project)
    backup = make_backup(project, "manual")
    project.close()
    assert backup is not None
    (tmp_path / "study.qdb").unlink()
    assert restore_backup(tmp_path / "study.qdb", backup.path) is None
    with Project.open(tmp_path / "study.qdb") as restored:
        assert [c.name for c in restored.codes()] == ["Unions"]


@pytest.mark.postgres
def test_server_projects_are_backed_up_with_pg_dump(postgres_url: str) -> None:
    with Project.create(postgres_url) as project:
        assert project_file(project) is None
        with pytest.raises(BackupRefusedError, match="pg_dump"):
            make_backup(project, "open")
