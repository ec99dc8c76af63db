"""`check`: each kind of suspect entry is found in a corpus built to contain exactly one of each."""

from __future__ import annotations

from sqlalchemy import select
from test_store_support import article, person, quote

from quotegraph.models import Quote, Span
from quotegraph.people.sources import speaker_kind
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.check import check
from quotegraph.store.ingest import ingest_results

HEADLINE = 'Obama Says Goodbye\nBarack Obama said "thank you" to the staff.'
RALLY = 'Michelle Obama said "we go high" at the rally, and President Obama smiled.'
FRAGMENT = 'Kamin said "the tax plan is regressive" on Monday.'
PAPER = ('David Kamin said "it costs too much" and he left. The game said "fans were loud" and who knows. '
         'Ruth Kamin said "I disagree" later.')
CONFLICT = 'Sam Reed said "we won" and she laughed.'
CONFLICT2 = 'Sam Reed said "we lost" and he frowned.'


def _orphan(text: str, content: str, speaker: str, name: str | None) -> Quote:
    """A quote whose speaker mention resolved to no person or organisation, stored with ``name``."""
    start, s = text.index(content), text.index(speaker)
    return Quote(start=start, end=start + len(content), text=content, type="direct", speaker_name=name,
                 speaker=Span.of(text, s, s + len(speaker)), parts=[Span.of(text, start, start + len(content))])


def test_speaker_kinds():
    assert [speaker_kind(s) for s in ("who", "I", "which", "they")] == ["pronoun"] * 4
    assert [speaker_kind(s) for s in ("police", "a government source", "analysts", "court documents",
                                      "the company's spokeswoman")] == ["source"] * 5
    assert [speaker_kind(s) for s in ("game", "sales pace", "no information", "")] == ["not a source"] * 4
    assert [speaker_kind(s) for s in ("officials at the ministry", "the 45-year-old", "protesters",
                                      "a spokesperson for the council", "congressmen")] == ["source"] * 5
    # a name is left to the entity rules: a capitalised head, a handle
    assert speaker_kind("A-Plus") == "name" and speaker_kind("one Twitter user @nycsouthpaw") == "name"
    assert speaker_kind("pre-game") == "not a source" and speaker_kind("the couple") == "source"


def test_each_kind_of_suspect_is_listed_with_counts(db_url):
    says = person("p1", "Obama Says", HEADLINE, quotes=0)
    barack = person("p2", "Barack Obama", HEADLINE, aliases=["President Obama"], quotes=1)
    michelle = person("p1", "Michelle Obama", RALLY, aliases=["President Obama"], gender="female", quotes=1)
    kamin = person("p1", "Kamin", FRAGMENT, quotes=1)
    david = person("p1", "David Kamin", PAPER, quotes=1)
    ruth = person("p2", "Ruth Kamin", PAPER, quotes=1)  # two Kamins: the fragment stays apart
    reed_f = person("p1", "Sam Reed", CONFLICT, gender="female", evidence=["pronoun:she"], quotes=1)
    reed_m = person("p1", "Sam Reed", CONFLICT2, gender="male", evidence=["pronoun:he"], quotes=1)
    store = Store(db_url)
    ingest_results(store, [
        article("headline", HEADLINE, [says, barack], [quote("q1", HEADLINE, "thank you", barack)]),
        article("rally", RALLY, [michelle], [quote("q1", RALLY, "we go high", michelle)]),
        article("fragment", FRAGMENT, [kamin], [quote("q1", FRAGMENT, "the tax plan is regressive", kamin)]),
        article("paper", PAPER, [david, ruth], [quote("q1", PAPER, "it costs too much", david),
                                                quote("q2", PAPER, "I disagree", ruth),
                                          _orphan(PAPER, "fans were loud", "The game", "game")]),
        article("c1", CONFLICT, [reed_f], [quote("q1", CONFLICT, "we won", reed_f)]),
        article("c2", CONFLICT2, [reed_m], [quote("q1", CONFLICT2, "we lost", reed_m)]),
    ])
    found = check(store)
    assert {k: v["count"] for k, v in found.items()} == {
        "headline_names": 1, "fragments": 1, "shared_aliases": 1, "gender_conflicts": 1, "speakers_not_entities": 1}
    assert found["headline_names"]["items"][0]["name"] == "Obama Says"
    assert found["fragments"]["items"][0]["name"] == "Kamin"
    assert found["fragments"]["items"][0]["twins"] == ["David Kamin", "Ruth Kamin"]
    assert found["shared_aliases"]["items"][0]["alias"] == "president obama"
    assert found["gender_conflicts"]["items"][0]["stated"] == {"female": 1, "male": 1}
    assert found["speakers_not_entities"]["items"][0]["speaker"] == "game"


