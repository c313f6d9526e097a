"""The ``workbench`` command line: subcommands, JSON output, exit codes and messages."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import __version__
from workbench.cli.main import main

SPANISH = (
    "ENTREVISTADORA: ¿Qué cambió?\n"
    "TRABAJADORA: Ya no hay TRABAJO INFANTIL en la zafra; trabajó mi hijo antes.\n"
)
ENGLISH = (
    "Interviewer: What changed?\nRespondent: We elected our union delegates by secret ballot.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--coder", "Ana Ruiz", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "eval.qdb"
    code, _, err = run(
        capsys, "new", str(path), "--template", "usmca-evaluation", "--language", "es"
    )
    assert code == 0, err
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "entrevista-01.txt").write_text(SPANISH, encoding="utf-8")
    (folder / "interview-02.txt").write_text(ENGLISH, encoding="utf-16")
    code, _, err = run(capsys, "import", str(path), str(folder), "--attr", "Estado=Veracruz")
    assert code == 0, err
    return path


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"workbench {__version__}"


def test_docs_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "docs", str(project), "--json")
    assert code == 0
    documents = json.loads(out)
    assert [d["name"] for d in documents] == ["entrevista-01", "interview-02"]
    first = documents[0]
    assert first["characters"] == len(SPANISH.rstrip())
    assert first["attributes"] == {"Estado": "Veracruz"}
    assert first["source_type"] is None
    assert {"name", "characters", "source_type", "attributes"} <= set(first)


def test_codebook_json_lists_the_template(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "codebook", str(project), "--json")
    assert code == 0
    codes = json.loads(out)
    labels = {c["label"]: c for c in codes}
    assert {
        f"{d}{x}"
        for d, xs in (("1", "abcdef"), ("2", "abcd"), ("3", "abcd"), ("4", "abcd"), ("5", "abc"))
        for x in xs
    } <= set(labels)
    assert labels["1b"]["group"] == "Resultados"
    assert labels["1b"]["path"].endswith("/" + labels["1b"]["name"])
    assert labels["SC2"]["segments"] == 0


def test_search_json_and_code_all_hits(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(project), '"trabajo infantil"', "--json")
    assert code == 0
    hits = json.loads(out)
    assert [h["text"] for h in hits] == ["TRABAJO INFANTIL"]
    assert set(hits[0]) >= {"document", "start", "end", "text"}
    code, _, err = run(capsys, "search", str(project), '"trabajo infantil"', "--code", "P1")
    assert code == 0 and "coded 1 passages" in err
    code, out, _ = run(capsys, "codebook", str(project), "--json")
    assert next(c for c in json.loads(out) if c["label"] == "P1")["segments"] == 1


def test_codings_export_and_import(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "search", str(project), "zafra", "--code", "1a")
    out_file = tmp_path / "codings.csv"
    code, _, err = run(capsys, "codings", str(project), "--export", str(out_file))
    assert code == 0 and "1 segments written" in err
    with out_file.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["text"] == "zafra" and rows[0]["coder"] == "Ana Ruiz"
    code, _, err = run(capsys, "codings", str(project), "--import", str(out_file))
    assert code == 0 and "0 segments added, 1 already present" in err


def test_codebook_csv_export_then_import_into_an_empty_project(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "codebook.csv"
    assert run(capsys, "codebook", str(project), "--export", str(exported))[0] == 0
    other = tmp_path / "other.qdb"
    assert run(capsys, "new", str(other))[0] == 0
    code, _, err = run(capsys, "codebook", str(other), "--import", str(exported))
    assert code == 0 and "61 codes created" in err
    _, first, _ = run(capsys, "codebook", str(project), "--json")
    _, second, _ = run(capsys, "codebook", str(other), "--json")
    keys = ("path", "label", "group", "colour", "codable", "definition")
    assert [{k: c[k] for k in keys} for c in json.loads(first)] == [
        {k: c[k] for k in keys} for c in json.loads(second)
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["docs", "missing.qdb"], "does not exist"),
        (["new", "{existing}"], "already exists"),
        (["import", "{existing}", "nothing-here.txt"], "cannot be opened"),
        (["codebook", "{existing}", "--import", "{bad_csv}"], "lacks the column"),
        (["search", "{existing}", '"unclosed'], "unclosed quote"),
        (["docs", "{not_a_project}"], "not a workbench project"),
        (["new", "x.qdb", "--template", "nope"], "no template 'nope'"),
        (
            ["import", "{existing}", "{folder}", "--attr", "Estado=Atlantis"],
            "not one of the choices",
        ),
    ],
)
def test_user_mistakes_exit_1_with_a_message_and_no_traceback(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("name,colour\nx,#fff\n", encoding="utf-8")
    not_a_project = tmp_path / "notes.qdb"
    not_a_project.write_text("hello", encoding="utf-8")
    values = {
        "existing": str(project),
        "bad_csv": str(bad_csv),
        "not_a_project": str(not_a_project),
        "folder": str(tmp_path / "in"),
    }
    filled = [
        a.format(**values) if "{" in a and "}" in a and not a.startswith('"') else a for a in args
    ]
    if filled[0] in ("docs", "new") and not Path(filled[1]).is_absolute():
        filled[1] = str(tmp_path / filled[1])
    code, out, err = run(capsys, *filled)
    assert code == 1 or (code == 0 and message in out), (code, out, err)
    assert message in err or message in out
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["codings", "p.qdb"])
    assert exit_info.value.code == 2
    assert main([]) == 2


def test_demo_builds_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.qdb"
    code, out, err = run(capsys, "demo", str(path))
    assert code == 0 and out.strip() == str(path)
    assert "12 documents" in err
    code, out, _ = run(capsys, "docs", str(path), "--json")
    documents = json.loads(out)
    assert len(documents) == 12
    assert all(d["source_type"] for d in documents)
