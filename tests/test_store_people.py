"""People across articles: conservative merging, and merge/split corrections that survive re-ingests."""

from __future__ import annotations

from sqlalchemy import select
from test_store_support import article, person, quote

from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.corrections import merge_people, split_person
from quotegraph.store.ingest import ingest_results
from quotegraph.store.merge import name_key
from quotegraph.store.query import find_person, list_people

WARREN_US = ('Sen. Elizabeth Warren said Tuesday that the bill "would gut consumer protections." '
             'Warren, a Massachusetts Democrat, said she would vote against it.')
WARREN_UK = ('\u201cWe will not be bullied,\u201d Ms Warren told reporters in London. Elizabeth Warren '
             'had flown in on Monday, she said.')
WARREN_SHORT = 'Warren said the vote "is a disgrace" and left the chamber.'
OTHER_WARREN = 'Mark Warren, a farmer in Iowa, said "prices are falling" this year.'


def _warren_us():
    p = person("p1", "Elizabeth Warren", WARREN_US, aliases=["Sen. Elizabeth Warren", "Warren"],
               gender="female", evidence=["pronoun:she"], roles=["senator"], quotes=1)
    return article("us", WARREN_US, [p], [quote("q1", WARREN_US, "would gut consumer protections.", p)],
                   outlet="Example Post", published="2026-03-03")


def _warren_uk():
    p = person("p1", "Elizabeth Warren", WARREN_UK, aliases=["Ms Warren"], gender="female",
               evidence=["honorific:Ms"], quotes=1)
    return article("uk", WARREN_UK, [p], [quote("q1", WARREN_UK, "We will not be bullied,", p, cue="told")],
                   outlet="Example Times", published="2026-03-04")


def _warren_short():
    p = person("p1", "Warren", WARREN_SHORT, quotes=1)
    return article("short", WARREN_SHORT, [p], [quote("q1", WARREN_SHORT, "is a disgrace", p)],
                   outlet="Example Post", published="2026-03-05")


def _corpus_ids(store: Store) -> dict[tuple[str, str], int]:
    """(article ext_id, article person name) -> corpus person id."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.articles.c.ext_id, t.people.c.name, t.people.c.corpus_person_id)
                            .join(t.articles, t.articles.c.id == t.people.c.article_id)).all()
    return {(r.ext_id, r.name): r.corpus_person_id for r in rows}


def _one_at_a_time_then_rebuilt(db_url: str, articles) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """Corpus ids after ingesting ``articles`` one by one (incremental grouping), then after a full rebuild."""
    from quotegraph.store.merge import rebuild_corpus_people

    store = Store(db_url)
    for art in articles:
        ingest_results(store, [art])
    incremental = _corpus_ids(store)
    with store.engine.begin() as conn:
        rebuild_corpus_people(conn)
    return incremental, _corpus_ids(store)


def _groups(ids: dict[tuple[str, str], int]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Pairs of article people in one corpus person (ids may be numbered differently)."""
    return {(a, b) for a in ids for b in ids if ids[a] == ids[b]}


def test_name_key_drops_honorifics_case_and_accents_but_keeps_suffixes():
    assert name_key("Sen. Elizabeth Warren") == name_key("ELIZABETH WARREN") == "elizabeth warren"
    assert name_key("President José Martí") == "jose marti"
    assert name_key("Donald Trump Jr.") != name_key("Donald Trump")


def test_name_key_drops_every_title_the_people_stage_knows():
    # abbreviated offices and ranks from the shared lexicon (``Coun.`` used to survive)
    assert name_key("Coun. Jo Dudas") == name_key("Cllr Jo Dudas") == "jo dudas"
    assert name_key("Det. Sgt. Amara Obi") == "amara obi"
    assert name_key("Alhaji Musa Bello") == "musa bello"
    assert name_key("Dean Smith") == "dean smith"  # a first name, not a title


def test_same_full_name_in_two_articles_is_one_corpus_person(db_url):
    store = Store(db_url)
    ingest_results(store, [_warren_us(), _warren_uk()])
    ids = _corpus_ids(store)
    assert ids[("us", "Elizabeth Warren")] == ids[("uk", "Elizabeth Warren")]
    [warren] = list_people(store, search="Warren")
    assert warren["article_count"] == 2 and warren["quote_count"] == 2
    assert warren["gender"] == "female" and warren["gender_source"] == "text"
    assert "Ms Warren" in warren["aliases"]


