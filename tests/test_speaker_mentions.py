"""Speaker mentions of quotes: the subject of the cue as a compact noun phrase, found before or
after the quote, through relative clauses, passives, participles, inversions, colons and
'according to', never inside the quote. Every article here is written for the test."""

from __future__ import annotations

import pytest

from quotegraph.quotes.speakers import speaker_head
from quotegraph.syntax import mention_range


def _marked(run, text):
    return [q for q in run(text).quotes if q.type in ("direct", "mixed")]


def _quote(run, text, words=None):
    """The direct or mixed quote holding ``words`` (the first one when ``words`` is None)."""
    quotes = _marked(run, text)
    assert quotes, "no quote found"
    return next(q for q in quotes if words is None or words in q.text)


def _speaker(run, text):
    q = _quote(run, text)
    return q.speaker.text if q.speaker else None


# (id, article, a phrase of the quote or None for the first quote, the expected speaker
# mention). An expected mention that starts with "~" only has to be contained in the mention.
SPEAKERS = [
    # the cue's subject as a compact noun phrase, before or after the quote
    ("after-quote-with-apposition", '"We apologise for the distress caused," Annette Hurndall, divisional manager '
     'for medicine at the trust, said.', None, "Annette Hurndall"),
    ("before-quote-with-apposition", 'Annette Hurndall, divisional manager for medicine at the trust, said: '
     '"We apologise."', None, "Annette Hurndall"),
    ("spokesperson-for", 'A spokesperson for Unison said: "Members are angry about the pay offer."', None,
     "A spokesperson for Unison"),
    ("inverted-with-description", '"It was the worst storm in living memory," said retired firefighter Dave '
     'Collins.', None, "retired firefighter Dave Collins"),
    ("pronoun", '"It is too early to say," he said.', None, "he"),
    ("uk-single-marks", "\u2018We need more staff on the wards,\u2019 Mrs Bointon said.", None, "Mrs Bointon"),
    ("in-a-statement", 'The council said in a statement: "The road will reopen on Friday."', None, "The council"),
    ("relative-clause-before-the-cue", 'Kolisi, who had said before the game that the team was ready, said: '
     '"The job is not done yet."', None, "Kolisi"),
    # never a word inside the quote
    ("not-inside-the-quote", '"The more people who know about the plan, the better they like it," Briggs '
     'said.', None, "Briggs"),
    ("not-inside-a-split-quote", '"And I hold in the highest esteem Sen. John McCain," Trump said, "and I '
     'endorse him."', None, "Trump"),
    ("stays-in-the-cue-paragraph", "6:50 p.m.\n\nWith her husband standing by her side, Hillary Clinton has "
     'told her supporters that "we are in this together."', None, "Hillary Clinton"),
    ("participle-shares-the-main-subject", 'The mayor thanked the volunteers, adding: "Everybody is out and all '
     'hands are on deck."', None, "The mayor"),
    ("colon-after-a-name", 'Analysis - Philip Bump: "Two weeks ago, his strongest territory had been the '
     'South."', None, "Philip Bump"),
    ("outermost-report", 'Cruz said he is certain Rubio will continue to be "a champion for opportunity."',
     None, "Cruz"),
    ("sentence-continuing-a-report", "The judge said several tribunals had sat in recent years. It seemed to him "
     'that their findings were ignored and that some officers "believe they have a right to undermine the '
     'cases of the prosecutors".', None, "The judge"),
    ("narration-subject-of-its-verb", 'The petition accuses the campaign of "attempting to bully him into '
     'silence over the contract".', None, "The petition"),
    ("name-before-an-apposition", "In a conference call on Tuesday, Col. Steven Warren, a military spokesman in "
     'Baghdad, said, "A raid is a combat operation."', None, "~Warren"),
    ("inverted-description-with-relative-clause", '"Given how badly we have been burned, it is odd," said a '
     "Democratic strategist who asked not to be named.", None, "a Democratic strategist"),
    ("sentence-pointing-back", "\u201cIt is our matter now!\u201d\n\nThese were the words of the district "
     "magistrate, Jacob Mamabolo, during the hearing on Tuesday.", None, "Jacob Mamabolo"),
    ("sentence-pointing-back-with-put", '"Not on my watch." That was how the minister put it on Monday.', None,
     "the minister"),
    ("pointing-back-prefers-the-apposed-name", "\u201cIt is our matter now!\u201d\n\nThese were the words of "
     "the Tonga court\u2019s magistrate, Jacob Mamabolo, during the hearing.", None, "Jacob Mamabolo"),
    ("inverted-after-a-mixed-clause", 'The rejection of the treaty signals "the beginning of the end" for the '
     "union, said Geert Wilders, founder of the Party for Freedom.", None, "Geert Wilders"),
    ("relative-clause-then-cue-after-quote", '"We are not done yet," Smith, who leads the group, said Monday.',
     None, "Smith"),
    ("coordinated-report", 'At one point, a woman asked for a photo and Clinton said, "as long as we are not '
     'breaking any election laws."', None, "Clinton"),
    ("cue-in-a-relative-clause-does-not-attribute", 'Nothing the president said "will assuage the fears of the '
     'people," the Florida senator said.', None, "the Florida senator"),
    # a participle's object is what was said, not an inverted speaker; the object of told heard it
    ("participle-object", 'The mayor gave a spirited defence of the "harbour spirit," saying the town had '
     '"never given up on its fishermen."', None, "The mayor"),
    ("told-object-with-apposition", '"We will not back down," Sara Blake, the union\u2019s regional secretary, '
     "told the BBC.", None, "Sara Blake"),
    ("told-object-with-age", "\u201cThe plan is dead,\u201d Tom Reyes, 52, told Reuters on Monday.", None,
     "Tom Reyes"),
    ("date-before-a-name-is-not-the-speaker", "Friday at the county fair Rep. Jane Moore (R-OH) said the levy "
     'was a "broken promise" to farmers.', None, "~Moore"),
    ("age-description", "\u201cShe has always stood by the village,\u201d said the 71-year-old. \u201cNow we "
     "stand by her.\u201d", None, "the 71-year-old"),
    ("name-in-apposition-before-the-cue", "In a letter to the Gazette, her chief of staff, Owen Pritchard, said: "
     '"The minister has always backed the harbour project."', None, "Owen Pritchard"),
    ("person-right-before-the-cue", "Sunday at the regional party rally Gov. Maria Castillo (D-NM) said the budget "
     "was a \u201creckless gamble\u201d with pensions.", None, "~Castillo"),
    # constructions where the cue's parse is not a plain ``X said``
    ("object-before-colon",
     "After the floods, the council leader Mary Evans issued the following statement: \"Our thoughts are with "
     "every family who has lost a home this week.\"", "Our thoughts", "~Mary Evans"),
    ("pronoun-subject-before-colon",
     'Back in Leeds, he returned to his favourite theme: "We will build the homes this city needs."',
     "We will build", "he"),
    ("noun-deep-in-the-clause-before-colon",
     "The electoral commission was conclusive in its findings: \u201cFurther discussion of this complaint is "
     "unnecessary and the result stands.\u201d", "Further discussion", "The electoral commission"),
    ("name-after-a-preposition-before-colon",
     "Hours after the attack, a familiar voice celebrated it on Twitter: \u201cWe have already arrived with our "
     "soldiers and there is more to come.\u201d", "arrived", "a familiar voice"),
    ("main-clause-subject-before-colon",
     "Another said he hoped with all his heart that the mayor wins the election: \u201cThat way I can watch "
     "the comedy at the town hall for several more years.\u201d", "comedy", "Another"),
    ("heading-after-a-dash-with-from",
     "Turnout was higher than expected -More from Okafor and Lee: \u201cThe data we collected shows a late "
     "swing among younger voters in every ward.\u201d", "late swing", "~Okafor"),
    ("hyphenated-word-is-not-a-heading-dash",
     "She gave the council a back-handed compliment: \u201cYou never have to guess where they stand, even when "
     "they stand still.\u201d", "guess", "She"),
    ("named-source-after-a-dash",
     "Turnout figures are hard to read - Electoral Commission: \u201cThe register was complete and accurate on "
     "polling day in every constituency.\u201d", "register", "~Electoral Commission"),
    ("according-to",
     'While most of the files were marked "confidential," according to a Home Office official, two were later '
     "upgraded.", "confidential", "~official"),
    ("participle-on-a-statement",
     "The union issued a statement saying it would \u201cfight every single job cut at the plant\u201d.",
     "job cut", "The union"),
    ("participle-on-an-email-to-someone",
     'Her campaign sent an email to supporters stating, "We are in this race until the very last vote."',
     "last vote", "Her campaign"),
    ("participle-not-the-subject-of-its-clause",
     'On Saturday, the prime minister issued a statement saying that Mr Jones was "a remarkable public servant '
     'and a loyal friend".', "remarkable", "~prime minister"),
    ("object-control",
     "The result prompted the Institute for Fiscal Studies to state, \u201cThe public finances are in a worse "
     "position than at any time since the war.\u201d", "public finances", "~Institute for Fiscal Studies"),
    ("verb-with-a-particle",
     "After the minister criticised her record, Ms Okafor shot back, \u201cI have delivered more homes in two "
     "years than he managed in ten.\u201d", "delivered", "Ms Okafor"),
    ("inverted-unlisted-verb-and-name",
     "The crowd roared. \u201cThis is the best night of my life!\u201d beamed Tom Ellis of Gateshead, who had "
     "queued since dawn.", "best night", "~Tom Ellis"),
    ("inverted-unlisted-verb-and-description",
     '"It is about time this city had a woman as mayor," exhorted the candidate\'s sister, the actress Jane '
     "Morley.", "about time", "~sister"),
    ("inverted-ask",
     "\u201cHow big will the new stand be?\u201d asked the boy, who had come with his father from Derby.",
     "new stand", "the boy"),
    ("adjunct-after-the-cue",
     "\u201cIt is not the case that everything is rosy,\u201d Gene Barker, a senior adviser to the party, said at "
     "a recent business breakfast in Leeds.", "rosy", "Gene Barker"),
    ("apposition-with-a-verb",
     "\u201cIf the council had listened, we would not be here,\u201d Mr. Daly, now 81 and retired in Galway, said "
     "by telephone this week.", "council had listened", "~Daly"),
    ("shouted-down-is-not-speech",
     "Comedian Sarah Rhodes was booed and shouted down by supporters of the mayor after telling them they were "
     "\u201cbeing ridiculous\u201d.", "ridiculous", "~Sarah Rhodes"),
    ("cue-without-a-subject-in-the-parse",
     "The row began after Mr. Hale, asked about the closure of the two wards, had said, \u201cI think this "
     "hospital does plenty of good work already.\u201d", "plenty of good work", "Mr. Hale"),
    ("passive-cue-is-not-the-speaker",
     'The council leader defended his deputy as "a very decent man" on Tuesday, hours after the deputy was '
     "charged with fraud.", "decent", "~leader"),
    ("reported-to-have-called",
     "The prime minister is reported to have called the rebels \u201ca bunch of chancers\u201d at a private "
     "dinner.", "chancers", "~prime minister"),
    ("sign-off-dash-glued-to-the-name",
     '"Great speech. She is tested. She is ready. She never quits. That is why she should lead us."\n\n'
     "-Senator Ruth Adeyemi, posting after the conference speech.\n\nMore reaction followed.",
     "Great speech", "~Ruth Adeyemi"),
    ("final-read-tagged-as-a-noun",
     "\u201cIf he wants to lead this county, the chief executive should come to Cumbria and see the damage,\u201d "
     "the editorial read.", "Cumbria", "the editorial"),
    ("cue-after-another-clause",
     "He expressed amusement that the mayor had at last described his housing plans \u201cnot only in the chamber "
     "but on local radio,\u201d echoing campaigners who have suggested that the mayor is more worried about "
     "votes.", "chamber", "the mayor"),
    ("participle-inside-a-reported-clause",
     "The mayor said the court\u2019s ruling had \u201ckept the city safe\u201d on Monday before claiming that the new "
     "road plan was \u201ctearing families apart\u201d.", "tearing", "The mayor"),
    ("poll-respondents",
     "In an Ipsos poll released on Monday, 41 per cent of voters said the government was \u201cout of touch\u201d "
     "with families.", "out of touch", "~poll"),
    ("object-relative-clause-has-its-own-speaker",
     "Councillor Jane Hart said she backed the bill to curb the regional boards, which she called \u201ca "
     "cartel for the building trade.\u201d", "cartel", "she"),
    ("adverbial-clause-has-its-own-speaker",
     "The host asked the senator about comments he made on Monday, when he claimed the tax plan was "
     "\u201ca total disaster\u201d for families.", "total disaster", "he"),
    ("infinitive-cue-is-not-inverted",
     "She has coined a new phrase, \u201cthe forgotten middle,\u201d to describe families on average incomes.",
     "forgotten middle", "She"),
    ("share-without-a-poll",
     "Six in 10 residents said the new bridge was \u201ca waste of money\u201d.", "waste", "Six in 10 residents"),
    ("uncued-quote-with-a-pronoun-subject",
     "The lawsuit, filed by the former investigator, demands his reinstatement and lost wages, his lawyer said. "
     "He also seeks \u201ca permanent injunction barring the chairman from repeating false and damaging "
     "statements\u201d about him.", "injunction", "He"),
]


