"""Real REFI-QDA exports (NVivo for Windows and Mac, ATLAS.ti, the standard's examples).

Expected counts are taken from each file's XML here, independently of the importer.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.workbench.qdpx.helpers import SAMPLES
from workbench import queries
from workbench.project import Project
from workbench.qdpx import ImportReport, import_qdpx

P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
NVIVO = ["oltas.qdpx", "oltas0517.qdpx", "OltasSzkepticizmus_17June.qdpx"]


def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"the REFI-QDA samples are absent ({SAMPLES}); see the shared corpora")
    return path


def qde_root(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.lower().endswith(".qde"))
        return ET.fromstring(archive.read(name))


def text_codings(root: ET.Element) -> list[tuple[ET.Element, ET.Element, ET.Element]]:
    """(source, selection, coding) of every coding of a text selection of a text source."""
    return [
        (source, selection, coding)
        for source in root.iter(P + "TextSource")
        for selection in source.findall(P + "PlainTextSelection")
        for coding in selection.findall(P + "Coding")
    ]


def imported(tmp_path: Path, path: Path) -> tuple[Project, ImportReport]:
    project = Project.create(tmp_path / "imported.qdb")
    project.use_coder("Importer")
    return project, import_qdpx(project, path)


@pytest.mark.parametrize("name", NVIVO)
def test_nvivo_counts_match_the_file(tmp_path: Path, name: str) -> None:
    path = sample(name)
    root = qde_root(path)
    users = {u.get("guid"): u.get("name") for u in root.iter(P + "User")}
    expected_per_user = Counter(users[c.get("creatingUser")] for _, _, c in text_codings(root))
    project, report = imported(tmp_path, path)
    with project:
        assert len(project.documents()) == len(list(root.iter(P + "TextSource")))
        assert len(project.codes()) == len(list(root.iter(P + "Code")))
        assert {u for u in users.values()} <= {c.name for c in project.coders()}
        coders = {c.id: c.name for c in project.coders()}
        segments = project.segments()
        assert len(segments) == len(text_codings(root))
        assert Counter(coders[s.coder_id] for s in segments) == expected_per_user
        assert set(users) <= {c.guid for c in project.coders()}
        coded_at = {c.get("guid"): c.get("creationDateTime") for _, _, c in text_codings(root)}
        assert all(
            s.created_at.strftime("%Y-%m-%dT%H:%M:%SZ") == coded_at[s.guid] for s in segments
        )
    assert report.imported["segments"] == len(text_codings(root))
    assert not report.skipped


def _meant_text(path: Path, source: ET.Element, selection: ET.Element) -> str:
    """What NVivo meant, computed here: UTF-16 units of the file it wrote, CR LF -> LF."""
    member = source.get("plainTextPath", "").split("://")[1]
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.lower().endswith(member.lower()))
        units = archive.read(name).decode("utf-8-sig").encode("utf-16-le")
    start, end = int(selection.get("startPosition", 0)), int(selection.get("endPosition", 0))
    return units[2 * start : 2 * end].decode("utf-16-le").replace("\r\n", "\n")


def _on_boundary(text: str, index: int) -> bool:
    if index in (0, len(text)):
        return True
    return not (text[index - 1].isalnum() and text[index].isalnum())


@pytest.mark.parametrize("name", NVIVO)
def test_nvivo_segments_hold_the_text_nvivo_meant(tmp_path: Path, name: str) -> None:
    path = sample(name)
    root = qde_root(path)
    meant = {c.get("guid"): _meant_text(path, s, sel) for s, sel, c in text_codings(root)}
    assert all(sel.get("name") == "" for _, sel, _ in text_codings(root)), "NVivo names no text"
    project, report = imported(tmp_path, path)
    with project:
        off_boundary = set()
        after_emoji = 0
        for segment in project.segments():
            text = project.text(segment.document_id)
            assert text[segment.start : segment.end] == meant[segment.guid]
            if not (_on_boundary(text, segment.start) and _on_boundary(text, segment.end)):
                off_boundary.add((segment.document_id, segment.start, segment.end))
            after_emoji += any(ord(ch) > 0xFFFF for ch in text[: segment.start])
    assert after_emoji > len(meant) / 2, "most passages come after an emoji"
    assert off_boundary == {
        (project.document_id(m.document), m.start, m.end) for m in report.misfits
    }
    assert len(off_boundary) <= 3
    assert all("UTF-16" in convention for convention in report.positions.values())


def test_windows_and_mac_exports_of_one_project_give_the_same_passages(tmp_path: Path) -> None:
    passages: list[Counter[tuple[str, str]]] = []
    misfits: list[list[str]] = []
    for index, name in enumerate(["oltas0517.qdpx", "OltasSzkepticizmus_17June.qdpx"]):
        folder = tmp_path / str(index)
        folder.mkdir()
        project, report = imported(folder, sample(name))
        with project:
            codes = {c.id: c.path for c in project.codes()}
            document = project.document_id("videos_10_selected")
            text = project.text(document)
            passages.append(
                Counter(
                    (codes[s.code_id], text[s.start : s.end])
                    for s in project.segments(document_ids=[document])
                )
            )
            misfits.append(sorted(text[m.start : m.end] for m in report.misfits))
    windows, mac = passages
    assert mac <= windows and sum(mac.values()) == 297
    assert misfits[0] == misfits[1], "the coder's own off-word selections, in both tools"
    assert len(misfits[0]) == 3


def test_atlas_ti_project_reports_what_it_cannot_hold(tmp_path: Path) -> None:
    path = sample("atlasti-spec-annexA2-TestProject.qdpx")
    root = qde_root(path)
    project, report = imported(tmp_path, path)
    memberships = 0
    first_set: dict[str, str] = {}
    with project:
        assert len(project.codes()) == len(list(root.iter(P + "Code"))) == 14
        assert {u.get("name") for u in root.iter(P + "User")} <= {c.name for c in project.coders()}
        assert project.documents() == []
        code_sets = [s for s in root.iter(P + "Set") if s.find(P + "MemberSource") is None]
        with project.read() as session:
            groups = {g.name for g in queries.code_groups(session)}
        assert groups == {s.get("name") for s in code_sets}
        for code_set in code_sets:
            for member in code_set.iter(P + "MemberCode"):
                first_set.setdefault(member.get("targetGUID", "").lower(), code_set.get("name", ""))
                memberships += 1
        assert {c.guid: c.group for c in project.codes() if c.group} == first_set
        source_sets = {s.get("name") for s in root.iter(P + "Set") if s.find(P + "MemberSource")}
        assert {f"Set: {n}" for n in source_sets} <= {a.name for a in project.attributes()}
        assert len(project.events(limit=1)) == 1
    codings = len(list(root.iter(P + "Coding")))
    accounted = sum(n for what, n in report.not_held.items() if what.startswith("codings"))
    assert accounted + report.imported["segments"] == codings == 16
    assert report.not_held["picture sources"] == 1
    assert report.not_held["PDF region selections"] == 4
    assert report.not_held["video selections"] == 2
    assert report.not_held["graphs"] == 1
    assert report.not_held["memberships of a code in a second code set"] == memberships - len(
        first_set
    )
    missing = [s for s in report.skipped if s.kind == "source"]
    assert len(missing) == 11 and all("no file" in s.reason for s in missing)
    assert report.imported["memos"] == len(list(root.iter(P + "Note")))


@pytest.mark.parametrize("name", ["REFI-QDA-1.5_AnnexA1_codebook.qdc", "atlasti_23.4_codebook.qdc"])
def test_codebook_samples(tmp_path: Path, name: str) -> None:
    path = sample(name)
    root = ET.parse(path).getroot()
    codes = list(root.iter(C + "Code"))
    project, report = imported(tmp_path, path)
    with project:
        imported_codes = {c.name: c for c in project.codes()}
        assert len(imported_codes) == len(codes)
        for element in codes:
            code = imported_codes[element.get("name", "")]
            assert code.codable == (element.get("isCodable") == "true")
            description = element.findtext(C + "Description") or ""
            assert code.definition == description.strip()
            if element.get("color"):
                assert code.colour == element.get("color", "").lower()
        for code_set in root.iter(C + "Set"):
            members = {
                m.get("guid", "").strip("{}").lower() for m in code_set.iter(C + "MemberCode")
            }
            in_group = {c.guid for c in project.codes() if c.group == code_set.get("name")}
            assert in_group == members
    assert report.imported["codes"] == len(codes)
