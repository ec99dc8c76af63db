"""Constructions of outlets outside the US and UK: local titles and attributions."""

from __future__ import annotations


def _person(result, name):
    return next(p for p in result.people if p.name == name)


def test_his_excellency_is_a_title_and_the_governor_resolves_to_him(run):
    result = run(
        "His Excellency Governor Amaka Obi said the state would clear pension arrears by March.\n\n"
        '"We have paid every salary owed since January," the governor said.\n')
    obi = _person(result, "Amaka Obi")
    assert "His Excellency" in obi.titles
    assert [q.speaker_name for q in result.quotes] == ["Amaka Obi", "Amaka Obi"]
    assert obi.quote_count == 2


def test_chief_minister_title_and_pronoun_after_quoted_as_saying(run):
    result = run(
        "Chief Minister Rekha Varma told reporters that the new hospital would open in June.\n\n"
        'She was quoted as saying by the Deccan Courier: "No patient will be turned away."\n')
    varma = _person(result, "Rekha Varma")
    assert "Chief Minister" in varma.titles
    assert varma.gender.value == "female" and "pronoun:she" in varma.gender.evidence
    direct = [q for q in result.quotes if q.type == "direct"]
    assert direct and direct[0].speaker_name == "Rekha Varma"
    indirect = [q for q in result.quotes if q.type == "indirect"]
    assert indirect and "hospital would open" in indirect[0].text and indirect[0].speaker_name == "Rekha Varma"


def test_mr_with_a_period_joins_the_full_name(run):
    result = run(
        "Shop owner Ramesh Poojary, 52, said sales had halved since the bridge closed.\n\n"
        '"We are surviving on regular customers," Mr. Poojary said.\n')
    poojary = _person(result, "Ramesh Poojary")
    assert "Mr. Poojary" in poojary.aliases and poojary.age == 52
    assert poojary.gender.value == "male" and "honorific:Mr" in " ".join(poojary.gender.evidence).replace("Mr.", "Mr")
    assert {q.speaker_name for q in result.quotes} == {"Ramesh Poojary"}