def test_surname_only_joins_the_one_full_name_but_not_when_ambiguous(db_url):
    store = Store(db_url)
    ingest_results(store, [_warren_us(), _warren_short()])
    ids = _corpus_ids(store)
    assert ids[("short", "Warren")] == ids[("us", "Elizabeth Warren")]

    p = person("p1", "Mark Warren", OTHER_WARREN, gender="male", evidence=["name:Mark"], quotes=1)
    ingest_results(store, [article("farm", OTHER_WARREN, [p], [quote("q1", OTHER_WARREN, "prices are falling", p)])])
    ids = _corpus_ids(store)
    assert ids[("farm", "Mark Warren")] != ids[("us", "Elizabeth Warren")]
    assert ids[("short", "Warren")] not in (ids[("us", "Elizabeth Warren")], ids[("farm", "Mark Warren")])


def test_different_first_names_never_merge_even_through_a_bad_alias(db_url):
    text_a = 'Hillary Clinton said "we will win Ohio." Bill Clinton stood beside her.'
    text_b = 'Bill Clinton said "the economy grew" when he was president.'
    # a bad cluster inside article A gives Hillary the alias "Bill Clinton"
    hillary = person("p1", "Hillary Clinton", text_a, aliases=["Bill Clinton"], gender="female",
                     evidence=["pronoun:her"], quotes=1)
    bill = person("p1", "Bill Clinton", text_b, gender="male", evidence=["pronoun:he"], quotes=1)
    store = Store(db_url)
    ingest_results(store, [article("a", text_a, [hillary], [quote("q1", text_a, "we will win Ohio.", hillary)]),
                           article("b", text_b, [bill], [quote("q1", text_b, "the economy grew", bill)])])
    ids = _corpus_ids(store)
    assert ids[("a", "Hillary Clinton")] != ids[("b", "Bill Clinton")]


def test_surname_with_contradicting_gender_stays_apart(db_url):
    text_a = 'Bill Clinton said "the economy grew" when he was president.'
    text_b = 'Mrs Clinton said "I am ready" and she smiled.'
    bill = person("p1", "Bill Clinton", text_a, gender="male", evidence=["pronoun:he"])
    mrs = person("p1", "Clinton", text_b, aliases=["Mrs Clinton"], gender="female", evidence=["honorific:Mrs"])
    store = Store(db_url)
    ingest_results(store, [article("a", text_a, [bill]), article("b", text_b, [mrs])])
    ids = _corpus_ids(store)
    assert ids[("a", "Bill Clinton")] != ids[("b", "Clinton")]


URL_B = "https://news.example.org/2026/03/sanders-rally"


def test_merge_correction_is_stored_and_survives_reingest(db_url):
    text_a = 'Bernie Sanders said "the system is rigged" at the rally.'
    text_b = 'Bernard Sanders, the senator, said "we need change" on Friday.'
    a = person("p1", "Bernie Sanders", text_a, quotes=1)
    b = person("p1", "Bernard Sanders", text_b, quotes=1)
    store = Store(db_url)
    ingest_results(store, [article("a", text_a, [a], [quote("q1", text_a, "the system is rigged", a)]),
                           article("b", text_b, [b], [quote("q1", text_b, "we need change", b)], url=URL_B)])
    ids = _corpus_ids(store)
    assert ids[("a", "Bernie Sanders")] != ids[("b", "Bernard Sanders")]
    with store.engine.begin() as conn:
        merged = merge_people(conn, ids[("a", "Bernie Sanders")], ids[("b", "Bernard Sanders")])
    ids = _corpus_ids(store)
    assert ids[("a", "Bernie Sanders")] == ids[("b", "Bernard Sanders")] == merged

    # a changed version of article B (same URL) replaces its rows; the merge still holds
    text_b2 = text_b + " He spoke for an hour."
    b2 = person("p1", "Bernard Sanders", text_b2, quotes=1)
    summary = ingest_results(store, [article("b", text_b2, [b2], [quote("q1", text_b2, "we need change", b2)],
                                             url=URL_B)])
    assert summary.updated == 1
    ids = _corpus_ids(store)
    assert ids[("a", "Bernie Sanders")] == ids[("b", "Bernard Sanders")]
    [detail] = find_person(store, "Bernie Sanders")
    assert detail["quote_count"] == 2 and detail["article_count"] == 2


