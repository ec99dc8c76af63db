"""Ingest with real extraction: nothing lost, nothing doubled, failures recorded, changes replace."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from quotegraph.models import Article
from quotegraph.settings import Options
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.ingest import ingest
from quotegraph.store.query import search_quotes

COUNCIL = """Council approves budget after late-night session

The city council approved a £40m budget on Tuesday after a meeting that ran past midnight.

\u201cThis budget protects the services people rely on,\u201d said Councillor Amina Patel, who chairs the finance committee. \u201cWe made hard choices, but fair ones.\u201d

Opposition leader Tom Hughes said the plan would \u201cleave libraries on life support\u201d and warned that charges for parking would rise.

Patel said the council would review the figures in six months.
"""

SCHOOL = """District adds bus routes as enrollment climbs

The school district will add four bus routes this fall, Superintendent Maria Gonzalez announced Monday.

"Our families have waited long enough," Gonzalez said. "Every child should be able to get to class on time."

Board member David Kim said the district expects to hire 12 drivers. He added that the routes would cost about $1.2 million a year.
"""

HARBOUR = """Harbour repairs delayed again

Repairs to the harbour wall have been delayed until spring, the port authority said on Friday.

"The storms this winter made it impossible to work safely," said Fiona MacLeod, the authority's chief engineer.

Local fisherman Iain Ross said the delay was "a disaster for anyone who earns a living here".
"""


def _corpus(tmp_path, school_text=SCHOOL):
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "council.txt").write_text(COUNCIL, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 20)
    records = [
        {"id": "school-1", "url": "https://news.example.com/school-buses", "outlet": "Example Gazette",
         "published": "2026-09-01", "title": "District adds bus routes", "text": school_text},
        {"id": "harbour-1", "outlet": "Example Herald", "published": "2026-10-15", "text": HARBOUR},
    ]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


def _count(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _consistent(store: Store) -> None:
    """Every article's stored counts match its rows, and every stored span slices the text."""
    with store.engine.connect() as conn:
        for art in conn.execute(select(t.articles)).all():
            quotes = conn.execute(select(t.quotes).where(t.quotes.c.article_id == art.id)).all()
            assert len(quotes) == art.quote_count
            assert all(art.text[q.start_char:q.end_char] == q.text for q in quotes)
            people = conn.execute(select(func.count()).select_from(t.people)
                                  .where(t.people.c.article_id == art.id)).scalar_one()
            assert people == art.person_count


def test_ingest_stores_everything_and_records_failures(db_url, tmp_path, extractor):
    folder = _corpus(tmp_path)
    store = Store(db_url)
    summary = ingest(store, [str(folder)], Options(), extractor=extractor)
    assert (summary.new, summary.updated, summary.unchanged, summary.failed) == (3, 0, 0, 1)
    assert summary.failures[0][0].endswith("broken.txt")
    assert _count(store, t.failures) == 1

    # exactly what the extractor finds, no more, no less
    texts = [COUNCIL, SCHOOL, HARBOUR]
    expected = [extractor.extract(Article(id=str(i), text=x, source="<t>")) for i, x in enumerate(texts)]
    assert _count(store, t.quotes) == summary.quotes == sum(len(r.quotes) for r in expected)
    assert _count(store, t.people) == summary.people == sum(len(r.people) for r in expected)
    assert _count(store, t.excluded) == sum(len(r.excluded) for r in expected)
    _consistent(store)

    with store.engine.connect() as conn:
        school = conn.execute(select(t.articles).where(t.articles.c.ext_id == "school-1")).one()
        council = conn.execute(select(t.articles).where(t.articles.c.ext_id == "council")).one()
    assert school.key == "https://news.example.com/school-buses"
    assert (school.outlet, school.published) == ("Example Gazette", "2026-09-01")
    assert council.key.startswith("sha256:") and council.text == COUNCIL


def test_reingest_changes_nothing_and_does_not_extract(db_url, tmp_path, extractor):
    folder = _corpus(tmp_path)
    store = Store(db_url)
    ingest(store, [str(folder)], Options(), extractor=extractor)
    before = store.counts()
    # a model that does not exist: any extraction would fail, so none may happen
    summary = ingest(store, [str(folder)], Options(model="no_such_pipeline_installed"))
    assert (summary.new, summary.updated, summary.unchanged, summary.failed) == (0, 0, 3, 1)
    assert store.counts() == before


