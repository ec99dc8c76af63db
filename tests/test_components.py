"""quotegraph as spaCy components: the same quotes as ``extract`` through ``nlp.add_pipe``, a
user's pipeline in ``Extractor``, span groups, DocBin round trips and the registered tokenizer."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict

import pytest
import spacy
from spacy.tokens import DocBin

from quotegraph.components import CUES, PEOPLE, QUOTES, SPEAKERS, article_text, quotes_of, records_of
from quotegraph.models import Article
from quotegraph.nlp import load_spacy
from quotegraph.pipeline import Extractor
from quotegraph.settings import DEFAULT_MODEL, Options

ARTICLES = {
    # UK regional, with leftover lines (caption, read-more, advert) inside the story
    "uk-council": (
        "Councillors in Bexley have voted to close two libraries, despite a petition signed by 4,000 residents.\n\n"
        "Photo: Library users protest outside the civic centre. Credit: Jane Doe\n\n"
        "Cllr Peter Hale, cabinet member for communities, said: \"We had no choice. The grant was cut by a third "
        "and the buildings need repairs we cannot pay for.\"\n\n"
        "READ MORE: Town centre car park to close for six months\n\n"
        "Advertisement\n\n"
        "Campaigner Sue Marsh said the council had ignored residents. \"They made up their minds before the "
        "consultation even started,\" she told the Echo.\n"
    ),
    # wire copy, US style, inverted attribution and a continuation paragraph
    "us-wire": (
        "WASHINGTON (AP) — The Senate passed the spending bill late Thursday.\n\n"
        "\"This is a good day for working families,\" said Senate Majority Leader Maria Lopez. "
        "\"We kept our promise.\"\n\n"
        "Republicans said the bill would add to the deficit. Sen. Tom Brandt of Ohio called it "
        "\"a reckless spree\" and promised to fight it in conference.\n\n"
        "\"We will be back,\" he said.\n"
    ),
    # Indian English, colon-introduced quote and indirect speech
    "in-court": (
        "NEW DELHI: The Supreme Court on Monday refused to stay the order.\n\n"
        "Senior advocate Kapil Mehra, appearing for the petitioners, argued that the notification was "
        "arbitrary. Justice R. Banerjee observed: \"The court cannot substitute its wisdom for that of the "
        "legislature.\"\n\n"
        "The Attorney General told the bench that the government would file its reply within two weeks.\n"
    ),
}


# Filled by Extractor after the components: they need the publication date, which a Doc lacks.
ARTICLE_LEVEL = ("about", "addressee", "said_on")


def _component_fields(quote: dict) -> dict:
    return {k: v for k, v in quote.items() if k not in ARTICLE_LEVEL}


def _extract_plain(extractor: Extractor) -> dict[str, list[dict]]:
    articles = [Article(id=k, text=v, source=k) for k, v in ARTICLES.items()]
    return {r.id: [_component_fields(asdict(q)) for q in r.quotes] for r in extractor.extract_many(articles)}


@pytest.fixture(scope="module")
def extracted(extractor) -> dict[str, list[dict]]:
    found = _extract_plain(extractor)
    assert all(found.values()), "every test article has quotes"
    return found


ADD_PIPE_SCRIPT = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
nlp.add_pipe("quotegraph_quotes")
nlp.add_pipe("quotegraph_people")
texts = json.loads(sys.stdin.read())
print(json.dumps({k: nlp(v)._.quotegraph_quotes for k, v in texts.items()}))
"""


def test_add_pipe_without_import_gives_the_quotes_of_extract(extracted):
    """A fresh process that never imports quotegraph: spaCy finds the factories through the
    entry points, and the quotes (cues, speakers, resolved names) are those of extract."""
    done = subprocess.run([sys.executable, "-c", ADD_PIPE_SCRIPT, DEFAULT_MODEL], input=json.dumps(ARTICLES),
                          capture_output=True, text=True, check=True)
    piped = {k: [_component_fields(q) for q in v] for k, v in json.loads(done.stdout).items()}
    assert piped == extracted
    assert all("Photo" not in q["text"] and "Advertisement" not in q["text"] for q in extracted["uk-council"])


def test_extractor_takes_a_users_pipeline_and_adds_the_components(extracted):
    nlp = load_spacy(DEFAULT_MODEL)  # a fresh pipeline, not the cached one
    assert "quotegraph_quotes" not in nlp.pipe_names
    extractor = Extractor(Options(), nlp=nlp)
    assert nlp.pipe_names[-2:] == ["quotegraph_quotes", "quotegraph_people"]
    assert _extract_plain(extractor) == extracted
    Extractor(Options(), nlp=nlp)  # a second time adds nothing
    assert nlp.pipe_names.count("quotegraph_quotes") == 1


