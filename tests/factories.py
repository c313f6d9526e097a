"""Small builders for projects, documents, codes and segments used across the tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.commands.codes import CodeSpec, CreateCode
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.segments import AddSegment
from workbench.project import Project

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def new_project(folder: Path, name: str = "project.qdb", coder: str = "Ana Ruiz") -> Project:
    project = Project.create(folder / name)
    project.use_coder(coder)
    return project


def add_document(project: Project, name: str, text: str) -> int:
    command = ImportDocuments(
        [
            NewDocument(
                name=name,
                text=text,
                source_format="txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
            )
        ]
    )
    project.run(command)
    return command.document_ids[0]


def add_code(project: Project, name: str, parent_id: int | None = None, **fields: object) -> int:
    command = CreateCode(CodeSpec(name, parent_id=parent_id, **fields))  # type: ignore[arg-type]
    project.run(command)
    assert command.code_id is not None
    return command.code_id


def code_passage(
    project: Project, document_id: int, code_id: int, passage: str, occurrence: int = 1
) -> int:
    text = project.text(document_id)
    start = -1
    for _ in range(occurrence):
        start = text.index(passage, start + 1)
    command = AddSegment(document_id, code_id, start, start + len(passage))
    project.run(command)
    return command.segment_ids[0]
