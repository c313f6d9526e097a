"""Roles and the blind, enforced by the server itself: plain SQL as each coder's role."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from db.schema import Coder
from tests.workbench.server.helpers import Team, make_team, plain_sql, unique
from workbench.commands.segments import AddSegment, ResizeSegment
from workbench.errors import InvalidInputError, NotFoundError
from workbench.project import Project
from workbench.server import (
    NotLeadError,
    RoleAssignment,
    open_as_role,
    role_coder,
    server_status,
    set_blind,
    setup_team,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(postgres_url: str) -> Team:
    return make_team(postgres_url, blind=True)


def code_as(team: Team, role: str, start: int, end: int) -> int:
    with open_as_role(team.url_of(role)) as project:
        command = AddSegment(team.document_id, team.code_id, start, end)
        project.run(command)
        return command.segment_ids[0]


def visible_segments(team: Team, role: str) -> set[int]:
    with plain_sql(team.url, role) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM segment")}


def coder_of(team: Team, name: str) -> int:
    with Project.open(team.url) as project, project.read() as session:
        found = session.scalar(select(Coder.id).where(Coder.name == name))
        assert found is not None
        return found


def test_opening_as_a_role_makes_its_coder_the_current_coder(team: Team) -> None:
    with open_as_role(team.url_of(team.ana), coder="Somebody Else") as project:
        assert project.coder_id == coder_of(team, "Ana Ruiz")
        me = role_coder(project)
        assert me is not None and me.name == "Ana Ruiz" and me.role == "coder"
    with open_as_role(team.url_of(team.lead)) as project:
        me = role_coder(project)
        assert me is not None and me.name == "Lia Lead" and me.role == "lead"
    # The owner is no coder: it works as the coder it names.
    with open_as_role(team.url, coder="Owner") as project:
        assert role_coder(project) is None
        assert project.coder_id == coder_of(team, "Owner")


def test_in_blind_mode_a_coder_cannot_read_another_coders_segments(team: Team) -> None:
    anas = code_as(team, team.ana, 0, 20)
    bens = code_as(team, team.ben, 30, 60)
    assert visible_segments(team, team.ana) == {anas}
    assert visible_segments(team, team.ben) == {bens}
    assert visible_segments(team, team.lead) == {anas, bens}
    with plain_sql(team.url, team.ana) as connection:
        # Not by id, not by counting, not through the audit log's before/after values.
        assert connection.execute("SELECT * FROM segment WHERE id = %s", (bens,)).fetchall() == []
        assert connection.execute("SELECT count(*) FROM segment").fetchone() == (1,)
        logged = connection.execute(
            "SELECT target_id FROM event WHERE target_kind = 'segment'"
        ).fetchall()
        assert logged == [(anas,)]
        # Nor change or delete them.
        assert (
            connection.execute('UPDATE segment SET "end" = 25 WHERE id = %s', (bens,)).rowcount == 0
        )
        assert connection.execute("DELETE FROM segment WHERE id = %s", (bens,)).rowcount == 0
        # Nor code in another coder's name.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(
                'INSERT INTO segment (guid, document_id, code_id, coder_id, start, "end", memo,'
                " origin, created_at, updated_at) VALUES (gen_random_uuid(), %s, %s, %s, 0, 5, '',"
                " 'manual', now(), now())",
                (team.document_id, team.code_id, coder_of(team, "Ben Soto")),
            )
    assert visible_segments(team, team.lead) == {anas, bens}


def test_lifting_the_blind_lets_coders_see_each_other_and_setting_it_hides_again(
    team: Team,
) -> None:
    anas = code_as(team, team.ana, 0, 20)
    bens = code_as(team, team.ben, 30, 60)
    with open_as_role(team.url_of(team.lead)) as lead:
        assert set_blind(lead, False)
        assert visible_segments(team, team.ana) == {anas, bens}
        assert set_blind(lead, True)
    assert visible_segments(team, team.ana) == {anas}
    assert visible_segments(team, team.lead) == {anas, bens}


def test_through_the_workbench_a_blind_coder_neither_sees_nor_edits_others(team: Team) -> None:
    bens = code_as(team, team.ben, 30, 60)
    with open_as_role(team.url_of(team.ana)) as ana:
        assert ana.segments() == []
        assert all(code.segments == 0 for code in ana.codes())
        with pytest.raises(NotFoundError):
            ana.run(ResizeSegment(bens, 30, 40))


def test_only_the_lead_or_owner_changes_the_blind(team: Team) -> None:
    with open_as_role(team.url_of(team.ana)) as ana:
        status = server_status(ana)
        assert status.blind and status.secured and not status.can_change_blind
        assert not status.sees_everything
        with pytest.raises(NotLeadError, match="only a lead"):
            set_blind(ana, False)
    with plain_sql(team.url, team.ana) as connection:
        assert (
            connection.execute("UPDATE setting SET value = 'no' WHERE key = 'blind'").rowcount == 0
        )
        assert connection.execute("DELETE FROM setting WHERE key = 'blind'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO setting (key, value) VALUES ('blind', 'no')")
    with open_as_role(team.url_of(team.lead)) as lead:
        status = server_status(lead)
        assert status.blind and status.can_change_blind and status.sees_everything
        assert status.signed_in_as == team.lead
        assert [(r.name, r.db_role, r.lead, r.can_login) for r in status.roles] == [
            ("Ana Ruiz", team.ana, False, True),
            ("Ben Soto", team.ben, False, True),
            ("Lia Lead", team.lead, True, True),
        ]


def test_a_coder_cannot_make_themselves_lead_or_take_anothers_role(team: Team) -> None:
    with plain_sql(team.url, team.ana) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a lead"):
            connection.execute(
                "UPDATE coder SET role = 'lead' WHERE db_role = CAST(current_user AS text)"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a lead"):
            connection.execute("UPDATE coder SET db_role = NULL WHERE name = 'Ben Soto'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a lead"):
            connection.execute(
                "INSERT INTO coder (guid, name, initials, colour, role, created_at, db_role)"
                " VALUES (gen_random_uuid(), 'Fake', 'FK', '#000000', 'lead', now(), NULL)"
            )
        # The audit log is append-only, and its entries are signed by who writes them.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM event")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "INSERT INTO event (at, coder_id, action, label, target_kind)"
                " VALUES (now(), %s, 'segment.add', 'forged', 'segment')",
                (coder_of(team, "Ben Soto"),),
            )
        # A temporary table named "coder" cannot stand in for the real one.
        connection.execute(
            "CREATE TEMP TABLE coder AS SELECT 1 AS id, CAST(current_user AS text) AS db_role,"
            " 'lead' AS role"
        )
        assert connection.execute("SELECT count(*) FROM segment").fetchone() == (0,)


def test_setup_again_moves_a_role_and_keeps_existing_roles(team: Team) -> None:
    with Project.open(team.url) as project:
        report = setup_team(
            project,
            [RoleAssignment("Carla Mena", team.ana), RoleAssignment("Ben Soto", team.ben)],
        )
        assert report.created == {}
        assert set(report.existing) == {team.ana, team.ben}
        assert report.added_coders == ("Carla Mena",)
        status = server_status(project)
    assert {r.name: r.db_role for r in status.roles} == {
        "Carla Mena": team.ana,
        "Ben Soto": team.ben,
        "Lia Lead": team.lead,
    }
    with open_as_role(team.url_of(team.ana)) as project:
        me = role_coder(project)
        assert me is not None and me.name == "Carla Mena"


def test_setup_creates_nologin_roles_without_passwords(postgres_url: str) -> None:
    role = unique("nologin")
    with Project.create(postgres_url) as project:
        report = setup_team(project, [RoleAssignment("Dora", role)])
        assert report.created == {role: None}
        status = server_status(project)
    assert [(r.db_role, r.exists, r.can_login) for r in status.roles] == [(role, True, False)]
    with plain_sql(postgres_url) as connection:
        connection.execute(f'SET ROLE "{role}"')
        assert connection.execute("SELECT count(*) FROM segment").fetchone() == (0,)


def test_setup_refuses_a_coder_role_and_a_project_file(team: Team, tmp_path: Path) -> None:
    with (
        open_as_role(team.url_of(team.ana)) as project,
        pytest.raises(InvalidInputError, match="owner"),
    ):
        setup_team(project, [RoleAssignment("Ana Ruiz", team.ana)])
    with (
        Project.create(tmp_path / "file.qdb") as project,
        pytest.raises(InvalidInputError, match="PostgreSQL server"),
    ):
        setup_team(project, [RoleAssignment("Ana Ruiz", "ana")])


@pytest.mark.parametrize("bad", ["pg_read_all_data", "public", "x y", "", "a;drop"])
def test_role_names_are_checked(bad: str) -> None:
    with pytest.raises(InvalidInputError):
        RoleAssignment.parse(f"Ana={bad}")
