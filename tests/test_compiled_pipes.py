"""The compiled attribute ruler and lemmatizer set exactly what spaCy's stock components set:
on the model's own patterns and tables, and on patterns of every kind the ruler handles apart."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from quotegraph.compiled_lemmatizer import CompiledLemmatizer
from quotegraph.compiled_ruler import CompiledAttributeRuler
from quotegraph.nlp import compile_stock_pipes, load_spacy
from quotegraph.settings import Options

# Articles in several outlets' styles, with what the model's multi-token and dependency rules
# are for: "gon na", "got ta", "let's", "ain't", "y'all", "c'mon", "nothin'", expletive "there",
# auxiliaries, determiners used as pronouns, and blank lines (whitespace tokens).
ARTICLES = [
    "WASHINGTON (AP) — Senators said Tuesday they were gonna push the bill through.\n\n"
    "\"We ain't done yet,\" said Sen. Maria Lopez, D-N.M. \"Let's get this finished. Y'all know "
    "what's at stake.\"\n\nThere is no date for a vote, aides said.",
    "LONDON, March 3 (Reuters) - The council has got ta find £2m, its leader told reporters. "
    "\"C'mon, this was never nothin' to us,\" she added. That is what residents fear.\n",
    "Photo: Getty Images\n\nMayor Dan Okafor, 52, who was elected in 2019, said: 'Those who wrote "
    "this have not read it.'   Which is why, he said, there were protests.\n\n\n  Advertisement  \n",
    "Analysis | The minister would not say whether she had been warned. \"I can't and I won't "
    "comment,\" she said, adding that there are \"questions that gotta be answered\".",
]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    """The model pipeline as spaCy loads it, and the same pipeline with the compiled components."""
    model = Options().model
    return load_spacy(model), compile_stock_pipes(load_spacy(model))


def annotations(doc: Doc) -> tuple[list, list[str], list[str]]:
    return (doc.to_array([POS, TAG, MORPH, LEMMA, DEP, NORM]).tolist(), [str(t.morph) for t in doc],
            [t.lemma_ for t in doc])


def test_the_model_pipeline_gets_them_under_the_stock_names_with_the_same_rules(pair):
    stock, compiled = pair
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    assert isinstance(compiled.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert isinstance(compiled.get_pipe("lemmatizer"), CompiledLemmatizer)
    assert not isinstance(stock.get_pipe("lemmatizer"), CompiledLemmatizer)
    assert compiled.pipe_names == stock.pipe_names
    assert compiled.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    assert compiled.get_pipe("lemmatizer").lookups.tables == stock.get_pipe("lemmatizer").lookups.tables
    names = [(name, type(pipe)) for name, pipe in compiled.pipeline]
    assert [(n, type(p)) for n, p in compile_stock_pipes(compiled).pipeline] == names  # a second time: nothing


def test_the_extractors_pipeline_uses_them(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CompiledLemmatizer)


@pytest.mark.parametrize("text", ARTICLES)
def test_articles_get_the_stock_annotations(pair, text):
    stock, compiled = pair
    expected = annotations(stock(text))
    assert annotations(compiled(text)) == expected
    assert annotations(compiled(text)) == expected  # again, from the outcomes kept


def test_the_multi_token_and_dependency_rules_take_effect(pair):
    _, compiled = pair
    doc = compiled(ARTICLES[0])
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["gon"], lemmas["na"]) == ("go", "to")  # a two-token pattern, both indices
    assert lemmas["ai"] == "be"  # a two-token pattern with a regular expression on the second
    there = next(t for t in doc if t.lower_ == "there")
    assert there.dep_ == "expl" and doc[there.i + 1].pos_ == "VERB"
    assert all(t.dep_ == "dep" for t in doc if t.is_space and t.dep_)
    assert {lemmas["Senators"], lemmas["said"], lemmas["were"]} == {"senator", "say", "be"}  # the lemmatizer's rules


def test_a_saved_model_pipeline_loads_with_the_compiled_components(pair, tmp_path):
    stock, compiled = pair
    compiled.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.get_pipe("lemmatizer"), CompiledLemmatizer)
    assert isinstance(loaded.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert annotations(loaded(ARTICLES[1])) == annotations(stock(ARTICLES[1]))


WORDS = ["said", "gon", "na", "got", "ta", "let", "'s", "ai", "n't", "y'", "all", "c'm", "on", "nothin'",
         "there", "is", "was", "were", "that", "which", "those", "can", "will", "have", "been", "the", "mayor",
         "Lopez", "\"", "'", ",", ".", "\n\n", "  ", "—", "I", "she", "they", "it", "to", "go", "£2m", "52"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40))
def test_any_mix_of_the_rules_words_gets_the_stock_annotations(pair, words):
    stock, compiled = pair
    text = " ".join(words)
    assert annotations(compiled(text)) == annotations(stock(text))


# Patterns of every kind the compiled ruler treats apart, overlapping so that precedence shows:
# one-token equality, IN, NOT_IN and REGEX tests; a fixed-length pattern with an index; a
# pattern with an operator (whole-Doc matcher); and one that sets NORM, which no column holds.
CUSTOM = [
    {"patterns": [[{"LOWER": "apple"}]], "attrs": {"POS": "PROPN", "LEMMA": "Apple"}},
    {"patterns": [[{"LOWER": {"IN": ["apple", "pear"]}}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "apple"}, {"LOWER": "pie"}]], "attrs": {"LEMMA": "dessert"}, "index": 1},
    {"patterns": [[{"LOWER": "big", "OP": "+"}, {"LOWER": "apple"}]], "attrs": {"MORPH": "Number=Sing"},
     "index": -1},
    {"patterns": [[{"ORTH": "Pie"}]], "attrs": {"NORM": "pie!", "POS": "X"}},
    {"patterns": [[{"LOWER": {"REGEX": "^pe"}}], [{"IS_PUNCT": True}]], "attrs": {"TAG": "NN"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["apple", "pie"]}, "IS_PUNCT": False}]], "attrs": {"LEMMA": "x"}},
    {"patterns": [[{"LOWER": "pie"}]], "attrs": {"POS": "VERB"}},
]
CUSTOM_TEXTS = ["Big big apple Pie, pear and peach.", "apple pie apple Pie", "", "  ", "pie", "!"]


def _blank_pair(patterns: list[dict]) -> tuple[Language, Language]:
    stock, compiled = spacy.blank("en"), spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(patterns)
    compiled.add_pipe("quotegraph_attribute_ruler", name="attribute_ruler").add_patterns(patterns)
    return stock, compiled


@pytest.mark.parametrize("text", CUSTOM_TEXTS)
def test_every_kind_of_pattern_gets_the_stock_result_and_precedence(text):
    stock, compiled = _blank_pair(CUSTOM)
    assert annotations(compiled(text)) == annotations(stock(text))


def test_custom_patterns_do_fire():
    _, compiled = _blank_pair(CUSTOM)
    doc = compiled("Big big apple Pie, pear")
    assert [t.pos_ for t in doc] == ["", "", "NOUN", "VERB", "", "NOUN"]  # later keys win
    assert doc[3].lemma_ == "dessert" and doc[3].norm_ == "pie!" and str(doc[2].morph) == "Number=Sing"
    assert doc[4].tag_ == "NN" and doc[5].tag_ == "NN" and doc[0].lemma_ == "x"


def test_patterns_added_after_use_take_effect():
    stock, compiled = _blank_pair(CUSTOM[:2])
    compiled("apple pear")
    for nlp in (stock, compiled):
        nlp.get_pipe("attribute_ruler").add_patterns(CUSTOM[2:])
    assert annotations(compiled("apple Pie pear")) == annotations(stock("apple Pie pear"))


def test_a_saved_pipeline_loads_with_the_compiled_ruler(tmp_path):
    stock, compiled = _blank_pair(CUSTOM)
    compiled("apple pie")
    compiled.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert annotations(loaded(CUSTOM_TEXTS[0])) == annotations(stock(CUSTOM_TEXTS[0]))
