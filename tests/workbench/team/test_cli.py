"""``workbench assign`` and ``workbench merge`` on the command line, and their JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.workbench.team.scenario import build_master, dump, make_files, segments
from workbench.cli.main import main
from workbench.project import Project


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--coder", "Ana Ruiz", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_assign_writes_a_file_and_describes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    out = tmp_path / "ben.qdb"
    code, stdout, err = run(
        capsys,
        "assign",
        master.location,
        "--coder",
        "Ben Carter",
        "--documents",
        "Entrevista 2,Entrevista 1",
        "--out",
        str(out),
        "--json",
    )
    assert code == 0, err
    report = json.loads(stdout)
    assert report["file"] == str(out) and out.exists()
    assert report["coder"] == "Ben Carter"
    assert report["documents"] == ["Entrevista 1", "Entrevista 2"]
    assert report["segments"] == 4 and report["codes"] == 5 and report["blind"] is False
    code, stdout, err = run(
        capsys,
        "assign",
        master.location,
        "--coder",
        "Cruz Peña",
        "--all-documents",
        "--out",
        str(tmp_path / "cruz.qdb"),
    )
    assert code == 0 and stdout.strip() == str(tmp_path / "cruz.qdb")
    assert "assignment for Cruz Peña: 3 documents" in err


def test_assign_explains_what_to_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    out = str(tmp_path / "x.qdb")
    code, stdout, err = run(
        capsys, "assign", master.location, "--coder", "Ben Carter", "--out", out
    )
    assert code == 1 and stdout == "" and "--all-documents" in err
    code, _, err = run(
        capsys, "assign", master.location, "--coder", "Zoe", "--all-documents", "--out", out
    )
    assert code == 1 and "no coder named 'Zoe'" in err and "Ben Carter" in err
    assert not Path(out).exists()


def test_merge_json_is_the_preview_then_the_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    files = make_files(master, tmp_path)
    paths = [str(files.ben), str(files.cruz), str(files.dana)]
    with Project.open(master.location) as project:
        before = dump(project)

    code, stdout, err = run(capsys, "merge", master.location, *paths, "--dry-run", "--json")
    assert code == 0, err
    preview = json.loads(stdout)
    with Project.open(master.location) as project:
        assert dump(project) == before
    assert preview["applied"] is False and preview["backup"] is None
    assert preview["totals"]["segments"] == {
        "added": 3,
        "updated": 2,
        "deleted": 1,
        "unchanged": 4,
    }
    assert set(preview["totals"]) == {"documents", "codes", "segments", "memos"}
    ben, cruz, dana = preview["files"]
    assert ben["coder"] == "Ben Carter" and ben["file"] == paths[0]
    [rename] = ben["code_proposals"]
    assert rename["kind"] == "changed" and rename["accepted"] is False
    assert rename["changes"] == {"name": {"master": "Safety", "proposed": "Health and safety"}}
    assert {p["name"]: p["accepted"] for p in cruz["code_proposals"]} == {
        "Unions": False,
        "Child labour": True,
    }
    [refused] = dana["refused_documents"]
    assert refused["name"] == "Grupo focal 3" and refused["segments_kept_aside"] == 1
    assert dana["kept_aside"] == {"count": 1, "csv": None}
    assert any(c["kind"] == "segment" and "Ana Ruiz" in c["reason"] for c in ben["conflicts"])

    accept = ",".join([rename["guid"], files.codes["Child labour"]])
    code, stdout, err = run(
        capsys, "merge", master.location, *paths, "--json", "--accept-codes", accept
    )
    assert code == 0, err
    result = json.loads(stdout)
    assert result["applied"] is True and Path(result["backup"]).exists()
    assert result["totals"]["segments"] == preview["totals"]["segments"]
    assert result["totals"]["codes"]["added"] == 1  # Migration was not listed
    assert result["totals"]["codes"]["updated"] == 1
    assert result["files"][2]["kept_aside"]["csv"] == str(tmp_path / "dana.kept-aside.csv")
    with Project.open(master.location) as project:
        names = {c.name for c in project.codes()}
        merged = segments(project)
    assert {"Health and safety", "Child labour"} <= names and "Migration" not in names
    assert files.segments["nC2"] in merged

    code, stdout, err = run(capsys, "merge", master.location, *paths)
    assert code == 0
    assert "segments: 0 added, 0 updated, 0 deleted" in stdout
    assert "copied to" in err


def test_merge_refuses_a_bad_accept_codes_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    files = make_files(master, tmp_path)
    code, _, err = run(capsys, "merge", master.location, str(files.ben), "--accept-codes", "some")
    assert code == 1 and "'some' is not a GUID" in err
