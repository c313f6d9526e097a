"""The report-appendix dialog writes Word with the charts, CSV and Excel, and remembers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import docx
import openpyxl
from docx.oxml.ns import qn
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.analysis.export_dialog import ExportDialog, ExportTargets, run_export
from ui.analysis.panel import MatrixPanel
from ui.session import AppSession
from workbench.export.options import ExportOptions, load_options

PNG = b"\x89PNG\r\n\x1a\n"


def make_dialog(panel: MatrixPanel, qtbot: QtBot) -> ExportDialog:
    dialog = ExportDialog(
        panel.session, charts=panel.chart_images, suggested=panel.suggested_specs()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def checked(dialog: ExportDialog) -> list[str]:
    items = [dialog.matrices.item(r) for r in range(dialog.matrices.count())]
    return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]


def test_the_dialog_writes_word_with_the_charts_and_csv(
    panel: MatrixPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    project = panel.session.project
    assert load_options(project) is None
    dialog = make_dialog(panel, qtbot)
    # Nothing remembered yet: the default matrices, the project's language.
    assert checked(dialog) == [
        "outcomes:ilab_project",
        "usmca:ilab_project",
        "outcomes:source_type",
        "outcomes:state",
    ]
    assert dialog.language.currentData() == "es"
    texts = [dialog.matrices.item(r).text() for r in range(dialog.matrices.count())]
    assert "outcomes:coder" in texts and "themes:state" in texts

    dialog.docx_path.setText(str(tmp_path / "anexo.docx"))
    dialog.csv_path.setText(str(tmp_path / "csv"))
    dialog.xlsx_check.setChecked(False)
    assert dialog.add_spec("themes:state")
    dialog.quotes.setValue(2)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert not dialog.export_button.isEnabled()
    outcome = blocker.args[0]
    assert dialog.export_button.isEnabled()
    assert not outcome.cancelled
    assert outcome.xlsx is None
    assert outcome.docx is not None and outcome.docx.figures == 3

    document = docx.Document(str(tmp_path / "anexo.docx"))
    assert len(document.inline_shapes) == 3
    blip = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    picture = document.part.related_parts[blip.get(qn("r:embed"))].blob
    assert picture.startswith(PNG) and len(picture) > 20_000
    paragraphs = document.paragraphs
    pictured = [i for i, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]
    captions = [
        "".join(t.text or "" for t in paragraphs[i + 1]._p.iter(qn("w:t"))) for i in pictured
    ]
    assert captions[0] == "Figure 1. Outcomes: number of coded segments"
    assert all(paragraphs[i + 1].style.name == "Caption" for i in pictured)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert "Themes by State: number of documents" in headings

    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert "codebook.csv" in files and "segments.csv" in files
    assert "matrix-05-themes-state.csv" in files
    assert str(tmp_path / "csv") in dialog.status.text()
    assert "3 figures" in dialog.status.text()

    # The choices are remembered in the project, as an undoable step.
    remembered = load_options(project)
    assert remembered == dialog.options()
    assert remembered is not None and remembered.matrices[-1] == "themes:state"
    assert remembered.language == "en" and remembered.quotes_per_code == 2
    assert panel.session.undo_stack.undoText() != ""

    # The next dialog starts from them.
    again = make_dialog(panel, qtbot)
    assert checked(again) == list(remembered.matrices)
    assert again.quotes.value() == 2
    assert again.language.currentData() == "en"


def test_excel_alone_for_one_coder_without_charts(
    panel: MatrixPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = make_dialog(panel, qtbot)
    dialog.docx_check.setChecked(False)
    dialog.csv_check.setChecked(False)
    dialog.xlsx_check.setChecked(True)
    dialog.xlsx_path.setText(str(tmp_path / "anexo.xlsx"))
    dialog.coder.setCurrentIndex(dialog.coder.findData("Ben Carter"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        assert dialog.export()
    outcome = blocker.args[0]
    assert outcome.docx is None and outcome.csv_folder is None
    workbook = openpyxl.load_workbook(tmp_path / "anexo.xlsx", read_only=True)
    assert len(workbook.sheetnames) == outcome.sheets
    assert load_options(panel.session.project).coder == "Ben Carter"  # type: ignore[union-attr]


def test_nothing_to_write_or_a_bad_matrix_is_refused(panel: MatrixPanel, qtbot: QtBot) -> None:
    dialog = make_dialog(panel, qtbot)
    for check in (dialog.docx_check, dialog.csv_check, dialog.xlsx_check):
        check.setChecked(False)
    with qtbot.assertNotEmitted(dialog.exported):
        assert not dialog.export()
    assert "at least one" in dialog.status.text()
    assert not dialog.add_spec("outcomes")
    assert "ROWS:COLUMNS" in dialog.status.text()
    assert load_options(panel.session.project) is None


def test_an_unknown_group_fails_with_the_cores_message(
    panel: MatrixPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = make_dialog(panel, qtbot)
    dialog.csv_path.setText(str(tmp_path / "csv"))
    dialog.docx_check.setChecked(False)
    dialog.add_spec("nonsense:state")
    dialog.export()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30_000)
    assert dialog.outcome is None
    assert "nonsense" in dialog.status.text()


def test_a_cancelled_export_stops_between_files(session: AppSession, tmp_path: Path) -> None:
    seen: list[str] = []

    def progress(done: int, total: int, what: str) -> bool:
        seen.append(what)
        return done < 2  # cancel after the Word appendix

    steps = ("read", "word", "csv", "excel", "done")
    targets = ExportTargets(
        docx=tmp_path / "a.docx", csv=tmp_path / "csv", xlsx=tmp_path / "a.xlsx"
    )
    outcome = run_export(session, ExportOptions(quotes_per_code=0), targets, [], steps, progress)
    assert outcome.cancelled
    assert seen == ["read", "word", "csv"]
    assert (tmp_path / "a.docx").is_file()
    assert not (tmp_path / "csv").exists() and not (tmp_path / "a.xlsx").exists()


def test_the_dialog_adds_the_agreement_computed_in_the_agreement_tab(
    panel: MatrixPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    from workbench.agreement.project import compute_agreement

    result = compute_agreement(panel.session.project, ["Ana Ruiz", "Ben Carter"])
    panel.agreement_source = lambda: result
    panel.export_appendix()
    dialog = panel._export
    assert isinstance(dialog, ExportDialog)
    qtbot.addWidget(dialog)
    assert dialog.include_agreement.isChecked()
    dialog.docx_path.setText(str(tmp_path / "anexo.docx"))
    dialog.csv_check.setChecked(False)
    dialog.xlsx_check.setChecked(False)
    dialog.include_charts.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    document = docx.Document(str(tmp_path / "anexo.docx"))
    assert result.method in [p.text for p in document.paragraphs]
