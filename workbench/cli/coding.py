"""Subcommands for codes and codings: codebook, codings, search."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.output import add_command, emit_json, say
from workbench.codebook.csv_io import export_codebook, import_codebook
from workbench.codings_csv import export_codings, import_codings
from workbench.search import SearchIndex, code_hits
from workbench.server.roles import open_as_role


def cmd_codebook(args: argparse.Namespace) -> int:
    """Show, import or export the codebook."""
    with open_as_role(args.project, coder=args.coder) as project:
        if args.import_file:
            command = import_codebook(project, Path(args.import_file))
            created, updated = len(command.created_codes), command.updated_count
            say(f"codebook: {created} codes created, {updated} updated")
        if args.export_file:
            count = export_codebook(project, Path(args.export_file))
            say(f"codebook: {count} codes written to {args.export_file}")
        if args.import_file or args.export_file:
            return 0
        codes = project.codes()
    if args.json:
        emit_json(
            [
                {
                    "path": c.path,
                    "label": c.label,
                    "name": c.name,
                    "group": c.group,
                    "segments": c.segments,
                    "documents": c.documents,
                    "colour": c.colour,
                    "codable": c.codable,
                    "definition": c.definition,
                }
                for c in codes
            ]
        )
    else:
        group: str | None = None
        for c in codes:
            if c.parent_id is None and c.group != group:
                group = c.group
                print(f"[{group or 'no group'}]")
            depth = c.path.count("/") + 1
            label = f"{c.label} " if c.label else ""
            print(f"{'  ' * depth}{label}{c.name}\t({c.segments})")
        if not codes:
            say("the codebook is empty: workbench codebook PROJECT --import FILE.csv")
    return 0


def cmd_codings(args: argparse.Namespace) -> int:
    """Import or export codings as CSV."""
    with open_as_role(args.project, coder=args.coder) as project:
        if args.export_file:
            count = export_codings(project, Path(args.export_file))
            say(f"{count} segments written to {args.export_file}")
            return 0
        result = import_codings(project, Path(args.import_file))
        for refused in result.refused:
            print(f"refused\tline {refused.line}\t{refused.reason}")
        for code in result.new_codes:
            say(f"new code: {code}")
        for coder in result.new_coders:
            say(f"new coder: {coder}")
        say(
            f"{result.added} segments added, {result.duplicates} already present, "
            f"{len(result.refused)} refused"
        )
    return 1 if result.refused and not result.added else 0


def cmd_search(args: argparse.Namespace) -> int:
    """Search the documents, optionally coding every hit."""
    with open_as_role(args.project, coder=args.coder) as project:
        hits = SearchIndex(project).search(args.query, match=args.match)
        if args.code:
            command = code_hits(project, hits, project.code_id(args.code), scope=args.scope)
            coded = len(command.segment_ids) if command else 0
            say(
                f"coded {coded} passages with {args.code!r} "
                f"({len(hits) - coded} hits were coded already or shared a paragraph)"
            )
    if args.json:
        emit_json(
            [
                {
                    "document": h.document,
                    "start": h.start,
                    "end": h.end,
                    "text": h.text,
                    "before": h.before,
                    "after": h.after,
                }
                for h in hits
            ]
        )
    else:
        for h in hits:
            context = (h.before[-40:] + "[" + h.text + "]" + h.after[:40]).replace("\n", " ")
            print(f"{h.document}\t{h.start}-{h.end}\t{context}")
        say(f"{len(hits)} hits in {len({h.document_id for h in hits})} documents")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``codebook``, ``codings`` and ``search``."""
    codebook = add_command(sub, "codebook", cmd_codebook, "show, import or export the codebook")
    codebook.add_argument("project", metavar="PROJECT")
    codebook.add_argument("--json", action="store_true")
    codebook.add_argument("--import", dest="import_file", metavar="FILE.csv")
    codebook.add_argument("--export", dest="export_file", metavar="FILE.csv")

    codings = add_command(sub, "codings", cmd_codings, "import or export codings as CSV")
    codings.add_argument("project", metavar="PROJECT")
    way = codings.add_mutually_exclusive_group(required=True)
    way.add_argument("--import", dest="import_file", metavar="FILE.csv")
    way.add_argument("--export", dest="export_file", metavar="FILE.csv")

    search = add_command(
        sub, "search", cmd_search, "search the documents (case- and accent-insensitive)"
    )
    search.add_argument("project", metavar="PROJECT")
    search.add_argument("query", metavar="QUERY", help='words, prefix*, or "a quoted phrase"')
    search.add_argument("--json", action="store_true")
    search.add_argument(
        "--match", choices=("any", "all"), default="any", help="documents with any or all terms"
    )
    search.add_argument(
        "--code", metavar="CODE", help="code every hit with this code (path, name or label)"
    )
    search.add_argument(
        "--scope", choices=("hit", "paragraph"), default="hit", help="what --code codes"
    )
