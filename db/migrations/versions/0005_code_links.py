"""Named links between codes (as REFI-QDA projects carry them).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=True),
        sa.CheckConstraint(
            "direction IN ('Associative', 'OneWay', 'Bidirectional')",
            name=op.f("ck_code_link_direction"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_id"], ["code.id"], name=op.f("fk_code_link_origin_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["code.id"], name=op.f("fk_code_link_target_id_code"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_link")),
        sa.UniqueConstraint("guid", name=op.f("uq_code_link_guid")),
    )
    with op.batch_alter_table("code_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_code_link_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_code_link_target_id"), ["target_id"], unique=False)


def downgrade() -> None:
    op.drop_table("code_link")
