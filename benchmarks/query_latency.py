"""Query latency on a large SQLite corpus built by direct inserts (no extraction).

    .venv/bin/python benchmarks/query_latency.py /tmp/latency.db --articles 100000

Builds, through the real schema and migrations, a corpus of N articles with 14 quotes each
(1.4 million quotes at 100,000 articles) spoken by 5 article people each, drawn from 40,000
corpus people (200 first x 200 surnames, a few famous names quoted far more often, as in news),
under 60 outlets and 730 days; the full-text index is filled by its triggers, and the per-outlet
and month counts of quoted people (``source_people``) by the same function a regroup uses. Then
times (best of 3, wall clock and CPU) the library calls behind ``quotes --search``, ``person`` and ``stats sources``.
An existing database file is reused (``--rebuild`` to start again).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from quotegraph.store import Store
from quotegraph.store.query import find_person, person_detail, search_quotes, source_stats
from quotegraph.store.summary import refresh_source_people

FIRST = [f"{a}{b}" for a in ("Al", "Be", "Ca", "Da", "El", "Fa", "Ga", "Ha", "Il", "Jo") for b in
         ("ma", "ne", "ro", "li", "sa", "ta", "vi", "na", "ko", "ra", "de", "mi", "lu", "so", "ka", "pe",
          "ri", "no", "la", "te")]
LAST = [f"{a}{b}" for a in ("Ab", "Bor", "Cast", "Dun", "Ek", "Fair", "Gall", "Hadd", "Ib", "Jank") for b in
        ("bott", "tiste", "illo", "more", "lund", "weather", "oway", "ad", "sen", "owski", "er", "ston", "ley",
         "ford", "wick", "man", "son", "berg", "field", "ton")]
# Quote words: 40 real words, then 3,000 made-up ones, drawn with Zipf weights (1/rank) as in text;
# ``housing`` (rank 23) is in about 6 % of quotes, the word of rank 301 in about 0.5 %.
WORDS = ("the to and of we a in is that for it on our this people not have will are be with they "
         "housing families council budget school hospital roads police prices rent jobs election vote tax "
         "plan workers union strike court").split()
WORDS += [f"{a}{b}{c}" for a in ("ka", "lo", "mi", "ne", "po", "ru", "sa", "te", "vu", "zo")
          for b in ("bra", "cle", "dri", "flo", "gru", "pla", "sti", "tro", "vle", "wha")
          for c in ("n", "x", "sk", "rd", "mp", "lt", "nd", "st", "ng", "ck", "ft", "pt", "ss", "th", "ll",
                    "rn", "ct", "wn", "sh", "rk", "lk", "nk", "rm", "lp", "nt", "dge", "tch", "ve", "ze", "ke")]
WEIGHTS = list(accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))
COMMON, RARE = "housing", WORDS[300]
QUOTES_PER_ARTICLE, PEOPLE_PER_ARTICLE, OUTLETS, DAYS = 14, 5, 60, 730


def _person(rng: random.Random) -> int:
    """A corpus person index: the first 20 are quoted about a hundred times more often."""
    return rng.randrange(20) if rng.random() < 0.1 else rng.randrange(len(FIRST) * len(LAST))


def _name(index: int) -> str:
    return f"{FIRST[index // len(LAST)]} {LAST[index % len(LAST)]}"


def _gender(index: int) -> tuple[str, str, str]:
    kind = ("female", "text", '["honorific:Ms"]'), ("male", "text", '["pronoun:he"]'), \
        ("female", "name", "[]"), ("unknown", "none", "[]")
    return kind[index % 4]


def _corpus_people(conn: sqlite3.Connection) -> None:
    rows = [(i + 1, _name(i).lower(), _name(i), *_gender(i)[:2]) for i in range(len(FIRST) * len(LAST))]
    conn.executemany("INSERT INTO corpus_people (id, key, name, aliases, roles, gender, gender_source, "
                     "article_count, quote_count) VALUES (?, ?, ?, '[]', '[]', ?, ?, 0, 0)", rows)


def _article_rows(n: int, rng: random.Random) -> Iterator[tuple[tuple, list[tuple], list[tuple]]]:
    start = date(2024, 1, 1)
    person_id = quote_id = 0
    for a in range(1, n + 1):
        published = (start + timedelta(days=rng.randrange(DAYS))).isoformat()
        article = (a, f"https://outlet{a % OUTLETS}.example/{a}", f"{a:064x}", "synthetic.jsonl",
                   f"https://outlet{a % OUTLETS}.example/{a}", f"Article {a}", f"Outlet {a % OUTLETS}",
                   published, "Synthetic text.", "[]", QUOTES_PER_ARTICLE, PEOPLE_PER_ARTICLE, "2026-11-30T00:00:00")
        chosen = list(dict.fromkeys(_person(rng) for _ in range(PEOPLE_PER_ARTICLE)))
        people = []
        for k, index in enumerate(chosen):
            person_id += 1
            gender, source, evidence = _gender(index)
            people.append((person_id, a, f"p{k + 1}", _name(index), gender, evidence, source, index + 1))
        quotes = []
        for k in range(QUOTES_PER_ARTICLE):
            quote_id += 1
            speaker = people[rng.randrange(len(people))]
            text = " ".join(rng.choices(WORDS, cum_weights=WEIGHTS, k=12))
            quotes.append((quote_id, a, f"q{k + 1}", "direct", 0, len(text), text, speaker[3], speaker[0]))
        yield article, people, quotes


def build(path: Path, n: int) -> float:
    """Create the corpus; returns the seconds it took."""
    started = time.perf_counter()
    Store(f"sqlite:///{path}").engine.dispose()  # the schema, by the migrations
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=MEMORY")  # one bulk transaction; WAL again at the end
    conn.execute("PRAGMA synchronous=OFF")
    _corpus_people(conn)
    for article, people, quotes in _article_rows(n, random.Random(7)):
        conn.execute("INSERT INTO articles (id, key, content_hash, source, url, title, outlet, published, text, "
                     "warnings, quote_count, person_count, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     article[:1] + article[1:4] + article[4:])
        conn.executemany("INSERT INTO people (id, article_id, local_id, name, aliases, titles, roles, gender, "
                         "gender_evidence, gender_source, quote_count, corpus_person_id) "
                         "VALUES (?,?,?,?,'[]','[]','[]',?,?,?,0,?)", people)
        conn.executemany("INSERT INTO quotes (id, article_id, local_id, type, start_char, end_char, text, parts, "
                         "speaker_name, person_id, confidence) VALUES (?,?,?,?,?,?,?,'[]',?,?,0.9)", quotes)
    conn.execute("UPDATE corpus_people SET quote_count = (SELECT count(*) FROM quotes JOIN people "
                 "ON people.id = quotes.person_id WHERE people.corpus_person_id = corpus_people.id)")
    conn.commit()
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    store = Store(f"sqlite:///{path}")
    with store.engine.begin() as c:
        refresh_source_people(c)
    store.engine.dispose()
    return time.perf_counter() - started


def best_of(call: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``runs`` calls: on a shared machine the wall clock
    includes waiting for a core, the CPU time does not."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def _matches(store: Store, word: str) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (word,)).scalar_one()


def measure(path: Path) -> dict[str, tuple[float, float]]:
    store = Store(f"sqlite:///{path}")
    top = find_person(store, _name(0))[0]
    return {
        f"quotes --search {COMMON} ({_matches(store, COMMON)} quotes)": best_of(
            lambda: search_quotes(store, search=COMMON)),
        f"quotes --search {RARE} ({_matches(store, RARE)} quotes)": best_of(lambda: search_quotes(store, search=RARE)),
        f"quotes --search {RARE} --speaker \"{_name(3)}\"": best_of(
            lambda: search_quotes(store, search=RARE, speaker=_name(3))),
        f"person \"{_name(0)}\" ({top['quote_count']} quotes)": best_of(
            lambda: person_detail(store, find_person(store, _name(0))[0]["id"], quote_limit=50)),
        "stats sources --by outlet": best_of(lambda: source_stats(store, ["outlet"])),
        "stats sources --by outlet,month": best_of(lambda: source_stats(store, ["outlet", "month"])),
        "stats sources --by month --evidence text": best_of(lambda: source_stats(store, ["month"], "text")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    built = None if args.db.exists() else build(args.db, args.articles)
    conn = sqlite3.connect(args.db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
              for t in ("articles", "quotes", "people", "corpus_people", "source_people")}
    conn.close()
    report = {"counts": counts, "build_s": built, "size_mib": round(args.db.stat().st_size / 2**20, 1),
              "load_average": os.getloadavg()[0],
              "latency_s (wall, cpu)": {k: [round(v, 3) for v in t] for k, t in measure(args.db).items()}}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
