"""Tables for whom quotes are about, when they were said, and quote clusters across articles.

Kept apart from schema.py (which imports this module so that ``metadata`` holds them all); the
migration ``0002_about`` creates exactly these. docs/database.md and docs/provenance.md describe them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, SmallInteger, String, Table, Text

from .schema import metadata


def _quote_fk(**kwargs) -> Column:
    return Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), nullable=False, **kwargs)


quote_targets = Table(
    "quote_targets", metadata,
    Column("id", Integer, primary_key=True),
    _quote_fk(index=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", String(9), nullable=False),  # about | addressee
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), index=True),
    Column("organization_id", Integer, ForeignKey("organizations.id", ondelete="CASCADE"), index=True),
    Column("local_id", String),  # "p2" / "o1" within the article; null for an unresolved addressee
    Column("name", String, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", String, nullable=False),
)

quote_said_on = Table(
    "quote_said_on", metadata,
    _quote_fk(primary_key=True),
    Column("value", String(10), index=True),  # YYYY-MM-DD or null
    Column("basis", String(9), nullable=False),  # explicit | relative | published | unknown
    Column("start_char", Integer),
    Column("end_char", Integer),
)

quote_clusters = Table(
    "quote_clusters", metadata,
    Column("id", Integer, primary_key=True),
    Column("canonical_text", Text, nullable=False),
    Column("first_quote_id", Integer, ForeignKey("quotes.id", ondelete="SET NULL")),
    Column("member_count", Integer, nullable=False, default=1),
    Column("conflicting_speakers", SmallInteger, nullable=False, default=0),
    Column("wording_changed", SmallInteger, nullable=False, default=0),
)

cluster_members = Table(
    "cluster_members", metadata,
    _quote_fk(primary_key=True),
    Column("cluster_id", Integer, ForeignKey("quote_clusters.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("norm_hash", String(40), nullable=False, index=True),  # sha1 of the normalised text
    Column("norm_text", Text, nullable=False),
)

lsh_buckets = Table(
    "lsh_buckets", metadata,
    Column("id", Integer, primary_key=True),
    _quote_fk(index=True),
    Column("band", SmallInteger, nullable=False),
    Column("bucket", BigInteger, nullable=False),  # band-salted key: one index serves all bands
)

Index("ix_lsh_buckets_bucket", lsh_buckets.c.bucket)
Index("ix_quote_clusters_member_count", quote_clusters.c.member_count)
