"""Quotes record the rules that found them and chose their speaker (shown on the article page).

Revision ID: web_1
Revises: about_1
"""

import sqlalchemy as sa
from alembic import op

revision = 'web_1'
down_revision = 'about_1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild), so the full-text triggers on quotes stay as they are
    op.add_column('quotes', sa.Column('rule', sa.String(), nullable=True))
    op.add_column('quotes', sa.Column('speaker_rule', sa.String(), nullable=True))


def downgrade() -> None:
    op.execute('ALTER TABLE quotes DROP COLUMN speaker_rule')
    op.execute('ALTER TABLE quotes DROP COLUMN rule')
