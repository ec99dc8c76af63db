"""The ``source_people`` summary that ``stats sources`` reads stays equal to what the quotes say,
through incremental ingests and every kind of correction."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from sqlalchemy import func, select
from test_store_incremental import ORDER, _article

from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.corrections import Note, delete_person, merge_people, reassign_quote, set_gender
from quotegraph.store.ingest import ingest_results
from quotegraph.store.query import find_person, source_stats
from quotegraph.store.summary import refresh_source_people

OUTLETS = {"s": "Vermont Digger", "t": None, "c": "The Hill", "w": "Boston Globe"}


def _placed(ext_id: str):
    """The article under an outlet chosen by its family (one without), in one of two months."""
    art = _article(ext_id)
    return dataclasses.replace(art, outlet=OUTLETS[ext_id[0]],
                               published=f"2026-0{5 + int(ext_id[1]) % 2}-1{ext_id[1]}")


def _rows(store: Store) -> set[tuple]:
    sp = t.source_people
    with store.engine.connect() as conn:
        return set(conn.execute(select(sp.c.corpus_person_id, sp.c.outlet, sp.c.month, sp.c.gender,
                                       sp.c.evidence, sp.c.quote_count)).all())


def _scanned(store: Store) -> dict[str, tuple[int, int, int]]:
    """Outlet -> (people, women, men) counted from every quote, the way the summary must agree with."""
    seen: dict[str, set] = defaultdict(set)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(func.coalesce(t.articles.c.outlet, "(no outlet)"), t.corpus_people.c.id, t.corpus_people.c.gender)
            .select_from(t.quotes).join(t.articles, t.articles.c.id == t.quotes.c.article_id)
            .join(t.people, t.people.c.id == t.quotes.c.person_id)
            .join(t.corpus_people, t.corpus_people.c.id == t.people.c.corpus_person_id)).all()
    for outlet, cid, gender in rows:
        seen[outlet].add((cid, gender))
    return {o: (len(p), sum(g == "female" for _c, g in p), sum(g == "male" for _c, g in p)) for o, p in seen.items()}


def _quote_id(store: Store, content: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(t.quotes.c.id).where(t.quotes.c.text == content)).scalar_one()


def test_summary_follows_ingests_and_corrections_and_equals_a_full_refresh(db_url):
    store = Store(db_url)
    ingest_results(store, [_placed(e) for e in ORDER[:4]])
    with store.engine.begin() as conn:
        merge_people(conn, find_person(store, "Bernie Sanders")[0]["id"], find_person(store, "Bernard Sanders")[0]["id"],
                     Note("same senator"))
    for ext_id in ORDER[4:]:
        ingest_results(store, [_placed(ext_id)])
    with store.engine.begin() as conn:
        set_gender(conn, find_person(store, "Donald Trump")[0]["id"], "male", Note("checked"))
        reassign_quote(conn, _quote_id(store, "no deal"), None, Note("not Warren"))
        delete_person(conn, find_person(store, "Ivanka Trump")[0]["id"], Note("test of a delete"))
    kept = _rows(store)
    assert kept  # the summary is filled
    with store.engine.begin() as conn:
        refresh_source_people(conn)
    assert _rows(store) == kept
    stats = {r["outlet"]: (r["people"], r["women"], r["men"]) for r in source_stats(store, ["outlet"])}
    assert stats.pop("(total)")[0] == sum(n for n, _w, _m in _scanned(store).values())  # nobody in two outlets
    assert stats == _scanned(store)
    # the corrections show: Warren's reassigned quote is gone from the Globe, the gender fix is manual
    assert stats["Boston Globe"] == (1, 1, 0)
    assert {r.evidence for r in kept if r.corpus_person_id == find_person(store, "Donald Trump")[0]["id"]} == {"manual"}
