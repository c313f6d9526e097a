"""Project storage: the SQLAlchemy schema, engines for SQLite and PostgreSQL, migrations."""

from __future__ import annotations
