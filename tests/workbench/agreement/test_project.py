"""Agreement on a project's codings, checked against per-character arrays built in the test."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterator
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from workbench.agreement import compute_agreement, unitized_alpha
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode, CreateCodeGroup
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.segments import AddSegments, NewSegment
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project

TEXTS = {"one": 100, "two": 60, "three": 40}
CODERS = {"AR": "Ana Ruiz", "BC": "Ben Carter", "CD": "Carla Díaz"}

#: (document, code, coder, start, end)
CODINGS = [
    ("one", "Union", "AR", 10, 30),
    ("one", "Union", "AR", 25, 40),  # overlaps the one before: counts once
    ("one", "Union", "BC", 11, 40),
    ("one", "Union", "CD", 10, 35),
    ("one", "Wages", "AR", 50, 70),
    ("one", "Wages", "BC", 60, 80),
    ("one", "Barrier", "BC", 0, 5),
    ("two", "Union", "AR", 0, 20),
    ("two", "Union", "BC", 0, 20),
    ("two", "Union", "CD", 5, 20),
    ("two", "Wages", "CD", 30, 50),
    ("two", "Barrier", "AR", 40, 60),
    ("two", "Barrier", "BC", 41, 60),
    ("two", "Child", "AR", 1, 3),
    ("three", "Union", "AR", 0, 40),
]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "agreement.qdb") as made:
        made.use_coder("Lead")
        for initials, name in CODERS.items():
            made.run(AddCoder(name, initials=initials))
        documents = ImportDocuments(
            [
                NewDocument(
                    name=name,
                    text="x" * length,
                    source_format="txt",
                    sha256=hashlib.sha256(name.encode()).hexdigest(),
                )
                for name, length in TEXTS.items()
            ]
        )
        made.run(documents)
        outcomes, themes = CreateCodeGroup("Outcomes"), CreateCodeGroup("Themes")
        made.run(outcomes)
        made.run(themes)
        codes: dict[str, int] = {}
        for name, label, group in (
            ("Union", "1a", outcomes.group_id),
            ("Wages", "1b", outcomes.group_id),
            ("Barrier", "B", themes.group_id),
            ("Unused", "U", None),
        ):
            command = CreateCode(CodeSpec(name, label=label, group_id=group))
            made.run(command)
            assert command.code_id is not None
            codes[name] = command.code_id
        folder = CreateCode(CodeSpec("Folder", codable=False))
        made.run(folder)
        child = CreateCode(CodeSpec("Child", parent_id=folder.code_id))
        made.run(child)
        assert child.code_id is not None
        codes["Child"] = child.code_id
        ids = dict(zip(TEXTS, documents.document_ids, strict=True))
        coders = {c.initials: c.id for c in made.coders()}
        made.run(
            AddSegments(
                [
                    NewSegment(ids[d], codes[c], s, e, coder_id=coders[who])
                    for d, c, who, s, e in CODINGS
                ]
            )
        )
        yield made


def coded(document: str, code: str, coder: str) -> np.ndarray:
    """One coder's coding of one code in one document, character by character."""
    marks = np.zeros(TEXTS[document], dtype=bool)
    for d, c, who, start, end in CODINGS:
        if (d, c, who) == (document, code, coder):
            marks[start:end] = True
    return marks


def sklearn_kappa(a: np.ndarray, b: np.ndarray) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score(a.astype(int), b.astype(int), labels=[0, 1]))
    return None if np.isnan(value) else value


def test_character_tables_and_kappas_match_per_character_arrays(project: Project) -> None:
    result = compute_agreement(project, ["Ana Ruiz", "Ben Carter"], codes=["Union", "Wages"])
    assert [d.name for d in result.documents] == ["one", "two"]  # "three": Ben did not code it
    for entry in result.codes:
        name = entry.path
        a = np.concatenate([coded(d, name, "AR") for d in ("one", "two")])
        b = np.concatenate([coded(d, name, "BC") for d in ("one", "two")])
        assert entry.counts["both"] == np.sum(a & b)
        assert entry.counts["only_a"] == np.sum(a & ~b)
        assert entry.counts["only_b"] == np.sum(~a & b)
        assert entry.counts["neither"] == np.sum(~a & ~b)
        assert entry.values["kappa"] == pytest.approx(sklearn_kappa(a, b))
        assert entry.values["percent_agreement"] == pytest.approx(100 * np.mean(a == b))
        per_document = {
            d: sklearn_kappa(coded(d, name, "AR"), coded(d, name, "BC")) for d in ("one", "two")
        }
        known = {d: k for d, k in per_document.items() if k is not None}
        assert entry.values["kappa_mean"] == pytest.approx(np.mean(list(known.values())))
        assert entry.values["kappa_weighted"] == pytest.approx(
            np.average(list(known.values()), weights=[TEXTS[d] for d in known])
        )
        assert [row["kappa"] for row in entry.by_document] == [
            pytest.approx(per_document[d]) if per_document[d] is not None else None
            for d in ("one", "two")
        ]


