"""The README's backup commands: pg_dump and pg_restore keep the project and its rules."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PostgresServer, find_server_binaries
from tests.workbench.server.helpers import as_role, make_team, plain_sql, unique
from workbench.commands.segments import AddSegment
from workbench.project import Project
from workbench.server import open_as_role

pytestmark = pytest.mark.postgres


def client(name: str) -> str:
    binaries = find_server_binaries()
    folder = Path(binaries["initdb"]).parent if binaries else None
    found = folder / name if folder and (folder / name).exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return str(found)


def libpq(url: str) -> str:
    """The README's URL for PostgreSQL's own tools: the same, without ``+psycopg``."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_a_dump_restored_into_a_new_database_keeps_data_roles_and_blind(
    postgres_server: PostgresServer, postgres_url: str, tmp_path: Path
) -> None:
    team = make_team(postgres_url, blind=True)
    with open_as_role(team.url_of(team.ana)) as ana:
        ana.run(AddSegment(team.document_id, team.code_id, 0, 10))
    with open_as_role(team.url_of(team.ben)) as ben:
        ben.run(AddSegment(team.document_id, team.code_id, 20, 30))

    dump = tmp_path / "study.dump"
    subprocess.run(
        [client("pg_dump"), "--format=custom", f"--file={dump}", libpq(postgres_url)],
        check=True,
        capture_output=True,
    )
    restored = unique("restored")
    server = make_url(postgres_url)
    subprocess.run(
        [
            client("createdb"),
            "-h",
            str(server.host),
            "-p",
            str(server.port),
            "-U",
            "postgres",
            restored,
        ],
        check=True,
        capture_output=True,
    )
    restored_url = postgres_server.url(restored)
    subprocess.run(
        [client("pg_restore"), f"--dbname={libpq(restored_url)}", str(dump)],
        check=True,
        capture_output=True,
    )
    try:
        with Project.open(restored_url) as project:
            assert len(project.segments()) == 2
        with plain_sql(restored_url, team.ana) as connection:
            assert connection.execute("SELECT count(*) FROM segment").fetchone() == (1,)
        with open_as_role(as_role(restored_url, team.lead)) as lead:
            assert len(lead.segments()) == 2
    finally:
        with plain_sql(postgres_server.url("postgres")) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (restored,),
            )
            admin.execute(f'DROP DATABASE "{restored}"')
