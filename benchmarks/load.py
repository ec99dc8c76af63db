"""Load on the REST API: bounded concurrency over loopback against ``quotegraph serve``.

    .venv/bin/python benchmarks/load.py --source /tmp/web-dev.db --db /tmp/web-load.db --articles 1000 \\
        --clients 20 --seconds 30

``--source`` (optional) builds ``--db`` first: the source corpus's articles copied, with distinct
keys, until there are ``--articles`` of them; copies get an outlet and a month from small fixed
lists so the statistics have groups to count. Then one ``quotegraph serve`` process (one uvicorn
worker) is started on a free port and ``--clients`` clients send requests back to back for
``--seconds`` seconds, each picking the next of the common requests below. Reported per endpoint
and overall: requests, requests/s, p50/p95/p99 latency in ms and errors (non-2xx or failed).
``--warm`` first sends every distinct request once, one at a time and untimed, so the run measures
a server whose response cache holds them (the steady state of a server whose database does not
change); without it the run starts cold and its first pass computes every response.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import aiohttp
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from web_support import Server  # noqa: E402

from quotegraph.store import Store  # noqa: E402
from quotegraph.store.ingest import write_result  # noqa: E402
from quotegraph.store.merge import rebuild_corpus_people  # noqa: E402
from quotegraph.web.queries import article_record  # noqa: E402

OUTLETS = ["Valley News", "City Herald", "The Morning Post", "Coast Gazette", "Northern Courier"]
MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
SEARCHES = ["said", "government", "police", "people", "minister", "school", "health", "money"]


def build(source: str, target: str, articles: int) -> None:
    with Store(source) as src, Store(target) as dst:
        with src.engine.connect() as conn:
            ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM articles ORDER BY id")]
        records = [article_record(src, i)[0] for i in ids]  # type: ignore[index]
        for n in range(articles):
            record = dict(records[n % len(records)])
            record.update(id=f"{record['id']}-{n}", outlet=record["outlet"] or OUTLETS[n % len(OUTLETS)],
                          published=record["published"] or f"{MONTHS[n % len(MONTHS)]}-{1 + n % 28:02d}")
            write_result(dst, f"load:{n}", f"load:{n}", record)
        with dst.engine.begin() as conn:
            rebuild_corpus_people(conn)


def requests_for(base: str) -> list[tuple[str, str]]:
    """(endpoint name, URL) pairs, cycled through by the clients."""
    articles = httpx.get(f"{base}/api/v1/articles", params={"per_page": 200}).json()["items"]
    people = httpx.get(f"{base}/api/v1/people", params={"per_page": 50}).json()["items"]
    rng = random.Random(1)
    urls = []
    for n in range(200):
        urls += [
            ("articles", f"/api/v1/articles?page={1 + n % 5}"),
            ("articles/{id}", f"/api/v1/articles/{rng.choice(articles)['id']}"),
            ("quotes?search=", f"/api/v1/quotes?search={SEARCHES[n % len(SEARCHES)]}&page={1 + n % 3}"),
            ("quotes?speaker=", f"/api/v1/quotes?speaker={rng.choice(people)['name'].split()[-1]}"),
            ("people?search=", f"/api/v1/people?search={rng.choice(people)['name'][:4]}"),
            ("people/{id}", f"/api/v1/people/{rng.choice(people)['id']}"),
            ("stats/sources", "/api/v1/stats/sources?by=outlet"),
            ("stats/top", "/api/v1/stats/top"),
        ]
    return urls


async def drive(base: str, urls: list[tuple[str, str]], clients: int, seconds: float) -> dict:
    """``clients`` loops over one aiohttp session (keep-alive, at most one connection each):
    aiohttp costs the load generator a fraction of httpx's CPU, which the server shares here."""
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    stop = time.monotonic() + seconds
    counter = iter(range(10**12))

    async def client(http: aiohttp.ClientSession) -> None:
        while time.monotonic() < stop:
            name, url = urls[next(counter) % len(urls)]
            start = time.perf_counter()
            try:
                async with http.get(base + url) as response:
                    await response.read()
                    ok = response.status < 300
            except (aiohttp.ClientError, TimeoutError):
                ok = False
            timings[name].append((time.perf_counter() - start) * 1000)
            errors[name] += not ok

    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as http:
        started = time.monotonic()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.monotonic() - started
    return summarise(timings, errors, elapsed)


def _row(times: list[float], errors: int, elapsed: float) -> dict:
    cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    return {"requests": len(times), "rps": round(len(times) / elapsed, 1), "p50_ms": round(cuts[49], 1),
            "p95_ms": round(cuts[94], 1), "p99_ms": round(cuts[98], 1), "errors": errors}


def summarise(timings: dict[str, list[float]], errors: dict[str, int], elapsed: float) -> dict:
    out = {name: _row(times, errors[name], elapsed) for name, times in sorted(timings.items())}
    out["all"] = _row([t for times in timings.values() for t in times], sum(errors.values()), elapsed)
    return out


def server_cpu_seconds(pid: int) -> float:
    """CPU time of the server process and its worker processes (Linux /proc), so the cost per
    request can be read apart from how busy the machine was."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for proc in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def _children(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [g for c in found for g in _children(c)]


def warm(base: str, urls: list[tuple[str, str]], workers: int) -> None:
    """Each distinct request once per worker process (one connection each time, so the kernel
    spreads them over the workers, each with its own cache; a few misses may remain)."""
    for _ in range(workers):
        for url in dict.fromkeys(u for _, u in urls):
            httpx.get(base + url, timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="SQLite file (or URL) to serve")
    parser.add_argument("--source", help="build --db first from this corpus")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="quotegraph serve --workers")
    parser.add_argument("--warm", action="store_true", help="send each distinct request once before the run")
    parser.add_argument("--cache-size", type=int, default=2048, help="quotegraph serve --cache-size (0: no cache)")
    args = parser.parse_args()
    if args.source:
        build(args.source, args.db, args.articles)
    server = Server(args.db, "--workers", str(args.workers), "--no-access-log", "--cache-size", str(args.cache_size))
    try:
        urls = requests_for(server.base)
        if args.warm:
            warm(server.base, urls, args.workers)
        cpu_before = server_cpu_seconds(server.process.pid)
        results = asyncio.run(drive(server.base, urls, args.clients, args.seconds))
        cpu = server_cpu_seconds(server.process.pid) - cpu_before
        results["all"]["server_cpu_ms_per_request"] = round(1000 * cpu / max(results["all"]["requests"], 1), 1)
    finally:
        server.stop()
    print(json.dumps({"clients": args.clients, "seconds": args.seconds, "workers": args.workers, "warm": args.warm,
                      "cache_size": args.cache_size,
                      "load_average": os.getloadavg(), "cpus": os.cpu_count(), "results": results}, indent=1))
    print(f"{'endpoint':<18}{'requests':>9}{'req/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}{'errors':>8}")
    for name, r in results.items():
        print(f"{name:<18}{r['requests']:>9}{r['rps']:>8}{r['p50_ms']:>8}{r['p95_ms']:>8}{r['p99_ms']:>8}{r['errors']:>8}")


if __name__ == "__main__":
    main()