def test_span_groups_hold_quotes_cues_speakers_and_people(nlp):
    doc = nlp(ARTICLES["us-wire"])
    quotes = quotes_of(doc)
    assert {s.id_ for s in doc.spans[QUOTES]} == {q.id for q in quotes}
    for span in doc.spans[QUOTES]:
        quote = next(q for q in quotes if q.id == span.id_)
        assert span.label_ == quote.type
        assert any(span.start_char <= p.start and p.end <= span.end_char for p in quote.parts)
    assert {s.text for s in doc.spans[CUES]} >= {"said"}
    assert any(s.text == "Senate Majority Leader Maria Lopez" for s in doc.spans[SPEAKERS])
    people = {s.text for s in doc.spans[PEOPLE]}
    assert "Maria Lopez" in " ".join(people) and "Tom Brandt" in " ".join(people)


def test_leftovers_are_blanked_before_tokenising_and_the_article_text_kept(nlp):
    text = ARTICLES["uk-council"]
    doc = nlp(text)
    assert len(doc.text) == len(text) and doc.text != text
    assert "Advertisement" not in doc.text and "READ MORE" not in doc.text
    assert article_text(doc) == text
    found = records_of(doc)
    assert {e.reason for e in found.excluded} == {"credit", "read-more", "advert"}
    for quote in found.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert all(text[p.start : p.end] == p.text for p in quote.parts)


def test_docbin_keeps_span_groups_and_with_user_data_the_records(nlp):
    docs = [nlp(t) for t in ARTICLES.values()]
    plain = DocBin(docs=docs).to_bytes()
    full = DocBin(docs=docs, store_user_data=True).to_bytes()
    vocab = spacy.blank("en").vocab
    for before, after in zip(docs, DocBin().from_bytes(plain).get_docs(vocab), strict=True):
        for key in (QUOTES, CUES, SPEAKERS, PEOPLE):
            assert [(s.start, s.end, s.label_, s.id_) for s in after.spans[key]] == \
                   [(s.start, s.end, s.label_, s.id_) for s in before.spans[key]]
        assert after._.quotegraph_quotes is None  # extension data needs store_user_data
    for before, after in zip(docs, DocBin(store_user_data=True).from_bytes(full).get_docs(vocab), strict=True):
        assert records_of(after) == records_of(before)
        assert article_text(after) == article_text(before)


def test_registered_tokenizer_and_callback_work_from_a_config():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "quotegraph.LeftoverTokenizer.v1"}}})
    doc = nlp('He said,\u201cLook at this.\u201d\nAdvertisement\nEnd.')
    assert [t.text for t in doc][:4] == ["He", "said", ",", "\u201c"]
    assert "Advertisement" not in doc.text and article_text(doc).count("Advertisement") == 1
    split = spacy.registry.callbacks.get("quotegraph.split_glued_punctuation.v1")()
    plain = split(spacy.blank("en"))
    assert [t.text for t in plain('so,\u201dClinton said')][:3] == ["so", ",", "\u201d"]


def test_a_doc_made_by_another_tokenizer_still_keeps_quotes_out_of_leftovers(nlp):
    text = "Photo: Jane Doe/Reuters\nThe mayor said the roads would reopen on Monday.\n"
    doc = nlp(nlp.tokenizer.tokenizer(text))  # a Doc passed in: quotegraph's tokenizer is skipped
    assert article_text(doc) == text
    [quote] = quotes_of(doc)
    assert quote.text.startswith("the roads") and all(p.start > 24 for p in quote.parts)


LOAD_BEFORE_IMPORT_SCRIPT = """
import json, sys, spacy
from spacy.tokens import DocBin
docs = list(DocBin(store_user_data=True).from_bytes(sys.stdin.buffer.read()).get_docs(spacy.blank("en").vocab))
from quotegraph.components import quotes_of, records_of  # only now: msgpack left the records tagged
print(json.dumps([[q.speaker_name for q in quotes_of(d)] + [p.name for p in records_of(d).people] for d in docs]))
"""


def test_docbin_loaded_before_quotegraph_is_imported_still_gives_the_records(nlp):
    docs = [nlp(t) for t in ARTICLES.values()]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    done = subprocess.run([sys.executable, "-c", LOAD_BEFORE_IMPORT_SCRIPT], input=data, capture_output=True,
                          check=True)
    expected = [[q.speaker_name for q in quotes_of(d)] + [p.name for p in records_of(d).people] for d in docs]
    assert json.loads(done.stdout) == expected
    assert any("Maria Lopez" in names for names in expected)


def test_plain_extensions_are_the_records_as_quotegraph_1_data(nlp):
    doc = nlp(ARTICLES["us-wire"])
    found = records_of(doc)
    assert doc._.quotegraph_quotes == [asdict(q) for q in found.quotes]
    assert doc._.quotegraph_entities["people"] == [asdict(p) for p in found.people]
    assert {q["speaker_name"] for q in doc._.quotegraph_quotes} >= {"Maria Lopez"}
