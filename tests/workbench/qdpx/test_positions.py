"""Position conventions per exporting tool, and what real files do that the standard does not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.workbench.qdpx.helpers import CODE, USER, Sel, Src, make_qdpx, project_xml
from workbench.project import Project
from workbench.qdpx import ImportReport, import_qdpx
from workbench.qdpx.positions import ATLAS_TI, NVIVO, STANDARD, PositionMap

RAW = (
    "Línea uno 😀 con emoji\r\n"
    "Segunda línea: el sindicato votó.\r\n"
    "👩🏽‍🌾 Tercera línea, la final.\r\n"
)
STORED = RAW.replace("\r\n", "\n")
PASSAGES = ["Segunda línea", "el sindicato votó", "Tercera línea, la final"]


def code_points_as_written(passage: str) -> tuple[int, int]:
    start = RAW.index(passage)
    return start, start + len(passage)


def one_per_line_break(passage: str) -> tuple[int, int]:
    start = STORED.index(passage)
    return start, start + len(passage)


def utf16_units(passage: str) -> tuple[int, int]:
    start = RAW.index(passage)
    units = len(RAW[:start].encode("utf-16-le")) // 2
    return units, units + len(passage.encode("utf-16-le")) // 2


def run_import(
    tmp_path: Path, qde: str, files: dict[str, bytes], **archive: str
) -> tuple[dict[str, str], ImportReport]:
    path = make_qdpx(tmp_path / "in.qdpx", qde, files, **archive)
    with Project.create(tmp_path / "p.qdb") as project:
        project.use_coder("Importer")
        report = import_qdpx(project, path)
        texts = {}
        for segment in project.segments():
            text = project.text(segment.document_id)
            texts[segment.guid] = text[segment.start : segment.end]
        return texts, report


@pytest.mark.parametrize(
    ("origin", "count", "described"),
    [
        ("ATLAS.ti 9.1.7 (Windows)", one_per_line_break, "a CR LF counted once"),
        ("NVivo 14 (Windows)", utf16_units, "UTF-16 code units"),
        ("MAXQDA 2022", code_points_as_written, "code points, CR and LF counted apart"),
    ],
)
def test_each_tool_is_read_its_own_way(
    tmp_path: Path, origin: str, count: Callable[[str], tuple[int, int]], described: str
) -> None:
    selections = [Sel(count(p)[0], count(p)[1], p) for p in PASSAGES]
    qde = project_xml(origin, [Src("Interview", "a.txt", selections)])
    texts, report = run_import(tmp_path, qde, {"a.txt": b"\xef\xbb\xbf" + RAW.encode()})
    assert sorted(texts.values()) == sorted(PASSAGES)
    assert described in report.positions["Interview"]
    assert "better" not in report.positions["Interview"]
    assert not report.misfits


def test_an_unknown_tool_is_read_the_way_its_selection_names_fit(tmp_path: Path) -> None:
    selections = [Sel(*one_per_line_break(p), name=p) for p in PASSAGES]
    qde = project_xml("Some Tool 1.0", [Src("Interview", "a.txt", selections)])
    texts, report = run_import(tmp_path, qde, {"a.txt": RAW.encode()})
    assert sorted(texts.values()) == sorted(PASSAGES)
    assert "a CR LF counted once" in report.positions["Interview"]
    assert "fits its selections better" in report.positions["Interview"]


def test_nameless_selections_are_placed_by_word_boundaries(tmp_path: Path) -> None:
    selections = [Sel(*utf16_units(p)) for p in PASSAGES]
    qde = project_xml("Unnamed exporter", [Src("Interview", "a.txt", selections)])
    texts, report = run_import(tmp_path, qde, {"a.txt": RAW.encode()})
    assert sorted(texts.values()) == sorted(PASSAGES)
    assert "UTF-16" in report.positions["Interview"]


def test_doubtful_and_impossible_selections_are_reported(tmp_path: Path) -> None:
    emoji = RAW.index("😀")
    units = len(RAW[:emoji].encode("utf-16-le")) // 2
    selections = [
        Sel(units + 1, units + 8),  # starts between the two halves of the emoji
        Sel(*utf16_units("sindicato votó")),
        Sel(3, 9),  # "ea uno": starts inside a word
        Sel(500, 510, "beyond the end"),
        Sel(7, 7, "empty"),
    ]
    qde = project_xml("NVivo 12", [Src("Interview", "a.txt", selections)])
    texts, report = run_import(tmp_path, qde, {"a.txt": RAW.encode()})
    assert len(texts) == 3
    problems = sorted(m.problem for m in report.misfits)
    assert problems == ["a position falls inside a character or line break", "starts inside a word"]
    skipped = [s for s in report.skipped if s.kind == "selection"]
    assert {s.name for s in skipped} == {"beyond the end", "empty"}
    assert all("outside the text" in s.reason for s in skipped)


def test_position_map_conversions() -> None:
    raw = "a😀\r\nb"
    nvivo = PositionMap(raw, NVIVO)
    assert nvivo.length == 6
    # Between the halves of the emoji, and between CR and LF: moved, and said to be inexact.
    assert [nvivo.convert(p) for p in range(7)] == [
        (0, True),
        (1, True),
        (2, False),
        (2, True),
        (2, False),
        (3, True),
        (4, True),
    ]
    standard = PositionMap(raw, STANDARD)
    assert [standard.convert(p) for p in (2, 3, 4, 5)] == [
        (2, True),
        (2, False),
        (3, True),
        (4, True),
    ]
    atlas = PositionMap(raw, ATLAS_TI)
    assert [atlas.convert(p) for p in (2, 3, 4)] == [(2, True), (3, True), (4, True)]


def test_what_real_archives_do(tmp_path: Path) -> None:
    upper = "0A1B2C3D-0000-4000-8000-00000000ABCD"
    text = "Hola, mundo.\r\nSegunda línea.\r\n"
    source = Src("Carta", f"{upper}.TXT", [Sel(0, 4, "Hola")], guid="{" + upper + "}")
    qde = project_xml("NVivo for Windows 12.6", [source], path_prefix="")
    qde = qde.replace(f'guid="{CODE}"', f'guid="{{{CODE.upper()}}}"').replace(
        f'targetGUID="{CODE}"', f'targetGUID="{CODE.upper()}"'
    )
    qde = qde.replace(f"internal://{upper}.TXT", f"internal://{upper.lower()}.txt")
    files = {f"{upper}.TXT": b"\xef\xbb\xbf" + text.encode()}
    path = make_qdpx(tmp_path / "real.qdpx", qde, files, qde_name="My Study.qde", folder="Sources")
    with Project.create(tmp_path / "p.qdb") as project:
        project.use_coder("Importer")
        import_qdpx(project, path)
        document = project.documents()[0]
        assert document.guid == upper.lower()
        assert project.text(document.id) == text.replace("\r\n", "\n")
        segment = project.segments()[0]
        assert project.text(document.id)[segment.start : segment.end] == "Hola"
        assert {c.guid for c in project.codes()} == {CODE}
        assert USER in {c.guid for c in project.coders()}


def test_inline_text_notes_and_cases(tmp_path: Path) -> None:
    source_guid = "22222222-0000-4000-8000-000000000001"
    note_guid = "33333333-0000-4000-8000-000000000001"
    qde = (
        project_xml("QDA Miner", [])
        .replace(
            "<Sources>\n</Sources>",
            f'<Sources><TextSource guid="{source_guid}" name="Inline">'
            "<PlainTextContent>Uno dos tres.</PlainTextContent>"
            f'<PlainTextSelection guid="{USER[:-1]}9" name="dos" startPosition="4" '
            'endPosition="7"><Coding guid="44444444-0000-4000-8000-000000000001">'
            f'<CodeRef targetGUID="{CODE}"/></Coding>'
            f'<NoteRef targetGUID="{note_guid}"/></PlainTextSelection>'
            "</TextSource></Sources>",
        )
        .replace(
            "<Sources>",
            '<Variables><Variable guid="55555555-0000-4000-8000-000000000001" name="Age" '
            'typeOfVariable="Integer"/></Variables><Cases><Case '
            'guid="66666666-0000-4000-8000-000000000001" name="Ana">'
            '<VariableValue><VariableRef targetGUID="55555555-0000-4000-8000-000000000001"/>'
            "<IntegerValue>41</IntegerValue></VariableValue>"
            f'<SourceRef targetGUID="{source_guid}"/>'
            "</Case></Cases><Sources>",
        )
        .replace(
            "</Sources>",
            f'</Sources><Notes><Note guid="{note_guid}" name="Why">'
            "<PlainTextContent>Because.</PlainTextContent></Note></Notes>",
        )
    )
    texts, report = run_import(tmp_path, qde, {})
    assert list(texts.values()) == ["dos"]
    assert report.imported["cases"] == 1 and report.imported["case_documents"] == 1
    assert report.imported["attribute_values"] == 1
    with Project.open(tmp_path / "p.qdb") as project:
        assert project.segments()[0].memo == "Because."
        assert [a.kind for a in project.attributes("case")] == ["number"]
