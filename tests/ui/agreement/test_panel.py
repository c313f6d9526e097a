"""The agreement panel used as a team lead uses it: compute, review, adjudicate, undo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.agreement.conftest import MakePanel, compute
from ui.agreement import report as reports
from ui.agreement.panel import AgreementPanel
from ui.main_window import MainWindow
from ui.session import AppSession
from workbench import queries
from workbench.agreement import Adjudicate, consensus_coder, find_disagreements
from workbench.commands.coders import AddCoder


def snapshot(session: AppSession) -> dict[str, Any]:
    project = session.project
    with project.read() as db:
        memos = [(m.id, m.target_kind, m.target_id, m.text) for m in queries.memos(db)]
    return {
        "coders": [(c.id, c.name) for c in project.coders()],
        "segments": [
            (s.id, s.document_id, s.code_id, s.coder_id, s.start, s.end, s.memo, s.origin)
            for s in project.segments()
        ],
        "memos": memos,
    }


def click_cell(qtbot: QtBot, view: QTableView, row: int, column: int, double: bool = False) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    where: QPoint = view.visualRect(index).center()
    if double:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def click_code(qtbot: QtBot, panel: AgreementPanel, label: str) -> int:
    dashboard = panel.dashboard
    code_id = panel._session.project.code_id(label)
    source_row = dashboard.model.row_of(code_id)
    row = dashboard.proxy.mapFromSource(dashboard.model.index(source_row, 0)).row()
    click_cell(qtbot, dashboard.table, row, 0)
    return code_id


# -- the dashboard -------------------------------------------------------------------------


def test_compute_fills_the_table_the_charts_and_the_method(
    qtbot: QtBot, demo_panel: AgreementPanel
) -> None:
    report = demo_panel.report
    assert report is not None
    dashboard = demo_panel.dashboard
    assert demo_panel.chosen_coders() == [c.id for c in report.result.coders]
    assert [c.initials for c in report.result.coders] == ["AR", "BC"]
    assert demo_panel.coders_button.text() == "AR, BC"
    assert dashboard.stack.currentIndex() == 1
    assert dashboard.table.model().rowCount() == len(report.result.codes) == 61
    defined = [c for c in report.result.codes if c.values["kappa"] is not None]
    chart = dashboard.chart
    assert chart is not None and chart.bars is not None
    assert len(chart.bars.opts["width"]) == len(defined) == 44
    assert chart.code_ids == [c.code_id for c in defined]
    assert dashboard.heatmap.rowCount() == 44 and dashboard.heatmap.columnCount() == 12
    assert not dashboard.views.isTabVisible(2)  # no pairwise matrix for two coders
    assert dashboard.method.text() == report.result.method
    assert dashboard.method.text().startswith("Agreement was computed at the character level")
    qtbot.mouseClick(dashboard.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report.result.method
    assert len(report.disagreements) == len(
        find_disagreements(demo_panel._session.project, "AR", "BC")
    )


def test_sorting_by_kappa_puts_undefined_codes_first(demo_panel: AgreementPanel) -> None:
    dashboard = demo_panel.dashboard
    column = dashboard.model.column_of("statistic", "kappa")
    dashboard.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    shown = [dashboard.proxy.index(r, column).data() for r in range(dashboard.proxy.rowCount())]
    undefined = shown.count("n/a")
    assert undefined == 17 and shown[:undefined] == ["n/a"] * undefined
    values = [float(v) for v in shown[undefined:]]
    assert values == sorted(values)


def test_other_units_and_a_code_group(
    qtbot: QtBot, demo_session: AppSession, make_panel: MakePanel
) -> None:
    panel = make_panel(demo_session)
    panel.set_unit("segment")
    assert panel.min_overlap.isVisible()
    panel.min_overlap.setValue(60)
    panel.codes.setCurrentIndex(panel.codes.findData("Resultados"))
    report = compute(qtbot, panel)
    assert report.result.unit == "segment" and report.result.min_overlap == 60
    assert {c.group for c in report.result.codes} == {"Resultados"}
    assert panel.dashboard.model.leading == "brennan_prediger"
    assert "60" in panel.dashboard.method.text()
    assert {d.code_id for d in report.disagreements} <= {c.code_id for c in report.result.codes}
    panel.set_unit("unitized")
    assert not panel.min_overlap.isVisible()
    report = compute(qtbot, panel)
    assert panel.dashboard.model.leading == "u_alpha"
    assert report.cells.unit == "character"  # the heatmap stays per document
    assert panel.dashboard.heatmap.rowCount() > 0


def test_three_coders_show_the_pairwise_matrix(
    qtbot: QtBot, three_coders: AppSession, make_panel: MakePanel
) -> None:
    panel = make_panel(three_coders)
    assert panel.coders_button.text() == "AR, BC"  # the first two by default
    ids = {c.initials: c.id for c in three_coders.project.coders()}
    panel.set_coders([ids["AR"], ids["BC"], ids["CD"]])
    assert panel.coders_button.text() == "AR, BC, CD"
    report = compute(qtbot, panel)
    assert len(report.result.coders) == 3
    dashboard = panel.dashboard
    assert dashboard.views.isTabVisible(2)
    assert dashboard.pairwise.rowCount() == 3
    assert dashboard.model.leading == "alpha"
    assert [c.initials for c in report.cells.coders] == ["AR", "BC"]
    assert panel.review.pair() == (ids["AR"], ids["BC"])


def test_a_failed_run_says_why(
    qtbot: QtBot, three_coders: AppSession, make_panel: MakePanel
) -> None:
    three_coders.run(AddCoder("Zoe Nobody", initials="ZN"))
    panel = make_panel(three_coders)
    ids = {c.initials: c.id for c in three_coders.project.coders()}
    panel.set_coders([ids["AR"], ids["ZN"]])
    with qtbot.waitSignal(panel.failed, timeout=30000) as blocker:
        panel.compute()
    assert "no document has been coded by every chosen coder" in blocker.args[0]
    assert "no document has been coded" in panel.dashboard.empty.text()
    assert panel.dashboard.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: panel.compute_button.isEnabled())


def test_cancel_keeps_the_previous_state(
    qtbot: QtBot, demo_session: AppSession, make_panel: MakePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = reports.run

    def slow(project, request, progress):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        return real(project, request, progress)

    monkeypatch.setattr(reports, "run", slow)
    panel = make_panel(demo_session)
    assert panel.compute()
    assert not panel.compute()  # one run at a time
    qtbot.waitUntil(started.is_set)
    progress = panel.local_progress  # no main window: the panel's own bar
    assert progress.isVisible()
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not panel.busy, timeout=30000)
    assert panel.report is None
    assert panel.dashboard.stack.currentIndex() == 0
    assert not progress.isVisible()


def test_export_writes_the_table_and_the_methods(
    qtbot: QtBot, demo_panel: AgreementPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agreement.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "CSV files (*.csv)")
    )
    qtbot.mouseClick(demo_panel.dashboard.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 61
    one_a = next(r for r in rows if r["label"] == "1a")
    report = demo_panel.report
    assert report is not None
    assert float(one_a["kappa"]) == pytest.approx(
        report.result.code("1a").values["kappa"], abs=1e-6
    )
    assert one_a["both"] == str(report.result.code("1a").counts["both"])
    unused = next(r for r in rows if r["label"] == "P2")
    assert unused["kappa"] == "" and "neither coder applied this code" in unused["undefined"]
    methods = (tmp_path / "agreement-methods.txt").read_text(encoding="utf-8-sig")
    assert methods.splitlines()[0] == report.result.method
    assert "Coders: Ana Ruiz (AR), Ben Carter (BC)" in methods


def test_export_word_writes_the_methods_and_the_table(
    qtbot: QtBot, demo_panel: AgreementPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    target = tmp_path / "agreement.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Word (*.docx)")
    )
    qtbot.mouseClick(demo_panel.dashboard.export_word_button, Qt.MouseButton.LeftButton)
    report = demo_panel.report
    assert report is not None
    document = docx.Document(str(target))
    assert report.result.method in [p.text for p in document.paragraphs]
    assert len(document.tables[0].rows) == len(report.result.codes) + 1


# -- reviewing and adjudicating ---------------------------------------------------------------


def test_review_accept_a_accept_b_neither_then_undo(
    qtbot: QtBot, demo_panel: AgreementPanel
) -> None:
    session = demo_panel._session
    project = session.project
    before = snapshot(session)
    review = demo_panel.review
    total = len(review.model.all)
    assert review.progress.text() == f"0 of {total} resolved"

    with qtbot.waitSignal(demo_panel.compare_requested) as compared:
        code_id = click_code(qtbot, demo_panel, "1a")
    assert compared.args[0] == [code_id]
    assert demo_panel.pages.currentWidget() is review
    assert review.code_filter.currentData() == code_id
    assert review.model.rowCount() == 3
    assert {review.model.at(r).code_id for r in range(3)} == {code_id}
    first = review.current()
    assert first is not None and first is review.model.at(0)
    pane_a, pane_b = review.comparison.pane_a, review.comparison.pane_b
    text = project.text(first.document_id)
    assert text[first.spans_a[0].start : first.spans_a[0].end][:30] in pane_a.text.toPlainText()
    assert "Ana Ruiz (AR)" in pane_a.header.text() and "Ben Carter (BC)" in pane_b.header.text()

    # Accept A on the first, with a reason.
    click_cell(qtbot, review.table, 0, 1)
    review.reason.setText("Ana's span ends where the claim ends")
    qtbot.mouseClick(review.accept_a, Qt.MouseButton.LeftButton)
    assert review.progress.text() == f"1 of {total} resolved"
    assert review.current() is review.model.at(1)  # moved on to the next undecided one

    # Accept B on the second.
    second = review.model.at(1)
    review.reason.setText("Ben kept the whole passage")
    qtbot.mouseClick(review.accept_b, Qt.MouseButton.LeftButton)

    # Neither on the third.
    click_cell(qtbot, review.table, 2, 1)
    third = review.current()
    assert third is not None
    review.reason.setText("Not about child labour")
    qtbot.mouseClick(review.neither, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.progress.text() == f"3 of {total} resolved")

    consensus = consensus_coder(project)
    assert consensus is not None and consensus.initials == "CON"
    written = sorted(
        (s.document_id, s.start, s.end, s.memo, s.origin)
        for s in project.segments(coder_ids=[consensus.id])
    )
    expected = [
        (first.document_id, s.start, s.end, "Ana's span ends where the claim ends", "adjudication")
        for s in first.spans_a
    ] + [
        (second.document_id, s.start, s.end, "Ben kept the whole passage", "adjudication")
        for s in second.spans_b
    ]
    assert written == sorted(expected)
    with project.read() as db:
        memos = queries.memos(db, "document", third.document_id)
    assert "Not about child labour" in [m.text for m in memos]
    assert [review.model.index(r, 0).data() for r in range(3)] == ["✓ AR", "✓ BC", "✓ Neither"]
    assert "Decided:" in review.status.text()

    session.undo_stack.undo()
    qtbot.waitUntil(lambda: review.progress.text() == f"2 of {total} resolved")
    session.undo_stack.undo()
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: review.progress.text() == f"0 of {total} resolved")
    assert snapshot(session) == before
    assert consensus_coder(project) is None
    session.undo_stack.redo()
    qtbot.waitUntil(lambda: review.progress.text() == f"1 of {total} resolved")
    assert review.model.index(0, 0).data() == "✓ AR"


def test_double_click_jumps_to_the_passage(qtbot: QtBot, demo_panel: AgreementPanel) -> None:
    review = demo_panel.review
    demo_panel.review_code(demo_panel._session.project.code_id("1a"))
    d = review.model.at(1)
    with qtbot.waitSignal(demo_panel.jump_requested) as jumped:
        click_cell(qtbot, review.table, 1, 2, double=True)
    assert jumped.args == [d.document_id, d.start, d.end]


def test_heatmap_cell_lists_that_code_in_that_document(
    qtbot: QtBot, demo_panel: AgreementPanel
) -> None:
    dashboard = demo_panel.dashboard
    heatmap = dashboard.heatmap
    dashboard.views.setCurrentIndex(1)
    cell = next(
        (r, c)
        for r in range(heatmap.rowCount())
        for c in range(heatmap.columnCount())
        if (found := heatmap.cell(r, c)) is not None and found.only_a + found.only_b > 0
    )
    code_id, document_id = heatmap.cell(*cell).code_id, heatmap.cell(*cell).document_id  # type: ignore[union-attr]
    click_cell(qtbot, dashboard.heatmap_view, *cell)
    review = demo_panel.review
    assert demo_panel.pages.currentWidget() is review
    assert review.code_filter.currentData() == code_id
    assert review.document_filter.currentData() == document_id
    assert review.model.rowCount() >= 1
    assert all(
        (review.model.at(r).code_id, review.model.at(r).document_id) == (code_id, document_id)
        for r in range(review.model.rowCount())
    )


def test_a_bar_click_reviews_its_code(qtbot: QtBot, demo_panel: AgreementPanel) -> None:
    chart = demo_panel.dashboard.chart
    assert chart is not None
    with qtbot.waitSignal(demo_panel.compare_requested) as compared:
        chart.code_clicked.emit(chart.code_ids[3])
    assert compared.args[0] == [chart.code_ids[3]]
    assert demo_panel.review.code_filter.currentData() == chart.code_ids[3]


def test_edit_boundaries_from_a_selection_in_one_version(
    qtbot: QtBot, demo_panel: AgreementPanel
) -> None:
    project = demo_panel._session.project
    review = demo_panel.review
    demo_panel.review_code(project.code_id("1a"))
    d = review.current()
    assert d is not None
    pane = review.comparison.pane_b
    text = project.text(d.document_id)
    wanted = (d.start + 5, d.end - 5)
    cursor = QTextCursor(pane.text.document())
    local = pane.text.toPlainText()
    first = local.index(text[wanted[0] : wanted[0] + 20])
    cursor.setPosition(first)
    cursor.setPosition(first + wanted[1] - wanted[0], QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(-5, -5))
    pane.text.setTextCursor(cursor)
    qtbot.mouseClick(review.use_selection, Qt.MouseButton.LeftButton)
    assert (review.start.value(), review.end.value()) == wanted
    review.reason.setText("Trimmed to the claim")
    qtbot.mouseClick(review.apply_edit, Qt.MouseButton.LeftButton)
    consensus = consensus_coder(project)
    assert consensus is not None
    assert [(s.start, s.end, s.memo) for s in project.segments(coder_ids=[consensus.id])] == [
        (*wanted, "Trimmed to the claim")
    ]
    assert review.model.decision_of(d) is not None
    assert review.model.decision_of(d).decision == "edited"  # type: ignore[union-attr]


def test_copy_agreed_passages_completes_the_consensus(
    qtbot: QtBot, demo_panel: AgreementPanel
) -> None:
    session = demo_panel._session
    review = demo_panel.review
    demo_panel.pages.setCurrentWidget(review)
    assert review.copy_agreed.isEnabled()
    assert review.copy_agreed.text() == "Copy 27 agreed passages to consensus"
    qtbot.mouseClick(review.copy_agreed, Qt.MouseButton.LeftButton)
    consensus = consensus_coder(session.project)
    assert consensus is not None
    written = session.project.segments(coder_ids=[consensus.id])
    assert len(written) == 27 and {s.origin for s in written} == {"adjudication"}
    assert not review.copy_agreed.isEnabled()
    assert review.copy_agreed.text() == "Agreed passages are in the consensus"
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: review.copy_agreed.isEnabled())
    assert consensus_coder(session.project) is None


def test_the_pair_can_be_swapped_on_the_review_page(
    qtbot: QtBot, demo_panel: AgreementPanel
) -> None:
    review = demo_panel.review
    before = {d.key.passage: d.kind for d in review.model.all}
    review.coder_a.setCurrentIndex(1)
    review.coder_b.setCurrentIndex(0)
    qtbot.waitUntil(lambda: review.accept_a.text() == "Accept BC")
    after = {d.key.passage: d.kind for d in review.model.all}
    swap = {"only_a": "only_b", "only_b": "only_a", "boundaries": "boundaries"}
    assert after == {k: swap[v] for k, v in before.items()}
    review.coder_b.setCurrentIndex(1)  # the same coder twice: nothing to compare
    assert review.model.rowCount() == 0 and review.progress.text() == ""


# -- in the main window ------------------------------------------------------------------------


def test_analyse_agreement_shows_the_tab_and_computes(qtbot: QtBot, window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    workspace.bottom.setCurrentWidget(workspace.search)
    analyse = next(m for m in window._menus.values() if m.title() == "&Analyse")
    titles = [m.title() for m in window._menus.values()]
    assert titles.index("&Analyse") == titles.index("&Team") + 1
    action = next(a for a in analyse.actions() if a.text() == "&Agreement…")
    panel = workspace.agreement
    with qtbot.waitSignal(panel.computed, timeout=30000):
        action.trigger()
    assert workspace.bottom.currentWidget() is panel
    assert panel.pages.currentWidget() is panel.dashboard
    qtbot.waitUntil(lambda: not window.progress.isVisible())

    # A double-click on a disagreement opens its passage in the transcript.
    panel.review_code(workspace.session.project.code_id("1a"))
    d = panel.review.model.at(0)
    click_cell(qtbot, panel.review.table, 0, 2, double=True)
    assert workspace.transcript.document_id == d.document_id
    assert workspace.transcript.selected_span() == (d.start, d.end)
    assert workspace.retrieval.model.has_codes  # the code under review is listed there too


def test_the_review_page_lists_the_default_pair_and_catches_up_when_shown(
    qtbot: QtBot, demo_session: AppSession, make_panel: MakePanel
) -> None:
    panel = make_panel(demo_session)
    review = panel.review
    total = len(find_disagreements(demo_session.project, "AR", "BC"))
    assert review.model.rowCount() == 0  # nothing is read while the page is hidden
    panel.pages.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.progress.text() == f"0 of {total} resolved")
    assert review.accept_a.text() == "Accept AR" and review.accept_b.text() == "Accept BC"
    panel.pages.setCurrentWidget(panel.dashboard)
    demo_session.run(Adjudicate(review.model.at(0), "both"))
    QCoreApplication.processEvents()  # a pending refresh would run now
    assert review.progress.text() == f"0 of {total} resolved"
    panel.pages.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.progress.text() == f"1 of {total} resolved")
    assert review.model.index(0, 0).data() == "✓ Both"
