"""Co-occurrence, triangulation, presence and quotes per code, with known counts."""

from __future__ import annotations

import numpy as np
import pytest

from tests.workbench.analysis.conftest import Known
from workbench.analysis.cooccurrence import cooccurrence
from workbench.analysis.corpus import load_corpus
from workbench.analysis.evidence import presence, support_level, triangulation
from workbench.analysis.filters import Filters
from workbench.analysis.intervals import covered_length, overlapping
from workbench.analysis.quotes import cell_quotes, code_quotes
from workbench.analysis.specs import build_matrix, parse_spec
from workbench.errors import InvalidInputError, NotFoundError

OUTCOMES = Filters(groups=("outcomes",))


def table(known: Known, proximity: str, measure: str = "segments") -> dict[tuple[str, str], int]:
    matrix = cooccurrence(
        known.project, ["ILAB projects"], OUTCOMES, proximity=proximity, measure=measure
    )
    labels = {v: k for k, v in known.codes.items()}
    return {
        (labels[row], labels[column]): int(matrix.values.loc[row, column])
        for row in matrix.values.index
        for column in matrix.values.columns
    }


def test_overlap_paragraph_and_document_proximity_differ_as_expected(known: Known) -> None:
    assert table(known, "overlap") == {
        ("1a", "SC2"): 3,
        ("1a", "ENLACE"): 0,
        ("1b", "SC2"): 0,
        ("1b", "ENLACE"): 1,
    }
    # D3: "Nada cambió" (1b) and "El sindicato sigue igual" (SC2) share a line only.
    assert table(known, "paragraph")[("1b", "SC2")] == 1
    assert table(known, "paragraph")[("1a", "ENLACE")] == 0
    document = table(known, "document")
    assert document[("1a", "ENLACE")] == 2  # both 1a segments of D1, which has ENLACE
    assert document[("1b", "SC2")] == 2
    assert table(known, "document", "documents")[("1b", "SC2")] == 2


def test_cooccurrence_names_its_proximity_and_drills_into_row_segments(known: Known) -> None:
    matrix = cooccurrence(known.project, ["projects"], OUTCOMES, proximity="paragraph")
    assert "same paragraph" in matrix.description.caption("en")
    assert "mismo párrafo" in matrix.description.caption("es")
    found = cell_quotes(known.project, matrix, known.codes["1b"], known.codes["SC2"])
    assert [(q.document, q.text) for q in found] == [("D3", "Nada cambió")]
    with pytest.raises(InvalidInputError):
        cooccurrence(known.project, ["projects"], proximity="sentence")


def test_triangulation_counts_documents_per_source_type(known: Known) -> None:
    matrix = triangulation(known.project)
    row = matrix.values.loc[known.codes["1a"]]
    assert row["Interview"] == 1 and row["Focus group"] == 1
    assert row["source_types"] == 2 and row["triangulation"] == "two source types"
    spanish = triangulation(known.project, Filters(coders=("Ana Ruiz",)), language="es")
    assert spanish.values.loc[known.codes["1b"], "triangulation"] == "un tipo de fuente"
    assert support_level(5) == "three or more source types"
    assert support_level(0, "es") == "ninguna"


def test_presence_is_zero_or_one_for_every_document(known: Known) -> None:
    matrix = presence(known.project)
    d = known.documents
    c = known.codes
    assert matrix.values.shape == (4, 4)
    assert matrix.values.loc[d["D1"]].tolist() == [1, 1, 1, 1]
    assert matrix.values.loc[d["D2"], c["1a"]] == 1 and matrix.values.loc[d["D2"], c["1b"]] == 0
    assert matrix.values.loc[d["D4"]].sum() == 0
    assert set(np.unique(matrix.values.to_numpy())) == {0, 1}


def test_code_quotes_are_capped_and_in_document_order(known: Known) -> None:
    capped = code_quotes(known.project, OUTCOMES, limit=2)
    assert [q.document for q in capped[known.codes["1a"]]] == ["D1", "D1"]
    everything = code_quotes(known.project, OUTCOMES)
    assert [q.document for q in everything[known.codes["1a"]]] == ["D1", "D1", "D2"]
    assert [q.paragraph for q in everything[known.codes["1b"]]] == [3, 1]


def test_specs_pick_the_query_and_explain_mistakes(known: Known) -> None:
    corpus = load_corpus(known.project)
    assert build_matrix(corpus, "outcomes:state").kind == "code_attribute"
    assert build_matrix(corpus, "outcomes:coder").kind == "code_coder"
    assert build_matrix(corpus, "outcomes:projects:paragraph").kind == "cooccurrence"
    assert build_matrix(corpus, "outcomes:triangulation").kind == "triangulation"
    assert str(parse_spec(" outcomes : state : share ")) == "outcomes:state:share"
    with pytest.raises(InvalidInputError, match="ROWS:COLUMNS"):
        parse_spec("outcomes")
    with pytest.raises(NotFoundError, match="source_type"):
        build_matrix(corpus, "outcomes:district")
    with pytest.raises(InvalidInputError, match="overlap"):
        build_matrix(corpus, "outcomes:projects:share")


def test_interval_sweeps() -> None:
    groups = np.array([0, 0, 0, 1], dtype=np.int64)
    starts = np.array([0, 5, 20, 0], dtype=np.int64)
    ends = np.array([10, 12, 25, 3], dtype=np.int64)
    assert covered_length(groups, starts, ends) == {0: 17, 1: 3}
    hits = overlapping(
        np.array([0, 0, 1], dtype=np.int64),
        np.array([0, 12, 0], dtype=np.int64),
        np.array([5, 15, 9], dtype=np.int64),
        np.array([0, 1], dtype=np.int64),
        np.array([4, 9], dtype=np.int64),
        np.array([13, 12], dtype=np.int64),
    )
    # [12, 15) touches [4, 13); group 1's [0, 9) ends where [9, 12) starts.
    assert hits.tolist() == [True, True, False]
