from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon

from tests.factories import add_code
from tests.ui.codebook.conftest import Small
from ui.codebook.mime import Span, span_mime_data
from ui.codebook.model import KIND_CODE, KIND_GROUP, UNGROUPED_NAME, CodebookModel, CodebookRole
from ui.session import AppSession
from workbench.commands.code_removal import DeleteCode, MergeCodes
from workbench.commands.codes import CodeSpec, CreateCode, CreateCodeGroup, MoveCode, UpdateCode
from workbench.commands.segments import AddSegment

Tree = list[tuple[Any, ...]]


def tree(model: CodebookModel, parent: QModelIndex | None = None) -> Tree:
    """What the model shows: (kind, id, text, count, children) for every row."""
    parent = parent or QModelIndex()
    rows: Tree = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append(
            (
                index.data(CodebookRole.KIND),
                index.data(CodebookRole.ID),
                index.data(),
                model.index(row, 1, parent).data(),
                tree(model, index),
            )
        )
    return rows


def fresh(session: AppSession) -> Tree:
    return tree(CodebookModel(session))


def test_empty_project_passes_the_model_tester(empty_session: AppSession, qtmodeltester) -> None:
    model = CodebookModel(empty_session)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
    assert model.code_count() == 0


def test_template_project_shows_groups_in_order_with_codes_nested(
    template_session: AppSession, qtmodeltester
) -> None:
    model = CodebookModel(template_session)
    qtmodeltester.check(model, force_py=True)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["Resultados", "Prioridades del T-MEC", "Proyectos de ILAB", "Temas"]
    assert model.code_count() == 61
    outcomes = model.index(0, 0)
    first = model.index(0, 0, outcomes)
    assert first.data(CodebookRole.LABEL) == "1"
    children = [model.index(r, 0, first).data(CodebookRole.LABEL) for r in range(6)]
    assert children == ["1a", "1b", "1c", "1d", "1e", "1f"]
    assert model.index(0, 0, first).parent() == first


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_qt_cpp_tester_reports_nothing_through_a_session_of_edits(
    small: tuple[AppSession, Small], qtmodeltester
) -> None:
    session, built = small
    model = CodebookModel(session)
    qtmodeltester.check(model)  # Qt's own tester; its failures are warnings, which fail here
    session.run(MoveCode(built.safety, built.barriers))
    session.run(MergeCodes(built.independent, built.barriers))
    session.run(DeleteCode(built.unions, segments="delete"))
    for _ in range(3):
        session.undo_stack.undo()
    assert tree(model) == fresh(session)


def test_roles_of_a_code_and_a_group(small: tuple[AppSession, Small]) -> None:
    session, built = small
    model = CodebookModel(session)
    index = model.index_of_code(built.independent)
    assert index.data() == "1b Independent unions"
    assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert index.data(CodebookRole.KIND) == KIND_CODE
    assert index.data(CodebookRole.CODABLE) is True
    assert index.data(CodebookRole.COLOUR).startswith("#")
    count = index.siblingAtColumn(1)
    assert count.data() == 2
    assert count.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    for part in (
        "Independent unions",
        "Sindicatos independientes",
        "Votes, elections",
        "Company unions (use 2d).",
        "Formamos un sindicato",
        "2 segments in 1 document",
    ):
        assert part in tip
    parent_tip = model.index_of_code(built.unions).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 segment in 1 document." in parent_tip
    assert "With its child codes: 4 segments." in parent_tip
    group = model.index_of_group(built.outcomes)
    assert group.data() == "Outcomes"
    assert group.data(CodebookRole.KIND) == KIND_GROUP
    assert group.data(Qt.ItemDataRole.FontRole).bold()
    assert "3 codes, 4 segments" in group.data(Qt.ItemDataRole.ToolTipRole)
    folder = model.index_of_code(built.folder)
    assert folder.data(CodebookRole.CODABLE) is False
    assert "not applied to text" in folder.data(Qt.ItemDataRole.ToolTipRole)


