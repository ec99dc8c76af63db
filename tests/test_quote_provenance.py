"""Every quote says which rule found it and which rule chose its speaker, by a documented name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.models import Article

DOCS = Path(__file__).parents[1] / "docs" / "format.md"

# Short articles in several outlets' styles, written for these tests.
ARTICLES = {
    "wire": (
        "NAIROBI, Kenya (AP) - Kenya's health ministry said on Tuesday that the cholera outbreak in the "
        "north had been contained.\n\n"
        "\"We have not recorded a new case in ten days,\" said the ministry's chief officer, Mary Wanjiru. "
        "\"The teams will stay in the camps until March.\"\n\n"
        "Aid groups urged the government to keep funding clinics in the region."
    ),
    "uk": (
        "The vote was welcomed by Cllr Sarah Hughes, who said the library would reopen in spring.\n\n"
        "\u201cWe listened to residents and found the money,\u201d she told the Gazette.\n\n"
        "\u201cIt is the right thing to do for the town.\u201d\n\n"
        "The closure had been \u201ca betrayal of every family here\u201d, according to campaigners."
    ),
    "asia": (
        "Singapore's transport minister was blunt: \"The fares will rise next year and nobody should be "
        "surprised by it.\"\n\n"
        "Commuters interviewed at Bishan said they feared longer queues.\n\n"
        "\"Some of us travel two hours a day already and we cannot afford more.\" \u2014 Tan Wei Ling, 42"
    ),
    "us": (
        "Mayor Tom Becker described the vote as \"a turning point for the city\" and said he expected "
        "construction to begin within a year. Critics, he added, had \"misread the plan.\""
    ),
}


def documented(kind: str) -> set[str]:
    """The names listed in the table that follows ``kind`` in docs/format.md."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split(f"`{kind}` \u2014 ", 1)[1].split("\n\n", 2)[1]
    return set(re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M))


@pytest.fixture(scope="module")
def results(extractor):
    return {name: extractor.extract(Article(id=name, source=name, text=text)) for name, text in ARTICLES.items()}


def test_docs_list_rule_names():
    assert {"direct-marks", "mixed-fragment", "indirect-that-clause", "colon-intro", "sign-off"} <= documented("rule")
    assert {"cue-subject", "inverted", "paragraph-continuation", "relative-pronoun"} <= documented("speaker_rule")
    assert "uncued-marks" not in documented("speaker_rule")  # each table is read on its own


def test_every_quote_names_its_rules(results):
    rules, speaker_rules = documented("rule"), documented("speaker_rule")
    quotes = [q for r in results.values() for q in r.quotes]
    assert len(quotes) >= 10
    for quote in quotes:
        assert quote.rule in rules, (quote.text, quote.rule)
        if quote.speaker is None:
            assert quote.speaker_rule is None
        else:
            assert quote.speaker_rule in speaker_rules, (quote.text, quote.speaker_rule)


def _by_text(result, start: str):
    return next(q for q in result.quotes if q.text.lstrip("\"\u201c").startswith(start))


def test_rules_name_the_construction_that_was_used(results):
    wire, uk, asia, us = results["wire"], results["uk"], results["asia"], results["us"]
    outbreak = _by_text(wire, "that the cholera")
    assert (outbreak.rule, outbreak.speaker_rule) == ("indirect-that-clause", "cue-subject")
    assert _by_text(wire, "We have not").speaker_rule == "inverted"
    library = _by_text(uk, "the library")
    assert library.speaker_rule == "relative-pronoun"
    # the quote paragraph after ``"...," she told the Gazette.`` is the next part of her quote
    told = _by_text(uk, "We listened")
    assert told.parts[-1].text.startswith("\u201cIt is the right") and told.speaker.text == "she"
    assert _by_text(uk, "The closure").speaker_rule == "according-to"
    assert _by_text(asia, "The fares").rule == "colon-intro"
    signed = _by_text(asia, "Some of us")
    assert (signed.rule, signed.speaker_rule, signed.speaker.text) == ("sign-off", "sign-off", "Tan Wei Ling")
    assert _by_text(us, "the vote").rule == "mixed-fragment"
    assert _by_text(us, "he expected").speaker_rule == "shared-subject"


def test_extract_output_carries_both_fields(tmp_path):
    path = tmp_path / "uk.txt"
    path.write_text(ARTICLES["uk"], encoding="utf-8")
    out = CliRunner().invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert out.exit_code == 0, out.output
    quotes = json.loads(out.stdout.splitlines()[0])["quotes"]
    assert quotes and all({"rule", "speaker_rule"} <= set(q) and q["rule"] for q in quotes)
