"""Search, statistics and exports over a small corpus built by hand (no extraction involved)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from test_store_support import article, person, quote, roads_article, schools_article

from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.export import export
from quotegraph.store.ingest import ingest_results
from quotegraph.store.query import person_detail, search_quotes, source_stats, top_stats

FLOODS = ('\u201cThe river defences held this time,\u201d said Dr Helen Price, a hydrologist. '
          'Mr Owen Jones said "we were lucky" and that insurers were worried.')

def _corpus():
    price = person("p1", "Helen Price", FLOODS, aliases=["Dr Helen Price"], gender="female",
                   evidence=["honorific:Dr", "pronoun:she"], quotes=1)
    jones = person("p2", "Owen Jones", FLOODS, aliases=["Mr Owen Jones"], gender="male",
                   evidence=["honorific:Mr"], quotes=1)
    floods = article("floods", FLOODS, [price, jones],
                     [quote("q1", FLOODS, "The river defences held this time,", price),
                      quote("q2", FLOODS, "we were lucky", jones)],
                     outlet="Valley News", published="2026-01-10", url="https://valley.example/floods")
    roads = roads_article("Valley News", "2026-02-02")
    schools = schools_article("City Post", "2026-02-20")
    return [floods, roads, schools]


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    ingest_results(store, _corpus())
    return store


def test_full_text_search_with_filters(store):
    assert [q["text"] for q in search_quotes(store, search="defences")] == ["The river defences held this time,"]
    # stemmed on both backends: "cost" finds "costing"
    assert [q["speaker"] for q in search_quotes(store, search="cost drivers")] == ["Helen Price"]
    # the speaker's name is searchable too
    assert len(search_quotes(store, search="Price")) == 2
    assert search_quotes(store, search="defences", outlet="City Post") == []
    assert {q["speaker"] for q in search_quotes(store, speaker="helen price")} == {"Helen Price"}
    assert [q["outlet"] for q in search_quotes(store, since="2026-02-10")] == ["City Post", "City Post"]
    assert len(search_quotes(store, until="2026-01-31")) == 2
    [indirect] = search_quotes(store, quote_type="indirect")
    assert indirect["organization"] == "the transport agency"
    assert len(search_quotes(store, limit=3)) == 3
    assert search_quotes(store, search="\"unbalanced ( quote") == []  # odd input is not a syntax error


def test_person_detail_lists_quotes_with_articles(store):
    with store.engine.connect() as conn:
        cid = conn.execute(select(t.corpus_people.c.id).where(t.corpus_people.c.name == "Helen Price")).scalar_one()
    detail = person_detail(store, cid)
    assert detail["article_count"] == 2 and detail["quote_count"] == 2
    assert [(q["outlet"], q["published"]) for q in detail["quotes"]] == [("Valley News", "2026-01-10"),
                                                                        ("Valley News", "2026-02-02")]
    assert "Dr Helen Price" in detail["aliases"]
    # gender from the text (honorific, pronoun) outweighs the other article's name guess
    assert (detail["gender"], detail["gender_source"]) == ("female", "text")


def test_source_stats_by_outlet_and_month(store):
    by_outlet = {r["outlet"]: r for r in source_stats(store, ["outlet"])}
    valley, city = by_outlet["Valley News"], by_outlet["City Post"]
    assert (valley["people"], valley["women"], valley["men"], valley["unknown"]) == (2, 1, 1, 0)
    assert (city["people"], city["women"], city["men"], city["unknown"]) == (2, 0, 1, 1)
    assert city["share_unknown"] == 0.5
    assert (valley["gender_from_text"], valley["gender_from_name"]) == (2, 0)
    # Helen Price: honorific "Dr" and "she"; Owen Jones: honorific "Mr"
    assert (valley["by_honorific"], valley["by_pronoun"], valley["by_other_text"]) == (2, 0, 0)
    assert (city["gender_from_text"], city["gender_from_name"]) == (0, 1)

    by_both = source_stats(store, ["outlet", "month"])
    assert [(r["outlet"], r["month"], r["people"]) for r in by_both] == [
        ("City Post", "2026-02", 2), ("Valley News", "2026-01", 2), ("Valley News", "2026-02", 1),
        ("(total)", "", 4)]  # Helen Price, in both Valley News months, counts once in the total
    with pytest.raises(ValueError):
        source_stats(store, ["weekday"])


def test_top_stats(store):
    top = top_stats(store, limit=5)
    assert top["people"][0]["name"] == "Helen Price" and top["people"][0]["quote_count"] == 2
    assert [(o["name"], o["quote_count"], o["article_count"]) for o in top["organizations"]] == [
        ("the transport agency", 1, 1)]
    assert {o["outlet"]: o["quote_count"] for o in top["outlets"]} == {"Valley News": 4, "City Post": 2}


@pytest.mark.parametrize("what", ["quotes", "people", "articles"])
def test_exports_hold_every_row(store, tmp_path, what):
    with store.engine.connect() as conn:
        table = {"quotes": t.quotes, "people": t.corpus_people, "articles": t.articles}[what]
        expected = conn.execute(select(func.count()).select_from(table)).scalar_one()

    out = io.StringIO()
    assert export(store, what, "jsonl", out) == expected
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == expected

    out = io.StringIO()
    export(store, what, "csv", out)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == expected

    path = str(tmp_path / f"{what}.parquet")
    assert export(store, what, "parquet", path) == expected
    table = pq.read_table(path)
    assert table.num_rows == expected
    if what == "quotes":
        assert sorted(table.column("text").to_pylist()) == sorted(r["text"] for r in records)
        assert {r["person"] for r in records} >= {"Helen Price", "Raj Mehta"}
    if what == "people":
        assert any("Dr Helen Price" in aliases for aliases in table.column("aliases").to_pylist())
