"""The matrix view on the demo: the core's numbers, filters, sorting, drill-down, copying."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ui.analysis.model import TotalRole, ValueRole
from ui.analysis.panel import MatrixPanel
from workbench.analysis.cooccurrence import cooccurrence
from workbench.analysis.filters import Filters
from workbench.analysis.matrices import code_by_attribute, code_by_coder
from workbench.commands.segments import AddSegment


def body(panel: MatrixPanel) -> pd.DataFrame:
    """The numbers the model shows, without totals, in model order."""
    model = panel.model
    rows = [
        [model.index(r, c).data(ValueRole) for c in range(1, model.columnCount() - 1)]
        for r in range(model.rowCount() - 1)
    ]
    return pd.DataFrame(rows)


def same_numbers(panel: MatrixPanel, expected: pd.DataFrame) -> None:
    shown = body(panel)
    assert shown.shape == expected.shape
    assert shown.to_numpy().tolist() == expected.to_numpy(dtype="float64").tolist()


def test_outcomes_by_ilab_project_are_the_cores_numbers(panel: MatrixPanel) -> None:
    project = panel.session.project
    language = panel.language
    # The first matrix shown is outcomes by ILAB project, counting documents.
    assert panel.rows.currentData() == "outcomes"
    assert panel.request() is not None and panel.request().columns == "ilab_project"  # type: ignore[union-attr]
    for measure in ("documents", "segments", "characters", "share"):
        panel.choose(measure=measure)
        direct = code_by_attribute(
            project,
            "ilab_project",
            Filters(groups=("outcomes",)),
            measure=measure,
            language=language,
        )
        same_numbers(panel, direct.values)
        labels = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount() - 1)]
        assert labels == list(direct.labelled().index)
        headers = [
            panel.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(1, panel.model.columnCount() - 1)
        ]
        assert headers == list(direct.labelled().columns)
        assert panel.caption.text() == direct.description.caption(language)
    assert panel.request().spec() == "outcomes:ilab_project:share"  # type: ignore[union-attr]


def test_filters_by_coder_and_attribute_value_reach_the_core(panel: MatrixPanel) -> None:
    project = panel.session.project
    ben = next(c for c in project.coders() if c.name == "Ben Carter")
    state = next(a.name for a in project.attributes() if a.name in ("Estado", "State"))
    value = sorted({d.attributes[state] for d in project.documents() if d.attributes.get(state)})[0]
    panel.choose(
        rows="usmca",
        columns=("attribute", "source_type"),
        measure="segments",
        coder=str(ben.id),
        attribute=(state, value),
    )
    direct = code_by_attribute(
        project,
        "source_type",
        Filters(coders=(str(ben.id),), attributes=((state, (value,)),), groups=("usmca",)),
        measure="segments",
        language=panel.language,
    )
    same_numbers(panel, direct.values)
    assert body(panel).to_numpy().sum() > 0
    everyone = code_by_attribute(
        project, "source_type", Filters(groups=("usmca",)), measure="segments"
    )
    assert everyone.values.to_numpy().sum() > direct.values.to_numpy().sum()


def test_coders_and_co_occurrence_as_columns(panel: MatrixPanel) -> None:
    project = panel.session.project
    panel.choose(rows="outcomes", columns=("coder", ""), measure="characters")
    assert [panel.measure.itemData(i) for i in range(panel.measure.count())] == [
        "segments",
        "characters",
    ]
    direct = code_by_coder(project, Filters(groups=("outcomes",)), measure="characters")
    same_numbers(panel, direct.values)

    panel.choose(columns=("group", "projects"), measure="documents", proximity="document")
    assert panel.proximity.isEnabled()
    direct = cooccurrence(
        project,
        ["projects"],
        Filters(groups=("outcomes",)),
        proximity="document",
        measure="documents",
    )
    same_numbers(panel, direct.values)
    assert panel.request().spec() == "outcomes:projects:document"  # type: ignore[union-attr]


def test_totals_count_what_is_behind_them_once(panel: MatrixPanel) -> None:
    panel.choose(measure="documents")
    model = panel.model
    table = model.table
    assert table is not None
    matrix = table.matrix
    corpus_segments = panel.corpus.segments.set_index("segment")  # type: ignore[union-attr]
    last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
    for row, key in enumerate(table.row_keys):
        documents = corpus_segments.loc[matrix.cell_segments(key), "document"].nunique()
        assert model.index(row, last_column).data(ValueRole) == documents
    # A document of two ILAB projects counts in both columns but once in its row total.
    assert any(
        model.index(r, last_column).data(ValueRole)
        < sum(model.index(r, c).data(ValueRole) for c in range(1, last_column))
        for r in range(last_row)
    )
    everything = corpus_segments.loc[table.segments(last_row, last_column - 1), "document"]
    assert model.index(last_row, last_column).data(ValueRole) == everything.nunique()


@pytest.mark.parametrize("order", [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder])
def test_sorting_the_view_keeps_the_totals_row_last(
    panel: MatrixPanel, order: Qt.SortOrder
) -> None:
    panel.choose(measure="segments")
    proxy = panel.proxy
    column = panel.model.columnCount() - 1  # the totals column
    panel.table.sortByColumn(column, order)
    last = proxy.rowCount() - 1
    assert proxy.index(last, 0).data() == "Total"
    assert proxy.index(last, 0).data(TotalRole) is True
    values = [proxy.index(r, column).data(ValueRole) for r in range(last)]
    assert values == sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
    assert len(set(values)) > 2
    # A new matrix keeps the sort, and the totals stay last.
    panel.choose(measure="documents")
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "Total"


def _visible_cell(panel: MatrixPanel, wanted: float | None = None) -> QModelIndex:
    proxy = panel.proxy
    for row in range(proxy.rowCount() - 1):
        for column in range(1, proxy.columnCount() - 1):
            index = proxy.index(row, column)
            value = index.data(ValueRole)
            if (wanted is None and value > 0) or value == wanted:
                return index
    raise AssertionError("no such cell")


def test_double_clicking_a_cell_emits_its_segments(panel: MatrixPanel, qtbot: QtBot) -> None:
    panel.table.sortByColumn(panel.model.columnCount() - 1, Qt.SortOrder.DescendingOrder)
    index = _visible_cell(panel)
    panel.table.scrollTo(index)
    source = panel.proxy.mapToSource(index)
    row_key, column_key = panel.model.keys(source.row(), source.column())
    matrix = panel.model.table.matrix  # type: ignore[union-attr]
    expected = matrix.cell_segments(row_key, column_key)
    assert expected
    centre = panel.table.visualRect(index).center()
    viewport = panel.table.viewport()
    with qtbot.waitSignal(panel.cell_quotes_requested, timeout=2000) as blocker:
        # A view takes a double-click on the item that was pressed: press, then double-click.
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    segments, title = blocker.args
    assert segments == expected
    assert title == f"{matrix.row_labels[row_key]} × {matrix.column_labels[column_key]}"

    # A row total shows the whole row; the label column too.
    last = panel.model.columnCount() - 1
    assert panel.open_cell(source.row(), last) == matrix.cell_segments(row_key)
    assert panel.open_cell(source.row(), 0) == matrix.cell_segments(row_key)


def test_an_empty_cell_asks_for_nothing(panel: MatrixPanel, qtbot: QtBot) -> None:
    index = panel.proxy.mapToSource(_visible_cell(panel, 0))
    with qtbot.assertNotEmitted(panel.cell_quotes_requested):
        assert panel.open_cell(index.row(), index.column()) == []
    assert "No passage" in panel.status.text()


def test_copy_as_table_and_export_csv(panel: MatrixPanel, qtbot: QtBot, tmp_path: Path) -> None:
    panel.choose(measure="share")
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    lines = [line.split("\t") for line in text.rstrip("\n").split("\n")]
    model = panel.model
    assert len(lines) == model.rowCount() + 1
    assert lines[0][0] == model.headerData(0, Qt.Orientation.Horizontal)
    assert lines[0][-1] == "Total"
    assert lines[-1][0] == "Total"
    assert all(len(line) == model.columnCount() for line in lines)
    assert lines[1][1:] == [model.index(0, c).data() for c in range(1, model.columnCount())]
    assert all(cell.endswith("%") for cell in lines[1][1:])

    panel.choose(measure="characters")
    target = tmp_path / "matrix.csv"
    panel.write_csv(target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [panel.caption.text()]
    assert rows[1][0] == model.headerData(0, Qt.Orientation.Horizontal)
    # Numbers without thousands separators, in the order shown.
    big = max(int(cell) for row in rows[2:] for cell in row[1:])
    assert big >= 1000
    assert rows[-1][0] == "Total"


def test_a_big_project_computes_on_a_worker(panel: MatrixPanel, qtbot: QtBot) -> None:
    panel.SYNC_LIMIT = 0  # as if the project were big
    before = panel.model.table
    with qtbot.waitSignal(panel.table_changed, timeout=10_000):
        panel.choose(measure="segments")
        assert panel.status.text() == "Computing…"
        assert panel.model.table is before  # nothing changed yet on the GUI thread
    assert panel.model.table is not None
    assert panel.model.table.request.measure == "segments"
    direct = code_by_attribute(
        panel.session.project,
        "ilab_project",
        Filters(groups=("outcomes",)),
        measure="segments",
        language=panel.language,
    )
    same_numbers(panel, direct.values)
    # Two choices in a row: the later one is what ends up shown.
    panel.choose(measure="characters")
    panel.choose(measure="documents")
    qtbot.waitUntil(
        lambda: panel.model.table is not None and panel.model.table.request.measure == "documents",
        timeout=10_000,
    )


def test_no_consensus_coder_yet_is_said_not_raised(panel: MatrixPanel) -> None:
    index = panel.coder.findData("consensus")
    assert index > 0
    assert not panel.coder.model().item(index).isEnabled()  # type: ignore[attr-defined]
    panel.choose(coder="consensus")
    assert panel.model.table is None
    assert "consensus" in panel.status.text().casefold()
    panel.choose(coder="")
    assert panel.model.table is not None


def test_coding_a_passage_updates_the_matrix(panel: MatrixPanel, qtbot: QtBot) -> None:
    panel.choose(measure="segments")
    project = panel.session.project
    table = panel.model.table
    assert table is not None
    code_id = table.row_keys[0]
    before = panel.model.index(0, panel.model.columnCount() - 1).data(ValueRole)
    document = next(
        d for d in project.documents() if d.attributes.get("Proyecto(s) de ILAB", "").strip()
    )
    panel.session.run(AddSegment(document.id, int(code_id), 0, 12))
    qtbot.waitUntil(
        lambda: panel.model.index(0, panel.model.columnCount() - 1).data(ValueRole) == before + 1,
        timeout=10_000,
    )
