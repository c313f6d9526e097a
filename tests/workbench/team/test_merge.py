"""Merging three coders' returned files into the master: the master ends as expected."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from db.schema import Code, Memo
from tests.workbench.team.scenario import (
    Files,
    Master,
    build_master,
    dump,
    expected,
    make_files,
    segments,
)
from workbench.errors import InvalidInputError
from workbench.project import Project
from workbench.team import CodeChoice, merge_files, preview_merge

E1, E2, G3 = "Entrevista 1", "Entrevista 2", "Grupo focal 3"
ANA, BEN, CRUZ, DANA = "Ana Ruiz", "Ben Carter", "Cruz Peña", "Dana Solís"


@pytest.fixture
def team(tmp_path: Path) -> tuple[Master, Files]:
    master = build_master(str(tmp_path / "master.qdb"))
    return master, make_files(master, tmp_path)


def _expected_after_default(master: Master, files: Files) -> dict[str, tuple[object, ...]]:
    s, n = master.segments, files.segments
    return {
        # Ben resized Ana's segment in his copy: not his to change; Ana's stays.
        s["sA1"]: expected(E1, "Formamos un sindicato independiente", "Unions", ANA),
        s["sA2"]: expected(E2, "Los niños ya no trabajan", "Wages and pay", ANA),
        # Ben resized his own segment; the master takes it.
        s["sB1"]: expected(E1, "Formamos un sindicato", "Unions", BEN),
        # sB2: Ben deleted it; so does the master.
        s["sC1"]: expected(E2, "salario mínimo", "Wages and pay", CRUZ, "minimum wage"),
        # Dana deleted hers, but her document was refused: it stays.
        s["sD0"]: expected(G3, "El sindicato negoció un contrato nuevo", "Unions", DANA),
        # Two coders coded the same passage: both codings are kept.
        n["nB1"]: expected(E2, "Nos pagan el salario mínimo", "Wages and pay", BEN),
        n["nC1"]: expected(E2, "Nos pagan el salario mínimo", "Wages and pay", CRUZ),
        # A new code (accepted by default) and the passage coded with it.
        n["nC2"]: expected(E2, "Los niños ya no trabajan en el campo", "Child labour", CRUZ),
        # nD1 is on Dana's tampered document: kept aside, not in the master.
    }


def _codes(project: Project) -> dict[str, tuple[str, str]]:
    with project.read() as session:
        rows = session.execute(select(Code.guid, Code.name, Code.definition)).all()
    return {row.guid: (row.name, row.definition) for row in rows}


def test_three_returned_files_merge_into_the_expected_master(
    team: tuple[Master, Files],
) -> None:
    master, files = team
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        report = merge_files(project, [files.ben, files.cruz, files.dana])
        assert segments(project) == _expected_after_default(master, files)
        codes = _codes(project)
        with project.read() as session:
            memos = session.execute(select(Memo.title, Memo.text)).all()
    # Renames and redefinitions are refused by default; new codes come in.
    assert codes[master.codes["Safety"]] == ("Safety", "About safety")
    assert codes[master.codes["Unions"]] == ("Unions", "About unions")
    # The lead's rename in the master is not undone by files that did not touch it.
    assert codes[master.codes["Wages"]][0] == "Wages and pay"
    assert codes[files.codes["Child labour"]][0] == "Child labour"
    assert codes[files.codes["Migration"]][0] == "Migration"
    assert memos == [("Ben", "Check with Cruz")]

    ben, cruz, dana = report.files
    assert ben.counts["segments"] == {"added": 1, "updated": 1, "deleted": 1, "unchanged": 1}
    assert cruz.counts["segments"] == {"added": 2, "updated": 1, "deleted": 0, "unchanged": 3}
    assert dana.counts["segments"] == {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    assert [(p.kind, p.name, p.accepted, p.applied) for p in ben.proposals] == [
        ("changed", "Health and safety", False, False)
    ]
    assert [c.field for c in ben.proposals[0].changes] == ["name"]
    assert sorted((p.kind, p.name, p.accepted) for p in cruz.proposals) == [
        ("changed", "Unions", False),
        ("new", "Child labour", True),
    ]
    assert [(p.kind, p.name, p.applied) for p in dana.proposals] == [("new", "Migration", True)]

    # Dana's document was refused with a clear message; her coding was kept aside.
    assert [r.name for r in dana.refused] == [G3]
    assert "text" in dana.refused[0].reason and "differ" in dana.refused[0].reason
    assert dana.refused[0].kept_aside == 1
    assert dana.aside_csv is not None and dana.aside_csv.parent == files.dana.parent
    with dana.aside_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["guid"], r["document"], r["code"], r["text"]) for r in rows] == [
        (files.segments["nD1"], G3, "Migration", "Muchos se fueron al Norte")
    ]
    # Ben's change to Ana's segment is a conflict and kept aside too.
    assert any("Ana Ruiz's segment" in c.reason for c in ben.conflicts)
    assert ben.aside_csv is not None and ben.aside_csv.exists()
    assert any("document was refused" in c.reason for c in dana.conflicts)
    assert report.backup is not None and report.backup.exists()


def test_a_second_merge_of_the_same_files_changes_nothing(team: tuple[Master, Files]) -> None:
    master, files = team
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        merge_files(project, [files.ben, files.cruz, files.dana])
        after = dump(project)
        again = merge_files(project, [files.ben, files.cruz, files.dana])
        assert dump(project) == after
    assert not again.changes_anything
    for report in again.files:
        for kind, counts in report.counts.items():
            assert counts["added"] == counts["updated"] == counts["deleted"] == 0, kind


def test_accepting_every_proposal_renames_and_redefines(team: tuple[Master, Files]) -> None:
    master, files = team
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        report = merge_files(project, [files.ben, files.cruz, files.dana], CodeChoice.parse("all"))
        codes = _codes(project)
        expected_segments = _expected_after_default(master, files)
        s = master.segments
        name, *rest = expected_segments[s["sA1"]][3:]
        assert segments(project) == expected_segments  # code names of these are unchanged
    assert codes[master.codes["Safety"]][0] == "Health and safety"
    assert codes[master.codes["Unions"]][1] == "Independent unions only"
    assert name == "Unions" and rest == [ANA, ""]
    assert all(p.applied for f in report.files for p in f.proposals)


def test_listed_proposals_only_are_taken(team: tuple[Master, Files]) -> None:
    master, files = team
    choice = CodeChoice.parse(files.codes["Child labour"].upper())
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        report = merge_files(project, [files.cruz, files.dana], choice)
        codes = _codes(project)
    assert files.codes["Child labour"] in codes
    assert files.codes["Migration"] not in codes
    [migration] = report.files[1].proposals
    assert (migration.accepted, migration.applied) == (False, False)


def test_a_refused_new_code_keeps_its_segments_aside(team: tuple[Master, Files]) -> None:
    master, files = team
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        before = segments(project)
        report = merge_files(project, [files.cruz], CodeChoice.parse("none"))
        after = segments(project)
    [cruz] = report.files
    assert files.segments["nC2"] not in after
    assert files.segments["nC1"] in after and len(after) == len(before) + 1
    assert [row.guid for row in cruz.aside] == [files.segments["nC2"]]
    assert "not taken" in cruz.aside[0].reason


def test_the_preview_is_what_the_merge_does_and_changes_nothing(
    team: tuple[Master, Files],
) -> None:
    master, files = team
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        before = dump(project)
        preview = preview_merge(project, [files.ben, files.cruz, files.dana])
        assert dump(project) == before
        assert not preview.applied and preview.backup is None
        result = merge_files(project, [files.ben, files.cruz, files.dana])
    assert preview.totals() == result.totals()
    assert [c.reason for f in preview.files for c in f.conflicts] == [
        c.reason for f in result.files for c in f.conflicts
    ]
    assert all(f.aside_csv is None for f in preview.files)


def test_a_change_the_master_made_since_is_not_taken_for_the_coders(
    team: tuple[Master, Files],
) -> None:
    master, files = team
    with Project.open(master.location) as project:
        project.use_coder(ANA)
        report = preview_merge(project, [files.ben])
    # The files still say "Wages"; the coders did not rename it, the lead did.
    assert all(p.name != "Wages" for p in report.files[0].proposals)


def test_a_file_from_another_master_is_refused(tmp_path: Path, team: tuple[Master, Files]) -> None:
    _master, files = team
    other = build_master(str(tmp_path / "other.qdb"))
    with Project.open(other.location) as project:
        project.use_coder(ANA)
        before = dump(project)
        with pytest.raises(InvalidInputError, match="made from another project"):
            merge_files(project, [files.ben])
        assert dump(project) == before
    assert not list(tmp_path.glob("other.backup-*"))


def test_a_plain_project_is_not_an_assignment_file(
    tmp_path: Path, team: tuple[Master, Files]
) -> None:
    master, files = team
    plain = build_master(str(tmp_path / "plain.qdb"))
    with (
        Project.open(master.location) as project,
        pytest.raises(InvalidInputError, match="not an assignment file"),
    ):
        merge_files(project, [Path(plain.location)])
    with Project.open(files.ben) as copy, pytest.raises(InvalidInputError, match="into itself"):
        merge_files(copy, [files.ben])
