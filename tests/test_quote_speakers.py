"""Speaker mentions of direct and mixed quotes in constructions where the cue's parse is not a
plain ``X said``: objects before a colon, participles, inverted verbs, relative pronouns, polls,
and cues the parse leaves without a subject. Every article here is written for the test."""

from __future__ import annotations

import pytest


def _marked(run, text):
    return [q for q in run(text).quotes if q.type in ("direct", "mixed")]


def _quote_with(run, text, words):
    return next(q for q in _marked(run, text) if words in q.text)


# (id, article, a phrase of the quote, the expected speaker mention). An expected mention that
# starts with "~" only has to be contained in the speaker mention.
SPEAKERS = [
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
    q = _quote_with(run, text, words)
    assert q.speaker is not None, q
    assert q.speaker.text == expected if not expected.startswith("~") else expected[1:] in q.speaker.text


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
    q = _quote_with(run, "The crowd roared. \u201cThis is the best night of my life!\u201d beamed Tom Ellis of "
                         "Gateshead, who had queued since dawn.", "best night")
    assert q.speaker_name == "Tom Ellis"


def test_uncued_quote_skips_the_subject_of_an_if_clause(run):
    text = ("Last month he waded into politics on a radio show when he suggested that the minister \u201cshould "
            "be locked up somewhere\u201d if she gave \u201cconfidential papers on hundreds if not thousands of "
            "cases to a private firm\u201d.")
    q = _quote_with(run, text, "confidential")
    assert q.speaker is None or q.speaker.text != "she"


def test_a_long_quote_far_from_any_attribution_gets_no_guessed_speaker(run):
    text = ('"We will win this vote," said Mayor Anne Cole.\n\nThe vote is on Thursday.\n\n'
            "Residents have been asked for their views on the plan.\n\nThe plan includes 400 new homes.\n\n"
            '"This whole scheme is a disgrace and the council should be ashamed of what it has done to this '
            'town over many years."')
    q = _quote_with(run, text, "disgrace")
    assert q.speaker is None and q.speaker_name is None
