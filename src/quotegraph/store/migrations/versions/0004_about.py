"""Quote targets (about, addressee), said_on, and quote clusters with their LSH buckets.

Revision ID: about_1
Revises: scale_1
"""

import sqlalchemy as sa
from alembic import op

revision = "about_1"
down_revision = "scale_1"
branch_labels = None
depends_on = None


def _quote_fk(**kwargs) -> sa.Column:
    return sa.Column("quote_id", sa.Integer(), sa.ForeignKey("quotes.id", ondelete="CASCADE"), nullable=False,
                     **kwargs)


def upgrade() -> None:
    op.create_table(
        "quote_targets",
        sa.Column("id", sa.Integer(), primary_key=True),
        _quote_fk(index=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("role", sa.String(9), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("people.id", ondelete="CASCADE"), index=True),
        sa.Column("organization_id", sa.Integer(), sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True),
        sa.Column("local_id", sa.String()),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.String(), nullable=False),
    )
    op.create_table(
        "quote_said_on",
        _quote_fk(primary_key=True),
        sa.Column("value", sa.String(10), index=True),
        sa.Column("basis", sa.String(9), nullable=False),
        sa.Column("start_char", sa.Integer()),
        sa.Column("end_char", sa.Integer()),
    )
    op.create_table(
        "quote_clusters",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("canonical_text", sa.Text(), nullable=False),
        sa.Column("first_quote_id", sa.Integer(), sa.ForeignKey("quotes.id", ondelete="SET NULL")),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("conflicting_speakers", sa.SmallInteger(), nullable=False),
        sa.Column("wording_changed", sa.SmallInteger(), nullable=False),
    )
    op.create_index("ix_quote_clusters_member_count", "quote_clusters", ["member_count"])
    op.create_table(
        "cluster_members",
        _quote_fk(primary_key=True),
        sa.Column("cluster_id", sa.Integer(), sa.ForeignKey("quote_clusters.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("norm_hash", sa.String(40), nullable=False, index=True),
        sa.Column("norm_text", sa.Text(), nullable=False),
    )
    op.create_table(
        "lsh_buckets",
        sa.Column("id", sa.Integer(), primary_key=True),
        _quote_fk(index=True),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_lsh_buckets_bucket", "lsh_buckets", ["bucket"])


def downgrade() -> None:
    for name in ("lsh_buckets", "cluster_members", "quote_clusters", "quote_said_on", "quote_targets"):
        op.drop_table(name)
