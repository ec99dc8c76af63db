"""Leftover lines (teasers, captions, credits, prompts) are excluded; article paragraphs are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.leftovers import find_leftovers

ARTICLES = Path(__file__).parent / "data" / "leftovers"

BEFORE = "The council approved the plan on Tuesday after a two-hour debate, officials said."
AFTER = "“We will start work in the spring,” said the council leader, Anne Gray. “It will take a year.”"


def excluded_lines(text: str) -> list[tuple[str, str]]:
    return [(e.reason, text[e.start : e.end]) for e in find_leftovers(text)]


def between_paragraphs(line: str) -> str:
    return f"{BEFORE}\n\n{line}\n\n{AFTER}\n"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("READ MORE: Town centre car park to close for six months", "read-more"),
        ("READ MORE: Mum says she was 'terrified' as fire spread", "read-more"),
        ("Read more: Why your energy bill is going up again", "read-more"),
        ("ALSO READ: Man jailed for attack outside nightclub", "read-more"),
        ("Also Read | Heavy rain lashes coastal Karnataka", "read-more"),
        ("RELATED: Police name victim of weekend crash", "read-more"),
        ("Related: Rail fares to rise by 4.9% in March", "read-more"),
        ("MORE: Voters reject school referendum again", "read-more"),
        ("Sign up to our newsletter", "newsletter"),
        ("Sign up for our daily briefing, delivered to your inbox every morning.", "newsletter"),
        ("Get weekly politics news", "newsletter"),
        ("Subscribe", "subscribe"),
        ("Subscribe to The Herald for just £1 a month", "subscribe"),
        ("Share this article", "share"),
        ("Follow us on Twitter", "share"),
        ("Follow Jane Doe on Twitter @janedoe.", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Comments: Our rules", "comments"),
        ("Comments (14)", "comments"),
        ("Join the conversation", "comments"),
        ("Advertisement", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Click here to download our app", "prompt"),
        ("To see the full list of road closures, click here.", "prompt"),
        ("Play Brightcove video", "media"),
        ("Listen to the full interview below:", "media"),
        ("Watch the video above.", "media"),
        ("WATCH: Moment lorry crashes into bridge", "read-more"),
        ("Image caption, Firefighters at the scene on Monday morning", "caption"),
        ("Image source, Getty Images", "caption"),
        ("FILE PHOTO: A man walks past the bank's headquarters in London", "caption"),
        ("Prime Minister Rishi Sunak during a visit to Leeds. Picture date: Tuesday May 3, 2022.", "caption"),
        ("The Prime Minister arrives in Downing Street (Image: Getty)", "caption"),
        ("Ministers leave the Cabinet meeting (AFP/Getty Images)", "caption"),
        ("A firefighter battles the blaze in Paradise, Calif., on Monday. (AP Photo/Noah Berger)", "caption"),
        ("Protesters outside Parliament. Photograph: Jane Doe/Reuters", "caption"),
        ("The scene of the crash on the A1. Picture: PA", "caption"),
        ("Ambulances outside the hospital (Peter Byrne/PA)", "caption"),
        ("Flood water in Brahmavar. | Photo Credit: Special Arrangement", "caption"),
        ("PA Wire/PA Images", "caption"),
        ("Photo: Jane Doe/Reuters", "credit"),
        ("Picture: PA", "credit"),
        ("Credit: AP", "credit"),
        ("(Reporting by Jane Doe; Editing by John Smith)", "credit"),
        ("Additional reporting by Priya Nair in Mumbai", "credit"),
        ("With files from The Canadian Press", "credit"),
        ("(With inputs from PTI)", "credit"),
        ("© 2024 Herald Media Ltd", "credit"),
        ("Copyright 2024 WXYZ. All rights reserved.", "credit"),
        ("This article was amended on 4 May 2022 to correct the spelling of a name.", "correction"),
        ("🇮🇪 What a finish in Croke Park! pic.twitter.com/AbCdEf1234", "embed"),
        ("— Jane Doe (@janedoe) May 3, 2022", "embed"),
        ("— Met Office (@metoffice) 3 May 2022", "embed"),
        ("𝐖𝐇𝐀𝐓 𝐀 𝐖𝐈𝐍", "embed"),
        ("By Jane Doe and John Smith", "byline"),
        ("Published: 10:03, 3 May 2022", "byline"),
        ("Top Stories", "footer"),
        ("Most Read", "footer"),
        ("Council response", "subhead"),
        ("Residents wave to the crowd during the parade through the town centre", "caption"),
        ("The Northern Echo: Diane Bointon with her mother at James Cook University Hospital", "caption"),
        ("Credit...Jane Doe for The New York Times", "credit"),
        ("(Except for the headline, this story has not been edited by NDTV staff and is published "
         "from a syndicated feed.)", "credit"),
        ("📣 For more lifestyle news, follow us on Instagram | Twitter | Facebook", "prompt"),
        ("We use your sign-up to provide content in ways you've consented to. You can unsubscribe "
         "at any time.", "newsletter"),
        ("We pay for your stories! Do you have a story for the news desk?", "prompt"),
        ("Related article Trump says he will appeal the ruling", "read-more"),
        ("Most viewed in Politics", "footer"),
        ("Want the best of the week's news? Sign up to our weekly newsletter here.", "newsletter"),
        ("Watch | Flood waters enter homes in Udupi", "media"),
        ("(Edited by Jane Doe)", "credit"),
        ("This report by The Canadian Press was first published May 3, 2022.", "credit"),
        ("Contact reporter Jane Doe at jdoe@example.com.", "credit"),
        ("Support PREMIUM TIMES' journalism of integrity and credibility", "footer"),
        ("Representative image", "caption"),
        ("Ad Feedback", "advert"),
        ("A version of this article appears in print on May 3, 2022, Section A, Page 1.", "footer"),
    ],
)
def test_leftover_line_is_excluded_with_its_reason(line, reason):
    text = between_paragraphs(line)
    assert excluded_lines(text) == [(reason, line)]


@pytest.mark.parametrize(
    "paragraph",
    [
        # Article copy that opens with the same words as page furniture.
        "Sign up for the scheme opened on Monday and closes at the end of the month.",
        "Related charges were also filed against his brother, the court heard.",
        "Related-party payments have come under scrutiny from the regulator.",
        "Subscribers to the service said they had not been told about the price rise.",
        "Follow-up checks found no further cases at the school.",
        "Share prices fell 4% in early trading after the announcement.",
        "Comments made by the minister last week were “unacceptable”, she said.",
        "More than 200 people attended the vigil on Sunday evening.",
        "Copyright lawyers said the ruling could affect thousands of musicians.",
        "Read more carefully, the report says the targets will be missed by a wide margin.",
        "By Tuesday evening, the council said, most roads had reopened.",
        "Photo evidence shown to the court included images of the damaged car.",
        "Click-and-collect orders rose by a third over Christmas, the retailer said.",
        # Short paragraphs that end properly are kept.
        "“No,” he said.",
        "He denied it.",
        "Mr Smith said: “We are shocked.”",
        # Unpunctuated, but speech or a quotation: a paragraph that lost its full stop.
        "The mayor said the city would spend $2 million on repairs",
        "“We are not going anywhere,” she said",
        # An agency credit after a full stop is the source of a news brief, not a caption.
        "The committee refused to ban all of the country's athletes from the Games. [Reuters]",
        "Correction: An earlier version of this article said the plant would close in 2019.",
    ],
)
def test_article_paragraph_is_kept(paragraph):
    assert excluded_lines(between_paragraphs(paragraph)) == []


def test_quote_paragraph_with_handle_above_a_tweet_is_kept():
    paragraph = "Councillor Jane Doe (@janedoe) tweeted: “This is a great day for the town.”"
    text = f"{BEFORE}\n\n{paragraph}\n\nGreat day for the town! pic.twitter.com/Xy12ab\n\n{AFTER}"
    assert excluded_lines(text) == [("embed", "Great day for the town! pic.twitter.com/Xy12ab")]


def test_tweet_text_above_its_signature_is_excluded():
    text = (f"{BEFORE}\n\nThank you Galway!! 💚 #homecoming\n\n"
            f"— Galway GAA (@Galway_GAA) July 24, 2022\n\n{AFTER}")
    assert [r for r, _ in excluded_lines(text)] == ["embed", "embed"]


def test_unpunctuated_line_introduced_by_a_colon_is_kept():
    text = f"{BEFORE}\n\nThe plan includes:\n\nNew cycle lanes on Main Street\n\n{AFTER}"
    assert excluded_lines(text) == []


def test_line_continued_by_a_lowercase_line_is_kept():
    text = f"{BEFORE}\n\nThe scheme was backed by Mayor Anne Gray\n\nand most of the cabinet on Monday.\n\n{AFTER}"
    assert excluded_lines(text) == []


def test_headlines_under_a_bare_read_more_label_are_excluded():
    text = (f"{BEFORE}\n\nREAD MORE\n\nMan jailed over Limerick cannabis seizure\n\n"
            f"Cyclist seriously injured in Cork crash\n\n{AFTER}")
    assert [r for r, _ in excluded_lines(text)] == ["read-more"] * 3


def test_caption_under_a_bare_image_label_is_excluded():
    text = f"{BEFORE}\n\nImage:\n\nThe Prime Minister visited a factory in Leeds on Monday.\n\n{AFTER}"
    assert excluded_lines(text) == [("caption", "Image:"),
                                    ("caption", "The Prime Minister visited a factory in Leeds on Monday.")]


def test_headlines_under_read_more_with_a_colon_are_excluded():
    text = f"{BEFORE}\n\nRead more:\n\nPolice name man killed in crash\n\n{AFTER}"
    assert [r for r, _ in excluded_lines(text)] == ["read-more", "read-more"]


def test_newsletter_box_is_excluded_between_its_markers():
    box = ["Skip past newsletter promotion", "Sign up to Morning Mail",
           "Our Australian morning briefing breaks down the key stories of the day",
           "after newsletter promotion"]
    text = BEFORE + "\n\n" + "\n\n".join(box) + "\n\n" + AFTER
    assert excluded_lines(text) == [("newsletter", line) for line in box]


def test_unpunctuated_first_line_is_the_headline_even_with_a_speech_verb():
    text = f"Mayor says city will rebuild after storm\n\n{BEFORE}\n\n{AFTER}"
    assert excluded_lines(text) == [("headline", "Mayor says city will rebuild after storm")]
    lead = "“We will rebuild,” the mayor said after the storm"
    assert excluded_lines(f"{lead}\n\n{BEFORE}") == []


def test_short_cut_off_last_line_is_truncated():
    text = f"{BEFORE}\n\n{AFTER}\n\nThe council will also review parking charges in the"
    assert excluded_lines(text) == [("truncated", "The council will also review parking charges in the")]


def test_unpunctuated_last_line_is_kept_when_it_reports_speech_or_closes_a_quote():
    for last in ("“We will be back next year,” she said", "He said the club would appeal",
                 "“We will be back next year”"):
        assert excluded_lines(f"{BEFORE}\n\n{last}") == []
    cut = "“We are going to keep fighting for"
    assert excluded_lines(f"{BEFORE}\n\n{cut}") == [("truncated", cut)]


def test_long_unpunctuated_last_line_reporting_speech_is_kept():
    last = ("The leader of the opposition said the plan would cost far more than the council had "
            "admitted and that residents would end up paying for it through higher charges for")
    assert excluded_lines(f"{BEFORE}\n\n{AFTER}\n\n{last}") == []


def test_hard_wrapped_text_is_not_cut_by_shape():
    prose = (
        "The council approved the plan on Tuesday after a long debate in which several members\n"
        "raised concerns about the cost of the scheme and the timing of the works on the high\n"
        "street, which traders said would hurt business in the run-up to Christmas this year\n"
        "\n"
        "Council leader Anne Gray said the works could not wait any longer because the road\n"
        "surface had deteriorated badly over the past two winters and was now a danger to\n"
        "cyclists and pedestrians alike according to the latest survey\n"
        "\n"
        "READ MORE: High street traders fear for Christmas\n"
    )
    assert excluded_lines(prose) == [("read-more", "READ MORE: High street traders fear for Christmas")]


def test_offsets_cover_the_line_in_crlf_text():
    text = "First paragraph of the story, officials said.\r\n\r\n  Advertisement  \r\n\r\nSecond paragraph.\r\n"
    (excluded,) = find_leftovers(text)
    assert text[excluded.start : excluded.end] == "Advertisement"
    assert excluded.reason == "advert"


def test_empty_and_blank_text():
    assert find_leftovers("") == []
    assert find_leftovers("\n \n\t\n") == []


def _fixture_articles():
    return sorted(ARTICLES.glob("*.txt"))


def _expected(path: Path) -> list[tuple[str, str]]:
    return [tuple(item) for item in json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["excluded"]]


def test_there_are_enough_fixture_articles():
    assert len(_fixture_articles()) >= 8


@pytest.mark.parametrize("path", _fixture_articles(), ids=lambda p: p.stem)
def test_fixture_article_excludes_exactly_its_leftovers(path):
    text = path.read_text(encoding="utf-8")
    assert excluded_lines(text) == _expected(path)


@pytest.mark.parametrize("path", _fixture_articles(), ids=lambda p: p.stem)
def test_pipeline_quotes_nothing_from_leftovers(run, path):
    text = path.read_text(encoding="utf-8")
    result = run(text, id=path.stem)
    assert [(e.reason, text[e.start : e.end]) for e in result.excluded] == _expected(path)
    for quote in result.quotes:
        for excluded in result.excluded:
            # A quote continued across a leftover (a multi-paragraph quote with an advert between
            # its paragraphs) must be split there, not span it: its text would hold the leftover.
            assert not (quote.start < excluded.end and excluded.start < quote.end), (
                f"quote {quote.start}-{quote.end} {quote.text!r} covers leftover {excluded}")
        if quote.speaker is not None:
            assert not any(e.start < quote.speaker.end and quote.speaker.start < e.end for e in result.excluded)
