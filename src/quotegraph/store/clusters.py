"""Quote clusters in the corpus: incremental clustering at ingest, summaries, listing.

Each stored direct quote of at least ``provenance.MIN_WORDS`` words joins a cluster (alone at
first): the cluster of a stored quote with the same normalised text, else the best confirmed
near-duplicate among the quotes sharing an LSH bucket with it, else a new one. Only the
buckets of the new quote are read, so the cost per quote does not grow with the corpus.
docs/provenance.md describes the tables and the rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, func, insert, select, update

from .. import provenance as pv
from . import schema as t
from .about_tables import cluster_members, lsh_buckets, quote_clusters

CANDIDATES = 50  # near-duplicate candidates confirmed per quote, those sharing most buckets first


def cluster_article(conn: Connection, article_id: int, replaced: bool = False) -> set[int]:
    """Cluster the quotes of one stored article; returns the clusters it touched.

    ``replaced``: the article's earlier quotes were just deleted, so clusters may have lost
    members and are checked again.
    """
    touched = _drop_stale(conn) if replaced else set()
    rows = conn.execute(select(t.quotes.c.id, t.quotes.c.text)
                        .where(t.quotes.c.article_id == article_id, t.quotes.c.type == "direct")
                        .order_by(t.quotes.c.start_char)).all()
    for quote_id, text in rows:
        cluster_id = cluster_quote(conn, quote_id, text)
        if cluster_id is not None:
            touched.add(cluster_id)
    refresh(conn, touched)
    return touched


def cluster_quote(conn: Connection, quote_id: int, text: str) -> int | None:
    """Put one stored quote in its cluster (without refreshing the cluster's summary)."""
    norm = pv.normalise(text)
    if not pv.clusterable(norm):
        return None
    digest = pv.norm_hash(norm)
    keys = pv.band_keys(norm)
    cluster_id = _exact(conn, digest) or _near(conn, norm, keys)
    if cluster_id is None:
        cluster_id = conn.execute(insert(quote_clusters).returning(quote_clusters.c.id), {
            "canonical_text": text, "first_quote_id": quote_id, "member_count": 1,
            "conflicting_speakers": 0, "wording_changed": 0}).scalar_one()
    conn.execute(insert(cluster_members), {"quote_id": quote_id, "cluster_id": cluster_id,
                                           "norm_hash": digest, "norm_text": norm})
    conn.execute(insert(lsh_buckets), [{"quote_id": quote_id, "band": band, "bucket": key}
                                       for band, key in enumerate(keys)])
    return cluster_id


def _exact(conn: Connection, digest: str) -> int | None:
    return conn.execute(select(cluster_members.c.cluster_id)
                        .where(cluster_members.c.norm_hash == digest).limit(1)).scalar()


def _near(conn: Connection, norm: str, keys: list[int]) -> int | None:
    shared = func.count().label("shared")
    candidates = conn.execute(
        select(cluster_members.c.cluster_id, cluster_members.c.norm_text, shared)
        .join(lsh_buckets, lsh_buckets.c.quote_id == cluster_members.c.quote_id)
        .where(lsh_buckets.c.bucket.in_(keys))
        .group_by(cluster_members.c.quote_id, cluster_members.c.cluster_id, cluster_members.c.norm_text)
        .order_by(shared.desc()).limit(CANDIDATES)).all()
    scored = [(pv.similarity(norm, other), cluster_id) for cluster_id, other, _ in candidates]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= pv.SAME_RATIO else None


def _drop_stale(conn: Connection) -> set[int]:
    """Remove clusters left without members; return those whose member count changed."""
    counts: dict[int, int] = dict(conn.execute(select(cluster_members.c.cluster_id, func.count())
                               .group_by(cluster_members.c.cluster_id)).all())
    stored = dict(conn.execute(select(quote_clusters.c.id, quote_clusters.c.member_count)).all())
    empty = [cid for cid in stored if cid not in counts]
    if empty:
        conn.execute(delete(quote_clusters).where(quote_clusters.c.id.in_(empty)))
    return {cid for cid, n in counts.items() if stored.get(cid) != n}


# --- summaries ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    quote_id: int
    article_id: int
    article: str  # the article's key (URL or text hash)
    title: str | None
    outlet: str | None
    published: str | None
    speaker: str | None
    text: str
    norm: str
    changes: list[pv.WordChange] = field(default_factory=list)  # against the canonical wording


@dataclass(frozen=True)
class Cluster:
    id: int
    canonical_text: str
    first: Member
    members: list[Member]
    conflicting_speakers: bool
    wording_changed: bool


def members_of(conn: Connection, cluster_ids: list[int]) -> dict[int, list[Member]]:
    """Members by cluster, in order of appearance: published date (undated last), then ingest order."""
    rows = conn.execute(
        select(cluster_members.c.cluster_id, t.quotes.c.id, t.articles.c.id, t.articles.c.key, t.articles.c.title,
               t.articles.c.outlet, t.articles.c.published, t.quotes.c.speaker_name, t.quotes.c.text,
               cluster_members.c.norm_text)
        .join(t.quotes, t.quotes.c.id == cluster_members.c.quote_id)
        .join(t.articles, t.articles.c.id == t.quotes.c.article_id)
        .where(cluster_members.c.cluster_id.in_(cluster_ids))).all()
    out: dict[int, list[Member]] = {}
    for cluster_id, *values in rows:
        out.setdefault(cluster_id, []).append(Member(*values))
    for members in out.values():
        members.sort(key=lambda m: (m.published is None, m.published or "", m.article_id, m.quote_id))
    return out


def speaker_key(name: str | None) -> str | None:
    """Members agree on a speaker when the last words of their names match (``Boris Johnson``,
    ``Johnson``, ``Mr Johnson``)."""
    words = pv.normalise(name or "").split()
    return words[-1] if words else None


def summarise(cluster_id: int, members: list[Member]) -> Cluster:
    """Canonical wording: the commonest, ties to the earliest; the first appearance; the flags."""
    counts = Counter(m.norm for m in members)
    top = max(counts.values())
    canonical = next(m for m in members if counts[m.norm] == top)
    with_changes = [Member(**{**vars(m), "changes": pv.word_changes(canonical.norm, m.norm)}) for m in members]
    speakers = {speaker_key(m.speaker) for m in members} - {None}
    return Cluster(cluster_id, canonical.text, with_changes[0], with_changes, len(speakers) > 1, len(counts) > 1)


def refresh(conn: Connection, cluster_ids: set[int]) -> None:
    """Store the summary columns of these clusters again."""
    if not cluster_ids:
        return
    for cluster_id, members in members_of(conn, sorted(cluster_ids)).items():
        cluster = summarise(cluster_id, members)
        conn.execute(update(quote_clusters).where(quote_clusters.c.id == cluster_id).values(
            canonical_text=cluster.canonical_text, first_quote_id=cluster.first.quote_id,
            member_count=len(members), conflicting_speakers=int(cluster.conflicting_speakers),
            wording_changed=int(cluster.wording_changed)))


def recluster(conn: Connection) -> int:
    """Cluster the whole corpus again from nothing, articles in ingest order; returns the count
    of clusters with more than one member."""
    for table in (lsh_buckets, cluster_members, quote_clusters):
        conn.execute(delete(table))
    for (article_id,) in conn.execute(select(t.articles.c.id).order_by(t.articles.c.id)).all():
        cluster_article(conn, article_id)
    return conn.execute(select(func.count()).select_from(quote_clusters)
                        .where(quote_clusters.c.member_count > 1)).scalar_one()


def list_clusters(conn: Connection, search: str | None = None, speaker: str | None = None,
                  conflicts: bool = False, min_members: int = 2, limit: int | None = None) -> list[Cluster]:
    """Clusters with at least ``min_members`` members, largest first; ``search`` in the canonical
    text, ``speaker`` in some member's speaker name (both case-insensitive)."""
    query = select(quote_clusters.c.id).where(quote_clusters.c.member_count >= min_members)
    if search:
        query = query.where(func.lower(quote_clusters.c.canonical_text).contains(search.lower()))
    if conflicts:
        query = query.where(quote_clusters.c.conflicting_speakers == 1)
    if speaker:
        query = query.where(quote_clusters.c.id.in_(
            select(cluster_members.c.cluster_id).join(t.quotes, t.quotes.c.id == cluster_members.c.quote_id)
            .where(func.lower(t.quotes.c.speaker_name).contains(speaker.lower()))))
    query = query.order_by(quote_clusters.c.member_count.desc(), quote_clusters.c.id).limit(limit)
    ids = list(conn.execute(query).scalars())
    members = members_of(conn, ids)
    return [summarise(cid, members[cid]) for cid in ids if cid in members]


def members_statement():
    """Every member of a cluster of two or more, with its cluster's summary (for ``export``)."""
    q, a = t.quotes, t.articles
    return (select(quote_clusters.c.id.label("cluster_id"), quote_clusters.c.canonical_text,
                   quote_clusters.c.member_count, quote_clusters.c.conflicting_speakers,
                   quote_clusters.c.wording_changed, quote_clusters.c.first_quote_id, q.c.id.label("quote_id"),
                   a.c.key.label("article_key"), a.c.outlet, a.c.published, q.c.speaker_name, q.c.text)
            .join(cluster_members, cluster_members.c.cluster_id == quote_clusters.c.id)
            .join(q, q.c.id == cluster_members.c.quote_id).join(a, a.c.id == q.c.article_id)
            .where(quote_clusters.c.member_count > 1)
            .order_by(quote_clusters.c.id, a.c.published, a.c.id))
