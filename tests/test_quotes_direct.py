"""Direct and mixed quotes: quote marks, attribution positions, continuations, mixed clauses,
and what is not a quote (scare quotes, titles, apostrophes, unbalanced marks)."""

from __future__ import annotations

from quotegraph.quotes.marks import find_marked


def _marked(run, text):
    return [q for q in run(text).quotes if q.type in ("direct", "mixed")]


def _one(run, text):
    quotes = _marked(run, text)
    assert len(quotes) == 1, [(q.type, q.text) for q in quotes]
    return quotes[0]


def _parts(quote):
    return [p.text for p in quote.parts]


# --- quote marks -----------------------------------------------------------------------------


def test_straight_curly_and_low_quote_marks_pair_up():
    text = 'He said: "One." She said: \u201cTwo.\u201d They said: \u201eThree.\u201d'
    assert [text[m.start:m.end] for m in find_marked(text)] == ['"One."', "\u201cTwo.\u201d", "\u201eThree.\u201d"]


def test_two_apostrophes_work_as_a_double_mark():
    text = "''We will win,'' the senator said."
    [m] = find_marked(text)
    assert text[m.start:m.end] == "''We will win,''"


def test_uk_single_marks_are_told_from_apostrophes():
    text = ("'We are very happy with the Smiths' offer,' he said. Rock 'n' roll in the '90s "
            "didn't need O'Brien's help.")
    [m] = find_marked(text)
    assert text[m.start:m.end] == "'We are very happy with the Smiths' offer,'"


def test_unbalanced_mark_stays_inside_its_paragraph():
    para = 'The mayor said "we will look at it and then he left the room. ' * 3
    text = para + "\n\nA second paragraph with no marks at all.\n\n" + "Third paragraph. " * 200
    for m in find_marked(text):
        assert "\n" not in text[m.start:m.end]
        assert m.end - m.start < len(para) + 1


def test_many_stray_marks_do_not_crash_or_run_away(run):
    text = ('He "said. "And" then" more "words\n\n"\n\n" "" "x\n\n' * 20) + "The council said it would act."
    result = run(text)
    for quote in result.quotes:
        assert quote.end - quote.start < 300


# --- attribution positions -------------------------------------------------------------------


def test_attribution_after_us_style(run):
    q = _one(run, '"We are not going to raise taxes on working families," the governor said on Monday.')
    assert q.type == "direct"
    assert q.cue.text == "said" and q.speaker.text == "the governor"
    assert q.text.startswith('"We are not') and q.confidence >= 0.8


def test_attribution_inverted_order(run):
    q = _one(run, "\u201cThe figures speak for themselves,\u201d said the minister.")
    assert q.speaker.text == "the minister"


def test_attribution_before_with_colon_uk_style(run):
    q = _one(run, "Mrs Bointon told the Northern Echo: 'I was shocked by what happened to my mother.'")
    assert q.speaker.text == "Mrs Bointon"
    assert q.cue.text == "told"
    assert q.text.startswith("'I was shocked")


def test_she_added_colon(run):
    text = "The head teacher welcomed the decision.\n\nShe added: \u201cThe children deserve a safe building.\u201d"
    q = _one(run, text)
    assert q.speaker.text == "She" and q.cue.text == "added"


def test_interrupted_quote_is_one_quote_with_two_parts(run):
    text = '"We will not back down," Jones said, "not now, not ever."'
    q = _one(run, text)
    assert _parts(q) == ['"We will not back down,"', '"not now, not ever."']
    assert q.speaker.text == "Jones"
    assert q.start == 0 and q.end == len(text)


def test_next_sentence_continues_the_quote(run):
    text = "\u2018We are delighted,\u2019 said Ms Patel. \u2018It has been a long wait for the village.\u2019"
    q = _one(run, text)
    assert len(q.parts) == 2 and q.speaker.text == "Ms Patel"


def test_told_reporters_and_quoted_as_saying(run):
    q = _one(run, 'The chief constable told reporters: "Nobody is above the law in this county."')
    assert q.speaker.text == "The chief constable"
    q = _one(run, 'He was quoted as saying, "We will fight this all the way to the Supreme Court."')
    assert q.speaker.text == "He" and q.cue.text == "saying"


def test_quote_alone_takes_the_subject_of_the_sentence_before(run):
    q = _one(run, 'Smith was furious. "This is a disgrace and I will not accept it from anyone."')
    assert q.speaker.text == "Smith"
    assert q.cue is None and q.confidence < 0.8


def test_quote_paragraph_after_reported_speech_takes_its_speaker(run):
    text = ("Judge Neilan said the tape was court property.\n\n"
            '"I am deeply offended that officers would release material that was never shown to the court."')
    q = _one(run, text)
    assert q.speaker.text == "Judge Neilan"


