"""Person clustering: names, surnames, honorific forms, possessives, first names, and what
must not become a person."""

from __future__ import annotations

import pytest

from quotegraph.people import build_entities
from quotegraph.settings import Options


@pytest.fixture(scope="module")
def people_of(nlp):
    def _people(text: str, **options):
        return build_entities(nlp(text), [], Options(**options), None).people

    return _people


def _by_name(people):
    return {p.name: p for p in people}


def test_full_name_surname_and_honorific_forms_cluster(people_of):
    text = (
        "Council leader Helen Marsh defended the budget on Tuesday. Mrs Marsh said the cuts were "
        "unavoidable. Marsh's deputy, Owen Price, agreed. Mr. Price called the plan fair."
    )
    people = _by_name(people_of(text))
    assert set(people) == {"Helen Marsh", "Owen Price"}
    assert {"Mrs Marsh", "Marsh"} <= set(people["Helen Marsh"].aliases)
    assert {"Mr. Price"} <= set(people["Owen Price"].aliases)
    # possessive form counted as a mention of the same person, without the 's
    assert any(m.text == "Marsh" for m in people["Helen Marsh"].mentions)
    assert all("'s" not in a for a in people["Helen Marsh"].aliases)


def test_same_surname_different_first_names_stay_apart_and_honorific_gender_decides(people_of):
    text = (
        "Joan Whelan learned of the mix-up from her son, Declan Whelan, and her sister-in-law, "
        "Bridget Whelan. Mrs Whelan, 72, said she was shaken. Mr Whelan, 45, said the hospital "
        "had apologised."
    )
    people = _by_name(people_of(text))
    assert {"Joan Whelan", "Declan Whelan", "Bridget Whelan"} <= set(people)
    assert people["Declan Whelan"].age == 45
    assert "Mr Whelan" in people["Declan Whelan"].aliases
    assert "Mr Whelan" not in people["Joan Whelan"].aliases


def test_longer_name_absorbs_shorter_forms(people_of):
    text = (
        "The governor, Alhaji Ahmed Usman Bako, spoke on Monday. Usman Bako said the roads would be "
        "repaired. Bako later visited the site."
    )
    people = _by_name(people_of(text))
    assert "Ahmed Usman Bako" in people
    assert {"Usman Bako", "Bako"} <= set(people["Ahmed Usman Bako"].aliases)
    assert len(people) == 1


def test_surname_the_model_labels_as_a_place_still_joins_the_person(people_of):
    text = (
        "Captain Siyabonga Ntuli led the side. Ntuli said the win mattered. "
        "Ntuli, who scored twice, was named man of the match."
    )
    people = _by_name(people_of(text))
    assert "Siyabonga Ntuli" in people
    assert len([m for m in people["Siyabonga Ntuli"].mentions if m.text == "Ntuli"]) == 2


def test_shops_and_places_are_not_people(people_of):
    text = (
        "Retail group Kingsmere said sales at Homebase rose 4%. Finance director Paul Tovey said "
        "Burberry was not for sale. The store on Mitchell Street will close."
    )
    names = {p.name for p in people_of(text)}
    assert names == {"Paul Tovey"}


def test_first_name_alone_is_a_person(people_of):
    text = "Mr Hughes's wife Carrie was also fined. Carrie did not comment."
    people = _by_name(people_of(text))
    assert "Carrie" in people
    assert len([m for m in people["Carrie"].mentions if m.text == "Carrie"]) == 2


def test_ids_are_numbered_in_text_order(people_of):
    text = "Ann Lee met Tom Ray. Later Tom Ray left."
    people = people_of(text)
    assert [p.id for p in people] == ["p1", "p2"]
    assert [p.name for p in people] == ["Ann Lee", "Tom Ray"]


def test_non_breaking_space_names_through_the_pipeline(run):
    result = run("Health Minister Mary\u00a0O'Neill said the wards were full. Ms\u00a0O'Neill added more beds.")
    person = next(p for p in result.people if p.name.startswith("Mary"))
    assert person.name == "Mary O'Neill"
    assert any(a.startswith("Ms") for a in person.aliases)
    for m in person.mentions:
        assert result.text[m.start : m.end] == m.text


def test_first_names_and_surnames_that_are_also_common_words(people_of):
    text = "Councillor Bill Ross met playwright Lee Hall and Doris Day. Mr Ross said the talks went well."
    people = _by_name(people_of(text))
    assert {"Bill Ross", "Lee Hall", "Doris Day"} <= set(people)
    assert "Mr Ross" in people["Bill Ross"].aliases


def test_organisation_short_form_is_not_a_person_but_a_founder_is(people_of):
    text = (
        "Maple Leaf Foods will close its plant next year. Maple Leaf said workers would be offered "
        "jobs. Bill Gates spoke at the Bill Gates Foundation."
    )
    names = {p.name for p in people_of(text)}
    assert "Maple Leaf" not in names
    assert "Bill Gates" in names


def test_surname_that_is_also_a_title(people_of):
    people = _by_name(people_of("Howard Dean said the party would win. Dean added that the polls were wrong."))
    assert "Howard Dean" in people
    assert "Dean" in people["Howard Dean"].aliases