def test_split_correction_separates_namesakes_across_rebuilds(db_url):
    plumber = 'John Smith, a plumber in Leeds, said "the pipes froze" overnight.'
    senator = 'Senator John Smith said "the budget will pass" on Capitol Hill.'
    senator2 = 'John Smith, the senator, said "we have the votes" late on Monday.'
    people = [person("p1", "John Smith", txt, quotes=1) for txt in (plumber, senator, senator2)]
    store = Store(db_url)
    ingest_results(store, [
        article("plumber", plumber, [people[0]], [quote("q1", plumber, "the pipes froze", people[0])]),
        article("senator", senator, [people[1]], [quote("q1", senator, "the budget will pass", people[1])]),
    ])
    ids = _corpus_ids(store)
    assert ids[("plumber", "John Smith")] == ids[("senator", "John Smith")]
    with store.engine.connect() as conn:
        plumber_article = conn.execute(select(t.articles.c.id).where(t.articles.c.ext_id == "plumber")).scalar_one()
    with store.engine.begin() as conn:
        new_id = split_person(conn, ids[("senator", "John Smith")], [plumber_article])
    ids = _corpus_ids(store)
    assert ids[("plumber", "John Smith")] == new_id != ids[("senator", "John Smith")]

    # a later ingest rebuilds the corpus people: the senator's new article joins the senator
    ingest_results(store, [article("senator2", senator2, [people[2]],
                                   [quote("q1", senator2, "we have the votes", people[2])])])
    ids = _corpus_ids(store)
    assert ids[("senator2", "John Smith")] == ids[("senator", "John Smith")] != ids[("plumber", "John Smith")]
    with store.engine.connect() as conn:
        actions = conn.execute(select(t.corrections.c.action)).scalars().all()
    assert actions == ["split"]


PUTIN_NYT = 'President Vladimir V. Putin of Russia said "we are ready to talk" on Friday in Moscow.'
PUTIN_WIRE = 'Vladimir Putin said "sanctions will not work" at a news conference, Reuters reported.'
PUTIN_SHORT = 'Putin said "the West is to blame" and walked out.'
BUSH_43 = 'George W. Bush said "we will not tire" in a 2001 address to Congress.'
BUSH_41 = 'George H. W. Bush said "read my lips" at the 1988 convention.'
BUSH_PLAIN = 'George Bush said "it is a kinder nation" to the crowd.'
TRIBE_H = 'Laurence H. Tribe, a Harvard law professor, said the order "is unconstitutional" on Monday.'
TRIBE_K = 'Laurence K. Tribe, a retired teacher in Ohio, said "the road is a mess" this week.'


def _one(aid: str, text: str, name: str, content: str):
    p = person("p1", name, text, gender="male", evidence=["pronoun:he"], quotes=1)
    return article(aid, text, [p], [quote("q1", text, content, p)], outlet="Example Wire", published="2026-04-01")


def _putins():
    return [_one("nyt", PUTIN_NYT, "Vladimir V. Putin", "we are ready to talk"),
            _one("wire", PUTIN_WIRE, "Vladimir Putin", "sanctions will not work"),
            _one("short", PUTIN_SHORT, "Putin", "the West is to blame")]


def _bushes():
    return [_one("b43", BUSH_43, "George W. Bush", "we will not tire"),
            _one("b41", BUSH_41, "George H. W. Bush", "read my lips"),
            _one("plain", BUSH_PLAIN, "George Bush", "it is a kinder nation")]


def test_middle_initial_variant_joins_its_plain_name_when_it_is_the_only_one(db_url):
    store = Store(db_url)
    ingest_results(store, _putins())
    ids = _corpus_ids(store)
    assert ids[("nyt", "Vladimir V. Putin")] == ids[("wire", "Vladimir Putin")]
    # with one Putin left in the corpus, the surname alone now says which
    assert ids[("short", "Putin")] == ids[("wire", "Vladimir Putin")]
    assert find_person(store, "Putin")[0]["quote_count"] == 3


def test_two_different_middle_initials_keep_the_plain_name_and_each_other_apart(db_url):
    store = Store(db_url)
    ingest_results(store, _bushes())
    ids = _corpus_ids(store)
    assert len({ids[("b43", "George W. Bush")], ids[("b41", "George H. W. Bush")], ids[("plain", "George Bush")]}) == 3
    # two variants with no plain name between them never join either
    ingest_results(store, [_one("t1", TRIBE_H, "Laurence H. Tribe", "is unconstitutional"),
                           _one("t2", TRIBE_K, "Laurence K. Tribe", "the road is a mess")])
    ids = _corpus_ids(store)
    assert ids[("t1", "Laurence H. Tribe")] != ids[("t2", "Laurence K. Tribe")]


def test_middle_initial_join_is_the_same_one_article_at_a_time_and_in_a_full_rebuild(db_url):
    incremental, rebuilt = _one_at_a_time_then_rebuilt(db_url, [*_putins(), *_bushes()])
    assert _groups(incremental) == _groups(rebuilt)
    assert incremental[("nyt", "Vladimir V. Putin")] == incremental[("wire", "Vladimir Putin")]
    assert incremental[("plain", "George Bush")] != incremental[("b43", "George W. Bush")]


BARACK = ('President Barack Obama said Tuesday that the deal "makes America safer." '
          'Mr. Obama spoke at the White House, and he took no questions.')
MICHELLE = ('First lady Michelle Obama told students in Atlanta that "your education is your power." '
            'She visited two schools.')
POLL = ('Clinton leads by four points. The poll also showed that 59 percent disapprove of President '
        'Obama\u2019s performance, and she said "the country is on the wrong track."')


