"""Quote clusters in the corpus: incremental clustering at ingest, summaries, listing.

Each stored direct quote of at least ``provenance.MIN_WORDS`` words joins a cluster (alone at
first): the cluster of a stored quote with the same normalised text, else the best confirmed
near-duplicate among the quotes sharing an LSH bucket with it, else a new one. Only the
buckets of the new quote are read, so the cost per quote does not grow with the corpus.
docs/provenance.md describes the tables and the rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from .. import provenance as pv
from . import schema as t
from .about_tables import cluster_members, lsh_slots, quote_clusters

# Near-duplicate candidates confirmed per quote: those sharing most buckets first, newest first
# among equals. Each check is an edit-distance comparison (the costliest step per quote), and the
# quotes met by chance in one bucket grow with the corpus: the bound keeps the cost per quote flat
# (docs/benchmarks.md, "Quote clusters"). A repeated quotation's versions share many buckets
# with it and come first.
CANDIDATES = 4
# Quotes a bucket keeps: its newest. A bucket of a band that common wording hashes to would keep
# growing with the corpus (with 20 bands of 3 rows, unrelated quotes meet by chance in a few), and
# reading or even ranking all of it made the cost per quote grow too; LSH systems cap such
# buckets. The cap is a fixed number of slots overwritten in rotation (``lsh_slots``). A repeated
# quotation shares most of its 20 buckets with its earlier versions, so the cap loses nothing
# while a quotation's versions are fewer than this, and past it the newest versions it keeps are
# of the same quotation. It was 20; chance members filled buckets towards it all through a run
# of 1,000,000 quotes, so the cost per quote kept rising (docs/benchmarks.md, "Quote clusters").
BUCKET_CAP = 5
# SQLite's page cache for a connection that clusters (its default is 2 MiB). Each quote reads and
# inserts about 20 rows at random places of the bucket index; once that index outgrows the cache,
# each of them is a page fetched again, and the cost per quote grew with the corpus (docs/
# benchmarks.md, "Quote clusters"). The cache is a ceiling, filled only as pages are read.
SQLITE_CACHE_MIB = 1024


def clusters_of_article(conn: Connection, article_id: int) -> set[int]:
    """The clusters the article's stored quotes belong to (read before its quotes are replaced)."""
    return set(conn.execute(select(cluster_members.c.cluster_id).distinct()
                            .join(t.quotes, t.quotes.c.id == cluster_members.c.quote_id)
                            .where(t.quotes.c.article_id == article_id)).scalars())


def cluster_article(conn: Connection, article_id: int, lost: set[int] | None = None) -> set[int]:
    """Cluster the quotes of one stored article; returns the clusters it touched.

    ``lost``: the clusters of the article's earlier quotes, just deleted (``clusters_of_article``
    before the deletion); they are checked again, and dropped when left empty.
    """
    touched = _drop_emptied(conn, lost) if lost else set()
    rows = conn.execute(select(t.quotes.c.id, t.quotes.c.text)
                        .where(t.quotes.c.article_id == article_id, t.quotes.c.type == "direct")
                        .order_by(t.quotes.c.start_char)).all()
    touched |= cluster_quotes(conn, [(quote_id, text) for quote_id, text in rows])
    refresh(conn, touched)
    return touched


@dataclass
class _New:
    """A quote being clustered: its keys, and the cluster it joins (negative: one this batch makes)."""

    quote_id: int
    text: str
    norm: str
    digest: str
    keys: list[int]
    cluster: int = 0


@dataclass
class _Bucket:
    """One bucket as the database and the batch so far hold it: its newest quotes, oldest first
    (at most ``BUCKET_CAP``), and the number of writes it has had (the next write's ``seq``)."""

    entries: list[int] = field(default_factory=list)
    writes: int = 0


