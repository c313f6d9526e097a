"""Index segments by code and document, so codebook counts need not read every segment.

Revision ID: 0004
Revises: 0003

Counting segments and documents per code (the codebook's numbers) read the whole
segment table; with this covering index it reads the index only.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("segment", schema=None) as batch_op:
        batch_op.drop_index("ix_segment_code")
        batch_op.create_index("ix_segment_code_document", ["code_id", "document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("segment", schema=None) as batch_op:
        batch_op.drop_index("ix_segment_code_document")
        batch_op.create_index("ix_segment_code", ["code_id"], unique=False)
