"""The corpus tables (SQLAlchemy Core). docs/database.md describes every column.

The migrations under ``migrations/versions`` create exactly these tables; a change here needs a
new migration. Offsets are character offsets into ``articles.text``. Lists (aliases, roles,
evidence...) are JSON arrays stored as text so SQLite, PostgreSQL and Datasette read them alike.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # URL when known, else sha256:<text hash>
    Column("content_hash", String(64), nullable=False),
    Column("ext_id", String),  # the input's own id (file stem or JSONL "id")
    Column("source", String, nullable=False),
    Column("url", String),
    Column("title", Text),
    Column("outlet", String, index=True),
    Column("published", String(10), index=True),  # YYYY-MM-DD
    Column("author", String),
    Column("text", Text, nullable=False),
    Column("model", String),
    Column("warnings", Text, nullable=False, default="[]"),
    Column("quote_count", Integer, nullable=False, default=0),
    Column("person_count", Integer, nullable=False, default=0),
    Column("ingested_at", String, nullable=False),  # ISO timestamp, UTC
)

excluded = Table(
    "excluded", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("reason", String, nullable=False),
)

corpus_people = Table(
    "corpus_people", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # normalised name key, stable across rebuilds
    Column("name", String, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("roles", Text, nullable=False, default="[]"),
    Column("gender", String(8), nullable=False, default="unknown"),
    Column("gender_source", String(8), nullable=False, default="none"),  # text | name | none
    Column("article_count", Integer, nullable=False, default=0),
    Column("quote_count", Integer, nullable=False, default=0),
)

people = Table(
    "people", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("local_id", String, nullable=False),  # "p1" within the article
    Column("name", String, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("titles", Text, nullable=False, default="[]"),
    Column("roles", Text, nullable=False, default="[]"),
    Column("gender", String(8), nullable=False, default="unknown"),
    Column("gender_evidence", Text, nullable=False, default="[]"),
    Column("gender_source", String(8), nullable=False, default="none"),  # text | name | none
    Column("age", Integer),
    Column("quote_count", Integer, nullable=False, default=0),
    Column("corpus_person_id", Integer, ForeignKey("corpus_people.id", ondelete="SET NULL"), index=True),
)

# The surnames of each article person's name keys, so that an incremental update finds every
# person a new name could join or change without reading the whole corpus (store/incremental.py).
person_keys = Table(
    "person_keys", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("surname", String, nullable=False, index=True),
)


def _entity_table(name: str, *extra: Column) -> Table:
    """Organisations and places have the same shape (models.Entity)."""
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True),
        _article_fk(),
        Column("local_id", String, nullable=False),
        Column("name", String, nullable=False, index=True),
        Column("aliases", Text, nullable=False, default="[]"),
        Column("quote_count", Integer, nullable=False, default=0),
        *extra,
    )


corpus_organizations = Table(
    "corpus_organizations", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # normalised name key, stable across rebuilds
    Column("name", String, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("article_count", Integer, nullable=False, default=0),
    Column("quote_count", Integer, nullable=False, default=0),
)

# corpus_organization_id: corpus_organizations.id, kept by the rebuild (no declared foreign key,
# so the column could be added without SQLite rebuilding the table)
organizations = _entity_table("organizations", Column("corpus_organization_id", Integer, index=True))
places = _entity_table("places")

# The grouping keys of each article organisation (its name's and aliases'), with the initials of
# the multi-word ones, so that an incremental regroup finds every organisation a new name could
# join or change without reading them all (store/organizations.py).
organization_keys = Table(
    "organization_keys", metadata,
    Column("id", Integer, primary_key=True),
    Column("organization_id", Integer, ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("key", String, nullable=False, index=True),
    Column("initials", String, index=True),  # multi-word keys only
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    # exactly one of the three owners is set
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), index=True),
    Column("organization_id", Integer, ForeignKey("organizations.id", ondelete="CASCADE"), index=True),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="CASCADE"), index=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("local_id", String, nullable=False),  # "q1" within the article
    Column("type", String(8), nullable=False),  # direct | mixed | indirect
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("parts", Text, nullable=False, default="[]"),  # [[start, end], ...]
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue", String),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_text", String),
    Column("speaker_name", String, index=True),
    Column("speaker_local_id", String),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), index=True),
    Column("organization_id", Integer, ForeignKey("organizations.id", ondelete="SET NULL"), index=True),
    Column("confidence", Float, nullable=False, default=0.5),
    Column("rule", String),  # the rule that found the quote, when the extractor records it
    Column("speaker_rule", String),  # the rule that chose its speaker
)

dates = Table(
    "dates", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("value", String(10)),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String, nullable=False, unique=True),  # file path or file:line
    Column("stage", String(8), nullable=False),  # read | extract
    Column("error", Text, nullable=False),
    Column("failed_at", String, nullable=False),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True),
    # people-merge | people-split | people-rename | people-delete | people-gender | quote-reassign | orgs-merge
    Column("action", String(16), nullable=False),
    Column("key", String),  # the corpus person's (or organisation's) name key
    Column("other_key", String),  # merge: the other key; quote-reassign: the new speaker's key
    Column("article_key", String),  # split, quote-reassign: the article's key
    Column("person_name", String),  # split: the article person's name key
    Column("quote_start", Integer),  # quote-reassign: the quote's offsets in the article
    Column("quote_end", Integer),
    Column("value", String),  # rename: the name; gender: the gender; split: the new group's label
    Column("note", Text),  # why, in the corrector's words
    Column("author", String),  # who
    Column("created_at", String, nullable=False),
)

Index("ix_quotes_type", quotes.c.type)

# Who is quoted where, for ``stats sources``: one row per corpus person, outlet and month with a
# quote, kept by every regrouping of corpus people (store/summary.py).
source_people = Table(
    "source_people", metadata,
    Column("id", Integer, primary_key=True),
    Column("corpus_person_id", Integer, nullable=False, index=True),  # corpus_people.id
    Column("outlet", String),
    Column("month", String(7)),  # YYYY-MM of the articles' dates
    Column("gender", String(8), nullable=False),  # the corpus person's
    # honorific | pronoun | other_text (text evidence) | name | manual | none
    Column("evidence", String(10), nullable=False),
    Column("quote_count", Integer, nullable=False),
)
# covering indexes: each grouping of ``stats sources`` is one ordered index scan
Index("ix_source_people_outlet", source_people.c.outlet, source_people.c.gender, source_people.c.evidence,
      source_people.c.corpus_person_id)
Index("ix_source_people_month", source_people.c.month, source_people.c.gender, source_people.c.evidence,
      source_people.c.corpus_person_id)
Index("ix_source_people_outlet_month", source_people.c.outlet, source_people.c.month, source_people.c.gender,
      source_people.c.evidence, source_people.c.corpus_person_id)
Index("ix_source_people_gender", source_people.c.gender, source_people.c.evidence,
      source_people.c.corpus_person_id)

# Web-archive files read to the end: a re-run skips them (resume after an interruption).
input_files = Table(
    "input_files", metadata,
    Column("id", Integer, primary_key=True),
    Column("path", String, nullable=False, unique=True),  # absolute path
    Column("size", BigInteger, nullable=False),  # bytes when finished: a file that changed is read again
    Column("articles", Integer, nullable=False),  # articles read from it
    Column("finished_at", String, nullable=False),
)

from . import about_tables  # noqa: E402,F401 - the about/provenance tables join ``metadata``
