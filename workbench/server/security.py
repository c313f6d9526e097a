"""What the server enforces: roles, grants and row-level security on a project database.

The rules live in the database so that they hold for every client, the workbench or
plain SQL alike:

- ``coder.db_role`` says which PostgreSQL role each coder signs in as.
- In a blind project (setting ``blind`` = ``yes``) a coder's role sees and changes only
  the segments whose coder is itself, and only its own entries about segments in the
  audit log (their before and after values are codings). A lead's role, the tables'
  owner and superusers see everything.
- Only a lead (or the owner) may change the ``blind`` setting, map roles to coders or
  make someone a lead; a trigger on ``coder`` guards the last two.
- The audit log is append-only for coders, and an entry must name the coder who wrote
  it.

Everything here is idempotent: running it again brings a database up to date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

from workbench.errors import InvalidInputError

#: The values of the ``blind`` setting that mean yes (as the assignment files read it).
BLIND_VALUES = ("yes", "true", "1", "sí", "si")

_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,62}$")

#: Tables a coder may only read (and, for the audit log, append to).
_READ_ONLY = ("alembic_version",)
_APPEND_ONLY = ("event",)


def check_role_name(role: str) -> str:
    """Refuse a role name that would need quoting tricks or belongs to the server.

    Returns:
        The name, stripped.
    """
    role = role.strip()
    if not _ROLE_NAME.match(role):
        raise InvalidInputError(
            f"{role!r} is not a usable role name: use letters, digits, '_', '.' or '-' "
            "(up to 63, starting with a letter or '_')"
        )
    if role.casefold() == "public" or role.casefold().startswith("pg_"):
        raise InvalidInputError(f"{role!r} is reserved by PostgreSQL; choose another role name")
    return role


def _functions(schema: str) -> list[str]:
    blind_values = ", ".join(f"'{value}'" for value in BLIND_VALUES)
    # SQL-standard bodies are bound to the tables when they are created, so a
    # coder's search_path (or a temporary table named "coder") cannot redirect them.
    return [
        f"""
        CREATE OR REPLACE FUNCTION {schema}.workbench_coder_id() RETURNS integer
        LANGUAGE sql STABLE
        RETURN (SELECT c.id FROM {schema}.coder AS c WHERE c.db_role = CAST(CURRENT_USER AS text))
        """,
        f"""
        CREATE OR REPLACE FUNCTION {schema}.workbench_is_lead() RETURNS boolean
        LANGUAGE sql STABLE
        RETURN EXISTS (
            SELECT 1 FROM {schema}.coder AS c
            WHERE c.db_role = CAST(CURRENT_USER AS text) AND c.role = 'lead'
        )
        """,
        f"""
        CREATE OR REPLACE FUNCTION {schema}.workbench_blind() RETURNS boolean
        LANGUAGE sql STABLE
        RETURN COALESCE(
            (SELECT lower(btrim(s.value)) IN ({blind_values})
             FROM {schema}.setting AS s WHERE s.key = 'blind'),
            false
        )
        """,
        f"""
        CREATE OR REPLACE FUNCTION {schema}.workbench_sees_all() RETURNS boolean
        LANGUAGE sql STABLE
        RETURN NOT {schema}.workbench_blind() OR {schema}.workbench_is_lead()
        """,
        f"""
        CREATE OR REPLACE FUNCTION {schema}.workbench_guard_coder() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $guard$
        BEGIN
            IF {schema}.workbench_coder_id() IS NULL OR {schema}.workbench_is_lead() THEN
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' AND (NEW.db_role IS NOT NULL OR NEW.role <> 'coder') THEN
                RAISE EXCEPTION 'only a lead may add a lead or give a coder a server role'
                    USING ERRCODE = 'insufficient_privilege';
            ELSIF TG_OP = 'UPDATE' AND (NEW.db_role IS DISTINCT FROM OLD.db_role
                                        OR NEW.role IS DISTINCT FROM OLD.role) THEN
                RAISE EXCEPTION 'only a lead may change who is a lead or which role is which coder'
                    USING ERRCODE = 'insufficient_privilege';
            ELSIF TG_OP = 'DELETE' AND OLD.db_role IS NOT NULL THEN
                RAISE EXCEPTION 'only a lead may remove a coder who signs in to the server'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END
        $guard$
        """,
    ]


def _policies(schema: str) -> list[str]:
    sees_all = f"(SELECT {schema}.workbench_sees_all())"
    me = f"(SELECT {schema}.workbench_coder_id())"
    lead = f"(SELECT {schema}.workbench_is_lead())"
    not_blind_key = f"(key <> 'blind' OR {lead})"
    statements = [
        f"ALTER TABLE {schema}.segment ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS workbench_coder ON {schema}.segment",
        f"""
        CREATE POLICY workbench_coder ON {schema}.segment
        USING ({sees_all} OR coder_id = {me})
        WITH CHECK ({sees_all} OR coder_id = {me})
        """,
        f"ALTER TABLE {schema}.event ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS workbench_read ON {schema}.event",
        f"""
        CREATE POLICY workbench_read ON {schema}.event FOR SELECT
        USING ({sees_all} OR target_kind <> 'segment' OR coder_id = {me})
        """,
        f"DROP POLICY IF EXISTS workbench_append ON {schema}.event",
        f"""
        CREATE POLICY workbench_append ON {schema}.event FOR INSERT
        WITH CHECK (coder_id IS NULL OR coder_id = {me} OR {lead})
        """,
        f"ALTER TABLE {schema}.setting ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS workbench_read ON {schema}.setting",
        f"CREATE POLICY workbench_read ON {schema}.setting FOR SELECT USING (true)",
        f"DROP POLICY IF EXISTS workbench_insert ON {schema}.setting",
        f"""
        CREATE POLICY workbench_insert ON {schema}.setting FOR INSERT
        WITH CHECK {not_blind_key}
        """,
        f"DROP POLICY IF EXISTS workbench_update ON {schema}.setting",
        f"""
        CREATE POLICY workbench_update ON {schema}.setting FOR UPDATE
        USING {not_blind_key} WITH CHECK {not_blind_key}
        """,
        f"DROP POLICY IF EXISTS workbench_delete ON {schema}.setting",
        f"CREATE POLICY workbench_delete ON {schema}.setting FOR DELETE USING {not_blind_key}",
        f"DROP TRIGGER IF EXISTS workbench_guard_coder ON {schema}.coder",
        f"""
        CREATE TRIGGER workbench_guard_coder BEFORE INSERT OR UPDATE OR DELETE
        ON {schema}.coder FOR EACH ROW EXECUTE FUNCTION {schema}.workbench_guard_coder()
        """,
    ]
    return statements


def current_schema(connection: Connection) -> str:
    """The schema that holds the project's tables."""
    found = connection.scalar(
        text(
            "SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
            "WHERE c.oid = to_regclass('segment')"
        )
    )
    if found is None:
        raise InvalidInputError("this database has no workbench project (no segment table)")
    return str(found)


