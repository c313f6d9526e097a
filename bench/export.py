"""``python -m bench.export [--quick]``: time matrices and report appendices at scale.

A corpus like the main benchmark's (300 transcripts, about 6 million characters,
4 coders, 100,000 segments over the 61 codes of the usmca-evaluation template) is
built in a temporary folder straight through the core's commands (no .docx files),
then the analysis queries and the three appendix formats are timed. The result is a
Markdown table on stdout; nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from bench.corpus import FULL, QUICK, CorpusSpec, add_coders, add_segments, transcript_turns
from workbench.analysis.corpus import Corpus, load_corpus
from workbench.analysis.specs import build_matrix
from workbench.codebook.template import ApplyTemplate, load_template
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.export.contents import gather
from workbench.export.csv_export import write_csv_folder
from workbench.export.docx_appendix import write_appendix
from workbench.export.options import ExportOptions
from workbench.export.xlsx_export import write_workbook
from workbench.project import Project

T = TypeVar("T")
ROWS = ("outcomes", "usmca", "projects", "themes")
COLUMNS = ("ilab_project", "state", "sector", "source_type", "respondent_type")
TWENTY = tuple(f"{r}:{c}" for r in ROWS for c in COLUMNS)
QUOTES = 10_000


def timed(action: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _choices(project: Project) -> dict[str, tuple[str, ...]]:
    with project.read() as session:
        from workbench import queries

        roles = {r: queries.attribute_for_role(session, r) for r in (*COLUMNS, "gender")}
    by_id = {a.id: a for a in project.attributes()}
    return {role: by_id[ident].choices for role, ident in roles.items() if ident is not None}


def build(location: Path, spec: CorpusSpec) -> Project:
    """A project with the template codebook, attributed documents and segments."""
    project = Project.create(location, language="es")
    project.use_coder("Ana Ruiz")
    project.run(ApplyTemplate(load_template("usmca-evaluation"), "es"), undoable=False)
    coder_ids = add_coders(project, spec)
    with project.read() as session:
        from workbench import queries

        role_ids = {
            r: queries.attribute_for_role(session, r)
            for r in (*COLUMNS, "gender", "interview_date")
        }
    choices = _choices(project)
    projects = [c.label for c in project.codes() if c.group == "Proyectos de ILAB"]
    rng = random.Random(spec.seed)
    batch: list[NewDocument] = []
    for number in range(1, spec.files + 1):
        title, turns = transcript_turns(rng, number, spec.chars_per_file)
        text = title + "\n" + "".join(f"{who}: {speech}\n" for who, speech in turns)
        values = {
            ident: rng.choice(choices[role])
            for role, ident in role_ids.items()
            if ident is not None and choices.get(role)
        }
        if role_ids["ilab_project"] is not None:
            values[role_ids["ilab_project"]] = "; ".join(rng.sample(projects, rng.randint(1, 3)))
        if role_ids["interview_date"] is not None:
            values[role_ids["interview_date"]] = (
                f"2024-{rng.randint(4, 12):02d}-{rng.randint(1, 28):02d}"
            )
        batch.append(
            NewDocument(
                name=f"Entrevista {number:03d}",
                text=text,
                source_format="txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                attributes=values,
            )
        )
        if len(batch) == 50 or number == spec.files:
            project.run(ImportDocuments(batch), undoable=False)
            batch = []
    codable = [c.id for c in project.codes() if c.codable]
    add_segments(project, spec, codable, coder_ids)
    return project


def run(spec: CorpusSpec, folder: Path) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    seconds, project = timed(lambda: build(folder / "export.qdb", spec))
    documents = project.documents()
    characters = sum(d.length for d in documents)
    segments = sum(d.segments for d in documents)
    print(
        f"corpus: {len(documents)} documents, {characters:,} characters, {segments:,} segments, "
        f"{len(project.codes())} codes, built in {seconds:.1f} s",
        file=sys.stderr,
    )
    with project:
        seconds, corpus = timed(lambda: load_corpus(project))
        rows.append(("read the corpus (segments, documents, codebook)", seconds, ""))
        matrices = (
            "outcomes:ilab_project",
            "usmca:ilab_project:share",
            "outcomes:source_type:characters",
            "outcomes:state",
            "themes:coder",
            "usmca:projects",
            "usmca:projects:paragraph",
            "outcomes:triangulation",
        )
        for name in matrices:
            seconds, _ = timed(partial(build_matrix, corpus, name))
            rows.append((f"matrix {name}", seconds, "< 1 s"))
        seconds, _ = timed(lambda: build_matrix(load_corpus(project), "outcomes:ilab_project"))
        rows.append(("read + matrix outcomes:ilab_project", seconds, "< 1 s"))
        cap = QUOTES // len([c for c in corpus.codes if c.codable]) + 1
        options = ExportOptions(matrices=TWENTY, quotes_per_code=cap, language="es")
        rows.extend(_appendix(project, corpus, options, folder))
    return rows


def _appendix(
    project: Project, corpus: Corpus, options: ExportOptions, folder: Path
) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    seconds, contents = timed(lambda: gather(project, options, corpus))
    quotes = sum(len(q) for q in contents.quotes.values())
    rows.append((f"gather: codebook, 20 matrices, {quotes:,} quotes", seconds, ""))
    seconds, report = timed(lambda: write_appendix(project, folder / "a.docx", contents=contents))
    size = (folder / "a.docx").stat().st_size / 1e6
    rows.append(
        (
            f"write .docx ({report.tables} tables, {report.quotes:,} quotes, {size:.1f} MB)",
            seconds,
            "",
        )
    )
    total, _ = timed(lambda: write_appendix(project, folder / "b.docx", options))
    rows.append(("Word appendix from the project (read, gather, write)", total, "< 30 s"))
    seconds, workbook = timed(lambda: write_workbook(project, folder / "a.xlsx", contents=contents))
    size = (folder / "a.xlsx").stat().st_size / 1e6
    what = f"write .xlsx ({len(workbook.sheets) + 1} sheets, {size:.1f} MB)"
    rows.append((what, seconds, "< 10 s"))
    seconds, files = timed(lambda: write_csv_folder(project, folder / "csv", contents=contents))
    size = sum(f.stat().st_size for f in files) / 1e6
    rows.append(
        (f"write the CSV folder ({len(files)} files with the segments, {size:.0f} MB)", seconds, "")
    )
    seconds, _ = timed(
        lambda: write_workbook(project, folder / "b.xlsx", contents=contents, segments=True)
    )
    size = (folder / "b.xlsx").stat().st_size / 1e6
    rows.append((f"write .xlsx with a sheet of every segment ({size:.1f} MB)", seconds, ""))
    return rows


def markdown(rows: list[tuple[str, float, str]], spec: CorpusSpec) -> str:
    lines = [
        f"Export benchmark: {spec.files} documents of ~{spec.chars_per_file:,} characters, "
        f"{spec.segments:,} segments, {spec.coders} coders",
        "",
        "| operation | time | target |",
        "|---|---:|---|",
    ]
    lines += [f"| {name} | {seconds:.3f} s | {target} |" for name, seconds, target in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a 10x smaller corpus")
    args = parser.parse_args(argv)
    spec = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="wb-export-bench-") as folder:
        rows = run(spec, Path(folder))
    print(markdown(rows, spec))
    return 0


if __name__ == "__main__":
    sys.exit(main())
