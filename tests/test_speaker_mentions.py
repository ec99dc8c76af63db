"""Speaker mentions of quotes: the subject of the cue as a compact noun phrase, found before or
after the quote, through relative clauses, passives and 'according to', never inside the quote."""

from __future__ import annotations

import pytest

from quotegraph.quotes.speakers import mention_range, speaker_head


def _speaker(run, text):
    quotes = [q for q in run(text).quotes if q.type in ("direct", "mixed")]
    assert quotes, "no quote found"
    return quotes[0].speaker.text if quotes[0].speaker else None


@pytest.mark.parametrize("text, speaker", [
    ('"We apologise for the distress caused," Annette Hurndall, divisional manager for medicine '
     'at the trust, said.', "Annette Hurndall"),
    ('Annette Hurndall, divisional manager for medicine at the trust, said: "We apologise."',
     "Annette Hurndall"),
    ('A spokesperson for Unison said: "Members are angry about the pay offer."',
     "A spokesperson for Unison"),
    ('"It was the worst storm in living memory," said retired firefighter Dave Collins.',
     "retired firefighter Dave Collins"),
    ('"It is too early to say," he said.', "he"),
    ("\u2018We need more staff on the wards,\u2019 Mrs Bointon said.", "Mrs Bointon"),
    ('The council said in a statement: "The road will reopen on Friday."', "The council"),
])
def test_compact_subject_mentions(run, text, speaker):
    assert _speaker(run, text) == speaker


def test_relative_clause_speaker_is_the_noun_it_hangs_on(run):
    text = 'Kolisi, who had said before the game that the team was ready, said: "The job is not done yet."'
    assert _speaker(run, text) == "Kolisi"


def test_speaker_is_never_a_word_inside_the_quote(run):
    text = '"The more people who know about the plan, the better they like it," Briggs said.'
    assert _speaker(run, text) == "Briggs"
    text = '"And I hold in the highest esteem Sen. John McCain," Trump said, "and I endorse him."'
    assert _speaker(run, text) == "Trump"


def test_speaker_stays_in_the_paragraph_of_the_cue(run):
    text = ("6:50 p.m.\n\nWith her husband standing by her side, Hillary Clinton has told her "
            'supporters that "we are in this together."')
    assert _speaker(run, text) == "Hillary Clinton"


def test_participle_cue_shares_the_main_subject(run):
    text = 'The mayor thanked the volunteers, adding: "Everybody is out and all hands are on deck."'
    assert _speaker(run, text) == "The mayor"


def test_colon_after_a_name_introduces_the_quote(run):
    text = 'Analysis - Philip Bump: "Two weeks ago, his strongest territory had been the South."'
    assert _speaker(run, text) == "Philip Bump"


def test_according_to_and_passive_agent(nlp):
    doc = nlp("According to the police report, the car was travelling at 90 mph.")
    according = doc[0]
    assert doc[slice(*mention_range(speaker_head(according)))].text == "the police report"
    doc = nlp("The plan was described as unworkable by the chief executive.")
    cue = next(t for t in doc if t.lemma_ == "describe")
    assert doc[slice(*mention_range(speaker_head(cue)))].text == "the chief executive"


def test_listener_is_not_the_speaker(nlp):
    doc = nlp("She told reporters the plan was dead.")
    cue = next(t for t in doc if t.lemma_ == "tell")
    assert speaker_head(cue).text == "She"


def test_outermost_report_gives_the_speaker(run):
    text = 'Cruz said he is certain Rubio will continue to be "a champion for opportunity."'
    assert _speaker(run, text) == "Cruz"


def test_quote_inside_a_report_keeps_the_report_cue_not_the_next_one(run):
    text = ('Durbin said on Thursday he "hand-delivered a letter to the attorney general today," '
            "and he said he hoped the inquiry would start soon.")
    quotes = [q for q in run(text).quotes if q.type in ("direct", "mixed")]
    assert len(quotes) == 1
    assert quotes[0].speaker.text == "Durbin"
    assert not quotes[0].text.startswith("Durbin")
    text = 'Trump, who has called Cruz a "liar," said on Monday he would win the state.'
    assert _speaker(run, text) == "Trump"


def test_quote_in_a_sentence_continuing_a_report_takes_the_reporter(run):
    text = ("The judge said several tribunals had sat in recent years. It seemed to him that their "
            'findings were ignored and that some officers "believe they have a right to undermine '
            'the cases of the prosecutors".')
    assert _speaker(run, text) == "The judge"


def test_quote_in_narration_takes_the_subject_of_its_verb(run):
    text = 'The petition accuses the campaign of "attempting to bully him into silence over the contract".'
    assert _speaker(run, text) == "The petition"


