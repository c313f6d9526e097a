"""A master with four coders, three assignment files and the coders' work in them.

The master (lead: Ana Ruiz) has three transcripts, a small codebook and five
segments. Ben and Cruz get the first two documents, Dana the third. After the files
are made the lead renames a code and codes one more passage in the master. Then:

- Ben resizes his segment, deletes another of his that was handed to him, codes a
  passage of the second document, renames a code, resizes Ana's segment (not his to
  change) and writes a memo on the first document;
- Cruz codes the same passage as Ben, adds a code and codes with it, changes a code's
  definition and writes a memo on his own segment;
- Dana adds a code, codes with it, deletes her segment, and then the text of her
  document is edited behind the workbench's back (with SQL).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.schema import Base, Code, Coder, Document, Segment
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode, UpdateCode
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.memos import AddMemo
from workbench.commands.segments import (
    AddSegments,
    NewSegment,
    RemoveSegments,
    ResizeSegment,
    SetSegmentMemo,
)
from workbench.project import Project
from workbench.team import make_assignment

TEXTS = {
    "Entrevista 1": (
        "ENTREVISTADORA: ¿Qué cambió?\n"
        "TRABAJADORA: Formamos un sindicato independiente y votamos.\n"
        "TRABAJADOR: Ahora hay equipo de protección.\n"
    ),
    "Entrevista 2": (
        "TRABAJADORA: Nos pagan el salario mínimo y a veces menos.\n"
        "TRABAJADOR: Los niños ya no trabajan en el campo.\n"
    ),
    "Grupo focal 3": (
        "PARTICIPANTE: Muchos se fueron al norte a trabajar.\n"
        "PARTICIPANTE: El sindicato negoció un contrato nuevo.\n"
    ),
}

#: A segment as a test expects it: document, start, end, code name, coder, memo.
Expected = tuple[str, int, int, str, str, str]


def span(document: str, passage: str) -> tuple[int, int]:
    start = TEXTS[document].index(passage)
    return start, start + len(passage)


@dataclass
class Master:
    """The master project's location and the GUIDs of what the tests look for."""

    location: str
    segments: dict[str, str] = field(default_factory=dict)  # sA1, sB1... -> GUID
    codes: dict[str, str] = field(default_factory=dict)  # name -> GUID


def _ids(project: Project) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    with project.read() as session:
        coders = dict(session.execute(select(Coder.name, Coder.id)).all())
        documents = dict(session.execute(select(Document.name, Document.id)).all())
        codes = dict(session.execute(select(Code.name, Code.id)).all())
    return coders, documents, codes


def code_passage(
    project: Project, document: str, code: str, passage: str, coder: str | None = None
) -> str:
    coders, documents, codes = _ids(project)
    start, end = span(document, passage)
    command = AddSegments(
        [
            NewSegment(
                documents[document],
                codes[code],
                start,
                end,
                coder_id=coders[coder] if coder else None,
            )
        ]
    )
    project.run(command)
    return guid_of(project, command.segment_ids[0])


def guid_of(project: Project, segment_id: int) -> str:
    with project.read() as session:
        guid = session.scalar(select(Segment.guid).where(Segment.id == segment_id))
    assert guid is not None
    return guid


def id_of(project: Project, guid: str) -> int:
    with project.read() as session:
        ident = session.scalar(select(Segment.id).where(Segment.guid == guid))
    assert ident is not None
    return ident


def build_master(location: str) -> Master:
    """Create the master project (SQLite path or PostgreSQL URL)."""
    master = Master(location)
    with Project.create(location, language="es", name="Evaluación") as project:
        for name, role in (
            ("Ana Ruiz", "lead"),
            ("Ben Carter", "coder"),
            ("Cruz Peña", "coder"),
            ("Dana Solís", "coder"),
        ):
            project.run(AddCoder(name, role=role), undoable=False)
        project.use_coder("Ana Ruiz")
        project.run(
            ImportDocuments(
                [
                    NewDocument(
                        name=name,
                        text=text,
                        source_format="txt",
                        sha256=hashlib.sha256(text.encode()).hexdigest(),
                        turns=((0, 10, "TRABAJADORA"),),
                    )
                    for name, text in TEXTS.items()
                ]
            )
        )
        for name in ("Unions", "Wages", "Safety"):
            project.run(CreateCode(CodeSpec(name, definition=f"About {name.lower()}")))
        folder = CreateCode(CodeSpec("Outcomes", codable=False))
        project.run(folder)
        project.run(CreateCode(CodeSpec("Collective bargaining", parent_id=folder.code_id)))
        master.segments["sA1"] = code_passage(
            project, "Entrevista 1", "Unions", "Formamos un sindicato independiente"
        )
        master.segments["sB1"] = code_passage(
            project, "Entrevista 1", "Unions", "sindicato independiente", "Ben Carter"
        )
        master.segments["sB2"] = code_passage(
            project, "Entrevista 1", "Safety", "equipo de protección", "Ben Carter"
        )
        master.segments["sC1"] = code_passage(
            project, "Entrevista 2", "Wages", "salario mínimo", "Cruz Peña"
        )
        master.segments["sD0"] = code_passage(
            project,
            "Grupo focal 3",
            "Unions",
            "El sindicato negoció un contrato nuevo",
            "Dana Solís",
        )
        with project.read() as session:
            master.codes = dict(session.execute(select(Code.name, Code.guid)).all())
    return master


