"""The audit log: filters, paging, the CSV export and the ``audit`` command, on both storages."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import update

from db.schema import Event
from tests.factories import add_code, add_document, code_passage, new_project
from workbench.audit import (
    CSV_COLUMNS,
    AuditFilter,
    audit_events,
    audit_kinds,
    event_kind,
    export_audit_csv,
    filtered_events,
)
from workbench.cli.main import main
from workbench.commands.codes import UpdateCode
from workbench.project import Project

TEXT = "Interviewer: What changed?\nRespondent: We elected our union delegates by secret ballot.\n"


class Story:
    """Two coders at work: Test Coder imports and codes, Ben adds a code and undoes a coding."""

    def __init__(self, project: Project) -> None:
        self.document = add_document(project, "Interview 1", TEXT)
        self.unions = add_code(project, "Unions")
        self.first = code_passage(project, self.document, self.unions, "union delegates")
        project.use_coder("Ben Ortiz")
        self.ballot = add_code(project, "Ballots")
        code_passage(project, self.document, self.ballot, "secret ballot")
        assert project.undo() is not None  # "undo segment.add", by Ben
        project.run(UpdateCode(self.ballot, definition="Voting in secret."))
        project.use_coder("Test Coder")


def set_time(project: Project, event_id: int, moment: datetime) -> None:
    with project.engine.begin() as connection:
        connection.execute(update(Event).where(Event.id == event_id).values(at=moment))


@pytest.fixture
def story(project: Project) -> Story:
    return Story(project)


def test_the_kind_is_the_first_word_of_the_action() -> None:
    assert event_kind("segment.add") == "segment"
    assert event_kind("undo segment.add") == "segment"
    assert event_kind("code_group.add") == "code_group"
    assert event_kind("import") == "import"


def test_every_command_is_in_the_log_newest_first(project: Project, story: Story) -> None:
    events = audit_events(project)
    assert [e.action for e in events] == [
        "code.edit",
        "undo segment.add",
        "segment.add",
        "code.add",
        "coder.add",
        "segment.add",
        "code.add",
        "document.import",
        "coder.add",
    ]
    assert [e.id for e in events] == sorted((e.id for e in events), reverse=True)
    assert events == project.events()
    edit = events[0]
    assert edit.coder == "Ben Ortiz"
    assert (edit.target_kind, edit.target_id) == ("code", story.ballot)
    assert json.loads(edit.after or "{}") == {"definition": "Voting in secret."}
    assert all(e.at.tzinfo is not None for e in events)


def test_filters_by_coder_and_kind(project: Project, story: Story) -> None:
    bens = audit_events(project, coder="Ben Ortiz")
    assert [e.action for e in bens] == ["code.edit", "undo segment.add", "segment.add", "code.add"]
    assert audit_events(project, coder="Nobody") == []
    segments = audit_events(project, kinds=["segment"])
    assert [e.action for e in segments] == ["undo segment.add", "segment.add", "segment.add"]
    assert {e.target_kind for e in segments} == {"segment"}
    both = audit_events(project, kinds={"code", "document"})
    assert [e.action for e in both] == ["code.edit", "code.add", "code.add", "document.import"]
    assert [e.action for e in audit_events(project, coder="Ben Ortiz", kinds=["segment"])] == [
        "undo segment.add",
        "segment.add",
    ]
    assert audit_events(project, kinds=[]) == []
    assert audit_kinds(project) == ["code", "coder", "document", "segment"]


def test_kinds_are_matched_literally(project: Project) -> None:
    add_code(project, "Unions")
    # "_" is a wildcard in SQL LIKE; "code_group" must not match "code.add" and vice versa.
    assert audit_events(project, kinds=["code_group"]) == []
    assert audit_events(project, kinds=["cod"]) == []
    assert [e.action for e in audit_events(project, kinds=["code"])] == ["code.add"]


def test_filters_by_moment_and_by_day(project: Project, story: Story) -> None:
    events = list(reversed(audit_events(project)))  # oldest first
    base = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    for n, event in enumerate(events):
        set_time(project, event.id, base + timedelta(days=n))
    since = base + timedelta(days=2)
    until = base + timedelta(days=4)
    inside = audit_events(project, since=since, until=until)
    assert [e.id for e in inside] == [events[4].id, events[3].id, events[2].id]
    assert [e.at for e in inside] == [base + timedelta(days=n) for n in (4, 3, 2)]
    assert len(audit_events(project, since=base + timedelta(days=8))) == 1
    assert audit_events(project, until=base - timedelta(seconds=1)) == []
    # A day without a zone is a whole day of local time; noon UTC is within a day
    # either side of it in every time zone.
    local_noon = (base + timedelta(days=3)).astimezone()
    day = local_noon.date()
    on_day = audit_events(project, since=day, until=day)
    assert [e.id for e in on_day] == [events[3].id]
    assert [e.id for e in audit_events(project, since=day + timedelta(days=1))] == [
        e.id for e in reversed(events[4:])
    ]
    assert len(audit_events(project, until=date(2025, 2, 27))) == 0


def test_pages_by_limit_and_before_id(project: Project, story: Story) -> None:
    everything = audit_events(project)
    first = audit_events(project, limit=4)
    second = audit_events(project, limit=4, before_id=first[-1].id)
    third = audit_events(project, limit=4, before_id=second[-1].id)
    assert first + second + third == everything
    assert len(third) == 1
    newer = audit_events(project, after_id=everything[2].id)
    assert newer == everything[:2]
    oldest_first = filtered_events(project, AuditFilter(), newest_first=False)
    assert oldest_first == list(reversed(everything))


def test_csv_export_reads_back(project: Project, story: Story, tmp_path: Path) -> None:
    path = tmp_path / "audit.csv"
    count = export_audit_csv(project, path)
    events = audit_events(project)
    assert count == len(events)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert list(frame["action"]) == [e.action for e in reversed(events)]  # oldest first
    times = pd.to_datetime(frame["time"], utc=True, format="ISO8601")
    assert all(t.tzinfo is not None for t in times)
    assert all(text.endswith("Z") for text in frame["time"])
    for moment, event in zip(times, reversed(events), strict=True):
        assert abs(moment.to_pydatetime() - event.at) < timedelta(seconds=1)
    edit = frame[frame["action"] == "code.edit"].iloc[0]
    assert edit["coder"] == "Ben Ortiz"
    assert edit["label"] == "Edit code"
    assert (edit["target kind"], edit["target id"]) == ("code", str(story.ballot))
    assert json.loads(edit["after"]) == {"definition": "Voting in secret."}
    assert "definition" in json.loads(edit["before"])
    first = frame.iloc[0]
    assert (first["action"], first["coder"], first["before"]) == ("coder.add", "", "")


def test_csv_export_applies_the_filters(project: Project, story: Story, tmp_path: Path) -> None:
    path = tmp_path / "ben.csv"
    assert export_audit_csv(project, path, coder="Ben Ortiz", kinds=["segment"]) == 2
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["action"] for r in rows] == ["segment.add", "undo segment.add"]
    assert {r["coder"] for r in rows} == {"Ben Ortiz"}
    # An undo swaps before and after.
    assert json.loads(rows[0]["after"]) == json.loads(rows[1]["before"])
    assert rows[1]["after"] == ""


def test_a_long_log_is_exported_in_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.audit

    monkeypatch.setattr(workbench.audit, "_EXPORT_PAGE", 3)
    project = new_project(tmp_path)
    try:
        document = add_document(project, "Interview", TEXT)
        code = add_code(project, "Unions")
        for word in ("Interviewer", "changed", "Respondent", "elected", "union", "secret"):
            code_passage(project, document, code, word)
        path = tmp_path / "all.csv"
        assert export_audit_csv(project, path) == 9
        frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
        assert list(frame["action"]) == [e.action for e in reversed(project.events())]
    finally:
        project.close()


# -- the command line ------------------------------------------------------------------


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    project = new_project(tmp_path, "cli.qdb", coder="Test Coder")
    try:
        Story(project)
    finally:
        project.close()
    return tmp_path / "cli.qdb"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--coder", "Someone Else", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_lists_the_log(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(project_file))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 9
    assert "9 audit entries" in err
    # Reading the log added no coder (and no entry).
    with Project.open(project_file) as project:
        assert [c.name for c in project.coders()] == ["Ben Ortiz", "Test Coder"]
        newest = project.events()[0]
        assert len(project.events()) == 9
    assert lines[0].split("\t")[1:] == [
        "Ben Ortiz",
        "code.edit",
        "Edit code",
        f"code {newest.target_id}",
    ]


def test_cli_filters_and_json(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "audit", str(project_file), "--coder", "Ben Ortiz", "--kind", "segment", "--json"
    )
    assert code == 0, err
    entries = json.loads(out)
    assert [e["action"] for e in entries] == ["undo segment.add", "segment.add"]
    assert entries[1]["after"]["start"] < entries[1]["after"]["end"]
    assert entries[0]["coder"] == "Ben Ortiz"
    assert entries[0]["time"].endswith("Z")
    code, out, _ = run(capsys, "audit", str(project_file), "--kind", "code", "--kind", "coder")
    assert code == 0
    assert [line.split("\t")[2] for line in out.splitlines()] == [
        "code.edit",
        "code.add",
        "coder.add",
        "code.add",
        "coder.add",
    ]
    tomorrow = (datetime.now() + timedelta(days=1)).date().isoformat()
    code, out, _ = run(capsys, "audit", str(project_file), "--since", tomorrow, "--json")
    assert (code, json.loads(out)) == (0, [])
    today = datetime.now().date().isoformat()
    code, out, _ = run(capsys, "audit", str(project_file), "--until", today, "--limit", "2")
    assert code == 0
    assert len(out.splitlines()) == 2


def test_cli_writes_csv(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "audit", str(project_file), "--csv", str(target))
    assert code == 0, err
    assert out == ""
    assert "9 audit entries written" in err
    frame = pd.read_csv(target, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert len(frame) == 9
    assert frame["action"].iloc[-1] == "code.edit"


def test_cli_refuses_a_bad_date(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(project_file), "--since", "March 1st")
    assert code == 1
    assert out == ""
    assert "--since 'March 1st' is not a date" in err