def _obamas():
    barack = person("p1", "Barack Obama", BARACK, aliases=["President Barack Obama", "Mr. Obama", "President Obama"],
                    gender="male", evidence=["honorific:Mr", "pronoun:he"], quotes=1)
    michelle = person("p1", "Michelle Obama", MICHELLE, aliases=["First lady Michelle Obama"], gender="female",
                      evidence=["pronoun:she"], quotes=1)
    # a stray "she" about the pollster read as the president's pronoun
    lone = person("p1", "Obama", POLL, aliases=["President Obama"], gender="female", evidence=["pronoun:she"])
    return [article("wh", BARACK, [barack], [quote("q1", BARACK, "makes America safer.", barack)]),
            article("atl", MICHELLE, [michelle], [quote("q1", MICHELLE, "your education is your power.", michelle,
                                                        cue="told")]),
            article("poll", POLL, [lone])]


def test_a_titled_surname_joins_the_title_holder_over_a_gender_read_from_pronouns(db_url):
    store = Store(db_url)
    ingest_results(store, _obamas())
    ids = _corpus_ids(store)
    assert ids[("poll", "Obama")] == ids[("wh", "Barack Obama")] != ids[("atl", "Michelle Obama")]


def test_a_gender_stated_by_an_honorific_still_keeps_a_titled_surname_apart(db_url):
    text = 'Mrs. Obama said "we go high" at the rally, and President Obama smiled.'
    mrs = person("p1", "Obama", text, aliases=["Mrs. Obama", "President Obama"], gender="female",
                 evidence=["honorific:Mrs"])
    store = Store(db_url)
    ingest_results(store, [*_obamas(), article("rally", text, [mrs])])
    ids = _corpus_ids(store)
    assert ids[("rally", "Obama")] == ids[("atl", "Michelle Obama")]


def test_the_title_rule_is_the_same_one_article_at_a_time_and_in_a_full_rebuild(db_url):
    incremental, rebuilt = _one_at_a_time_then_rebuilt(db_url, list(reversed(_obamas())))
    assert _groups(incremental) == _groups(rebuilt)
    assert incremental[("poll", "Obama")] == incremental[("wh", "Barack Obama")]


HUSSEIN = ('B. Hussein Obama has done it again, the blog said. "Barack Obama is out of touch," '
           'a reader wrote, and President Barack Obama did not reply.')


def test_a_name_with_an_initial_joins_the_full_first_name_its_article_gives(db_url):
    hussein = person("p1", "B. Hussein Obama", HUSSEIN, aliases=["Barack Obama", "President Barack Obama"])
    store = Store(db_url)
    ingest_results(store, [*_obamas(), article("blog", HUSSEIN, [hussein])])
    ids = _corpus_ids(store)
    assert ids[("blog", "B. Hussein Obama")] == ids[("wh", "Barack Obama")] != ids[("atl", "Michelle Obama")]


def test_a_group_is_named_by_the_name_most_entries_give_not_by_its_smallest_key(db_url):
    hussein = person("p1", "B. Hussein Obama", HUSSEIN, aliases=["Barack Obama", "President Barack Obama"])
    lone = [person("p1", "Obama", f'Obama said "we go on" in city {n}.', aliases=["President Obama"])
            for n in range(3)]
    again = 'Barack Obama said "the vote is close" on Friday.'
    barack = person("p1", "Barack Obama", again, gender="male", evidence=["pronoun:he"])
    store = Store(db_url)
    ingest_results(store, [*_obamas(), article("again", again, [barack]), article("blog", HUSSEIN, [hussein]),
                           *(article(f"lone{n}", f'Obama said "we go on" in city {n}.', [p]) for n, p in enumerate(lone))])
    found = find_person(store, "Obama")
    assert found[0]["name"] == "Barack Obama", found


BOTH = ('Barack Obama and Michelle Obama hosted the state dinner. Later President Obama said '
        '"we are honoured" in a toast.')


def test_a_titled_surname_kept_apart_from_namesakes_in_its_article_joins_the_title_holder(db_url):
    barack = person("p1", "Barack Obama", BOTH, gender="male", evidence=["name:Barack"])
    michelle = person("p2", "Michelle Obama", BOTH, gender="female", evidence=["name:Michelle"])
    toast = person("p3", "Obama", BOTH, aliases=["President Obama"], quotes=1)
    dinner = article("dinner", BOTH, [barack, michelle, toast], [quote("q1", BOTH, "we are honoured", toast)])
    incremental, rebuilt = _one_at_a_time_then_rebuilt(db_url, [dinner, *_obamas()])
    assert incremental[("dinner", "Obama")] == incremental[("wh", "Barack Obama")]
    assert incremental[("dinner", "Obama")] != incremental[("dinner", "Michelle Obama")]
    assert rebuilt == incremental
