"""``workbench qdpx PROJECT --import FILE`` and ``--export FILE``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.workbench.qdpx.helpers import Sel, Src, make_qdpx, project_xml
from workbench.cli.main import main

TEXT = "Entrevista: hablamos del sindicato.\nRespuesta: votamos.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--coder", "Ana Ruiz", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    source = Src("Entrevista", "e.txt", [Sel(21, 34, "del sindicato"), Sel(47, 54, "votamos")])
    return make_qdpx(
        tmp_path / "in.qdpx", project_xml("ATLAS.ti 9", [source]), {"e.txt": TEXT.encode()}
    )


def test_import_into_a_new_project_with_a_json_report(
    tmp_path: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "new.qdb"
    code, out, err = run(capsys, "qdpx", str(project), "--import", str(archive), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["imported"] == {"documents": 1, "codes": 1, "coders": 1, "segments": 2}
    assert report["origin"] == "ATLAS.ti 9"
    assert report["skipped"] == [] and report["misfits"] == []
    assert f"created {project}" in err
    code, out, _ = run(capsys, "codebook", str(project), "--json")
    assert [c["segments"] for c in json.loads(out)] == [2]


def test_export_both_kinds_and_import_again(
    tmp_path: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.qdb"
    assert run(capsys, "qdpx", str(project), "--import", str(archive))[0] == 0
    code, _, err = run(capsys, "qdpx", str(project), "--export", str(tmp_path / "out.qdpx"))
    assert code == 0 and "1 documents" in err and "2 segments" in err
    with zipfile.ZipFile(tmp_path / "out.qdpx") as exported:
        assert exported.namelist()[0] == "project.qde"
    code, out, _ = run(
        capsys, "qdpx", str(project), "--export", str(tmp_path / "book.qdc"), "--json"
    )
    assert code == 0 and json.loads(out)["written"] == {"codes": 1, "code_groups": 0}
    again = tmp_path / "again.qdb"
    code, out, _ = run(capsys, "qdpx", str(again), "--import", str(tmp_path / "out.qdpx"), "--json")
    assert code == 0 and json.loads(out)["imported"]["segments"] == 2


def test_a_refused_file_leaves_no_new_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK not really")
    project = tmp_path / "never.qdb"
    code, out, err = run(capsys, "qdpx", str(project), "--import", str(bad))
    assert code == 1 and out == ""
    assert "bad.qdpx is not a REFI-QDA project archive (.qdpx): it is not a zip file" in err
    assert list(tmp_path.glob("never.qdb*")) == []


def test_export_needs_a_known_extension(
    tmp_path: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.qdb"
    run(capsys, "qdpx", str(project), "--import", str(archive))
    code, _, err = run(capsys, "qdpx", str(project), "--export", str(tmp_path / "out.zip"))
    assert code == 1 and "FILE.qdpx" in err
    assert not (tmp_path / "out.zip").exists()


def test_import_or_export_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "qdpx", "p.qdb")
    assert exit_info.value.code == 2
