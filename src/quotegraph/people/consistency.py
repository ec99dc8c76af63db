"""Warnings a careful reader should check: one name spelt two ways, one person with two ages."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..models import Span, Warning
from .clusters import PersonDraft

_SIMILAR = 0.75  # Stephen/Steven 0.77, Mary/Kevin 0.22, Jon/John 0.86


def _variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or len(a) < 2:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 3 or "." in x + y:
        return False
    return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= _SIMILAR


def _first_span(person: PersonDraft) -> Span:
    m = min(person.mentions, key=lambda m: m.start)
    return Span(m.start, m.end, m.text)


def consistency_warnings(people: list[PersonDraft]) -> list[Warning]:
    warnings = []
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            if _variant(a.tokens, b.tokens):
                warnings.append(Warning(
                    "name-variant",
                    f"'{a.name}' and '{b.name}' differ in one word: the same person spelt two ways?",
                    [_first_span(a), _first_span(b)],
                ))
    for p in people:
        ages: dict[int, Span] = {}
        for age, span in p.ages:
            ages.setdefault(age, span)
        if len(ages) > 1:
            spans = sorted(ages.values(), key=lambda s: s.start)
            warnings.append(Warning(
                "age-conflict",
                f"{p.name} is given {len(ages)} different ages: {', '.join(str(a) for a in sorted(ages))}",
                spans,
            ))
    return warnings
