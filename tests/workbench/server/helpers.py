"""Building team projects on the test server: roles, URLs and plain-SQL access."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from sqlalchemy.engine import make_url

from tests.factories import add_code, add_document
from workbench.project import Project
from workbench.server import RoleAssignment, setup_team

TEXT = (
    "ENTREVISTADORA: ¿Qué cambió en el sindicato?\n"
    "TRABAJADORA: Formamos un sindicato independiente y votamos en secreto.\n"
) * 20


def as_role(url: str, role: str) -> str:
    """The URL of the same database, signed in as another role."""
    return make_url(url).set(username=role).render_as_string(hide_password=False)


def conninfo(url: str, role: str | None = None) -> str:
    """A libpq connection string for psycopg (the same database, maybe another role)."""
    parsed = make_url(url)
    user = role or parsed.username
    return f"host={parsed.host} port={parsed.port} user={user} dbname={parsed.database}"


@contextmanager
def plain_sql(
    url: str, role: str | None = None
) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A psycopg connection as ``role``, autocommitting, as any SQL client would be."""
    with psycopg.connect(conninfo(url, role), autocommit=True) as connection:
        yield connection


@dataclass(frozen=True)
class Team:
    """A project on the server with two coders and a lead, each with their own role."""

    url: str
    ana: str
    ben: str
    lead: str
    document_id: int
    code_id: int

    def url_of(self, role: str) -> str:
        return as_role(self.url, role)


def unique(prefix: str) -> str:
    """A role name no other test uses (roles belong to the whole server)."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def make_team(url: str, *, blind: bool = True) -> Team:
    """Create a project at ``url`` (as the superuser) and set up Ana, Ben and a lead."""
    ana, ben, lead = unique("ana"), unique("ben"), unique("lead")
    with Project.create(url) as project:
        project.use_coder("Owner")
        document_id = add_document(project, "Entrevista 1", TEXT)
        code_id = add_code(project, "Sindicato independiente")
        setup_team(
            project,
            [
                RoleAssignment("Ana Ruiz", ana),
                RoleAssignment("Ben Soto", ben),
                RoleAssignment("Lia Lead", lead, lead=True),
            ],
            passwords=True,
        )
        if blind:
            from workbench.server import set_blind

            set_blind(project, True)
    return Team(url, ana, ben, lead, document_id, code_id)
