"""The spaCy pipeline set-up: loaded once, quote marks glued to words split off."""

from __future__ import annotations

import tracemalloc

import spacy

from quotegraph.nlp import MAX_SENTENCE_TOKENS, analysis_text, install_tokenizer, load_model
from quotegraph.settings import DEFAULT_MODEL
from quotegraph.syntax import doc_text


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


def test_the_text_the_tokenizer_hands_over_is_the_docs_own(nlp):
    # doc_text takes the analysed string from the tokenizer instead of rebuilding doc.text; both
    # must agree, with odd spaces normalised and a caption line blanked
    text = "Sir\u00a0John Major said,\u201cNo.\u201d\nPhoto: Getty Images\n\nThe minister  declined.\r\n"
    doc = nlp(text)
    assert doc_text(doc) == doc.text == analysis_text(text, [(e["start"], e["end"]) for e in doc._.quotegraph_excluded])
    assert doc_text(doc) != text and len(doc_text(doc)) == len(text)


# --- sentence length bound (issue 17: one run-on sentence cost n squared in time and memory) ---

def _run_on(reports: int) -> str:
    """One sentence of nested reports, as a transcript or a spam page might hold."""
    return ("Smith and the council leader said that "
            + "the mayor told reporters that " * reports + "the budget was fine.")


def _starts(doc) -> list[int]:
    return [t.i for t in doc[1:] if t.is_sent_start]


def test_tokenizer_cuts_a_run_on_stretch_into_bounded_sentences():
    nlp = install_tokenizer(spacy.blank("en"))
    text = _run_on(200)  # about 1,000 tokens, no sentence end until the last
    doc = nlp(text)
    starts = _starts(doc)
    assert len(starts) >= len(doc) // (MAX_SENTENCE_TOKENS + 1)
    assert all(b - a <= MAX_SENTENCE_TOKENS + 1 for a, b in zip([0, *starts], [*starts, len(doc)], strict=True))
    assert doc.text == text and all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_tokenizer_cuts_after_a_comma_when_one_is_near():
    nlp = install_tokenizer(spacy.blank("en"))
    clause = "the mayor told reporters that the budget was fine, "
    doc = nlp("Smith said that " + clause * 80 + "and that was all.")
    starts = _starts(doc)
    assert starts and all(doc[i - 1].text == "," for i in starts)


def test_tokenizer_sets_no_sentence_start_in_ordinary_text():
    nlp = install_tokenizer(spacy.blank("en"))
    paragraph = ("The council voted 7-2 on Tuesday to close two libraries, a decision that Mayor Ana Ruiz, "
                 "who had opposed the cuts, said would \u201churt the families who need them most.\u201d "
                 "Asked whether the vote could be reversed, she said: \u201cWe will try.\u201d\n\n")
    long_sentence = "Residents said " + ", ".join(f"the branch on street {i} mattered" for i in range(40)) + ".\n"
    doc = nlp(paragraph * 20 + long_sentence)  # the long sentence has about 240 tokens, under the bound
    assert not _starts(doc)


def test_parser_never_makes_a_sentence_over_the_bound(nlp):
    text = _run_on(300)
    doc = nlp(text)
    assert len(doc) > 4 * MAX_SENTENCE_TOKENS
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1


def test_a_glued_full_stop_does_not_end_the_stretch(nlp):
    """``that., the``: the parser runs on through a full stop glued to a comma (one sentence of
    over 2,000 tokens here), so the stretch must go on through it too."""
    text = "Smith said that " + ("the mayor told reporters that " * 40 + "., ") * 10 + "it was fine."
    doc = nlp(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1


def test_run_on_quotes_keep_their_offsets_and_stay_inside_a_piece(run):
    text = _run_on(300)
    result = run(text)
    assert result.quotes
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert len(quote.text) < 10 * MAX_SENTENCE_TOKENS  # a piece, not the rest of the text


def _stage_peak(nlp, text: str) -> int:
    """Peak bytes that Python allocates while the quotegraph components run on ``text``."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name.startswith("quotegraph"):
            break
        doc = component(doc)
    tracemalloc.start()
    try:
        for name, component in nlp.pipeline:
            if name.startswith("quotegraph"):
                doc = component(doc)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_of_the_quotegraph_stages_grows_linearly_with_a_run_on_sentence(nlp):
    """Unbounded, every nested report's content ran to the end of the one sentence: 4 times the
    text took 14.8 times the memory (5.3 MB, 78.9 MB); bounded, 4.1 times (1.2 MB, 4.7 MB).
    tracemalloc counts allocations, not time, so this does not depend on the machine's load."""
    _stage_peak(nlp, _run_on(50))  # first-call allocations (imports, caches) are not the text's
    small, large = _stage_peak(nlp, _run_on(400)), _stage_peak(nlp, _run_on(1600))
    assert large <= 6 * small, (small, large, large / small)
