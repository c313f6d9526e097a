"""Export, then import into a new project: the same project comes back."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import xmlschema

from db.schema import AttributeValue, Case, CaseDocument
from tests.workbench.qdpx.helpers import SCHEMAS, content, table_counts
from workbench.commands.attributes import CreateAttribute, SetAttributeValues
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode, CreateCodeGroup
from workbench.commands.memos import AddMemo
from workbench.commands.segments import AddSegments, NewSegment
from workbench.demo import build_demo
from workbench.importing import import_files
from workbench.project import Project
from workbench.qdpx import export_qdc, export_qdpx, import_qdpx
from workbench.qdpx.steps import InsertRows

P = "{urn:QDA-XML:project:1.0}"
BUNDLED = Path(__file__).resolve().parents[3] / "workbench" / "qdpx" / "schema"

CRLF = (
    "\ufeffENTREVISTADORA: ¿Qué cambió en la zafra?\r\n"
    "TRABAJADORA: Ya no hay niños cortando caña; mi hijo sigue en la escuela.\r\n"
    "\r\n"
    "ENTREVISTADORA: ¿Y el sindicato?\r\n"
    "TRABAJADORA: Votamos en secreto por primera vez.\r\n"
)
EMOJI = (
    "Moderator: How did the vote go? 🗳️\n"
    "Participant 1: We won 🎉🎉 and the women 👩🏽‍🌾 on the line voted too.\n"
    "Participant 2: The 🇲🇽 flag was everywhere; the old union lost.\n"
)
ACCENTS = "São Paulo, Zürich, Año Nuevo: naïve café owners’ «voice» — ½ of them.\n"


def schema(name: str) -> xmlschema.XMLSchema:
    """The standard's schema from the shared corpora when present, else the bundled copy."""
    folder = SCHEMAS if (SCHEMAS / name).exists() else BUNDLED
    return xmlschema.XMLSchema(str(folder / name))


def quote(project: Project, document_id: int, passage: str) -> tuple[int, int]:
    start = project.text(document_id).index(passage)
    return start, start + len(passage)


def _code(project: Project, name: str, **fields: object) -> int:
    command = CreateCode(CodeSpec(name, **fields))  # type: ignore[arg-type]
    project.run(command)
    assert command.code_id is not None
    return command.code_id


def generated(tmp_path: Path) -> Path:
    """A project with CRLF, emoji and accented sources, nested codes, memos, cases, values."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "entrevista-crlf.txt").write_bytes(CRLF.encode("utf-8"))
    (folder / "focus-emoji.txt").write_text(EMOJI, encoding="utf-8")
    (folder / "accents.txt").write_text(ACCENTS, encoding="utf-8")
    path = tmp_path / "generated.qdb"
    with Project.create(path, name="Generated") as project:
        project.use_coder("Ana Ruiz")
        project.run(AddCoder("Ben Carter", initials="BC"))
        ben = next(c.id for c in project.coders() if c.name == "Ben Carter")
        import_files(project, [folder])
        docs = {d.name: d.id for d in project.documents()}
        group = CreateCodeGroup("Outcomes")
        project.run(group)
        top = _code(
            project,
            "Union democracy",
            group_id=group.group_id,
            codable=False,
            colour="#1f77b4",
            definition="Workers choose their union.\nTwo lines.",
        )
        vote = _code(
            project,
            "Secret ballot",
            parent_id=top,
            label="1b",
            colour="#aabbcc",
            definition="A vote by secret ballot.",
            inclusion="Any vote.",
            exclusion="Show of hands.",
            example="«Votamos en secreto»",
        )
        child = _code(project, "First time", parent_id=vote, definition="Never before.")
        labour = _code(project, "Child labour", colour="#d62728", definition="Niñez y trabajo")
        crlf, emoji, accents = docs["entrevista-crlf"], docs["focus-emoji"], docs["accents"]
        segments = [
            NewSegment(crlf, labour, *quote(project, crlf, "Ya no hay niños cortando caña")),
            NewSegment(crlf, vote, *quote(project, crlf, "Votamos en secreto"), "memo ✓", ben),
            NewSegment(crlf, child, *quote(project, crlf, "¿Y el sindicato?\nTRABAJADORA")),
            NewSegment(emoji, vote, *quote(project, emoji, "We won 🎉🎉"), "", ben),
            NewSegment(emoji, child, *quote(project, emoji, "👩🏽‍🌾 on the line voted")),
            NewSegment(emoji, labour, *quote(project, emoji, "The 🇲🇽 flag")),
            NewSegment(accents, labour, *quote(project, accents, "naïve café owners’ «voice»")),
        ]
        project.run(AddSegments(segments))
        project.run(AddMemo("project", None, "Plan: code the ✓ passages.", title="Plan"))
        project.run(AddMemo("document", emoji, "Recorded in Spanish 🇲🇽 and English."))
        project.run(AddMemo("code", vote, "Ask about the 2023 vote.", title="Follow-up"))
        values = []
        for name, kind, choices, value in [
            ("Interview date", "date", (), "2024-03-01"),
            ("Participants", "number", (), "12"),
            ("Hours", "number", (), "1.5"),
            ("Recorded", "bool", (), "yes"),
            ("Region", "choice", ("Norte", "Sur"), "Sur"),
            ("Note", "text", (), "Línea 2"),
            ("Set: Pilot", "bool", (), "yes"),
        ]:
            attribute = CreateAttribute(name, kind, choices=choices)
            project.run(attribute)
            assert attribute.attribute_id is not None
            values += [
                (crlf, attribute.attribute_id, value),
                (emoji, attribute.attribute_id, value),
            ]
        project.run(SetAttributeValues(values))
        members = CreateAttribute("Members", "number", scope="case")
        project.run(members)
        cases = InsertRows(Case, [{"name": "Sindicato A", "description": "Sugar mill"}], "case")
        project.run(cases)
        case_id = cases.ids()[0]
        project.run(InsertRows(CaseDocument, [{"case_id": case_id, "document_id": crlf}], "case"))
        project.run(
            InsertRows(
                AttributeValue,
                [{"attribute_id": members.attribute_id, "case_id": case_id, "value": "340"}],
                "attribute_value",
            )
        )
        project.run(AddMemo("case", case_id, "Met twice.", title="Visits"))
    return path


def export_and_import(tmp_path: Path, path: Path) -> tuple[dict[str, object], dict[str, object]]:
    with Project.open(path) as project:
        project.use_coder("Ana Ruiz")
        before = content(project)
        export_qdpx(project, tmp_path / "out.qdpx")
    check_archive(tmp_path / "out.qdpx")
    with Project.create(tmp_path / "back.qdb") as back:
        back.use_coder("Ana Ruiz")
        import_qdpx(back, tmp_path / "out.qdpx")
        after = content(back)
    return before, after


def check_archive(path: Path) -> None:
    """Layout, encoding and positions of an exported archive, checked without the importer."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde"
        assert all(n == "project.qde" or n.startswith("sources/") for n in names)
        qde = archive.read("project.qde")
        schema("Project.xsd").validate(qde.decode("utf-8"))
        root = ET.fromstring(qde)
        for source in root.iter(P + "TextSource"):
            data = archive.read("sources/" + source.get("plainTextPath", "").split("://")[1])
            assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
            text = data.decode("utf-8")
            for selection in source.iter(P + "PlainTextSelection"):
                start = int(selection.get("startPosition", 0))
                end = int(selection.get("endPosition", 0))
                name = selection.get("name", "").removesuffix("…")
                assert " ".join(text[start:end].split()).startswith(name)


