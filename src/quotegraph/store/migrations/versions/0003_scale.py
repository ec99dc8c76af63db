"""Web-archive files finished by an ingest (input_files), so that a re-run skips them.

Revision ID: scale_1
Revises: corpus_1
Create Date: 2026-11-30 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "scale_1"
down_revision = "corpus_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "input_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("path"),
    )


def downgrade() -> None:
    op.drop_table("input_files")
