"""Gender only from evidence, each value with its evidence labels; the first-name fallback is
labelled and can be switched off."""

from __future__ import annotations

from quotegraph.people import build_entities
from quotegraph.people.evidence import GenderEvidence
from quotegraph.people.gender import decide
from quotegraph.settings import Options


def _people(nlp, text, **options):
    return {p.name: p for p in build_entities(nlp(text), [], Options(**options), None).people}


def test_honorific_and_title_evidence(nlp):
    people = _people(nlp, "Ms Priya Nair met Sir Alan Webb and Dame Judith Orr.")
    assert people["Priya Nair"].gender.value == "female"
    assert people["Priya Nair"].gender.evidence == ["honorific:Ms"]
    assert people["Alan Webb"].gender.evidence == ["title:Sir"]
    assert people["Judith Orr"].gender.value == "female" and people["Judith Orr"].gender.evidence == ["title:Dame"]


def test_pronoun_in_the_same_sentence_after_the_subject(nlp):
    people = _people(nlp, "Coun. Laura Dunne said she was proud of her ward.", name_gender=False)
    g = people["Laura Dunne"].gender
    assert g.value == "female" and "pronoun:she" in g.evidence


def test_subject_pronoun_opening_the_next_sentence(nlp):
    text = "Deputy Commissioner Kavya Rao reviewed the wards on Monday. She said more beds were ready."
    g = _people(nlp, text, name_gender=False)["Kavya Rao"].gender
    assert g.value == "female" and g.evidence == ["pronoun:she"]


def test_pronoun_is_not_used_when_another_person_is_named_in_between(nlp):
    text = "Sam Ortiz met Robin Hale at the depot. He said the trains were late."
    people = _people(nlp, text, name_gender=False)
    assert people["Sam Ortiz"].gender.value == "unknown"
    assert people["Robin Hale"].gender.value == "unknown"


def test_pronouns_inside_quotation_marks_are_not_evidence(nlp):
    text = "Chris Adeyemi said: \"She told me the results were in.\""
    g = _people(nlp, text, name_gender=False)["Chris Adeyemi"].gender
    assert g.value == "unknown" and g.evidence == []


def test_pronouns_inside_single_quotation_marks_are_not_evidence(nlp):
    # UK style: single marks; the quote finder's pairing decides what is quoted, for every stage
    text = "Prosecutor Alex Morgan said the defendant was 'a man who said she would pay', and left."
    g = _people(nlp, text, name_gender=False)["Alex Morgan"].gender
    assert g.value == "unknown" and g.evidence == []


def test_name_fallback_is_labelled_and_can_be_switched_off(nlp):
    text = "Deborah Finch opened the new library."
    assert _people(nlp, text, name_gender=True)["Deborah Finch"].gender.evidence == ["name:Deborah"]
    assert _people(nlp, text, name_gender=True)["Deborah Finch"].gender.value == "female"
    off = _people(nlp, text, name_gender=False)["Deborah Finch"].gender
    assert off.value == "unknown" and off.evidence == []


def test_text_evidence_beats_the_name_table(nlp):
    text = "Mr Jordan Ellis and his sister, Jordan Pike, arrived."
    people = _people(nlp, text, name_gender=True)
    assert people["Jordan Ellis"].gender.evidence == ["honorific:Mr"]
    assert people["Jordan Pike"].gender.evidence == ["noun:sister"]


def test_conflicting_strong_evidence_gives_unknown():
    g = decide([GenderEvidence("male", "honorific", "Mr"), GenderEvidence("female", "noun", "mother")], "Alex", True)
    assert g.value == "unknown"
    g = decide([GenderEvidence("female", "honorific", "Mrs"), GenderEvidence("male", "pronoun", "he")], None, False)
    assert g.value == "female" and g.evidence == ["honorific:Mrs"]


def test_reported_clause_opening_with_a_pronoun_speaks_of_its_speaker(nlp):
    from quotegraph.models import Quote, Span

    text = (
        "Peter Lyall wrote to the prime minister telling him he was quitting over the "
        "\"official response\" to the parties."
    )
    start = text.index("he was quitting")
    speaker = Span(0, len("Peter Lyall"), "Peter Lyall")
    q = Quote(start, len(text) - 1, text[start:-1], "mixed", speaker=speaker)
    people = build_entities(nlp(text), [q], Options(name_gender=False), None).people
    lyall = next(p for p in people if p.name == "Peter Lyall")
    assert lyall.gender.value == "male" and "pronoun:he" in lyall.gender.evidence
    assert q.speaker_name == "Peter Lyall"


def test_a_pronoun_against_the_stated_gender_is_not_evidence_and_not_the_speaker(nlp, run):
    text = 'Mr. Okafor spoke on Monday. "We will win this ward," she said.'
    people = _people(nlp, text)
    g = people["Okafor"].gender
    assert g.value == "male" and not any(e.startswith("pronoun:") for e in g.evidence)
    [q] = run(text).quotes
    assert q.speaker.text == "she" and q.speaker_name != "Okafor"
