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


# --- speakers of quotes introduced by objects, participles and "according to" -------------------


def test_colon_after_an_object_gives_the_clause_subject(run):
    q = _one(run, 'After the floods, the council leader Mary Evans issued the following statement: '
                  '"Our thoughts are with every family who has lost a home this week."')
    assert q.speaker.text.endswith("Mary Evans")
    q = _one(run, 'Back in Leeds, he returned to his favourite theme: "We will build the homes this city needs."')
    assert q.speaker.text == "he"


def test_a_named_source_after_a_dash_keeps_the_colon_rule(run):
    q = _one(run, "Turnout figures are hard to read - Electoral Commission: \u201cThe register was complete "
                  "and accurate on polling day in every constituency.\u201d")
    assert "Electoral Commission" in q.speaker.text


def test_according_to_wins_over_the_clause_subject(run):
    quotes = run('While most of the files were marked "confidential," according to a Home Office official, '
                 'two were later upgraded.').quotes
    marked = [q for q in quotes if q.type in ("direct", "mixed")]
    assert marked and marked[0].speaker is not None and "official" in marked[0].speaker.text


def test_participle_on_a_statement_is_spoken_by_who_issued_it(run):
    q = _one(run, "The union issued a statement saying it would \u201cfight every single job cut at the plant\u201d.")
    assert q.speaker.text == "The union"
    q = _one(run, 'Her campaign sent an email to supporters stating, "We are in this race until the very last vote."')
    assert q.speaker.text == "Her campaign"


def test_participle_never_takes_the_subject_of_its_own_clause(run):
    q = _one(run, 'On Saturday, the prime minister issued a statement saying that Mr Jones was "a remarkable '
                  'public servant and a loyal friend".')
    assert "Jones" not in q.speaker.text and "minister" in q.speaker.text


def test_object_of_a_prompting_verb_speaks_its_to_clause(run):
    q = _one(run, "The result prompted the Institute for Fiscal Studies to state, \u201cThe public finances are in "
                  "a worse position than at any time since the war.\u201d")
    assert "Institute for Fiscal Studies" in q.speaker.text


def test_relative_pronoun_speaker_spans_the_name_and_resolves_to_it(run):
    result = run("The cuts fell hardest on Sir Keir Starmer, who said he was \u201cdeeply disappointed\u201d by the vote.")
    [q] = [q for q in result.quotes if q.type in ("direct", "mixed")]
    assert q.speaker.text == "Sir Keir Starmer, who"
    assert result.text[q.speaker.start:q.speaker.end] == q.speaker.text
    assert q.speaker_name == "Keir Starmer"
    person = next(p for p in result.people if p.id == q.speaker_id)
    assert not any("who" in a for a in person.aliases)


def test_relative_pronoun_after_a_description_resolves_like_the_description(run):
    result = run('Dr Ama Mensah is the trust\'s medical director. It was the medical director who said, '
                 '"We have apologised to the family and we will learn from this."')
    [q] = [q for q in result.quotes if q.type == "direct"]
    assert q.speaker.text.endswith("who") and q.speaker_name == "Ama Mensah"


def test_verb_with_a_particle_introduces_a_quote(run):
    q = _one(run, "After the minister criticised her record, Ms Okafor shot back, \u201cI have delivered more homes "
                  "in two years than he managed in ten.\u201d")
    assert q.speaker.text == "Ms Okafor"


def test_inverted_verb_after_a_quote_gives_the_name_after_it(run):
    q = _one(run, "The crowd roared. \u201cThis is the best night of my life!\u201d beamed Tom Ellis of Gateshead, "
                  "who had queued since dawn.")
    assert q.speaker.text.startswith("Tom Ellis") and q.speaker_name == "Tom Ellis"


def test_an_adjunct_after_the_cue_is_not_an_inverted_speaker(run):
    q = _one(run, "\u201cIt is not the case that everything is rosy,\u201d Gene Barker, a senior adviser to the "
                  "party, said at a recent business breakfast in Leeds.")
    assert q.speaker.text == "Gene Barker"


def test_shouted_down_is_not_speech(run):
    q = _one(run, "Comedian Sarah Rhodes was booed and shouted down by supporters of the mayor after telling them "
                  "they were \u201cbeing ridiculous\u201d.")
    assert "Sarah Rhodes" in q.speaker.text


def test_a_quote_after_an_attributed_one_keeps_its_speaker_not_the_next_name_line(run):
    text = ("She had lived in Cork for a decade. \u201cShe was a mother of three young boys,\u201d another friend, "
            "Aoife Byrne told RT\u00c9. \u201cShe used to run the parish choir and help everyone.\u201d\n\n"
            "Mary Walsh, 54.\n\nThe search continued on Sunday.")
    quotes = _marked(run, text)
    assert {q.speaker.text for q in quotes} == {"Aoife Byrne"}
    assert any("parish choir" in q.text or any("parish choir" in p.text for p in q.parts) for q in quotes)


