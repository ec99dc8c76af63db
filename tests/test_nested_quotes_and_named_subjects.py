"""Quotes inside quotes (a quoted question in a quoted answer, a nickname in a reader's comment),
a paragraph opened by a closing mark, and people named in apposition to a subject that is no
person. Every article here is written for the test, in the styles of several outlets."""

from __future__ import annotations

from quotegraph.quotes.marks import find_marked


def _marked(run, text):
    return [q for q in run(text).quotes if q.type in ("direct", "mixed")]


def _holding(run, text, words):
    """The one direct or mixed quote whose text holds ``words``."""
    found = [q for q in _marked(run, text) if words in q.text]
    assert len(found) == 1, [(q.type, q.text) for q in _marked(run, text)]
    return found[0]


def _stretches(text):
    return [text[m.start:m.end] for m in find_marked(text)]


# --- a quote inside a quote -------------------------------------------------------------------


def test_curly_question_inside_a_straight_quoted_answer_stays_inside_it(run):
    # Kenyan radio transcript style: the pollster reads a survey question out within his answer
    text = ("NAIROBI pollster Samuel Otieno discussed the survey with the station on Thursday.\n\n"
            "Otieno continued:\n\n"
            '"The cost of living is the main worry, and I will read you the question: \u201cDo you think '
            'the new levy will hurt your household?\u201d Sixty-one per cent said yes; thirty per cent said no."\n\n'
            "The survey was carried out in all 47 counties.")
    outer = text[text.index('"The cost'):text.index('said no."') + len('said no."')]
    assert outer in _stretches(text)
    quote = _holding(run, text, "Do you think")
    assert quote.text == outer
    assert quote.speaker is not None and quote.speaker.text == "Otieno"


def test_straight_title_inside_a_curly_quote_keeps_the_whole_quote(run):
    # UK style: a programme title in straight marks inside the curly quotation
    text = ("The presenter defended the broadcast.\n\n"
            "\u201cWe stand by every word of \"Panorama\" and by the people who spoke to us on the record,\u201d "
            "said Fiona Blake, the BBC's head of current affairs.")
    quote = _holding(run, text, "We stand by")
    assert quote.text.startswith("\u201cWe stand by") and quote.text.endswith("on the record,\u201d")
    assert "Fiona Blake" in quote.speaker.text


def test_curly_word_inside_a_curly_reader_comment_with_its_sign_off(run):
    # a US site's reader comments, each signed after a dash
    text = ("Readers told us what they thought of the debate.\n"
            "\u201cAs a young nurse I\u2019d rather live in what he calls \u201chell\u201d than live in a world "
            "where he is in charge.\u201d \u2015 Adriana Ruiz\n"
            "\u201cHe never answered a single question about wages or housing tonight.\u201d \u2015 Tomas Ortega")
    quote = _holding(run, text, "young nurse")
    assert quote.text.endswith("is in charge.\u201d")
    assert quote.speaker is not None and quote.speaker.text == "Adriana Ruiz"


def test_doubled_opening_mark_is_not_a_quote_inside_a_quote(run):
    # a wire text that printed a straight and a curly mark side by side
    text = ('"\u201cYou don\u2019t win the nomination by counting states,\u201d Rubio responded before adding '
            'that he would have to win some of the big ones."')
    quote = _holding(run, text, "You don\u2019t win")
    assert quote.text == "\u201cYou don\u2019t win the nomination by counting states,\u201d"
    assert quote.speaker.text == "Rubio"


def test_curly_marks_that_never_close_do_not_nest():
    text = "He wrote \u201cfirst \u201csecond\u201d and then \u201cthird\u201d in the margin."
    assert _stretches(text) == ["\u201csecond\u201d", "\u201cthird\u201d"]


def test_paragraph_opened_by_a_closing_mark_is_a_quote(run):
    # a US opinion site that printed the opening mark the wrong way round
    text = ("The senator answered the mother\u2019s question at length.\n\n"
            "\u201d \u2026 what I learned from listening to these families is that when you start calling "
            "them \u2018enemies,\u2019 the way it is heard by our friends is that we mean all of them,\u201d he said.")
    quote = _holding(run, text, "what I learned")
    assert quote.text.startswith("\u201d \u2026 what I learned")
    assert quote.speaker is not None and quote.speaker.text == "he"


# --- people named in apposition ---------------------------------------------------------------


def test_name_in_apposition_to_a_subject_that_is_no_person(run):
    # US campaign style; the parse takes "the election" for the subject of "called"
    text = ("With 50 days until the election, Minyon Moore, a senior adviser to the Harris campaign, called "
            "Mr. Biden's remarks on Saturday \"a true wake-up call\" to his supporters.")
    quote = _holding(run, text, "wake-up call")
    assert quote.speaker is not None and quote.speaker.text == "Minyon Moore"


def test_sentence_before_names_the_partner_in_apposition(run):
    # Australian business-page style: a quote paragraph after a sentence about the speaker
    text = ("The mining group collapsed in 2019.\n\n"
            "His former business partner at Lenox, Lawrence B. Cummings, called him a master at bolting "
            "together impossible business transactions. \"He showed again and again an ability to put "
            "together deals that other people couldn't.\"")
    quote = _holding(run, text, "He showed again")
    assert quote.speaker is not None and quote.speaker.text == "Lawrence B. Cummings"
