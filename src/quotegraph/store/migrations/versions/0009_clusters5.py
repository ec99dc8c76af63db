"""Buckets keep their newest 5 quotes instead of 20 (store.clusters.BUCKET_CAP): the older slot
rows are dropped and the others numbered again (slot = seq % 5), so that the next write goes on
in rotation. docs/benchmarks.md, "Quote clusters", gives the reason: the quotes met by chance in
a bucket grew with the corpus, and so did the cost per quote.

Renumbering in place never meets a taken slot: the kept seqs of a bucket are consecutive, so no
two share a remainder, and a row whose old slot is below the new cap already has its new slot.

Revision ID: clusters5_1
Revises: clusters4_1
"""

from alembic import op

revision = "clusters5_1"
down_revision = "clusters4_1"
branch_labels = None
depends_on = None

CAP, OLD_CAP = 5, 20  # store.clusters.BUCKET_CAP now and before


def upgrade() -> None:
    op.execute(f"DELETE FROM lsh_slots WHERE seq <= (SELECT MAX(newest.seq) FROM lsh_slots AS newest"
               f" WHERE newest.bucket = lsh_slots.bucket) - {CAP}")
    op.execute(f"UPDATE lsh_slots SET slot = seq % {CAP} WHERE slot <> seq % {CAP}")


def downgrade() -> None:  # the dropped entries are gone; the kept ones go back to their old slots
    op.execute(f"UPDATE lsh_slots SET slot = seq % {OLD_CAP} WHERE slot <> seq % {OLD_CAP}")