def install_rules(connection: Connection) -> None:
    """Create or replace the functions, policies and trigger of a team project."""
    schema = connection.dialect.identifier_preparer.quote(current_schema(connection))
    for statement in [*_functions(schema), *_policies(schema)]:
        connection.exec_driver_sql(statement)


def role_exists(connection: Connection, role: str) -> bool:
    """Whether a role of this name exists on the server."""
    return bool(
        connection.scalar(
            text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r)"), {"r": role}
        )
    )


def create_role(connection: Connection, role: str, password: str | None) -> None:
    """Create a role: ``LOGIN`` with this password, or ``NOLOGIN`` without one."""
    if password is None:
        statement = connection.scalar(
            text("SELECT format('CREATE ROLE %I NOLOGIN', CAST(:r AS text))"), {"r": role}
        )
    else:
        statement = connection.scalar(
            text(
                "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', "
                "CAST(:r AS text), CAST(:p AS text))"
            ),
            {"r": role, "p": password},
        )
    connection.exec_driver_sql(str(statement))


def grant_team(connection: Connection, roles: Iterable[str]) -> None:
    """Grant each role what a coder needs, now and for tables a later version adds."""
    preparer = connection.dialect.identifier_preparer
    schema_name = current_schema(connection)
    schema = preparer.quote(schema_name)
    owner = connection.scalar(
        text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass('segment')")
    )
    database = connection.scalar(text("SELECT current_database()"))
    owns_database = connection.scalar(
        text(
            "SELECT pg_has_role(current_user, datdba, 'USAGE') FROM pg_database "
            "WHERE datname = current_database()"
        )
    )
    for role in roles:
        who = preparer.quote_identifier(role)
        statements = [
            f"GRANT USAGE ON SCHEMA {schema} TO {who}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {who}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {who}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {preparer.quote_identifier(str(owner))} "
            f"IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {who}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {preparer.quote_identifier(str(owner))} "
            f"IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {who}",
        ]
        statements += [
            f"REVOKE INSERT, UPDATE, DELETE ON {schema}.{preparer.quote(name)} FROM {who}"
            for name in _READ_ONLY
        ]
        statements += [
            f"REVOKE UPDATE, DELETE ON {schema}.{preparer.quote(name)} FROM {who}"
            for name in _APPEND_ONLY
        ]
        if owns_database:
            statements.append(f"GRANT CONNECT ON DATABASE {preparer.quote(str(database))} TO {who}")
        for statement in statements:
            connection.exec_driver_sql(statement)


def rules_installed(connection: Connection) -> bool:
    """Whether row-level security guards the segments of this database."""
    return bool(
        connection.scalar(
            text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('segment')")
        )
    )


def bypasses_rules(connection: Connection) -> bool:
    """Whether the signed-in role is exempt from row-level security here.

    Superusers, roles with ``BYPASSRLS`` and the owner of the tables are.
    """
    return bool(
        connection.scalar(
            text(
                "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, "
                "'USAGE') FROM pg_roles AS r, pg_class AS c "
                "WHERE r.rolname = current_user AND c.oid = to_regclass('segment')"
            )
        )
    )


def may_create_roles(connection: Connection) -> bool:
    """Whether the signed-in role may create roles."""
    return bool(
        connection.scalar(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        )
    )


def login_roles(connection: Connection, roles: Iterable[str]) -> dict[str, bool]:
    """Which of these roles exist (key present) and may sign in (value)."""
    wanted = list(roles)
    if not wanted:
        return {}
    rows = connection.execute(
        text("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(:names)"),
        {"names": wanted},
    )
    return {str(name): bool(login) for name, login in rows}
