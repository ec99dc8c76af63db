"""Initial corpus schema: articles, quotes, people, corpus people, full-text search.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 00:42:30.442382
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _articles()
    _corpus_tables()
    _article_spans()
    _article_entities()
    _mentions()
    _quotes()
    _create_search()


def _indexes(table: str, *columns: str) -> None:
    """One non-unique index per column, named ix_<table>_<column>."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def _articles() -> None:
    """The articles, by outlet and date."""
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('ext_id', sa.String(), nullable=True),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('url', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('author', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('model', sa.String(), nullable=True),
    sa.Column('warnings', sa.Text(), nullable=False),
    sa.Column('quote_count', sa.Integer(), nullable=False),
    sa.Column('person_count', sa.Integer(), nullable=False),
    sa.Column('ingested_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    _indexes('articles', 'outlet', 'published')


def _corpus_tables() -> None:
    """Tables of the whole corpus: people across articles, failed sources, corrections."""
    op.create_table('corpus_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('gender_source', sa.String(length=8), nullable=False),
    sa.Column('article_count', sa.Integer(), nullable=False),
    sa.Column('quote_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('failed_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source')
    )
    op.create_table('person_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('key', sa.String(), nullable=True),
    sa.Column('other_key', sa.String(), nullable=True),
    sa.Column('article_key', sa.String(), nullable=True),
    sa.Column('person_name', sa.String(), nullable=True),
    sa.Column('split_group', sa.String(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def _article_spans() -> None:
    """Dates and excluded spans of each article."""
    op.create_table('dates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('value', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    _indexes('dates', 'article_id')
    op.create_table('excluded',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    _indexes('excluded', 'article_id')


def _article_entities() -> None:
    """Organisations, people and places of each article."""
    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('quote_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    _indexes('organizations', 'article_id', 'name')
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('titles', sa.Text(), nullable=False),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('gender_evidence', sa.Text(), nullable=False),
    sa.Column('gender_source', sa.String(length=8), nullable=False),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('quote_count', sa.Integer(), nullable=False),
    sa.Column('corpus_person_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['corpus_person_id'], ['corpus_people.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    _indexes('people', 'article_id', 'corpus_person_id')
    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('quote_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    _indexes('places', 'article_id', 'name')


def _mentions() -> None:
    """Mentions of each article's people, organisations and places."""
    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    _indexes('mentions', 'article_id', 'organization_id', 'person_id', 'place_id')


def _quotes() -> None:
    """Quotes, with their speaker."""
    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('type', sa.String(length=8), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('parts', sa.Text(), nullable=False),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('cue', sa.String(), nullable=True),
    sa.Column('speaker_start', sa.Integer(), nullable=True),
    sa.Column('speaker_end', sa.Integer(), nullable=True),
    sa.Column('speaker_text', sa.String(), nullable=True),
    sa.Column('speaker_name', sa.String(), nullable=True),
    sa.Column('speaker_local_id', sa.String(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_speaker_name'), ['speaker_name'], unique=False)
        batch_op.create_index('ix_quotes_type', ['type'], unique=False)


def downgrade() -> None:
    _drop_search()
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index('ix_quotes_type')
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_name'))
        batch_op.drop_index(batch_op.f('ix_quotes_person_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_organization_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_article_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_place_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_person_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_organization_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_article_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_name'))
        batch_op.drop_index(batch_op.f('ix_places_article_id'))

    op.drop_table('places')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_corpus_person_id'))
        batch_op.drop_index(batch_op.f('ix_people_article_id'))

    op.drop_table('people')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_name'))
        batch_op.drop_index(batch_op.f('ix_organizations_article_id'))

    op.drop_table('organizations')
    with op.batch_alter_table('excluded', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_excluded_article_id'))

    op.drop_table('excluded')
    with op.batch_alter_table('dates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dates_article_id'))

    op.drop_table('dates')
    op.drop_table('person_corrections')
    op.drop_table('failures')
    op.drop_table('corpus_people')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet'))

    op.drop_table('articles')


# Full-text search over quote text and speaker name. SQLite: an FTS5 external-content table
# named quotes_fts (Datasette finds it by that name) kept in sync by triggers. PostgreSQL: a
# generated tsvector column with a GIN index.
_SQLITE_SEARCH = [
    # content="quotes" in double quotes: the form Datasette looks for to offer search on quotes
    'CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content="quotes", '
    "content_rowid=\"id\", tokenize='porter unicode61')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) "
    "VALUES ('delete', old.id, old.text, old.speaker_name); END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) "
    "VALUES ('delete', old.id, old.text, old.speaker_name); "
    "INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name); END",
]
_POSTGRES_SEARCH = [
    "ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(text, '') || ' ' || coalesce(speaker_name, ''))) STORED",
    "CREATE INDEX ix_quotes_search ON quotes USING gin (search)",
]


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_SEARCH if dialect == "sqlite" else _POSTGRES_SEARCH if dialect == "postgresql" else []:
        op.execute(statement)


def _drop_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_quotes_search")
        op.execute("ALTER TABLE quotes DROP COLUMN IF EXISTS search")
