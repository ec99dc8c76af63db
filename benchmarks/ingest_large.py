"""A large ingest: N synthetic articles built from real texts, timed in 10 equal slices.

    .venv/bin/python benchmarks/ingest_large.py /work/shared/polnear/train/text --articles 2000 --workers 2

Each synthetic article is a real article's text with a quoted paragraph added up front, spoken by
one of 40,000 synthetic people (200 first names x 200 surnames, so people recur across articles as
they do in news), under one of 60 outlets, on one of 730 days, at its own URL: identity, people
and corpus-people work is real, and every article has new content. The articles are written to a
JSON Lines file first and read back lazily by the ingest, so memory is measured on the streaming
path. Reported: articles/s in 10 equal slices, the resident memory of the ingest process and of
each worker (peak, sampled every 0.5 s, and at each slice: flat memory means streaming works),
the database size, and the latency of ``quotes --search``, ``person`` and ``stats sources`` on the
finished database. The issue's full run is the same command with ``--articles 100000``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

from quotegraph.settings import Options
from quotegraph.store import Store
from quotegraph.store.ingest import ingest
from quotegraph.store.query import find_person, list_people, person_detail, search_quotes, source_stats

FIRST = ["Amara", "Bruno", "Chen", "Dalia", "Elias", "Farah", "Goran", "Hana", "Ivo", "Jana"]
LAST = ["Abbott", "Baptiste", "Castillo", "Dunmore", "Eklund", "Fairweather", "Galloway", "Haddad",
        "Ibsen", "Jankowski"]
ROLES = ["a city councillor", "a union spokesman", "a hospital director", "a school principal",
         "an economist at the state university", "a local business owner", "a police spokeswoman"]
LINES = ["We cannot keep asking families to wait for answers that never come",
         "The numbers tell a very different story from the one we heard this morning",
         "Nobody in this town was consulted before the decision was made",
         "This is the most important vote the board will take this year"]


def _names() -> tuple[list[str], list[str]]:
    """200 first names and 200 surnames: each base name with 20 distinct two-letter endings."""
    endings = ["", "a", "o", "en", "el", "ar", "is", "us", "an", "er", "ia", "ov", "ez", "in", "on", "ey",
               "ard", "ett", "ow", "ine"]
    return [f + e for f in FIRST for e in endings], [s + e for s in LAST for e in endings]


def build_corpus(texts: list[Path], count: int, path: Path) -> None:
    firsts, lasts = _names()
    start = date(2015, 1, 1)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            body = texts[i % len(texts)].read_text(encoding="utf-8")
            person = f"{firsts[(i * 7) % len(firsts)]} {lasts[(i * 13 // 7) % len(lasts)]}"
            lead = f"\u201c{LINES[i % len(LINES)]},\u201d said {person}, {ROLES[i % len(ROLES)]}, on edition {i}.\n\n"
            record = {"id": f"a{i}", "url": f"https://news{i % 60}.example/story/{i}", "outlet": f"Outlet {i % 60}",
                      "published": (start + timedelta(days=i % 730)).isoformat(), "text": lead + body}
            out.write(json.dumps(record) + "\n")


class MemoryWatch:
    """Peak resident memory of this process and of each child process, sampled in a thread."""

    def __init__(self, every: float = 0.5):
        self.every, self.main = every, 0
        self.workers: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self.stop.is_set():
            self.main = max(self.main, me.memory_info().rss)
            for child in me.children(recursive=True):
                try:
                    self.workers[child.pid] = max(self.workers.get(child.pid, 0), child.memory_info().rss)
                except psutil.Error:
                    pass
            self.stop.wait(self.every)

    def now(self) -> tuple[int, int]:
        """(this process, largest child) resident bytes right now."""
        me = psutil.Process()
        children = [c.memory_info().rss for c in me.children(recursive=True) if c.is_running()]
        return me.memory_info().rss, max(children, default=0)


def _timed(action, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def query_latency(db: str) -> dict[str, float]:
    """Best of 3 seconds for what ``quotes --search``, ``person`` and ``stats sources`` run, on a fresh connection."""
    store = Store(db)
    name = list_people(store, top=1)[0]["name"]  # the most quoted person: the longest ``person`` page
    cases = {"quotes --search": lambda: search_quotes(store, search="families", limit=50),
             f"person {name!r}": lambda: person_detail(store, find_person(store, name)[0]["id"]),
             "stats sources --by outlet,month": lambda: source_stats(store, ["outlet", "month"])}
    latency = {label: round(_timed(action), 3) for label, action in cases.items()}
    store.close()
    return latency


def run(args: argparse.Namespace, folder: Path) -> dict:
    corpus, db = folder / "corpus.jsonl", folder / "corpus.db"
    build_corpus(sorted(Path(args.texts).glob("*.txt")), args.articles, corpus)
    store = Store(str(db))
    watch, stamps, memory = MemoryWatch(), [], []
    slice_size = max(args.articles // 10, 1)

    def report(_status: str) -> None:
        stamps.append(time.perf_counter())
        if len(stamps) % slice_size == 0:
            memory.append(watch.now())

    watch.thread.start()
    started = time.perf_counter()
    summary = ingest(store, [str(corpus)], Options(), workers=args.workers, report=report)
    elapsed = time.perf_counter() - started
    watch.stop.set()
    store.close()
    # 10 equal slices of articles, from the first article stored to the last
    bounds = [stamps[0]] + [stamps[min(len(stamps), (k + 1) * slice_size) - 1] for k in range(10)]
    slices = [round(slice_size / max(b - a, 1e-9), 2) for a, b in zip(bounds, bounds[1:], strict=False)]
    mib = 1024 * 1024
    return {
        "articles": args.articles, "workers": args.workers, "new": summary.new, "failed": summary.failed,
        "quotes": summary.quotes, "corpus_people": summary.corpus_people, "seconds": round(elapsed, 1),
        "articles_per_s": round(summary.new / elapsed, 2), "slices_articles_per_s": slices,
        "last_slice_time_over_first": round(slices[0] / slices[-1], 2),
        "peak_rss_main_mib": round(watch.main / mib),
        "peak_rss_per_worker_mib": sorted(round(v / mib) for v in watch.workers.values()),
        "rss_at_slices_mib": [(round(a / mib), round(b / mib)) for a, b in memory],
        "db_mib": round(sum(p.stat().st_size for p in folder.glob("corpus.db*")) / mib, 1),
        "latency_s": query_latency(str(db)), "load_average": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", help="folder of real article texts (.txt)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="keep the corpus and database in this folder")
    args = parser.parse_args()
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        print(json.dumps(run(args, Path(args.keep))))
        return
    with tempfile.TemporaryDirectory(prefix="quotegraph-large-") as folder:
        print(json.dumps(run(args, Path(folder))))


if __name__ == "__main__":
    main()
