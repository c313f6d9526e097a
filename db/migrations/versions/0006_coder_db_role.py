"""Record which PostgreSQL role each coder signs in as on a team server.

Revision ID: 0006
Revises: 0005

Row-level security on a server maps ``current_user`` to a coder through this column;
a project file leaves it empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coder", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_role", sa.String(length=63), nullable=True))
        batch_op.create_index("ix_coder_db_role", ["db_role"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("coder", schema=None) as batch_op:
        batch_op.drop_index("ix_coder_db_role")
        batch_op.drop_column("db_role")
