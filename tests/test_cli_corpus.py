"""The corpus commands end to end: ingest, quotes, people, person, stats, export."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.store import Store
from quotegraph.store import schema as t

STORIES = {
    "wind.txt": """Wind farm plan divides village

A proposed wind farm off the coast has split opinion in the village of Ardmore.

\u201cThis is the future, and we should be part of it,\u201d said Moira Campbell, who runs the harbour caf\u00e9. \u201cMy grandchildren will thank us.\u201d

Retired fisherman Hamish Reid said the turbines would \u201cruin the view that brought everyone here in the first place\u201d.

Campbell said she would attend the public inquiry next month.
""",
    "transit.txt": """Transit agency raises fares

The regional transit agency will raise fares by 25 cents starting in January, officials said Wednesday.

"We held off as long as we could," said agency director Laura Chen. "Fuel and labor costs left us no choice."

Rider advocate Marcus Bell said the increase would hit low-income commuters hardest. "People who can least afford it will pay the most," Bell said.
""",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("filename,publisher,publication_date\nwind.txt,Coast Courier,2026-05-02\n"
                    "transit,Metro Daily,2026-06-15\n", encoding="utf-8")
    return folder, meta


def _invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_ingest_then_query_everything(db_url, corpus, tmp_path, extractor):
    folder, meta = corpus
    first = _invoke("ingest", folder, "--db", db_url, "--metadata", meta)
    assert first.exit_code == 0, first.output
    again = _invoke("ingest", folder, "--db", db_url, "--metadata", meta)
    assert again.exit_code == 0
    assert "articles unchanged │ 2" in again.output

    store = Store(db_url)
    with store.engine.connect() as conn:
        db_quotes = conn.execute(select(func.count()).select_from(t.quotes)).scalar_one()
        outlets = set(conn.execute(select(t.articles.c.outlet)).scalars())
    assert outlets == {"Coast Courier", "Metro Daily"}

    listed = json.loads(_invoke("quotes", "--db", db_url, "--limit", 0, "--format", "json").output)
    assert len(listed) == db_quotes
    fares = json.loads(_invoke("quotes", "--db", db_url, "--search", "fuel labor", "--format", "json").output)
    assert all("Fuel and labor" in q["text"] for q in fares)
    assert len(fares) == sum("Fuel and labor" in q["text"] for q in listed)
    courier = json.loads(_invoke("quotes", "--db", db_url, "--outlet", "courier", "--until", "2026-05",
                                 "--format", "json").output)
    assert {q["outlet"] for q in courier} <= {"Coast Courier"}
    assert len(courier) == sum(q["outlet"] == "Coast Courier" for q in listed)

    stats = _invoke("stats", "sources", "--db", db_url, "--by", "outlet,month", "--format", "csv")
    assert stats.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(stats.output)))
    for row in rows:
        assert int(row["people"]) == int(row["women"]) + int(row["men"]) + int(row["unknown"])
    assert _invoke("stats", "sources", "--db", db_url, "--by", "weekday").exit_code == 2

    for what, table in (("quotes", t.quotes), ("articles", t.articles), ("people", t.corpus_people)):
        out = tmp_path / f"{what}.parquet"
        result = _invoke("export", "--db", db_url, "--what", what, "--format", "parquet", "-o", out)
        assert result.exit_code == 0, result.output
        with store.engine.connect() as conn:
            assert pq.read_table(out).num_rows == conn.execute(select(func.count()).select_from(table)).scalar_one()
    jsonl = _invoke("export", "--db", db_url, "--what", "quotes", "--format", "jsonl")
    assert len([line for line in jsonl.stdout.splitlines() if line.startswith("{")]) == db_quotes


def test_people_and_person_commands(db_url, corpus, extractor):
    folder, meta = corpus
    assert _invoke("ingest", folder, "--db", db_url).exit_code == 0
    people = json.loads(_invoke("people", "--db", db_url, "--top", 0, "--format", "json").output)
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert len(people) == conn.execute(select(func.count()).select_from(t.corpus_people)).scalar_one()
    if not people:  # nothing to look up when extraction found no people
        assert _invoke("person", "Nobody Here", "--db", db_url).exit_code == 1
        return
    top = people[0]
    detail = json.loads(_invoke("person", str(top["id"]), "--db", db_url, "--format", "json").output)
    assert detail["name"] == top["name"] and len(detail["quotes"]) == min(50, top["quote_count"])
    if top["quote_count"] > 1:  # --limit pages the quotes, the count still says how many there are
        one = json.loads(_invoke("person", str(top["id"]), "--db", db_url, "-f", "json", "-n", 1).output)
        assert len(one["quotes"]) == 1 and one["quote_count"] == top["quote_count"]
    assert _invoke("person", "Zebedee Nonexistent", "--db", db_url).exit_code == 1

    if len(people) >= 2:
        merged = _invoke("people", "merge", people[0]["id"], people[1]["id"], "--db", db_url)
        assert merged.exit_code == 0, merged.output
        after = json.loads(_invoke("people", "--db", db_url, "--top", 0, "--format", "json").output)
        assert len(after) == len(people) - 1
    assert _invoke("people", "merge", 999999, 999998, "--db", db_url).exit_code == 1


def test_failed_inputs_are_reported_and_exit_1(db_url, tmp_path, extractor):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORIES["transit.txt"], encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "x", "text": "fine"}\n{not json}\n', encoding="utf-8")
    result = _invoke("ingest", folder, "--db", db_url)
    assert result.exit_code == 1
    assert "feed.jsonl:2" in result.output and "invalid JSON" in result.output
    store = Store(db_url)
    with store.engine.connect() as conn:
        failures = conn.execute(select(t.failures.c.source, t.failures.c.stage)).all()
    assert [(s.endswith("feed.jsonl:2"), stage) for s, stage in failures] == [(True, "read")]


def test_people_split_and_merge_commands(db_url):
    from test_store_support import article, person, quote

    from quotegraph.store.ingest import ingest_results

    plumber = 'John Smith, a plumber in Leeds, said "the pipes froze" overnight.'
    senator = 'Senator John Smith said "the budget will pass" on Capitol Hill.'
    p1, p2 = person("p1", "John Smith", plumber, quotes=1), person("p1", "John Smith", senator, quotes=1)
    store = Store(db_url)
    ingest_results(store, [article("plumber", plumber, [p1], [quote("q1", plumber, "the pipes froze", p1)]),
                           article("senator", senator, [p2], [quote("q1", senator, "the budget will pass", p2)])])
    [smith] = json.loads(_invoke("people", "--db", db_url, "--format", "json").output)
    assert smith["article_count"] == 2
    with store.engine.connect() as conn:
        plumber_id = conn.execute(select(t.articles.c.id).where(t.articles.c.ext_id == "plumber")).scalar_one()

    split = _invoke("people", "split", smith["id"], plumber_id, "--db", db_url)
    assert split.exit_code == 0, split.output
    two = json.loads(_invoke("people", "--db", db_url, "--format", "json").output)
    assert sorted(p["article_count"] for p in two) == [1, 1]
    assert _invoke("person", "John Smith", "--db", db_url).exit_code == 1  # ambiguous: asks for an id

    # --db given to the group reaches the subcommand
    merged = _invoke("people", "--db", db_url, "merge", two[0]["id"], two[1]["id"])
    assert merged.exit_code == 0, merged.output
    [again] = json.loads(_invoke("people", "--db", db_url, "--format", "json").output)
    assert again["article_count"] == 2 and again["quote_count"] == 2
