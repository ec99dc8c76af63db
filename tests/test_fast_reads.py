"""Reads that replace slower ones (token columns, str.find) give exactly what the slow reads gave."""

from __future__ import annotations

import re

import pytest

from quotegraph.about.entities import _occurrences
from quotegraph.nlp import _ends_stretch, _longest_stretch, analysis_text, bound_sentences, join_title_abbreviations
from quotegraph.quotes.interviews import _LABEL, _label_matches
from quotegraph.quotes.marks import find_marked
from quotegraph.syntax import (
    by_sentence,
    char_range,
    column,
    entities,
    head_indices,
    path_up,
    per_doc,
    sentence_bounds,
    sentences,
    string_mask,
    strings_of,
    token_lowers,
    token_mask,
    token_texts,
    tokens_with,
    word_ids,
)

ARTICLE = (
    "LONDON (Reuters) - Britain's finance minister Rachel Reeves said on Tuesday she would not raise "
    "income tax. \u201cWe made a promise,\u201d she told reporters.\n\n"
    "Her deputy, Darren Jones, said he agreed. The Treasury declined to comment; its spokesman said "
    "they had nothing to add.\n"
    "Photo: PA\n"
)


def test_column_holds_what_each_token_says(nlp):
    doc = nlp(ARTICLE)
    labels, deps, lowers = column(doc, "ENT_TYPE"), column(doc, "DEP"), column(doc, "LOWER")
    assert len(labels) == len(deps) == len(lowers) == len(doc)
    for tok in doc:
        assert (labels[tok.i] != 0) == bool(tok.ent_type_)
        assert doc.vocab.strings[deps[tok.i]] == tok.dep_
        assert doc.vocab.strings[lowers[tok.i]] == tok.lower_


def test_tokens_with_finds_the_tokens_a_loop_over_tokens_finds(nlp):
    doc = nlp(ARTICLE)
    pronouns = {"she", "he", "her", "they", "its"}
    assert tokens_with(doc, "LOWER", word_ids(pronouns)) == [t.i for t in doc if t.lower_ in pronouns]
    subjects = {"nsubj", "nsubjpass"}
    found = tokens_with(doc, "DEP", word_ids(subjects))
    assert found == [t.i for t in doc if t.dep_ in subjects] and len(found) >= 5


def test_by_sentence_groups_indices_by_the_sentence_holding_them(nlp):
    doc = nlp(ARTICLE)
    sents = list(doc.sents)
    indices = [t.i for t in doc if t.is_punct]
    groups = list(by_sentence(sents, indices))
    assert [i for _, _, found in groups for i in found] == indices
    for n, sent, found in groups:
        assert sents[n] is sent and all(sent.start <= i < sent.end for i in found)
    assert list(by_sentence(sents, [])) == []


@pytest.mark.parametrize("name, text", [
    ("Nova", "Nova Scotia said. Nova-based firms and Novak, not _Nova or 2Nova; then Nova."),
    ("ana", "anana ana banana ana"),
    ("Maple Grove Foods", "Maple Grove Foods owes (Maple Grove Foods) and Maple Grove Foodsworth."),
    ("Sánchez", "Sánchez said; ÁSánchez did not; Sánchez\u2019s team."),
    ("O'Neill", "O'Neill and O'Neill-Smith and MO'Neill"),
])
def test_occurrences_are_those_of_the_word_bounded_pattern(name, text):
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    assert list(_occurrences(name, text)) == [m.span() for m in re.finditer(pattern, text)]
    for start, end in _occurrences(name, text):
        assert text[start:end] == name


def _stretch_by_tokens(doc) -> int:
    """The longest stretch, counted the slow way: one Token at a time through ``_ends_stretch``."""
    longest, start = 0, 0
    for tok in doc:
        if _ends_stretch(tok):
            longest, start = max(longest, tok.i - start + 1), tok.i + 1
    return max(longest, len(doc) - start + 1)


