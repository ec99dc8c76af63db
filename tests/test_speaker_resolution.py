"""Speaker resolution on quotes whose speaker mention is given, as the quote stage would give it.

The quotes here are built by hand (content span + speaker span) so that these tests check the
resolution alone, whatever the quote finder does.
"""

from __future__ import annotations

from quotegraph.models import Quote, Span
from quotegraph.people import build_entities
from quotegraph.settings import Options


def _span(text: str, piece: str, after: str = "") -> Span:
    start = text.index(piece, text.index(after) if after else 0)
    return Span(start, start + len(piece), piece)


def _quote(text: str, content: str, speaker: str | None, after: str = "", speaker_after: str = "") -> Quote:
    c = _span(text, content, after)
    s = _span(text, speaker, speaker_after or after) if speaker else None
    return Quote(c.start, c.end, c.text, "direct", speaker=s, parts=[c])


def _resolve(nlp, text: str, quotes: list[Quote], **options):
    doc = nlp(text)
    entities = build_entities(doc, quotes, Options(**options), None)
    return entities


FAMILY = (
    "A grandmother who was told her husband had died found him sitting up in bed.\n\n"
    "Susan Patel, 61, had been called by the hospital at midnight. Her brother, Raj Khan, drove "
    "her to the ward with their mother, Amina Khan.\n\n"
    "Mrs Patel said: “I could not believe my eyes.”\n\n"
    "Mr Khan, 58, said: “Somebody has to answer for this.”\n\n"
    "“I have never been so frightened,” Mrs Khan said.\n\n"
    "“We will look into what happened,” she added."
)


def test_names_and_gendered_honorifics_pick_the_right_family_member(nlp):
    quotes = [
        _quote(FAMILY, "I could not believe my eyes.", "Mrs Patel"),
        _quote(FAMILY, "Somebody has to answer for this.", "Mr Khan"),
        _quote(FAMILY, "I have never been so frightened,", "Mrs Khan"),
    ]
    ents = _resolve(nlp, FAMILY, quotes)
    names = [q.speaker_name for q in quotes]
    assert names == ["Susan Patel", "Raj Khan", "Amina Khan"]
    by_name = {p.name: p for p in ents.people}
    assert quotes[1].speaker_id == by_name["Raj Khan"].id
    assert by_name["Amina Khan"].quote_count == 1


def test_pronoun_goes_to_previous_speaker_of_that_gender(nlp):
    quotes = [
        _quote(FAMILY, "Somebody has to answer for this.", "Mr Khan"),
        _quote(FAMILY, "I have never been so frightened,", "Mrs Khan"),
        _quote(FAMILY, "We will look into what happened,", "she"),
    ]
    _resolve(nlp, FAMILY, quotes)
    assert quotes[2].speaker_name == "Amina Khan"


def test_he_after_a_sentence_whose_subject_is_that_person(nlp):
    text = (
        "Finance director Tom Ellery admitted that sales had slowed. Analysts were not surprised.\n\n"
        "'We have had a difficult summer,' he said."
    )
    q = _quote(text, "We have had a difficult summer,", "he")
    ents = _resolve(nlp, text, [q])
    assert q.speaker_name == "Tom Ellery"
    person = ents.people[0]
    assert "pronoun:he" in person.gender.evidence


def test_role_description_resolves_to_the_person_with_that_role(nlp):
    text = (
        "Transport Secretary Jane Doe announced new funding for rural buses on Monday. "
        "Opposition MP Peter Grant called the plan thin.\n\n"
        "\"This is the biggest investment in a generation,\" the transport secretary said."
    )
    q = _quote(text, "This is the biggest investment in a generation,", "the transport secretary")
    ents = _resolve(nlp, text, [q])
    jane = next(p for p in ents.people if p.name == "Jane Doe")
    assert q.speaker_id == jane.id
    assert any(m.text == "the transport secretary" for m in jane.mentions)


def test_spokesperson_for_an_organisation_resolves_to_it(nlp):
    text = (
        "Nurses at Royal Berkshire Hospital will strike next week, the Royal College of Nursing "
        "said. A spokesperson for the Royal College of Nursing said: \"Our members have run out of "
        "patience.\""
    )
    q = _quote(text, "Our members have run out of patience.", "A spokesperson for the Royal College of Nursing")
    ents = _resolve(nlp, text, [q])
    rcn = next(o for o in ents.organizations if "Royal College of Nursing" in o.name)
    assert q.speaker_id == rcn.id and q.speaker_name == rcn.name
    assert rcn.quote_count == 1


def test_company_description_and_it_resolve_to_the_organisation(nlp):
    text = (
        "Shares in Halden Motors fell 4% after the carmaker cut its forecast.\n\n"
        "\"Demand in Europe has been weaker than we expected,\" the company said.\n\n"
        "\"We expect a recovery next year,\" it added."
    )
    q1 = _quote(text, "Demand in Europe has been weaker than we expected,", "the company")
    q2 = _quote(text, "We expect a recovery next year,", "it")
    ents = _resolve(nlp, text, [q1, q2])
    halden = next(o for o in ents.organizations if o.name.startswith("Halden"))
    assert q1.speaker_id == halden.id
    assert q2.speaker_id == halden.id
    assert halden.quote_count == 2


