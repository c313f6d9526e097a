"""The command line of a team server: new, copy, server setup, blind and status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PostgresServer
from tests.workbench.server.helpers import as_role, plain_sql, unique
from workbench.cli.main import main
from workbench.commands.segments import AddSegment
from workbench.project import Project
from workbench.server import open_as_role

pytestmark = pytest.mark.postgres


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def owned_database(postgres_server: PostgresServer) -> tuple[str, str]:
    """As the README says: an owner role (no superuser) and a database it owns."""
    owner, database = unique("owner"), unique("study")
    with plain_sql(postgres_server.url("postgres")) as admin:
        admin.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        admin.execute(f'CREATE DATABASE "{database}" OWNER "{owner}"')
    return owner, as_role(postgres_server.url(database), owner)


def test_a_team_project_from_the_command_line(
    capsys: pytest.CaptureFixture[str], owned_database: tuple[str, str], tmp_path: Path
) -> None:
    _owner, url = owned_database
    code, _, err = run(capsys, "--coder", "Lia Lead", "new", url, "--template", "usmca-evaluation")
    assert code == 0, err
    assert "usmca-evaluation codebook" in err

    ana, lead = unique("ana"), unique("lia")
    code, out, err = run(
        capsys,
        "server",
        "setup",
        url,
        "--coder",
        f"Ana Ruiz={ana}",
        "--lead",
        f"Lia Lead={lead}",
        "--password",
    )
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    assert [row[:4] for row in rows] == [
        [ana, "Ana Ruiz", "coder", "created"],
        [lead, "Lia Lead", "lead", "created"],
    ]
    assert all(len(row[4]) >= 20 for row in rows)  # the passwords, shown once
    assert "not blind" in err

    code, _, err = run(capsys, "server", "blind", as_role(url, ana), "on")
    assert code == 1 and "only a lead" in err
    code, _, err = run(capsys, "server", "blind", as_role(url, lead), "on")
    assert code == 0 and "now blind" in err
    code, _, err = run(capsys, "server", "blind", url, "on")
    assert code == 0 and "already blind" in err

    code, out, err = run(capsys, "server", "status", as_role(url, ana), "--json")
    assert code == 0, err
    status = json.loads(out)
    assert status["blind"] and status["secured"] and not status["can_change_blind"]
    assert status["signed_in_as"] == ana
    assert [(r["name"], r["role"], r["lead"]) for r in status["roles"]] == [
        ("Ana Ruiz", ana, False),
        ("Lia Lead", lead, True),
    ]

    # Ana codes as herself whatever name her login has.
    with open_as_role(as_role(url, ana), coder="root") as project:
        project.run(AddSegment(*_first_document_and_code(project), 0, 1))
        assert {c.name for c in project.coders()} == {"Ana Ruiz", "Lia Lead"}

    # The owner copies the whole project to a file and back to a new database.
    copy = tmp_path / "backup.qdb"
    code, out, err = run(capsys, "copy", url, str(copy))
    assert code == 0, err
    assert "segment\t1" in out.splitlines()
    code, _, err = run(capsys, "copy", str(copy), url)
    assert code == 1 and "already has tables" in err


def _first_document_and_code(project: Project) -> tuple[int, int]:
    from tests.factories import add_document
    from tests.workbench.server.helpers import TEXT

    documents = project.documents()
    document_id = documents[0].id if documents else add_document(project, "Entrevista", TEXT)
    code_id = next(code.id for code in project.codes() if code.codable)
    return document_id, code_id


def test_the_server_commands_explain_their_mistakes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url: str
) -> None:
    path = tmp_path / "file.qdb"
    assert run(capsys, "new", str(path))[0] == 0
    code, _, err = run(capsys, "server", "setup", str(path), "--coder", "Ana=ana")
    assert code == 1 and "PostgreSQL server" in err
    code, _, err = run(capsys, "server", "setup", postgres_url)
    assert code == 1 and "--coder NAME=ROLE" in err
    code, _, err = run(capsys, "server", "setup", str(path), "--coder", "Ana")
    assert code == 1 and "NAME=ROLE" in err
    code, _, err = run(capsys, "server", "status", str(path))
    assert code == 0 and "is a file" in err
    code, _, err = run(capsys, "server")
    assert code == 2
    code, _, err = run(capsys, "copy", str(tmp_path / "missing.qdb"), postgres_url)
    assert code == 1 and "does not exist" in err