def test_codes_no_one_applied_are_undefined_and_named_in_the_method(project: Project) -> None:
    result = compute_agreement(project, ["AR", "BC"])
    unused = result.code("U")
    assert unused.values["kappa"] is None
    assert unused.undefined["kappa"] == "neither coder applied this code"
    assert result.method == (
        "Agreement was computed at the character level with Cohen's kappa per code, pooled "
        "over 2 documents coded by Ana Ruiz and Ben Carter; kappa is undefined for 1 code "
        "that neither coder applied."
    )
    child = result.code("Folder/Child")
    assert child.values["kappa"] == pytest.approx(0.0)  # Ana coded it, Ben never: no agreement


def test_aggregate_names_the_method_and_the_overall_figure(project: Project) -> None:
    pooled = compute_agreement(project, ["AR", "BC"], codes=["Outcomes"])
    mean = compute_agreement(project, ["AR", "BC"], codes=["Outcomes"], aggregate="mean")
    assert "averaged (unweighted mean of per-document values) over 2" in mean.method
    known = [c.values["kappa_mean"] for c in mean.codes if c.values["kappa_mean"] is not None]
    assert mean.overall["mean_kappa"] == pytest.approx(np.mean(known))
    assert pooled.overall["kappa"] == mean.overall["kappa"]  # the pooled table is the same


def test_codes_by_group_label_path_id_and_folder(project: Project) -> None:
    def paths(codes: list[str | int]) -> list[str]:
        return [c.path for c in compute_agreement(project, ["AR", "BC"], codes=codes).codes]

    assert paths(["Outcomes"]) == ["Union", "Wages"]
    assert paths(["1b", "Barrier"]) == ["Wages", "Barrier"]
    assert paths(["Folder"]) == ["Folder/Child"]
    union_id = next(c.id for c in project.codes() if c.name == "Union")
    assert paths([union_id]) == ["Union"]
    with pytest.raises(NotFoundError, match="Outcomes, Themes"):
        compute_agreement(project, ["AR", "BC"], codes=["Nothing"])


def test_coders_are_checked_with_a_message_that_names_the_project_coders(
    project: Project,
) -> None:
    with pytest.raises(NotFoundError, match=r"Ana Ruiz \(AR\), Ben Carter \(BC\)"):
        compute_agreement(project, ["Ana Ruiz", "Zoe"])
    with pytest.raises(InvalidInputError, match="at least two coders"):
        compute_agreement(project, ["Ana Ruiz"])
    with pytest.raises(InvalidInputError, match="named twice"):
        compute_agreement(project, ["Ana Ruiz", "AR"])
    with pytest.raises(InvalidInputError, match="unknown unit"):
        compute_agreement(project, ["AR", "BC"], unit="paragraph")


def test_documents_can_be_chosen_by_name(project: Project) -> None:
    result = compute_agreement(project, ["AR", "BC"], documents=["three"], codes=["Union"])
    assert [d.name for d in result.documents] == ["three"]
    assert result.codes[0].counts == {
        "both": 0,
        "only_a": 40,
        "only_b": 0,
        "neither": 0,
        "documents_with_kappa": 1,
    }
    assert result.codes[0].values["kappa"] == pytest.approx(0.0)


def test_segment_matching_uses_the_overlap_of_the_union(project: Project) -> None:
    # Union: Ana [10,40) (two segments merged) vs Ben [11,40): overlap 29 of 30 = 96.7%;
    # in "two" both [0,20). Barrier: Ana [40,60) vs Ben [41,60): 19 of 20 = 95%.
    strict = compute_agreement(project, ["AR", "BC"], unit="segment", min_overlap=96)
    union = strict.code("1a")
    assert (union.counts["agreements"], union.counts["only_a"], union.counts["only_b"]) == (4, 0, 0)
    barrier = strict.code("B")
    # Ben's [0,5) in "one" has no partner; the 95% pair falls short of 96%.
    assert (barrier.counts["agreements"], barrier.counts["only_a"], barrier.counts["only_b"]) == (
        0,
        1,
        2,
    )
    loose = compute_agreement(project, ["AR", "BC"], unit="segment", min_overlap=90)
    barrier = loose.code("B")
    assert (barrier.counts["agreements"], barrier.counts["only_a"], barrier.counts["only_b"]) == (
        2,
        0,
        1,
    )
    q = len(loose.codes)  # chance agreement 1/q, q the codes compared
    p = 2 / 3
    assert barrier.values["percent_agreement"] == pytest.approx(100 * p)
    assert barrier.values["brennan_prediger"] == pytest.approx((p - 1 / q) / (1 - 1 / q))
    assert "90%" in loose.method and f"1/{q}" in loose.method
    with pytest.raises(InvalidInputError, match="two coders"):
        compute_agreement(project, ["AR", "BC", "CD"], unit="segment")


