"""Coders and their server roles: who signs in as whom, and setting up a team server.

Each coder of a team project signs in to PostgreSQL as a role of their own; the
``coder.db_role`` column records which. Opening a project as a mapped role makes that
coder the current coder: the server would refuse anything else in a blind project.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import URL

from db.engine import is_sqlite
from db.schema import Coder
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext, require
from workbench.commands.coders import AddCoder
from workbench.entities import CoderInfo
from workbench.errors import InvalidInputError
from workbench.project import Project
from workbench.server import security
from workbench.server.blind import is_blind


def on_server(project: Project) -> bool:
    """Whether the project lives on a PostgreSQL server (not in a file)."""
    return _on_server(project.url)


def _on_server(url: URL) -> bool:
    return not is_sqlite(url) and url.get_backend_name() == "postgresql"


@dataclass(frozen=True)
class RoleAssignment:
    """One coder and the PostgreSQL role they sign in as.

    Attributes:
        name: the coder's name in the project (added when new).
        db_role: the role's name on the server.
        lead: whether the coder is a lead (sees every coder's segments).
    """

    name: str
    db_role: str
    lead: bool = False

    @staticmethod
    def parse(argument: str, *, lead: bool = False) -> RoleAssignment:
        """Read ``NAME=ROLE`` (as the command line writes it)."""
        name, sep, role = argument.rpartition("=")
        if not sep or not name.strip() or not role.strip():
            raise InvalidInputError(
                f"write a coder and a role as NAME=ROLE (e.g. 'Ana Ruiz=ana'), not {argument!r}"
            )
        return RoleAssignment(name.strip(), security.check_role_name(role), lead)


class MapCoderRoles(Command):
    """Record which role each coder signs in as, adding coders who are new.

    A role already recorded for another coder moves to the named one. Run it with
    ``undoable=False`` as part of setting up a server (undo would leave the roles and
    grants in place anyway).
    """

    label = "Assign server roles"

    def __init__(self, assignments: Sequence[RoleAssignment]) -> None:
        if not assignments:
            raise InvalidInputError("name at least one coder and role (NAME=ROLE)")
        roles = [a.db_role for a in assignments]
        names = [a.name for a in assignments]
        if len(set(roles)) != len(roles):
            raise InvalidInputError("each role can sign in as one coder only")
        if len(set(names)) != len(names):
            raise InvalidInputError("each coder can have one role only")
        self.assignments = list(assignments)
        self.coder_ids: list[int] = []
        self.added: list[int] = []
        self._before: dict[int, tuple[str, str | None]] = {}

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        self.coder_ids, self.added, self._before = [], [], {}
        new_role = {a.name: a.db_role for a in self.assignments}
        # Free the roles that move to another coder first: the column is unique.
        holders = select(Coder).where(Coder.db_role.in_(list(new_role.values())))
        for coder in session.scalars(holders):
            if new_role.get(coder.name) != coder.db_role:
                self._before[coder.id] = (coder.role, coder.db_role)
                coder.db_role = None
        session.flush()
        for assignment in self.assignments:
            found = session.scalars(select(Coder).where(Coder.name == assignment.name)).first()
            if found is None:
                add = AddCoder(assignment.name, role="lead" if assignment.lead else "coder")
                add.do(ctx)
                assert add.coder_id is not None
                coder = require(session, Coder, add.coder_id, "coder")
                self.added.append(coder.id)
            else:
                coder = found
                self._before.setdefault(coder.id, (coder.role, coder.db_role))
            coder.role = "lead" if assignment.lead else "coder"
            coder.db_role = assignment.db_role
            self.coder_ids.append(coder.id)
        return Changes.of(added={"coder": self.added}, updated={"coder": list(self._before)})

    def undo(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        for coder_id in self.coder_ids:
            require(session, Coder, coder_id, "coder").db_role = None
        session.flush()
        for coder_id, (role, db_role) in self._before.items():
            coder = require(session, Coder, coder_id, "coder")
            coder.role, coder.db_role = role, db_role
        for coder_id in self.added:
            session.delete(require(session, Coder, coder_id, "coder"))
        return Changes.of(removed={"coder": self.added}, updated={"coder": list(self._before)})

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "coder.roles",
            "coder",
            None,
            {str(i): {"role": r, "db_role": d} for i, (r, d) in self._before.items()},
            {a.name: {"db_role": a.db_role, "lead": a.lead} for a in self.assignments},
        )


def signed_in_role(project: Project) -> str | None:
    """The PostgreSQL role this project is open as (None for a file)."""
    if not on_server(project):
        return None
    with project.engine.connect() as connection:
        return str(connection.scalar(text("SELECT CAST(CURRENT_USER AS text)")))


def role_coder(project: Project) -> CoderInfo | None:
    """The coder whose role this project is open as, if the role is one of them."""
    role = signed_in_role(project)
    if role is None:
        return None
    with project.read() as session:
        coder = session.scalars(select(Coder).where(Coder.db_role == role)).first()
        if coder is None:
            return None
        return CoderInfo(coder.id, coder.guid, coder.name, coder.initials, coder.colour, coder.role)


def adopt_role_coder(project: Project) -> int | None:
    """Make the signed-in role's coder the current coder; their id, or None.

    Does nothing for a project file or a role that is no coder's (an owner, say).
    """
    coder = role_coder(project)
    if coder is None:
        return None
    project.coder_id = coder.id
    return coder.id


def open_as_role(location: str | Path, *, coder: str | None = None, backup: bool = True) -> Project:
    """Open a project for the coder who signs in, as the server knows them.

    Args:
        location: a project file or a database URL (the user in it is the role).
        coder: who works when the role is no coder's, or for a project file (defaults
            to the operating system's user). A mapped role's coder always wins: the
            server would refuse the work of anyone else in a blind project.
        backup: back up a project file before migrating it.

    Returns:
        The open project with its current coder set.
    """
    project = Project.open(location, backup=backup)
    try:
        if adopt_role_coder(project) is None:
            project.use_coder(coder)
    except Exception:
        project.close()
        raise
    return project


@dataclass(frozen=True)
class TeamRole:
    """A coder with a server role, as the server sees it.

    Attributes:
        coder_id: the coder's id.
        name: the coder's name.
        initials: the coder's initials.
        lead: whether the coder is a lead.
        db_role: the PostgreSQL role.
        exists: whether the role exists on the server.
        can_login: whether the role may sign in (it has ``LOGIN``).
    """

    coder_id: int
    name: str
    initials: str
    lead: bool
    db_role: str
    exists: bool
    can_login: bool


@dataclass(frozen=True)
class ServerStatus:
    """What the server enforces for a project, seen from the signed-in role.

    Attributes:
        on_server: whether the project is on a server at all.
        signed_in_as: the role this project is open as.
        coder_id: the coder that role is, if any.
        blind: whether the project is blind.
        secured: whether row-level security is installed (``workbench server setup``).
        sees_everything: whether this role sees every coder's segments now.
        can_change_blind: whether this role may turn the blind on or off.
        roles: the coders with server roles.
    """

    on_server: bool
    signed_in_as: str | None
    coder_id: int | None
    blind: bool
    secured: bool
    sees_everything: bool
    can_change_blind: bool
    roles: tuple[TeamRole, ...]


def server_status(project: Project) -> ServerStatus:
    """The roles, the blind and what the signed-in role may do."""
    blind = is_blind(project)
    with project.read() as session:
        mapped = session.execute(
            select(Coder.id, Coder.name, Coder.initials, Coder.role, Coder.db_role)
            .where(Coder.db_role.is_not(None))
            .order_by(Coder.name)
        ).all()
    if not on_server(project):
        me = next((c for c in project.coders() if c.id == project.coder_id), None)
        roles = tuple(
            TeamRole(i, n, ini, r == "lead", str(d), False, False) for i, n, ini, r, d in mapped
        )
        return ServerStatus(
            on_server=False,
            signed_in_as=None,
            coder_id=project.coder_id,
            blind=blind,
            secured=False,
            sees_everything=True,
            can_change_blind=me is None or me.role == "lead" or not roles,
            roles=roles,
        )
    with project.engine.connect() as connection:
        role = str(connection.scalar(text("SELECT CAST(CURRENT_USER AS text)")))
        secured = security.rules_installed(connection)
        exempt = security.bypasses_rules(connection)
        logins = security.login_roles(connection, [str(row.db_role) for row in mapped])
    mine = next((row for row in mapped if row.db_role == role), None)
    lead = mine is not None and mine.role == "lead"
    roles = tuple(
        TeamRole(i, n, ini, r == "lead", str(d), str(d) in logins, logins.get(str(d), False))
        for i, n, ini, r, d in mapped
    )
    return ServerStatus(
        on_server=True,
        signed_in_as=role,
        coder_id=mine.id if mine is not None else None,
        blind=blind,
        secured=secured,
        sees_everything=exempt or lead or not blind or not secured,
        can_change_blind=exempt or lead,
        roles=roles,
    )


@dataclass(frozen=True)
class SetupReport:
    """What ``setup_team`` did.

    Attributes:
        created: roles created now, with their passwords (None: created ``NOLOGIN``).
        existing: roles that existed already and were left as they were.
        coders: coder name -> role, for every assignment.
        added_coders: coders that were new to the project.
    """

    created: dict[str, str | None]
    existing: tuple[str, ...]
    coders: dict[str, str]
    added_coders: tuple[str, ...]


def setup_team(
    project: Project, assignments: Sequence[RoleAssignment], *, passwords: bool = False
) -> SetupReport:
    """Create the coders' roles, grant them what they need, and install the rules.

    Run by the project's owner or a superuser. Safe to run again, for instance to add
    a coder or after an upgrade of the workbench.

    Args:
        project: a project on a PostgreSQL server.
        assignments: who signs in as which role, and who leads.
        passwords: give each role created now a random password and ``LOGIN``;
            otherwise new roles are ``NOLOGIN`` until an administrator sets one.

    Raises:
        InvalidInputError: a project file, or a role that may not do this.
    """
    if not on_server(project):
        raise InvalidInputError(
            "team roles need a project on a PostgreSQL server; copy it there first with "
            "workbench copy FILE postgresql+psycopg://..."
        )
    command = MapCoderRoles(assignments)
    created: dict[str, str | None] = {}
    existing: list[str] = []
    with project.engine.begin() as connection:
        me = connection.scalar(text("SELECT CAST(CURRENT_USER AS text)"))
        if not security.bypasses_rules(connection):
            raise InvalidInputError(
                f"you are signed in as {me!r}; run the setup as the project's owner (the role "
                "that created it) or a superuser"
            )
        absent = [a.db_role for a in assignments if not security.role_exists(connection, a.db_role)]
        if absent and not security.may_create_roles(connection):
            raise InvalidInputError(
                f"the roles {', '.join(absent)} do not exist and {me!r} may not create roles; "
                "create them first (CREATE ROLE ...) or run the setup as a superuser"
            )
        for assignment in assignments:
            if assignment.db_role in absent:
                password = secrets.token_urlsafe(18) if passwords else None
                security.create_role(connection, assignment.db_role, password)
                created[assignment.db_role] = password
            else:
                existing.append(assignment.db_role)
        security.grant_team(connection, [a.db_role for a in assignments])
        security.install_rules(connection)
    project.run(command, undoable=False)
    with project.read() as session:
        added = session.scalars(select(Coder.name).where(Coder.id.in_(command.added))).all()
    return SetupReport(
        created=created,
        existing=tuple(existing),
        coders={a.name: a.db_role for a in assignments},
        added_coders=tuple(added),
    )
