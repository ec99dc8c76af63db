"""Role descriptions (``the transport secretary``, ``the judge``) tied back to the person."""

from __future__ import annotations

from quotegraph.people import build_entities
from quotegraph.settings import Options


def _people(nlp, text):
    return {p.name: p for p in build_entities(nlp(text), [], Options(name_gender=False), None).people}


def test_description_becomes_a_mention_and_carries_pronoun_evidence(nlp):
    text = (
        "Transport Secretary Jane Doe visited the depot on Monday. Later the transport secretary "
        "said she would fund new buses."
    )
    jane = _people(nlp, text)["Jane Doe"]
    assert any(m.text == "the transport secretary" for m in jane.mentions)
    assert jane.gender.value == "female" and "pronoun:she" in jane.gender.evidence


def test_office_title_gives_the_description(nlp):
    text = "Judge Aisling Moran heard the case in Galway. The judge said the video was shocking."
    moran = _people(nlp, text)["Aisling Moran"]
    assert any(m.text == "The judge" for m in moran.mentions)


def test_a_role_two_people_hold_is_not_tied_to_either(nlp):
    text = (
        "Councillor Ann Hart and Councillor Bill Ross spoke. The councillor said the vote was rigged."
    )
    people = _people(nlp, text)
    for p in people.values():
        assert not any(m.text == "The councillor" for m in p.mentions)


def test_a_description_before_the_name_is_not_tied(nlp):
    text = "The judge was late. Judge Aisling Moran apologised to the court."
    moran = _people(nlp, text)["Aisling Moran"]
    assert not any(m.text == "The judge" for m in moran.mentions)
