"""Whom a quote is about, whom it was said to, and when: articles written here in several styles."""

from __future__ import annotations

import pytest
from conftest import DATA
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.schema import validate

BRITISH = (
    "Opposition leader Helen Marsh has written to the county's police chief, Chief Constable Andrew Pike, "
    "urging him to consider his position.\n\n"
    "\"Andrew Pike has had every chance to put this right and he has failed,\" she told the BBC last night.\n\n"
    "Treasury minister Owen Reid praised Ms Marsh for her persistence, saying the inquiry was "
    "\"long overdue\".\n"
)
AMERICAN = (
    "WASHINGTON (AP) — Senator Maria Lopez on Tuesday accused Acme Corp. of hiding safety data from regulators.\n\n"
    "\"They knew, and they said nothing,\" Lopez told reporters at the Capitol.\n\n"
    "In a statement on March 4, 2025, Acme spokesman Dan Kerr said the company had shared every report.\n"
)


def _quote(result, piece: str):
    return next(q for q in result.quotes if piece in result.text[q.start : q.end])


def _names(targets) -> set[str]:
    return {t.name for t in targets}


def test_objects_of_judgment_verbs_and_names_in_the_quoted_words(run):
    result = run(BRITISH, published="2026-03-09")
    urged = _quote(result, "to consider his position")
    assert "Andrew Pike" in _names(urged.about)  # ``urging him``: the pronoun resolved to Pike
    assert urged.addressee is not None and urged.addressee.name == "Andrew Pike"  # ``written to``
    failed = _quote(result, "every chance")
    assert _names(failed.about) == {"Andrew Pike"}
    assert failed.about[0].evidence == "quoted"
    praised = _quote(result, "long overdue")
    assert _names(praised.about) == {"Helen Marsh"} and praised.about[0].evidence == "praise"
    for quote in result.quotes:  # never the speaker; spans are the article's text
        assert quote.speaker_id not in {t.entity_id for t in quote.about}
        for target in [*quote.about, *([quote.addressee] if quote.addressee else [])]:
            assert result.text[target.span.start : target.span.end] == target.span.text


def test_addressee_is_resolved_when_an_entity_and_kept_as_worded_otherwise(run):
    british = run(BRITISH, published="2026-03-09")
    told = _quote(british, "every chance").addressee
    assert told is not None and told.name == "BBC" and told.entity_id and told.entity_id.startswith("o")
    american = run(AMERICAN, published="2025-03-06")
    reporters = _quote(american, "they said nothing").addressee
    assert reporters is not None and reporters.entity_id is None and reporters.name == "reporters"


def test_said_on_explicit_relative_published_unknown(run):
    british = run(BRITISH, published="2026-03-09")
    last_night = _quote(british, "every chance").said_on
    assert (last_night.value, last_night.basis, last_night.span.text) == ("2026-03-08", "relative", "last night")
    praised = _quote(british, "long overdue").said_on
    assert (praised.value, praised.basis, praised.span) == ("2026-03-09", "published", None)
    american = run(AMERICAN, published="2025-03-06")
    statement = _quote(american, "shared every report").said_on
    assert (statement.value, statement.basis) == ("2025-03-04", "explicit")
    undated = run(BRITISH)
    assert _quote(undated, "long overdue").said_on.basis == "unknown"
    assert _quote(undated, "every chance").said_on.value is None  # ``last night`` of an unknown day


def test_a_date_inside_the_quoted_words_does_not_date_the_quote(run):
    text = "\"We will open the bridge on Friday, June 5,\" mayor Tom Hale said.\n"
    said_on = _quote(run(text, published="2026-05-28"), "open the bridge").said_on
    assert said_on.basis == "published" and said_on.value == "2026-05-28"


@pytest.mark.parametrize("phrase", ["The 45-year-old", "a difficult week", "the day", "aged 52", "recent years"])
def test_ages_and_vague_spans_are_not_dates(run, phrase):
    text = (f"{phrase} was mentioned by Ann Cole, 61, on Monday. She said {phrase.lower()} had changed "
            f"nothing, and that the council would meet on 12 March 2026.\n")
    result = run(text, published="2026-03-10")
    assert all(phrase.lower() not in d.text.lower() for d in result.dates)
    assert {d.text for d in result.dates} >= {"Monday", "12 March 2026"}


def test_records_with_the_new_fields_validate(run):
    for text in (BRITISH, AMERICAN, "", "\"Unbalanced quote, she said.\n"):
        validate(run(text, published="2026-03-09").as_dict())


