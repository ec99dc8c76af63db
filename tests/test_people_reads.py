"""The people stage's reads of a Doc give what spaCy's own calls give: ``char_tokens`` the tokens
of ``doc.char_span(..., alignment_mode="expand")``, ``tokens_text`` the text of ``doc[i:j]``,
``space_after`` a token's ``whitespace_``.

Checked on parsed articles in several styles, at every kind of character offset (inside a word,
on a space, at a line break, on a blanked leftover, before the text, past its end)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quotegraph.people.context import Frame
from quotegraph.people.gender import first_name_gender
from quotegraph.people.name_positions import at_words, first_name_pair_starts
from quotegraph.people.name_tokens import extends_name_word, is_name_word
from quotegraph.people.reads import space_after, subject_appositions, tokens_text
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


# -- per-Doc readers of the name finders and the person tables ---------------------------------

APPOSITION_ARTICLES = [
    "The cabinet member, Raj Sethi, said the budget would pass. Her deputy, Ana Lind, agreed.",
    "Bristol Rovers' new manager, former striker Tom Hale, told fans: \"We go again.\" "
    "The club, which was sold in May, declined to comment.",
]


@pytest.mark.parametrize("text", APPOSITION_ARTICLES)
def test_subject_appositions_are_the_appos_tokens_of_each_subjects_subtree(nlp, text):
    doc = nlp(text)
    expected = {}
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            found = [c.i for c in tok.subtree if c.dep_ == "appos"]
            if found:
                expected[tok.i] = found
    assert subject_appositions(doc) == expected


def test_subject_appositions_find_the_named_member(nlp):
    doc = nlp(APPOSITION_ARTICLES[0])
    sethi = next(t.i for t in doc if t.text == "Sethi")
    assert any(sethi in found or doc[sethi].head.i in found for found in subject_appositions(doc).values())


@pytest.mark.parametrize("text", ARTICLES + APPOSITION_ARTICLES)
def test_at_words_are_the_tokens_with_those_texts(nlp, text):
    doc = nlp(text)
    words = {t.text for t in doc if t.text[:1].isupper()} | {"absent-word"}
    assert at_words(doc, words) == [t.i for t in doc if t.text in words]
    assert at_words(doc, []) == []


def _pair_doc(nlp, words, spaces, persons=()):
    """A Doc with the given tokens, unparsed, with PERSON entities only at the token ranges
    ``persons``: the small model labels nearly every real first-name pair, so the unlabelled
    case is written out here."""
    ents = ["O"] * len(words)
    for a, b in persons:
        ents[a:b] = ["B-PERSON"] + ["I-PERSON"] * (b - a - 1)
    return Doc(nlp.vocab, words=words, spaces=spaces, ents=ents)


PAIR_DOCS = [
    # an unlabelled pair, a labelled one, a lower-case word, a three-word run
    (["Doris", "Day", "sang", ".", "Mary", "Smith", "and", "john", "met", "Peter", "Parker", "Jones", "."],
     [True, False, True, True, True, True, True, True, True, True, True, False, False], [(4, 6)]),
    # a line break after the first name, then a pair at the very end
    (["Police", "said", "James", "\n", "Brown", "was", "hurt", "by", "Sarah", "Connor"],
     [True, True, False, False, True, True, True, True, True, False], []),
]


@pytest.mark.parametrize(("words", "spaces", "persons"), PAIR_DOCS)
def test_first_name_pair_starts_apply_the_pair_conditions_to_every_token(nlp, words, spaces, persons):
    doc = _pair_doc(nlp, words, spaces, persons)
    expected = [
        k for k in range(len(doc) - 1)
        if not doc[k].ent_type_ and not doc[k + 1].ent_type_ and is_name_word(words[k])
        and extends_name_word(words[k]) and extends_name_word(words[k + 1])
        and "\n" not in doc[k].whitespace_ and first_name_gender(words[k]) is not None
        and not (k + 2 < len(words) and is_name_word(words[k + 2]))
    ]
    assert first_name_pair_starts(doc) == expected


def test_first_name_pairs_open_at_unlabelled_known_first_names_only(nlp):
    doc = _pair_doc(nlp, *PAIR_DOCS[0])
    assert [doc[k].text for k in first_name_pair_starts(doc)] == ["Doris"]
    doc = _pair_doc(nlp, *PAIR_DOCS[1])
    assert [doc[k].text for k in first_name_pair_starts(doc)] == ["Sarah"]


def test_the_frame_keeps_pronouns_and_subjects_outside_quotation_marks(nlp):
    text = 'Mary Smith said she was tired. "He lied and his team knew," Smith said. He denied it.'
    doc = nlp(text)
    frame = Frame.of(doc, text, [])
    quoted_he = text.index("He lied")
    pronoun_chars = [doc[i].idx for i in frame.pronouns]
    assert quoted_he not in pronoun_chars
    assert text.index("his team") not in pronoun_chars
    assert text.index("she was") in pronoun_chars and text.rindex("He denied") in pronoun_chars
    subject_chars = [doc[i].idx for _, found in frame.subjects for i in found]
    assert quoted_he not in subject_chars and text.index("team knew") not in subject_chars
    assert all(doc[start].is_sent_start for start, _ in frame.subjects)
