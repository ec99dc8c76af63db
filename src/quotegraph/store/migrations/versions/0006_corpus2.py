"""source_people: who is quoted per outlet and month, so that ``stats sources`` reads no quotes;
organization_keys: the grouping keys of article organisations, for incremental regrouping.

Revision ID: corpus2_1
Revises: web_1
"""

import sqlalchemy as sa
from alembic import op

revision = 'corpus2_1'
down_revision = 'web_1'
branch_labels = None
depends_on = None

_INDEXES = {
    'ix_source_people_outlet': ['outlet', 'gender', 'evidence', 'corpus_person_id'],
    'ix_source_people_month': ['month', 'gender', 'evidence', 'corpus_person_id'],
    'ix_source_people_outlet_month': ['outlet', 'month', 'gender', 'evidence', 'corpus_person_id'],
    'ix_source_people_gender': ['gender', 'evidence', 'corpus_person_id'],
    'ix_source_people_corpus_person_id': ['corpus_person_id'],
}


def upgrade() -> None:
    op.create_table(
        'source_people',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('corpus_person_id', sa.Integer(), nullable=False),
        sa.Column('outlet', sa.String(), nullable=True),
        sa.Column('month', sa.String(length=7), nullable=True),
        sa.Column('gender', sa.String(length=8), nullable=False),
        sa.Column('evidence', sa.String(length=10), nullable=False),
        sa.Column('quote_count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    for name, columns in _INDEXES.items():
        op.create_index(name, 'source_people', columns)
    op.create_table(
        'organization_keys',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(), nullable=False),
        sa.Column('initials', sa.String(), nullable=True),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    for column in ('organization_id', 'key', 'initials'):
        op.create_index(f'ix_organization_keys_{column}', 'organization_keys', [column])
    # a corpus from before these tables: fill them once (the next ingest then regroups incrementally)
    from quotegraph.store.organizations import rebuild_corpus_organizations
    from quotegraph.store.summary import refresh_source_people

    refresh_source_people(op.get_bind())
    rebuild_corpus_organizations(op.get_bind())


def downgrade() -> None:
    for column in ('organization_id', 'key', 'initials'):
        op.drop_index(f'ix_organization_keys_{column}', table_name='organization_keys')
    op.drop_table('organization_keys')
    for name in _INDEXES:
        op.drop_index(name, table_name='source_people')
    op.drop_table('source_people')
