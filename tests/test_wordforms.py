"""The word forms every stage shares: one plural rule, one age phrase."""

from __future__ import annotations

import pytest

from quotegraph.people.sources import speaker_kind
from quotegraph.store.organizations import _form_key
from quotegraph.wordforms import AGE, singular


@pytest.mark.parametrize(("plural", "one"), [
    ("agencies", "agency"), ("spokesmen", "spokesman"), ("Republicans", "Republican"),
    ("officials", "official"), ("women", "woman"), ("rabbis", "rabbi")])
def test_plurals_become_singular(plural, one):
    assert singular(plural) == one


@pytest.mark.parametrize("word", ["business", "census", "analysis", "police", "bus", "its"])
def test_words_that_only_end_in_s_stay(word):
    assert singular(word) == word


def test_organisation_keys_and_source_kinds_read_plurals_alike():
    # An organisation's plural and singular share a corpus key ...
    assert _form_key("The Republicans") == _form_key("Republican")
    assert _form_key("Emergency Agencies") == _form_key("emergency agency")
    # ... and a plural source noun is the same kind of source as its singular.
    assert speaker_kind("agencies") == speaker_kind("agency") == "source"
    assert speaker_kind("spokesmen") == "source"
    assert speaker_kind("the 45-year-old") == "source"
    assert speaker_kind("game") == "not a source"
    assert speaker_kind("About 40 rabbis") == "source"


@pytest.mark.parametrize(("text", "age"), [
    ("the 45-year-old", "45"), ("a 7 year old boy", "7"), ("the 102-year-old veteran", "102")])
def test_age_phrases(text, age):
    match = AGE.search(text)
    assert match and match.group(1) == age


def test_no_age_in_a_year_count():
    assert AGE.search("the 2024 year-end review") is None
