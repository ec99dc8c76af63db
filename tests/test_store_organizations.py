"""Corpus organisations: plural/singular/party forms, an article's own aliases, acronyms."""

from __future__ import annotations

from test_store_support import article

from quotegraph.models import Entity, Span
from quotegraph.store import Store
from quotegraph.store.ingest import ingest_results
from quotegraph.store.organizations import org_key
from quotegraph.store.query import list_organizations, top_stats


def _org(oid: str, name: str, text: str, aliases=()) -> Entity:
    start = text.index(name)
    return Entity(oid, name, aliases=list(aliases), mentions=[Span.of(text, start, start + len(name))])


def test_org_key_folds_articles_plurals_and_party():
    assert org_key("The Republicans") == org_key("Republican") == org_key("Republican Party") == "republican"
    assert org_key("the Democrats’") == "democrat"
    assert org_key("Business") == "business"  # -ss is not a plural
    assert org_key("FBI") != org_key("FIB")


def _names(store: Store) -> list[set[str]]:
    return [{o["name"], *o["aliases"]} for o in list_organizations(store, top=None)]


def test_forms_aliases_and_acronyms_group_only_where_supported(db_url):
    texts = {
        "a": "The Republicans met. Republican leaders spoke.",
        "b": "The Republican Party, the GOP, met in Ohio.",
        "c": "The Federal Bureau of Investigation opened a case; the FBI declined to comment.",
        "d": "The FBI said nothing.",
        "e": "The National Rifle Association and the National Rugby Association both met. The NRA left.",
    }
    orgs = {
        "a": [_org("o1", "Republicans", texts["a"])],
        "b": [_org("o1", "Republican Party", texts["b"], aliases=["GOP"])],
        "c": [_org("o1", "Federal Bureau of Investigation", texts["c"])],
        "d": [_org("o1", "FBI", texts["d"])],
        "e": [_org("o1", "National Rifle Association", texts["e"]),
              _org("o2", "National Rugby Association", texts["e"]), _org("o3", "NRA", texts["e"])],
    }
    store = Store(db_url)
    ingest_results(store, [article(k, texts[k], orgs=orgs[k]) for k in texts])
    groups = _names(store)
    [republicans] = [g for g in groups if "Republicans" in g]
    assert {"Republican Party", "GOP"} <= republicans  # article b says the GOP is the Republican Party
    [fbi] = [g for g in groups if "FBI" in g]
    assert "Federal Bureau of Investigation" in fbi  # the only name whose initials are FBI
    [nra] = [g for g in groups if "NRA" in g]
    assert nra == {"NRA"}  # two associations fit: the acronym stays apart
    assert len(groups) == 5
    assert top_stats(store)["organizations"] == []  # nobody quoted: no most-quoted organisation
