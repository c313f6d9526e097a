"""Engines for project databases: an SQLite file (the default) or a server by URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

#: ``PRAGMA application_id`` of a workbench SQLite project ("QDWB" in ASCII).
APPLICATION_ID = 0x51445742

#: The file extension of a project file.
PROJECT_SUFFIX = ".qdb"


def project_url(location: str | Path) -> URL:
    """Turn a project location into a SQLAlchemy URL.

    Args:
        location: a file path (an SQLite project) or a SQLAlchemy URL such as
            ``postgresql+psycopg://user@host/db``.

    Returns:
        The URL. Paths become absolute ``sqlite+pysqlite`` URLs.
    """
    text = str(location)
    if "://" in text:
        url = make_url(text)
        if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def is_sqlite(url: URL) -> bool:
    """Whether the URL points at an SQLite database."""
    return url.get_backend_name() == "sqlite"


def sqlite_path(url: URL) -> Path:
    """The file of an SQLite URL."""
    if not url.database:
        raise ValueError("an in-memory SQLite database is not a project file")
    return Path(url.database)


def _sqlite_on_connect(dbapi_connection: Any, foreign_keys: bool) -> None:
    # The driver's own transaction handling leaves DDL outside transactions; take it
    # over (BEGIN is emitted on SQLAlchemy's "begin" event) so a migration is atomic.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: URL, *, foreign_keys: bool = True) -> Engine:
    """Create an engine configured for a project database.

    Args:
        url: the database URL.
        foreign_keys: on SQLite, whether to enforce foreign keys (migrations turn
            them off and check them at the end).

    Returns:
        A SQLAlchemy engine.
    """
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            _sqlite_on_connect(dbapi_connection, foreign_keys)

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)