def test_each_change_is_merged_into_the_model_without_a_reset(
    small: tuple[AppSession, Small], qtmodeltester, qtbot
) -> None:
    session, built = small
    model = CodebookModel(session)
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every signal
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    create = CreateCode(CodeSpec("Wages", parent_id=built.unions, label="1e"))
    with qtbot.waitSignal(model.rowsInserted):
        session.run(create)
    assert model.index_of_code(create.code_id or 0).parent() == model.index_of_code(built.unions)

    with qtbot.waitSignal(model.rowsMoved):
        session.run(MoveCode(built.safety, built.barriers))
    assert model.index_of_code(built.safety).parent() == model.index_of_code(built.barriers)

    with qtbot.waitSignal(model.dataChanged):
        session.run(UpdateCode(built.barriers, name="Barriers and challenges"))
    assert model.index_of_code(built.barriers).data(CodebookRole.NAME) == (
        "Barriers and challenges"
    )

    with qtbot.waitSignal(model.dataChanged):
        session.run(AddSegment(built.document, built.barriers, 0, 10))
    assert model.index_of_code(built.barriers).siblingAtColumn(1).data() == 1

    with qtbot.waitSignal(model.rowsRemoved):
        session.run(MergeCodes(built.independent, built.unions))
    assert not model.index_of_code(built.independent).isValid()
    assert model.code(built.unions).segments == 3  # type: ignore[union-attr]

    session.run(DeleteCode(built.unions, segments="delete"))
    assert not model.index_of_code(built.unions).isValid()
    assert tree(model) == fresh(session)

    while session.undo_stack.canUndo():
        session.undo_stack.undo()
        assert tree(model) == fresh(session)
    assert model.code(built.independent) is not None
    assert resets == []


def test_codes_moving_out_of_every_group_appear_under_ungrouped(
    small: tuple[AppSession, Small], qtmodeltester
) -> None:
    session, built = small
    model = CodebookModel(session)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    session.run(UpdateCode(built.barriers, group_id=None))
    assert model.rowCount() == 3
    ungrouped = model.index(2, 0)
    assert ungrouped.data() == UNGROUPED_NAME
    assert ungrouped.data(CodebookRole.ID) is None
    assert model.index(0, 0, ungrouped).data(CodebookRole.ID) == built.barriers
    session.undo_stack.undo()
    assert model.rowCount() == 2
    assert tree(model) == fresh(session)


def test_a_new_group_resets_the_model(
    small: tuple[AppSession, Small], qtmodeltester, qtbot
) -> None:
    session, _built = small
    model = CodebookModel(session)
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.modelReset):
        session.run(CreateCodeGroup("ILAB projects"))
    assert model.index(2, 0).data() == "ILAB projects"


def test_random_edits_and_undos_keep_the_model_equal_to_a_fresh_read(
    small: tuple[AppSession, Small], qtmodeltester
) -> None:
    session, built = small
    model = CodebookModel(session)
    qtmodeltester.check(model, force_py=True)
    rng = random.Random(20240611)
    groups = [built.outcomes, built.themes, None]
    for step in range(80):
        codes = [c.id for c in session.project.codes()]
        choice = rng.random()
        if choice < 0.2 or len(codes) < 3:
            parent = rng.choice([None, *codes])
            session.run(
                CreateCode(CodeSpec(f"Code {step}", parent_id=parent, group_id=rng.choice(groups)))
            )
        elif choice < 0.4:
            session.run(MoveCode(rng.choice(codes), rng.choice([None, *codes])))
        elif choice < 0.5:
            session.run(UpdateCode(rng.choice(codes), group_id=rng.choice(groups)))
        elif choice < 0.6:
            source, target = rng.sample(codes, 2)
            session.run(MergeCodes(source, target))
        elif choice < 0.7:
            session.run(DeleteCode(rng.choice(codes), segments="delete"))
        elif choice < 0.75:
            session.run(UpdateCode(rng.choice(codes), name=f"Renamed {step}"))
        else:
            session.undo_stack.undo()
        assert tree(model) == fresh(session), f"after step {step}"


