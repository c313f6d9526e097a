from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.codebook.conftest import Small
from ui.codebook.palette import QuickCodePalette, RecentCodes, pick_code, recent_codes
from ui.session import AppSession
from workbench.commands.code_removal import DeleteCode
from workbench.entities import CodeInfo


def by_label(session: AppSession) -> dict[str, CodeInfo]:
    return {c.label: c for c in session.project.codes()}


def open_palette(session: AppSession, qtbot) -> QuickCodePalette:
    palette = QuickCodePalette(session)
    qtbot.addWidget(palette)
    palette.show()
    return palette


def test_label_query_ranks_that_code_first(template_session: AppSession, qtbot) -> None:
    palette = open_palette(template_session, qtbot)
    codes = by_label(template_session)
    palette.chooser.set_query("1b")
    results = palette.chooser.results()
    assert results[0] == codes["1b"].id
    assert palette.chooser.current_code() == codes["1b"].id


def test_names_match_without_accents(template_session: AppSession, qtbot) -> None:
    palette = open_palette(template_session, qtbot)
    codes = {c.id: c for c in template_session.project.codes()}
    palette.chooser.set_query("sindicato")
    names = [codes[i].name for i in palette.chooser.results()]
    assert names[0].lower().startswith("sindicato")
    word_matches = [n for n in names if "sindicato" in n.lower()]
    assert len(word_matches) >= 5
    assert names[: len(word_matches)] == word_matches  # word matches before loose ones
    palette.chooser.set_query("ninez")
    assert codes[palette.chooser.results()[0]].name.startswith("Niñez")
    palette.chooser.set_query("inspeccion agricola")
    assert codes[palette.chooser.results()[0]].label == "5c"


def test_only_codable_codes_are_offered(small: tuple[AppSession, Small], qtbot) -> None:
    session, built = small
    palette = open_palette(session, qtbot)
    assert built.folder not in palette.chooser.results()
    assert built.barriers in palette.chooser.results()


def test_enter_picks_the_highlighted_code_and_escape_cancels(
    template_session: AppSession, qtbot
) -> None:
    codes = by_label(template_session)
    palette = open_palette(template_session, qtbot)
    qtbot.keyClicks(palette.chooser.query_edit, "1b")
    qtbot.keyClick(palette.chooser.query_edit, Qt.Key.Key_Down)
    second = palette.chooser.results()[1]
    assert palette.chooser.current_code() == second
    qtbot.keyClick(palette.chooser.query_edit, Qt.Key.Key_Up)
    qtbot.keyClick(palette.chooser.query_edit, Qt.Key.Key_Return)
    assert palette.result() == QDialog.DialogCode.Accepted
    assert palette.chosen_code() == codes["1b"].id

    other = open_palette(template_session, qtbot)
    qtbot.keyClicks(other.chooser.query_edit, "P4")
    qtbot.keyClick(other.chooser.query_edit, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected
    assert other.chosen_code() is None


def test_pick_code_returns_the_choice_and_remembers_it(template_session: AppSession, qtbot) -> None:
    codes = by_label(template_session)

    def type_and_enter() -> None:
        palette = QApplication.activeModalWidget()
        assert isinstance(palette, QuickCodePalette)
        qtbot.keyClicks(palette.chooser.query_edit, "osh")
        qtbot.keyClick(palette.chooser.query_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_and_enter)
    assert pick_code(template_session) == codes["OSH"].id
    assert recent_codes(template_session).nth(1) == codes["OSH"].id

    def cancel() -> None:
        palette = QApplication.activeModalWidget()
        assert isinstance(palette, QuickCodePalette)
        palette.reject()

    QTimer.singleShot(0, cancel)
    assert pick_code(template_session) is None


def test_recent_codes_come_first_with_no_query(template_session: AppSession, qtbot) -> None:
    codes = by_label(template_session)
    recent = recent_codes(template_session)
    recent.used(codes["MSC"].id)
    recent.used(codes["P2"].id)
    palette = open_palette(template_session, qtbot)
    assert palette.chooser.results()[:2] == [codes["P2"].id, codes["MSC"].id]


def test_recent_codes_keep_the_last_nine_most_recent_first() -> None:
    recent = RecentCodes()
    for code_id in range(1, 12):
        recent.used(code_id)
    recent.used(5)
    assert recent.ids() == [5, 11, 10, 9, 8, 7, 6, 4, 3]
    assert recent.nth(1) == 5
    assert recent.nth(9) == 3
    assert recent.nth(10) is None
    assert recent.nth(0) is None


def test_recent_codes_are_per_session_and_forget_deleted_codes(
    small: tuple[AppSession, Small], empty_session: AppSession
) -> None:
    session, built = small
    recent = recent_codes(session)
    assert recent_codes(session) is recent
    assert recent_codes(empty_session) is not recent
    recent.used(built.barriers)
    recent.used(built.safety)
    session.run(DeleteCode(built.safety))
    assert recent.ids() == [built.barriers]