@pytest.mark.parametrize("text", [
    ARTICLE,
    "He said it was over.\u201d Then: \u201cNo.\u201d (Really.) U.S. officials agreed!\n\nWhy? " * 3,
    "word, " * 350 + "end. " + "more words here " * 120 + "\nand a line " * 40,
    'A run-on that ends glued that., the next "quoted." part? and on ' * 60,
    "",
    "\n\n",
])
def test_longest_stretch_read_from_arrays_is_the_token_by_token_count(nlp, text):
    doc = nlp.tokenizer.tokenizer(text)  # spaCy's own tokens, before any sentence is bounded
    assert _longest_stretch(doc) == (_stretch_by_tokens(doc) if len(doc) else 0)


def test_a_run_on_stretch_is_still_cut_and_a_short_one_is_not(nlp):
    doc = bound_sentences(nlp.tokenizer.tokenizer("and so on " * 200))
    assert any(t.is_sent_start for t in doc[1:])
    short = bound_sentences(nlp.tokenizer.tokenizer(ARTICLE))
    assert not any(t.is_sent_start for t in short[1:])


def test_token_texts_are_the_tokens_texts(nlp):
    doc = nlp(ARTICLE + " caf\u00e9 \u201cglued\u201d\u00a0here")
    assert token_texts(doc) == [t.text for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc] and token_lowers(doc) != token_texts(doc)
    assert token_texts(doc) is token_texts(doc) and column(doc, "IS_SPACE") is column(doc, "IS_SPACE")
    assert column(doc, "IS_SPACE") == [int(t.is_space) for t in doc] and any(column(doc, "IS_SPACE"))


def test_find_marked_hands_out_new_records_each_call():
    text = "\u201cFirst,\u201d she said. 'Second,' he said. \u201cOpen to the end\n\u201cAnd on,\u201d she added."
    first = find_marked(text)
    assert [text[m.start:m.end] for m in first][:2] == ["\u201cFirst,\u201d", "'Second,'"]
    first[0].start, first[0].closed = 5, False  # a caller adjusting its pair
    again = find_marked(text)
    assert again[0].start == 0 and again[0].closed and all(a is not b for a, b in zip(first, again, strict=True))


def test_per_doc_reads_once_per_doc(nlp):
    calls = []

    @per_doc
    def count_tokens(doc):
        calls.append(doc)
        return len(doc)

    one, two = nlp.tokenizer.tokenizer("One two."), nlp.tokenizer.tokenizer("Three four five.")
    assert [count_tokens(one), count_tokens(two), count_tokens(one)] == [3, 4, 3]
    assert calls == [one, two]


def test_masks_say_per_token_what_each_token_says(nlp):
    doc = nlp(ARTICLE)
    verbs = token_mask(doc, "POS", word_ids(("VERB", "AUX")))
    assert verbs.tolist() == [t.pos_ in ("VERB", "AUX") for t in doc] and verbs.sum() >= 5
    unlabelled = token_mask(doc, "ENT_TYPE", frozenset({0}))
    assert unlabelled.tolist() == [not t.ent_type_ for t in doc] and 0 < unlabelled.sum() < len(doc)
    said = string_mask(doc, "LEMMA", lambda lemma: lemma.lower() in {"say", "tell"})
    assert said.tolist() == [t.lemma_.lower() in {"say", "tell"} for t in doc] and said.sum() >= 3


def test_sentences_and_entities_are_those_of_the_doc_read_once(nlp):
    doc = nlp(ARTICLE)
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert sentences(doc) is sentences(doc) and entities(doc) is entities(doc)
    assert len(entities(doc)) >= 4


