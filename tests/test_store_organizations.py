"""Corpus organisations: plural/singular/party forms, an article's own aliases, acronyms."""

from __future__ import annotations

from sqlalchemy import select
from test_store_support import article

from quotegraph.models import Entity, Span
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.corrections import Note, merge_organizations
from quotegraph.store.ingest import ingest_results
from quotegraph.store.organizations import org_key, rebuild_corpus_organizations
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


def test_gop_joins_the_republicans_by_the_alias_table_and_by_an_article_definition(db_url):
    texts = {
        "a": "The Republicans met in Ohio on Monday.",
        "b": "The GOP said the bill would pass.",  # no definition here: the alias table ties it
        "c": "Leaders of the Grand Old Party (GOP) met.",
        "d": "The Freedom Caucus said nothing.",
    }
    orgs = {"a": [_org("o1", "Republicans", texts["a"])], "b": [_org("o1", "GOP", texts["b"])],
            "c": [_org("o1", "Grand Old Party", texts["c"], aliases=["GOP"])],
            "d": [_org("o1", "Freedom Caucus", texts["d"])]}
    store = Store(db_url)
    ingest_results(store, [article(k, texts[k], orgs=orgs[k]) for k in texts])
    groups = _names(store)
    assert {"Republicans", "GOP", "Grand Old Party"} in groups
    assert {"Freedom Caucus"} in groups and len(groups) == 2
    assert org_key("GOP") == org_key("Grand Old Party") == org_key("the Republican Party")


INCREMENTAL = {  # in ingest order: each article may join, split or leave earlier groups
    "n1": ("The NRA said it would sue.", [("NRA", [])]),
    "n2": ("The National Rifle Association filed suit.", [("National Rifle Association", [])]),
    "g1": ("The GOP met.", [("GOP", [])]),
    "f1": ("The Federal Bureau of Investigation and the Justice Department spoke.",
           [("Federal Bureau of Investigation", []), ("Justice Department", [])]),
    "n3": ("The National Rugby Association met in Durban.", [("National Rugby Association", [])]),
    "f2": ("The FBI declined to comment.", [("FBI", [])]),
    "r1": ("The Republicans said no.", [("Republicans", [])]),
    "c1": ("The House Freedom Caucus (HFC) voted.", [("House Freedom Caucus", ["HFC"])]),
    "c2": ("The HFC said no again.", [("HFC", [])]),
}


def _snapshot(store: Store) -> set:
    """Each corpus organisation as its members and figures (ids aside)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.corpus_organizations.c.id, t.corpus_organizations.c.key,
                                   t.corpus_organizations.c.name, t.corpus_organizations.c.article_count,
                                   t.articles.c.ext_id, t.organizations.c.name.label("entry"))
                            .join(t.organizations, t.organizations.c.corpus_organization_id == t.corpus_organizations.c.id)
                            .join(t.articles, t.articles.c.id == t.organizations.c.article_id)).all()
    members: dict[int, set] = {}
    figures: dict[int, tuple] = {}
    for r in rows:
        members.setdefault(r.id, set()).add((r.ext_id, r.entry))
        figures[r.id] = (r.key, r.name, r.article_count)
    return {(frozenset(members[cid]), figures[cid]) for cid in members}


def test_incremental_regrouping_agrees_with_a_full_one(db_url):
    store = Store(db_url)
    for n, (ext_id, (text, names)) in enumerate(INCREMENTAL.items()):
        orgs = [_org(f"o{i}", name, text, aliases=aliases) for i, (name, aliases) in enumerate(names, 1)]
        assert ingest_results(store, [article(ext_id, text, orgs=orgs)]).new == 1
        if n == 3:  # a correction made midway must keep holding
            ids = {o["name"]: o["id"] for o in list_organizations(store, top=None)}
            with store.engine.begin() as conn:
                merge_organizations(conn, ids["Justice Department"], ids["Federal Bureau of Investigation"], Note("x"))
    incremental = _snapshot(store)
    with store.engine.begin() as conn:
        rebuild_corpus_organizations(conn)
    assert _snapshot(store) == incremental
    groups = _names(store)
    assert {"NRA"} in groups  # n3 made the acronym ambiguous: it left the rifle association
    assert {"GOP", "Republicans"} in groups and {"House Freedom Caucus", "HFC"} in groups
    assert any({"FBI", "Federal Bureau of Investigation", "Justice Department"} <= g for g in groups)
