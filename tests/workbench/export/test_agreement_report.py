"""The agreement report in Word, alone and as a section of the appendix."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.agreement.project import compute_agreement
from workbench.cli.main import main
from workbench.demo import build_demo
from workbench.export.agreement_report import write_agreement_report
from workbench.project import Project


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qdb"
    build_demo(path, language="es")
    return path


def table_texts(path: Path) -> list[list[list[str]]]:
    document = docx.Document(str(path))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_the_report_has_the_methods_sentence_and_a_row_per_code(demo: Path, tmp_path: Path) -> None:
    with Project.open(demo) as project:
        result = compute_agreement(project, ["Ana Ruiz", "Ben Carter"])
    target = tmp_path / "acuerdo.docx"
    rows = write_agreement_report(result, target, language="es")
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert result.method in texts
    assert "Acuerdo entre codificadores" in texts
    (table,) = table_texts(target)
    assert len(table) == rows + 1 == len(result.codes) + 1
    assert table[0][0] == "Código"
    kappa = table[0].index("kappa")
    first = result.codes[0]
    expected = first.values["kappa"]
    shown = table[1][kappa]
    assert shown == ("no definido" if expected is None else f"{expected:.3f}")


def test_cli_writes_the_report_and_adds_agreement_to_the_appendix(
    demo: Path, tmp_path: Path
) -> None:
    report = tmp_path / "agreement.docx"
    assert (
        main(
            [
                "agreement",
                str(demo),
                "--coders",
                "Ana Ruiz,Ben Carter",
                "--docx",
                str(report),
                "--json",
            ]
        )
        == 0
    )
    assert report.exists()
    appendix = tmp_path / "appendix.docx"
    assert (
        main(
            [
                "--coder",
                "Ana Ruiz",
                "export",
                str(demo),
                "--docx",
                str(appendix),
                "--agreement",
                "AR,BC",
            ]
        )
        == 0
    )
    headings = [
        p.text
        for p in docx.Document(str(appendix)).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert any("agreement" in h.lower() or "acuerdo" in h.lower() for h in headings)