@dataclass
class Files:
    """The three returned files and the GUIDs of the segments the coders made."""

    ben: Path
    cruz: Path
    dana: Path
    segments: dict[str, str] = field(default_factory=dict)  # nB1, nC1... -> GUID
    codes: dict[str, str] = field(default_factory=dict)  # new code name -> GUID


def make_files(master: Master, folder: Path) -> Files:
    """Cut the three assignment files, change the master a little, do the coders' work."""
    first, second = "Entrevista 1", "Entrevista 2"
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        files = Files(
            ben=make_assignment(project, "Ben Carter", [first, second], folder / "ben.qdb").path,
            cruz=make_assignment(project, "Cruz Peña", [first, second], folder / "cruz.qdb").path,
            dana=make_assignment(
                project, "Dana Solís", ["Grupo focal 3"], folder / "dana.qdb"
            ).path,
        )
        # The lead goes on working in the master meanwhile.
        _, _, codes = _ids(project)
        project.run(UpdateCode(codes["Wages"], name="Wages and pay"))
        master.segments["sA2"] = code_passage(
            project, second, "Wages and pay", "Los niños ya no trabajan"
        )
    _ben(master, files)
    _cruz(master, files)
    _dana(master, files)
    return files


def _ben(master: Master, files: Files) -> None:
    with Project.open(files.ben) as project:
        project.use_coder("Ben Carter")
        start, end = span("Entrevista 1", "Formamos un sindicato")
        project.run(ResizeSegment(id_of(project, master.segments["sB1"]), start, end))
        project.run(RemoveSegments([id_of(project, master.segments["sB2"])]))
        files.segments["nB1"] = code_passage(
            project, "Entrevista 2", "Wages", "Nos pagan el salario mínimo"
        )
        _, documents, codes = _ids(project)
        project.run(UpdateCode(codes["Safety"], name="Health and safety"))
        start, end = span("Entrevista 1", "Formamos un sindicato independiente y votamos")
        project.run(ResizeSegment(id_of(project, master.segments["sA1"]), start, end))
        project.run(AddMemo("document", documents["Entrevista 1"], "Check with Cruz", title="Ben"))


def _cruz(master: Master, files: Files) -> None:
    with Project.open(files.cruz) as project:
        project.use_coder("Cruz Peña")
        files.segments["nC1"] = code_passage(
            project, "Entrevista 2", "Wages", "Nos pagan el salario mínimo"
        )
        create = CreateCode(CodeSpec("Child labour", colour="#123456"))
        project.run(create)
        files.segments["nC2"] = code_passage(
            project, "Entrevista 2", "Child labour", "Los niños ya no trabajan en el campo"
        )
        _, _, codes = _ids(project)
        project.run(UpdateCode(codes["Unions"], definition="Independent unions only"))
        project.run(SetSegmentMemo(id_of(project, master.segments["sC1"]), "minimum wage"))
        with project.read() as session:
            files.codes["Child labour"] = str(
                session.scalar(select(Code.guid).where(Code.name == "Child labour"))
            )


def _dana(master: Master, files: Files) -> None:
    with Project.open(files.dana) as project:
        project.use_coder("Dana Solís")
        project.run(CreateCode(CodeSpec("Migration")))
        files.segments["nD1"] = code_passage(
            project, "Grupo focal 3", "Migration", "Muchos se fueron al norte"
        )
        project.run(RemoveSegments([id_of(project, master.segments["sD0"])]))
        with project.read() as session:
            files.codes["Migration"] = str(
                session.scalar(select(Code.guid).where(Code.name == "Migration"))
            )
    tamper(files.dana, "Grupo focal 3")


def tamper(path: Path, document: str) -> None:
    """Edit a document's text behind the workbench's back."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(
                "UPDATE document SET text = replace(text, 'norte', 'Norte') WHERE name = ?",
                (document,),
            )
    finally:
        connection.close()


def segments(project: Project) -> dict[str, Expected]:
    """Every segment of a project by GUID, as a test expects it."""
    with project.read() as session:
        rows = session.execute(
            select(Segment.guid, Document.name, Segment.start, Segment.end, Code.name, Coder.name)
            .add_columns(Segment.memo)
            .join(Document, Document.id == Segment.document_id)
            .join(Code, Code.id == Segment.code_id)
            .join(Coder, Coder.id == Segment.coder_id)
        ).all()
    return {row[0]: (row[1], row[2], row[3], row[4], row[5], row[6]) for row in rows}


def expected(document: str, passage: str, code: str, coder: str, memo: str = "") -> Expected:
    start, end = span(document, passage)
    return (document, start, end, code, coder, memo)


def dump(project: Project, *, skip: tuple[str, ...] = ("event",)) -> dict[str, list[Any]]:
    """Every row of every table (but the audit log), sorted: the project's whole state."""
    state: dict[str, list[Any]] = {}
    with project.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = [tuple(row) for row in session.execute(select(table))]
            state[table.name] = sorted(rows, key=repr)
    return state
