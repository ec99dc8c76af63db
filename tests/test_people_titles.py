"""Titles and roles: pre-modifiers, appositives on both sides, copular clauses, ``as``."""

from __future__ import annotations

import pytest

from quotegraph.people import build_entities
from quotegraph.settings import Options


@pytest.fixture(scope="module")
def person(nlp):
    def _person(text: str, name: str):
        people = build_entities(nlp(text), [], Options(), None).people
        return next(p for p in people if p.name == name)

    return _person


def test_premodifier_role(person):
    p = person("Finance director David Tyler said sales were strong.", "David Tyler")
    assert "Finance director" in p.roles


def test_premodifier_before_a_courtesy_title(person):
    p = person("Home care assistant Mrs Janet Bell said: \"It was a shock.\"", "Janet Bell")
    assert "Home care assistant" in p.roles and "Mrs" in p.titles


def test_office_title_and_role_with_place(person):
    p = person("Ottawa Mayor Jim Carter says there is no need for an emergency.", "Jim Carter")
    assert "Ottawa Mayor" in p.roles and "Mayor" in p.titles


def test_abbreviated_office_title_is_one_title(person):
    p = person("\"We pulled back,\" said Dep. Chief Steve Marsh.", "Steve Marsh")
    assert "Dep. Chief" in p.titles


def test_appositive_after_keeps_the_organisation(person):
    text = (
        "Annette Kerr, divisional manager for medicine at North Tees Hospitals NHS Trust, said "
        "the error was regrettable."
    )
    p = person(text, "Annette Kerr")
    assert p.roles == ["divisional manager for medicine at North Tees Hospitals NHS Trust"]


def test_appositive_before_with_kinship_noun(person):
    p = person("She rang her brother, Kevin Doyle, at midnight.", "Kevin Doyle")
    assert "brother" in p.roles
    assert p.gender.value == "male" and "noun:brother" in p.gender.evidence


def test_clause_before_a_comma_is_not_an_appositive(person):
    p = person("After excusing the accused, Magistrate Jacob Sithole called him back.", "Jacob Sithole")
    assert "accused" not in " ".join(p.roles)
    assert "Magistrate" in p.titles


def test_copular_role(person):
    p = person("Rachel Obi is the chief executive of Lagos Water Corporation.", "Rachel Obi")
    assert any("chief executive of Lagos Water Corporation" in r for r in p.roles)


def test_as_phrase_role(person):
    p = person("Gary Lineker, who served as chairman of the trust, resigned.", "Gary Lineker")
    assert any("chairman of the trust" in r for r in p.roles)


def test_coordinated_premodifiers_each_get_their_own(nlp):
    people = build_entities(nlp("Both coach Rassie Botha and captain Siya Mkhize were pleased."), [], Options(), None).people
    roles = {p.name: p.roles for p in people}
    assert roles["Rassie Botha"] == ["coach"]
    assert roles["Siya Mkhize"] == ["captain"]


def test_became_and_was_named_give_roles(nlp):
    text = "Jane Roe became chief executive of the bank in 2019. Dotun Ayeni was named Commissioner for Works."
    people = {p.name: p for p in build_entities(nlp(text), [], Options(), None).people}
    assert any("chief executive of the bank" in r for r in people["Jane Roe"].roles)
    assert any("Commissioner for Works" in r for r in people["Dotun Ayeni"].roles)