def test_head_indices_and_sentence_bounds_are_those_of_the_tokens(nlp):
    doc = nlp(ARTICLE)
    assert head_indices(doc) == [t.head.i for t in doc]
    starts, ends = sentence_bounds(doc)
    assert [(starts[t.i], ends[t.i]) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    assert len(set(starts)) == len(list(doc.sents)) >= 4


def test_path_up_walks_the_heads_to_the_root_within_its_limit(nlp):
    doc = nlp(ARTICLE)
    deepest = max(doc, key=lambda t: len(list(t.ancestors)))
    walked = [t.i for t in path_up(deepest, 50)]
    assert walked == [deepest.i] + [a.i for a in deepest.ancestors] and len(walked) >= 3
    assert [t.i for t in path_up(deepest, 2)] == walked[:2]


def test_char_range_is_the_span_of_the_tokens(nlp):
    doc = nlp(ARTICLE)
    for start, end in ((0, 1), (3, 9), (len(doc) - 4, len(doc))):
        span = doc[start:end]
        assert char_range(doc, start, end) == (span.start_char, span.end_char)


def _said_or_told(lemma: str) -> bool:
    _ASKED.append(lemma)
    return lemma.lower() in {"say", "tell"}


_ASKED: list[str] = []


def test_string_mask_asks_a_module_function_once_per_string_across_docs(nlp):
    first, second = nlp(ARTICLE), nlp("She said no. They told us. He says yes and she said so again.")
    for doc in (first, second, first):
        mask = string_mask(doc, "LEMMA", _said_or_told)
        assert mask.tolist() == [t.lemma_.lower() in {"say", "tell"} for t in doc] and mask.sum() >= 2
    assert len(_ASKED) == len(set(_ASKED))  # each lemma asked once, the second Doc's new ones only
    assert {"say", "tell"} <= {lemma.lower() for lemma in _ASKED}


def test_strings_of_holds_the_string_of_each_id(nlp):
    doc = nlp(ARTICLE + " caf\u00e9")
    table = strings_of(doc, column(doc, "ORTH"))
    assert [table[i] for i in column(doc, "ORTH")] == [t.text for t in doc]


def _blanked_char_by_char(text, blank):
    odd = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"
    chars = [" " if c in odd else c for c in text]
    for start, end in blank:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


@pytest.mark.parametrize("blank", [(), [(0, 5)], [(30, 60), (2, 12)], [(5, 40), (20, 70), (69, 71)]])
def test_analysis_text_blanks_as_a_char_by_char_pass_does(blank):
    text = "Photo:\u00a0PA\r\nHe said\u2009it was over.\nSign up\u202fnow\n\nShe said \u201cno.\u201d\n" * 2
    out = analysis_text(text, blank)
    assert out == _blanked_char_by_char(text, blank) and len(out) == len(text)
    assert out.count("\n") == text.count("\n")


def test_joined_abbreviations_change_only_the_word_after_them(nlp):
    tokenizer = nlp.tokenizer.tokenizer
    text = "He met Brig. Gen. Smith and Atty. Jones.\nThen Pres. Duterte spoke. Col. said no."
    before = [t.is_sent_start for t in tokenizer(text)]
    doc = join_title_abbreviations(tokenizer(text))
    after = [t.is_sent_start for t in doc]
    changed = {t.text for t, old, new in zip(doc, before, after, strict=True) if old != new}
    assert changed == {"Gen.", "Smith", "Jones", "Duterte"}  # ``Col. said``: not capitalised
    assert all(after[t.i] is False for t in doc if t.text in changed)


INTERVIEW = (
    "Jane Roe spoke to the Herald about the strike.\n"
    "Q: Why now?\nA: Because the talks failed. Note: we tried.\n"
    "HERALD: And next?\nROE: We wait.\u201d Q: Really?\n"
    "A line: with a colon. Mr. Smith: yes.\n:\nNo colon here\nX:\ty"
)


@pytest.mark.parametrize("text", [INTERVIEW, INTERVIEW.replace("\n", "\r\n"), "", "no colons at all\n"])
def test_label_matches_are_those_of_the_whole_text_search(text):
    whole = [(m.start(), m.end(), m.group("label")) for m in _LABEL.finditer(text)]
    assert [(m.start(), m.end(), m.group("label")) for m in _label_matches(text)] == whole
    assert len(whole) >= 4 or not text.count(":")
