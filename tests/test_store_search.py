"""--search syntax and the substring filters, identical on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from test_store_support import article, person, quote

from quotegraph.store import Store
from quotegraph.store.ingest import ingest_results
from quotegraph.store.query import find_person, list_people, search_quotes
from quotegraph.store.search import SearchSyntaxError, parse

STRIKE = 'Union leader Mary Quinn said "the strike will go ahead on Monday" after talks failed.'
PAY = 'Transport minister Alan Reed said "pay talks can resume" if the union agrees.'
RAIN = 'Forecaster Li Wei (aka "Weatherman_Wei") said "heavy rain 100% certain" across the north.'
BRIDGE = 'Engineer Sam Ortiz said "the bridge and the tunnel both reopen" this week.'


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    results = []
    for aid, text, name, aliases, content in (
            ("strike", STRIKE, "Mary Quinn", ["Union leader Mary Quinn"], "the strike will go ahead on Monday"),
            ("pay", PAY, "Alan Reed", [], "pay talks can resume"),
            ("rain", RAIN, "Li Wei", ["Weatherman_Wei"], "heavy rain 100% certain"),
            ("bridge", BRIDGE, "Sam Ortiz", [], "the bridge and the tunnel both reopen")):
        speaker = person("p1", name, text, aliases=aliases, quotes=1)
        results.append(article(aid, text, [speaker], [quote("q1", text, content, speaker)],
                               outlet=f"{aid.title()} Times", published="2026-03-01"))
    ingest_results(store, results)
    return store


def _speakers(store: Store, **filters) -> list[str]:
    return sorted(r["speaker"] for r in search_quotes(store, limit=None, **filters))


def test_words_are_all_required_and_stemmed(store):
    assert _speakers(store, search="strike Monday") == ["Mary Quinn"]
    assert _speakers(store, search="strikes") == ["Mary Quinn"]
    assert _speakers(store, search="strike pay") == []


def test_or_phrase_and_exclusion(store):
    assert _speakers(store, search="strike OR pay") == ["Alan Reed", "Mary Quinn"]
    assert _speakers(store, search='"talks can resume"') == ["Alan Reed"]
    assert _speakers(store, search='"resume talks"') == []
    assert _speakers(store, search="talks -strike") == ["Alan Reed"]
    assert _speakers(store, search="pay OR strike -Monday") == ["Alan Reed"]


def test_capital_and_is_not_a_search_word(store):
    # AND used to be a word on PostgreSQL (websearch) and an operator-ish term on SQLite
    assert _speakers(store, search="bridge AND tunnel") == ["Sam Ortiz"]
    with pytest.raises(SearchSyntaxError):
        search_quotes(store, search="AND")


def test_queries_without_words_are_refused():
    for query in ("", "AND", "OR", '""', "%", "-strike", "- -"):
        with pytest.raises(SearchSyntaxError):
            parse(query)


def test_like_wildcards_are_literal(store):
    assert _speakers(store, speaker="%") == []
    assert _speakers(store, speaker="_") == ["Li Wei"]  # the alias Weatherman_Wei has one
    assert _speakers(store, speaker='"') == []  # would match the raw JSON of every alias list
    assert _speakers(store, speaker=",") == []
    assert _speakers(store, outlet="%") == []
    assert _speakers(store, outlet="rain t") == ["Li Wei"]


def test_aliases_match_as_values(store):
    assert _speakers(store, speaker="union leader") == ["Mary Quinn"]
    assert [p["name"] for p in list_people(store, search="weatherman_")] == ["Li Wei"]
    assert list_people(store, search="[") == [] and list_people(store, search='", "') == []
    assert [p["name"] for p in find_person(store, "Union leader")] == ["Mary Quinn"]
    assert find_person(store, "²") == []  # str.isdigit() says yes; int() says no
