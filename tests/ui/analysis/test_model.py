"""The matrix table model: its contract, its numbers, its colours, and sorting with totals last."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ui.analysis.model import (
    FAINT,
    INK,
    MatrixSortProxy,
    MatrixTableModel,
    SortRole,
    TotalRole,
    ValueRole,
    shade,
)
from ui.analysis.query import ATTRIBUTE, CODER, GROUP, MatrixRequest, MatrixTable, compute, table_of
from ui.session import AppSession
from workbench.analysis.corpus import load_corpus

DISPLAY = Qt.ItemDataRole.DisplayRole


def make_table(session: AppSession, request: MatrixRequest) -> MatrixTable:
    corpus = load_corpus(session.project)
    return table_of(corpus, request, compute(corpus, request), "Total")


OUTCOMES_BY_PROJECT = MatrixRequest("outcomes", ATTRIBUTE, "ilab_project", "documents")


def test_the_model_passes_the_model_tester_empty_and_full(
    qtmodeltester, session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    model = MatrixTableModel()
    # The tester checks the model now and again after every reset.
    qtmodeltester.check(model, force_py=True)
    model.set_table(make_table(session, OUTCOMES_BY_PROJECT))
    assert model.rowCount() == 27
    for request in (
        MatrixRequest("usmca", ATTRIBUTE, "source_type", "share"),
        MatrixRequest("outcomes", CODER, "", "characters"),
        MatrixRequest("outcomes", GROUP, "projects", "segments", proximity="paragraph"),
    ):
        model.set_table(make_table(session, request))
        assert model.columnCount() > 2
    model.set_table(None)
    assert model.rowCount() == model.columnCount() == 0


def test_the_sorting_proxy_passes_the_model_tester(qtmodeltester, session: AppSession) -> None:  # type: ignore[no-untyped-def]
    model = MatrixTableModel()
    model.set_table(make_table(session, OUTCOMES_BY_PROJECT))
    proxy = MatrixSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "Total"


def test_cells_show_the_matrix_with_totals_last(session: AppSession) -> None:
    table = make_table(session, OUTCOMES_BY_PROJECT)
    model = MatrixTableModel()
    model.set_table(table)
    values = table.matrix.values
    assert model.rowCount() == len(values.index) + 1
    assert model.columnCount() == 1 + len(values.columns) + 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Outcomes"
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "Total"
    assert model.index(model.rowCount() - 1, 0).data() == "Total"
    for row, key in enumerate(values.index):
        assert model.index(row, 0).data() == table.matrix.row_labels[key]
        for column, heading in enumerate(values.columns, start=1):
            assert model.index(row, column).data(ValueRole) == values.loc[key, heading]
            assert model.index(row, column).data() == str(values.loc[key, heading])
            assert model.index(row, column).data(TotalRole) is False
    last = model.rowCount() - 1
    assert model.index(last, 1).data(TotalRole) is True
    assert model.index(0, model.columnCount() - 1).data(TotalRole) is True
    bold = model.index(last, 2).data(Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == right
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) == left


def test_shading_grows_with_the_value_and_text_stays_dark(session: AppSession) -> None:
    table = make_table(session, OUTCOMES_BY_PROJECT)
    model = MatrixTableModel()
    model.set_table(table)
    body = table.frame.iloc[:-1, :-1]
    largest = body.to_numpy().max()
    assert largest >= 2
    found: dict[float, QColor] = {}
    for row in range(model.rowCount() - 1):
        for column in range(1, model.columnCount() - 1):
            index = model.index(row, column)
            value = index.data(ValueRole)
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            if value == 0:
                assert background is None
                assert index.data(Qt.ItemDataRole.ForegroundRole) == FAINT
            else:
                assert background == shade(value / largest)
                assert index.data(Qt.ItemDataRole.ForegroundRole) == INK
                found[value] = background
    # Darker (lower lightness) for bigger values; the darkest still reads with dark text.
    lightness = [found[v].lightnessF() for v in sorted(found)]
    assert lightness == sorted(lightness, reverse=True)
    assert found[largest].lightnessF() > 0.55
    total = model.index(0, model.columnCount() - 1)
    assert total.data(Qt.ItemDataRole.BackgroundRole) is None


def test_shares_show_as_percentages(session: AppSession) -> None:
    model = MatrixTableModel()
    model.set_table(make_table(session, MatrixRequest("outcomes", ATTRIBUTE, "state", "share")))
    texts = {
        model.index(r, c).data()
        for r in range(model.rowCount())
        for c in range(1, model.columnCount())
    }
    assert texts and all(t.endswith("%") for t in texts)
    assert "0%" in texts


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_keeps_the_totals_row_last(session: AppSession, order: Qt.SortOrder) -> None:
    model = MatrixTableModel()
    model.set_table(make_table(session, OUTCOMES_BY_PROJECT))
    proxy = MatrixSortProxy()
    proxy.setSourceModel(model)
    last = proxy.rowCount() - 1
    for column in range(model.columnCount()):
        proxy.sort(column, order)
        assert proxy.index(last, 0).data() == "Total"
        keys = [proxy.index(r, column).data(SortRole) for r in range(last)]
        assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
    # The label column sorts in codebook order, and ties keep it whichever the order.
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        model.index(r, 0).data() for r in range(model.rowCount())
    ]
    proxy.sort(1, order)
    ties = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(last)]
    zeros = [r for r in ties if model.index(r, 1).data(ValueRole) == 0]
    assert zeros == sorted(zeros)
