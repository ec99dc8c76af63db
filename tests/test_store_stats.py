"""`stats sources` figures against a corpus built by hand, every answer worked out in advance.

North Star (two articles): Ann Ray (she: text), Bob Cole (Mr: text), Kim Park (first-name guess:
woman), Lee Moss (unknown), Dan Wu (first-name guess: man); Ann is quoted in both articles.
No outlet, no date (one article): Eva Low (she: text), Sam Fox (unknown). Zoe Quiet is named
but never quoted, so she is not a quoted source anywhere.
"""

from __future__ import annotations

import pytest
from test_store_support import article, person, quote

from quotegraph.store import Store
from quotegraph.store.ingest import ingest_results
from quotegraph.store.query import source_stats

N1 = ('Ann Ray said "the port will reopen" and she smiled. Mr Bob Cole said "not before May" later. '
      'Kim Park said "we are ready" too. Lee Moss said "nobody asked us" outside. Zoe Quiet watched.')
N2 = 'Ann Ray said "the ships are back" on Monday. Dan Wu said "prices will fall" at the market.'
X1 = 'Eva Low said "the school stays open" and she left. Sam Fox said "good news" to the crowd.'


def _corpus():
    n1 = [person("p1", "Ann Ray", N1, gender="female", evidence=["pronoun:she"], quotes=1),
          person("p2", "Bob Cole", N1, aliases=["Mr Bob Cole"], gender="male", evidence=["honorific:Mr"], quotes=1),
          person("p3", "Kim Park", N1, gender="female", evidence=["name:Kim"], quotes=1),
          person("p4", "Lee Moss", N1, quotes=1),
          person("p5", "Zoe Quiet", N1, gender="female", evidence=["name:Zoe"])]
    n2 = [person("p1", "Ann Ray", N2, gender="female", evidence=["name:Ann"], quotes=1),
          person("p2", "Dan Wu", N2, gender="male", evidence=["name:Dan"], quotes=1)]
    x1 = [person("p1", "Eva Low", X1, gender="female", evidence=["pronoun:she"], quotes=1),
          person("p2", "Sam Fox", X1, quotes=1)]
    said = {"Ann Ray": "the port will reopen", "Bob Cole": "not before May", "Kim Park": "we are ready",
            "Lee Moss": "nobody asked us"}
    return [
        article("n1", N1, n1, [quote(f"q{i}", N1, said[p.name], p) for i, p in enumerate(n1[:4], 1)],
                outlet="North Star", published="2026-03-02"),
        article("n2", N2, n2,
                [quote("q1", N2, "the ships are back", n2[0]), quote("q2", N2, "prices will fall", n2[1])],
                outlet="North Star", published="2026-04-09"),
        article("x1", X1, x1, [quote("q1", X1, "the school stays open", x1[0]), quote("q2", X1, "good news", x1[1])]),
    ]


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    ingest_results(store, _corpus())
    return store


def _figures(row: dict) -> tuple:
    return (row["people"], row["women"], row["men"], row["unknown"], row["share_women"],
            row["share_women_low"], row["share_women_high"])


def _evidence(row: dict) -> tuple:
    return (row["gender_from_text"], row["gender_from_name"], row["gender_from_correction"],
            row["by_honorific"], row["by_pronoun"], row["by_other_text"])


def test_by_outlet_with_all_evidence(store):
    rows = {r["outlet"]: r for r in source_stats(store, ["outlet"])}
    assert list(rows) == ["(no outlet)", "North Star", "(total)"]  # total last, unlabelled outlet named
    assert _figures(rows["North Star"]) == (5, 2, 2, 1, 0.5, 0.4, 0.6)
    assert _evidence(rows["North Star"]) == (2, 2, 0, 1, 1, 0)  # Ann: pronoun, Bob: honorific; Kim, Dan: names
    assert _figures(rows["(no outlet)"]) == (2, 1, 0, 1, 1.0, 0.5, 1.0)
    assert _figures(rows["(total)"]) == (7, 3, 2, 2, 0.6, 0.4286, 0.7143)
    assert _evidence(rows["(total)"]) == (3, 2, 0, 1, 2, 0)


def test_text_evidence_only_turns_name_guesses_into_unknowns(store):
    rows = {r["outlet"]: r for r in source_stats(store, ["outlet"], evidence="text")}
    assert _figures(rows["North Star"]) == (5, 1, 1, 3, 0.5, 0.2, 0.8)
    assert _evidence(rows["North Star"]) == (2, 0, 0, 1, 1, 0)
    assert _figures(rows["(total)"]) == (7, 2, 1, 4, 0.6667, 0.2857, 0.8571)


def test_by_month_and_outlet_month(store):
    by_month = {r["month"]: r["people"] for r in source_stats(store, ["month"])}
    assert by_month == {"(no date)": 2, "2026-03": 4, "2026-04": 2, "(total)": 7}
    both = [(r["outlet"], r["month"], r["people"]) for r in source_stats(store, ["outlet", "month"])]
    assert both == [("(no outlet)", "(no date)", 2), ("North Star", "2026-03", 4), ("North Star", "2026-04", 2),
                    ("(total)", "", 7)]


def test_no_known_gender_gives_no_share(db_url):
    text = 'Sam Fox said "good news" to the crowd.'
    fox = person("p1", "Sam Fox", text, quotes=1)
    store = Store(db_url)
    ingest_results(store, [article("a", text, [fox], [quote("q1", text, "good news", fox)], outlet="Tiny")])
    [tiny, total] = source_stats(store, ["outlet"])
    assert _figures(tiny) == (1, 0, 0, 1, None, 0.0, 1.0) and total["people"] == 1
    with pytest.raises(ValueError):
        source_stats(store, ["outlet"], evidence="names")