def test_eval_news_about_on_the_seed_article():
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "news", str(DATA / "about" / "seed"),
                                 "--about", str(DATA / "about" / "seed.json")])
    assert result.exit_code == 0, result.output
    lines = {line.split(":")[0]: line for line in result.output.splitlines()}
    assert "said_on: 1.000 correct (8/8)" in lines["said_on"]
    assert "precision 1.000 (4/4), recall 1.000 (4/4)" in lines["about"]


# A regional paper's style: an organisation referred to by description, a person by office, an
# organisation named as a place, and a word of an organisation's name used for something else.
DESCRIBED = (
    "Lisa Okafor, a nurse at Riverside General Hospital, said staff had been told to expect cuts "
    "by the Ministry of Health and Social Care.\n\n"
    "\"The ministry has abandoned us, and the Chancellor knows it,\" Okafor said on Monday.\n\n"
    "Chancellor Paul Grant said: \"Nobody is abandoning the care workers of this region.\"\n\n"
    "\"I drove my father to Riverside General Hospital at midnight and waited six hours,\" said "
    "Tom Akers, a resident.\n\n"
    "\"The social care budget has been frozen for three years,\" Akers said.\n"
)


def test_descriptions_resolve_to_the_one_entity_they_fit(run):
    result = run(DESCRIBED, published="2026-03-10")
    okafor = _quote(result, "abandoned us")
    targets = {t.name: t for t in okafor.about}
    assert any("Ministry of Health" in name for name in targets), targets
    assert "Paul Grant" in targets  # ``the Chancellor``: his title
    for target in okafor.about:
        assert result.text[target.span.start : target.span.end] == target.span.text
        assert target.span.text.lower().startswith("the ")


def test_an_organisation_named_as_a_place_and_a_common_word_of_a_name_are_not_targets(run):
    result = run(DESCRIBED, published="2026-03-10")
    drove = _quote(result, "waited six hours")
    assert not any("Hospital" in t.name for t in drove.about)  # ``drove ... to`` the hospital: a venue
    budget = _quote(result, "budget has been frozen")
    assert budget.about == []  # ``social care`` is in the ministry's name but is no description of it


INTERVIEW = (
    "Footballer and radio host Kwesi Boateng says he will be standing as a candidate for the Accra Central seat "
    "at the next election.\n\n"
    "Kwesi Boateng, known to fans as KB, spoke to Sports FM on Thursday about his plans: Sports FM: are you really "
    "going into politics? Kwesi Boateng: Yes you heard right. I will be standing for Accra Central and I am not "
    "joining any party. I want to stand as an independent and that is exactly what I will do.\n\n"
    "Sports FM: So you would become a footballing MP?\n\n"
    "Kwesi Boateng: I have always had other plans. I was not born a footballer and I will not limit myself to "
    "football. When I am elected, I will still play as a hobby.\n"
)


def test_interview_lines_take_the_date_of_the_interview_in_their_paragraph(run):
    result = run(INTERVIEW, published="2011-11-18")  # a Friday
    opening = [q for q in result.quotes if q.cue is None and "Thursday" in result.text[:q.start].split("\n\n")[-1]]
    assert len(opening) >= 2, [(q.text, q.cue) for q in result.quotes]
    for quote in opening:
        assert quote.said_on is not None and quote.said_on.value == "2011-11-17" and quote.said_on.basis == "relative"
        assert quote.said_on.span is not None and quote.said_on.span.text == "Thursday"
    later = _quote(result, "footballing MP")  # a paragraph of its own: the published date (a known limit)
    assert later.said_on is not None and later.said_on.basis == "published"


def test_you_in_an_interview_question_is_the_person_who_answers(run):
    result = run(INTERVIEW, published="2011-11-18")
    for piece in ("footballing MP", "going into politics"):
        question = _quote(result, piece)
        targets = [t for t in question.about if t.name == "Kwesi Boateng"]
        assert targets and targets[0].span.text.lower() == "you", (piece, question.about)
        assert result.text[targets[0].span.start : targets[0].span.end] == targets[0].span.text
    answer = _quote(result, "you heard right")  # an answer's ``you`` is no one in particular
    assert "Kwesi Boateng" not in {t.name for t in answer.about}


# A local paper's style: place names used only to qualify a plant, a supply and a menu, and an
# office title that holds an organisation's word; the company itself stays a target.
QUALIFIED = (
    "Workers at the Thamesford plant learned on Monday that Maple Grove Foods would close the site.\n\n"
    "\"Closing the Thamesford facility was a hard decision, and the Whitegate supply deal ends with it,\" "
    "plant manager Karen Doyle said.\n\n"
    "Union steward Mike Tran said: \"Maple Grove Foods owes these families more than a letter. "
    "People here are happy with Kiwi fare and a steady job.\"\n\n"
    "\"There was Secretary of State Ellen Burke here in May, and nothing came of it,\" Tran added.\n"
)


