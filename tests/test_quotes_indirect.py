"""Indirect quotes: reported speech without quote marks, its cue and its speaker mention."""

from __future__ import annotations

import json

import pytest

from quotegraph.quotes.indirect import find_indirect
from quotegraph.settings import Options

NEWS = Options()
POLNEAR = Options(beliefs=True)


@pytest.fixture(scope="module")
def indirect(nlp):
    """``indirect(text, taken=(), options=NEWS)`` -> quotes found in ``text``."""

    def _find(text: str, taken=(), options: Options = NEWS):
        return find_indirect(nlp(text), [], list(taken), options)

    return _find


def only(quotes):
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def check_spans(text, quote):
    assert text[quote.start:quote.end] == quote.text
    for span in [quote.cue, quote.speaker, *quote.parts]:
        if span is not None:
            assert text[span.start:span.end] == span.text


def test_uk_council_said_without_that(indirect):
    text = "The council said two schools in Hartlepool would close next summer."
    q = only(indirect(text))
    check_spans(text, q)
    assert q.type == "indirect"
    assert q.text == "two schools in Hartlepool would close next summer"
    assert q.cue.text == "said"
    assert q.speaker.text == "The council"


def test_told_reporters_that_keeps_the_full_subject(indirect):
    text = "Finance director David Tyler told reporters that the group would keep its 66% stake."
    q = only(indirect(text))
    check_spans(text, q)
    assert q.text == "that the group would keep its 66% stake"
    assert q.cue.text == "told"
    assert q.speaker.text == "Finance director David Tyler"


def test_urged_to_clause_is_the_content(indirect):
    text = "Police urged residents to stay indoors and keep their windows closed."
    q = only(indirect(text))
    assert q.text.startswith("to stay indoors")
    assert q.cue.text == "urged"
    assert q.speaker.text == "Police"


def test_called_for_someone_to_resign(indirect):
    text = "A Yorkshire Conservative MP has called for the Prime Minister and Chancellor to resign."
    q = only(indirect(text))
    assert q.cue.text == "called for"
    assert "Chancellor to resign" in q.text
    assert q.speaker.text == "A Yorkshire Conservative MP"


def test_passive_announcement_has_content_but_no_speaker(indirect):
    text = "It was announced on Monday that the Redcar plant would shut by Christmas."
    q = only(indirect(text))
    assert q.text == "that the Redcar plant would shut by Christmas"
    assert q.cue.text == "announced"
    assert q.speaker is None


def test_passive_with_agent_names_the_speaker(indirect):
    text = "Residents were warned by police that the road would stay closed."
    q = only(indirect(text))
    assert q.text == "that the road would stay closed"
    assert q.speaker.text == "police"


def test_hearer_of_a_passive_is_not_the_speaker(indirect):
    text = "The families were told that the inquiry would report in the spring."
    q = only(indirect(text))
    assert q.text == "that the inquiry would report in the spring"
    assert q.speaker is None


def test_content_before_the_cue(indirect):
    text = "Two primary schools would close in September, the county council said."
    q = only(indirect(text))
    assert q.text == "Two primary schools would close in September"
    assert q.speaker.text == "the county council"
    assert q.start < q.cue.start


def test_inversion_said_the_minister(indirect):
    text = "The factory will cut 300 jobs over two years, said the economy minister."
    q = only(indirect(text))
    assert q.text == "The factory will cut 300 jobs over two years"
    assert q.cue.text == "said"
    assert q.speaker.text == "the economy minister"


def test_cue_inside_the_content_gives_two_parts(indirect):
    text = "The bridge, the mayor said, would reopen before the end of the month."
    q = only(indirect(text))
    assert [p.text for p in q.parts] == ["The bridge", "would reopen before the end of the month"]
    assert q.speaker.text == "the mayor"


def test_denial_is_a_quote(indirect):
    text = "The senator denied that she had misled investigators about the emails."
    q = only(indirect(text))
    assert q.cue.text == "denied"
    assert q.text == "that she had misled investigators about the emails"
    assert q.speaker.text == "The senator"


def test_pointed_out_keeps_the_particle_in_the_cue(indirect):
    text = "Ms Patel pointed out that the scheme had already cost taxpayers £2m."
    q = only(indirect(text))
    assert q.cue.text == "pointed out"
    assert q.speaker.text == "Ms Patel"


def test_pronoun_speaker_kept_as_written(indirect):
    text = "He said the company had not been warned about the flood risk."
    q = only(indirect(text))
    assert q.speaker.text == "He"


def test_speaker_of_a_conjoined_cue(indirect):
    text = "Tyler refused to comment on the bid but said GUS would keep all of its stake."
    q = only(indirect(text))
    assert q.text == "GUS would keep all of its stake"
    assert q.cue.text == "said"
    assert q.speaker.text == "Tyler"


def test_speaker_of_a_participle_cue(indirect):
    text = "The governor vetoed the bill on Friday, saying it would raise property taxes."
    q = only(indirect(text))
    assert q.cue.text == "saying"
    assert q.text == "it would raise property taxes"
    assert q.speaker.text == "The governor"


def test_speaker_through_responded_by_saying(indirect):
    text = "Mahlobo responded by saying that he was unwell and needed to see a doctor."
    q = only(indirect(text))
    assert q.speaker.text == "Mahlobo"


def test_speaker_mention_stops_before_a_relative_clause(indirect):
    text = "A spokesperson for Unison, which represents the cleaners, said talks would resume."
    q = only(indirect(text))
    assert q.speaker.text == "A spokesperson for Unison"


