"""Organisations and places with aliases; surnames the model mislabels are not organisations."""

from __future__ import annotations

from quotegraph.people import build_entities
from quotegraph.settings import Options


def _ents(nlp, text):
    return build_entities(nlp(text), [], Options(), None)


def test_bracketed_acronym_is_an_alias_and_later_uses_join(nlp):
    text = (
        "A report by South Tees Hospitals NHS Trust (STHT) found delays. STHT said it would "
        "review its records."
    )
    org = next(o for o in _ents(nlp, text).organizations if o.name == "South Tees Hospitals NHS Trust")
    assert "STHT" in org.aliases
    assert len([m for m in org.mentions if m.text == "STHT"]) == 2
    assert org.id == "o1"


def test_clipped_name_is_an_alias(nlp):
    text = "The Federal Reserve held rates on Wednesday. The Fed said inflation was easing."
    orgs = _ents(nlp, text).organizations
    fed = next(o for o in orgs if o.name == "Federal Reserve")
    assert "Fed" in fed.aliases
    assert not any(o.name == "Fed" for o in orgs)


def test_places_get_g_ids_and_surnames_are_not_places(nlp):
    text = "Kolisi said the crowd in Mbombela was superb. Captain Siya Kolisi thanked Johannesburg fans."
    ents = _ents(nlp, text)
    places = {g.name for g in ents.places}
    assert "Kolisi" not in places
    assert all(g.id.startswith("g") for g in ents.places)
    assert any(p.name == "Siya Kolisi" for p in ents.people)


def test_mentions_point_at_the_text(nlp):
    text = "The Metropolitan Police fined the Prime Minister. The Metropolitan Police declined to comment."
    ents = _ents(nlp, text)
    met = next(o for o in ents.organizations if o.name == "Metropolitan Police")
    assert len(met.mentions) == 2
    for m in met.mentions:
        assert text[m.start : m.end] == m.text == "Metropolitan Police"


def test_leading_words_of_a_longer_name_are_an_alias(nlp):
    text = (
        "Maple Leaf Foods will close its plant in Thamesford next year. Maple Leaf said the "
        "workers would be offered jobs at its Mitchell site."
    )
    orgs = _ents(nlp, text).organizations
    mlf = next(o for o in orgs if o.name == "Maple Leaf Foods")
    assert "Maple Leaf" in mlf.aliases
    assert not any(o.name == "Maple Leaf" for o in orgs)


def test_unlabelled_company_and_split_name_are_found(nlp):
    text = (
        "Brewer Thornbury Ales has closed 12 pubs. The British Beer and Pub Association said a "
        "fifth of its members were trading at a loss. Member of Parliament Jo Reid called for help."
    )
    names = {o.name for o in _ents(nlp, text).organizations}
    assert "Thornbury Ales" in names
    assert "British Beer and Pub Association" in names
    assert "Member of Parliament" not in names
