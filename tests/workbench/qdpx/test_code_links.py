"""Links between codes: kept by the project, carried through REFI-QDA both ways."""

from __future__ import annotations

from pathlib import Path

from tests.factories import add_code, add_document, code_passage, new_project
from workbench.commands.code_removal import DeleteCode, MergeCodes
from workbench.commands.links import LinkCodes, RemoveCodeLink
from workbench.qdpx import export_qdpx, import_qdpx
from workbench.queries import code_links


def links(project) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    names = {c.id: c.name for c in project.codes()}
    with project.read() as session:
        return sorted(
            (names[k.origin_id], names[k.target_id], k.name, k.direction)
            for k in code_links(session)
        )


def test_link_undo_redo_and_removal(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        union = add_code(project, "Independent union")
        wages = add_code(project, "Wage increase")
        command = LinkCodes(union, wages, name="leads to", direction="OneWay")
        project.run(command)
        assert links(project) == [("Independent union", "Wage increase", "leads to", "OneWay")]
        project.undo()
        assert links(project) == []
        project.redo()
        assert command.link_id is not None
        project.run(RemoveCodeLink(command.link_id))
        assert links(project) == []
        project.undo()
        assert len(links(project)) == 1


def test_deleting_a_code_takes_its_links_and_undo_brings_them_back(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        a, b = add_code(project, "A"), add_code(project, "B")
        project.run(LinkCodes(a, b, name="x"))
        project.run(DeleteCode(a))
        assert links(project) == []
        project.undo()
        assert links(project) == [("A", "B", "x", "Associative")]


def test_merging_moves_links_to_the_target(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        a, b, c = add_code(project, "A"), add_code(project, "B"), add_code(project, "C")
        project.run(LinkCodes(a, c, name="supports"))
        project.run(LinkCodes(a, b, name="dropped: it would link B to itself"))
        project.run(MergeCodes(a, b))
        assert links(project) == [("B", "C", "supports", "Associative")]
        project.undo()
        assert len(links(project)) == 2


def test_links_survive_a_qdpx_round_trip(tmp_path: Path) -> None:
    with new_project(tmp_path, "a.qdb") as source:
        document = add_document(source, "E1", "Formamos un sindicato y subieron los salarios.")
        union, wages = add_code(source, "Independent union"), add_code(source, "Wage increase")
        code_passage(source, document, union, "sindicato")
        source.run(LinkCodes(union, wages, name="leads to", direction="OneWay", colour="#ff8800"))
        export_qdpx(source, tmp_path / "out.qdpx")
        expected = links(source)
    with new_project(tmp_path, "b.qdb") as target:
        report = import_qdpx(target, tmp_path / "out.qdpx")
        assert report.imported["code links"] == 1
        assert links(target) == expected
