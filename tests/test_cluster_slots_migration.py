"""The migration to bucket slots carries each old bucket's newest ``BUCKET_CAP`` quotes over,
oldest first, and numbers them so that the next write goes on in rotation (SQLite and PostgreSQL).

The corpus: three council reports stored at head, taken down to the revision before slots, its
bucket rows replaced by a crowded bucket of 25 entries and a small one, then upgraded again.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import column, insert, select, table
from test_cluster_buckets import LINES, _article

from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.about_tables import lsh_slots
from quotegraph.store.clusters import BUCKET_CAP, _buckets_many
from quotegraph.store.db import MIGRATIONS
from quotegraph.store.ingest import ingest_results

OLD = table("lsh_buckets", column("id"), column("quote_id"), column("band"), column("bucket"))
CROWDED, SMALL = 777, 888


def _migrate(store: Store, to: str, step) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        step(config, to)


def test_old_buckets_become_slots_of_their_newest_quotes(db_url):
    store = Store(db_url)
    ingest_results(store, [_article(n, line) for n, line in enumerate(LINES)])
    _migrate(store, "corpus2_1", command.downgrade)
    with store.engine.begin() as conn:
        ids = list(conn.execute(select(t.quotes.c.id).order_by(t.quotes.c.id)).scalars())
        conn.execute(OLD.delete())
        conn.execute(insert(OLD), [{"quote_id": q, "band": 0, "bucket": CROWDED} for q in ids]
                     + [{"quote_id": ids[3], "band": 1, "bucket": SMALL}])
    _migrate(store, "head", command.upgrade)
    with store.engine.connect() as conn:
        crowded, small = (_buckets_many(conn, [CROWDED, SMALL])[key] for key in (CROWDED, SMALL))
        slots = dict(conn.execute(select(lsh_slots.c.seq, lsh_slots.c.slot).where(lsh_slots.c.bucket == CROWDED)).all())
    store.close()
    assert len(ids) > BUCKET_CAP
    assert crowded.entries == ids[-BUCKET_CAP:]
    assert crowded.writes == len(ids)
    assert all(slot == seq % BUCKET_CAP for seq, slot in slots.items())
    assert small.entries == [ids[3]] and small.writes == 1