def test_us_style_says_present_tense(indirect):
    text = "Sen. Maria Lopez says the bill will not pass the House this year."
    q = only(indirect(text))
    assert q.cue.text == "says"
    assert q.speaker.text == "Sen. Maria Lopez"
    assert q.text == "the bill will not pass the House this year"


def test_belief_verbs_only_in_beliefs_mode(indirect):
    text = "Mr. Ruiz believes the tax plan will hurt small businesses in Ohio."
    assert indirect(text) == []
    q = only(indirect(text, options=POLNEAR))
    assert q.cue.text == "believes"
    assert q.speaker.text == "Mr. Ruiz"
    assert "tax plan will hurt" in q.text


def test_according_to_only_in_beliefs_mode(indirect):
    text = "The turnout was the lowest since 1998, according to the state elections board."
    assert indirect(text) == []
    q = only(indirect(text, options=POLNEAR))
    assert q.cue.text == "according to"
    assert q.text == "The turnout was the lowest since 1998"


def test_stance_with_a_noun_object_only_in_beliefs_mode(indirect):
    text = "The union endorsed Hillary Clinton on Tuesday."
    assert indirect(text) == []
    q = only(indirect(text, options=POLNEAR))
    assert q.cue.text == "endorsed"
    assert q.text == "Hillary Clinton"
    assert q.speaker.text == "The union"


def test_nominal_report_is_not_a_quote(indirect):
    text = "His announcement that the plant would close shocked the town."
    assert indirect(text) == []


def test_said_as_an_adjective_is_not_a_cue(indirect):
    text = "The said property was sold at auction in March for £340,000."
    assert indirect(text) == []


def test_said_without_a_reported_clause_is_not_a_quote(indirect):
    text = "She said nothing when reporters approached her outside the court."
    assert indirect(text) == []


def test_question_about_speech_is_not_a_quote(indirect):
    text = "Did the minister say that the hospital would stay open?"
    assert indirect(text) == []


def test_no_overlap_with_a_quote_in_marks(indirect):
    text = "The mayor said the city was “ready for anything” after the storm."
    start = text.index("“")
    end = text.index("”") + 1
    assert indirect(text, taken=[(start, end)]) == []
    assert only(indirect(text)).speaker.text == "The mayor"


def test_mixed_sentence_before_the_cue_left_to_quotes_in_marks(indirect):
    text = 'The baby had not fed yet, but "that is normal," so staff are calm, the keeper said.'
    start = text.index('"')
    end = text.index('"', start + 1) + 1
    assert indirect(text, taken=[(start, end)]) == []


def test_content_does_not_cross_a_paragraph_break(indirect):
    text = "The trust apologised for the error.\n\nDr Evans said the family had been told the wrong news."
    q = only(indirect(text))
    assert q.text == "the family had been told the wrong news"
    assert "\n" not in q.text


def test_whole_pipeline_reports_indirect_quote_with_resolved_offsets(run):
    text = ("Rockford Police said the call was a hoax.\n\n"
            "Officers searched the building for two hours, police said.")
    result = run(text)
    indirect = [q for q in result.quotes if q.type == "indirect"]
    assert [q.text for q in indirect] == ["the call was a hoax",
                                          "Officers searched the building for two hours"]
    for q in indirect:
        check_spans(result.text, q)


def test_as_clause_attributes_the_main_clause(indirect):
    text = "As the Boston Globe reported, the mayor will not seek a third term."
    q = only(indirect(text))
    assert q.cue.text == "reported"
    assert q.speaker.text == "the Boston Globe"
    assert q.text == "the mayor will not seek a third term"


def test_speaker_through_an_adjective_complement(indirect):
    text = "Ms Khan was quick to point out that the budget had been cut twice."
    q = only(indirect(text))
    assert q.cue.text == "point out"
    assert q.speaker.text == "Ms Khan"


def test_speaker_of_a_participle_report_is_not_a_subject_inside_quote_marks(run):
    result = run('Coach Dale Smith said, "We will win this," adding that the team was ready.\n')
    [indirect] = [q for q in result.quotes if q.type == "indirect"]
    assert "team was ready" in indirect.text
    assert indirect.speaker is not None and indirect.speaker.text != "We"
    assert indirect.speaker_name == "Dale Smith"


def _run_on(n: int) -> str:
    return "Smith " + "and the council leader said that the mayor told reporters that " * n + "the budget was fine."


def test_output_grows_linearly_with_a_run_on_sentence_of_nested_reports(extractor):
    """Each nested report's content runs to the sentence end; kept at every depth, the output
    grew with the square of the input (81 MB of JSON from 50 KB)."""
    from quotegraph.models import Article

    def size(n: int) -> int:
        result = extractor.extract(Article(id="run-on", source="run-on", text=_run_on(n)))
        return len(json.dumps(result.as_dict()))
    small, large = size(60), size(120)
    assert large <= 2.3 * small, (small, large)
    assert large <= 25 * len(_run_on(120)), (large, len(_run_on(120)))


def test_shallow_reports_of_a_nested_chain_are_kept_whole(indirect):
    text = "Smith said that the mayor told reporters that the council had claimed that the budget was fine."
    quotes = indirect(text)
    assert [q.text for q in quotes] == [
        "that the mayor told reporters that the council had claimed that the budget was fine",
        "that the council had claimed that the budget was fine",
        "that the budget was fine",
    ]
    for quote in quotes:
        check_spans(text, quote)
