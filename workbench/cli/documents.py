"""Subcommands that make projects and bring documents in: new, import, docs, demo."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.attribute_sheet import apply_sheet
from workbench.cli.output import TerminalProgress, add_command, emit_json, say
from workbench.importing import import_files, parse_assignments
from workbench.newproject import create_project
from workbench.project import Project
from workbench.queries import attribute_for_role
from workbench.server.roles import open_as_role


def cmd_new(args: argparse.Namespace) -> int:
    """Create a project."""
    with create_project(
        args.project, template=args.template, language=args.language, coder=args.coder
    ) as project:
        codes = len(project.codes())
        say(
            f"created {project.location}"
            + (f" with the {args.template} codebook ({codes} codes)" if args.template else "")
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import transcript files and folders."""
    with open_as_role(args.project, coder=args.coder) as project:
        report = import_files(
            project,
            [Path(p) for p in args.files],
            attributes=parse_assignments(args.attr or []),
            progress=TerminalProgress("reading"),
        )
        for path, document_id in report.imported:
            print(f"imported\t{path}\t(document {document_id})")
        for path, existing in report.duplicates:
            print(f"duplicate\t{path}\t(same content as {existing!r}; not imported again)")
        for problem in report.problems:
            print(f"failed\t{problem.path}\t{problem.reason}")
        for path, message in report.warnings:
            say(f"warning: {path.name}: {message}")
        if args.attributes:
            sheet = apply_sheet(project, Path(args.attributes))
            say(f"attributes: {sheet.values} values set on {sheet.documents} documents")
            for name in sheet.unknown_documents:
                say(f"attributes: no document named {name!r} (row skipped)")
        say(
            f"{len(report.imported)} imported, {len(report.duplicates)} duplicates, "
            f"{len(report.problems)} failed"
        )
    return 1 if report.problems and not report.imported else 0


def cmd_docs(args: argparse.Namespace) -> int:
    """List documents."""
    with Project.open(args.project) as project:
        documents = project.documents()
        with project.read() as session:
            role = attribute_for_role(session, "source_type")
        names = {a.id: a.name for a in project.attributes()}
        source_name = names.get(role) if role is not None else None
        rows = [
            {
                "id": d.id,
                "name": d.name,
                "characters": d.length,
                "source_type": d.attributes.get(source_name) if source_name else None,
                "format": d.source_format,
                "language": d.language,
                "segments": d.segments,
                "original_filename": d.original_filename,
                "sha256": d.sha256,
                "attributes": d.attributes,
            }
            for d in documents
        ]
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            kind = row["source_type"] or ""
            print(f"{row['name']}\t{row['characters']} chars\t{row['segments']} segments\t{kind}")
        if not rows:
            say("no documents yet: workbench import PROJECT FILE_OR_FOLDER...")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Build the demo project."""
    from workbench.demo import build_demo, default_demo_path

    path = Path(args.path) if args.path else default_demo_path()
    if path.exists() and not args.rebuild:
        say(f"the demo project is at {path} (use --rebuild to make it again)")
    else:
        if path.exists():
            for suffix in ("", "-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    extra.unlink()
        summary = build_demo(path, language=args.language)
        say(
            f"built the demo project at {path}: {summary.documents} documents, "
            f"{summary.codes} codes, {summary.segments} segments by {summary.coders} coders"
        )
    print(path)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``new``, ``import``, ``docs`` and ``demo``."""
    new = add_command(sub, "new", cmd_new, "create a project")
    new.add_argument("project", metavar="PATH")
    new.add_argument("--template", help="start from a bundled codebook template (usmca-evaluation)")
    new.add_argument(
        "--language", choices=("en", "es"), default="en", help="language of the template's texts"
    )

    imp = add_command(
        sub, "import", cmd_import, "import transcripts (txt, docx, odt, rtf, pdf, md, vtt, srt)"
    )
    imp.add_argument("project", metavar="PROJECT")
    imp.add_argument("files", metavar="FILE_OR_FOLDER", nargs="+")
    imp.add_argument(
        "--attr", action="append", metavar="NAME=VALUE", help="an attribute value for every file"
    )
    imp.add_argument(
        "--attributes", metavar="SHEET", help="a CSV or XLSX sheet with one row per document"
    )

    docs = add_command(sub, "docs", cmd_docs, "list the documents")
    docs.add_argument("project", metavar="PROJECT")
    docs.add_argument("--json", action="store_true")

    demo = add_command(sub, "demo", cmd_demo, "build the demo project")
    demo.add_argument("path", metavar="PATH", nargs="?")
    demo.add_argument(
        "--language", choices=("en", "es"), default="es", help="language of the demo's codebook"
    )
    demo.add_argument("--rebuild", action="store_true", help="replace an existing demo project")
    demo.add_argument(
        "--no-open",
        action="store_true",
        help="only build it (the desktop program opens it otherwise)",
    )
