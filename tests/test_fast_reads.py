"""Reads that replace slower ones (token columns, str.find) give exactly what the slow reads gave."""

from __future__ import annotations

import re

import pytest

from quotegraph.about.entities import _occurrences
from quotegraph.syntax import by_sentence, column, tokens_with, word_ids

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
