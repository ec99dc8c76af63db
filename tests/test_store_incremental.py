"""Incremental corpus people: articles added one ingest at a time give exactly the corpus people
of one full rebuild, corrections included, and an update regroups only the names it touches."""

from __future__ import annotations

from sqlalchemy import select
from test_store_support import article, person, quote

from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.corrections import Note, merge_people, set_gender
from quotegraph.store.incremental import affected_people
from quotegraph.store.ingest import ingest_results
from quotegraph.store.merge import rebuild_corpus_people
from quotegraph.store.query import find_person

TEXTS: dict[str, tuple[str, list[tuple[str, list[str], str, list[str]]]]] = {
    "t1": ('Donald Trump said "we will win" at the rally. President Donald Trump waved.', [
        ("Donald Trump", ["President Donald Trump", "Trump"], "male", ["pronoun:he"])]),
    "t2": ('Trump said "the media is unfair" again.', [("Trump", ["President Trump"], "unknown", [])]),
    "t3": ('Ivanka Trump said "my father works hard" and she smiled.', [
        ("Ivanka Trump", [], "female", ["pronoun:she"])]),
    "t4": ('Ivanka Trump said "I love him" and Trump said "thank you" in reply.', [
        ("Ivanka Trump", [], "female", ["pronoun:she"]), ("Trump", [], "unknown", [])]),
    "c1": ('Hillary Clinton said "we are stronger together" and she left.', [
        ("Hillary Clinton", ["Secretary Clinton"], "female", ["pronoun:she"])]),
    "c2": ('Bill Clinton said "she is ready" about his wife.', [("Bill Clinton", [], "male", ["pronoun:he"])]),
    "c3": ('Clinton said "the plan is sound" on Monday.', [("Clinton", [], "unknown", [])]),
    "s1": ('Bernie Sanders said "the system is rigged" loudly.', [("Bernie Sanders", [], "male", ["name:Bernie"])]),
    "s2": ('Bernard Sanders said "we need change" in Vermont.', [("Bernard Sanders", [], "unknown", [])]),
    "w1": ('Elizabeth Warren said "break them up" and Warren left.', [
        ("Elizabeth Warren", ["Warren"], "female", ["pronoun:she"])]),
    "w2": ('Warren said "no deal" in the hall.', [("Warren", [], "unknown", [])]),
}


def _article(ext_id: str):
    text, names = TEXTS[ext_id]
    people = [person(f"p{i}", name, text, aliases=aliases, gender=g, evidence=ev, quotes=1)
              for i, (name, aliases, g, ev) in enumerate(names, 1)]
    contents = [text.split('"')[1 + 2 * i] for i in range(len(people))]
    quotes = [quote(f"q{i}", text, c, p) for i, (c, p) in enumerate(zip(contents, people, strict=True), 1)]
    return article(ext_id, text, people, quotes, outlet="Wire", published="2026-06-0" + str(1 + len(ext_id) % 8))


def _snapshot(store: Store) -> set:
    """Each corpus person as its members and its figures (ids aside: they depend on history)."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.corpus_people.c.id, t.corpus_people.c.key, t.corpus_people.c.name, t.corpus_people.c.aliases,
                   t.corpus_people.c.gender, t.corpus_people.c.gender_source, t.corpus_people.c.quote_count,
                   t.corpus_people.c.article_count, t.articles.c.ext_id, t.people.c.name.label("entry"))
            .join(t.people, t.people.c.corpus_person_id == t.corpus_people.c.id)
            .join(t.articles, t.articles.c.id == t.people.c.article_id)).all()
    members: dict[int, set] = {}
    figures: dict[int, tuple] = {}
    for r in rows:
        members.setdefault(r.id, set()).add((r.ext_id, r.entry))
        figures[r.id] = (r.key, r.name, r.aliases, r.gender, r.gender_source, r.quote_count, r.article_count)
    return {(frozenset(members[cid]), figures[cid]) for cid in members}


def _correct(store: Store) -> None:
    """A merge and a gender fix, made after the first articles: later ones must follow them."""
    with store.engine.begin() as conn:
        bernie, bernard = (find_person(store, n)[0]["id"] for n in ("Bernie Sanders", "Bernard Sanders"))
        merge_people(conn, bernie, bernard, Note("same senator"))
        set_gender(conn, find_person(store, "Bill Clinton")[0]["id"], "male", Note("checked"))


ORDER = ["s1", "s2", "t2", "c3", "w2", "t1", "t3", "c1", "t4", "c2", "w1"]


def test_one_article_at_a_time_agrees_with_a_full_rebuild(db_url):
    store = Store(db_url)
    ingest_results(store, [_article(e) for e in ORDER[:2] + ["c2"]])
    _correct(store)
    for ext_id in ORDER[2:]:
        if ext_id != "c2":
            assert ingest_results(store, [_article(ext_id)]).new == 1
    incremental = _snapshot(store)
    with store.engine.begin() as conn:
        rebuild_corpus_people(conn)
    assert _snapshot(store) == incremental
    # and what the rules promise: the fragments went where their article says
    trump = find_person(store, "Trump")
    # t1; t2 by its title (President Trump); t4, where the other Trump is a separate person
    assert trump[0]["name"] == "Donald Trump" and trump[0]["quote_count"] == 3
    clintons = {p["name"]: p["article_count"] for p in find_person(store, "Clinton")}
    assert clintons == {"Hillary Clinton": 1, "Bill Clinton": 1, "Clinton": 1}  # c3 could be either
    assert find_person(store, "Warren")[0]["quote_count"] == 2  # w2: the only Warren in the corpus


def test_an_update_regroups_only_the_names_it_touches(db_url):
    store = Store(db_url)
    ingest_results(store, [_article(e) for e in ORDER])
    text = 'Melania Trump said "be best" and she waved. Jane Roe said "hello" too.'
    new = [person("p1", "Melania Trump", text, gender="female", evidence=["pronoun:she"], quotes=1),
           person("p2", "Jane Roe", text, quotes=1)]
    ingest_results(store, [article("m1", text, new, [quote("q1", text, "be best", new[0]),
                                                     quote("q2", text, "hello", new[1])])])
    with store.engine.begin() as conn:
        conn.execute(t.people.update().where(t.people.c.name.in_(["Melania Trump", "Jane Roe"]))
                     .values(corpus_person_id=None))  # as just written, before grouping
        touched = {(r.article_key.split(":")[0], r.name) for r in affected_people(conn)}
    names = {name for _a, name in touched}
    assert names == {"Melania Trump", "Jane Roe", "Donald Trump", "Trump", "Ivanka Trump"}
