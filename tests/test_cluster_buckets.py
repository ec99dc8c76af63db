"""A crowded LSH bucket keeps only its newest ``BUCKET_CAP`` quotes, in slots overwritten in
rotation, and a repeated quotation still finds its earlier version through its other buckets
(SQLite and PostgreSQL).

The corpus: one article per line of a council meeting report, each line quoted by a different
councillor, with every quote's band-0 key made the same, as wording common to many quotes does to
a band in a large corpus.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from test_store_support import article, person, quote

from quotegraph import provenance as pv
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.about_tables import cluster_members, lsh_slots, quote_clusters
from quotegraph.store.clusters import BUCKET_CAP, CANDIDATES, _Batch, _buckets_many, _read_members
from quotegraph.store.ingest import ingest_results

CROWDED = 12345  # the band-0 key every quote gets
LINES = [
    "The bus depot on Mill Lane will close at the end of the summer timetable",
    "Parents at Westfield primary have waited three years for a safe crossing",
    "Our recycling rates fell last winter because the collections kept slipping",
    "Nobody on this committee voted to sell the allotments to a developer",
    "The swimming pool roof leaks every time it rains and the repairs keep failing",
    "We asked the county for flood defences after the river burst its banks twice",
    "Rents in the old town centre have doubled since the market hall reopened",
    "Small shops on the high street cannot survive another rise in business rates",
    "The library van reaches the outlying villages only once a fortnight now",
    "Care homes in the district are turning away residents for lack of nurses",
    "Cyclists have been asking for a proper lane on the ring road for a decade",
    "The youth club lost its grant and the volunteers are paying for the heating",
    "Potholes on the moor road caused two accidents in a single week in March",
    "Every ward councillor received the same complaint about the night buses",
    "The park keepers were cut in the last budget and the gates are left open",
    "Farmers say the new drainage rules arrived without a word of consultation",
    "Ambulances wait outside the hospital for hours because the wards are full",
    "Our cemetery will run out of space within five years unless land is bought",
    "The leisure centre contract was signed before anyone had read the small print",
    "Street lights on the estate are switched off at midnight to save money",
    "Tourists come for the castle but there is nowhere in town to park a coach",
    "The food bank handed out more parcels this autumn than in any year before",
    "Schools on the coast cannot recruit science teachers at current salaries",
    "Residents near the quarry have measured dust on their cars every morning",
    "The market traders want the Saturday charges frozen until the spring",
]


def _article(n: int, line: str):
    name = f"Councillor Member{n}"
    text = f"{name} spoke at the council meeting.\n\n“{line},” {name} said.\n"
    who = person("p1", name, text)
    return article(f"a{n}", text, people=[who], quotes=[quote("q1", text, line, who)], outlet="Gazette",
                   published=f"2026-03-{1 + n % 28:02d}", url=f"https://example.org/council/{n}")


@pytest.fixture
def crowded(monkeypatch) -> None:
    """Every quote's band-0 key is ``CROWDED``; its other keys are its own."""
    keys = pv.band_keys
    monkeypatch.setattr(pv, "band_keys", lambda norm: [CROWDED, *keys(norm)[1:]])


def _ingest_one_by_one(store: Store, lines: list[str], first: int = 0) -> None:
    for n, line in enumerate(lines, start=first):  # one ingest each: every quote a batch of its own
        ingest_results(store, [_article(n, line)])


def _quote_ids(conn) -> dict[str, int]:
    return dict(conn.execute(select(t.quotes.c.text, t.quotes.c.id)).all())


@pytest.mark.parametrize("one_batch", [False, True])
def test_a_crowded_bucket_keeps_its_newest_quotes_only(db_url, crowded, one_batch):
    store = Store(db_url)
    if one_batch:
        ingest_results(store, [_article(n, line) for n, line in enumerate(LINES)])
    else:
        _ingest_one_by_one(store, LINES)
    with store.engine.connect() as conn:
        ids = _quote_ids(conn)
        stored = conn.execute(select(func.count()).select_from(lsh_slots).where(lsh_slots.c.bucket == CROWDED))
        count = stored.scalar_one()
        found = _buckets_many(conn, [CROWDED])[CROWDED]
    store.close()
    assert len(LINES) > BUCKET_CAP
    assert count == BUCKET_CAP
    assert found.writes == len(LINES)
    assert found.entries == [ids[line] for line in LINES[-BUCKET_CAP:]]


