"""Ages stated next to a name (``X, 45,``; ``X (45)``; ``X, aged 45``; ``X, a 27-year-old man``;
``45-year-old X``) and ``the 45-year-old`` descriptions that stand for a person named earlier."""

from __future__ import annotations

import re

from ..models import Span
from ..wordforms import AGE_WORDS

_AFTER = [
    re.compile(r",\s*(?:aged\s+)?(\d{1,3})(?![,.]\d)\s*(?=,|\.|;|\)|\s+and\b|\s+was\b|\s+is\b|\s+said\b|$)"),
    re.compile(r",?\s*\((?:aged\s+)?(\d{1,3})\)"),
    re.compile(r",?\s+aged\s+(\d{1,3})\b"),
    re.compile(rf",\s*(?:a|an|the)\s+{AGE_WORDS}\b"),
]
_BEFORE = re.compile(rf"\b{AGE_WORDS}(?:\s+[a-z][\w-]*){{0,3}},?\s+$")
_DESCRIPTION = re.compile(rf"\b[Tt]he\s+{AGE_WORDS}\b")


def _plausible(value: str) -> int | None:
    age = int(value)
    return age if 0 < age < 120 else None


def age_after(text: str, end: int) -> tuple[int, Span] | None:
    """The age written right after a name ending at ``end``."""
    window = text[end : end + 40]
    for pattern in _AFTER:
        match = pattern.match(window)
        if match:
            age = _plausible(match.group(1))
            if age is not None:
                s, e = end + match.start(1), end + match.end(1)
                return age, Span(s, e, text[s:e])
    return None


def age_before(text: str, start: int) -> tuple[int, Span] | None:
    """The age in a pre-modifier: ``27-year-old Mark Smith``, ``the 84-year-old widow Jane X``."""
    lo = max(0, start - 48)
    match = _BEFORE.search(text, lo, start)
    if match and match.end() == start:
        age = _plausible(match.group(1))
        if age is not None:
            return age, Span(match.start(1), match.end(1), match.group(1))
    return None


def age_descriptions(text: str) -> list[tuple[int, Span]]:
    """``the 45-year-old`` used on its own (not in front of a name)."""
    found = []
    for match in _DESCRIPTION.finditer(text):
        age = _plausible(match.group(1))
        if age is not None:
            found.append((age, Span(match.start(), match.end(), match.group(0))))
    return found
