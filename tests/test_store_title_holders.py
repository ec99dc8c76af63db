"""Office titles across a corpus: a titled surname the article does not give to its only
namesake (a wife, a first lady) is an entry of its own, which corpus grouping joins to the person
who holds the office; `check` then finds no alias shared by two people.

Articles are extracted by the real pipeline, stored, grouped one at a time and rebuilt; each
assertion fails if the article rule (people/title_holders.py) is taken out."""

from __future__ import annotations

from test_store_people import _corpus_ids, _groups, _one_at_a_time_then_rebuilt

from quotegraph.store import Store
from quotegraph.store.check import check
from quotegraph.store.ingest import ingest_results

ARTICLES = {
    # wire copy: the office with the full name
    "wire": ('Obama signs the budget.\n\nPresident Barack Obama signed the budget on Tuesday. "This keeps '
             'the lights on," Obama said at the White House.\n'),
    "wire2": ('Obama in Ohio.\n\nPresident Barack Obama told workers in Toledo that "the plant will stay '
              'open." He spoke for twenty minutes.\n'),
    # plagiarism story: the wife named in full, the husband in a possessive, then his title
    "plagiarism": ('Beyond plagiarism.\n\nPortions of her speech were almost identical to parts of Michelle '
                   'Obama\'s speech in 2008. "It\'s plagiarism," David Axelrod, the chief strategist of '
                   'Barack Obama\'s 2008 campaign, said on CNN. Newt Gingrich noted that President Obama '
                   'has survived such criticism.\n'),
    "bush43": ('Bush opens library.\n\nPresident George W. Bush opened his library in Dallas. "History will '
               'judge," Bush said.\n'),
    # Q&A: the former first lady, and "President Bush" for her husband
    "qa": ('Laura Bush sees hope for Afghan women.\n\nFormer first lady Laura Bush wrote the introduction for '
           'a new book. She sat down this week to discuss the war.\n\nQ: You\'ve stayed on the sidelines '
           'since leaving the White House, and so has President Bush.\n\nA: We got off the sidelines for '
           'Jeb.\n'),
    # two namesakes told apart by their roles: a union group's deputy director, a Broadway star
    "unions": ('Unions split on Trump.\n\nBut Matt Morrison, the group\'s deputy director, said many Trump '
               'supporters were receptive. "We could see that his brand takes a hit," Mr. Morrison said.\n'),
    "broadway": ('Broadway beat.\n\nMatthew Morrison, the star of \'Finding Neverland,\' is leaving the '
                 'musical next month. Mr. Morrison has been with the show since it began.\n'),
}


def _results(run):
    return [run(text, id=key) for key, text in ARTICLES.items()]


def _lone(ids: dict[tuple[str, str], int], article: str, surname: str) -> int:
    return next(cid for (art, name), cid in ids.items() if art == article and name == surname)


def test_a_titled_surname_joins_the_office_holder_not_the_wife(run, db_url):
    incremental, rebuilt = _one_at_a_time_then_rebuilt(db_url, _results(run))
    assert _groups(incremental) == _groups(rebuilt)
    assert _lone(incremental, "plagiarism", "Obama") == incremental[("wire", "Barack Obama")]
    assert incremental[("plagiarism", "Michelle Obama")] != incremental[("wire", "Barack Obama")]
    assert _lone(incremental, "qa", "Bush") == incremental[("bush43", "George W. Bush")]
    assert incremental[("qa", "Laura Bush")] != incremental[("bush43", "George W. Bush")]


def test_check_finds_no_shared_alias_in_the_corpus(run, db_url):
    store = Store(db_url)
    ingest_results(store, _results(run))
    ids = _corpus_ids(store)
    assert ids[("unions", "Matt Morrison")] != ids[("broadway", "Matthew Morrison")]
    found = check(store)["shared_aliases"]
    assert found["count"] == 0, found["items"]