@pytest.mark.parametrize("text, words, expected", [s[1:] for s in SPEAKERS], ids=[s[0] for s in SPEAKERS])
def test_speaker_mention(run, text, words, expected):
    q = _quote(run, text, words)
    assert q.speaker is not None, q
    assert q.speaker.text == expected if not expected.startswith("~") else expected[1:] in q.speaker.text


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


def test_quote_inside_a_report_keeps_the_report_cue_not_the_next_one(run):
    text = ('Durbin said on Thursday he "hand-delivered a letter to the attorney general today," '
            "and he said he hoped the inquiry would start soon.")
    quotes = [q for q in run(text).quotes if q.type in ("direct", "mixed")]
    assert len(quotes) == 1
    assert quotes[0].speaker.text == "Durbin"
    assert not quotes[0].text.startswith("Durbin")
    text = 'Trump, who has called Cruz a "liar," said on Monday he would win the state.'
    assert _speaker(run, text) == "Trump"


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


def test_relative_pronoun_speaker_spans_the_name_and_resolves_to_it(run):
    result = run("The cuts fell hardest on Sir Keir Starmer, who said he was \u201cdeeply disappointed\u201d by the vote.")
    [q] = [q for q in result.quotes if q.type in ("direct", "mixed")]
    assert q.speaker.text == "Sir Keir Starmer, who"
    assert result.text[q.speaker.start:q.speaker.end] == q.speaker.text
    assert q.speaker_name == "Keir Starmer"
    person = next(p for p in result.people if p.id == q.speaker_id)
    assert not any("who" in a for a in person.aliases)


