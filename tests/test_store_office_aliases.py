"""An office title that an article joined to a full name by the surname alone belongs to the
namesake the rest of the corpus gives that office (store/office_aliases.py).

Each story names one relative in full, with no role, and the office holder only as title +
surname (``Governor Whitaker``), so the article rule gives the title to the relative; other
articles name the holder with the office in full. Articles are extracted by the real pipeline
and stored in a real database; each assertion marked so fails without the corpus rule."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select
from test_store_people import _corpus_ids, _groups, _one_at_a_time_then_rebuilt

from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.check import check
from quotegraph.store.ingest import ingest_results
from quotegraph.store.merge import name_key
from quotegraph.store.office_aliases import offices_in_full, surname_office

# US: wire copy and a feature give the former governor in full; a campaign story on his wife,
# with a line on a developer "who once sued Governor Whitaker", gives her nothing but her name.
WHITAKER = {
    "ap": ("Whitaker backs school levy.\n\nCOLUMBUS, Ohio (AP) - Former Gov. Tom Whitaker urged voters on "
           "Tuesday to renew the school levy he signed in 2009. \"Every district in this state needs it,\" "
           "Whitaker told reporters outside the Statehouse.\n"),
    "feature": ("The levy that made a governor.\n\nWhen Governor Tom Whitaker signed the school levy, teachers "
                "packed the gallery. Governor Whitaker called it \"the best day of my career,\" and aides said "
                "he kept the pen.\n"),
    "campaign": ("Whitaker Camp Fumes Over Debate Guest.\n\nSarah Whitaker's campaign said on Sunday that the "
                 "debate guest list was \"a stunt.\" Ray Dunn, the developer who once sued Governor Whitaker "
                 "over the levy, will sit in the front row, organisers said. Sarah Whitaker has accepted three "
                 "debates.\n"),
}
# UK local paper: the council leader in full twice; a business story on a baker of his surname.
PEARCE = {
    "car-parks": ("Car park charges scrapped.\n\nCllr Rob Pearce, leader of Harrowgate Borough Council, said "
                  "the charges would go from April. \"Shoppers have told us loud and clear,\" Cllr Pearce "
                  "said.\n"),
    "budget": ("Council leader defends budget.\n\nCouncillor Rob Pearce has defended the council's budget "
               "after a row over library hours. Councillor Pearce said the cuts were \"the least bad "
               "option\".\n"),
    "bakery": ("Bakery wins regional award.\n\nJenny Pearce opened the Crumb & Co bakery on the high street in "
               "2019. She said the award was \"a lovely surprise\" and thanked Councillor Pearce for cutting "
               "the ribbon on opening day. Jenny Pearce employs six people.\n"),
}
# Readers' letters: a candidate named in full, her father only as "Mayor Delgado".
DELGADO = {
    "honoured": ("Former mayor honoured.\n\nFormer Mayor Luis Delgado was honoured on Friday at the waterfront "
                 "he rebuilt. \"This city gave me everything,\" Delgado said.\n"),
    "anniversary": ("Waterfront turns twenty.\n\nMayor Luis Delgado opened the waterfront park twenty years ago "
                    "this week. Mayor Delgado said at the time that \"the river belongs to everyone\".\n"),
    "letters": ("Letters: The mayor's legacy.\n\nLETTERS.\n\nI read with interest your profile of Rosa Delgado "
                "and her bid for the council. She has my vote. When Mayor Delgado rebuilt the waterfront, the "
                "whole city benefited, and the family name still means something here.\n\nMaria Lopez.\n\n"
                "Tucson, Ariz.\n"),
}
STORIES = [  # articles, the relative's article and name, the holder's article and name, the alias
    (WHITAKER, ("campaign", "Sarah Whitaker"), ("ap", "Tom Whitaker"), "Governor Whitaker"),
    (PEARCE, ("bakery", "Jenny Pearce"), ("budget", "Rob Pearce"), "Councillor Pearce"),
    (DELGADO, ("letters", "Rosa Delgado"), ("anniversary", "Luis Delgado"), "Mayor Delgado"),
]


def _results(run, articles: dict[str, str]):
    return [run(text, id=key) for key, text in articles.items()]


def _corpus_aliases(store: Store, corpus_id: int) -> list[str]:
    with store.engine.connect() as conn:
        return json.loads(conn.execute(select(t.corpus_people.c.aliases)
                                       .where(t.corpus_people.c.id == corpus_id)).scalar_one())


def _article_aliases(store: Store, article: str, name: str) -> list[str]:
    with store.engine.connect() as conn:
        return json.loads(conn.execute(
            select(t.people.c.aliases).join(t.articles, t.articles.c.id == t.people.c.article_id)
            .where(t.articles.c.ext_id == article, t.people.c.name == name)).scalar_one())


@pytest.mark.parametrize(("articles", "relative", "holder", "alias"), STORIES, ids=["us", "uk", "letters"])
def test_the_office_stays_with_the_namesake_the_corpus_gives_it(run, db_url, articles, relative, holder, alias):
    store = Store(db_url)
    ingest_results(store, _results(run, articles))
    ids = _corpus_ids(store)
    # the article alone gives the title to the only namesake: the extraction is not changed
    assert alias in _article_aliases(store, *relative)
    assert ids[relative] != ids[holder]
    assert alias not in _corpus_aliases(store, ids[relative])  # fails without the rule
    assert alias in _corpus_aliases(store, ids[holder])
    found = check(store)["shared_aliases"]
    assert found["count"] == 0, found["items"]  # fails without the rule


def test_a_lone_titled_surname_elsewhere_joins_the_holder(run, db_url):
    """The relative's borrowed title no longer counts for her when a lone "Governor Whitaker"
    is placed by its title (2 to 1 before: no clear holder, so it stayed apart)."""
    lone = ("Levy vote set for May.\n\nThe board voted 5-2 to put the levy on the May ballot. Supporters "
            "cited Governor Whitaker, who signed the first levy. \"He would want this,\" said board member "
            "Ann Cole.\n")
    incremental, rebuilt = _one_at_a_time_then_rebuilt(db_url, _results(run, {**WHITAKER, "lone": lone}))
    assert _groups(incremental) == _groups(rebuilt)
    assert incremental[("lone", "Whitaker")] == incremental[("ap", "Tom Whitaker")]  # fails without the rule
    assert incremental[("campaign", "Sarah Whitaker")] != incremental[("ap", "Tom Whitaker")]


def test_an_office_the_person_is_also_given_in_full_stays(run, db_url):
    """Sarah Whitaker is governor too in one story: one full holding against two is no clear
    other holder, so her titled surname stays hers."""
    sworn = ("Whitaker sworn in.\n\nGovernor Sarah Whitaker took the oath on Monday, eight years after her "
             "husband left the office. \"I am ready,\" she said.\n")
    store = Store(db_url)
    ingest_results(store, _results(run, {**WHITAKER, "sworn": sworn}))
    ids = _corpus_ids(store)
    assert "Governor Whitaker" in _corpus_aliases(store, ids[("campaign", "Sarah Whitaker")])


def test_a_namesake_of_the_same_first_name_does_not_take_the_office(run, db_url):
    """Only a namesake of another first name can be told apart by the corpus: the governor
    George H. W. Whitaker does not take the title from George W. Whitaker's story."""
    articles = {
        "father": ("Whitaker backs levy.\n\nFormer Gov. George H. W. Whitaker urged voters on Tuesday to renew "
                   "the school levy. \"It works,\" Whitaker said.\n"),
        "son": ("Whitaker opens law office.\n\nGeorge W. Whitaker opened a law practice downtown on Monday. A "
                "client who once sued Governor Whitaker over the levy was his first visitor.\n"),
    }
    store = Store(db_url)
    ingest_results(store, _results(run, articles))
    ids = _corpus_ids(store)
    assert ids[("son", "George W. Whitaker")] != ids[("father", "George H. W. Whitaker")]
    assert "Governor Whitaker" in _corpus_aliases(store, ids[("son", "George W. Whitaker")])


def test_surname_office_reads_titles_and_the_surname_alone():
    assert surname_office("Sen. Sanders", "sanders", name_key) == "senator"
    assert surname_office("Former President Clinton", "clinton", name_key) == "president"
    assert surname_office("Mr Clinton", "clinton", name_key) is None  # a courtesy word, no office
    assert surname_office("President Bill Clinton", "clinton", name_key) is None  # a full name
    assert surname_office("Clinton", "clinton", name_key) is None


def test_offices_in_full_come_from_titled_full_names_only():
    class Row:
        name, aliases = "Bill Clinton", json.dumps(["President Bill Clinton", "Gov. Bill Clinton", "Mr Clinton",
                                                    "Senator Clinton"])
    assert offices_in_full(Row, name_key) == {"president", "governor"}


def test_corpus_grouping_reads_office_words_without_loading_the_parser():
    """``people rebuild`` and the corrections regroup without spaCy (quotegraph/offices.py)."""
    code = "import sys, quotegraph.store.merge; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