FATHER = 'Khizr Khan said "he was a hero" at the convention, and Mr. Khan wept.'
SON = 'Humayun Khan said "we will be fine" in a 2004 letter home, Mr. Khan wrote.'
MATT = 'Matt Morrison said "the show goes on" on Sunday. Mr. Morrison bowed.'
MATTHEW = 'Matthew Morrison said "I am grateful" at the awards, and Mr. Morrison left.'


def _titled(aid: str, text: str, name: str, content: str):
    p = person("p1", name, text, aliases=["Mr. " + name.split()[-1]], gender="male",
               evidence=["honorific:Mr"], quotes=1)
    return article(aid, text, [p], [quote("q1", text, content, p)])


def test_a_common_title_is_shared_by_namesakes_but_flagged_when_first_names_fit_one_person(db_url):
    store = Store(db_url)
    ingest_results(store, [_titled("f", FATHER, "Khizr Khan", "he was a hero"),
                           _titled("s", SON, "Humayun Khan", "we will be fine"),
                           _titled("m1", MATT, "Matt Morrison", "the show goes on"),
                           _titled("m2", MATTHEW, "Matthew Morrison", "I am grateful")])
    shared = check(store)["shared_aliases"]
    assert [item["alias"] for item in shared["items"]] == ["mr morrison"] and shared["count"] == 1


STEVE = 'Steve Rosenthal, a union organiser, said "turnout is everything" on Friday. Mr. Rosenthal left.'
STEVEN = 'Steven M. Rosenthal, a tax lawyer, said "the plan loses revenue" and Mr. Rosenthal smiled.'
POPE_A = 'Pope Francis said "build bridges" in Mexico on Wednesday.'
POPE_B = 'In Rome, Pope Francis said "mercy is the answer" to pilgrims.'


def test_namesakes_told_apart_by_their_roles_are_not_flagged(db_url):
    def titled(aid, text, name, role, content):
        p = person("p1", name, text, aliases=["Mr. Rosenthal"], gender="male", evidence=["honorific:Mr"],
                   roles=[role], quotes=1)
        return article(aid, text, [p], [quote("q1", text, content, p)])

    store = Store(db_url)
    ingest_results(store, [titled("s", STEVE, "Steve Rosenthal", "union organiser", "turnout is everything"),
                           titled("t", STEVEN, "Steven M. Rosenthal", "tax lawyer", "the plan loses revenue"),
                           _titled("m1", MATT, "Matt Morrison", "the show goes on"),
                           _titled("m2", MATTHEW, "Matthew Morrison", "I am grateful")])
    shared = check(store)["shared_aliases"]
    # Steve and Steven fit one person, but a union organiser is not a tax lawyer
    assert [item["alias"] for item in shared["items"]] == ["mr morrison"]


def test_one_word_entries_sharing_a_title_are_fragments_not_shared_aliases(db_url):
    def pope(aid, text, content):
        p = person("p1", "Francis", text, aliases=["Pope Francis"], quotes=1)
        return article(aid, text, [p], [quote("q1", text, content, p)])

    store = Store(db_url)
    ingest_results(store, [pope("a", POPE_A, "build bridges"), pope("b", POPE_B, "mercy is the answer")])
    found = check(store)
    assert found["shared_aliases"]["count"] == 0
    assert found["fragments"]["count"] == 2
    twins = [item["twins"] for item in found["fragments"]["items"]]
    assert all(len(t) == 1 and t[0].startswith("Francis (#") for t in twins), twins


BARACK_FULL = 'President Barack Obama said "the deal holds" on Monday.'
BARACK_CUT = 'President Barack said "we are ready" in Nairobi.'


def test_a_one_word_entry_sharing_a_titled_alias_with_a_full_name_is_a_fragment(db_url):
    full = person("p1", "Barack Obama", BARACK_FULL, aliases=["President Barack Obama", "President Barack"], quotes=1)
    cut = person("p1", "Barack", BARACK_CUT, aliases=["President Barack"], quotes=1)
    store = Store(db_url)
    ingest_results(store, [article("a", BARACK_FULL, [full], [quote("q1", BARACK_FULL, "the deal holds", full)]),
                           article("b", BARACK_CUT, [cut], [quote("q1", BARACK_CUT, "we are ready", cut)])])
    found = check(store)
    assert found["shared_aliases"]["count"] == 0
    assert [(i["name"], i["twins"]) for i in found["fragments"]["items"]] == [("Barack", [f"Barack Obama (#{_id(store, 'a')})"])]


def _id(store: Store, ext_id: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(t.people.c.corpus_person_id).join(t.articles, t.articles.c.id == t.people.c.article_id)
                            .where(t.articles.c.ext_id == ext_id)).scalar_one()