def test_an_organisation_named_only_to_qualify_a_noun_or_in_a_title_is_not_a_target(run):
    result = run(QUALIFIED, published="2026-03-11")
    organisations = {o.name for o in result.organizations}
    closing = _quote(result, "hard decision")
    assert not {"Thamesford", "Whitegate"} & _names(closing.about), (organisations, closing.about)
    owes = _quote(result, "owes these families")
    assert any("Maple Grove" in name for name in _names(owes.about))  # named on its own: a target
    assert "Kiwi" not in _names(owes.about)
    burke = _quote(result, "nothing came of it")
    assert "State" not in _names(burke.about)
    assert "Ellen Burke" in _names(burke.about)


# A court report in a South African weekly's style: ``the State`` is the prosecution, a generic
# word like ``the state``, and no party the quote is about.
COURT = (
    "Magistrate Thandi Nkosi remanded Sipho Dlamini in custody on Tuesday.\n\n"
    "\"The State is worried that you might harm the complainant. You will be remanded until your "
    "next appearance,\" Nkosi said.\n\n"
    "Prosecutor Lerato Mokoena said the State would oppose bail.\n"
)


def test_an_organisation_named_by_a_generic_word_is_not_a_target(run):
    result = run(COURT, published="2026-03-12")
    worried = _quote(result, "might harm")
    assert not any(t.name.lower().endswith("state") for t in worried.about), worried.about


# A tabloid's style: a direct quote said to a named person, who is its ``you``; a description of an
# organisation that two organisations' names share a word with.
TOLD = (
    "Councillor Ruth Adeyemi told Mark Fenwick at Thursday's meeting: \"You have let this town down "
    "and you know it.\"\n\n"
    "Fenwick, who chairs the Harbour Board, left the Town Hall without comment.\n\n"
    "The Lagos State Government and the Government Printing Office both declined to comment.\n\n"
    "Adeyemi said the state government had ignored the harbour for a decade.\n"
)


def test_you_in_a_direct_quote_said_to_an_entity_is_that_entity(run):
    result = run(TOLD, published="2026-03-13")
    quote = _quote(result, "let this town down")
    assert quote.addressee is not None and quote.addressee.name == "Mark Fenwick"
    you = next(t for t in quote.about if t.name == "Mark Fenwick")
    assert you.span.text == "You" and result.text[you.span.start : you.span.end] == "You"


def test_a_description_resolves_to_the_organisation_whose_name_holds_all_its_words(run):
    result = run(TOLD, published="2026-03-13")
    quote = _quote(result, "ignored the harbour")
    assert [t.name for t in quote.about] == ["Lagos State Government"], quote.about


# A business page's style: an organisation named once in a person's role and once on its own.
ROLE_AND_NAME = (
    "The inquiry's report, published on Monday, said that Jane Holt, the former head of Bramley Radio, "
    "had resigned in March after the complaints.\n\n"
    "Peter Quinn, chief executive of Corvex Mining, said: \"Corvex Mining will keep every mine open "
    "this year.\"\n"
)


def test_an_organisation_named_only_in_a_role_is_not_a_target_but_named_alone_it_is(run):
    result = run(ROLE_AND_NAME, published="2026-03-14")
    resigned = _quote(result, "resigned in March")
    assert "Jane Holt" in _names(resigned.about)
    assert not any("Bramley" in t.name for t in resigned.about), resigned.about
    mines = _quote(result, "every mine open")
    assert any("Corvex" in t.name for t in mines.about), mines.about


# A West African daily's style: the seat a candidate runs for and the office he names are not
# what his words are about; the party he campaigned for is.
CANDIDATE = (
    "Musician Kofi Mensah has confirmed that he will run in next year's elections.\n\n"
    "\"I am running for Parliament because my people asked me. I campaigned for the Unity Party "
    "before, and I will stay with it,\" Mensah told reporters on Friday.\n\n"
    "\"As a Member of Parliament I would still record music,\" he added.\n"
)


def test_the_seat_sought_and_an_office_named_are_not_targets(run):
    result = run(CANDIDATE, published="2026-03-15")
    organisations = {o.name for o in result.organizations}
    running = _quote(result, "running for Parliament")
    assert "Parliament" not in _names(running.about), (organisations, running.about)
    assert any("Unity Party" in name for name in _names(running.about)), (organisations, running.about)
    member = _quote(result, "Member of Parliament")
    assert "Parliament" not in _names(member.about)


