"""Code-by-attribute and code-by-coder matrices on a project with known counts."""

from __future__ import annotations

import pytest

from tests.workbench.analysis.conftest import Known
from workbench.analysis.corpus import load_corpus
from workbench.analysis.filters import Filters
from workbench.analysis.matrices import code_by_attribute, code_by_coder
from workbench.analysis.quotes import cell_quotes
from workbench.commands.coders import AddCoder
from workbench.commands.segments import AddSegment
from workbench.errors import NotFoundError

OUTCOMES = Filters(groups=("outcomes",))


def cells(known: Known, measure: str, filters: Filters = OUTCOMES) -> dict[str, dict[str, float]]:
    matrix = code_by_attribute(known.project, "ilab_project", filters, measure=measure)
    labels = {v: k for k, v in known.codes.items()}
    return {labels[row]: dict(matrix.values.loc[row].items()) for row in matrix.values.index}


def test_multi_valued_project_attribute_is_split_and_unset_documents_get_a_column(
    known: Known,
) -> None:
    matrix = code_by_attribute(known.project, "ilab_project", OUTCOMES, measure="segments")
    assert list(matrix.values.columns) == ["ENLACE", "SC2", "(not set)"]
    assert list(matrix.values.index) == [known.codes["1a"], known.codes["1b"]]
    assert cells(known, "segments") == {
        "1a": {"ENLACE": 2, "SC2": 3, "(not set)": 0},
        "1b": {"ENLACE": 1, "SC2": 1, "(not set)": 1},
    }


def test_documents_share_and_characters(known: Known) -> None:
    assert cells(known, "documents") == {
        "1a": {"ENLACE": 1, "SC2": 2, "(not set)": 0},
        "1b": {"ENLACE": 1, "SC2": 1, "(not set)": 1},
    }
    # ENLACE: D1 and D4; SC2: D1 and D2; not set: D3.
    assert cells(known, "share") == {
        "1a": {"ENLACE": 0.5, "SC2": 1.0, "(not set)": 0.0},
        "1b": {"ENLACE": 0.5, "SC2": 0.5, "(not set)": 1.0},
    }
    # Ana's and Ben's overlapping 1a passages in D1 count once (36), D2 adds 18.
    assert cells(known, "characters")["1a"] == {"ENLACE": 36, "SC2": 54, "(not set)": 0}


def test_coder_and_attribute_filters(known: Known) -> None:
    ana = Filters(coders=("AR",), groups=("outcomes",))
    assert cells(known, "segments", ana)["1a"] == {"ENLACE": 1, "SC2": 2, "(not set)": 0}
    oaxaca = Filters(attributes=(("state", ("oaxaca",)),), groups=("Outcomes",))
    matrix = code_by_attribute(known.project, "ilab_project", oaxaca, measure="segments")
    # D2 and D4 only: D4 is uncoded, D2 has one 1a segment under SC2.
    assert matrix.values.loc[known.codes["1a"]].to_dict() == {"ENLACE": 0, "SC2": 1}
    assert "State: oaxaca" in matrix.description.methods("en")
    assert "Estado: oaxaca" in matrix.description.methods("es")


def test_consensus_filter_needs_a_consensus_coder(known: Known) -> None:
    with pytest.raises(NotFoundError, match="Consensus"):
        code_by_attribute(known.project, "state", Filters(coders=("consensus",)))
    consensus = AddCoder("Consensus")
    known.project.run(consensus)
    known.project.coder_id = consensus.coder_id
    known.project.run(AddSegment(known.documents["D2"], known.codes["1a"], 19, 37))
    matrix = code_by_attribute(
        known.project, "state", Filters(coders=("consensus",), groups=("outcomes",))
    )
    assert matrix.values.loc[known.codes["1a"]].to_dict() == {"Oaxaca": 1, "Veracruz": 0}
    assert "Consensus" in matrix.description.methods("en")


def test_unknown_names_list_the_choices(known: Known) -> None:
    with pytest.raises(NotFoundError, match="Ana Ruiz"):
        code_by_attribute(known.project, "state", Filters(coders=("Zoe",)))
    with pytest.raises(NotFoundError, match="source_type"):
        code_by_attribute(known.project, "district")
    with pytest.raises(NotFoundError, match="outcomes"):
        code_by_attribute(known.project, "state", Filters(groups=("lessons",)))


def test_code_by_coder_counts_segments_and_characters(known: Known) -> None:
    matrix = code_by_coder(known.project, OUTCOMES)
    ana, ben = known.coders["Ana Ruiz"], known.coders["Ben Carter"]
    row = matrix.values.loc[known.codes["1a"]]
    assert row[(ana, "segments")] == 2 and row[(ben, "segments")] == 1
    assert row[(ana, "characters")] == len("Formamos un sindicato") + len("Ya no van al corte")
    assert matrix.column_labels[(ben, "characters")] == "Ben Carter (characters)"
    only = code_by_coder(known.project, OUTCOMES, measure="segments", language="es")
    assert only.values.loc[known.codes["1b"]].to_dict() == {ana: 1, ben: 1}
    assert [q.coder for q in cell_quotes(known.project, only, known.codes["1b"], ben)] == [
        "Ben Carter"
    ]


def test_drilling_into_a_cell_gives_its_quotes_in_document_order(known: Known) -> None:
    corpus = load_corpus(known.project)
    matrix = code_by_attribute(corpus, "ilab_project", OUTCOMES, measure="segments")
    found = cell_quotes(corpus, matrix, known.codes["1a"], "SC2")
    assert [(q.document, q.text, q.coder, q.paragraph) for q in found] == [
        ("D1", "Formamos un sindicato", "Ana Ruiz", 2),
        ("D1", "Formamos un sindicato independiente.", "Ben Carter", 2),
        ("D2", "Ya no van al corte", "Ana Ruiz", 2),
    ]
    assert all(q.code == "1a Unions formed" for q in found)
    text = known.project.text(known.documents["D2"])
    assert text[found[2].start : found[2].end] == found[2].text
    assert len(found) == matrix.values.loc[known.codes["1a"], "SC2"]
