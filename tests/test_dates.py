"""Date mentions: explicit days to ISO, relative ones against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from quotegraph.dates import resolve_date

TUESDAY = date(2024, 11, 12)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12 March 2024", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("12th of March 2024", "2024-03-12"),
        ("2024-03-12", "2024-03-12"),
        ("Sept. 3, 2021", "2021-09-03"),
    ],
)
def test_explicit_days_need_no_publication_date(text, expected):
    assert resolve_date(text, None) == expected
    assert resolve_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("yesterday", "2024-11-11"),
        ("today, November 12", "2024-11-12"),
        ("November 14", "2024-11-14"),
        ("last Saturday", "2024-11-09"),
        ("Monday", "2024-11-11"),
        ("on Tuesday", "2024-11-12"),
        ("next Friday", "2024-11-15"),
        ("Tuesday morning", "2024-11-12"),
        ("last night", "2024-11-11"),
    ],
)
def test_relative_days_against_the_publication_date(text, expected):
    assert resolve_date(text, TUESDAY) == expected


def test_year_less_day_takes_the_nearest_year():
    assert resolve_date("December 30", date(2025, 1, 4)) == "2024-12-30"
    assert resolve_date("January 3", date(2024, 12, 28)) == "2025-01-03"


def test_future_sentence_moves_a_weekday_forward():
    assert resolve_date("Friday", TUESDAY, future=True) == "2024-11-15"
    assert resolve_date("Friday", TUESDAY, future=False) == "2024-11-08"


@pytest.mark.parametrize("text", ["last week", "this week", "June 2020", "1965", "a month ago", "early 2018"])
def test_not_one_day_is_none(text):
    assert resolve_date(text, TUESDAY) is None


def test_relative_without_publication_date_is_none():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("May 21", None) is None


def test_find_dates_through_the_pipeline(run):
    text = (
        "The council met on Monday and approved the plan, which takes effect on 1 April 2025.\n\n"
        "\"We will vote again next Friday,\" the leader said yesterday."
    )
    result = run(text, published="2024-11-13")
    values = {d.text: d.value for d in result.dates}
    assert values.get("Monday") == "2024-11-11"
    assert values.get("1 April 2025") == "2025-04-01"
    assert values.get("next Friday") == "2024-11-15"
    assert values.get("yesterday") == "2024-11-12"
    for d in result.dates:
        assert result.text[d.start : d.end] == d.text


def test_find_dates_without_publication_date(run):
    result = run("The council met on Monday. The plan starts on 1 April 2025.")
    values = {d.text: d.value for d in result.dates}
    assert values.get("Monday") is None
    assert values.get("1 April 2025") == "2025-04-01"
