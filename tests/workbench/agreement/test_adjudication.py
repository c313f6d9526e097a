"""Disagreements between two coders, and adjudicating them into a consensus coding."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.schema import Setting
from tests.factories import add_code, add_document, new_project
from workbench import queries
from workbench.agreement.adjudication import (
    AcceptAgreements,
    Adjudicate,
    adjudication_progress,
    consensus_coder,
    decisions,
    pending_agreements,
    setting_key,
)
from workbench.agreement.disagreements import (
    CoderSpan,
    DisagreementKey,
    find_disagreements,
    group_by_passage,
    stretches,
    union_spans,
)
from workbench.commands.coders import AddCoder
from workbench.commands.segments import AddSegments, NewSegment
from workbench.demo import build_demo
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project

TEXT = "abcdefghij" * 20  # 200 characters


@dataclass
class Team:
    project: Project
    ana: int
    ben: int
    one: int
    two: int
    union: int
    wages: int
    safety: int


#: (document, code, coder, start, end); positions in a 200-character text.
CODINGS = [
    ("one", "union", "ana", 10, 30),
    ("one", "union", "ben", 10, 30),  # agreed
    ("one", "union", "ana", 50, 70),
    ("one", "union", "ben", 55, 75),  # boundaries
    ("one", "wages", "ana", 100, 120),  # only Ana ...
    ("one", "safety", "ben", 102, 118),  # ... while Ben coded it as safety
    ("one", "wages", "ben", 150, 160),  # only Ben
    ("one", "wages", "ana", 160, 170),  # touches Ben's: a separate stretch
    ("two", "union", "ana", 0, 10),
    ("two", "union", "ana", 8, 20),  # overlaps Ana's own: one piece, [0, 20)
    ("two", "union", "ben", 0, 20),  # agreed with the union of Ana's two
    ("two", "safety", "ana", 40, 60),
    ("two", "safety", "ben", 40, 60),  # agreed
]


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    project = new_project(tmp_path, coder="Lena Lead")
    coders = {}
    for name, initials in (("Ana Ruiz", "AR"), ("Ben Carter", "BC")):
        command = AddCoder(name, initials=initials)
        project.run(command)
        assert command.coder_id is not None
        coders[name.split()[0].lower()] = command.coder_id
    documents = {name: add_document(project, name, TEXT) for name in ("one", "two")}
    codes = {
        "union": add_code(project, "Union", label="1a"),
        "wages": add_code(project, "Wages", label="1b"),
        "safety": add_code(project, "Safety", label="1c"),
    }
    project.run(
        AddSegments(
            [
                NewSegment(documents[d], codes[c], s, e, coder_id=coders[who])
                for d, c, who, s, e in CODINGS
            ]
        )
    )
    yield Team(
        project,
        coders["ana"],
        coders["ben"],
        documents["one"],
        documents["two"],
        codes["union"],
        codes["wages"],
        codes["safety"],
    )
    project.close()


def snapshot(project: Project) -> dict[str, Any]:
    """Everything adjudication may touch: coders, segments, memos and settings."""
    with project.read() as session:
        memos = [
            (m.id, m.target_kind, m.target_id, m.title, m.text) for m in queries.memos(session)
        ]
        settings = {row.key: row.value for row in session.scalars(select(Setting))}
    return {
        "coders": [(c.id, c.name, c.initials, c.role) for c in project.coders()],
        "segments": [
            (s.id, s.document_id, s.code_id, s.coder_id, s.start, s.end, s.memo, s.origin)
            for s in project.segments()
        ],
        "memos": memos,
        "settings": settings,
    }


def consensus_segments(project: Project) -> list[tuple[int, int, int, int, str, str]]:
    coder = consensus_coder(project)
    assert coder is not None
    return [
        (s.document_id, s.code_id, s.start, s.end, s.memo, s.origin)
        for s in project.segments(coder_ids=[coder.id])
    ]


def by_span(team: Team, document: int, code: int, start: int) -> Any:
    found = find_disagreements(team.project, team.ana, team.ben)
    return next(d for d in found if (d.document_id, d.code_id, d.start) == (document, code, start))


# -- finding disagreements ---------------------------------------------------------------


def test_union_and_stretches_follow_overlaps_not_touches() -> None:
    pieces = union_spans([(8, 20, 2), (0, 10, 1), (20, 25, 3), (30, 40, 4)])
    assert pieces == [CoderSpan(0, 25, (1, 2, 3)), CoderSpan(30, 40, (4,))]
    cut = stretches([CoderSpan(0, 10, (1,)), CoderSpan(12, 20, (2,))], [CoderSpan(5, 15, (3,))])
    assert [(s.start, s.end, len(s.spans_a), len(s.spans_b)) for s in cut] == [(0, 20, 2, 1)]
    apart = stretches([CoderSpan(0, 10, (1,))], [CoderSpan(10, 20, (2,))])
    assert [(s.start, s.end, s.agreed) for s in apart] == [(0, 10, False), (10, 20, False)]


def test_disagreements_have_kinds_spans_and_document_order(team: Team) -> None:
    found = find_disagreements(team.project, "Ana Ruiz", "BC")
    summary = [(d.document, d.code, d.start, d.end, d.kind) for d in found]
    assert summary == [
        ("one", "1a", 50, 75, "boundaries"),
        ("one", "1b", 100, 120, "only_a"),
        ("one", "1c", 102, 118, "only_b"),
        ("one", "1b", 150, 160, "only_b"),
        ("one", "1b", 160, 170, "only_a"),
    ]
    boundaries = found[0]
    assert [(s.start, s.end) for s in boundaries.spans_a] == [(50, 70)]
    assert [(s.start, s.end) for s in boundaries.spans_b] == [(55, 75)]
    assert boundaries.spans_a[0].segment_ids and boundaries.spans_b[0].segment_ids
    assert (boundaries.document_id, boundaries.code_id, boundaries.path) == (
        team.one,
        team.union,
        "Union",
    )


def test_the_same_stretch_coded_with_different_codes_is_one_passage(team: Team) -> None:
    found = find_disagreements(team.project, team.ana, team.ben)
    wages, safety = found[1], found[2]
    assert wages.passage == safety.passage
    assert wages.coded_differently and wages.alternatives == (team.safety,)
    assert safety.coded_differently and safety.alternatives == (team.wages,)
    assert not found[0].coded_differently  # boundaries: both applied the code
    assert not found[3].coded_differently  # Ben's 1b at 150 only touches Ana's at 160
    assert found[3].passage != found[4].passage
    passages = group_by_passage(found)
    assert [len(group) for group in passages.values()] == [1, 2, 1, 1]


def test_codes_and_documents_narrow_the_search(team: Team) -> None:
    assert [d.code for d in find_disagreements(team.project, "AR", "BC", codes=["Union"])] == ["1a"]
    assert find_disagreements(team.project, "AR", "BC", documents=["two"]) == []
    with pytest.raises(NotFoundError, match="no coder 'Zoe'"):
        find_disagreements(team.project, "AR", "Zoe")
    with pytest.raises(InvalidInputError, match="named twice"):
        find_disagreements(team.project, "AR", "Ana Ruiz")


def test_keys_read_back_and_ignore_which_coder_is_first(team: Team) -> None:
    first = find_disagreements(team.project, "AR", "BC")
    swapped = find_disagreements(team.project, "BC", "AR")
    assert [d.key.passage for d in first] == [d.key.passage for d in swapped]
    assert [d.kind for d in swapped][1:3] == ["only_b", "only_a"]
    key = first[0].key
    assert DisagreementKey.parse(str(key)) == key
    with pytest.raises(InvalidInputError, match="not a disagreement key"):
        DisagreementKey.parse("1/2/3")


# -- deciding ------------------------------------------------------------------------------


def test_accept_a_writes_the_first_coders_span_for_the_consensus(team: Team) -> None:
    project = team.project
    assert consensus_coder(project) is None
    disagreement = by_span(team, team.one, team.union, 50)
    project.run(Adjudicate(disagreement, "a", reason="Ana's boundary ends the idea"))
    coder = consensus_coder(project)
    assert coder is not None and (coder.initials, coder.role) == ("CON", "lead")
    assert consensus_segments(project) == [
        (team.one, team.union, 50, 70, "Ana's boundary ends the idea", "adjudication")
    ]
    decided = decisions(project, team.ana, team.ben)[disagreement.key.passage]
    assert (decided.decision, decided.spans, decided.reason) == (
        "a",
        ((50, 70),),
        "Ana's boundary ends the idea",
    )


@pytest.mark.parametrize(
    ("decision", "spans", "expected"),
    [
        ("b", (), [(55, 75)]),
        ("both", (), [(50, 75)]),
        ("edited", ((52, 72),), [(52, 72)]),
        ("edited", ((50, 60), (58, 66), (70, 74)), [(50, 66), (70, 74)]),
    ],
)
def test_each_decision_writes_its_spans(
    team: Team, decision: str, spans: tuple[tuple[int, int], ...], expected: list[tuple[int, int]]
) -> None:
    disagreement = by_span(team, team.one, team.union, 50)
    team.project.run(Adjudicate(disagreement, decision, spans, reason="checked"))
    assert [(s, e) for _d, _c, s, e, _m, _o in consensus_segments(team.project)] == expected


def test_neither_leaves_the_passage_uncoded_and_keeps_the_reason_on_the_document(
    team: Team,
) -> None:
    project = team.project
    disagreement = by_span(team, team.one, team.wages, 100)
    project.run(Adjudicate(disagreement, "neither", reason="Not about wages"))
    assert consensus_segments(project) == []
    with project.read() as session:
        memos = queries.memos(session, "document", team.one)
    assert [(m.text, "1b" in m.title) for m in memos] == [("Not about wages", True)]
    assert adjudication_progress(project, "AR", "BC") == (1, 5)


def test_accepting_the_coder_who_left_it_out_leaves_it_uncoded(team: Team) -> None:
    disagreement = by_span(team, team.one, team.wages, 150)  # only Ben coded it
    team.project.run(Adjudicate(disagreement, "a", reason="Ana was right to skip it"))
    assert consensus_segments(team.project) == []
    assert adjudication_progress(team.project, "AR", "BC") == (1, 5)


def test_deciding_again_replaces_the_earlier_consensus(team: Team) -> None:
    project = team.project
    disagreement = by_span(team, team.one, team.union, 50)
    project.run(Adjudicate(disagreement, "a", reason="first"))
    project.run(Adjudicate(disagreement, "b", reason="second thoughts"))
    assert consensus_segments(project) == [
        (team.one, team.union, 55, 75, "second thoughts", "adjudication")
    ]
    project.run(Adjudicate(disagreement, "neither", reason="neither, in the end"))
    assert consensus_segments(project) == []
    project.run(Adjudicate(disagreement, "both"))
    assert consensus_segments(project) == [(team.one, team.union, 50, 75, "", "adjudication")]
    with project.read() as session:
        assert queries.memos(session, "document", team.one) == []  # the neither memo went too
    assert adjudication_progress(project, "AR", "BC") == (1, 5)


def test_undo_restores_the_state_exactly_and_redo_does_it_again(team: Team) -> None:
    project = team.project
    before = snapshot(project)
    union = by_span(team, team.one, team.union, 50)
    wages = by_span(team, team.one, team.wages, 100)
    project.run(Adjudicate(union, "a", reason="first"))
    after_first = snapshot(project)
    project.run(Adjudicate(wages, "neither", reason="not wages"))
    project.run(Adjudicate(union, "edited", [(51, 71)], reason="edited"))
    after_all = snapshot(project)
    project.undo()
    project.undo()
    assert snapshot(project) == after_first
    project.undo()
    assert snapshot(project) == before  # the consensus coder is gone again too
    project.redo()
    project.redo()
    project.redo()
    assert snapshot(project) == after_all


def test_progress_counts_decisions_and_survives_reopening(team: Team, tmp_path: Path) -> None:
    project = team.project
    assert adjudication_progress(project, "AR", "BC") == (0, 5)
    for start, code in ((50, team.union), (100, team.wages), (102, team.safety)):
        project.run(Adjudicate(by_span(team, team.one, code, start), "b", reason="Ben"))
    assert adjudication_progress(project, "AR", "BC") == (3, 5)
    assert adjudication_progress(project, "BC", "AR") == (3, 5)  # either order
    assert {d.decision for d in decisions(project, team.ben, team.ana).values()} == {"a"}
    project.close()
    with Project.open(tmp_path / "project.qdb") as reopened:
        assert adjudication_progress(reopened, "AR", "BC") == (3, 5)
        assert setting_key(team.ben, team.ana) == f"adjudication.{team.ana}.{team.ben}"
        assert reopened.setting(setting_key(team.ana, team.ben)).startswith("{")


def test_agreed_passages_are_copied_once_and_complete_the_consensus(team: Team) -> None:
    project = team.project
    assert pending_agreements(project, team.ana, team.ben) == 3
    before = snapshot(project)
    project.run(AcceptAgreements(team.ana, team.ben))
    assert sorted(consensus_segments(project)) == sorted(
        [
            (team.one, team.union, 10, 30, "", "adjudication"),
            (team.two, team.union, 0, 20, "", "adjudication"),  # the union of Ana's two
            (team.two, team.safety, 40, 60, "", "adjudication"),
        ]
    )
    assert pending_agreements(project, team.ana, team.ben) == 0
    with pytest.raises(InvalidInputError, match="already"):
        project.run(AcceptAgreements(team.ana, team.ben))
    for disagreement in find_disagreements(project, "AR", "BC"):
        project.run(Adjudicate(disagreement, "both"))
    assert adjudication_progress(project, "AR", "BC") == (5, 5)
    assert len(consensus_segments(project)) == 3 + 5
    for _ in range(6):
        project.undo()
    assert snapshot(project) == before


def test_refusals(team: Team) -> None:
    disagreement = by_span(team, team.one, team.union, 50)
    with pytest.raises(InvalidInputError, match="unknown decision"):
        Adjudicate(disagreement, "maybe")
    with pytest.raises(InvalidInputError, match="at least one span"):
        Adjudicate(disagreement, "edited")
    with pytest.raises(InvalidInputError, match="only with the decision 'edited'"):
        Adjudicate(disagreement, "a", [(1, 2)])
    before = snapshot(team.project)
    with pytest.raises(InvalidInputError, match="not a passage"):
        team.project.run(Adjudicate(disagreement, "edited", [(150, 900)]))
    with pytest.raises(InvalidInputError, match="two different coders"):
        team.project.run(AcceptAgreements(team.ana, team.ana))
    assert snapshot(team.project) == before
    team.project.run(Adjudicate(disagreement, "a"))
    consensus = consensus_coder(team.project)
    assert consensus is not None
    with pytest.raises(InvalidInputError, match="consensus is what adjudication writes"):
        team.project.run(AcceptAgreements(consensus.id, team.ben))


# -- the demo project ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qdb"
    build_demo(path)
    return path


def test_demo_disagreements_are_decided_and_undone(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.qdb"
    copy.write_bytes(demo_path.read_bytes())
    with Project.open(copy) as project:
        project.use_coder("Ana Ruiz")
        found = find_disagreements(project, "Ana Ruiz", "Ben Carter")
        kinds = {d.kind for d in found}
        assert kinds == {"only_a", "only_b", "boundaries"}
        assert any(d.coded_differently for d in found)
        positions = [(d.document_id, d.start) for d in found]
        order = {d.id: i for i, d in enumerate(project.documents())}
        assert positions == sorted(positions, key=lambda p: (order[p[0]], p[1]))
        total = len(found)
        before = snapshot(project)
        project.run(AcceptAgreements(found[0].coder_a, found[0].coder_b))
        boundaries = next(d for d in found if d.kind == "boundaries")
        project.run(Adjudicate(boundaries, "a", reason="Ana's span"))
        assert adjudication_progress(project, "AR", "BC") == (1, total)
        written = [
            s
            for s in project.segments(coder_ids=[consensus_coder(project).id])  # type: ignore[union-attr]
            if s.memo == "Ana's span"
        ]
        assert [(s.start, s.end) for s in written] == [(p.start, p.end) for p in boundaries.spans_a]
        project.undo()
        project.undo()
        assert snapshot(project) == before
