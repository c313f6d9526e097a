"""Export details: atomic writing, characters XML cannot carry, an empty codebook."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.factories import add_code, add_document, code_passage, new_project
from workbench.commands.memos import AddMemo
from workbench.qdpx import QdpxError, export_qdc, export_qdpx, import_qdpx


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.qdpx"
    target.write_bytes(b"the previous export")
    with new_project(tmp_path) as project:
        add_document(project, "one", "Some text here.")

        def broken(*args: object, **kwargs: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(zipfile.ZipFile, "writestr", broken)
        with pytest.raises(OSError, match="disk full"):
            export_qdpx(project, target)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_control_characters_are_replaced_and_counted(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        document = add_document(project, "page breaks", "Page one.\x0cPage two.\n")
        code = add_code(project, "Pages", definition="A\x0bB")
        code_passage(project, document, code, "Page two")
        project.run(AddMemo("document", document, "Form\x0cfeed"))
        report = export_qdpx(project, tmp_path / "out.qdpx")
    assert report.not_exported["control characters replaced in names, memos and descriptions"] == 2
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        texts = [archive.read(n) for n in archive.namelist() if n.startswith("sources/")]
    assert texts == [b"Page one.\x0cPage two.\n"]
    with new_project(tmp_path, "back.qdb") as back:
        import_qdpx(back, tmp_path / "out.qdpx")
        segment = back.segments()[0]
        assert back.text(segment.document_id)[segment.start : segment.end] == "Page two"


def test_an_empty_codebook_is_not_written(tmp_path: Path) -> None:
    with new_project(tmp_path) as project, pytest.raises(QdpxError, match="codebook is empty"):
        export_qdc(project, tmp_path / "book.qdc")
    assert not (tmp_path / "book.qdc").exists()


def test_an_export_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with new_project(tmp_path) as project, pytest.raises(QdpxError, match="does not exist"):
        export_qdpx(project, tmp_path / "nowhere" / "out.qdpx")