# --- multi-paragraph convention --------------------------------------------------------------


def test_multi_paragraph_quote_continues_with_the_same_speaker(run):
    text = ("\u201cThis is the first paragraph of a long statement,\u201d said Smith.\n\n"
            "\u201cThis paragraph continues it and has no attribution of its own.\n\n"
            "\u201cAnd this one ends it.\u201d\n\nThe meeting ended at noon.")
    quotes = _marked(run, text)
    assert len(quotes) == 2
    second = quotes[1]
    assert len(second.parts) == 2  # the open paragraph and the closing one
    assert second.parts[0].text.startswith("\u201cThis paragraph")
    assert second.parts[1].text == "\u201cAnd this one ends it.\u201d"
    assert second.speaker.text == "Smith"
    assert "The meeting" not in second.text


def test_continuation_paragraph_inherits_speaker(run):
    text = ('"We had no warning," said Mr Hughes, who runs the bakery.\n\n'
            '"The water came up through the floor in minutes and we lost everything in the shop."')
    quotes = _marked(run, text)
    assert len(quotes) == 2
    assert quotes[1].speaker is not None and quotes[1].speaker.text == "Mr Hughes"


# --- mixed quotes ----------------------------------------------------------------------------


def test_mixed_quote_includes_the_reported_clause(run):
    text = 'The health secretary said she was "deeply concerned" by the figures.'
    q = _one(run, text)
    assert q.type == "mixed"
    assert q.text == 'she was "deeply concerned" by the figures'
    assert q.speaker.text == "The health secretary"


def test_mixed_quote_with_that(run):
    q = _one(run, 'Rajoy said on Monday that he would "try to form a stable government" soon.')
    assert q.type == "mixed" and q.text.startswith("that he would")
    assert q.speaker.text == "Rajoy"


def test_called_the_ruling_a_disgrace(run):
    q = _one(run, 'The opposition leader called the ruling "a disgrace" on Tuesday.')
    assert q.type == "mixed" and '"a disgrace"' in q.text
    assert q.speaker.text == "The opposition leader"


# --- not quotes ------------------------------------------------------------------------------


def test_scare_quotes_titles_and_nicknames_are_not_quotes(run):
    text = ('The so-called "Brexit dividend" never arrived. She starred in "The Crown" last year. '
            'Fans call him "The Bus" at the club.')
    assert _marked(run, text) == []


def test_title_after_a_possessive_is_not_a_quote_even_near_a_cue(run):
    text = ("She told the BBC’s “Today Programme” on Monday the talks were cordial and predicted "
            "a deal “within weeks, not months”.")
    assert [q.text for q in _marked(run, text) if "Today" in q.text] == []
    assert any("within weeks" in q.text for q in _marked(run, text))


def test_a_title_in_the_attribution_does_not_break_the_continuation(run):
    text = ("“He is absolutely right. There is a real gap between the council and the town,” Ms Reid, a "
            "local organiser, said on Monday on BBC Radio Kent’s “Breakfast Show.” “I mean, "
            "nobody here was asked about any of it.”")
    quotes = _marked(run, text)
    assert len(quotes) == 1 and "Ms Reid" in quotes[0].speaker.text
    assert [p.text[:12] for p in quotes[0].parts] == ["“He is absol", "“I mean, nob"]


def test_short_fragment_without_cue_is_dropped_but_long_one_is_kept(run):
    assert _marked(run, 'The "plan" was late. The roads were closed.') == []
    kept = _marked(run, 'The roads were closed.\n\n"Nobody could get in or out of the village for three whole days."')
    assert len(kept) == 1


def test_quote_marks_inside_excluded_leftover_give_no_quote(run):
    text = ('The council met on Monday.\n\nREAD MORE: "Council to close two schools," say parents\n\n'
            '"We will fight the closures," said Mrs Jones.')
    result = run(text)
    leftovers = [(e.start, e.end) for e in result.excluded]
    for q in result.quotes:
        assert not any(s < q.end and q.start < e for s, e in leftovers)
    assert any(q.speaker and q.speaker.text == "Mrs Jones" for q in result.quotes)


def test_reported_speech_over_quoted_words_is_not_duplicated(run):
    result = run('The minister said: "We will build three new hospitals by 2030."')
    assert len(result.quotes) == 1 and result.quotes[0].type == "direct"


