"""lsh_slots: each LSH bucket keeps its newest quotes in a fixed number of slots (replaces
lsh_buckets, whose buckets grew with the corpus and were ranked whole at each look-up).

The newest ``BUCKET_CAP`` entries of each old bucket are carried over, numbered oldest first.

Revision ID: clusters3_1
Revises: corpus2_1
"""

import sqlalchemy as sa
from alembic import op

revision = "clusters3_1"
down_revision = "corpus2_1"
branch_labels = None
depends_on = None

CAP = 20  # store.clusters.BUCKET_CAP when this migration was written

_CARRY = f"""
INSERT INTO lsh_slots (bucket, slot, seq, quote_id)
SELECT bucket, seq % {CAP}, seq, quote_id FROM (
    SELECT bucket, quote_id, total - rank AS seq FROM (
        SELECT bucket, quote_id,
               row_number() OVER (PARTITION BY bucket ORDER BY id DESC) AS rank,
               count(*) OVER (PARTITION BY bucket) AS total
        FROM lsh_buckets) AS ranked
    WHERE rank <= {CAP}) AS kept
"""


def upgrade() -> None:
    op.create_table(
        "lsh_slots",
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("slot", sa.SmallInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), sa.ForeignKey("quotes.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "slot"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_lsh_slots_quote_id", "lsh_slots", ["quote_id"])
    op.execute(_CARRY)
    op.drop_index("ix_lsh_buckets_bucket", table_name="lsh_buckets")
    op.drop_table("lsh_buckets")


def downgrade() -> None:
    op.create_table(
        "lsh_buckets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("quote_id", sa.Integer(), sa.ForeignKey("quotes.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_lsh_buckets_bucket", "lsh_buckets", ["bucket"])
    # the band is not kept in a slot (it is salted into the key); -1 marks it unknown
    op.execute("INSERT INTO lsh_buckets (quote_id, band, bucket) SELECT quote_id, -1, bucket FROM lsh_slots"
               " ORDER BY bucket, seq")
    op.drop_index("ix_lsh_slots_quote_id", table_name="lsh_slots")
    op.drop_table("lsh_slots")