def placement(session: AppSession) -> list[tuple[int, int | None, str | None, int]]:
    return [(c.id, c.parent_id, c.group, c.position) for c in session.project.codes()]


def drop(model: CodebookModel, code_id: int, target: QModelIndex) -> bool:
    data = model.mimeData([model.index_of_code(code_id)])
    action = Qt.DropAction.MoveAction
    if not model.canDropMimeData(data, action, -1, -1, target):
        return False
    return model.dropMimeData(data, action, -1, -1, target)


def test_dropping_a_code_on_a_code_makes_it_a_child(small: tuple[AppSession, Small]) -> None:
    session, built = small
    model = CodebookModel(session)
    assert drop(model, built.barriers, model.index_of_code(built.unions))
    moved = session.project.codes()
    assert next(c for c in moved if c.id == built.barriers).parent_id == built.unions
    assert model.index_of_code(built.barriers).parent() == model.index_of_code(built.unions)
    session.undo_stack.undo()
    assert next(c for c in session.project.codes() if c.id == built.barriers).parent_id is None


def test_dropping_a_child_code_on_a_group_puts_it_at_the_top_of_that_group(
    small: tuple[AppSession, Small],
) -> None:
    session, built = small
    model = CodebookModel(session)
    placement_before = placement(session)
    assert drop(model, built.safety, model.index_of_group(built.themes))
    safety = next(c for c in session.project.codes() if c.id == built.safety)
    assert (safety.parent_id, safety.group) == (None, "Themes")
    assert model.group_of(built.safety) == built.themes
    assert session.undo_stack.count() == 1  # one step: move and regroup
    session.undo_stack.undo()
    assert placement(session) == placement_before


def test_refused_drops(small: tuple[AppSession, Small]) -> None:
    session, built = small
    model = CodebookModel(session)
    assert not drop(model, built.unions, model.index_of_code(built.independent))  # own child
    assert not drop(model, built.unions, model.index_of_code(built.unions))  # itself
    assert not drop(model, built.independent, model.index_of_code(built.unions))  # already there
    assert not drop(model, built.barriers, model.index_of_group(built.themes))  # already there
    assert not drop(model, built.barriers, QModelIndex())  # nowhere
    assert session.undo_stack.count() == 0


def test_a_span_dropped_on_a_codable_code_is_announced(
    small: tuple[AppSession, Small], qtbot
) -> None:
    session, built = small
    model = CodebookModel(session)
    data = span_mime_data(Span(built.document, 5, 17))
    target = model.index_of_code(built.barriers)
    action = Qt.DropAction.CopyAction
    assert model.canDropMimeData(data, action, -1, -1, target)
    with qtbot.waitSignal(model.span_dropped) as blocker:
        assert model.dropMimeData(data, action, -1, -1, target)
    assert blocker.args == [built.barriers, built.document, 5, 17]
    folder = model.index_of_code(built.folder)
    assert not model.canDropMimeData(data, action, -1, -1, folder)
    assert not model.canDropMimeData(data, action, -1, -1, model.index_of_group(built.themes))


def test_counts_can_be_limited_to_some_coders(small: tuple[AppSession, Small]) -> None:
    session, built = small
    model = CodebookModel(session)
    model.set_count_coders([])
    assert model.index_of_code(built.independent).siblingAtColumn(1).data() == 0
    model.set_count_coders(None)
    assert model.index_of_code(built.independent).siblingAtColumn(1).data() == 2


def test_a_code_added_outside_the_session_appears_on_refresh(
    small: tuple[AppSession, Small],
) -> None:
    session, built = small
    model = CodebookModel(session)
    assert model.code_count() == 5
    add_code(session.project, "Lessons", label="LL", group_id=built.themes)
    model.refresh()
    assert model.code_count() == 6
    assert tree(model) == fresh(session)
