"""Tables for whom quotes are about, when they were said, and quote clusters across articles.

Kept apart from schema.py (which imports this module so that ``metadata`` holds them all); the
migrations ``0004_about`` and ``0007_clusters3`` create exactly these. docs/database.md and
docs/provenance.md describe them.
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

# A bucket's newest BUCKET_CAP quotes (store/clusters.py), one row per slot: the writes to a
# bucket are numbered (seq) and the n-th overwrites slot n % BUCKET_CAP, so a bucket never holds
# more rows than a look-up reads, and a look-up is a primary-key range of at most that many rows.
# ``quote_id`` has no foreign key and no index: each quote writes about 20 slots at random places,
# and an index on it doubled the pages every write dirties (a key also looks each one up). The
# slot of a deleted quote is left behind: the look-up joins the slots to ``cluster_members``, so
# it is skipped, and the bucket's rotation overwrites it in time.
lsh_slots = Table(
    "lsh_slots", metadata,
    Column("bucket", BigInteger, primary_key=True),  # band-salted key: one key space serves all bands
    Column("slot", SmallInteger, primary_key=True),
    Column("seq", Integer, nullable=False),  # writes to the bucket before this one
    Column("quote_id", Integer, nullable=False),
    sqlite_with_rowid=False,  # the primary key is the table: one B-tree, not a table and an index
)

Index("ix_quote_clusters_member_count", quote_clusters.c.member_count)