@dataclass
class _Batch:
    """What the database and the batch so far hold for a batch's hashes and bucket keys, and the
    (cluster, norm) of the quotes read as candidates so far."""

    exact: dict[str, int]  # norm hash -> cluster
    buckets: dict[int, _Bucket]
    known: dict[int, tuple[int, str]] = field(default_factory=dict)  # quote -> (cluster, norm)
    gone: set[int] = field(default_factory=set)  # quotes left in slots but deleted since
    made: list[_New] = field(default_factory=list)  # quotes that start a new cluster, in order
    slots: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (key, slot) -> (seq, quote)

    def add(self, new: _New) -> None:
        self.exact.setdefault(new.digest, new.cluster)
        self.known[new.quote_id] = (new.cluster, new.norm)
        for key in new.keys:
            bucket = self.buckets.setdefault(key, _Bucket())
            bucket.entries = [*bucket.entries[1 - BUCKET_CAP :], new.quote_id]
            self.slots[key, bucket.writes % BUCKET_CAP] = (bucket.writes, new.quote_id)
            bucket.writes += 1


def cluster_quotes(conn: Connection, rows: list[tuple[int, str]]) -> set[int]:
    """Put stored quotes (id, text) in their clusters, in order, each seeing those before it;
    returns the clusters they joined (summaries not refreshed). Three reads and three batched
    writes for the whole batch, so the cost per quote is a few rows, not a few round trips."""
    news = [_New(qid, text, norm, pv.norm_hash(norm), pv.band_keys(norm))
            for qid, text in rows if pv.clusterable(norm := pv.normalise(text))]
    if not news:
        return set()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_MIB * 1024}")
    batch = _Batch(_exact_many(conn, [n.digest for n in news]), _buckets_many(conn, [k for n in news for k in n.keys]))
    _read_members(conn, batch, [q for new in news for q in _candidates(batch, new)])
    for new in news:
        fresh = -(len(batch.made) + 1)
        new.cluster = batch.exact.get(new.digest) or _best(batch, new, _read_candidates(conn, batch, new)) or fresh
        if new.cluster == fresh:
            batch.made.append(new)
        batch.add(new)
    ids = _insert_clusters(conn, batch.made)
    for new in news:
        new.cluster = ids.get(new.cluster, new.cluster)
    conn.execute(insert(cluster_members), [{"quote_id": n.quote_id, "cluster_id": n.cluster, "norm_hash": n.digest,
                                            "norm_text": n.norm} for n in news])
    _write_slots(conn, batch.slots)
    return {n.cluster for n in news}


def cluster_quote(conn: Connection, quote_id: int, text: str) -> int | None:
    """Put one stored quote in its cluster (without refreshing the cluster's summary)."""
    return next(iter(cluster_quotes(conn, [(quote_id, text)])), None)


_CHUNK = 2_000  # bound parameters per IN list (SQLite allows 32,766, PostgreSQL 65,535)
_EXACT = (select(cluster_members.c.norm_hash, cluster_members.c.cluster_id)
          .where(cluster_members.c.norm_hash.in_(bindparam("hashes", expanding=True))))
# A bucket's slots are a range of the primary key (bucket, slot): at most BUCKET_CAP rows, read
# through the key alone, however many quotes have passed through the bucket. Only the quote ids:
# the members' rows are read for the few candidates each quote checks (_MEMBERS).
_BUCKETS = (select(lsh_slots.c.bucket, lsh_slots.c.seq, lsh_slots.c.quote_id)
            .where(lsh_slots.c.bucket.in_(bindparam("keys", expanding=True))))
_MEMBERS = (select(cluster_members.c.quote_id, cluster_members.c.cluster_id, cluster_members.c.norm_text)
            .where(cluster_members.c.quote_id.in_(bindparam("ids", expanding=True))))


def _chunks(values: list, size: int = _CHUNK) -> list[list]:
    unique = sorted(set(values))
    return [unique[i : i + size] for i in range(0, len(unique), size)]


