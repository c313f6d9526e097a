"""Keep each document's search-folded text beside it, so a first search need not fold.

Revision ID: 0003
Revises: 0002

Existing documents keep NULL; search folds their text when it finds NULL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("folded", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("folded")
