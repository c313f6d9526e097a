"""Fixtures shared by the whole suite: a real PostgreSQL server and project locations.

Qt runs offscreen. The PostgreSQL server is started once per test session from the
server binaries (``initdb``, ``pg_ctl``, ``postgres``) when they are installed; every
test that needs it gets a fresh, empty database of its own.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from workbench.project import Project

if TYPE_CHECKING:
    import pwd

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_SERVER_BINARIES = ("initdb", "pg_ctl", "postgres")
_MISSING_MESSAGE = (
    "PostgreSQL server binaries not found; install Debian's postgresql package to run these tests"
)


@dataclass(frozen=True)
class PostgresServer:
    """A running PostgreSQL server that trusts the ``postgres`` user on 127.0.0.1."""

    host: str
    port: int
    user: str = "postgres"

    def conninfo(self, dbname: str = "postgres") -> str:
        """A libpq connection string for psycopg."""
        return f"host={self.host} port={self.port} user={self.user} dbname={dbname}"

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL of one database of this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"


def _version(initdb: str) -> tuple[int, ...]:
    output = subprocess.run(
        [initdb, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"(\d+)(?:\.(\d+))?", output)
    if match is None:
        return (0,)
    return tuple(int(part) for part in match.groups() if part is not None)


def find_server_binaries() -> dict[str, str] | None:
    """The newest ``initdb``, ``pg_ctl`` and ``postgres`` on PATH or in Debian's folders."""
    candidates: list[dict[str, str]] = []
    on_path = {name: shutil.which(name) for name in _SERVER_BINARIES}
    if all(on_path.values()):
        candidates.append({name: str(path) for name, path in on_path.items()})
    for folder in glob.glob("/usr/lib/postgresql/*/bin"):
        found = {name: os.path.join(folder, name) for name in _SERVER_BINARIES}
        if all(os.access(path, os.X_OK) for path in found.values()):
            candidates.append(found)
    if not candidates:
        return None
    return max(candidates, key=lambda binaries: _version(binaries["initdb"]))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unprivileged_user() -> pwd.struct_passwd | None:
    """PostgreSQL refuses to run as root: the account to run it as, when we are root."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    pytest.fail("running as root and there is neither a 'postgres' nor a 'nobody' user")


class _Cluster:
    """A throw-away database cluster in a temporary folder."""

    def __init__(self, binaries: dict[str, str]) -> None:
        self.binaries = binaries
        self.account = _unprivileged_user()
        # A short path: the server's Unix socket lives here too (107-byte limit).
        self.folder = Path(tempfile.mkdtemp(prefix="wb-pg-", dir="/tmp" if self.account else None))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        if self.account is not None:
            os.chown(self.folder, self.account.pw_uid, self.account.pw_gid)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        extra: dict[str, Any] = {}
        if self.account is not None:
            extra = {
                "user": self.account.pw_uid,
                "group": self.account.pw_gid,
                "extra_groups": [],
            }
        return subprocess.run(
            list(args),
            cwd=self.folder,
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            **extra,
        )

    def _server_log(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def init(self) -> None:
        done = self._run(
            self.binaries["initdb"],
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        if done.returncode != 0:
            pytest.fail(f"initdb failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> int:
        failures = []
        for _attempt in range(3):
            port = _free_port()
            # -F: no fsync; a test server's data need not survive a crash.
            options = f"-k {shlex.quote(str(self.folder))} -h 127.0.0.1 -p {port} -F"
            done = self._run(
                self.binaries["pg_ctl"],
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-o",
                options,
                "-w",
                "start",
            )
            if done.returncode == 0:
                return port
            failures.append(f"port {port}: {done.stdout}{done.stderr}")
        pytest.fail("PostgreSQL did not start:\n" + "\n".join(failures) + self._server_log())

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(self.binaries["pg_ctl"], "-D", str(self.data), "stop", "-m", "fast", "-w")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole test session, on 127.0.0.1 only."""
    binaries = find_server_binaries()
    if binaries is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide PostgreSQL: {_MISSING_MESSAGE}")
        pytest.skip(_MISSING_MESSAGE)
    cluster = _Cluster(binaries)
    try:
        cluster.init()
        port = cluster.start()
        yield PostgresServer(host="127.0.0.1", port=port)
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database for one test; dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"test_{uuid.uuid4().hex}"
    with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield postgres_server.url(name)
    finally:
        with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def project_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to create a new project: a ``.qdb`` path, or a fresh PostgreSQL database URL."""
    if request.param == "sqlite":
        return str(tmp_path / "project.qdb")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def project(project_location: str) -> Iterator[Project]:
    """A new, empty project on each backend, with "Test Coder" as the current coder."""
    created = Project.create(project_location)
    try:
        created.use_coder("Test Coder")
        yield created
    finally:
        created.close()
