"""The ``export`` subcommand: report appendices as Word, CSV and Excel files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.output import add_command, emit_json, say
from workbench.project import Project

if TYPE_CHECKING:
    from workbench.export.options import ExportOptions

LANGUAGES = ("en", "es")


def _options(project: Project, args: argparse.Namespace) -> tuple[ExportOptions, bool]:
    """The options: those remembered in the project, changed by the arguments given."""
    from workbench.export.options import ExportOptions, load_options

    stored = load_options(project)
    base = stored or ExportOptions(
        language=project.setting("language") if project.setting("language") in LANGUAGES else "en"
    )
    changed = stored is None
    values: dict[str, Any] = {
        "matrices": base.matrices,
        "quotes_per_code": base.quotes_per_code,
        "language": base.language,
        "coder": base.coder,
    }
    for key, given in (
        ("matrices", tuple(args.matrix) if args.matrix else None),
        ("quotes_per_code", args.quotes_per_code),
        ("language", args.language),
        ("coder", args.filter_coder),
    ):
        if given is not None:
            values[key] = given
            changed = True
    return ExportOptions(**values), changed


def cmd_export(args: argparse.Namespace) -> int:
    """Write the appendix in the formats asked for."""
    from workbench.export.contents import gather
    from workbench.export.csv_export import write_csv_folder
    from workbench.export.docx_appendix import write_appendix
    from workbench.export.options import remember
    from workbench.export.xlsx_export import write_workbook

    if not (args.docx or args.csv or args.xlsx):
        say("workbench export: name at least one of --docx FILE, --csv FOLDER, --xlsx FILE")
        return 2
    result: dict[str, Any] = {"docx": None, "csv": None, "xlsx": None}
    written: list[Path] = []
    with Project.open(args.project) as project:
        options, changed = _options(project, args)
        contents = gather(project, options)
        if changed:
            project.use_coder(args.coder)
            remember(project, options)
        agreement = None
        if args.agreement:
            from workbench.agreement.project import compute_agreement

            coders = [name.strip() for name in args.agreement.split(",") if name.strip()]
            agreement = compute_agreement(project, coders)
        if args.docx:
            report = write_appendix(
                project, Path(args.docx), contents=contents, agreement=agreement
            )
            result["docx"] = {
                "path": str(report.path),
                "tables": report.tables,
                "quotes": report.quotes,
                "landscape_sections": report.landscape_sections,
            }
            say(f"Word appendix: {report.tables} tables, {report.quotes} quotes")
            written.append(report.path)
        if args.csv:
            files = write_csv_folder(
                project, Path(args.csv), bom=not args.no_bom, contents=contents
            )
            result["csv"] = [str(f) for f in files]
            say(f"CSV: {len(files)} files in {args.csv}")
            written.extend(files)
        if args.xlsx:
            workbook = write_workbook(
                project, Path(args.xlsx), contents=contents, segments=args.xlsx_segments
            )
            result["xlsx"] = {
                "path": str(workbook.path),
                "sheets": [{"name": n, "caption": c} for n, c in workbook.sheets],
            }
            say(f"Excel workbook: {len(workbook.sheets) + 1} sheets")
            written.append(workbook.path)
    result["options"] = {
        "matrices": list(options.matrices),
        "quotes_per_code": options.quotes_per_code,
        "language": options.language,
        "coder": options.coder,
    }
    result["matrices"] = [
        {
            "spec": spec,
            "caption": matrix.description.caption(options.language),
            "rows": len(matrix.values.index),
            "columns": len(matrix.values.columns),
        }
        for spec, matrix in contents.matrices
    ]
    if args.json:
        emit_json(result)
    else:
        for path in written:
            print(path)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export``."""
    export = add_command(
        sub, "export", cmd_export, "write report appendices: Word, CSV files, an Excel workbook"
    )
    export.add_argument("project", metavar="PROJECT")
    export.add_argument("--docx", metavar="FILE", help="the Word appendix (.docx)")
    export.add_argument("--csv", metavar="FOLDER", help="a folder for the CSV files")
    export.add_argument("--xlsx", metavar="FILE", help="one Excel workbook (.xlsx)")
    export.add_argument(
        "--coder",
        dest="filter_coder",
        metavar="NAME|consensus",
        help="count only this coder's segments (name or initials), or the consensus coder's",
    )
    export.add_argument(
        "--matrix",
        action="append",
        metavar="ROWS:COLUMNS",
        help="a matrix, such as outcomes:ilab_project (repeat for more; see the README)",
    )
    export.add_argument("--language", choices=LANGUAGES, help="of headings, captions and labels")
    export.add_argument(
        "--quotes-per-code", type=int, metavar="N", help="the most quotes shown for each code"
    )
    export.add_argument(
        "--no-bom", action="store_true", help="write CSV files without a byte-order mark"
    )
    export.add_argument(
        "--xlsx-segments",
        action="store_true",
        help="add every segment to the workbook (slow for large projects; CSV has them too)",
    )
    export.add_argument("--json", action="store_true", help="print what was written as JSON")
    export.add_argument(
        "--agreement",
        metavar="NAME,NAME",
        help="add the character-level agreement of these coders to the Word appendix",
    )
