"""Where the clustering time goes as the corpus grows: CPU milliseconds per 1,000 quotes of each
step of ``store.clusters.cluster_quotes``, and the bucket rows read per quote, every N quotes.

Same data and storing as benchmarks/clusters.py (whose functions it uses); each step is timed by
wrapping the module's function, so the figures add the wrapper's small cost.

usage: python benchmarks/cluster_parts.py TEXT_DIR [--quotes N] [--every N] [--db URL]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clusters import LIVE, PER_ARTICLE, VERSIONS, _live_base, _store_article, bases, real_quotes, variant
from sqlalchemy import Connection, func, select

from quotegraph import provenance as pv
from quotegraph.store import Store
from quotegraph.store import clusters as C
from quotegraph.store.about_tables import quote_clusters

STEPS = ("_exact_many", "_buckets_many", "_best", "_insert_clusters", "_write_slots", "refresh")


def _timed(spent: dict[str, float], label: str, function: Callable) -> Callable:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        result = function(*args, **kwargs)
        spent[label] += time.process_time() - started
        if label == "_buckets_many":  # slot rows read (quote ids only)
            spent["rows"] += sum(len(bucket.entries) for bucket in result.values())
        return result
    return wrapper


def run(folder: Path, total: int, every: int, url: str) -> None:
    spent: dict[str, float] = defaultdict(float)
    for name in STEPS:
        setattr(C, name, _timed(spent, name, getattr(C, name)))
    pv.band_keys = _timed(spent, "band_keys", pv.band_keys)
    rng = random.Random(14)
    pool = bases(real_quotes(folder), total // VERSIONS + LIVE + 1, rng)
    with Store(url).engine.connect() as conn:
        for n in range(0, total, PER_ARTICLE):
            texts = [variant(pool[_live_base(n + i, rng)], rng) for i in range(PER_ARTICLE)]
            stored = _store_article(conn, n, total, texts, rng)
            started = time.process_time()
            touched = C.cluster_quotes(conn, stored)
            spent["cluster_quotes"] += time.process_time() - started
            C.refresh(conn, touched)
            started = time.process_time()
            conn.commit()
            spent["commit"] += time.process_time() - started
            if (n + PER_ARTICLE) % every == 0:
                per = every / 1000
                rows = spent.pop("rows", 0.0)
                steps = " ".join(f"{k}={v / per * 1000:.0f}ms" for k, v in sorted(spent.items()))
                print(n + PER_ARTICLE, f"rows/quote={rows / every:.1f}", steps, _clusters(conn), flush=True)
                spent.clear()


def _clusters(conn: Connection) -> str:
    """The clusters so far and those of two or more (read after the block's time is taken):
    the same data gives the same counts, so two versions of the code can be compared for recall."""
    count = select(func.count()).select_from(quote_clusters)
    return (f"clusters={conn.execute(count).scalar_one()} "
            f"of2+={conn.execute(count.where(quote_clusters.c.member_count > 1)).scalar_one()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--quotes", type=int, default=60_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument("--db", default="sqlite:////tmp/quotegraph-cluster-parts.db")
    args = parser.parse_args()
    run(args.folder, args.quotes, args.every, args.db)


if __name__ == "__main__":
    main()