def test_a_repeated_quotation_finds_its_version_past_a_crowded_bucket(db_url, crowded):
    """The oldest line has left the crowded bucket, yet its new version (one word changed) joins
    its cluster through the buckets the two share."""
    store = Store(db_url)
    _ingest_one_by_one(store, LINES)
    changed = LINES[0].replace("close", "shut")
    ingest_results(store, [_article(99, changed)])
    with store.engine.connect() as conn:
        clusters = dict(conn.execute(select(cluster_members.c.norm_text, cluster_members.c.cluster_id)).all())
        crowded_ids = set(conn.execute(select(lsh_slots.c.quote_id).where(lsh_slots.c.bucket == CROWDED)).scalars())
        first_id = _quote_ids(conn)[LINES[0]]
    store.close()
    assert first_id not in crowded_ids
    assert clusters[LINES[0].lower()] == clusters[changed.lower()]
    assert len(set(clusters.values())) == len(LINES)


def test_a_replaced_article_leaves_no_live_slot_or_empty_cluster_behind(db_url):
    """Re-ingesting an article with new text takes its old quote out of every look-up (its slots
    stay until the rotation overwrites them, but reading the members finds it gone), drops the
    cluster it leaves empty and shrinks the one it leaves; the new quote takes slots and a cluster
    of its own, and the old wording, stored again, starts a new cluster rather than reviving one."""
    store = Store(db_url)
    ingest_results(store, [_article(0, LINES[0]), _article(1, LINES[2]), _article(2, LINES[2])])
    with store.engine.connect() as conn:
        gone = _quote_ids(conn)[LINES[0]]
    ingest_results(store, [_article(0, LINES[1]), _article(1, LINES[3])])
    with store.engine.connect() as conn:
        keys = list(conn.execute(select(lsh_slots.c.bucket).distinct()).scalars())
        batch = _Batch({}, _buckets_many(conn, keys))
        _read_members(conn, batch, [q for bucket in batch.buckets.values() for q in bucket.entries])
        ids = _quote_ids(conn)
        sizes = dict(conn.execute(select(quote_clusters.c.canonical_text, quote_clusters.c.member_count)).all())
    assert set(batch.known) == {ids[LINES[1]], ids[LINES[2]], ids[LINES[3]]}
    assert gone in batch.gone and gone not in ids.values()
    assert sizes == {LINES[1]: 1, LINES[2]: 1, LINES[3]: 1}
    ingest_results(store, [_article(3, LINES[0])])
    with store.engine.connect() as conn:
        sizes = dict(conn.execute(select(quote_clusters.c.canonical_text, quote_clusters.c.member_count)).all())
    store.close()
    assert sizes == {LINES[0]: 1, LINES[1]: 1, LINES[2]: 1, LINES[3]: 1}


GROUPS = 5  # crowded bands, and groups of lines


@pytest.fixture
def crowded_bands(monkeypatch) -> None:
    """Line n's keys of bands 0-4 are those of group n % 5: in band b it meets the lines of its
    group. A new text's band-b key is group b's, so it meets every line by chance in one bucket."""
    keys = pv.band_keys
    group = {pv.normalise(line): n % GROUPS for n, line in enumerate(LINES)}

    def grouped(norm: str) -> list[int]:
        return [CROWDED + 100 * band + group.get(norm, band) for band in range(GROUPS)] + keys(norm)[GROUPS:]
    monkeypatch.setattr(pv, "band_keys", grouped)


def test_a_version_is_checked_before_quotes_met_by_chance(db_url, crowded_bands, monkeypatch):
    """All 25 lines share a bucket with the new version, and every check is counted: at most
    ``CANDIDATES`` are made, the earlier version (sharing most buckets) among them, so the version
    joins its cluster and the other lines stay apart."""
    store = Store(db_url)
    _ingest_one_by_one(store, LINES)
    checks: list[str] = []
    similarity = pv.similarity
    monkeypatch.setattr(pv, "similarity", lambda a, b: checks.append(b) or similarity(a, b))
    changed = LINES[17].replace("five", "ten")
    ingest_results(store, [_article(99, changed)])
    with store.engine.connect() as conn:
        clusters = dict(conn.execute(select(cluster_members.c.norm_text, cluster_members.c.cluster_id)).all())
    store.close()
    assert len(LINES) > CANDIDATES
    assert 0 < len(checks) <= CANDIDATES
    assert checks[0] == pv.normalise(LINES[17])
    assert clusters[pv.normalise(LINES[17])] == clusters[pv.normalise(changed)]
    assert len(set(clusters.values())) == len(LINES)
