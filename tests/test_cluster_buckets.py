"""A crowded LSH bucket: a quote reads only its newest ``BUCKET_CAP`` quotes, and a repeated
quotation still finds its earlier version through its other buckets (SQLite and PostgreSQL).

The corpus: one article per line of a council meeting report, each line quoted by a different
councillor; then every stored quote is put in one bucket of band 0, as wording common to many
quotes does to a band in a large corpus.
"""

from __future__ import annotations

from sqlalchemy import select, update
from test_store_support import article, person, quote

from quotegraph.store import Store
from quotegraph.store.about_tables import cluster_members, lsh_buckets
from quotegraph.store.clusters import BUCKET_CAP, _buckets_many
from quotegraph.store.ingest import ingest_results

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


def _crowd_band_zero(store: Store) -> int:
    """Every stored quote's band-0 row in one bucket; returns that bucket's key."""
    key = 12345
    with store.engine.begin() as conn:
        conn.execute(update(lsh_buckets).where(lsh_buckets.c.band == 0).values(bucket=key))
    return key


def test_a_crowded_bucket_gives_its_newest_quotes_only(db_url):
    store = Store(db_url)
    ingest_results(store, [_article(n, line) for n, line in enumerate(LINES)])
    key = _crowd_band_zero(store)
    with store.engine.connect() as conn:
        newest = list(conn.execute(select(lsh_buckets.c.quote_id).where(lsh_buckets.c.bucket == key)
                                   .order_by(lsh_buckets.c.id.desc()).limit(BUCKET_CAP)).scalars())
        found = _buckets_many(conn, [key])[key]
    store.close()
    assert len(LINES) > BUCKET_CAP
    assert sorted(quote_id for quote_id, _, _ in found) == sorted(newest)


def test_a_repeated_quotation_finds_its_version_past_a_crowded_bucket(db_url):
    """The oldest line is not among the crowded bucket's newest, yet its new version (one word
    changed) joins its cluster through the buckets the two share."""
    store = Store(db_url)
    ingest_results(store, [_article(n, line) for n, line in enumerate(LINES)])
    _crowd_band_zero(store)
    changed = LINES[0].replace("close", "shut")
    ingest_results(store, [_article(99, changed)])
    with store.engine.connect() as conn:
        clusters = dict(conn.execute(select(cluster_members.c.norm_text, cluster_members.c.cluster_id)).all())
    store.close()
    assert clusters[LINES[0].lower()] == clusters[changed.lower()]
    assert len(set(clusters.values())) == len(LINES)
