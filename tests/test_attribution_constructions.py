"""Attributions that sit away from the quote or behind a role: a multi-paragraph quote whose last
part carries the cue, a role with its holder's name in apposition, an abbreviated rank before
the name. Short articles written for these tests in several outlets' styles."""

from __future__ import annotations

import pytest

from quotegraph.models import Article


@pytest.fixture(scope="module")
def extract(extractor):
    def _extract(text: str):
        result = extractor.extract(Article(id="t", source="t", text=text))
        for q in result.quotes:
            assert text[q.start:q.end] == q.text
        return result
    return _extract


def _quote(result, key: str):
    return next(q for q in result.quotes if key in q.text)


# A quote over two paragraphs, attributed only at the end of its last part; the paragraph
# before it reports someone else.
CLOSING = [
    # Nigerian business page
    ("LAGOS \u2013 Chidi Obi, who runs a delivery start-up, said his riders were paid weekly.\n\n"
     "\u201cWhat we have seen is a jump in demand. Nobody expected it.\n\n"
     "\u201cCustomers now have options,\u201d says Amaka Eze, the firm's investor.", "jump in demand", "Amaka Eze"),
    # New Zealand regional daily, straight marks
    ("Rotorua Lakes Council said the lease would not be renewed.\n\n"
     "\"We have been here for fourteen years. The regulars are like family.\n\n"
     "\"It is hard to say goodbye,\" cafe owner Norma Craig said.", "fourteen years", "Norma Craig"),
]


@pytest.mark.parametrize("text,key,speaker", CLOSING)
def test_a_quote_over_paragraphs_takes_the_attribution_at_its_end(extract, text, key, speaker):
    result = extract(text)
    quote = _quote(result, key)
    assert quote.speaker_name == speaker, quote
    assert "options" in quote.text or "goodbye" in quote.text  # one quote, both paragraphs


NAMED_ROLES = [
    # Kenyan daily
    ("\"We will restore order within a week,\" the chief of the national police, Japhet Koome, said on Monday.",
     "Japhet Koome"),
    # UK regional, single marks style kept to double for the quote
    ("A spokeswoman for the water regulator, Aroha Ngata, confirmed on Friday: \"Bills will rise in April.\"",
     "Aroha Ngata"),
    # South African technology page: the parse hangs the name on the last noun of the role
    ("Google Nigeria's head of Start-up Success and Launchpad Africa, Fola Olatunji-David, says: "
     "\"Entrepreneurship is cool right now.\"", "Fola Olatunji-David"),
]


@pytest.mark.parametrize("text,speaker", NAMED_ROLES)
def test_a_role_with_its_holders_name_speaks_as_that_person(extract, text, speaker):
    [quote] = extract(text).quotes
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker_name == speaker


def test_the_named_role_carries_to_the_next_quote_paragraph(extract):
    text = ("The head of Ports and Harbour Africa, Mary Otieno-Waweru, says the new berth will open in May.\n\n"
            "\"We have dredged the channel and the cranes are on their way.\"")
    quote = _quote(extract(text), "dredged")
    assert quote.speaker_name == "Mary Otieno-Waweru"


@pytest.mark.parametrize("text,speaker", [
    # Philippine broadcaster: a rank abbreviated with a full stop before the name
    ("MANILA - \"Fake news,\" Police Col. Harold Depositar told ABS-CBN News via text message on Thursday.",
     "Harold Depositar"),
    # Ghanaian daily
    ("\"The road will be fixed,\" Brig. Gen. Kwame Mensah told reporters in Accra.", "Kwame Mensah"),
    # US local paper
    ("\"Stay off the ice,\" Lt. Maria Gomez told residents on Sunday.", "Maria Gomez"),
])
def test_an_abbreviated_rank_does_not_end_the_attribution(extract, text, speaker):
    [quote] = extract(text).quotes
    assert quote.type == "direct" and quote.speaker_name == speaker, quote


@pytest.mark.parametrize("text", [
    # Canadian broadcaster
    "Premier Tim Houston would not confirm if the results would be shared publicly.",
    # Singapore daily
    "The ministry declined to say whether the audit would be published before the election.",
    # Jamaican daily
    "Superintendent Dawn Smith did not say whether more officers would be sent to Montego Bay.",
])
def test_an_unanswered_question_reports_nothing(extract, text):
    assert extract(text).quotes == []


