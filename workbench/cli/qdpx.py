"""The ``qdpx`` subcommand: REFI-QDA exchange with other qualitative analysis tools."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.output import add_command, emit_json, say
from workbench.errors import InvalidInputError
from workbench.newproject import create_project
from workbench.project import Project
from workbench.server.roles import open_as_role

_EXPORT_KINDS = (".qdpx", ".qdc")


def _new_project_file(location: str) -> Path | None:
    """The project file to create for an import, or None when the project exists (or is a URL)."""
    if "://" in location:
        return None
    path = Path(location).expanduser()
    return None if path.exists() else path


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _import(args: argparse.Namespace) -> int:
    source = Path(args.import_file)
    new_file = _new_project_file(args.project)
    if new_file is not None:
        project = create_project(new_file, coder=args.coder)
    else:
        project = Project.open(args.project)
    try:
        with project:
            project.use_coder(args.coder)
            from workbench.qdpx import import_qdpx

            report = import_qdpx(project, source)
    except BaseException:
        if new_file is not None:
            _remove(new_file)
        raise
    if new_file is not None:
        say(f"created {new_file}")
    if args.json:
        emit_json(report.to_json())
    else:
        for line in report.summary():
            say(line)
    return 0


def _export(args: argparse.Namespace) -> int:
    target = Path(args.export_file)
    kind = target.suffix.casefold()
    if kind not in _EXPORT_KINDS:
        raise InvalidInputError(
            f"{target.name}: write a project as FILE.qdpx or its codebook as FILE.qdc"
        )
    with open_as_role(args.project, coder=args.coder) as project:
        from workbench.qdpx import export_qdc, export_qdpx

        report = export_qdc(project, target) if kind == ".qdc" else export_qdpx(project, target)
    if args.json:
        emit_json(report.to_json())
    else:
        for line in report.summary():
            say(line)
    return 0


def cmd_qdpx(args: argparse.Namespace) -> int:
    """Import or export a REFI-QDA project (.qdpx) or codebook (.qdc)."""
    return _import(args) if args.import_file else _export(args)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``qdpx``."""
    qdpx = add_command(
        sub, "qdpx", cmd_qdpx, "exchange projects and codebooks with other tools (REFI-QDA)"
    )
    qdpx.add_argument(
        "project", metavar="PROJECT", help="the project (a new file is created on import)"
    )
    way = qdpx.add_mutually_exclusive_group(required=True)
    way.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE",
        help="a .qdpx project, .qde project XML or .qdc codebook from another tool",
    )
    way.add_argument(
        "--export",
        dest="export_file",
        metavar="FILE",
        help="FILE.qdpx for the whole project, FILE.qdc for the codebook",
    )
    qdpx.add_argument("--json", action="store_true", help="print the report as JSON")