def test_name_before_an_apposition_and_inverted_names(run):
    text = ('In a conference call on Tuesday, Col. Steven Warren, a military spokesman in Baghdad, '
            'said, "A raid is a combat operation."')
    assert "Warren" in _speaker(run, text)
    text = '"Given how badly we have been burned, it is odd," said a Democratic strategist who asked not to be named.'
    assert _speaker(run, text) == "a Democratic strategist"


def test_sentence_pointing_back_at_a_quote_names_the_speaker(run):
    text = ("\u201cIt is our matter now!\u201d\n\nThese were the words of the district magistrate, "
            "Jacob Mamabolo, during the hearing on Tuesday.")
    assert _speaker(run, text) == "Jacob Mamabolo"
    assert _speaker(run, '"Not on my watch." That was how the minister put it on Monday.') == "the minister"


def test_inverted_attribution_after_a_mixed_clause(run):
    text = ('The rejection of the treaty signals "the beginning of the end" for the union, said '
            "Geert Wilders, founder of the Party for Freedom.")
    assert _speaker(run, text) == "Geert Wilders"
    text = '"We are not done yet," Smith, who leads the group, said Monday.'
    assert _speaker(run, text) == "Smith"


def test_coordinated_report_keeps_its_own_subject(run):
    text = 'At one point, a woman asked for a photo and Clinton said, "as long as we are not breaking any election laws."'
    assert _speaker(run, text) == "Clinton"


def test_cue_in_a_relative_clause_does_not_attribute_the_quote(run):
    text = 'Nothing the president said "will assuage the fears of the people," the Florida senator said.'
    assert _speaker(run, text) == "the Florida senator"


def test_pointing_back_prefers_the_name_in_apposition(run):
    text = ("\u201cIt is our matter now!\u201d\n\nThese were the words of the Tonga court\u2019s magistrate, "
            "Jacob Mamabolo, during the hearing.")
    assert _speaker(run, text) == "Jacob Mamabolo"



@pytest.mark.parametrize("text, speaker", [
    # a participle's object is what was said, not an inverted speaker
    ('The mayor gave a spirited defence of the "harbour spirit," saying the town had '
     '"never given up on its fishermen."', "The mayor"),
    # the object of ``told`` heard the words
    ('"We will not back down," Sara Blake, the union\u2019s regional secretary, told the BBC.', "Sara Blake"),
    ("\u201cThe plan is dead,\u201d Tom Reyes, 52, told Reuters on Monday.", "Tom Reyes"),
])
def test_listener_and_participle_objects_are_not_speakers(run, text, speaker):
    assert _speaker(run, text) == speaker


def test_dates_are_not_speakers_but_ages_are(run):
    text = ('Friday at the county fair Rep. Jane Moore (R-OH) said the levy was a '
            '"broken promise" to farmers.')
    found = _speaker(run, text)
    assert found is not None and "Moore" in found
    text = '\u201cShe has always stood by the village,\u201d said the 71-year-old. \u201cNow we stand by her.\u201d'
    assert _speaker(run, text) == "the 71-year-old"


def test_name_in_apposition_before_the_cue(run):
    text = ('In a letter to the Gazette, her chief of staff, Owen Pritchard, said: '
            '"The minister has always backed the harbour project."')
    assert _speaker(run, text) == "Owen Pritchard"


def test_dates_and_possessives_never_speak(run):
    # a day after the cue is when, not who
    text = ("\u201cThe turnout model is clearly off,\u201d Dana Whitlock, the pollster who built the tracker "
            "posted on Thursday.")
    found = _speaker(run, text)
    assert found is None or "Thursday" not in found
    # a possessive next to the cue is not the speaker
    text = ("''They were rivals, but also friends,'' Peter Okafor, the former party treasurer, "
            "said of their years on the council.")
    assert _speaker(run, text) == "Peter Okafor"


def test_colon_heading_skips_a_date(run):
    text = ("One early backer, Councillor Rhys Morgan of Cardiff, tried the argument in a radio interview "
            "on Monday: ''You can easily say that the budget is wrong and the timing is worse.''")
    found = _speaker(run, text)
    assert found is None or "Monday" not in found


def test_reflexive_object_is_not_a_speaker(run):
    text = "Mr Hale describes himself on his page as a ''proud son of the valley and a fighter.''"
    found = _speaker(run, text)
    assert found is None or "himself" not in found


def test_person_right_before_the_cue_beats_a_misparsed_subject(run):
    text = ('Sunday at the regional party rally Gov. Maria Castillo (D-NM) said the budget was a '
            '\u201creckless gamble\u201d with pensions.')
    found = _speaker(run, text)
    assert found is not None and "Castillo" in found
