"""Warnings: a name spelt two ways, one person given two ages."""

from __future__ import annotations

from quotegraph.people import build_entities
from quotegraph.settings import Options


def _warnings(nlp, text):
    return build_entities(nlp(text), [], Options(), None).warnings


def test_name_variant_warning(nlp):
    text = "Stephen Lawrence was a student. Friends of Steven Lawrence gathered on Friday."
    warnings = [w for w in _warnings(nlp, text) if w.code == "name-variant"]
    assert len(warnings) == 1
    assert [s.text for s in warnings[0].spans] == ["Stephen Lawrence", "Steven Lawrence"]


def test_different_first_names_sharing_a_surname_are_not_a_variant(nlp):
    text = "Mary Burke and her son Kevin Burke were at the hospital."
    assert not [w for w in _warnings(nlp, text) if w.code == "name-variant"]


def test_age_conflict_warning(nlp):
    text = "Tom Reilly, 45, was injured. Mr Reilly, 47, was later discharged."
    warnings = [w for w in _warnings(nlp, text) if w.code == "age-conflict"]
    assert len(warnings) == 1
    assert [s.text for s in warnings[0].spans] == ["45", "47"]


def test_warnings_reach_the_result(run):
    result = run("Stephen Lawrence was a student. Friends of Steven Lawrence gathered on Friday.")
    assert any(w.code == "name-variant" for w in result.warnings)
