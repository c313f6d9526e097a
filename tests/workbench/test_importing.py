"""Importing folders of transcripts into a project."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.factories import CORPORA, new_project
from workbench.errors import InvalidInputError
from workbench.importing import import_files
from workbench.newproject import create_project
from workbench.queries import speaker_turns

SPANISH = (
    "ENTREVISTADORA: ¿Qué cambió en su comunidad?\n"
    "TRABAJADORA: Los niños ya no trabajan en la zafra; acción sindical.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    source = tmp_path / "transcripts"
    source.mkdir()
    (source / "utf8.txt").write_text(SPANISH, encoding="utf-8")
    (source / "windows.txt").write_bytes(SPANISH.replace("\n", "\r\n").encode("cp1252"))
    document = docx.Document()
    document.add_paragraph("P: ¿Cómo se eligió al sindicato?")
    document.add_paragraph("R: Votamos todos, por primera vez en secreto.")
    document.save(str(source / "word.docx"))
    (source / "broken.docx").write_bytes(b"this is not a zip file")
    (source / "notes.xyz").write_text("ignored in a folder", encoding="utf-8")
    return source


def test_folder_import_reads_each_format_and_reports_the_broken_file(
    tmp_path: Path, folder: Path
) -> None:
    with new_project(tmp_path) as project:
        report = import_files(project, [folder])
        names = sorted(path.name for path, _ in report.imported)
        # windows.txt has the same text but other bytes: a different file, not a duplicate
        assert names == ["utf8.txt", "windows.txt", "word.docx"]
        assert [p.path.name for p in report.problems] == ["broken.docx"]
        assert (
            "docx" in report.problems[0].reason.lower()
            or "zip" in report.problems[0].reason.lower()
        )
        documents = {d.name: d for d in project.documents()}
        assert "utf8" in documents and "word" in documents
        assert project.text(documents["utf8"].id) == SPANISH.rstrip()
        assert project.text(documents["windows"].id) == SPANISH.rstrip()
        assert documents["word"].source_format == "docx"


def test_cp1252_file_comes_in_with_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "entrevista.txt"
    path.write_bytes(SPANISH.replace("\n", "\r\n").encode("cp1252"))
    with new_project(tmp_path) as project:
        report = import_files(project, [path])
        (document_id,) = [ident for _, ident in report.imported]
        text = project.text(document_id)
        assert "¿Qué cambió" in text and "acción" in text
        assert "\r" not in text


def test_same_file_twice_is_reported_not_duplicated(tmp_path: Path, folder: Path) -> None:
    with new_project(tmp_path) as project:
        import_files(project, [folder / "utf8.txt"])
        again = import_files(project, [folder / "utf8.txt", folder / "word.docx"])
        assert [p.name for p, _ in again.duplicates] == ["utf8.txt"]
        assert [p.name for p, _ in again.imported] == ["word.docx"]
        assert len(project.documents()) == 2


def test_import_is_one_undoable_step(tmp_path: Path, folder: Path) -> None:
    with new_project(tmp_path) as project:
        import_files(project, [folder])
        assert len(project.documents()) == 3
        project.undo()
        assert project.documents() == []


def test_speaker_turns_are_stored(tmp_path: Path, folder: Path) -> None:
    with new_project(tmp_path) as project:
        report = import_files(project, [folder / "utf8.txt"])
        document_id = report.imported[0][1]
        with project.read() as session:
            turns = speaker_turns(session, document_id)
        text = project.text(document_id)
        assert [t.speaker for t in turns] == ["ENTREVISTADORA", "TRABAJADORA"]
        assert text[turns[1].start : turns[1].end].startswith("Los niños")


def test_cancel_stores_nothing(tmp_path: Path, folder: Path) -> None:
    with new_project(tmp_path) as project:
        report = import_files(project, [folder], progress=lambda done, total, name: done < 1)
        assert report.cancelled
        assert project.documents() == []


def test_progress_is_reported_for_every_file(tmp_path: Path, folder: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, name: str) -> bool:
        seen.append((done, total))
        return True

    with new_project(tmp_path) as project:
        import_files(project, [folder], progress=progress)
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)


def test_attributes_are_checked_against_the_template(tmp_path: Path, folder: Path) -> None:
    with create_project(
        tmp_path / "p.qdb", template="usmca-evaluation", language="en", coder="Ana"
    ) as project:
        report = import_files(
            project,
            [folder / "utf8.txt"],
            attributes={"state": "veracruz", "Source type": "MSC focus group discussion"},
        )
        document = project.documents()[0]
        assert report.imported
        assert document.attributes["State"] == "Veracruz"
        assert document.attributes["Source type"] == "MSC focus group discussion"
        with pytest.raises(InvalidInputError, match="not one of the choices"):
            import_files(project, [folder / "word.docx"], attributes={"State": "Atlantis"})
        assert len(project.documents()) == 1


def test_new_attribute_names_become_text_attributes(tmp_path: Path, folder: Path) -> None:
    with new_project(tmp_path) as project:
        import_files(project, [folder / "utf8.txt"], attributes={"Interviewer": "Ana"})
        assert project.documents()[0].attributes == {"Interviewer": "Ana"}


def test_whole_spanish_press_corpus_imports_with_turns(tmp_path: Path) -> None:
    corpus = CORPORA / "es-labor-press-conferences"
    if not corpus.is_dir():
        pytest.skip("corpus folder ../shared/corpora/es-labor-press-conferences not present")
    with new_project(tmp_path) as project:
        report = import_files(project, [corpus])
        assert len(report.imported) == 8 and not report.problems
        for path, document_id in report.imported:
            with project.read() as session:
                turns = speaker_turns(session, document_id)
            # every "---" line of the stenographic format opens one speaker's turn
            separators = path.read_text(encoding="utf-8").count("\n---\n")
            assert len(turns) >= max(5, separators - 1)
            text = project.text(document_id)
            assert all(text[t.start : t.end].strip() == text[t.start : t.end] for t in turns)
        assert all(d.language == "es" for d in project.documents())
