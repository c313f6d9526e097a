"""The queries on the demo project agree with the project's own counts."""

from __future__ import annotations

from workbench.analysis.corpus import load_corpus
from workbench.analysis.evidence import outcome_table, presence
from workbench.analysis.filters import Filters
from workbench.analysis.quotes import cell_quotes
from workbench.analysis.specs import DEFAULT_MATRICES, build_matrix
from workbench.project import Project


def test_default_matrices_on_the_demo(demo: Project) -> None:
    corpus = load_corpus(demo)
    codes = {c.id: c for c in demo.codes()}
    for spec in DEFAULT_MATRICES:
        matrix = build_matrix(corpus, spec, language="es")
        assert len(matrix.values.index) > 0 and len(matrix.values.columns) > 0
        assert matrix.description.caption("es").startswith(("Resultados", "Prioridades"))
    by_source = build_matrix(corpus, "outcomes:source_type:segments")
    # Every document has one source type, so each row adds up to the code's segments.
    for code_id, total in by_source.values.sum(axis=1).items():
        assert total == codes[int(str(code_id))].segments
    by_project = build_matrix(corpus, "outcomes:ilab_project")
    assert "Cosecha Justa" in by_project.values.columns
    assert "Nacional" in build_matrix(corpus, "outcomes:state").values.columns


def test_demo_coder_matrix_and_drill_down(demo: Project) -> None:
    corpus = load_corpus(demo)
    matrix = build_matrix(corpus, "outcomes:coder:segments", Filters(coders=("BC",)))
    assert [corpus.coder_by_id[int(str(c))].name for c in matrix.values.columns] == ["Ben Carter"]
    one_a = demo.code_id("1a")
    found = cell_quotes(corpus, matrix, one_a, matrix.values.columns[0])
    assert len(found) == matrix.values.loc[one_a].iloc[0] > 0
    assert {q.coder for q in found} == {"Ben Carter"}
    texts = {q.document_id: demo.text(q.document_id) for q in found}
    assert all(texts[q.document_id][q.start : q.end] == q.text for q in found)


def test_demo_presence_and_outcome_table(demo: Project) -> None:
    codes = {c.id: c for c in demo.codes()}
    flags = presence(demo, Filters(groups=("usmca",)))
    assert flags.values.shape[0] == 12
    for code_id, documents in flags.values.sum(axis=0).items():
        assert documents == codes[int(str(code_id))].documents
    outcomes = outcome_table(demo, language="es")
    one_a = outcomes.values.loc[demo.code_id("1a")]
    assert one_a["period"] == "2022-2024" and one_a["location"]
    assert one_a["documents"] == codes[demo.code_id("1a")].documents
    assert outcomes.column_labels["statement"] == "Enunciado"
