"""The spaCy pipeline set-up: loaded once, quote marks glued to words split off."""

from __future__ import annotations

from quotegraph.nlp import analysis_text, load_model
from quotegraph.settings import DEFAULT_MODEL


def test_model_is_loaded_once_per_process(nlp):
    assert load_model(DEFAULT_MODEL) is nlp


def test_glued_quote_marks_become_their_own_tokens(nlp):
    tokens = [t.text for t in nlp("He said,\u201cLook at this,\u201dClinton said.")]
    assert tokens[:4] == ["He", "said", ",", "\u201c"]
    assert "\u201d" in tokens and "Clinton" in tokens


def test_glued_quote_is_attributed(run):
    result = run('The senator said,"We will not back down on this bill," before leaving the chamber.\n')
    [quote] = result.quotes
    assert quote.type == "direct" and quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "The senator"


def test_analysis_text_keeps_length_and_blanks_leftovers():
    text = "Sir\u00a0John said yes.\nPhoto: PA\nEnd."
    out = analysis_text(text, [(19, 28)])
    assert len(out) == len(text)
    assert out.startswith("Sir John said yes.\n") and out[19:28].strip() == "" and out.endswith("\nEnd.")
