"""``you`` in an interview's questions: the other party, the one who answers.

Interview copy (``News-One: are you really running? A-Plus: Yes ...``) gives its lines without a
cue; a question there that says ``you`` is about the person who answers it: the speaker of the
nearest cue-less line after it (else before it) by someone else.
"""

from __future__ import annotations

import re

from ..lexicon import SECOND_PERSON
from ..models import ArticleResult, Person, Quote, Span, Target

_SECOND_PERSON = re.compile(r"\b(?:" + "|".join(sorted(SECOND_PERSON)) + r")\b", re.I)


def interviewee_target(result: ArticleResult, index: int) -> Target | None:
    """The answerer as a target of question ``result.quotes[index]``, with its first ``you`` as
    span; only when the answerer is one of the article's people."""
    quote, text = result.quotes[index], result.text
    if quote.cue is not None or "?" not in text[quote.start : quote.end]:
        return None
    you = _first_second_person(quote, text)
    if you is None:
        return None
    lines = sorted((q for q in result.quotes if q.cue is None and _who(q) and _who(q) != _who(quote)),
                   key=lambda q: q.start)
    after = [q for q in lines if q.start > quote.start]
    before = [q for q in lines if q.start < quote.start]
    other = after[0] if after else (before[-1] if before else None)
    person = _person(result, other) if other is not None else None
    return Target(person.id, person.name, you, "quoted") if person is not None else None


def _who(quote: Quote) -> str:
    return quote.speaker_id or (quote.speaker_name or "").lower()


def _person(result: ArticleResult, quote: Quote) -> Person | None:
    """The quote's speaker among the article's people: by id, or by a name the entry holds (an
    interview's labels, ``A-Plus:``, are often left unresolved)."""
    name = (quote.speaker_name or "").lower()
    for person in result.people:
        if person.id == quote.speaker_id or name in {n.lower() for n in [person.name, *person.aliases]}:
            return person
    return None


def _first_second_person(quote: Quote, text: str) -> Span | None:
    match = _SECOND_PERSON.search(text, quote.start, quote.end)
    return Span(match.start(), match.end(), match.group()) if match else None
