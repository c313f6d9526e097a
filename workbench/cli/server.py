"""Subcommands for team servers: ``copy`` and ``server setup|blind|status``."""

from __future__ import annotations

import argparse

from workbench.cli.output import TerminalProgress, add_command, emit_json, say
from workbench.errors import InvalidInputError
from workbench.project import Project
from workbench.server import (
    RoleAssignment,
    ServerStatus,
    adopt_role_coder,
    copy_project,
    server_status,
    set_blind,
    setup_team,
)


def cmd_copy(args: argparse.Namespace) -> int:
    """Copy a project between a file and a server."""
    report = copy_project(args.source, args.target, progress=TerminalProgress("copying"))
    for table, rows in report.rows.items():
        print(f"{table}\t{rows}")
    say(
        f"copied {report.total} rows from {report.source} to {report.target} "
        f"(schema {report.revision})"
    )
    return 0


def _open_for_admin(location: str) -> Project:
    """Open a project as whoever signs in, adding no coder for an owner."""
    project = Project.open(location)
    adopt_role_coder(project)
    return project


def cmd_setup(args: argparse.Namespace) -> int:
    """Create roles, grant them, install row-level security, map roles to coders."""
    assignments = [RoleAssignment.parse(a) for a in args.coders or []]
    assignments += [RoleAssignment.parse(a, lead=True) for a in args.leads or []]
    if not assignments:
        raise InvalidInputError("name the coders and their roles: --coder NAME=ROLE ...")
    with _open_for_admin(args.project) as project:
        report = setup_team(project, assignments, passwords=args.password)
        status = server_status(project)
        location = project.location
    if args.json:
        emit_json(
            {
                "created": [
                    {"role": role, "password": password}
                    for role, password in report.created.items()
                ],
                "existing": list(report.existing),
                "coders": report.coders,
                "added_coders": list(report.added_coders),
                "blind": status.blind,
            }
        )
    else:
        for assignment in assignments:
            role = assignment.db_role
            kind = "lead" if assignment.lead else "coder"
            if role in report.created:
                password = report.created[role]
                state = f"created\t{password}" if password else "created (NOLOGIN)"
            else:
                state = "existing"
            print(f"{role}\t{assignment.name}\t{kind}\t{state}")
        if any(report.created.values()):
            say("give each coder their password once; they keep it in ~/.pgpass")
        if report.created and not args.password:
            say("new roles cannot sign in yet: ALTER ROLE name LOGIN PASSWORD '...'")
    if status.blind:
        say("the project is blind: each coder sees only their own segments")
    else:
        say(
            f"the project is not blind; to hide coders' segments from each other: "
            f"workbench server blind {location} on"
        )
    return 0


def cmd_blind(args: argparse.Namespace) -> int:
    """Turn the blind on or off."""
    on = args.state == "on"
    with _open_for_admin(args.project) as project:
        changed = set_blind(project, on)
    state = "blind: coders see only their own segments" if on else "not blind: coders see all"
    say(("now " if changed else "already ") + state)
    return 0


def _status_json(status: ServerStatus) -> dict[str, object]:
    return {
        "on_server": status.on_server,
        "signed_in_as": status.signed_in_as,
        "coder_id": status.coder_id,
        "blind": status.blind,
        "secured": status.secured,
        "sees_everything": status.sees_everything,
        "can_change_blind": status.can_change_blind,
        "roles": [
            {
                "coder_id": r.coder_id,
                "name": r.name,
                "initials": r.initials,
                "lead": r.lead,
                "role": r.db_role,
                "exists": r.exists,
                "can_login": r.can_login,
            }
            for r in status.roles
        ],
    }


def cmd_status(args: argparse.Namespace) -> int:
    """Show the roles, the blind and what the signed-in role may do."""
    with _open_for_admin(args.project) as project:
        status = server_status(project)
    if args.json:
        emit_json(_status_json(status))
        return 0
    for role in status.roles:
        login = "login" if role.can_login else ("nologin" if role.exists else "missing")
        print(f"{role.db_role}\t{role.name}\t{'lead' if role.lead else 'coder'}\t{login}")
    if not status.on_server:
        say("this project is a file; put it on a server with workbench copy FILE URL")
        return 0
    blind = "blind" if status.blind else "not blind"
    say(f"signed in as {status.signed_in_as}; the project is {blind}")
    if not status.secured:
        say("row-level security is not installed: run workbench server setup")
    return 0


def _no_action(args: argparse.Namespace) -> int:
    args.parser.print_help()
    return 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``copy`` and ``server``."""
    copy = add_command(
        sub, "copy", cmd_copy, "copy a project between a file and a server, nothing lost"
    )
    copy.add_argument("source", metavar="SOURCE", help="a project file or database URL")
    copy.add_argument("target", metavar="TARGET", help="a new file or an empty database's URL")

    server = add_command(sub, "server", _no_action, "set up a team server: roles and the blind")
    server.set_defaults(parser=server)
    actions = server.add_subparsers(dest="action", metavar="ACTION")

    setup = add_command(
        actions,
        "setup",
        cmd_setup,
        "create the coders' roles, grant them and install row-level security (as the owner)",
    )
    setup.add_argument("project", metavar="PROJECT_URL")
    setup.add_argument(
        "--coder", dest="coders", action="append", metavar="NAME=ROLE", help="a coder and role"
    )
    setup.add_argument(
        "--lead", dest="leads", action="append", metavar="NAME=ROLE", help="a lead and role"
    )
    setup.add_argument(
        "--password",
        action="store_true",
        help="create new roles with LOGIN and a random password (printed once); "
        "otherwise they are NOLOGIN",
    )
    setup.add_argument("--json", action="store_true")

    blind = add_command(
        actions, "blind", cmd_blind, "hide coders' segments from each other, or show them (lead)"
    )
    blind.add_argument("project", metavar="PROJECT_URL")
    blind.add_argument("state", choices=("on", "off"))

    status = add_command(actions, "status", cmd_status, "show the roles and the blind")
    status.add_argument("project", metavar="PROJECT_URL")
    status.add_argument("--json", action="store_true")
