"""Parsed Docs are freed once their article is extracted: the per-Doc caches the stages share
must not keep every Doc of a long ingest alive (each holds about a megabyte of parse)."""

from __future__ import annotations

import gc

import pytest
from spacy.tokens import Doc

from quotegraph import syntax
from quotegraph.models import Article

STORY = (
    "ACCRA (Reuters) - Ghana's finance minister said on Tuesday the cedi would recover. "
    '"We are not worried," Ama Mensah told reporters in Accra. "The fundamentals are strong."\n\n'
    "Opposition MP Kwame Boateng said the government had misled voters. He added that he would "
    "raise the matter in parliament.\n"
)


def _alive_docs() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, Doc))


def _articles(count: int) -> list[Article]:
    return [Article(id=f"a{i}", text=STORY.replace("Tuesday", f"day {i}"), source="wire") for i in range(count)]


def test_extract_many_frees_every_doc(extractor):
    before = _alive_docs()
    results = list(extractor.extract_many(_articles(40)))
    assert all(r.quotes for r in results)  # the caches were used: quotes and people were found
    assert _alive_docs() <= before


def test_pipeline_used_directly_holds_a_bounded_number_of_docs(extractor, monkeypatch):
    # Without the Extractor nothing releases a Doc; the caches then hold only the newest ones.
    monkeypatch.setattr(syntax, "HELD_DOCS", 8)
    before = _alive_docs()
    for doc in extractor.nlp.pipe(a.text for a in _articles(30)):
        assert doc.spans["quotegraph_quotes"]
    assert _alive_docs() - before <= 8


@pytest.mark.parametrize("held", [1, 3])
def test_results_are_the_same_when_the_cache_is_smaller_than_a_batch(extractor, monkeypatch, held):
    articles = _articles(6)
    expected = [r.quotes for r in extractor.extract_many(articles)]
    monkeypatch.setattr(syntax, "HELD_DOCS", held)
    assert [r.quotes for r in extractor.extract_many(articles)] == expected
