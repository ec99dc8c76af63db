"""Constructions of wire copy and of outlets outside the development sets: datelines, inverted
cues with two speakers, negated speech. Articles written for these tests."""

from __future__ import annotations

import pytest

from quotegraph.models import Article
from quotegraph.quotes.datelines import dateline_end


@pytest.fixture(scope="module")
def quotes(extractor):
    def _extract(text: str):
        result = extractor.extract(Article(id="t", source="t", text=text))
        for q in result.quotes:
            assert text[q.start:q.end] == q.text
        return result.quotes
    return _extract


DATELINED = [
    ("KAMPALA, Uganda \u2013 ", "\u201cWe will not accept this result,\u201d the opposition leader said on Monday."),
    ("ACCRA (Reuters) - ", "\"The cedi has stabilised,\" the central bank governor said."),
    ("LONDON: ", "\"Prices will keep rising this winter,\" a spokeswoman for the energy watchdog confirmed."),
    ("MANILA - ", "\"We are ready for the typhoon,\" said police chief Juan Santos."),
    ("JAKARTA (JP): ", "\"The mine will reopen in May,\" the company's director said."),
    ("Mbombela \u2014 ", "\u201cWe played for the jersey tonight,\u201d the captain said."),
    ("New Delhi:\n", "\"The trains will run on time,\" the railway minister said."),
    ("SUVA, Fiji (AFP) -- ", "\"The sea wall saved the village,\" the district officer said."),
]


@pytest.mark.parametrize("dateline,story", DATELINED)
def test_a_wire_dateline_is_never_part_of_the_first_quote(quotes, dateline, story):
    text = dateline + story
    assert dateline_end(text) == len(dateline)
    [quote] = quotes(text)
    assert quote.type == "direct" and quote.start >= len(dateline), quote.text
    assert quote.speaker is not None and quote.speaker.start >= len(dateline)


@pytest.mark.parametrize("opening", [
    "Judge John F. Neilan said at Granard District Court", "A WOMAN who was told her mother had died",
    "Trump: \"We will win\"", "Rockford Police say they", "Smith - the mayor said", "RETAIL giant GUS said",
])
def test_an_ordinary_opening_is_no_dateline(opening):
    assert dateline_end(opening) == 0


def test_the_dateline_stays_out_of_a_reported_clause(quotes):
    text = "JAKARTA (JP): Hundreds of miners held two managers overnight, the regional police said on Sunday."
    [quote] = quotes(text)
    assert quote.type == "indirect" and quote.text.startswith("Hundreds of miners")


def test_an_inverted_cue_with_two_speakers_names_both(quotes):
    [quote] = quotes("\"We won!\" shout Ana and Lee as the results come in.")
    assert quote.speaker.text == "Ana and Lee"


def test_denied_speech_is_no_quote(quotes):
    assert quotes("He did not say \"goodbye,\" but walked out of the room without a word.") == []
    assert quotes("She never said \"sorry\" to the families who lost their homes.") == []


def test_a_report_of_a_denial_is_still_a_report(quotes):
    [quote] = quotes("The minister said she did not \"regret a single word\" of the speech.")
    assert quote.type == "mixed" and quote.speaker.text == "The minister"
    [quote] = quotes("\"No, I will not resign,\" the mayor said on Tuesday.")
    assert quote.speaker.text == "the mayor"


def test_a_nickname_in_marks_is_not_a_quote(quotes):
    # guards a precision trap that the scare-quote rule already handles
    assert quotes("The victim, identified only as \"JK\", was taken to hospital in Kingston.") == []


@pytest.mark.parametrize("text,speaker", [
    ("\"We regret the decision,\" a company spokesperson informed the Gazette on Friday.\n\n"
     "\"The staff will be paid until June.\"", "a company spokesperson"),
    ("\"It is over for us,\" the coach told the BBC after the match.\n\n"
     "\"We gave everything and it was not enough.\"", "the coach"),
])
def test_the_outlet_addressed_is_never_the_speaker_nor_inherited(quotes, text, speaker):
    # guards: the listener of ``informed``/``told`` is not taken, and the next paragraph's
    # quote continues the speaker (as the quote's next part), not the outlet
    found = quotes(text)
    second = text.split("\n\n")[1].strip('"')
    assert [q.speaker.text for q in found] == [speaker] * len(found)
    assert any(second in q.text for q in found)


def test_said_in_an_interview_with_an_agency(quotes):
    [quote] = quotes("The striker said in an interview with Reuters that he would stay at the club.")
    assert quote.speaker.text == "The striker" and quote.text == "that he would stay at the club"


@pytest.mark.parametrize("text", [
    # US entertainment blog
    "\u201cCaptain America: The Winter Soldier\u201d landed in number one for the second weekend in a row, "
    "adding $41 million to its total.",
    # Indian film page
    "\"The Lunchbox\" opened in 300 cinemas on Friday, adding to the director's run of hits.",
])
def test_a_quoted_title_as_the_subject_is_no_quote(quotes, text):
    assert quotes(text) == []


def test_a_quoted_slogan_spoken_is_still_a_quote(quotes):
    [quote] = quotes("\"Build Back Better,\" the candidate told the crowd in Scranton.")
    assert quote.speaker.text == "the candidate"


@pytest.mark.parametrize("text", [
    # Welsh weekly
    "Police were instructed to check CCTV footage and the man was identified.",
    # Kenyan daily
    "Residents were urged to boil their water until further notice.",
])
def test_a_passive_order_with_no_one_giving_it_reports_nothing(quotes, text):
    assert quotes(text) == []


def test_a_passive_order_with_its_giver_is_reported(quotes):
    [quote] = quotes("Residents were urged by the county health officer to boil their water.")
    assert quote.text == "to boil their water"