def test_cue_left_without_a_subject_by_the_parse_takes_the_phrase_before_it(run):
    q = _one(run, "The row began after Mr. Hale, asked about the closure of the two wards, had said, "
                  "\u201cI think this hospital does plenty of good work already.\u201d")
    assert q.speaker.text == "Mr. Hale"


def test_passive_cue_is_never_given_the_word_before_it(run):
    result = run('The council leader defended his deputy as "a very decent man" on Tuesday, hours after the '
                 "deputy was charged with fraud.")
    q = next(q for q in result.quotes if "decent" in q.text)
    assert "leader" in q.speaker.text


def test_asked_right_after_a_quote_is_inverted(run):
    q = _one(run, "\u201cHow big will the new stand be?\u201d asked the boy, who had come with his father from Derby.")
    assert q.speaker.text == "the boy"


def test_reported_to_have_said_keeps_the_passive_subject(run):
    q = _one(run, "The prime minister is reported to have called the rebels \u201ca bunch of chancers\u201d at a "
                  "private dinner.")
    assert "prime minister" in q.speaker.text


def test_inverted_unlisted_verb_with_a_description_after_the_quote(run):
    q = _one(run, '"It is about time this city had a woman as mayor," exhorted the candidate\'s sister, '
                  "the actress Jane Morley.")
    assert "sister" in q.speaker.text


def test_sign_off_dash_glued_to_the_name(run):
    text = ('"Great speech. She is tested. She is ready. She never quits. That is why she should lead us."\n\n'
            "-Senator Ruth Adeyemi, posting after the conference speech.\n\nMore reaction followed.")
    q = _one(run, text)
    assert q.speaker is not None and "Ruth Adeyemi" in q.speaker.text


def test_sentence_final_read_tagged_as_a_noun_still_attributes(run):
    q = _one(run, "\u201cIf he wants to lead this county, the chief executive should come to Cumbria and see the "
                  "damage,\u201d the editorial read.")
    assert q.speaker is not None and q.speaker.text == "the editorial"


def test_a_cue_after_another_clause_does_not_attribute_the_quote(run):
    result = run("He expressed amusement that the mayor had at last described his housing plans \u201cnot only in "
                 "the chamber but on local radio,\u201d echoing campaigners who have suggested that the mayor is "
                 "more worried about votes.")
    q = next(q for q in result.quotes if "chamber" in q.text)
    assert q.speaker is not None and q.speaker.text == "the mayor"


def test_an_apposition_with_a_verb_still_lets_the_cue_attribute(run):
    q = _one(run, "\u201cIf the council had listened, we would not be here,\u201d Mr. Daly, now 81 and retired in "
                  "Galway, said by telephone this week.")
    assert q.speaker is not None and "Daly" in q.speaker.text


def test_participle_hung_inside_a_reported_clause_belongs_to_the_report(run):
    result = run("The mayor said the court\u2019s ruling had \u201ckept the city safe\u201d on Monday before claiming "
                 "that the new road plan was \u201ctearing families apart\u201d.")
    q = next(q for q in result.quotes if "tearing" in q.text)
    assert q.speaker is not None and q.speaker.text == "The mayor"


def test_respondents_of_a_poll_speak_through_the_poll(run):
    q = _one(run, "In an Ipsos poll released on Monday, 41 per cent of voters said the government was "
                  "\u201cout of touch\u201d with families.")
    assert "poll" in q.speaker.text
    q = _one(run, "Six in 10 residents said the new bridge was \u201ca waste of money\u201d.")
    assert q.speaker.text == "Six in 10 residents"


def test_uncued_quote_takes_the_named_subject_of_its_own_clause(run):
    text = ("The lawsuit, filed by the former investigator, demands his reinstatement and lost wages, his "
            "lawyer said. He also seeks \u201ca permanent injunction barring the chairman from repeating false "
            "and damaging statements\u201d about him.")
    q = next(q for q in run(text).quotes if "injunction" in q.text)
    assert q.speaker is not None and q.speaker.text == "He"


def test_uncued_quote_skips_the_subject_of_an_if_clause(run):
    text = ("Last month he waded into politics on a radio show when he suggested that the minister \u201cshould "
            "be locked up somewhere\u201d if she gave \u201cconfidential papers on hundreds if not thousands of "
            "cases to a private firm\u201d.")
    q = next(q for q in run(text).quotes if "confidential" in q.text)
    assert q.speaker is None or q.speaker.text != "she"


def test_colon_after_a_noun_deep_in_the_clause_gives_the_clause_subject(run):
    q = _one(run, "The electoral commission was conclusive in its findings: \u201cFurther discussion of this "
                  "complaint is unnecessary and the result stands.\u201d")
    assert q.speaker.text == "The electoral commission"