def test_changed_article_replaces_its_rows(db_url, tmp_path, extractor):
    store = Store(db_url)
    ingest(store, [str(_corpus(tmp_path))], Options(), extractor=extractor)
    articles_before = _count(store, t.articles)
    assert search_quotes(store, search="waited long enough")

    changed = SCHOOL.replace('"Our families have waited long enough," Gonzalez said.',
                             '"The new routes start in October," Gonzalez said.')
    summary = ingest(store, [str(_corpus(tmp_path, changed))], Options(), extractor=extractor)
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 2)
    assert _count(store, t.articles) == articles_before
    with store.engine.connect() as conn:
        school = conn.execute(select(t.articles).where(t.articles.c.ext_id == "school-1")).one()
    assert school.text == changed
    _consistent(store)
    # the full-text index follows the replacement
    assert search_quotes(store, search="waited long enough") == []
    expected = extractor.extract(Article(id="s", text=changed, source="<t>"))
    found = search_quotes(store, search="routes October")
    assert len(found) == sum("routes start in October" in q.text for q in expected.quotes)


def test_identical_text_in_two_files_is_one_article(db_url, tmp_path, extractor):
    folder = tmp_path / "dupes"
    folder.mkdir()
    (folder / "a.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "copy-of-a.txt").write_text(HARBOUR, encoding="utf-8")
    # the copies differ in metadata (so in content hash) but not in identity: the first one wins
    meta = {"a": {"outlet": "Highland Times"}, "copy-of-a": {"outlet": "Island Weekly"}}
    store = Store(db_url)
    summary = ingest(store, [str(folder)], Options(), metadata=meta, extractor=extractor)
    assert (summary.new, summary.unchanged) == (1, 1)
    assert _count(store, t.articles) == 1
    again = ingest(store, [str(folder)], Options(), metadata=meta, extractor=extractor)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    with store.engine.connect() as conn:
        assert conn.execute(select(t.articles.c.outlet)).scalar_one() == "Highland Times"


def test_worker_processes_store_the_same_as_one_process(db_url, tmp_path, extractor):
    folder = _corpus(tmp_path)
    parallel = Store(db_url)
    summary = ingest(parallel, [str(folder)], Options(), workers=2, extractor=extractor)
    assert (summary.new, summary.failed) == (3, 1)
    serial = Store(f"sqlite:///{tmp_path / 'serial.db'}")
    ingest(serial, [str(folder)], Options(), workers=1, extractor=extractor)
    assert parallel.counts() == serial.counts()
    _consistent(parallel)


def test_extraction_failure_is_recorded_and_the_rest_is_stored(db_url, tmp_path, extractor):
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    # longer than the spaCy pipeline accepts (nlp.max_length), with the reader's limit raised: spaCy refuses it
    limit = extractor.nlp.max_length
    sentence = "The council met again on Tuesday to discuss the harbour. "
    (folder / "endless.txt").write_text(sentence * (limit // len(sentence) + 2), encoding="utf-8")
    store = Store(db_url)
    options = Options(max_bytes=4 * limit, max_chars=4 * limit)
    summary = ingest(store, [str(folder)], options, extractor=extractor)
    assert (summary.new, summary.failed) == (1, 1)
    with store.engine.connect() as conn:
        [failure] = conn.execute(select(t.failures)).all()
    assert failure.source.endswith("endless.txt") and failure.stage == "extract"
    assert "extraction failed" in failure.error
    assert _count(store, t.articles) == 1


def test_corpus_people_cover_what_an_interrupted_ingest_stored(db_url, tmp_path, extractor):
    folder = tmp_path / "stories"
    folder.mkdir()
    for i, name in enumerate(["Mary Quinn", "Alan Reed", "Sam Ortiz"]):
        (folder / f"s{i}.txt").write_text(f'{name} said "the plan is ready" on Monday.\n', encoding="utf-8")
    store = Store(db_url)
    stored = []

    def report(status: str) -> None:
        stored.append(status)
        if len(stored) == 2:
            raise KeyboardInterrupt  # Ctrl-C after two articles

    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(folder)], Options(), extractor=extractor, report=report)
    counts = store.counts()
    assert counts["articles"] == 2 and counts["corpus_people"] >= 2
