from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex

from tests.ui.codebook.conftest import Small
from ui.codebook.filtering import CodebookFilter
from ui.codebook.matching import CodeText, fold, rank
from ui.codebook.model import CodebookModel, CodebookRole
from ui.codebook.panel import CodebookPanel
from ui.session import AppSession


def visible(proxy: CodebookFilter, parent: QModelIndex | None = None) -> list[str]:
    """Names of the rows the filter lets through, depth first, indented by level."""
    parent = parent or QModelIndex()
    names: list[str] = []
    for row in range(proxy.rowCount(parent)):
        index = proxy.index(row, 0, parent)
        names.append(str(index.data(CodebookRole.NAME)))
        names.extend("  " + name for name in visible(proxy, index))
    return names


def test_fold_removes_accents_and_case() -> None:
    assert fold("Niñez dejó la CAÑA") == "ninez dejo la cana"


def test_filter_keeps_the_ancestors_of_a_match(small: tuple[AppSession, Small]) -> None:
    session, _built = small
    proxy = CodebookFilter()
    proxy.setSourceModel(CodebookModel(session))
    proxy.set_query("votacion")  # only in 1b's definition, which says "votación"
    assert visible(proxy) == ["Outcomes", "  Worker advocacy", "    Independent unions"]
    proxy.set_query("bar")  # a label
    assert visible(proxy) == ["Themes", "  Barriers"]
    proxy.set_query("UNIONS independent")  # every word, in any order and case
    assert visible(proxy) == ["Outcomes", "  Worker advocacy", "    Independent unions"]
    proxy.set_query("")
    assert len(visible(proxy)) == 7


def test_filter_follows_changes_to_the_codebook(small: tuple[AppSession, Small]) -> None:
    from workbench.commands.codes import UpdateCode

    session, built = small
    proxy = CodebookFilter()
    proxy.setSourceModel(CodebookModel(session))
    proxy.set_query("obstáculos")
    assert visible(proxy) == []
    session.run(UpdateCode(built.barriers, definition="Obstaculos y retos pendientes"))
    assert visible(proxy) == ["Themes", "  Barriers"]


def test_panel_filter_expands_matches_and_restores_the_tree_afterwards(
    small: tuple[AppSession, Small], qtbot
) -> None:
    session, built = small
    panel = CodebookPanel(session)
    qtbot.addWidget(panel)
    view, model, proxy = panel.view, panel.model, panel.proxy
    unions = proxy.mapFromSource(model.index_of_code(built.unions))
    assert view.isExpanded(unions.parent())  # groups start open
    assert not view.isExpanded(unions)  # codes start closed

    panel.filter_edit.setText("independ")
    unions = proxy.mapFromSource(model.index_of_code(built.unions))
    assert view.isExpanded(unions)
    assert panel.pages.currentWidget() is view

    panel.filter_edit.setText("no such code")
    assert panel.pages.currentWidget() is panel.empty_label
    assert "No code matches “no such code”" in panel.empty_label.text()

    panel.filter_edit.clear()
    unions = proxy.mapFromSource(model.index_of_code(built.unions))
    assert not view.isExpanded(unions)
    assert view.isExpanded(unions.parent())
    assert panel.pages.currentWidget() is view


def test_rank_orders_label_then_word_then_letters() -> None:
    def score(query: str, label: str, name: str) -> tuple[int, int, int] | None:
        return rank(fold(query), CodeText.of(label, name, name))

    assert score("1b", "1b", "Crearon sindicatos")[0] == 0  # type: ignore[index]
    assert score("sind", "1b", "Crearon sindicatos")[0] == 1  # type: ignore[index]
    assert score("crsnd", "1b", "Crearon sindicatos")[0] == 2  # type: ignore[index]
    assert score("xyz", "1b", "Crearon sindicatos") is None
    assert score("ninez", "1a", "Niñez dejó el trabajo")[0] == 1  # type: ignore[index]
