"""Outcome-harvesting statements linked to codes, with contributing projects.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("period", sa.String(length=100), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"],
            ["code.id"],
            name=op.f("fk_outcome_code_id_code"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
        sa.UniqueConstraint("code_id", name=op.f("uq_outcome_code_id")),
        sa.UniqueConstraint("guid", name=op.f("uq_outcome_guid")),
    )
    op.create_table(
        "outcome_contribution",
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("project_code_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["outcome.id"],
            name=op.f("fk_outcome_contribution_outcome_id_outcome"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_code_id"],
            ["code.id"],
            name=op.f("fk_outcome_contribution_project_code_id_code"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "outcome_id", "project_code_id", name=op.f("pk_outcome_contribution")
        ),
    )


def downgrade() -> None:
    op.drop_table("outcome_contribution")
    op.drop_table("outcome")
