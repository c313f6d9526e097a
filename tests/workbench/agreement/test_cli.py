"""``workbench agreement`` on the demo project, checked against an independent computation."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from workbench.cli.main import main
from workbench.demo import build_demo
from workbench.project import Project

CODERS = "Ana Ruiz,Ben Carter"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agreement") / "demo.qdb"
    build_demo(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def agreement_json(capsys: pytest.CaptureFixture[str], demo: Path, *args: str) -> dict[str, Any]:
    status, out, err = run(capsys, "agreement", str(demo), "--coders", CODERS, *args, "--json")
    assert status == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def per_character(
    project: Project, code_id: int, coder_id: int, document_ids: list[int]
) -> np.ndarray:
    """Concatenated 0/1 arrays, one position per character, built from the segments."""
    parts = []
    for document_id in document_ids:
        marks = np.zeros(len(project.text(document_id)), dtype=int)
        for s in project.segments(
            document_ids=[document_id], code_ids=[code_id], coder_ids=[coder_id]
        ):
            marks[s.start : s.end] = 1
        parts.append(marks)
    return np.concatenate(parts)


def test_character_json_matches_scikit_learn_on_per_character_arrays(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    data = agreement_json(capsys, demo)
    assert data["unit"] == "character"
    assert [c["name"] for c in data["coders"]] == ["Ana Ruiz", "Ben Carter"]
    assert data["documents"] == 12
    assert data["method"].startswith("Agreement was computed at the character level")
    with Project.open(demo) as project:
        coders = {c.name: c.id for c in project.coders()}
        documents = [d.id for d in project.documents() if d.name in data["document_names"]]
        checked = 0
        for entry in data["codes"]:
            if entry["both"] == 0:
                continue
            a = per_character(project, entry["code_id"], coders["Ana Ruiz"], documents)
            b = per_character(project, entry["code_id"], coders["Ben Carter"], documents)
            assert entry["both"] == int(np.sum(a & b))
            assert entry["only_a"] == int(np.sum(a & (1 - b)))
            assert entry["only_b"] == int(np.sum((1 - a) & b))
            assert entry["neither"] == int(np.sum((1 - a) & (1 - b)))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = float(cohen_kappa_score(a, b))
            assert entry["kappa"] == pytest.approx(expected, abs=1e-12)
            assert entry["percent_agreement"] == pytest.approx(100 * np.mean(a == b))
            assert entry["documents"] == 12
            checked += 1
        assert checked >= 10


def test_undefined_kappa_is_null_with_its_reason(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    data = agreement_json(capsys, demo)
    unused = [c for c in data["codes"] if c["both"] + c["only_a"] + c["only_b"] == 0]
    assert unused, "the demo codebook has codes no one applied"
    for entry in unused:
        assert entry["kappa"] is None
        assert entry["undefined"]["kappa"] == "neither coder applied this code"
    assert f"undefined for {len(unused)} codes that neither coder applied" in data["method"]


@pytest.mark.parametrize("unit", ["segment", "document", "unitized"])
def test_other_units_name_themselves_and_give_values(
    capsys: pytest.CaptureFixture[str], demo: Path, unit: str
) -> None:
    data = agreement_json(capsys, demo, "--unit", unit, "--codes", "Resultados")
    assert data["unit"] == unit
    assert all(c["group"] == "Resultados" for c in data["codes"])
    key = {"segment": "brennan_prediger", "document": "kappa", "unitized": "u_alpha"}[unit]
    assert any(c[key] is not None for c in data["codes"])
    assert key in data["statistics"]
    if unit == "unitized":
        assert [g["group"] for g in data["groups"]] == ["Resultados"]


def test_codes_with_commas_in_their_names_and_comma_lists(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    whole = agreement_json(
        capsys, demo, "--codes", "Sindicatos certificados, contratos aprobados, alzas salariales"
    )
    assert [c["label"] for c in whole["codes"]] == ["1e"]
    listed = agreement_json(capsys, demo, "--codes", "1a,1b", "P1")
    assert [c["label"] for c in listed["codes"]] == ["1a", "1b", "P1"]


def test_text_output_is_a_table_with_the_method(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    status, out, _ = run(capsys, "agreement", str(demo), "--coders", "AR,BC", "--codes", "1a", "1b")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["code", "kappa", "(pooled)", "agree"]
    assert lines[1].startswith("1a ") and lines[2].startswith("1b ")
    assert lines[3].startswith("all codes, pooled")
    assert lines[-1].startswith("Agreement was computed at the character level")


def test_unknown_coder_exits_1_naming_the_project_coders(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    status, out, err = run(capsys, "agreement", str(demo), "--coders", "Ana Ruiz,Nadie")
    assert status == 1
    assert out == ""
    assert "Nadie" in err and "Ana Ruiz (AR), Ben Carter (BC)" in err
    assert "Traceback" not in err


def test_the_command_line_offers_every_unit_and_aggregate() -> None:
    from workbench.agreement.character import AGGREGATES
    from workbench.agreement.project import UNITS
    from workbench.cli import agreement as cli

    assert tuple(cli.UNITS) == tuple(UNITS)
    assert tuple(cli.AGGREGATES) == tuple(AGGREGATES)
