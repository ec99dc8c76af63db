"""Corrections log, corpus organisations, surnames for incremental corpus people.

One ``corrections`` table replaces ``person_corrections`` (its merge and split rows are copied):
every correction of people, organisations and quotes, with who made it, when and why.
``corpus_organizations`` groups article organisations across articles as ``corpus_people`` does
for people.

Revision ID: corpus_1
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "corpus_1"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(), nullable=True),
        sa.Column("other_key", sa.String(), nullable=True),
        sa.Column("article_key", sa.String(), nullable=True),
        sa.Column("person_name", sa.String(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("quote_end", sa.Integer(), nullable=True),
        sa.Column("value", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(
        "INSERT INTO corrections (id, action, key, other_key, article_key, person_name, value, created_at) "
        "SELECT id, action, key, other_key, article_key, person_name, split_group, created_at "
        "FROM person_corrections"
    )
    op.drop_table("person_corrections")
    op.create_table(
        "corpus_organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    # a plain column (no declared foreign key): adding one would make SQLite rebuild the table
    op.add_column("organizations", sa.Column("corpus_organization_id", sa.Integer(), nullable=True))
    op.create_index("ix_organizations_corpus_organization_id", "organizations", ["corpus_organization_id"])
    op.create_table(
        "person_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("surname", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_person_keys_person_id", "person_keys", ["person_id"])
    op.create_index("ix_person_keys_surname", "person_keys", ["surname"])


def downgrade() -> None:
    op.drop_table("person_keys")
    op.drop_index("ix_organizations_corpus_organization_id", "organizations")
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.drop_column("corpus_organization_id")
    op.drop_table("corpus_organizations")
    op.create_table(
        "person_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(), nullable=True),
        sa.Column("other_key", sa.String(), nullable=True),
        sa.Column("article_key", sa.String(), nullable=True),
        sa.Column("person_name", sa.String(), nullable=True),
        sa.Column("split_group", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(
        "INSERT INTO person_corrections (id, action, key, other_key, article_key, person_name, split_group, "
        "created_at) SELECT id, action, key, other_key, article_key, person_name, value, created_at "
        "FROM corrections WHERE action IN ('merge', 'split')"
    )
    op.drop_table("corrections")