def test_an_answer_beside_an_unanswered_question_is_kept(extract):
    result = extract("Houston would not confirm if the results would be shared publicly, "
                     "but said they will be shared with the family.")
    [quote] = result.quotes
    assert quote.text == "they will be shared with the family" and quote.speaker_name == "Houston"


def test_a_reported_whether_clause_is_still_a_report(extract):
    [quote] = extract("The coach said whether he stays is up to the board.").quotes
    assert quote.text.startswith("whether he stays")


@pytest.mark.parametrize("text,fragment,claim", [
    # Liberian daily
    ("Deputy Minister Cornelia Kruah has categorically denied allegations that \u201cghost workers\u201d "
     "appear on the ministry\u2019s supplementary payroll.", "appear on the ministry", "allegations"),
    # Pakistani daily
    ("The ministry rejected claims that the tender had been \"rigged from the start\" by officials.",
     "by officials", "claims"),
    # Irish broadsheet, single marks
    ("The council dismissed the suggestion that it was 'hiding' the figures from residents.",
     "from residents", "suggestion"),
])
def test_words_quoted_in_a_denied_claim_are_the_claims(extract, text, fragment, claim):
    [quote] = extract(text).quotes
    assert quote.type == "mixed" and fragment in quote.text
    assert quote.speaker is not None and quote.speaker.text.split()[-1] == claim


def test_a_denial_in_the_deniers_own_words_stays_theirs(extract):
    [quote] = extract("The minister denied that the tender was \"rigged\", calling the story false.").quotes
    assert quote.speaker is not None and quote.speaker.text == "The minister"


@pytest.mark.parametrize("text,fragment,noun", [
    # Zimbabwean weekly: a noun carries the report, no speech verb
    ("The Nation newspaper carried reports that the council had been accused of 'hiding' the figures "
     "from ratepayers.", "from ratepayers", "reports"),
    # Australian broadsheet
    ("There was speculation that the treasurer would \"walk away\" from the deal within days.",
     "from the deal", "speculation"),
])
def test_words_quoted_in_a_reported_claim_are_the_claims(extract, text, fragment, noun):
    [quote] = extract(text).quotes
    assert quote.type == "mixed" and fragment in quote.text and quote.text.startswith("that")
    assert quote.speaker is not None and quote.speaker.text.split()[-1] == noun


@pytest.mark.parametrize("text,content", [
    # UK regional: a participle clause between the listener and the reported clause
    ("The mayor told the committee at its third sitting, held in the town hall last week after a long "
     "delay, that she had been misled.", "that she had been misled"),
    # Indian daily
    ("The minister informed the assembly on Tuesday, after the opposition walked out, that the dam was safe.",
     "that the dam was safe"),
])
def test_a_reported_clause_far_from_its_verb_starts_at_that(extract, text, content):
    [quote] = extract(text).quotes
    assert quote.type == "indirect" and quote.text == content


@pytest.mark.parametrize("text,first,second", [
    # Irish regional: a second councillor's report joined by "while"
    ("Councillor Danielle Twomey said she was disappointed with the lack of information Irish Water was "
     "giving to the public while Councillor Noel Collins said the problem was \u201ccausing much "
     "inconvenience to residents\u201d.", "Twomey", "Collins"),
    # Ghanaian daily, both reports indirect
    ("The chief said the road had been neglected for years, while the district engineer said repairs "
     "would start in June.", "chief", "engineer"),
])
def test_a_report_joined_to_another_is_a_quote_of_its_own(extract, text, first, second):
    quotes = extract(text).quotes
    assert len(quotes) == 2
    assert first in quotes[0].speaker.text and second in quotes[1].speaker.text
    assert quotes[0].end < quotes[1].start and "while" not in quotes[0].text


@pytest.mark.parametrize("text,content,speaker", [
    # Philippine broadcaster
    ("Police Col. Harold Depositar denied tendering a leave of absence to give way to an investigation.",
     "tendering a leave of absence", "Harold Depositar"),
    # UK regional court report
    ("The driver, Tom Price, admitted speeding through the village on the night of the crash.",
     "speeding through the village", "Tom Price"),
])
def test_a_denial_or_admission_of_an_act_reports_it(extract, text, content, speaker):
    [quote] = extract(text).quotes
    assert quote.type == "indirect" and quote.text.startswith(content) and quote.speaker_name == speaker


def test_a_denied_charge_with_no_clause_is_no_quote(extract):
    assert extract("She denied the charge and was released on bail.").quotes == []
