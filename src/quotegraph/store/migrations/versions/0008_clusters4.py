"""lsh_slots without the foreign key and index on quote_id: every slot write dirtied a page of
the index as well as one of the table (docs/benchmarks.md, "Quote clusters"). The slots of a
deleted quote are now skipped by the look-up's join and overwritten in rotation.

The table is copied (SQLite cannot drop a foreign key in place).

Revision ID: clusters4_1
Revises: clusters3_1
"""

import sqlalchemy as sa
from alembic import op

revision = "clusters4_1"
down_revision = "clusters3_1"
branch_labels = None
depends_on = None


def _slots(name: str, *quote_fk: sa.ForeignKey) -> None:
    op.create_table(
        name,
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("slot", sa.SmallInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), *quote_fk, nullable=False),
        sa.PrimaryKeyConstraint("bucket", "slot"),
        sqlite_with_rowid=False,
    )


def _copy_into_slots(keep: str = "") -> None:
    """Replace lsh_slots by lsh_slots_copy, after copying its rows (those ``keep`` selects)."""
    op.execute(f"INSERT INTO lsh_slots_copy (bucket, slot, seq, quote_id) SELECT bucket, slot, seq, quote_id"
               f" FROM lsh_slots {keep}")
    op.drop_table("lsh_slots")
    op.rename_table("lsh_slots_copy", "lsh_slots")
    if op.get_bind().dialect.name == "postgresql":  # its key keeps the copy's name otherwise
        op.execute("ALTER TABLE lsh_slots RENAME CONSTRAINT lsh_slots_copy_pkey TO lsh_slots_pkey")


def upgrade() -> None:
    _slots("lsh_slots_copy")
    op.drop_index("ix_lsh_slots_quote_id", table_name="lsh_slots")
    _copy_into_slots()


def downgrade() -> None:
    _slots("lsh_slots_copy", sa.ForeignKey("quotes.id", ondelete="CASCADE"))
    # the key needs every slot's quote to exist: slots left by deleted quotes are dropped
    _copy_into_slots("WHERE quote_id IN (SELECT id FROM quotes)")
    op.create_index("ix_lsh_slots_quote_id", "lsh_slots", ["quote_id"])
