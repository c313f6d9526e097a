"""CSV files and the Excel workbook read back with pandas; the remembered options."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.factories import add_document, code_passage
from tests.workbench.analysis.conftest import Known
from workbench.codings_csv import COLUMNS
from workbench.errors import InvalidInputError
from workbench.export.csv_export import write_csv_folder
from workbench.export.options import (
    SETTING_KEY,
    ExportOptions,
    SaveExportOptions,
    load_options,
    remember,
)
from workbench.export.xlsx_export import sheet_names, write_workbook
from workbench.project import Project

MATRICES = ("outcomes:ilab_project", "outcomes:state:segments")


def test_csv_folder_reads_back(known: Known, tmp_path: Path) -> None:
    options = ExportOptions(matrices=MATRICES, language="es")
    files = write_csv_folder(known.project, tmp_path / "csv", options)
    names = [f.name for f in files]
    assert names == [
        "segments.csv",
        "documents-by-source-type.csv",
        "coders.csv",
        "codebook.csv",
        "matrix-01-outcomes-ilab-project.csv",
        "matrix-02-outcomes-state-segments.csv",
        "outcomes.csv",
        "presence.csv",
    ]
    assert all(f.read_bytes().startswith(b"\xef\xbb\xbf") for f in files)
    segments = pd.read_csv(files[0], encoding="utf-8-sig", keep_default_na=False)
    assert list(segments.columns[:7]) == list(COLUMNS)
    assert list(segments.columns[7:]) == ["State", "Source type", "ILAB project"]
    assert len(segments) == len(known.project.segments())
    first = segments.iloc[0]
    assert (first["document"], first["text"], first["ILAB project"]) == (
        "D1",
        "Formamos un sindicato",
        "SC2; ENLACE",
    )
    text = known.project.text(known.documents["D1"])
    assert all(
        text[r.start : r.end] == r.text for r in segments[segments.document == "D1"].itertuples()
    )
    matrix = pd.read_csv(files[4], encoding="utf-8-sig", index_col=0)
    assert matrix.index.name == "Resultados"
    assert matrix.loc["1a Unions formed"].to_dict() == {"ENLACE": 1, "SC2": 2, "(sin valor)": 0}
    by_state = pd.read_csv(files[5], encoding="utf-8-sig", index_col=0)
    assert by_state.loc["1b Contracts voted", "Veracruz"] == 2
    presence = pd.read_csv(files[7], encoding="utf-8-sig", index_col=0, keep_default_na=False)
    assert presence.loc["D4", "State"] == "Oaxaca"
    assert presence.loc["D2", "1a"] == 1
    plain = write_csv_folder(known.project, tmp_path / "plain", options, bom=False)
    assert not plain[0].read_bytes().startswith(b"\xef\xbb\xbf")
    assert "¿Qué" not in plain[0].read_text(encoding="utf-8")
    assert "caña" in plain[0].read_text(encoding="utf-8")


def test_workbook_sheets_and_accents(known: Known, tmp_path: Path) -> None:
    bad = add_document(known.project, "Señal", "R: Año\x0b malo\x01.\n")
    code_passage(known.project, bad, known.codes["1b"], "Año\x0b malo")
    path = tmp_path / "anexo.xlsx"
    report = write_workbook(known.project, path, ExportOptions(matrices=MATRICES, language="es"))
    sheets = pd.read_excel(path, sheet_name=None, keep_default_na=False)
    assert list(sheets) == ["Contenido"] + [name for name, _ in report.sheets]
    assert all(len(name) <= 31 for name in sheets)
    assert len({name.casefold() for name in sheets}) == len(sheets)
    assert sheets["Contenido"]["Hoja"].tolist() == [name for name, _ in report.sheets]
    quotes = sheets["Citas por código"]
    assert "Año malo" in quotes["Cita"].tolist()
    assert "Ya no van al corte" in quotes["Cita"].tolist()
    assert set(quotes["Código"]) == {
        "1a Unions formed",
        "1b Contracts voted",
        "SC2",
        "ENLACE",
    }
    sources = sheets["Documentos por tipo de fuente"].set_index("Tipo de fuente")
    assert sources["Documentos"].to_dict() == {"Interview": 2, "Focus group": 2, "(not set)": 1}
    codebook = sheets["Libro de códigos"]
    assert codebook.columns[0] == "Etiqueta" and "Definición" in codebook.columns
    matrix = sheets["Resultados x Proyecto de ILAB"].set_index("Resultados")
    assert matrix.loc["1a Unions formed", "SC2"] == 2
    assert "Segmentos" not in sheets
    full = tmp_path / "full.xlsx"
    write_workbook(known.project, full, ExportOptions(matrices=()), segments=True)
    segments = pd.read_excel(full, sheet_name="Segments", keep_default_na=False)
    assert len(segments) == len(known.project.segments())
    assert "Año malo" in segments["text"].tolist()


def test_sheet_names_are_short_clean_and_unique() -> None:
    long = "Prioridades del T-MEC por Proyecto de ILAB: número de documentos"
    names = sheet_names([long, long, "a/b[c]?", "Contenido", "contenido"])
    assert names[0] == long[:31]
    assert names[1].endswith(" (2)") and len(names[1]) <= 31
    assert names[2] == "a-b-c--"
    assert names[4] == "contenido (2)"


def test_options_are_remembered_with_an_undoable_command(known: Known) -> None:
    project = known.project
    assert load_options(project) is None
    chosen = ExportOptions(matrices=("usmca:state",), quotes_per_code=3, language="es")
    assert remember(project, chosen) is True
    assert load_options(project) == chosen
    assert remember(project, chosen) is False
    project.run(SaveExportOptions(ExportOptions()))
    assert load_options(project) == ExportOptions()
    project.undo()
    assert load_options(project) == chosen
    project.undo()
    assert project.setting(SETTING_KEY) == ""
    assert project.events(1)[0].action == "undo setting.set"
    assert ExportOptions.from_json("not json") == ExportOptions()
    with pytest.raises(InvalidInputError):
        ExportOptions(language="fr")
    with pytest.raises(InvalidInputError):
        ExportOptions(matrices=("outcomes",))


def test_options_survive_reopening(known: Known) -> None:
    chosen = ExportOptions(matrices=MATRICES, quotes_per_code=0, coder="consensus")
    remember(known.project, chosen)
    location = known.project.location
    known.project.close()
    with Project.open(location) as again:
        assert load_options(again) == chosen


def test_a_project_without_documents_exports_empty_tables(tmp_path: Path) -> None:
    import docx

    from workbench.codebook.template import ApplyTemplate, load_template
    from workbench.export.docx_appendix import write_appendix

    with Project.create(tmp_path / "empty.qdb") as project:
        project.use_coder("Ana Ruiz")
        project.run(ApplyTemplate(load_template("usmca-evaluation"), "en"))
        options = ExportOptions(matrices=("outcomes:state", "usmca:projects", "themes:coder"))
        report = write_appendix(project, tmp_path / "a.docx", options)
        files = write_csv_folder(project, tmp_path / "csv", options)
        write_workbook(project, tmp_path / "a.xlsx", options)
    tables = docx.Document(str(tmp_path / "a.docx")).tables
    by_state = tables[report.captions.index("Outcomes by State: number of documents")]
    assert len(by_state.rows) == 27 and len(by_state.columns) == 1  # 26 outcome codes
    segments = pd.read_csv(files[0], encoding="utf-8-sig")
    assert segments.empty and list(segments.columns[:7]) == list(COLUMNS)
    assert "Codebook" in pd.read_excel(tmp_path / "a.xlsx", sheet_name=None)