def test_relative_pronoun_after_a_description_resolves_like_the_description(run):
    result = run('Dr Ama Mensah is the trust\'s medical director. It was the medical director who said, '
                 '"We have apologised to the family and we will learn from this."')
    [q] = [q for q in result.quotes if q.type == "direct"]
    assert q.speaker.text.endswith("who") and q.speaker_name == "Ama Mensah"


def test_a_quote_after_an_attributed_one_keeps_its_speaker_not_the_next_name_line(run):
    text = ("She had lived in Cork for a decade. \u201cShe was a mother of three young boys,\u201d another friend, "
            "Aoife Byrne told RT\u00c9. \u201cShe used to run the parish choir and help everyone.\u201d\n\n"
            "Mary Walsh, 54.\n\nThe search continued on Sunday.")
    quotes = _marked(run, text)
    assert {q.speaker.text for q in quotes} == {"Aoife Byrne"}
    assert any("parish choir" in q.text or any("parish choir" in p.text for p in q.parts) for q in quotes)


def test_inverted_verb_speaker_resolves_to_the_name(run):
    q = _quote(run, "The crowd roared. \u201cThis is the best night of my life!\u201d beamed Tom Ellis of "
                         "Gateshead, who had queued since dawn.", "best night")
    assert q.speaker_name == "Tom Ellis"


def test_uncued_quote_skips_the_subject_of_an_if_clause(run):
    text = ("Last month he waded into politics on a radio show when he suggested that the minister \u201cshould "
            "be locked up somewhere\u201d if she gave \u201cconfidential papers on hundreds if not thousands of "
            "cases to a private firm\u201d.")
    q = _quote(run, text, "confidential")
    assert q.speaker is None or q.speaker.text != "she"


def test_a_long_quote_far_from_any_attribution_gets_no_guessed_speaker(run):
    text = ('"We will win this vote," said Mayor Anne Cole.\n\nThe vote is on Thursday.\n\n'
            "Residents have been asked for their views on the plan.\n\nThe plan includes 400 new homes.\n\n"
            '"This whole scheme is a disgrace and the council should be ashamed of what it has done to this '
            'town over many years."')
    q = _quote(run, text, "disgrace")
    assert q.speaker is None and q.speaker_name is None
