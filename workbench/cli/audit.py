"""Subcommand ``audit``: read the audit log, filtered, as text, JSON or CSV."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbench.audit import Moment, audit_events, export_audit_csv, iso_utc
from workbench.cli.output import add_command, emit_json, say
from workbench.entities import EventInfo
from workbench.errors import InvalidInputError
from workbench.project import Project


def parse_moment(text: str, option: str) -> Moment:
    """Read ``2025-03-01`` (a local day) or ``2025-03-01T14:00[+01:00]`` (a moment).

    Raises:
        InvalidInputError: the text is neither.
    """
    value = text.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(
            f"{option} {text!r} is not a date; write 2025-03-01 or 2025-03-01T14:30"
        ) from None


def _json_value(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _as_json(event: EventInfo) -> dict[str, Any]:
    return {
        "id": event.id,
        "time": iso_utc(event.at),
        "coder": event.coder,
        "action": event.action,
        "label": event.label,
        "target_kind": event.target_kind,
        "target_id": event.target_id,
        "before": _json_value(event.before),
        "after": _json_value(event.after),
    }


def cmd_audit(args: argparse.Namespace) -> int:
    """Show or export the audit log."""
    since = parse_moment(args.since, "--since") if args.since else None
    until = parse_moment(args.until, "--until") if args.until else None
    kinds = args.kind or None
    # Reading only: no coder is added to the project for this.
    with Project.open(args.project) as project:
        if args.csv_file:
            count = export_audit_csv(
                project,
                Path(args.csv_file),
                coder=args.by_coder,
                since=since,
                until=until,
                kinds=kinds,
            )
            say(f"{count} audit entries written to {args.csv_file}")
            return 0
        events = audit_events(
            project, coder=args.by_coder, since=since, until=until, kinds=kinds, limit=args.limit
        )
    if args.json:
        emit_json([_as_json(e) for e in events])
        return 0
    for e in events:
        target = f"{e.target_kind} {e.target_id}" if e.target_id is not None else e.target_kind
        print(f"{iso_utc(e.at)}\t{e.coder or '-'}\t{e.action}\t{e.label}\t{target}")
    say(f"{len(events)} audit entries (newest first)")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``audit``."""
    audit = add_command(
        sub, "audit", cmd_audit, "show or export the audit log: who changed what, and when"
    )
    audit.add_argument("project", metavar="PROJECT")
    audit.add_argument("--coder", dest="by_coder", metavar="NAME", help="only this coder's changes")
    audit.add_argument(
        "--since", metavar="DATE", help="from this day (local) or moment (2025-03-01T14:30)"
    )
    audit.add_argument("--until", metavar="DATE", help="up to this day (included) or moment")
    audit.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="only changes of this kind: segment, code, document, memo... (repeatable)",
    )
    audit.add_argument("--limit", type=int, metavar="N", help="at most N entries (newest)")
    way = audit.add_mutually_exclusive_group()
    way.add_argument("--json", action="store_true")
    way.add_argument(
        "--csv", dest="csv_file", metavar="FILE.csv", help="write every matching entry to a CSV"
    )
