"""Less common merges: a coder's new document, memos edited and deleted, a code deleted since."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from db.schema import Memo, SpeakerTurn
from tests.workbench.team.scenario import build_master, code_passage, segments, span
from workbench.commands.code_removal import DeleteCode
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.memos import AddMemo, DeleteMemo, EditMemo
from workbench.commands.segments import AddSegment
from workbench.project import Project
from workbench.team import CodeChoice, make_assignment, merge_files

NEW_TEXT = "ENTREVISTADOR: ¿Y la inspección?\nINSPECTORA: Visitamos doce centros de trabajo.\n"


def test_a_document_the_coder_imported_comes_in_with_its_coding(tmp_path: Path) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    with Project.open(master.location) as project:
        path = make_assignment(project, "Ben Carter", ["Entrevista 1"], tmp_path / "b.qdb").path
    with Project.open(path) as copy:
        copy.use_coder("Ben Carter")
        command = ImportDocuments(
            [
                NewDocument(
                    name="Entrevista 4",
                    text=NEW_TEXT,
                    source_format="txt",
                    sha256=hashlib.sha256(NEW_TEXT.encode()).hexdigest(),
                    turns=((0, 33, "ENTREVISTADOR"), (34, 80, "INSPECTORA")),
                )
            ]
        )
        copy.run(command)
        start = NEW_TEXT.index("doce centros")
        add = AddSegment(command.document_ids[0], copy.code_id("Safety"), start, start + 12)
        copy.run(add)
        document_guid = copy.documents()[-1].guid
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        report = merge_files(project, [path])
        [document] = [d for d in project.documents() if d.name == "Entrevista 4"]
        merged = segments(project)
        with project.read() as session:
            turns = session.execute(
                select(SpeakerTurn.start, SpeakerTurn.end, SpeakerTurn.speaker).where(
                    SpeakerTurn.document_id == document.id
                )
            ).all()
        assert project.text(document.id) == NEW_TEXT
    assert document.guid == document_guid
    assert [tuple(t) for t in turns] == [(0, 33, "ENTREVISTADOR"), (34, 80, "INSPECTORA")]
    assert ("Entrevista 4", start, start + 12, "Safety", "Ben Carter", "") in merged.values()
    assert report.files[0].counts["documents"]["added"] == 1


def test_memos_follow_the_coder_and_another_coder_s_memo_is_kept(tmp_path: Path) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    with Project.open(master.location) as project:
        first = project.document_id("Entrevista 1")
        project.use_coder("Ben Carter")
        edited, deleted = AddMemo("document", first, "draft"), AddMemo("project", None, "old")
        project.run(edited)
        project.run(deleted)
        project.use_coder("Ana Ruiz")
        anas = AddMemo("project", None, "Ana's plan")
        project.run(anas)
        path = make_assignment(project, "Ben Carter", ["Entrevista 1"], tmp_path / "b.qdb").path
    with Project.open(path) as copy:
        copy.use_coder("Ben Carter")
        assert edited.memo_id and deleted.memo_id and anas.memo_id
        copy.run(EditMemo(edited.memo_id, "final reading"))
        copy.run(DeleteMemo(deleted.memo_id))
        copy.run(EditMemo(anas.memo_id, "Ben's version of Ana's plan"))
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        report = merge_files(project, [path])
        with project.read() as session:
            texts = sorted(session.scalars(select(Memo.text)).all())
    [ben] = report.files
    assert texts == ["Ana's plan", "final reading"]
    assert ben.counts["memos"] == {"added": 0, "updated": 1, "deleted": 1, "unchanged": 0}
    assert [row.memo for row in ben.aside] == ["Ben's version of Ana's plan"]
    assert "Ana Ruiz's memo" in ben.conflicts[0].reason


def test_a_code_deleted_in_the_master_since_is_a_proposal_to_restore(tmp_path: Path) -> None:
    master = build_master(str(tmp_path / "master.qdb"))
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        path = make_assignment(project, "Dana Solís", ["Grupo focal 3"], tmp_path / "d.qdb").path
        project.run(DeleteCode(project.code_id("Collective bargaining")))
    with Project.open(path) as copy:
        copy.use_coder("Dana Solís")
        guid = code_passage(copy, "Grupo focal 3", "Collective bargaining", "negoció un contrato")
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        refused = merge_files(project, [path], dry_run=True)
        [proposal] = refused.files[0].proposals
        assert (proposal.kind, proposal.accepted) == ("restore", False)
        assert "deleted in the master since" in proposal.note
        assert [row.guid for row in refused.files[0].aside] == [guid]
        merge_files(project, [path], CodeChoice.parse("all"))
        merged = segments(project)
        restored = next(c for c in project.codes() if c.name == "Collective bargaining")
    assert restored.guid == master.codes["Collective bargaining"]
    assert restored.path == "Outcomes/Collective bargaining"
    start, end = span("Grupo focal 3", "negoció un contrato")
    assert merged[guid] == (
        "Grupo focal 3",
        start,
        end,
        "Collective bargaining",
        "Dana Solís",
        "",
    )
