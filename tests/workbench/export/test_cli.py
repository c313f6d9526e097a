"""``workbench export`` on the demo project."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pandas as pd
import pytest

from workbench.cli.main import main
from workbench.export.options import ExportOptions, load_options
from workbench.project import Project


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.qdb"
    shutil.copy(demo_path, copy)
    return copy


def test_export_writes_every_format_and_remembers_the_choice(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    word, folder, workbook = tmp_path / "a.docx", tmp_path / "csv", tmp_path / "a.xlsx"
    status = main(
        [
            "--coder",
            "Ana Ruiz",
            "export",
            str(demo_copy),
            "--docx",
            str(word),
            "--csv",
            str(folder),
            "--xlsx",
            str(workbook),
            "--matrix",
            "usmca:projects:paragraph",
            "--matrix",
            "outcomes:triangulation",
            "--quotes-per-code",
            "1",
            "--coder",
            "BC",
            "--json",
        ]
    )
    assert status == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["docx"]["path"] == str(word) and printed["docx"]["quotes"] > 0
    assert [m["spec"] for m in printed["matrices"]] == [
        "usmca:projects:paragraph",
        "outcomes:triangulation",
    ]
    assert (
        printed["matrices"][1]["caption"] == "Resultados por Tipo de fuente: número de documentos"
    )
    assert printed["options"] == {
        "matrices": ["usmca:projects:paragraph", "outcomes:triangulation"],
        "quotes_per_code": 1,
        "language": "es",
        "coder": "BC",
    }
    assert sorted(p.name for p in folder.iterdir()) == sorted(Path(p).name for p in printed["csv"])
    segments = pd.read_csv(folder / "segments.csv", encoding="utf-8-sig")
    assert set(segments["coder"]) == {"Ben Carter"}
    assert "Tipo de fuente" in segments.columns
    sheets = pd.read_excel(workbook, sheet_name=None)
    assert [s["name"] for s in printed["xlsx"]["sheets"]] == list(sheets)[1:]
    assert docx.Document(str(word)).paragraphs[0].style.name == "Title"
    with Project.open(demo_copy) as project:
        assert load_options(project) == ExportOptions(
            matrices=("usmca:projects:paragraph", "outcomes:triangulation"),
            quotes_per_code=1,
            language="es",
            coder="BC",
        )

    # The next export without choices uses the remembered ones.
    assert main(["export", str(demo_copy), "--csv", str(tmp_path / "again"), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["options"]["matrices"] == ["usmca:projects:paragraph", "outcomes:triangulation"]


def test_export_defaults_to_the_four_report_matrices(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(demo_copy), "--xlsx", str(tmp_path / "a.xlsx"), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [m["spec"] for m in printed["matrices"]] == [
        "outcomes:ilab_project",
        "usmca:ilab_project",
        "outcomes:source_type",
        "outcomes:state",
    ]


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--matrix", "lessons:state"], "outcomes, usmca, projects, themes"),
        (["--matrix", "outcomes:district"], "ilab_project, state, sector"),
        (["--coder", "consensus"], "Consensus"),
        (["--coder", "Zoe"], "Ana Ruiz (AR), Ben Carter (BC)"),
        (["--matrix", "outcomes"], "ROWS:COLUMNS"),
    ],
)
def test_user_mistakes_exit_1_naming_the_choices(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    named: str,
) -> None:
    word = tmp_path / "a.docx"
    assert main(["export", str(demo_copy), "--docx", str(word), *arguments]) == 1
    assert named in capsys.readouterr().err
    assert not word.exists()
    with Project.open(demo_copy) as project:
        assert load_options(project) is None


def test_export_without_a_format_is_a_usage_error(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(demo_copy)]) == 2
    assert "--docx" in capsys.readouterr().err
