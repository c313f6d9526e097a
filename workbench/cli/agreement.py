"""The ``agreement`` subcommand: agreement between coders, as a table or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.output import add_command, emit_json
from workbench.errors import NotFoundError
from workbench.project import Project

if TYPE_CHECKING:
    from workbench.agreement.result import AgreementResult, CodeAgreement, GroupAgreement

#: The units and aggregates offered (the agreement package's ``UNITS`` and
#: ``AGGREGATES``; spelled out here so that the command line starts without loading
#: the statistics — a test checks that they agree).
UNITS = ("character", "segment", "document", "unitized")
AGGREGATES = ("pooled", "mean", "weighted")

NAME_WIDTH = 40


def code_references(project: Project, arguments: Sequence[str] | None) -> list[str] | None:
    """Each ``--codes`` argument whole when it names a code or group, else split on commas.

    Code names may hold commas ("Sindicatos certificados, contratos aprobados"), so an
    argument is split only when it does not resolve as it stands.
    """
    if not arguments:
        return None
    references: list[str] = []
    for argument in arguments:
        try:
            from workbench.agreement.selection import resolve_codes

            resolve_codes(project, [argument])
            references.append(argument)
        except NotFoundError:
            references.extend(part.strip() for part in argument.split(",") if part.strip())
    return references


def _number(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _columns(result: AgreementResult) -> list[tuple[str, str, int]]:
    """(header, key, digits) of the table's columns for this unit."""
    a, b = (c.initials or c.name for c in result.coders[:2])
    many = len(result.coders) > 2
    if result.unit == "character" and not many:
        kappa = {"pooled": "kappa", "mean": "kappa_mean", "weighted": "kappa_weighted"}
        percent = "percent_agreement" + (
            "" if result.aggregate == "pooled" else "_" + result.aggregate
        )
        return [
            (f"kappa ({result.aggregate})", kappa[result.aggregate], 3),
            ("agree %", percent, 1),
            ("both", "both", 0),
            (f"only {a}", "only_a", 0),
            (f"only {b}", "only_b", 0),
            ("neither", "neither", 0),
        ]
    if result.unit in ("character", "document") and many:
        return [
            ("Fleiss", "fleiss_kappa", 3),
            ("alpha", "alpha", 3),
            ("agree %", "percent_agreement", 1),
        ]
    if result.unit == "document":
        return [
            ("kappa", "kappa", 3),
            ("agree %", "percent_agreement", 1),
            ("both", "both", 0),
            (f"only {a}", "only_a", 0),
            (f"only {b}", "only_b", 0),
            ("neither", "neither", 0),
        ]
    if result.unit == "segment":
        return [
            ("BP kappa", "brennan_prediger", 3),
            ("agree %", "percent_agreement", 1),
            ("agreements", "agreements", 0),
            (f"only {a}", "only_a", 0),
            (f"only {b}", "only_b", 0),
        ]
    if many:
        return [("u-alpha", "u_alpha", 3)]
    return [
        ("u-alpha", "u_alpha", 3),
        (f"coded {a}", "coded_a", 0),
        (f"coded {b}", "coded_b", 0),
        ("both", "both", 0),
    ]


def _cell(entry: CodeAgreement | GroupAgreement | dict[str, Any], key: str, digits: int) -> str:
    if isinstance(entry, dict):
        return _number(entry.get(key), digits)
    value = entry.values[key] if key in entry.values else entry.counts.get(key)
    return _number(value, digits)


def _render(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:-1], widths[1:-1], strict=True)]
        print("  ".join([*cells, row[-1]]).rstrip())


def print_table(result: AgreementResult) -> None:
    """A readable table per code (and per group), the overall line, and the method."""
    columns = _columns(result)
    lead = columns[0][1]
    rows = [["code", *(header for header, _, _ in columns), "note"]]
    for entry in result.codes:
        name = f"{entry.label} {entry.path.rsplit('/', 1)[-1]}".strip()
        if len(name) > NAME_WIDTH:
            name = name[: NAME_WIDTH - 3] + "..."
        note = entry.undefined.get(lead, "")
        rows.append([name, *(_cell(entry, key, d) for _, key, d in columns), note])
    overall = dict(result.overall)
    label = "overall"
    if result.unit == "character" and len(result.coders) == 2:
        label = "all codes, pooled"
        overall[lead] = overall.get("kappa")
        overall[columns[1][1]] = overall.get("percent_agreement")
    if result.unit == "unitized":
        label = "any code (|u-alpha)"
        overall["u_alpha"] = overall.get("binary_u_alpha")
    rows.append([label, *(_cell(overall, key, d) for _, key, d in columns), ""])
    _render(rows)
    if result.groups:
        print()
        group_rows = [["group", "|u-alpha", "u-alpha", "cu-alpha", "note"]]
        for group in result.groups:
            note = "; ".join(dict.fromkeys(group.undefined.values()))
            group_rows.append(
                [group.group]
                + [_cell(group, key, 3) for key in ("binary_u_alpha", "u_alpha", "cu_alpha")]
                + [note]
            )
        _render(group_rows)
    print()
    print(result.method)


def cmd_agreement(args: argparse.Namespace) -> int:
    """Compute agreement between coders."""
    coders = [name.strip() for name in args.coders.split(",") if name.strip()]
    with Project.open(args.project) as project:
        from workbench.agreement.project import compute_agreement

        result = compute_agreement(
            project,
            coders,
            unit=args.unit,
            documents=args.documents,
            codes=code_references(project, args.codes),
            min_overlap=args.min_overlap,
            aggregate=args.aggregate,
        )
    if args.docx:
        from workbench.export.agreement_report import write_agreement_report

        rows = write_agreement_report(result, Path(args.docx), language=args.language)
        print(f"agreement report ({rows} codes) written to {args.docx}", file=sys.stderr)
    if args.json:
        emit_json(result.to_json())
    else:
        print_table(result)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``agreement``."""
    agreement = add_command(
        sub, "agreement", cmd_agreement, "agreement between coders (kappa, alpha, unitized alpha)"
    )
    agreement.add_argument("project", metavar="PROJECT")
    agreement.add_argument(
        "--coders",
        required=True,
        metavar="NAME,NAME[,...]",
        help="two or more coders (name, initials or id)",
    )
    agreement.add_argument("--unit", choices=UNITS, default="character", help="what is compared")
    agreement.add_argument(
        "--codes",
        nargs="+",
        metavar="CODE",
        help="codes by path, name, label or id, or a code group (default: every codable code)",
    )
    agreement.add_argument(
        "--documents",
        nargs="+",
        metavar="DOCUMENT",
        help="documents by name or id (default: those every coder coded)",
    )
    agreement.add_argument(
        "--min-overlap",
        type=float,
        default=90.0,
        metavar="PERCENT",
        help="segment unit: the overlap, in percent of the union, for two segments to match",
    )
    agreement.add_argument(
        "--aggregate",
        choices=AGGREGATES,
        default="pooled",
        help="character unit: pooled table, mean, or size-weighted mean over documents",
    )
    agreement.add_argument("--json", action="store_true")
    agreement.add_argument(
        "--docx", metavar="FILE", help="also write the report (methods sentence and table) to Word"
    )
    agreement.add_argument(
        "--language", choices=("en", "es"), default="en", help="of the Word report's headings"
    )
