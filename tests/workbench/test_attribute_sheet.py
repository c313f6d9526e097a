"""Document attributes from a CSV or XLSX sheet with one row per document."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import add_document
from workbench.attribute_sheet import apply_sheet
from workbench.errors import InvalidInputError
from workbench.newproject import create_project
from workbench.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = create_project(
        tmp_path / "p.qdb", template="usmca-evaluation", language="es", coder="Ana"
    )
    add_document(project, "Entrevista 01", "Texto uno.")
    add_document(project, "Entrevista 02", "Texto dos.")
    yield project
    project.close()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_csv_sheet_sets_checked_values_in_one_undoable_step(
    project: Project, tmp_path: Path
) -> None:
    sheet = write_csv(
        tmp_path / "atributos.csv",
        [
            ["document", "Estado", "Fecha de la entrevista", "Entrevistador"],
            ["Entrevista 01", "san luis potosí", "2024-08-14", "Ana Ruiz"],
            ["entrevista 02", "Veracruz", "", ""],
            ["Entrevista 99", "Oaxaca", "", ""],
        ],
    )
    report = apply_sheet(project, sheet)
    assert (report.documents, report.values) == (2, 4)
    assert report.unknown_documents == ["Entrevista 99"]
    assert report.new_attributes == ["Entrevistador"]
    values = {d.name: d.attributes for d in project.documents()}
    assert values["Entrevista 01"] == {
        "Estado": "San Luis Potosí",
        "Fecha de la entrevista": "2024-08-14",
        "Entrevistador": "Ana Ruiz",
    }
    assert values["Entrevista 02"] == {"Estado": "Veracruz"}
    project.undo()
    assert all("Estado" not in d.attributes for d in project.documents())


def test_a_sheet_with_a_wrong_value_is_refused_whole(project: Project, tmp_path: Path) -> None:
    sheet = write_csv(
        tmp_path / "bad.csv",
        [
            ["document", "Estado", "Fecha de la entrevista"],
            ["Entrevista 01", "Veracruz", "14/08/2024"],
            ["Entrevista 02", "Atlántida", "2024-08-15"],
        ],
    )
    with pytest.raises(InvalidInputError) as refused:
        apply_sheet(project, sheet)
    message = str(refused.value)
    assert "line 2" in message and "YYYY-MM-DD" in message
    assert "line 3" in message and "Atlántida" in message
    assert all(d.attributes == {} for d in project.documents())


def test_xlsx_sheet(project: Project, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Documento", "Estado", "Fecha de la entrevista"])
    sheet.append(["Entrevista 02", "Coahuila", datetime(2024, 9, 3)])
    path = tmp_path / "atributos.xlsx"
    book.save(path)
    report = apply_sheet(project, path)
    assert report.values == 2
    second = next(d for d in project.documents() if d.name == "Entrevista 02")
    assert second.attributes == {"Estado": "Coahuila", "Fecha de la entrevista": "2024-09-03"}


def test_a_sheet_without_a_document_column_or_of_another_kind_is_refused(
    project: Project, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInputError, match="column named 'document'"):
        apply_sheet(
            project,
            write_csv(tmp_path / "x.csv", [["name", "Estado"], ["Entrevista 01", "Veracruz"]]),
        )
    odt = tmp_path / "x.ods"
    odt.write_bytes(b"not a sheet")
    with pytest.raises(InvalidInputError, match=r"\.csv or \.xlsx"):
        apply_sheet(project, odt)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK not really a workbook")
    with pytest.raises(InvalidInputError, match="not a readable Excel workbook"):
        apply_sheet(project, broken)


def test_cli_import_with_a_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.cli.main import main

    project = tmp_path / "cli.qdb"
    assert (
        main(
            [
                "--coder",
                "Ana",
                "new",
                str(project),
                "--template",
                "usmca-evaluation",
                "--language",
                "es",
            ]
        )
        == 0
    )
    source = tmp_path / "entrevista-07.txt"
    source.write_text("P: ¿Qué cambió?\nR: Mucho.\n", encoding="utf-8")
    sheet = write_csv(tmp_path / "hoja.csv", [["file", "Estado"], ["entrevista-07.txt", "Nayarit"]])
    assert (
        main(["--coder", "Ana", "import", str(project), str(source), "--attributes", str(sheet)])
        == 0
    )
    assert "1 values set on 1 documents" in capsys.readouterr().err
    with Project.open(project) as opened:
        assert opened.documents()[0].attributes == {"Estado": "Nayarit"}