def _exact_many(conn: Connection, digests: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(digests):
        for digest, cluster_id in conn.execute(_EXACT, {"hashes": chunk}):
            found.setdefault(digest, cluster_id)
    return found


def _buckets_many(conn: Connection, keys: list[int]) -> dict[int, _Bucket]:
    """The stored buckets of these keys: their quotes oldest first, and their write counts."""
    rows: dict[int, list[tuple[int, int]]] = {}
    for chunk in _chunks(keys):
        for key, seq, quote_id in conn.execute(_BUCKETS, {"keys": chunk}):
            rows.setdefault(key, []).append((seq, quote_id))
    return {key: _Bucket([entry for _, entry in sorted(found)], max(seq for seq, _ in found) + 1)
            for key, found in rows.items()}


def _upsert_slots(dialect):  # dialect: the sqlalchemy.dialects module (sqlite or postgresql)
    statement = dialect.insert(lsh_slots)
    return statement.on_conflict_do_update(index_elements=[lsh_slots.c.bucket, lsh_slots.c.slot],
                                           set_={"seq": statement.excluded.seq,
                                                 "quote_id": statement.excluded.quote_id})


_SLOT_COLUMNS = ("bucket", "slot", "seq", "quote_id")  # the table's order, which the compiled VALUES follow
_SQLITE_UPSERT = str(_upsert_slots(sqlite).compile(dialect=sqlite.dialect()))
_PG_UPSERT = _upsert_slots(postgresql)


def _write_slots(conn: Connection, slots: dict[tuple[int, int], tuple[int, int]]) -> None:
    """Store the batch's bucket entries, each in its slot, over the entry it replaces (one
    statement; the batch's last write to a slot is the one kept). In key order, so that
    neighbouring rows go to the same index pages one after the other."""
    rows = [(key, slot, seq, quote_id) for (key, slot), (seq, quote_id) in sorted(slots.items())]
    if conn.dialect.name == "sqlite":
        # sqlite3's own executemany on tuples: SQLAlchemy's handling of 20,000 parameter dicts
        # an article cost twice the write itself (docs/benchmarks.md, "Quote clusters")
        conn.exec_driver_sql(_SQLITE_UPSERT, rows)
    else:  # SQLAlchemy batches the rows into multi-row statements on PostgreSQL
        conn.execute(_PG_UPSERT, [dict(zip(_SLOT_COLUMNS, row, strict=True)) for row in rows])


def _candidates(batch: _Batch, new: _New) -> list[int]:
    """The ``CANDIDATES`` quotes sharing most buckets with ``new``, newest first among equals,
    leaving out those found deleted."""
    shared = Counter(q for key in new.keys if key in batch.buckets for q in batch.buckets[key].entries)
    ranked = sorted(shared, key=lambda q: (shared[q], q), reverse=True)
    return [q for q in ranked if q not in batch.gone][:CANDIDATES]


def _read_members(conn: Connection, batch: _Batch, quote_ids: list[int]) -> None:
    """Learn the (cluster, norm) of these stored quotes; those without a member row were deleted."""
    wanted = [q for q in quote_ids if q not in batch.known and q not in batch.gone]
    for chunk in _chunks(wanted):
        for quote_id, cluster_id, norm in conn.execute(_MEMBERS, {"ids": chunk}):
            batch.known[quote_id] = (cluster_id, norm)
    batch.gone.update(q for q in wanted if q not in batch.known)


def _read_candidates(conn: Connection, batch: _Batch, new: _New) -> list[int]:
    """``new``'s candidates, every one known. The batch read them all ahead for its quotes, as the
    stored buckets ranked them; a quote of the batch can push an entry out of a bucket and let a
    stored quote read by no one rise, and a deleted one drops out: those are read here."""
    while True:
        ids = _candidates(batch, new)
        missing = [q for q in ids if q not in batch.known]
        if not missing:
            return ids
        _read_members(conn, batch, missing)


def _best(batch: _Batch, new: _New, candidates: list[int]) -> int | None:
    """The cluster of the best confirmed near-duplicate among the candidates."""
    scored = [(pv.similarity(new.norm, batch.known[q][1]), batch.known[q][0]) for q in candidates]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= pv.SAME_RATIO else None


def _insert_clusters(conn: Connection, made: list[_New]) -> dict[int, int]:
    """Store the batch's new clusters (one row each, one statement); their ids by placeholder."""
    if not made:
        return {}
    rows = [{"canonical_text": n.text, "first_quote_id": n.quote_id, "member_count": 1,
             "conflicting_speakers": 0, "wording_changed": 0} for n in made]
    ids = conn.execute(insert(quote_clusters).returning(quote_clusters.c.id, sort_by_parameter_order=True), rows)
    return {-(i + 1): cluster_id for i, cluster_id in enumerate(ids.scalars())}


def _drop_emptied(conn: Connection, lost: set[int]) -> set[int]:
    """Remove those of these clusters left without members; return the others. Only these
    clusters are read (an earlier version counted the members of every cluster in the corpus at
    each replaced article)."""
    kept: set[int] = set()
    for chunk in _chunks(list(lost)):
        kept.update(conn.execute(select(cluster_members.c.cluster_id).distinct()
                                 .where(cluster_members.c.cluster_id.in_(chunk))).scalars())
    empty = sorted(lost - kept)
    for chunk in _chunks(empty):
        conn.execute(delete(quote_clusters).where(quote_clusters.c.id.in_(chunk)))
    return kept


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

    def as_dict(self) -> dict:
        """The cluster as JSON data (``provenance -f json`` and the web API), without normalised texts."""
        data = asdict(self)
        for member in [data["first"], *data["members"]]:
            member.pop("norm", None)
        return data


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


def _canonical(members: list[Member]) -> tuple[Member, Counter[str]]:
    """The commonest wording, ties to the earliest; and the count of each wording."""
    counts = Counter(m.norm for m in members)
    top = max(counts.values())
    return next(m for m in members if counts[m.norm] == top), counts


def _conflicting(members: list[Member]) -> bool:
    return len({speaker_key(m.speaker) for m in members} - {None}) > 1


def summarise(cluster_id: int, members: list[Member]) -> Cluster:
    """Canonical wording, the first appearance, every member's word changes, the flags."""
    canonical, counts = _canonical(members)
    with_changes = [Member(**{**vars(m), "changes": pv.word_changes(canonical.norm, m.norm)}) for m in members]
    return Cluster(cluster_id, canonical.text, with_changes[0], with_changes, _conflicting(members), len(counts) > 1)


_REFRESH = (update(quote_clusters).where(quote_clusters.c.id == bindparam("cid"))
            .values(canonical_text=bindparam("canonical"), first_quote_id=bindparam("first"),
                    member_count=bindparam("count"), conflicting_speakers=bindparam("conflicting"),
                    wording_changed=bindparam("changed")))


def refresh(conn: Connection, cluster_ids: set[int]) -> None:
    """Store the summary columns of these clusters again (one batched update; the word changes
    are left to whoever lists the cluster)."""
    rows = []
    for chunk in _chunks(list(cluster_ids)):
        for cluster_id, members in members_of(conn, chunk).items():
            canonical, counts = _canonical(members)
            rows.append({"cid": cluster_id, "canonical": canonical.text, "first": members[0].quote_id,
                         "count": len(members), "conflicting": int(_conflicting(members)),
                         "changed": int(len(counts) > 1)})
    if rows:
        conn.execute(_REFRESH, rows)


def recluster(conn: Connection) -> int:
    """Cluster the whole corpus again from nothing, articles in ingest order; returns the count
    of clusters with more than one member."""
    for table in (lsh_slots, cluster_members, quote_clusters):
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