# An Irish daily's court report and a London paper's City page: the model calls ``Garda``,
# ``Homebase`` and ``Burberry`` people (or nothing), yet the article shows each is an organisation.
GARDA = (
    "Judge Mary Keane said at Tullamore District Court yesterday that she was dismayed by the "
    "conduct of Garda officers in the case.\n\n"
    "She said she would ask the Garda Commissioner for an explanation of how the footage reached "
    "a newspaper.\n\n"
    "The judge said certain members of the Garda had shown contempt for the court.\n"
)
RETAIL = (
    "Finance director Paul Hendry said sales at its star performer Argos were ahead of the market.\n\n"
    "Hendry added that the group's DIY chain, Homebase, was also trading in line with forecasts.\n\n"
    "He said the group would keep its stake in Burberry, the luxury goods group it floated in 2002.\n\n"
    "Zoo officials and Bre-X staff were not involved.\n"
)


def test_a_name_the_article_shows_to_be_an_organisation_is_a_target(run):
    garda = run(GARDA, published="2026-03-14")
    for piece in ("dismayed", "explanation"):
        targets = _quote(garda, piece).about
        assert "Garda" in _names(targets), targets
        assert all(garda.text[t.span.start : t.span.end] == t.span.text for t in targets)
    assert any(o.name == "Garda" for o in garda.organizations)
    retail = run(RETAIL, published="2026-03-14")
    assert "Homebase" in _names(_quote(retail, "trading in line").about)
    assert "Burberry" in _names(_quote(retail, "keep its stake").about)
    names = {o.name for o in retail.organizations}
    assert not {"Zoo", "X", "Hendry"} & names, names  # a common noun, a piece of a name, a person


# A regional paper's story: a person named in a quote is no organisation.
NOT_ORGANISATIONS = (
    "Council leader Tom Ashby said drivers from Kirkby had waited long enough for the bypass.\n\n"
    "\"Sarah Lund promised this road in 2019,\" Ashby said.\n"
)


def test_places_and_people_in_quoted_words_do_not_become_organisations(run):
    result = run(NOT_ORGANISATIONS, published="2026-03-14")
    assert not {"Sarah", "Sarah Lund", "Lund"} & {o.name for o in result.organizations}
    assert not _names(_quote(result, "promised this road").about) - {"Sarah Lund"}


# A Nigerian daily's denial and a British local paper's hospital mix-up: a possessive before a
# person noun (``his predecessor``, ``her elderly mother``) and the ``His`` of ``His Excellency``
# stand for no one the words are about.
OWNERS = (
    "The Ondo State Governor, Lucky Aiyedatiwa, has denied a report claiming that the state government "
    "approved an office for his predecessor, Rotimi Akeredolu.\n\n"
    "Sandra Lowe got a late call from staff at the hospital to say her elderly mother, Joan Lowe, had died.\n\n"
    "\"The report is the work of mischief makers who envy the record of our former Governor, His Excellency, "
    "Rotimi Akeredolu,\" the statement read.\n"
)


def test_a_possessive_before_a_person_noun_is_not_a_target(run):
    result = run(OWNERS, published="2026-03-15")
    office = _names(_quote(result, "approved an office").about)
    assert "Lucky Aiyedatiwa" not in office and "Rotimi Akeredolu" in office, office
    died = _names(_quote(result, "had died").about)
    assert "Sandra Lowe" not in died and "Joan Lowe" in died, died
    envy = _names(_quote(result, "mischief makers").about)
    assert "Lucky Aiyedatiwa" not in envy and "Rotimi Akeredolu" in envy, envy


# An honour after a name (a Lagos paper's style) is no organisation; a zoo named with a possessive
# (a Californian paper's style) is still the place the cub goes to.
HONOURS = (
    "The party's chairman, Emeka Obi, said the achievements of its former leader, Chief Tunde Bakare, "
    "OFR, would not be forgotten.\n\n"
    "Keeper Ann Ruiz said the cub would be moved to the Children's Zoo in San Diego if its mother "
    "rejected it.\n"
)


def test_an_honour_after_a_name_and_a_possessive_venue_are_not_targets(run):
    result = run(HONOURS, published="2026-03-16")
    assert any(o.name == "OFR" for o in result.organizations)  # the model's organisation, left out below
    honoured = _names(_quote(result, "would not be forgotten").about)
    assert "OFR" not in honoured and "Tunde Bakare" in honoured, honoured
    moved = _names(_quote(result, "would be moved").about)
    assert not any("Zoo" in n for n in moved), moved


