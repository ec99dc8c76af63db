"""Ingest throughput (articles/s) with 1 and more worker processes, each into a fresh SQLite file.

    .venv/bin/python benchmarks/ingest.py /work/shared/polnear/train/text --limit 200 --workers 1 2 --rounds 2
    .venv/bin/python benchmarks/ingest.py /work/shared/polnear/train/text --limit 60 --workers 1 2 --dask

``--dask`` adds a run with ``--engine dask`` on a local cluster of 2 worker processes (its start
and the spaCy load in each worker are counted, like the pool's).

Each run is a fresh process with a fresh SQLite file, so model loading is counted every time.

The machine should be otherwise idle: "cpu s" well under workers x seconds, or a load average
above the number of CPUs, means other processes took the CPU and the figures understate.

Two rates per run: ``overall`` counts the whole ingest (reading, starting the workers and
loading spaCy in each, extracting, writing, rebuilding corpus people); ``steady`` counts the
articles written between the first and the last write, which is what a long ingest sees.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotegraph.readers import ARTICLE_SUFFIXES
from quotegraph.settings import Options
from quotegraph.store import Store
from quotegraph.store.ingest import ingest


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the worker pool once joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_once(files: list[str], workers: int, folder: str, dask: bool = False) -> dict:
    db = Path(folder) / f"bench-{workers}.db"
    engine = None
    if dask:
        from quotegraph.engines.dask import DaskEngine

        engine = DaskEngine(Options(), workers=workers)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = Store(str(db))
    stamps: list[float] = []
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    summary = ingest(store, files, Options(), workers=workers, engine=engine,
                     report=lambda _s: stamps.append(time.perf_counter()))
    elapsed = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    counts = store.counts()
    store.close()
    extracted = summary.new + summary.updated
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else None
    return {
        "engine": "dask" if dask else "local", "workers": workers, "articles": extracted,
        "failed": summary.failed, "seconds": round(elapsed, 2),
        "overall_articles_per_s": round(extracted / elapsed, 2),
        "steady_articles_per_s": round(steady, 2) if steady else None,
        "cpu_seconds": round(cpu, 1), "load_average": round(os.getloadavg()[0], 2),
        "quotes": counts["quotes"], "people": counts["people"], "corpus_people": counts["corpus_people"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="directory of articles (.txt, .html, .jsonl)")
    parser.add_argument("--limit", type=int, default=200, help="first N files in sorted order (0: all)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1, help="repeat the whole comparison, interleaved")
    parser.add_argument("--dask", action="store_true", help="add a run with the Dask engine, 2 local workers")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a text report")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: a single run, as JSON
    parser.add_argument("--one-dask", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    files = sorted(str(p) for p in Path(args.corpus).rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    if args.limit:
        files = files[: args.limit]
    if args.one:
        with tempfile.TemporaryDirectory(prefix="quotegraph-bench-") as folder:
            print(json.dumps(run_once(files, args.one, folder, args.one_dask)))
        return

    # every run in a fresh process: nothing (spaCy, caches) carries over from one run to the next
    rounds = []
    for _ in range(args.rounds):
        runs = []
        for workers, dask in [(w, False) for w in args.workers] + ([(2, True)] if args.dask else []):
            out = subprocess.run([sys.executable, __file__, args.corpus, "--limit", str(args.limit),
                                  "--one", str(workers)] + (["--one-dask"] if dask else []),
                                 capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        base = runs[0]
        for run in runs:
            run["overall_speedup"] = round(run["overall_articles_per_s"] / base["overall_articles_per_s"], 2)
            if run["steady_articles_per_s"] and base["steady_articles_per_s"]:
                run["steady_speedup"] = round(run["steady_articles_per_s"] / base["steady_articles_per_s"], 2)
        rounds.append(runs)
    report = {"corpus": args.corpus, "files": len(files), "cpus": os.cpu_count(),
              "python": platform.python_version(), "rounds": rounds}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{len(files)} files from {args.corpus}; {os.cpu_count()} CPUs; SQLite, fresh database and process per run")
    print(f"{'round':>5} {'engine':>6} {'workers':>7} {'seconds':>8} {'overall/s':>10} {'steady/s':>9} {'speedup':>8} "
          f"{'steady x':>9} {'cpu s':>7} {'load':>6} {'quotes':>7}")
    for number, runs in enumerate(rounds, 1):
        for r in runs:
            print(f"{number:>5} {r['engine']:>6} {r['workers']:>7} {r['seconds']:>8} {r['overall_articles_per_s']:>10} "
                  f"{r['steady_articles_per_s'] or '-':>9} {r['overall_speedup']:>8} {r.get('steady_speedup', '-'):>9} "
                  f"{r['cpu_seconds']:>7} {r['load_average']:>6} {r['quotes']:>7}")


if __name__ == "__main__":
    main()
