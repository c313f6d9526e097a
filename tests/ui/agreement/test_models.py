"""The agreement panel's item models, checked by qtmodeltester and by what they show."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from ui.agreement.disagreement_model import DisagreementModel, DisagreementRole
from ui.agreement.heatmap import CellRole, HeatmapModel, short_name
from ui.agreement.pairwise import PairwiseModel
from ui.agreement.scale import UNDEFINED, statistic_colour
from ui.agreement.table_model import AgreementTableModel, CodeRole, SortRole
from ui.session import AppSession
from workbench.agreement import (
    Adjudicate,
    compute_agreement,
    decisions,
    find_disagreements,
)

Display = Qt.ItemDataRole.DisplayRole
Background = Qt.ItemDataRole.BackgroundRole
Tooltip = Qt.ItemDataRole.ToolTipRole


def hue_of(colour: QColor) -> str:
    red, green = colour.red(), colour.green()
    if colour == UNDEFINED:
        return "grey"
    if red > green + 40:
        return "red"
    if green > red + 20:
        return "green"
    return "amber"


def test_the_scale_runs_red_amber_green_and_grey_when_undefined() -> None:
    assert [hue_of(statistic_colour(v)) for v in (-0.2, 0.1, 0.4, 0.62, 0.8, 1.0)] == [
        "red",
        "red",
        "red",
        "amber",
        "green",
        "green",
    ]
    assert statistic_colour(None) == UNDEFINED
    assert statistic_colour(0.3, strong=True) != statistic_colour(0.3)


@pytest.mark.parametrize("unit", ["character", "segment", "document", "unitized"])
def test_per_code_table_for_every_unit(qtmodeltester, demo_session: AppSession, unit: str) -> None:  # type: ignore[no-untyped-def]
    result = compute_agreement(demo_session.project, ["AR", "BC"], unit=unit)
    model = AgreementTableModel()
    model.set_result(result)
    qtmodeltester.check(model)
    assert model.rowCount() == len(result.codes)
    lead = model.leading
    assert (
        lead
        == {
            "character": "kappa",
            "segment": "brennan_prediger",
            "document": "kappa",
            "unitized": "u_alpha",
        }[unit]
    )
    column = model.column_of("statistic", lead)
    assert column == 2  # right after the code and its name
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["Code", "Name"] and headers[-1] == "Documents"
    for row in range(model.rowCount()):
        entry = model.data(model.index(row, 0), CodeRole)
        value = entry.values[lead]
        cell = model.index(row, column)
        assert model.data(cell, Background) == statistic_colour(value)
        if value is None:
            assert model.data(cell, Display) == "n/a"
            assert entry.undefined[lead] in model.data(cell, Tooltip)
            assert model.data(cell, SortRole) == float("-inf")
        else:
            assert model.data(cell, Display) == f"{value:.2f}"


def test_character_table_names_counts_by_initials_and_explains_undefined(
    demo_session: AppSession,
) -> None:
    result = compute_agreement(demo_session.project, ["AR", "BC"])
    model = AgreementTableModel()
    model.set_result(result)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert {"Kappa", "Agreement %", "Both", "Only AR", "Only BC", "Neither"} <= set(headers)
    unused = model.row_of(demo_session.project.code_id("P2"))
    cell = model.index(unused, model.column_of("statistic", "kappa"))
    assert model.data(cell, Tooltip) == "Undefined: neither coder applied this code"
    assert model.data(cell, Background) == UNDEFINED
    one_a = model.row_of(demo_session.project.code_id("1a"))
    assert model.data(model.index(one_a, 0), Display) == "1a"
    both = model.index(one_a, headers.index("Both"))
    assert model.data(both, Display) == f"{result.code('1a').counts['both']:,}"
    model.set_result(None)
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_heatmap_has_the_codes_someone_applied_and_a_cell_per_document(
    qtmodeltester, demo_session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    result = compute_agreement(demo_session.project, ["AR", "BC"])
    model = HeatmapModel()
    model.set_result(result)
    qtmodeltester.check(model)
    applied = [
        c for c in result.codes if c.counts["both"] or c.counts["only_a"] or c.counts["only_b"]
    ]
    assert model.rowCount() == len(applied) == 44
    assert model.columnCount() == len(result.documents) == 12
    row = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())].index(
        "1a"
    )
    code_id = demo_session.project.code_id("1a")
    by_document = {r["document_id"]: r for r in result.code("1a").by_document}
    for column, document in enumerate(result.documents):
        index = model.index(row, column)
        assert model.data(index, CellRole) == (code_id, document.id)
        kappa = by_document[document.id]["kappa"]
        coded = by_document[document.id]["both"] + by_document[document.id]["only_a"]
        coded += by_document[document.id]["only_b"]
        if kappa is not None:
            assert model.data(index, Display) == f"{kappa:.2f}"
            assert model.data(index, Background) == statistic_colour(kappa)
        elif not coded:
            assert model.data(index, Display) == "" and model.data(index, Background) is None
    first = model.headerData(0, Qt.Orientation.Horizontal)
    assert first == short_name(result.documents[0].name) and len(first) <= 16
    assert model.headerData(0, Qt.Orientation.Horizontal, Tooltip) == result.documents[0].name


def test_pairwise_matrix_of_three_coders(qtmodeltester, three_coders: AppSession) -> None:  # type: ignore[no-untyped-def]
    result = compute_agreement(three_coders.project, ["AR", "BC", "CD"])
    model = PairwiseModel()
    model.set_result(result)
    qtmodeltester.check(model)
    assert model.rowCount() == model.columnCount() == 3
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)] == ["AR", "BC", "CD"]
    matrix = result.overall["pairwise_kappa"]
    assert model.data(model.index(0, 0), Display) == "—"
    assert model.data(model.index(0, 1), Display) == f"{matrix[0][1]:.2f}"
    assert model.data(model.index(1, 0), Display) == model.data(model.index(0, 1), Display)
    assert "Ana Ruiz and Ben Carter" in model.data(model.index(0, 1), Tooltip)
    two = compute_agreement(three_coders.project, ["AR", "BC"])
    model.set_result(two)
    assert model.rowCount() == 0


def test_disagreement_list_filters_names_kinds_and_marks_decisions(
    qtmodeltester, demo_session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    project = demo_session.project
    found = find_disagreements(project, "AR", "BC")
    model = DisagreementModel(project.text)
    labels = {c.id: c.label or c.name for c in project.codes()}
    model.set_disagreements(found, labels, ("AR", "BC"))
    qtmodeltester.check(model)
    assert model.rowCount() == len(found)
    kinds = {model.data(model.index(r, model.WHAT), Display) for r in range(model.rowCount())}
    assert {"Only AR", "Only BC", "Boundaries differ"} <= kinds
    assert any(k.startswith("Coded differently (") for k in kinds)
    differently = next(d for d in found if d.coded_differently and d.kind == "only_a")
    row = model.row_of(differently.key.passage)
    alternatives = ", ".join(labels[c] for c in differently.alternatives)
    assert model.data(model.index(row, model.WHAT), Display) == (
        f"Coded differently (BC: {alternatives})"
    )
    assert model.data(model.index(row, model.VERSION_B), Display) == "(not coded)"
    text = project.text(differently.document_id)
    span = differently.spans_a[0]
    assert model.data(model.index(row, model.VERSION_A), Display).startswith(
        " ".join(text[span.start : span.end].split())[:40]
    )

    code_id = project.code_id("1a")
    model.set_filter(code_id)
    qtmodeltester.check(model)
    assert model.rowCount() == sum(d.code_id == code_id for d in found)
    assert {
        model.data(model.index(r, 0), DisagreementRole).code_id for r in range(model.rowCount())
    } == {code_id}

    first = model.at(0)
    project.run(Adjudicate(first, "b", reason="Ben's span is the whole claim"))
    model.set_decisions(decisions(project, first.coder_a, first.coder_b))
    assert model.data(model.index(0, model.STATUS), Display) == "✓ BC"
    assert model.data(model.index(0, model.STATUS), Tooltip) == "Ben's span is the whole claim"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, model.STATUS), Display) == ""
    assert model.resolved() == 1
    assert model.data(QModelIndex(), Display) is None
