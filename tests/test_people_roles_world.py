"""Roles and titles written the way outlets outside the UK and US write them (and court copy):
stacked abbreviated ranks, lists of titled names, hyphenated offices, editorial brackets,
counsel named by their side, post-nominal ranks, long offices inside organisation names."""

from __future__ import annotations

import pytest

from quotegraph.people import build_entities
from quotegraph.settings import Options


@pytest.fixture(scope="module")
def people(nlp):
    def _people(text: str):
        return {p.name: p for p in build_entities(nlp(text), [], Options(), None).people}

    return _people


def test_stacked_abbreviated_ranks_keep_the_role_in_front(people):
    # Philippine wire style: the parser may end a sentence at "Brig."
    found = people("MANILA - Cebu City police director Brig. Gen. Ramon Alcantara ordered a review on Monday.")
    p = found["Ramon Alcantara"]
    assert "Brig. Gen." in p.titles
    assert any("Cebu City police director" in r for r in p.roles)


def test_a_list_of_titled_names_gives_each_only_its_own_role(people):
    text = ("The mayor thanked regional director Brig. Gen. Jose Ramos, provincial police chief "
            "Col. Maria Lopez, Pres. Ferdinand Reyes, and the volunteers.")
    found = people(text)
    assert not any("Lopez" in r for r in found["Jose Ramos"].roles)
    assert not any("Pres" in r for r in found["Maria Lopez"].roles)
    assert "Pres." in found["Ferdinand Reyes"].titles


def test_trade_noun_before_a_name_is_a_role(people):
    # Jamaican copy: an inverted attribution with a trade before the name
    text = '"Business is slow this season," said higgler Marcia Brown, as she packed up her stall.'
    assert "higgler" in people(text)["Marcia Brown"].roles


def test_occupation_before_a_name_is_a_role(people):
    found = people("Police questioned the family of flight attendant Joy Santos on Tuesday.")
    assert "flight attendant" in found["Joy Santos"].roles


def test_hyphenated_office_stays_whole(run):
    result = run("Hornell village Clerk-Treasurer Ann Polk said the budget was balanced for the first time.")
    p = next(p for p in result.people if p.name == "Ann Polk")
    assert "Hornell village Clerk-Treasurer" in p.roles


def test_office_with_a_coordinated_portfolio(people):
    text = "Kenya Power's head of finance and administration, Peter Otieno, said tariffs would rise."
    assert any("head of finance and administration" in r for r in people(text)["Peter Otieno"].roles)


def test_office_inside_an_organisation_name_with_connectors(people):
    # Liberian copy: a long office, then an abbreviated title before the name
    text = ("Deputy Director for Planning at the Ministry of Public Works, Atty. Grace Mensah, "
            "has denied the claims.")
    p = people(text)["Grace Mensah"]
    assert "Atty." in p.titles
    assert "Deputy Director for Planning at the Ministry of Public Works" in p.roles
    assert "Atty" not in people(text)


def test_post_nominal_rank_is_not_part_of_the_name(people, run):
    text = ("Judge Alan Price QC jailed the pair for six years.\n\n"
            "Judge Price QC said the attack had been planned for weeks.\n")
    p = people(text)["Alan Price"]
    assert "Judge Price" in p.aliases
    result = run(text)
    assert [q.speaker_name for q in result.quotes] == ["Alan Price"]


@pytest.mark.parametrize("text, name, role", [
    ("“Him and [Trustee] David Mensah used to put up the lights every winter,” Kofi Boateng said.",
     "David Mensah", "Trustee"),
    ("“She and [Councillor] Peter Walsh fought for that road for years,” said Mary Doyle.",
     "Peter Walsh", "Councillor"),
])
def test_role_in_editorial_brackets(run, text, name, role):
    p = next(p for p in run(text).people if p.name == name)
    assert role in p.roles


def test_counsel_named_by_their_side(people):
    text = "Tom Reed, prosecuting, said the attack was planned. Jane Hill, defending, said her client was sorry."
    found = people(text)
    assert found["Tom Reed"].roles == ["prosecuting"]
    assert found["Jane Hill"].roles == ["defending"]
