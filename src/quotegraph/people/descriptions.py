"""Role descriptions that stand for a person: ``Transport Secretary Jane Doe`` ... ``the
transport secretary``; ``Judge Aisling Moran`` ... ``the judge``.

Each person's office titles and short roles give keys (the whole role when it is at most three
words, and its head word when that is a role word); a key held by two people is dropped as
ambiguous. Every ``the <key>`` in the text that is not followed by a name becomes a mention of
that person, so pronoun rules and speaker resolution can see it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..models import Span
from .clusters import PersonDraft
from .lexicon import OFFICE_TITLES, ROLE_EXPANSIONS, ROLE_NOUNS, norm

_PAST = {"former", "ex", "late", "previous", "outgoing", "predecessor", "successor"}
# Words too general to stand for one person on their own.
_TOO_GENERAL = {"man", "woman", "boy", "girl", "member", "head", "chief", "deputy", "assistant",
                "officer", "official", "prime", "vice", "senior", "acting", "resident", "worker",
                "friend", "partner", "child", "parent", "patient", "victim", "student", "employee"}


def _keys(person: PersonDraft) -> set[str]:
    keys = set()
    phrases = [t for t in person.titles] + [r for r in person.roles if len(r.split()) <= 3]
    for phrase in phrases:
        words = [w for w in re.split(r"\s+", phrase.strip()) if w]
        if not words or any(norm(w) in _PAST for w in words):
            continue
        low = [ROLE_EXPANSIONS.get(norm(w), norm(w)) for w in words]
        head = low[-1]
        if not (head in ROLE_NOUNS or head in OFFICE_TITLES):
            continue
        if len(low) > 1 and all(w in ROLE_NOUNS or w in OFFICE_TITLES or w.isalpha() for w in low):
            keys.add(" ".join(low))
        if head not in _TOO_GENERAL:
            keys.add(head)
    return keys


def _written(table: dict[str, PersonDraft], text: str) -> list[str]:
    """The keys that can match in ``text``: with ASCII text and keys, those its lower-cased text
    holds (case-insensitive matching is lower-casing there); else all. The pattern, made per
    article, is then shorter or not made at all."""
    if not (text.isascii() and all(k.isascii() for k in table)):
        return list(table)
    low = text.lower()
    return [k for k in table if k.lower() in low]


def find_descriptions(doc: Doc, text: str, people: list[PersonDraft]) -> None:
    """Add ``the <role>`` mentions to the people they unambiguously stand for."""
    owners: dict[str, list[PersonDraft]] = {}
    for p in people:
        for key in _keys(p):
            owners.setdefault(key, []).append(p)
    table = {k: v[0] for k, v in owners.items() if len(v) == 1}
    keys = _written(table, text)
    if not keys:
        return
    taken = [(m.full_start, m.end) for p in people for m in p.mentions]
    pattern = re.compile(
        r"\b[Tt]he\s+((?i:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r"))\b(?!\s+[A-Z])"
    )
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        if any(a < end and start < b for a, b in taken):
            continue
        person = table[match.group(1).lower()]
        first = min(m.start for m in person.mentions)
        if start < first:
            continue  # a description before the person is named is not tied to them yet
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        person.descriptions.append((span.start, span.end))
        person.add_other(Span(start, end, text[start:end]))
