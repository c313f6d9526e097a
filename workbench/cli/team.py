"""Subcommands for offline teamwork: ``assign`` and ``merge``."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.output import add_command, emit_json, say
from workbench.errors import InvalidInputError
from workbench.server.roles import open_as_role


def _document_names(values: list[str], known: set[str]) -> list[str]:
    """Names given with ``--documents``: each value is a name, or names joined by commas."""
    names: list[str] = []
    folded = {name.casefold() for name in known}
    for value in values:
        if value.strip().casefold() in folded:
            names.append(value.strip())
        else:
            names.extend(part.strip() for part in value.split(",") if part.strip())
    return names


def cmd_assign(args: argparse.Namespace) -> int:
    """Write an assignment file for one coder."""
    if not args.all_documents and not args.documents:
        raise InvalidInputError(
            "say which documents to assign: --documents NAME,... or --all-documents"
        )
    with open_as_role(args.project, coder=args.coder) as project:
        documents = None
        if not args.all_documents:
            known = {d.name for d in project.documents()}
            documents = _document_names(args.documents, known)
        from workbench.team import make_assignment

        report = make_assignment(project, args.assignee, documents, Path(args.out))
    if args.json:
        emit_json(report.to_json())
    else:
        print(report.path)
        say(
            f"assignment for {report.coder}: {len(report.documents)} documents, "
            f"{report.codes} codes, {report.segments} segments, {report.memos} memos"
            + (" (blind: the other coders' segments are left out)" if report.blind else "")
        )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge returned assignment files into the master (or preview it)."""
    from workbench.team import CodeChoice, merge_files

    choice = CodeChoice.parse(args.accept_codes)
    with open_as_role(args.project, coder=args.coder) as project:
        report = merge_files(project, [Path(f) for f in args.files], choice, dry_run=args.dry_run)
    if args.json:
        emit_json(report.to_json())
    else:
        for line in report.summary():
            print(line)
        if args.dry_run:
            say("nothing was changed (--dry-run)")
        else:
            say(report.backup_note)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``assign`` and ``merge``."""
    assign = add_command(
        sub, "assign", cmd_assign, "write an assignment file for one coder from the master"
    )
    assign.add_argument("project", metavar="MASTER", help="the master project")
    assign.add_argument(
        "--coder",
        dest="assignee",
        required=True,
        metavar="NAME",
        help="the coder the file is for (a coder of the master)",
    )
    which = assign.add_mutually_exclusive_group()
    which.add_argument(
        "--documents",
        action="append",
        metavar="NAME[,NAME...]",
        help="documents to assign, by name (repeat the option or separate names by commas)",
    )
    which.add_argument("--all-documents", action="store_true", help="assign every document")
    assign.add_argument("--out", required=True, metavar="FILE", help="the new file (.qdb)")
    assign.add_argument("--json", action="store_true", help="print what the file holds as JSON")

    merge = add_command(sub, "merge", cmd_merge, "merge returned assignment files into the master")
    merge.add_argument("project", metavar="MASTER", help="the master project")
    merge.add_argument("files", metavar="FILE", nargs="+", help="returned assignment files")
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would happen; change nothing"
    )
    merge.add_argument("--json", action="store_true", help="print the preview or result as JSON")
    merge.add_argument(
        "--accept-codes",
        metavar="all|none|GUID,...",
        help="code proposals to accept (default: new codes accepted, changes refused)",
    )