def test_unnamed_description_keeps_its_wording(nlp):
    text = "\"Nobody saw this coming,\" a government source said. Police said the road was closed."
    q1 = _quote(text, "Nobody saw this coming,", "a government source")
    q2 = Quote(text.index("the road"), text.index("closed") + 6, "the road was closed", "indirect",
               speaker=_span(text, "Police"))
    _resolve(nlp, text, [q1, q2])
    assert q1.speaker_id is None and q1.speaker_name == "government source"
    assert q2.speaker_id is None and q2.speaker_name == "Police"


def test_age_description_resolves_to_the_person_with_that_age(nlp):
    text = (
        "Liam Byrne, 27, of Salthill, was cycling home when he was struck by a van.\n\n"
        "\"I thought I was going to die,\" the 27-year-old said."
    )
    q = _quote(text, "I thought I was going to die,", "the 27-year-old")
    _resolve(nlp, text, [q])
    assert q.speaker_name == "Liam Byrne"


def test_no_speaker_mention_leaves_the_speaker_empty(nlp):
    text = "\"It was chaos,\" said Ruth Adams. \"Nobody knew where to go.\""
    q = _quote(text, "Nobody knew where to go.", None)
    _resolve(nlp, text, [q])
    assert q.speaker_name is None and q.speaker_id is None


def test_police_resolves_to_a_named_police_force(nlp):
    text = (
        "Officers from Essex Police were called to the scene at 2am.\n\n"
        "Police said a 34-year-old man had been arrested."
    )
    q = Quote(text.index("a 34"), len(text) - 1, "", "indirect", speaker=_span(text, "Police", "2am"))
    ents = _resolve(nlp, text, [q])
    force = next(o for o in ents.organizations if o.name == "Essex Police")
    assert q.speaker_id == force.id


def test_org_spokesperson_premodifier_names_the_organisation(nlp):
    text = (
        "Hospital porters in Leeds walked out on Monday over pay.\n\n"
        "A Unison spokesperson said: 'Our members have been more than patient.'"
    )
    q = _quote(text, "Our members have been more than patient.", "A Unison spokesperson")
    ents = _resolve(nlp, text, [q])
    unison = next((o for o in ents.organizations if o.name == "Unison"), None)
    if unison is not None:
        assert q.speaker_id == unison.id
    assert q.speaker_name == "Unison"


def test_speaker_span_cut_before_the_name_still_reaches_the_person(nlp):
    text = "\"We stood firm,\" said Unifor Local 222 representative Dana Pyke. Pyke said talks would resume."
    q = _quote(text, "We stood firm,", "Unifor Local 222")
    _resolve(nlp, text, [q])
    assert q.speaker_name == "Dana Pyke"


def test_several_named_speakers_are_all_counted(nlp):
    text = "Both Mr Hale and Ms Cruz said they had paid the fines. Tom Hale and Ana Cruz are ministers."
    q = Quote(text.index("they had"), text.index(" fines") + 6, "", "indirect",
              speaker=_span(text, "Both Mr Hale and Ms Cruz"))
    ents = _resolve(nlp, text, [q])
    assert q.speaker_name == "Tom Hale and Ana Cruz"
    assert {p.name: p.quote_count for p in ents.people} == {"Tom Hale": 1, "Ana Cruz": 1}


def test_description_followed_by_an_apposed_name_is_that_person(nlp):
    text = (
        "The Minister for Housing, Darragh Quinlan, said more homes would be built this year. "
        "Mr Quinlan did not say how many."
    )
    q = Quote(text.index("more homes"), text.index(" this year"), "", "indirect",
              speaker=_span(text, "The Minister for Housing"))
    _resolve(nlp, text, [q])
    assert q.speaker_name == "Darragh Quinlan"


def test_possessive_name_in_the_speaker_is_not_the_speaker(nlp):
    text = (
        "Peter Kamau Mwangi, 46, denied the charges. Mr Mwangi's lawyer, Cliff Oduya, told the court "
        "that his client was not a flight risk."
    )
    q = Quote(text.index("his client"), len(text) - 1, "", "indirect", speaker=_span(text, "Mr Mwangi's lawyer"))
    _resolve(nlp, text, [q])
    assert q.speaker_name == "Cliff Oduya"


def test_role_with_a_prepositional_tail_matches_its_head(nlp):
    text = (
        "Dotun Ayeni was named Commissioner for Works last year. Engineers inspected the market.\n\n"
        "The commissioner for works said the building had failed a test in 2022."
    )
    q = Quote(text.index("the building"), len(text) - 1, "", "indirect",
              speaker=_span(text, "The commissioner for works"))
    _resolve(nlp, text, [q])
    assert q.speaker_name == "Dotun Ayeni"


def test_they_after_a_group_of_named_speakers_is_that_group(nlp):
    text = (
        "Tom Hale and Ana Cruz said they had paid the fines. \"We are sorry,\" they said in a "
        "joint statement."
    )
    q1 = Quote(text.index("they had"), text.index(" fines") + 6, "", "indirect", speaker=_span(text, "Tom Hale and Ana Cruz"))
    q2 = _quote(text, "We are sorry,", "they", after="fines")
    _resolve(nlp, text, [q1, q2])
    assert q2.speaker_name == "Tom Hale and Ana Cruz"
