"""Corrections (rename, delete, set-gender, reassign, orgs merge) are logged and survive re-ingests:
both a later ingest of new articles (incremental grouping) and a changed article (full rebuild)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_store_support import article, person, quote

from quotegraph.models import Entity, Span
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.corrections import (
    CorrectionError,
    Note,
    delete_person,
    history,
    merge_organizations,
    reassign_quote,
    rename_person,
    set_gender,
)
from quotegraph.store.ingest import ingest_results
from quotegraph.store.query import find_person, list_organizations, source_stats

URL_A = "https://example.net/2026/05/speech"
SPEECH = ('Obama Says Wall Must Fall\nBarack Obama said "the wall must fall" in Berlin. '
          'Hillary Clinton said "we stand with you" later. Pat Lee said "it was moving" afterwards. '
          'The Republicans said "this is theatre" in a statement.')
FOLLOW = ('Hillary Clinton said "the alliance is strong" on Tuesday. Pat Lee said "I was there" again. '
          'The Freedom Caucus said "nothing has changed" in reply.')


def _org(oid: str, name: str, text: str, quotes: int = 1) -> Entity:
    start = text.index(name)
    return Entity(oid, name, mentions=[Span.of(text, start, start + len(name))], quote_count=quotes)


def _speech(extra: str = ""):
    text = SPEECH + extra
    headline = person("p1", "Obama Says", text)  # a headline fragment taken for a person
    obama = person("p2", "Barack Obama", text, gender="male", evidence=["pronoun:he"], quotes=1)
    hillary = person("p3", "Hillary Clinton", text, gender="female", evidence=["pronoun:she"], quotes=1)
    lee = person("p4", "Pat Lee", text, gender="male", evidence=["name:Pat"], quotes=1)
    gop = _org("o1", "The Republicans", text)
    quotes = [quote("q1", text, "the wall must fall", headline), quote("q2", text, "we stand with you", hillary),
              quote("q3", text, "it was moving", lee), quote("q4", text, "this is theatre", gop)]
    return article("speech", text, [headline, obama, hillary, lee], quotes, orgs=[gop], url=URL_A,
                   outlet="Example Daily", published="2026-05-01")


def _follow():
    hillary = person("p1", "Hillary Clinton", FOLLOW, gender="female", evidence=["pronoun:she"], quotes=1)
    lee = person("p2", "Pat Lee", FOLLOW, gender="male", evidence=["name:Pat"], quotes=1)
    gop = _org("o1", "Freedom Caucus", FOLLOW)
    return article("follow", FOLLOW, [hillary, lee],
                   [quote("q1", FOLLOW, "the alliance is strong", hillary), quote("q2", FOLLOW, "I was there", lee),
                    quote("q3", FOLLOW, "nothing has changed", gop)], orgs=[gop],
                   outlet="Example Daily", published="2026-05-02")


def _one(store: Store, name: str) -> dict:
    [match] = find_person(store, name)
    return match


def _quote_id(store: Store, content: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(t.quotes.c.id).where(t.quotes.c.text == content)).scalar_one()


def _speaker(store: Store, content: str) -> str | None:
    """The corpus person a quote is attributed to, by name."""
    with store.engine.connect() as conn:
        return conn.execute(
            select(t.corpus_people.c.name).select_from(t.quotes)
            .outerjoin(t.people, t.people.c.id == t.quotes.c.person_id)
            .outerjoin(t.corpus_people, t.corpus_people.c.id == t.people.c.corpus_person_id)
            .where(t.quotes.c.text == content)).scalar_one()


def _correct(store: Store, action, *args):
    with store.engine.begin() as conn:
        return action(conn, *args, Note("checked against the article", "editor-1"))


def _assert_corrections_hold(store: Store, orgs_id: int | None = None) -> None:
    names = {p["name"] for p in find_person(store, "Obama")}
    assert "Obama Says" not in names  # deleted
    hillary = _one(store, "Hillary Rodham Clinton")  # renamed, found by the new name
    assert hillary["name"] == "Hillary Rodham Clinton"
    lee = _one(store, "Pat Lee")
    assert (lee["gender"], lee["gender_source"]) == ("female", "manual")
    assert _speaker(store, "the wall must fall") == "Barack Obama"  # reassigned to him
    assert _speaker(store, "it was moving") is None  # reassigned to nobody
    assert _one(store, "Barack Obama")["quote_count"] == 1
    [republicans] = [o for o in list_organizations(store, top=None) if "Freedom Caucus" in [o["name"], *o["aliases"]]]
    assert republicans["quote_count"] == 2 and republicans["article_count"] == 2


@pytest.mark.parametrize("later", ["new article", "changed article"])
def test_every_correction_survives_a_reingest(db_url, later):
    store = Store(db_url)
    ingest_results(store, [_speech(), _follow()])
    orgs = {o["name"]: o["id"] for o in list_organizations(store, top=None)}
    assert orgs["The Republicans"] != orgs["Freedom Caucus"]  # nothing ties the Freedom Caucus to the Republicans

    _correct(store, delete_person, _one(store, "Obama Says")["id"])
    _correct(store, rename_person, _one(store, "Hillary Clinton")["id"], "Hillary Rodham Clinton")
    _correct(store, set_gender, _one(store, "Pat Lee")["id"], "female")
    _correct(store, reassign_quote, _quote_id(store, "the wall must fall"), _one(store, "Barack Obama")["id"])
    _correct(store, reassign_quote, _quote_id(store, "it was moving"), None)
    _correct(store, merge_organizations, orgs["The Republicans"], orgs["Freedom Caucus"])
    _assert_corrections_hold(store)

    if later == "new article":
        text = 'Pat Lee said "we will be back" this week, and Hillary Clinton said "so will we" too.'
        lee = person("p1", "Pat Lee", text, gender="male", evidence=["name:Pat"], quotes=1)
        hillary = person("p2", "Hillary Clinton", text, gender="female", evidence=["pronoun:she"], quotes=1)
        summary = ingest_results(store, [article("third", text, [lee, hillary],
                                                 [quote("q1", text, "we will be back", lee),
                                                  quote("q2", text, "so will we", hillary)])])
        assert summary.new == 1
        assert _one(store, "Pat Lee")["article_count"] == 3
    else:
        summary = ingest_results(store, [_speech(" Crowds cheered.")])  # same URL, new text: rows replaced
        assert summary.updated == 1
    _assert_corrections_hold(store)

    with store.engine.connect() as conn:
        log = history(conn)
    assert [c["action"] for c in log] == ["delete", "rename", "gender", "reassign", "reassign", "org-merge"]
    assert {c["author"] for c in log} == {"editor-1"} and all(c["created_at"] for c in log)


def test_set_gender_counts_as_correction_in_statistics(db_url):
    store = Store(db_url)
    ingest_results(store, [_speech(), _follow()])
    [before] = [r for r in source_stats(store, ["outlet"]) if r["outlet"] == "Example Daily"]
    _correct(store, set_gender, _one(store, "Pat Lee")["id"], "female")
    [after] = [r for r in source_stats(store, ["outlet"]) if r["outlet"] == "Example Daily"]
    # quoted: "Obama Says" (no gender), Hillary Clinton (she), Pat Lee (a first-name guess)
    assert (before["women"], before["men"], before["unknown"], before["gender_from_name"]) == (1, 1, 1, 1)
    assert (after["women"], after["men"], after["gender_from_name"], after["gender_from_correction"]) == (2, 0, 0, 1)


def test_refused_corrections_change_nothing(db_url):
    store = Store(db_url)
    ingest_results(store, [_speech(), _follow()])
    obama = _one(store, "Barack Obama")["id"]
    with pytest.raises(CorrectionError):
        _correct(store, set_gender, obama, "other")
    with pytest.raises(CorrectionError):
        _correct(store, rename_person, obama, "  ")
    with pytest.raises(CorrectionError):
        _correct(store, delete_person, 10**6)
    with pytest.raises(CorrectionError):  # Obama does not appear in the follow-up article
        _correct(store, reassign_quote, _quote_id(store, "the alliance is strong"), obama)
    with pytest.raises(CorrectionError):
        _correct(store, reassign_quote, 10**6, None)
    with store.engine.connect() as conn:
        assert history(conn) == []
