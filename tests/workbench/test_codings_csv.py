"""Codings as CSV: export, import, validation of every row, round trips."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.factories import add_code, add_document, code_passage, new_project
from workbench.codings_csv import COLUMNS, export_codings, import_codings
from workbench.commands.segments import SetSegmentMemo
from workbench.errors import InvalidInputError

TEXT = "Intro 😀 línea.\nTRABAJADORA: Formamos un sindicato independiente y votamos.\nFin del acta."


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_the_long_format_with_code_point_offsets(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        document = add_document(project, "Entrevista 12", TEXT)
        parent = add_code(project, "Outcomes", codable=False)
        code = add_code(project, "1b Unions", parent)
        segment = code_passage(project, document, code, "sindicato independiente")
        project.run(SetSegmentMemo(segment, "clave, con coma"))
        count = export_codings(project, tmp_path / "codings.csv")
    assert count == 1
    rows = read_csv(tmp_path / "codings.csv")
    assert list(rows[0]) == list(COLUMNS)
    row = rows[0]
    assert row["code"] == "Outcomes/1b Unions"
    assert row["coder"] == "Ana Ruiz"
    assert TEXT[int(row["start"]) : int(row["end"])] == "sindicato independiente" == row["text"]
    assert row["memo"] == "clave, con coma"
    # the emoji is one code point, so the offset counts it once
    assert int(row["start"]) == TEXT.index("sindicato")


def test_round_trip_into_a_fresh_project_gives_the_same_segments(tmp_path: Path) -> None:
    with new_project(tmp_path, "a.qdb") as source:
        document = add_document(source, "Entrevista 12", TEXT)
        folder = add_code(source, "Outcomes", codable=False)
        unions = add_code(source, "1b Unions", folder)
        themes = add_code(source, "MSC story")
        code_passage(source, document, unions, "Formamos un sindicato")
        code_passage(source, document, themes, "votamos")
        source.use_coder("Ben Carter")
        code_passage(source, document, unions, "Formamos un sindicato independiente")
        export_codings(source, tmp_path / "out.csv")
        expected = sorted(
            (s.start, s.end, c.name, s.memo)
            for s in source.segments()
            for c in source.codes()
            if c.id == s.code_id
        )
    with new_project(tmp_path, "b.qdb") as target:
        add_document(target, "Entrevista 12", TEXT)
        folder = add_code(target, "Outcomes", codable=False)
        add_code(target, "1b Unions", folder)
        add_code(target, "MSC story")
        result = import_codings(target, tmp_path / "out.csv")
        assert (result.added, result.duplicates, result.refused) == (3, 0, [])
        assert result.new_coders == ["Ben Carter"]
        got = sorted(
            (s.start, s.end, c.name, s.memo)
            for s in target.segments()
            for c in target.codes()
            if c.id == s.code_id
        )
        assert got == expected
        # importing the same file again adds nothing
        again = import_codings(target, tmp_path / "out.csv")
        assert (again.added, again.duplicates) == (0, 3)


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_each_bad_row_is_refused_with_its_reason(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        add_document(project, "Entrevista 12", TEXT)
        add_code(project, "Unions")
        start = TEXT.index("votamos")
        path = write(
            tmp_path / "in.csv",
            [
                list(COLUMNS),
                ["Entrevista 12", "Ana Ruiz", "Unions", str(start), str(start + 7), "votamos", ""],
                ["Entrevista 99", "Ana Ruiz", "Unions", "0", "5", "", ""],
                ["Entrevista 12", "Ana Ruiz", "Unions", "0", "999", "", ""],
                ["Entrevista 12", "Ana Ruiz", "Unions", str(start), str(start + 7), "votaron", ""],
                ["Entrevista 12", "Ana Ruiz", "Unions", "x", "5", "", ""],
                ["Entrevista 12", "", "Brand new code", "0", "5", "", ""],
            ],
        )
        result = import_codings(project, path)
        reasons = {r.line: r.reason for r in result.refused}
        assert set(reasons) == {3, 4, 5, 6}
        assert "no document named 'Entrevista 99'" in reasons[3]
        assert "outside" in reasons[4]
        assert "does not match" in reasons[5]
        assert "not a whole number" in reasons[6]
        assert result.added == 2
        assert result.new_codes == ["Imported/Brand new code"]
        imported = [c for c in project.codes() if c.path == "Imported/Brand new code"]
        assert imported and imported[0].segments == 1
        # the whole import is undone in one step
        project.undo()
        assert project.segments() == []


def test_a_file_without_the_required_columns_is_refused(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        add_document(project, "Entrevista 12", TEXT)
        path = write(
            tmp_path / "bad.csv", [["doc", "code", "from", "to"], ["Entrevista 12", "x", "0", "1"]]
        )
        with pytest.raises(InvalidInputError, match="lacks the column"):
            import_codings(project, path)
        assert project.segments() == [] and project.codes() == []


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    with new_project(tmp_path) as project:
        path = tmp_path / "latin.csv"
        path.write_bytes(",".join(COLUMNS).encode() + b"\nacci\xf3n,a,b,0,1,,\n")
        with pytest.raises(InvalidInputError, match="not UTF-8"):
            import_codings(project, path)