def test_quote_continued_after_a_leftover_does_not_span_it(run):
    text = ('Mr Whittaker said: "Through this process it has not been clear if any rules were broken.\n\n'
            "Play Brightcove video\n\n"
            '"My expectation is that he should do the right thing and resign."')
    result = run(text)
    assert result.excluded, "the video credit should be a leftover"
    leftover = result.excluded[0]
    quotes = [q for q in result.quotes if q.type in ("direct", "mixed")]
    assert len(quotes) == 2
    for q in quotes:
        assert not (q.start < leftover.end and leftover.start < q.end)
        assert q.speaker.text == "Mr Whittaker"


def test_sign_off_names_the_speaker(run):
    q = _one(run, '"We came here for a better life and we found it in this town." \u2014 Maria Lopez, 34, Phoenix')
    assert q.speaker.text == "Maria Lopez"
    text = ('"The idea that I would dismantle health care is just not accurate."\n\n- Sanders.\n\n'
            "Sanders exaggerates when he says so.")
    q = _one(run, text)
    assert q.speaker.text == "Sanders" and q.confidence >= 0.6



def test_subheadings_and_picture_credits_do_not_sign_a_quote(run):
    text = ('Ms Hart said the coastal towns mattered more than ever.\n\n'
            '"These towns are the backbone of our fishing industry and of our whole economy."\n\n'
            'HARBOUR FEARS.\n\nOther councillors said the vote was close.')
    q = _one(run, text)
    assert q.speaker is not None and q.speaker.text == "Ms Hart"
    text = ('\u201cI founded the choir because I believe in this town,\u201d Okoro said on stage.\n\n'
            '\u201cI want every child here to sing loudly and I want them to be proud.\u201d\n\nReuters.\n\n'
            'The concert ran late.')
    quotes = [q for q in run(text).quotes if q.type == "direct"]
    assert quotes and all(q.speaker is not None and q.speaker.text == "Okoro" for q in quotes)


def test_cue_read_as_a_plural_noun_after_the_quote(run):
    text = ('\u201cThey know she is the only one strong enough,\u201d a voice-over in the ad states. '
            '\u201cShe will stand up to the developers.\u201d')
    quotes = _marked(run, text)
    assert quotes and quotes[0].cue is not None and quotes[0].cue.text == "states"
    assert quotes[0].speaker is not None and "voice-over" in quotes[0].speaker.text
    assert "states" not in quotes[0].speaker.text


def test_speaker_glued_to_its_cue_by_the_parse(run):
    q = _one(run, '"The bridge will be finished by spring," the council notes.')
    assert q.speaker is not None and "council" in q.speaker.text




def test_long_attribution_with_a_subordinate_clause_still_joins_the_next_sentence(run):
    # Nairobi-style court copy: the attribution runs past 30 tokens and holds a clause of its own
    text = ("“The budget is not a wish list,” the committee chairwoman, Ms Wanjiru Kamau, said on Tuesday "
            "after the finance minister failed to appear at the second hearing he had been summoned to "
            "in as many weeks by the members of the county assembly. “We expect answers by Friday.”")
    q = _one(run, text)
    assert [p.text for p in q.parts] == ["“The budget is not a wish list,”", "“We expect answers by Friday.”"]
    assert "Kamau" in q.speaker.text


def test_a_clause_where_someone_else_speaks_is_not_a_subordinate_attribution(run):
    text = ('"The roads are open again," the mayor said on Monday, where the premier also spoke. '
            '"We will rebuild the bridge by June."')
    q = _one(run, text)
    assert len(q.parts) == 2 and q.speaker.text == "the mayor"


def test_a_coordinated_clause_with_its_own_speaker_breaks_the_continuation(run):
    text = ('"We are ready for the storm," Mrs Tan said, and her husband Lee laughed. '
            '"We bought far too much rice."')
    quotes = _marked(run, text)
    assert len(quotes) == 2


def test_that_clause_running_on_past_the_marks_is_mixed_to_its_end(run):
    text = 'Police in Kingston said that "a petrol bomb" had been thrown at the station overnight.'
    q = _one(run, text)
    assert q.type == "mixed"
    assert q.text == 'that "a petrol bomb" had been thrown at the station overnight'
    assert q.speaker.text.startswith("Police")


def test_that_clause_ending_at_the_closing_mark_stays_direct(run):
    q = _one(run, 'The Ghana Health Service said that "the outbreak is under control."')
    assert q.type == "direct" and q.text == 'that "the outbreak is under control."'


def test_a_cue_heading_the_quoted_clause_does_not_end_the_mixed_quote(run):
    text = ('The farmers\u2019 union said the advertisement "unfairly and wrongly" suggests that growers '
            'support the new levy.')
    q = _one(run, text)
    assert q.type == "mixed" and q.text.endswith("support the new levy")
