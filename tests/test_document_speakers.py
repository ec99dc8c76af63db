"""Documents and abbreviated ranks around a quote: a sentence that names officers by abbreviated
rank (``Brig. Gen.``, ``Pres.``, ``Det. Supt.``) keeps its cue, and an ``it`` after a sentence
whose subject is a document speaks for that document. Articles written for these tests."""

from __future__ import annotations

import pytest

from quotegraph.models import Article


@pytest.fixture(scope="module")
def quotes(extractor):
    def _extract(text: str):
        result = extractor.extract(Article(id="t", source="t", text=text))
        for q in result.quotes:
            assert text[q.start:q.end] == q.text
        return result.quotes
    return _extract


def _overlapping(quotes, text: str, words: str):
    start = text.index(words)
    return [q for q in quotes if q.start < start + len(words) and start < q.end]


# the quote comes after a list of people named by abbreviated ranks, in one sentence
ABBREVIATED = [
    # Philippine wire copy
    ("Mayor Ana Reyes thanked Brig. Gen. Jose Cruz, Pres. Ramon Lim and the volunteers, saying the town "
     "had been \"saved by its own people\".", "Ana Reyes"),
    # US local paper
    ("The family's lawyer, Atty. Mark Dale, wrote to Det. Sgt. Ruth Olsen and Supt. Karl Berg, "
     "saying the footage showed \"a clear breach of policy\".", "Mark Dale"),
    # Jamaican daily
    ("Commissioner Neville Brown praised Cpl. Andre Lewis and Insp. Joy Clarke, describing the arrests as "
     "\"the end of a long hunt\".", "Neville Brown"),
    # Indian daily
    ("The collector, Smt. Latha Rao, met Insp. Ravi Kumar and Cmdr. Sunil Shetty before describing the "
     "flood as \"the worst in forty years\".", "Latha Rao"),
]


@pytest.mark.parametrize("text,speaker", ABBREVIATED)
def test_abbreviated_ranks_do_not_end_the_sentence_before_a_quote(quotes, text, speaker):
    [quote] = _overlapping(quotes(text), text, "\u201c" if "\u201c" in text else "\"")
    assert quote.type == "mixed", quote.text
    assert quote.speaker_name == speaker, (quote.speaker_name, quote.text)


@pytest.mark.parametrize("abbreviation", ["Brig.", "Pres.", "Atty.", "Supt.", "Insp.", "Det.", "Cpl.", "Cllr."])
def test_an_abbreviated_rank_is_one_token(nlp, abbreviation):
    doc = nlp(f"They met {abbreviation} Jane Roe on Monday.")
    assert abbreviation in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_a_sentence_ending_in_a_whole_word_title_still_ends(nlp):
    doc = nlp("The award went to the councilor. He thanked the town.")
    assert len(list(doc.sents)) == 2


# ``it`` opening a sentence after one whose subject is a document: the document speaks
DOCUMENT_IT = [
    # Philippine broadsheet: a statement posted online, then ``It`` apologizes
    ("MANILA - The police chief dismissed the post as false.\n\n"
     "An unsigned statement, which was shared on a police station's page, admitted mistakes in the case.\n\n"
     "It also apologized to the mayor for remarks that caused \"hurt\" and \"anger\".", "statement", "hurt"),
    # Kenyan daily: a report, then ``It`` with a mixed quote
    ("NAIROBI - A report by the county auditor, tabled on Tuesday, found gaps in the water accounts. "
     "It said the utility had paid \"ghost suppliers\" for three years.", "report", "ghost suppliers"),
    # New Zealand regional paper: a letter after an organisation was named
    ("Rotorua Lakes Council met the owners in March.\n\n"
     "A letter sent to residents last week set out the plan. It described the works as \"urgent and overdue\".",
     "letter", "urgent and overdue"),
]


@pytest.mark.parametrize("text,document,words", DOCUMENT_IT)
def test_it_after_a_document_subject_is_that_document(quotes, text, document, words):
    found = _overlapping(quotes(text), text, words)
    assert found, "quote not found"
    assert found[0].speaker is not None and found[0].speaker.text == "It"
    assert found[0].speaker_name is not None and document in found[0].speaker_name, found[0].speaker_name


def test_it_after_an_organisation_subject_stays_the_organisation(quotes):
    text = ("NAIROBI - The Central Bank of Kenya raised its main rate on Tuesday. "
            "It said inflation was \"still too high\" for the shilling to recover.")
    [quote] = _overlapping(quotes(text), text, "still too high")
    assert quote.speaker_name == "Central Bank of Kenya"