def test_document_presence_matches_scikit_learn(project: Project) -> None:
    result = compute_agreement(
        project, ["AR", "BC"], unit="document", documents=["one", "two", "three"]
    )
    for entry in result.codes:
        a = np.array([coded(d, entry.path.split("/")[-1], "AR").any() for d in TEXTS], int)
        b = np.array([coded(d, entry.path.split("/")[-1], "BC").any() for d in TEXTS], int)
        assert entry.counts["both"] == np.sum(a & b)
        assert entry.values["kappa"] == (
            None if sklearn_kappa(a, b) is None else pytest.approx(sklearn_kappa(a, b))
        )


def test_unitized_per_code_is_u_alpha_of_the_documents_end_to_end(project: Project) -> None:
    result = compute_agreement(project, ["AR", "BC"], unit="unitized")
    offsets = {"one": 0, "two": 100}
    for name in ("Union", "Wages", "Barrier"):
        units = {
            who: [
                (offsets[d] + s, offsets[d] + e, name)
                for d, c, w, s, e in CODINGS
                if c == name and w == who and d in offsets
            ]
            for who in ("AR", "BC")
        }
        assert result.code(name).values["u_alpha"] == pytest.approx(unitized_alpha(160, units))
    outcomes = next(g for g in result.groups if g.group == "Outcomes")
    units = {
        who: [
            (offsets[d] + s, offsets[d] + e, c)
            for d, c, w, s, e in CODINGS
            if c in ("Union", "Wages") and w == who and d in offsets
        ]
        for who in ("AR", "BC")
    }
    for key, kind in (("binary_u_alpha", "binary"), ("u_alpha", "u"), ("cu_alpha", "cu")):
        assert outcomes.values[key] == pytest.approx(unitized_alpha(160, units, kind))


def test_overlapping_codes_of_a_group_make_u_alpha_undefined(project: Project) -> None:
    project.run(
        AddSegments(
            [
                NewSegment(
                    project.document_id("one"),
                    project.code_id("Wages"),
                    20,
                    30,
                    coder_id=next(c.id for c in project.coders() if c.initials == "AR"),
                )
            ]
        )
    )
    result = compute_agreement(project, ["AR", "BC"], unit="unitized", codes=["Outcomes"])
    outcomes = result.groups[0]
    assert outcomes.values["u_alpha"] is None and outcomes.values["cu_alpha"] is None
    assert "mutually exclusive" in outcomes.undefined["cu_alpha"]
    assert "Ana Ruiz" in outcomes.undefined["cu_alpha"]
    assert outcomes.values["binary_u_alpha"] is not None


def test_three_coders_fleiss_alpha_and_pairwise_kappas(project: Project) -> None:
    result = compute_agreement(project, ["AR", "BC", "CD"], codes=["Union"])
    assert [d.name for d in result.documents] == ["one", "two"]
    entry = result.codes[0]
    marks = np.array(
        [np.concatenate([coded(d, "Union", who) for d in ("one", "two")]) for who in CODERS]
    )
    expected_alpha = krippendorff.alpha(
        reliability_data=marks.astype(int), level_of_measurement="nominal"
    )
    assert entry.values["alpha"] == pytest.approx(float(expected_alpha))
    yes = marks.sum(axis=0)
    shares = np.array([np.mean(3 - yes), np.mean(yes)]) / 3
    observed = np.mean((yes * (yes - 1) + (3 - yes) * (2 - yes)) / 6)
    chance = np.sum(shares**2)
    assert entry.values["fleiss_kappa"] == pytest.approx((observed - chance) / (1 - chance))
    assert entry.counts["coded_by"] == [int(np.sum(yes == k)) for k in range(4)]
    kappas = {(p["a"], p["b"]): p["kappa"] for p in entry.pairwise}
    assert kappas[("Ana Ruiz", "Carla Díaz")] == pytest.approx(sklearn_kappa(marks[0], marks[2]))
    assert result.overall["pairwise_kappa"][1][2] == pytest.approx(
        sklearn_kappa(marks[1], marks[2])
    )
    assert "Fleiss' kappa and Krippendorff's alpha" in result.method
    assert "Ana Ruiz, Ben Carter and Carla Díaz" in result.method


def test_json_and_frame_hold_values_and_counts(project: Project) -> None:
    result = compute_agreement(project, ["AR", "BC"], codes=["Outcomes"])
    data = result.to_json()
    assert set(data) >= {"unit", "coders", "documents", "codes", "overall", "method"}
    assert data["documents"] == 2 and data["unit"] == "character"
    first = data["codes"][0]
    assert {"code", "kappa", "percent_agreement", "both", "only_a", "only_b", "neither"} <= set(
        first
    )
    frame = result.to_frame()
    assert list(frame["code"]) == ["Union", "Wages"]
    assert frame.loc[result.codes[0].code_id, "both"] == result.codes[0].counts["both"]
