"""Full-text search: case- and accent-insensitive, phrases, prefixes, coding the hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import CORPORA, add_code, add_document, new_project
from workbench.errors import InvalidInputError
from workbench.importing import import_files
from workbench.search import SearchIndex, fold, parse_query

TEXT = (
    "P: ¿Hubo TRABAJO INFANTIL en la zafra?\n"
    "R: Sí, mi hijo trabajó dos años. 😀 Ahora el trabajo infantil bajó.\n"
    "P: ¿Y el trabajador adulto?\n"
)


def test_fold_keeps_one_character_per_character() -> None:
    sample = "ÁÉÍÓÚ Ñandú trabajó İ ß 😀 ﬁ"
    folded = fold(sample)
    assert len(folded) == len(sample)
    assert folded.startswith("aeiou nandu trabajo")


def test_words_match_whatever_the_case_and_accents(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        document = add_document(project, "E1", TEXT)
        hits = SearchIndex(project).search("trabajo")
        assert [h.text for h in hits] == ["TRABAJO", "trabajó", "trabajo"]
        assert all(TEXT[h.start : h.end] == h.text for h in hits)
        assert all(h.document_id == document for h in hits)


def test_phrase_and_prefix(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        add_document(project, "E1", TEXT)
        index = SearchIndex(project)
        assert [h.text for h in index.search('"trabajo infantil"')] == [
            "TRABAJO INFANTIL",
            "trabajo infantil",
        ]
        assert [h.text for h in index.search("trabaj*")] == [
            "TRABAJO",
            "trabajó",
            "trabajo",
            "trabajador",
        ]


def test_match_all_keeps_documents_with_every_term(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        add_document(project, "E1", TEXT)
        add_document(project, "E2", "Solo habla del sindicato.")
        index = SearchIndex(project)
        assert {h.document for h in index.search("sindicato zafra")} == {"E1", "E2"}
        assert index.search("sindicato zafra", match="all") == []


def test_new_documents_are_searched_after_import(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        index = SearchIndex(project)
        assert index.search("zafra") == []
        add_document(project, "E1", TEXT)
        assert len(index.search("zafra")) == 1


def test_empty_or_unbalanced_queries_are_refused() -> None:
    with pytest.raises(InvalidInputError):
        parse_query("  ")
    with pytest.raises(InvalidInputError, match="quote"):
        parse_query('"trabajo infantil')


def test_code_all_hits_is_one_undoable_step(tmp_path: Path) -> None:
    from workbench.search import code_hits

    with new_project(tmp_path) as project:
        add_document(project, "E1", TEXT)
        code = add_code(project, "Child labour")
        hits = SearchIndex(project).search('"trabajo infantil"')
        command = code_hits(project, hits, code)
        assert command is not None
        assert [(s.start, s.end) for s in project.segments()] == [(h.start, h.end) for h in hits]
        assert all(s.origin == "auto-code" for s in project.segments())
        # coding the same hits again adds nothing
        assert code_hits(project, hits, code) is None
        project.undo()
        assert project.segments() == []


def test_code_hits_by_paragraph(tmp_path: Path) -> None:
    from workbench.search import code_hits

    with new_project(tmp_path) as project:
        document = add_document(project, "E1", TEXT)
        code = add_code(project, "Work")
        code_hits(project, SearchIndex(project).search("trabajo"), code, scope="paragraph")
        text = project.text(document)
        passages = [text[s.start : s.end] for s in project.segments()]
        assert passages == [TEXT.splitlines()[0], TEXT.splitlines()[1]]


def test_search_in_the_spanish_press_corpus(tmp_path: Path) -> None:
    corpus = CORPORA / "es-labor-press-conferences"
    if not corpus.is_dir():
        pytest.skip("corpus folder ../shared/corpora/es-labor-press-conferences not present")
    with new_project(tmp_path) as project:
        import_files(project, [corpus])
        index = SearchIndex(project)
        hits = index.search("sindicatos")
        assert len(hits) > 10
        assert all(fold(h.text) == "sindicatos" for h in hits)
        for hit in hits[:20]:
            assert project.text(hit.document_id)[hit.start : hit.end] == hit.text
        accents = index.search("reforma laboral", match="all")
        assert {fold(h.text) for h in accents} <= {"reforma", "laboral"}