# A British political report that never writes ``Prime Minister`` before the name: ``the PM`` is
# the person named most who has no office of their own; and a hospital apology where ``their
# mother`` is the one person whose role is a mother.
PM = (
    "Backbench MP Jane Hollis has called on the Prime Minister to resign.\n\n"
    "Mr Carter and his wife were fined last week. Mr Carter apologised on Tuesday, and Nick Carter "
    "said he would not step down.\n\n"
    "Hollis said she expected the PM would survive a vote of confidence.\n"
)
KIN = (
    "Linda Reed was told by staff that her elderly mother, Mary Reed, had died.\n\n"
    "Hospital manager Tom Hale said: \"We apologise to Mrs Linda Reed and her family, who were wrongly told "
    "their mother had died.\"\n"
)


def test_the_pm_is_the_most_named_person_without_an_office(run):
    result = run(PM, published="2026-03-17")
    assert "Nick Carter" in _names(_quote(result, "survive a vote").about)


def test_a_kin_noun_with_a_possessor_is_the_person_of_that_role(run):
    result = run(KIN, published="2026-03-17")
    apology = _names(_quote(result, "wrongly told").about)
    assert "Mary Reed" in apology, apology


# A South African court report: ``the accused`` is the one person the article says is accused,
# the addressee of ``asked``, so the ``you`` of the question is that person.
ACCUSED = (
    "Samuel Khoza, 31, appeared in the Barberton Magistrate's Court on Monday. He is accused of "
    "assaulting a neighbour with a spade.\n\n"
    "\"Do you understand why you are here?\" Magistrate Lindiwe Sithole asked the accused.\n"
)


def test_the_accused_is_the_one_person_accused_or_charged(run):
    result = run(ACCUSED, published="2026-03-18")
    quote = _quote(result, "why you are here")
    assert quote.addressee is not None and quote.addressee.name == "Samuel Khoza", quote.addressee
    assert "Samuel Khoza" in _names(quote.about)


# Reported speech in a court report and a match report: a possessive ``his`` names the person
# named before it in its own sentence, never the speaker nor someone from an earlier sentence.
REPORTED = (
    "Magistrate Ann Hale remanded Peter Crane in custody, citing that the State was concerned by his conduct.\n\n"
    "Coach Sam Reid praised the referee, Mark Lowe. Reid said his side had deserved the win.\n"
)


def test_a_possessive_in_reported_speech_names_the_person_before_it_in_its_sentence(run):
    result = run(REPORTED, published="2026-03-19")
    assert "Peter Crane" in _names(_quote(result, "concerned by his conduct").about)
    assert "Mark Lowe" not in _names(_quote(result, "deserved the win").about)


# A Westminster sketch: ``he`` after ``the Prime Minister`` in the same quote is the Prime Minister,
# not the man named last in the sentence before.
TAKEN_UP = (
    "Mr Carter and his wife were fined last week. Mr Carter apologised on Tuesday, and Nick Carter "
    "said he would not step down.\n\n"
    "Treasury minister Ray Stone met party donors on Friday.\n\n"
    "MP Jo Platt said: \"Nobody knows what the Prime Minister promised, but he must now explain it.\"\n"
)


def test_a_pronoun_takes_up_a_person_described_before_it_in_the_quote(run):
    result = run(TAKEN_UP, published="2026-03-20")
    about = _names(_quote(result, "must now explain").about)
    assert about == {"Nick Carter"}, about


# A Manila broadcaster's style: an abbreviation the text spells out as an office is no organisation.
SPELLED_OUT = (
    "\"I am still the COP (chief of police) of Pasig and I never apologised to the family,\" Police Col. "
    "Ramon Diaz told ABS-CBN News on Friday.\n"
)


def test_an_abbreviation_spelled_out_as_an_office_is_not_a_target(run):
    result = run(SPELLED_OUT, published="2026-03-21")
    assert "COP" not in _names(_quote(result, "never apologised").about)


# A Scottish court report: a speaker's next quote without a listener of its own is still said to
# the person the previous one was said to.
SAID_ON_TO = (
    "\"Do you understand the charge?\" Sheriff Alan Boyd asked Peter Hall at Paisley Sheriff Court.\n\n"
    "Hall nodded.\n\n"
    "\"You will be remanded in custody until Friday,\" Boyd said.\n"
)


def test_you_in_a_speakers_next_quote_is_still_the_earlier_listener(run):
    result = run(SAID_ON_TO, published="2026-03-22")
    remanded = _quote(result, "remanded in custody")
    assert remanded.addressee is None
    you = [t for t in remanded.about if t.name == "Peter Hall"]
    assert you and you[0].span.text == "You", remanded.about