def test_generated_project_round_trip(tmp_path: Path) -> None:
    before, after = export_and_import(tmp_path, generated(tmp_path))
    assert after == before
    assert len(before["segments"]) == 7 and len(before["memos"]) == 4  # type: ignore[arg-type]
    assert "\r" not in "".join(before["documents"].values())  # type: ignore[attr-defined]


def test_demo_project_round_trip(tmp_path: Path) -> None:
    build_demo(tmp_path / "demo.qdb")
    before, after = export_and_import(tmp_path, tmp_path / "demo.qdb")
    assert after == before
    assert len(before["segments"]) > 100  # type: ignore[arg-type]


def test_codebook_export_validates_and_comes_back(tmp_path: Path) -> None:
    path = generated(tmp_path)
    with Project.open(path) as project:
        project.use_coder("Ana Ruiz")
        expected = content(project)
        report = export_qdc(project, tmp_path / "book.qdc")
    schema("Codebook.xsd").validate(str(tmp_path / "book.qdc"))
    assert report.written["codes"] == 4
    with Project.create(tmp_path / "book.qdb") as back:
        back.use_coder("Ana Ruiz")
        import_qdpx(back, tmp_path / "book.qdc")
        got = content(back)
    for key in ("codes", "codable", "groups"):
        assert got[key] == expected[key]
    assert got["documents"] == {}


def test_import_is_one_undoable_step(tmp_path: Path) -> None:
    with Project.open(generated(tmp_path)) as project:
        project.use_coder("Ana Ruiz")
        export_qdpx(project, tmp_path / "out.qdpx")
    with Project.create(tmp_path / "back.qdb") as back:
        back.use_coder("Ana Ruiz")
        empty = table_counts(back)
        import_qdpx(back, tmp_path / "out.qdpx")
        full = content(back)
        counts = table_counts(back)
        assert back.undo() is not None
        assert {k: v for k, v in table_counts(back).items() if k != "event"} == {
            k: v for k, v in empty.items() if k != "event"
        }
        back.redo()
        assert content(back) == full
        assert table_counts(back)["segment"] == counts["segment"]


def test_importing_twice_into_one_project_adds_nothing_new(tmp_path: Path) -> None:
    with Project.open(generated(tmp_path)) as project:
        project.use_coder("Ana Ruiz")
        export_qdpx(project, tmp_path / "out.qdpx")
    with Project.create(tmp_path / "back.qdb") as back:
        back.use_coder("Ana Ruiz")
        import_qdpx(back, tmp_path / "out.qdpx")
        once = table_counts(back)
        report = import_qdpx(back, tmp_path / "out.qdpx")
        twice = table_counts(back)
    assert {k: v for k, v in twice.items() if k != "event"} == {
        k: v for k, v in once.items() if k != "event"
    }
    assert report.matched["codes"] == 4 and report.matched["coders"] == 2
    assert {s.reason for s in report.skipped} == {"it is in the project already (same GUID)"}


def test_round_trip_into_each_storage_backend(tmp_path: Path, project_location: str) -> None:
    with Project.open(generated(tmp_path)) as project:
        project.use_coder("Ana Ruiz")
        expected = content(project)
        export_qdpx(project, tmp_path / "out.qdpx")
    with Project.create(project_location) as back:
        back.use_coder("Ana Ruiz")
        import_qdpx(back, tmp_path / "out.qdpx")
        assert content(back) == expected
        back.undo()
        assert back.documents() == [] and back.segments() == []
