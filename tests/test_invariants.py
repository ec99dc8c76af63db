"""Property tests: every offset indexes the returned text, and nothing comes from leftovers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spans import check_invariants

from quotegraph.schema import validate

FRAGMENTS = [
    '"', "\u201c", "\u201d", "\u201e", "'", "\u2018", "\u2019", "''", "``", "\n", "\n\n", "\r\n", " ",
    "\u00a0", "\t", "said", "says", "told reporters", "she said.", "he added:", "according to",
    "Mr Smith", "Mrs Jane Doe", "Sir John Major", "Dr. Amal Clooney", "the council", "It", "They",
    "the 45-year-old", "Smith, 45,", "READ MORE: Council tax to rise", "Picture: PA",
    "Photo: Getty Images", "(Image: Reuters)", "Sign up to our newsletter", "yesterday",
    "on Tuesday", "12 March 2024", "2,000", "don't", "'90s", "\u00e9t\u00e9", "\u4e2d\u6587",
    "\U0001f600", "Ωμέγα", "\ufffd", ".", ",", ":", ";", "?", "—", "-", "(", ")",
]

adversarial = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60
).map("".join)


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(adversarial, st.text(max_size=300)))
def test_every_span_indexes_the_text(run, text):
    record = run(text).as_dict()
    assert record["text"] == text
    check_invariants(record)
    validate(record)


LEFTOVER_LINES = ["Photo", "Picture: PA", "READ MORE: Council tax to rise", "Advertisement",
                  "Sign up to our newsletter", "(Image: Reuters)", "Share this article", "bod", "y demand it ese."]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]
ODD = ["\x00", "\u2028", "\u200b", "e\u0301", "\ufeff", "\U0001f1ec\U0001f1e7", "\u202e"]
lines = st.lists(st.one_of(st.sampled_from(LEFTOVER_LINES), adversarial, st.sampled_from(ODD)), min_size=1, max_size=12)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=lines, ends=st.lists(st.sampled_from(LINE_ENDS), min_size=12, max_size=12))
def test_invariants_hold_with_leftover_lines_and_any_line_endings(run, parts, ends):
    # every span, speakers included, stays off the excluded leftovers (docs/format.md)
    text = "".join(line + end for line, end in zip(parts, ends, strict=False))
    record = run(text).as_dict()
    assert record["text"] == text
    check_invariants(record)
    validate(record)


def test_a_speaker_across_a_leftover_line_is_cut_to_the_body():
    from quotegraph.models import ArticleResult, Excluded, Quote, Span
    from quotegraph.spans_outside import keep_off_leftovers

    text = "bod\nPhoto\ny demand it ese."
    quote = Quote(start=12, end=25, text=text[12:25], type="indirect", speaker=Span.of(text, 0, 11),
                  cue=Span.of(text, 12, 18), parts=[Span.of(text, 12, 25)])
    result = keep_off_leftovers(ArticleResult(id="x", source="x", text=text, excluded=[Excluded(4, 9, "media")],
                                              quotes=[quote]))
    assert result.quotes[0].speaker == Span.of(text, 0, 3)
    check_invariants(result.as_dict())


def test_the_issue_example_keeps_its_speaker_off_the_caption(run):
    check_invariants(run("bod\nPhoto\ny demand it ese.").as_dict())


REALISTIC = (
    "Council leader Margaret Hale, 58, said the decision was \"the hardest this authority has had to make\".\n\n"
    "\u201cNobody came into local government to shut libraries,\u201d she told the meeting. \u201cBut the money "
    "has not kept pace.\u201d\n\n"
    "'We will fight this,' Mr Reeves said.\n\n"
    "\"Every one of us will be asking residents to sign the petition.\n\n"
    "\"And we will take it to the Secretary of State.\"\n\n"
    "READ MORE: Ashford bus route to be cut\n\n"
    "Picture: Margaret Hale at the meeting. Photo: Ashford Gazette\n"
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, len(REALISTIC)), insert=st.sampled_from(FRAGMENTS))
def test_invariants_hold_on_damaged_articles(run, cut, insert):
    text = REALISTIC[:cut] + insert + REALISTIC[cut:]
    check_invariants(run(text).as_dict())


def test_a_quote_continued_across_a_leftover_is_cut_in_two(run):
    text = (
        'Ms Okafor said: "The roads have been left to chaos for too long.\n\n'
        "Advertisement\n\n"
        '"Every passenger will now have a number to call."\n'
    )
    result = run(text)
    record = result.as_dict()
    check_invariants(record)
    assert [e.reason for e in result.excluded]
    quotes = [q for q in result.quotes if q.type == "direct"]
    assert any("chaos" in q.text for q in quotes) and any("number to call" in q.text for q in quotes)
    assert len({q.speaker_name for q in quotes}) == 1 and quotes[0].speaker_name
