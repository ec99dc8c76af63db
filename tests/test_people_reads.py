"""The people stage's reads of a Doc give what spaCy's own calls give: ``char_tokens`` the tokens
of ``doc.char_span(..., alignment_mode="expand")``, ``tokens_text`` the text of ``doc[i:j]``,
``space_after`` a token's ``whitespace_``.

Checked on parsed articles in several styles, at every kind of character offset (inside a word,
on a space, at a line break, on a blanked leftover, before the text, past its end)."""

from __future__ import annotations

import pytest

from quotegraph.people.reads import space_after, tokens_text
from quotegraph.syntax import char_tokens

ARTICLES = [
    # British regional paper, double space after a full stop and a paragraph break
    "Councillor Jane Doe, 54, said the bypass was \u201cyears late\u201d.  She added:\n\n"
    "\u201cWe were promised it in 2019.\u201d Mr. Smith's office declined to comment.",
    # US wire copy with a dateline and an em dash
    "WASHINGTON (AP) \u2014 Sen. Maria Lopez, D-N.M., told reporters on Tuesday that the bill "
    "\"won't pass\" this year.",
    # Leading spaces, a trailing newline and a lone word
    "   Okafor said:  \"No.\"\n",
]


def _offsets(text: str) -> list[tuple[int, int]]:
    """Every pair of offsets from just before the text to just past its end, a few apart."""
    points = list(range(-2, len(text) + 3, 3)) + [0, len(text) - 1, len(text)]
    return [(a, b) for a in points for b in points if b >= a]


@pytest.mark.parametrize("text", ARTICLES)
def test_char_tokens_are_the_tokens_of_an_expanded_char_span(nlp, text):
    doc = nlp(text)
    for start, end in _offsets(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        expected = None if span is None else (span.start, span.end)
        assert char_tokens(doc, start, end) == expected, (start, end, text[start:end])


@pytest.mark.parametrize("text", ARTICLES)
def test_tokens_text_is_the_text_of_the_token_slice(nlp, text):
    doc = nlp(text)
    for i in range(len(doc) + 1):
        for j in range(len(doc) + 1):
            assert tokens_text(doc, i, j) == doc[i:j].text, (i, j)


@pytest.mark.parametrize("text", ARTICLES)
def test_space_after_is_the_whitespace_of_the_token(nlp, text):
    doc = nlp(text)
    assert [space_after(doc, k) for k in range(len(doc))] == [t.whitespace_ for t in doc]


def test_char_tokens_on_an_empty_doc(nlp):
    doc = nlp("")
    assert char_tokens(doc, 0, 0) is None
    assert char_tokens(doc, 0, 3) is None
