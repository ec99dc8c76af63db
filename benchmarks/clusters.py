"""Quote clustering at scale: time per 100,000 quotes and memory, as the corpus grows.

Base quotations come from the real articles of a folder (quoted passages of five words or
more, e.g. PolNeAR's texts); more, distinct bases are made from their words and word pairs
(``bases``), so each base gets a bounded number of variants and new bases keep coming.
Each synthetic quote is a base with edits (a word changed, dropped or added, a shortened
excerpt, case and punctuation changed), so clusters grow the way repeated
quotations do; each quote's base is one of the ``LIVE`` quotations introduced last, so clusters
reach the same size (about ``VERSIONS``) however large the corpus. Every quote is stored (an
article row per ``--per-article`` quotes, its quote rows in one insert) and clustered and
committed an article at a time
with the code ingest uses (``store.clusters.cluster_quotes``); the figures are per block
(100,000 quotes by default), each as wall-clock and CPU seconds per 100,000 quotes (the database's own work
is in this process too: SQLite runs in-process).

usage: python benchmarks/clusters.py TEXT_DIR [--quotes N] [--block N] [--per-article N] [--db URL] [--json OUT]
full run of the issue: python benchmarks/clusters.py ../shared/polnear/train/text --quotes 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import time
from pathlib import Path

from sqlalchemy import Connection, func, insert, select

from quotegraph.provenance import band_keys, normalise
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.about_tables import quote_clusters
from quotegraph.store.clusters import cluster_quotes, refresh

_QUOTED = re.compile(r"[“\"]([^”\"\n]{25,400})[”\"]")
PER_ARTICLE = 1_000
VERSIONS = 4  # versions of each quotation on average
LIVE = 1_000  # quotations being repeated at any time: a new one starts every VERSIONS quotes
REFERENCE = 2_000  # texts whose band keys are the fixed reference work
FOLLOW = 0.5  # chance that a new quotation's next word follows its last as in a real quote


def real_quotes(folder: Path) -> list[str]:
    found = {m.group(1).strip() for path in sorted(folder.glob("*.txt"))
             for m in _QUOTED.finditer(path.read_text(encoding="utf-8", errors="replace"))}
    return sorted(q for q in found if len(q.split()) >= 5)


def bases(quotes: list[str], count: int, rng: random.Random) -> list[str]:
    """The real quotes and new, distinct quotations as long as real ones, shuffled together so
    that every stretch of the run has the same mix. Each word of a new quotation follows the one
    before it somewhere in the real quotes with probability ``FOLLOW``, else it is drawn by its
    frequency in them: the words and common pairs of real quotes, but no long copied stretch.
    Earlier versions made bases that grew more relatives as the corpus grew, and the benchmark
    measured its data, not the clustering: joins of halves of real quotes (every half reused by
    more joins), then a walk over word pairs alone (a word with one follower copies the rest of
    its quote, so walks repeated long stretches of the 5,080 real quotes ever more often)."""
    follows: dict[str, list[str]] = {}
    for quote in quotes:
        words = quote.split()
        for first, second in zip(words, words[1:], strict=False):
            follows.setdefault(first, []).append(second)
    vocabulary = [word for quote in quotes for word in quote.split()]
    out = list(quotes)
    while len(out) < count:
        words = [rng.choice(vocabulary)]
        for _ in range(len(rng.choice(quotes).split()) - 1):
            after = follows.get(words[-1])
            words.append(rng.choice(after) if after and rng.random() < FOLLOW else rng.choice(vocabulary))
        out.append(" ".join(words))
    rng.shuffle(out)
    return out


def variant(base: str, rng: random.Random) -> str:
    words = base.split()
    edit = rng.randrange(6)
    i = rng.randrange(len(words))
    if edit == 0:
        words[i] = rng.choice(words)
    elif edit == 1 and len(words) > 6:
        del words[i]
    elif edit == 2:
        words.insert(i, rng.choice(("really", "very", "all", "now", "just")))
    elif edit == 3 and len(words) > 10:
        start = rng.randrange(len(words) // 3)
        words = words[start : start + max(6, len(words) * 2 // 3)]
    elif edit == 4:
        return base.upper().rstrip(".") + "!"
    return " ".join(words)


def _store_article(conn: Connection, n: int, total: int, texts: list[str], rng: random.Random) -> list[tuple[int, str]]:
    """One article row and its quote rows (one batched insert); the stored (id, text) pairs."""
    article_id = conn.execute(insert(t.articles).returning(t.articles.c.id), {
        "key": f"bench-{n}", "content_hash": "-", "source": "bench", "text": "", "warnings": "[]",
        "quote_count": len(texts), "person_count": 0, "ingested_at": "-",
        "published": f"2026-{1 + n * 12 // total:02d}-01"}).scalar_one()
    rows = [{"article_id": article_id, "local_id": f"q{n + i}", "type": "direct", "start_char": 0,
             "end_char": len(text), "text": text, "parts": "[]", "speaker_name": rng.choice(("Hart", "Reilly")),
             "confidence": 0.9} for i, text in enumerate(texts)]
    ids = conn.execute(insert(t.quotes).returning(t.quotes.c.id, sort_by_parameter_order=True), rows).scalars()
    return list(zip(ids, texts, strict=True))


def reference_seconds(texts: list[str]) -> float:
    """CPU seconds of a fixed piece of work (the band keys of the same texts each time): on a
    shared machine, other work inflates CPU time too, and this says by how much at each block."""
    started = time.process_time()
    for text in texts:
        band_keys(normalise(text))
    return time.process_time() - started


def corpus_figures(conn: Connection) -> dict:
    """The database's size and the clusters so far (read after the block's time is taken)."""
    if conn.dialect.name == "sqlite":
        size = conn.exec_driver_sql("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
    else:
        size = conn.exec_driver_sql("SELECT pg_database_size(current_database())")
    count = select(func.count()).select_from(quote_clusters)
    return {"database_mib": size.scalar_one() // 2**20, "clusters": conn.execute(count).scalar_one(),
            "clusters_of_two_or_more": conn.execute(count.where(quote_clusters.c.member_count > 1)).scalar_one(),
            "largest_cluster": conn.execute(select(func.max(quote_clusters.c.member_count))).scalar_one()}


def _figures(upto: int, size: int, wall: float, cpu: float, reference: float) -> dict:
    return {"upto": upto, "quotes": size, "seconds": round(wall, 1),
            "seconds_per_100k": round(wall * 100_000 / size, 1),
            # CPU time of this process: what the shared machine's load inflates least
            "cpu_seconds_per_100k": round(cpu * 100_000 / size, 1),
            # the same in units of the fixed reference work timed at the end of the block
            "cpu_per_100k_in_reference_units": round(cpu * 100_000 / size / reference, 1),
            "reference_seconds": round(reference, 3),
            "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            # other work on the machine inflates CPU time too (shared caches and cores): say how much
            "load_average": round(os.getloadavg()[0], 1)}


def _live_base(n: int, rng: random.Random) -> int:
    """The base of quote ``n``: one of the ``LIVE`` quotations introduced last. Quotations are
    repeated for a while after they first appear, then fade, so clusters reach the same size
    whatever the corpus size (drawing from all bases would make every cluster grow through the run)."""
    newest = n // VERSIONS + LIVE  # the first quotes draw from a full window too, not from a few
    return rng.randrange(newest - LIVE, newest + 1)


def run(folder: Path, total: int, url: str, block: int = 100_000, per_article: int = PER_ARTICLE) -> list[dict]:
    """Store and cluster ``total`` quotes an article (``per_article`` quotes) at a time, as ingest
    does: quote rows, then ``cluster_quotes`` and ``refresh`` on the article's quotes."""
    rng = random.Random(14)
    pool = bases(real_quotes(folder), total // VERSIONS + LIVE + 1, rng)
    store = Store(url)
    blocks, started, cpu_started, done = [], time.perf_counter(), time.process_time(), 0
    with store.engine.connect() as conn:
        for n in range(0, total, per_article):
            texts = [variant(pool[_live_base(n + i, rng)], rng) for i in range(min(per_article, total - n))]
            refresh(conn, cluster_quotes(conn, _store_article(conn, n, total, texts, rng)))
            conn.commit()
            if (n + len(texts)) % block == 0 or n + len(texts) == total:
                now, cpu = time.perf_counter(), time.process_time()
                reference = reference_seconds(pool[:REFERENCE])
                blocks.append(_figures(n + len(texts), n + len(texts) - done, now - started, cpu - cpu_started,
                                       reference) | corpus_figures(conn))
                print(json.dumps(blocks[-1]), flush=True)
                started, cpu_started, done = time.perf_counter(), time.process_time(), n + len(texts)
    store.close()
    return blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="Folder of real article .txt files to take quotes from.")
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--block", type=int, default=100_000, help="Report the figures every N quotes.")
    parser.add_argument("--per-article", type=int, default=PER_ARTICLE,
                        help="Quotes stored, clustered and committed together (a news article has 5 to 30).")
    parser.add_argument("--db", default="sqlite:////tmp/quotegraph-clusters-bench.db",
                        help="Database URL (a fresh file is best; PostgreSQL works too).")
    parser.add_argument("--json", type=Path, help="Also write the per-block figures here.")
    args = parser.parse_args()
    if args.block % args.per_article:
        parser.error("--block must be a multiple of --per-article")
    blocks = run(args.folder, args.quotes, args.db, args.block, args.per_article)
    if args.json:
        args.json.write_text(json.dumps(blocks, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
