"""The matrix view in the main window: menus, its tab, and quotes shown in the retrieval panel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from ui.analysis.charts_dialog import ChartsDialog
from ui.analysis.export_dialog import ExportDialog
from ui.analysis.model import ValueRole
from ui.main_window import MainWindow


def action(window: MainWindow, menu: str, text: str) -> QAction:
    found = [a for a in window._menus[menu].actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in window._menus[menu].actions()]
    return found[0]


def test_a_cell_shows_its_quotes_in_the_retrieval_panel(window: MainWindow, qtbot: QtBot) -> None:
    workspace = window.workspace
    assert workspace is not None
    matrix = workspace.matrix
    assert workspace.bottom.indexOf(matrix) >= 0
    assert matrix.model.table is None  # nothing is read before the tab is shown

    action(window, "analyse", "&Matrix…").trigger()
    assert workspace.bottom.currentWidget() is matrix
    qtbot.waitUntil(lambda: matrix.model.table is not None, timeout=10_000)

    model = matrix.model
    row, column = next(
        (r, c)
        for r in range(model.rowCount() - 1)
        for c in range(1, model.columnCount() - 1)
        if model.index(r, c).data(ValueRole) > 0
    )
    segments = matrix.open_cell(row, column)
    assert workspace.bottom.currentWidget() is workspace.retrieval
    retrieval = workspace.retrieval.model
    shown = [retrieval.row_at(r).segment_id for r in range(retrieval.rowCount())]
    assert sorted(shown) == segments
    assert model.title(row, column) in workspace.retrieval.summary.text()

    # Choosing codes in the codebook shows their passages again, without the title.
    code_id = int(matrix.model.keys(row, column)[0])  # type: ignore[arg-type]
    workspace.retrieval.set_codes([code_id])
    assert retrieval.rowCount() > 0
    # (the cell's passages are some of the code's)
    assert set(segments) <= {retrieval.row_at(r).segment_id for r in range(retrieval.rowCount())}
    assert model.title(row, column) not in workspace.retrieval.summary.text()


def test_charts_and_the_appendix_from_the_menus(window: MainWindow, qtbot: QtBot) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("E&xport") == titles.index("&Analyse") + 1
    workspace = window.workspace
    assert workspace is not None

    action(window, "analyse", "&Charts…").trigger()
    charts = workspace.matrix.charts()
    assert isinstance(charts, ChartsDialog)
    qtbot.waitUntil(lambda: charts.isVisible() and charts.frequencies.drawing is not None)
    charts.close()

    action(window, "export", "&Report appendix (Word, CSV, Excel)…").trigger()
    dialog = workspace.matrix._export
    assert isinstance(dialog, ExportDialog)
    assert dialog.isVisible()
    assert dialog.charts is not None
    dialog.close()


def test_the_analysis_actions_wait_for_a_project(qtbot: QtBot, temporary_settings: object) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    for menu, text in (
        ("analyse", "&Matrix…"),
        ("analyse", "&Charts…"),
        ("export", "&Report appendix (Word, CSV, Excel)…"),
    ):
        assert not action(window, menu, text).isEnabled()
