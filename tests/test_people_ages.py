"""Ages written next to a name or in a description that stands for a person."""

from __future__ import annotations

from quotegraph.people import build_entities
from quotegraph.settings import Options


def _ages(nlp, text):
    return {p.name: p.age for p in build_entities(nlp(text), [], Options(), None).people}


def test_comma_age(nlp):
    assert _ages(nlp, "Kevin Doyle, 55, said the ward was quiet.")["Kevin Doyle"] == 55


def test_bracket_age_and_comma_bracket(nlp):
    text = "The case involved Tommy Garvey (34), of Mullingar, and Aldo Rizzo, (23), of Athlone."
    ages = _ages(nlp, text)
    assert ages["Tommy Garvey"] == 34 and ages["Aldo Rizzo"] == 23


def test_aged(nlp):
    assert _ages(nlp, "A man, named locally as Peter Quinn, aged 71, died.")["Peter Quinn"] == 71


def test_year_old_appositive_and_premodifier(nlp):
    ages = _ages(nlp, "Mark Dube, a 27-year-old man from Hazyview, appeared in court. "
                      "The victim, 19-year-old Lerato Moyo, was treated in hospital.")
    assert ages["Mark Dube"] == 27
    assert ages["Lerato Moyo"] == 19


def test_the_n_year_old_refers_to_the_person_named_before(nlp):
    text = "Liam Burke was cycling home when he was hit. The 31-year-old was taken to hospital."
    assert _ages(nlp, text)["Liam Burke"] == 31


def test_age_of_honorific_form_goes_to_the_right_person(nlp):
    text = "Mary Kane and her son, Sean Kane, were there. Mrs Kane, 84, was asleep. Mr Kane, 55, was not."
    ages = _ages(nlp, text)
    assert ages["Mary Kane"] == 84 and ages["Sean Kane"] == 55


def test_numbers_that_are_not_ages(nlp):
    ages = _ages(nlp, "Anna Berg, 2,000 people and a £50 fine were mentioned by Tom Hill.")
    assert ages["Anna Berg"] is None and ages["Tom Hill"] is None
