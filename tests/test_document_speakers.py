"""Documents and abbreviated ranks around a quote: a sentence that names officers by abbreviated
rank (``Brig. Gen.``, ``Pres.``, ``Det. Supt.``) keeps its cue, and an ``it`` after a sentence
whose subject is a document speaks for that document. Articles written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def quotes(run):
    def _extract(text: str):
        found = run(text).quotes
        assert all(text[q.start:q.end] == q.text for q in found)  # offsets hold
        return found
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


# a document issued by someone, with a ``that``/``which`` clause that says the quoted words:
# the issuer speaks (PolNeAR's Source); a sign or a shirt ``that read`` stays itself
ISSUED = [
    # US campaign copy
    ("Senator Maria Lopez is releasing a new ad that urges voters to \"finish the job\" in November.",
     "finish the job", "Senator Maria Lopez"),
    # UK broadsheet
    ("The Guardian ran a piece on Sunday which argued the reforms were \"a decade too late\".",
     "a decade too late", "The Guardian"),
    # Ghanaian daily
    ("The minister released a letter from his doctor that says he is \"fit to serve\" until 2028.",
     "fit to serve", "The minister"),
    # Australian wire copy
    ("The premier made a comment on radio that described the strike as \"reckless\".",
     "reckless", "The premier"),
]


@pytest.mark.parametrize("text,words,speaker", ISSUED)
def test_a_document_that_says_speaks_for_its_issuer(quotes, text, words, speaker):
    [quote] = _overlapping(quotes(text), text, words)
    assert quote.speaker is not None and text[quote.speaker.start:quote.speaker.end] == speaker
    assert quote.speaker_rule == "statement-issuer"


def test_a_sign_that_reads_is_not_its_holders(quotes):
    text = "He held up a sign which read \"Farmers first\" and waved it at the cameras."
    [quote] = _overlapping(quotes(text), text, "Farmers first")
    assert quote.speaker is None or text[quote.speaker.start:quote.speaker.end] != "He"



# ``X denounced what he called "..."``: the pronoun stands for the subject acting on the words,
# the mention PolNeAR gives as the Source
NAMED_BY_OUTER = [
    # US political copy
    ("Senator Ortiz has railed against what he calls the \"Beltway cartel\" for years.", "Beltway cartel",
     "Senator Ortiz"),
    # UN wire copy
    ("Secretary General Amina Diallo condemned what she called a \"brazen breach\" of the ceasefire.",
     "brazen breach", "Secretary General Amina Diallo"),
    # Jamaican daily
    ("The mayor of Kingston slammed what he described as \"careless\" driving by taxi operators.", "careless",
     "The mayor of Kingston"),
    # a campaign seeking to do something: the subject of the verb it completes
    ("Clinton's campaign is seeking to contrast her approach with what they call Trump's \"selfish message\".",
     "selfish message", "Clinton's campaign"),
]


@pytest.mark.parametrize("text,words,speaker", NAMED_BY_OUTER)
def test_a_pronoun_naming_the_words_gives_way_to_the_outer_subject(quotes, text, words, speaker):
    [quote] = _overlapping(quotes(text), text, words)
    assert text[quote.speaker.start:quote.speaker.end] == speaker
    assert quote.speaker_rule == "outer-namer"


@pytest.mark.parametrize("text,words,pronoun", [
    # a passive outer clause: the patient did not act, the pronoun stays
    ("She was taken to hospital after what she called a \"minor fall\" at home.", "minor fall", "she"),
    # the banks form, not the law that freed them
    ("The act freed banks to form what they called \"financial supermarkets\".", "financial supermarkets", "they"),
    # a pronoun that cannot stand for the outer subject
    ("I would rather live in what he calls \"hell\" than anywhere else.", "hell", "he"),
])
def test_the_naming_pronoun_stays_where_the_outer_subject_does_not_fit(quotes, text, words, pronoun):
    [quote] = _overlapping(quotes(text), text, words)
    assert text[quote.speaker.start:quote.speaker.end] == pronoun
