"""Malformed and hostile files are refused with a clear message, and nothing is written."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import add_code, add_document, new_project
from tests.workbench.qdpx.helpers import Sel, Src, make_qdpx, project_xml, table_counts
from workbench.project import Project
from workbench.qdpx import QdpxError, import_qdpx
from workbench.qdpx import importer as importer_module

TEXT = "Hello world, this is a transcript.\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A project with some work in it already."""
    with new_project(tmp_path) as project:
        document = add_document(project, "existing", "Some existing text.")
        add_code(project, "Existing code")
        assert document
        yield project


def refused(project: Project, path: Path, message: str) -> None:
    before = table_counts(project)
    with pytest.raises(QdpxError, match=message):
        import_qdpx(project, path)
    assert table_counts(project) == before


def good_source() -> tuple[str, dict[str, bytes]]:
    source = Src("doc", "a.txt", [Sel(0, 5, "Hello")])
    return project_xml("Tool", [source]), {"a.txt": TEXT.encode()}


def test_a_file_that_is_not_a_zip(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "notes.qdpx"
    path.write_text("just some text", encoding="utf-8")
    refused(project, path, "not a zip file")


def test_a_missing_file(project: Project, tmp_path: Path) -> None:
    refused(project, tmp_path / "nowhere.qdpx", "does not exist")


def test_an_archive_without_a_qde(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sources/a.txt", TEXT)
    refused(project, path, "holds no project.qde")


def test_two_qde_files(project: Project, tmp_path: Path) -> None:
    qde, files = good_source()
    path = make_qdpx(tmp_path / "two.qdpx", qde, files)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("Other.qde", qde)
    refused(project, path, "several .qde files")


def test_xml_that_is_not_well_formed(project: Project, tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "broken.qdpx", "<Project xmlns='urn:QDA-XML:project:1.0'><Users>")
    refused(project, path, "not well-formed XML")


def test_xml_that_breaks_the_schema(project: Project, tmp_path: Path) -> None:
    qde, files = good_source()
    bad = qde.replace('name="Test" ', "").replace("<Users>", "<Users><Stranger/>")
    path = make_qdpx(tmp_path / "invalid.qdpx", bad, files)
    refused(project, path, r"does not follow the REFI-QDA schema Project.xsd: .*'name'")


def test_xml_of_another_kind(project: Project, tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "other.qdpx", "<html><body>hi</body></html>")
    refused(project, path, "not a REFI-QDA Project document")


def test_entity_expansion(project: Project, tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    qde = (
        '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY l0 "lol">' + laughs + "]>"
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&l9;"/>'
    )
    refused(project, make_qdpx(tmp_path / "laughs.qdpx", qde), "entity-expansion attack")


def test_external_entity(project: Project, tmp_path: Path) -> None:
    qde = (
        '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
    )
    refused(project, make_qdpx(tmp_path / "external.qdpx", qde), "declares a document type")


@pytest.mark.parametrize(
    "member", ["../x.txt", "sources/../../x.txt", "/etc/x.txt", "C:/x.txt", "sources\\..\\..\\x"]
)
def test_member_paths_that_escape(project: Project, tmp_path: Path, member: str) -> None:
    qde, files = good_source()
    path = make_qdpx(tmp_path / "escape.qdpx", qde, files)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(zipfile.ZipInfo(member), b"evil")
    refused(project, path, "escapes the archive's folder")


def test_a_source_path_that_escapes(project: Project, tmp_path: Path) -> None:
    qde, files = good_source()
    qde = qde.replace("internal://a.txt", "internal://../../etc/passwd")
    path = make_qdpx(tmp_path / "xmlpath.qdpx", qde, files)
    refused(project, path, "points outside the archive's sources folder")


def test_a_zip_bomb(project: Project, tmp_path: Path) -> None:
    qde, files = good_source()
    path = make_qdpx(tmp_path / "bomb.qdpx", qde, files)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sources/bomb.txt", b"\0" * (64 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    refused(project, path, "zip bomb")


def test_too_many_bytes_unpacked(project: Project, tmp_path: Path) -> None:
    from workbench.qdpx import Limits

    qde, files = good_source()
    files["big.txt"] = random.Random(7).randbytes(1_200_000)
    path = make_qdpx(tmp_path / "big.qdpx", qde, files)
    before = table_counts(project)
    with pytest.raises(QdpxError, match="more than the 1,000,000 allowed"):
        import_qdpx(project, path, limits=Limits(max_total_bytes=1_000_000))
    assert table_counts(project) == before


def test_a_failure_half_way_writes_nothing(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qde, files = good_source()
    path = make_qdpx(tmp_path / "fine.qdpx", qde, files)

    def broken(state: object) -> None:
        raise QdpxError("the disk went away")

    monkeypatch.setattr(importer_module, "build_memos", broken)
    refused(project, path, "the disk went away")
    assert [d.name for d in project.documents()] == ["existing"]
