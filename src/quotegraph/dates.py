"""Date mentions, normalised to ISO and resolved against the publication date.

Only the model's DATE entities are read, with small rules instead of a general date parser
(cheap, and predictable in what they will not guess):

- explicit days: ``12 March 2024``, ``March 12, 2024``, ``2024-03-12`` -> that day;
- a day without a year (``May 21``, ``Saturday, May 21``) -> the nearest such day to the
  publication date, None without one;
- ``today``/``yesterday``/``tomorrow``/``last night``/``this morning`` and weekdays
  (``on Tuesday``, ``last Saturday``, ``next Friday``) -> counted from the publication date;
  a bare weekday is the latest one on or before it unless the sentence speaks of the future
  (``will``, ``next``);
- anything that is not one day (``last week``, ``June 2020``, ``2018``, ``a month ago``) -> None.

Not dates at all, though the model tags them DATE: ages (``the 45-year-old``, ``aged 45``) and
spans with nothing that anchors them in time (``a difficult week``, ``the day``, ``recent
years``): a date needs a digit, a month or weekday name, or a deictic word (``today``, ``last``,
``ago``...).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from .models import DateMention
from .syntax import entities, token_lowers

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*\d{{4}})", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)", re.I),
]
_RELATIVE = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_WEEKDAY = re.compile(
    r"\b(?P<rel>last|next|this|on)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_AGE = re.compile(r"\d+\s*-?\s*(?:years?|yrs?)\s*-?\s*old|\baged\s+\d|\d+\s+years\s+of\s+age", re.I)
_DEICTIC = ("today", "tonight", "yesterday", "tomorrow", "ago", "last", "next", "this", "earlier", "later",
            "christmas", "easter", "morning", "afternoon", "evening", "night")
_ANCHOR = re.compile(r"\d|\b(?:" + "|".join([*_MONTHS, *_WEEKDAYS, *_DEICTIC]) + r")\b", re.I)
_VAGUE_TIMES = re.compile(r"^(?:the|a|an|that|one)\s+(?:\w+\s+)?(?:morning|afternoon|evening|night)$", re.I)
_ANY_DAY = date(2000, 1, 3)  # any day serves to ask whether a phrase counts days from one
_FUTURE = {"will", "'ll", "’ll", "shall", "next", "upcoming", "tomorrow"}


def is_date_phrase(text: str) -> bool:
    """False for ages and for spans that name no point in time (``a difficult week``, ``the day``,
    ``one evening``)."""
    if _AGE.search(text) or _VAGUE_TIMES.match(text.strip()):
        return False
    return bool(_ANCHOR.search(text))


def is_explicit(text: str) -> bool:
    """A day named in full or by day and month (``4 March``), as opposed to one counted from the
    publication date (``yesterday``, ``on Tuesday``)."""
    return any(pattern.search(text) for pattern in _PATTERNS)


def _explicit(text: str, published: date | None) -> str | None:
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        if groups.get("year"):
            try:
                return date(int(groups["year"]), month, day).isoformat()
            except ValueError:
                return None
        if published is None:
            return None
        options = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                options.append(date(year, month, day))
            except ValueError:
                continue
        if not options:
            return None
        return min(options, key=lambda d: abs((d - published).days)).isoformat()
    return ""  # no explicit day in the text


def _relative(text: str, published: date, future: bool) -> str | None:
    low = text.lower().strip()
    low = re.sub(r"^(?:on|since|until|from|by)\s+", "", low)
    if low in _RELATIVE:
        return (published + timedelta(days=_RELATIVE[low])).isoformat()
    match = _WEEKDAY.fullmatch(low) or _WEEKDAY.fullmatch(re.sub(r"\s+(morning|afternoon|evening|night)$", "", low))
    if not match:
        return None
    target = _WEEKDAYS[match.group("wd").lower()]
    rel = (match.group("rel") or "").lower()
    today = published.weekday()
    if rel == "next" or (future and rel != "last"):
        ahead = (target - today) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat()
    back = (today - target) % 7
    if rel == "last" and back == 0:
        back = 7
    return (published - timedelta(days=back)).isoformat()


def _future(ent) -> bool:
    sent, lowers = ent.sent, token_lowers(ent.doc)  # the sentence's words up to the date, no Token each
    return any(lowers[i] in _FUTURE for i in range(sent.start, min(sent.end, ent.end))) or ent.root.head.tag_ == "MD"


def resolve_date(text: str, published: date | None, future: bool = False) -> str | None:
    """ISO day a date expression stands for, or None where it is not one known day."""
    explicit = _explicit(text, published)
    if explicit != "":
        return explicit
    if published is None:
        return None
    return _relative(text, published, future)


def find_dates(doc: Doc, published: date | None) -> list[DateMention]:
    found = []
    cache: dict[tuple[str, bool], str | None] = {}
    for ent in entities(doc):
        # TIME entities count only when they name a day (``last night``, ``Tuesday evening``)
        if ent.label_ != "DATE" and not (ent.label_ == "TIME" and _relative(ent.text, _ANY_DAY, False)):
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        # a date never runs across a line break or a blanked-out leftover
        if end == start or any(t.is_space or "\n" in t.whitespace_ for t in doc[start : end - 1]):
            continue
        ent = doc[start:end]
        if (ent.text.isdigit() and len(ent.text) < 4) or not is_date_phrase(ent.text):
            continue  # "Biden, 81,", "the 45-year-old", "a difficult week": the model's DATEs, not dates
        future = _future(ent) if published else False
        key = (ent.text, future)
        if key not in cache:
            cache[key] = resolve_date(ent.text, published, future)
        found.append(DateMention(ent.start_char, ent.end_char, ent.text, cache[key]))
    return found
