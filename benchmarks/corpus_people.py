"""Corpus people: a full rebuild against the incremental update after a small daily ingest.

    .venv/bin/python benchmarks/corpus_people.py --sizes 1000 4000 16000 --new 10

For each size N, a fresh SQLite corpus of N synthetic articles (three quoted people each, names
drawn so that a surname is shared by about three article people, as with distinct people in a
real corpus; one in five mentions is a bare surname) is written without extraction. Then:
``full`` is ``people rebuild`` on it; ``incremental`` is the regrouping after ``--new`` more
articles are stored, which is what every ingest of new articles runs. Both are timed in
process; the same run checks that the incremental result equals a full rebuild.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from quotegraph.models import Article, ArticleResult, Gender, Person, Quote, Span
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.ingest import article_key, content_hash, write_result
from quotegraph.store.merge import rebuild_corpus_people
from quotegraph.store.rebuild import rebuild_corpus

FIRST = ["Ann", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jon", "Kai", "Lia", "Max", "Nia"]


def _name(rng: random.Random, surnames: int) -> str:
    return f"{rng.choice(FIRST)} Sur{rng.randrange(surnames)}"


def synthetic_article(i: int, rng: random.Random, surnames: int) -> ArticleResult:
    names = [_name(rng, surnames) for _ in range(3)]
    shown = [n.split()[-1] if rng.random() < 0.2 else n for n in names]  # bare surnames too
    text = " ".join(f'{n} said "point {k} of story {i}" today.' for k, n in enumerate(shown))
    people, quotes = [], []
    for k, n in enumerate(shown):
        start = text.index(f"{n} said \"point {k}")
        person = Person(f"p{k + 1}", n, mentions=[Span.of(text, start, start + len(n))],
                        gender=Gender(rng.choice(["female", "male", "unknown"]), ["pronoun:x"]), quote_count=1)
        content = f"point {k} of story {i}"
        q = text.index(content)
        people.append(person)
        quotes.append(Quote(start=q, end=q + len(content), text=content, type="direct",
                            speaker=person.mentions[0], speaker_id=person.id, speaker_name=n, id=f"q{k + 1}"))
    return ArticleResult(id=f"a{i}", source=f"<a{i}>", text=text, people=people, quotes=quotes,
                         outlet=f"Outlet {i % 7}", published=f"2026-{1 + i % 12:02d}-01")


def _store(store: Store, articles: list[ArticleResult]) -> None:
    for result in articles:
        probe = Article(id=result.id, source=result.source, text=result.text)
        write_result(store, article_key(probe), content_hash(probe), result.as_dict())


def _partition(store: Store) -> set:
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.people.c.id, t.people.c.corpus_person_id)).all()
    groups: dict = {}
    for pid, cid in rows:
        groups.setdefault(cid, set()).add(pid)
    return {frozenset(g) for g in groups.values()}


def run(size: int, new: int, folder: Path) -> dict:
    rng = random.Random(size)
    surnames = max(1, size)  # three people per article: about three article people per surname
    store = Store(f"sqlite:///{folder / f'people-{size}.db'}")
    _store(store, [synthetic_article(i, rng, surnames) for i in range(size)])
    started = time.perf_counter()
    with store.engine.begin() as conn:
        rebuild_corpus_people(conn)
    full = time.perf_counter() - started
    _store(store, [synthetic_article(size + i, rng, surnames) for i in range(new)])
    started = time.perf_counter()
    with store.engine.begin() as conn:
        rebuild_corpus(conn, incremental=True)
    incremental = time.perf_counter() - started
    after_incremental = _partition(store)
    with store.engine.begin() as conn:
        rebuild_corpus_people(conn)
    agree = _partition(store) == after_incremental
    return {"articles": size, "full_s": round(full, 3), "incremental_s": round(incremental, 3), "agree": agree}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    parser.add_argument("--new", type=int, default=10, help="articles in the small ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"articles  full rebuild s  incremental s (+{args.new} articles)  same groups")
        for size in args.sizes:
            r = run(size, args.new, Path(tmp))
            print(f"{r['articles']:>8}  {r['full_s']:>14}  {r['incremental_s']:>29}  {r['agree']}")


if __name__ == "__main__":
    main()
