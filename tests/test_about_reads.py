"""The about stage's index reads give exactly what the spaCy reads they replace give."""

from __future__ import annotations

import pytest

from quotegraph.about.reads import root_in, sentence_of
from quotegraph.syntax import char_tokens as token_range
from quotegraph.syntax import head_indices as heads

ARTICLE = (
    "DUBLIN \u2014 The Garda Commissioner, Drew Harris, told reporters on Monday that the force "
    "\u201cwill not be cowed\u201d.  He said officers at Store Street had done their duty.\n\n"
    "Speaking to RT\u00c9 News, Ms McEntee said: \u201cI have full confidence in him.\u201d\n"
    "Photo: Getty\n"
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(ARTICLE)


def _offsets(text: str) -> list[int]:
    # every token edge, the characters around them, whitespace runs, and both ends (and beyond)
    return sorted({-1, 0, 1, *range(len(text) - 3, len(text) + 2), *range(0, len(text), 7)})


def test_token_range_is_what_char_span_covers(doc):
    text = doc.text
    checked = 0
    for start in _offsets(text):
        for end in (e for e in _offsets(text) if e >= start):
            for mode, contract in (("expand", False), ("contract", True)):
                span = doc.char_span(start, end, alignment_mode=mode)
                got = token_range(doc, start, end, contract)
                assert got == (None if span is None else (span.start, span.end)), (start, end, mode)
                checked += 1
    assert checked > 1000


def test_token_range_at_token_edges_and_trailing_space(doc):
    first, second = doc[0], doc[1]
    end_of_first = first.idx + len(first)
    # a range starting on a token's trailing space begins at the next token, as char_span has it
    assert token_range(doc, end_of_first, second.idx + len(second)) == (1, 2)
    assert token_range(doc, 0, end_of_first) == (0, 1)
    assert token_range(doc, 1, end_of_first - 1, contract=True) is None
    assert token_range(doc, -1, 3) is None
    assert token_range(doc, 0, len(doc.text) + 1) is None


def test_root_and_sentence_and_heads_match_spacy(doc):
    for ent in doc.ents:
        assert root_in(doc, ent.start_char, ent.end_char) == ent.root
    for token in doc:
        assert sentence_of(doc, token.i) == token.sent
        assert heads(doc)[token.i] == token.head.i
    assert root_in(doc, -5, 2) is None
