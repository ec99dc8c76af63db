"""``said_on``: the date phrase tied to the reporting clause, else the publication date."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..dates import is_explicit
from ..models import DateMention, SaidOn, Span
from .clause import QuoteClause

Basis = Literal["explicit", "relative"]


def find_said_on(clause: QuoteClause, dates: list[DateMention], published: date | None, text: str) -> SaidOn:
    mention = _tied_date(clause, dates)
    if mention is not None:
        basis: Basis = "explicit" if is_explicit(mention.text) else "relative"
        return SaidOn(mention.value, basis, Span(mention.start, mention.end, text[mention.start : mention.end]))
    if published is not None:
        return SaidOn(published.isoformat(), "published", None)
    return SaidOn(None, "unknown", None)


def _tied_date(clause: QuoteClause, dates: list[DateMention]) -> DateMention | None:
    """A date in the cue's sentence, outside the quoted words, that depends on the cue or a
    verb it is linked to (``said on Tuesday``, ``in a statement on 4 March``, ``apologised on
    Tuesday and confirmed ...``); the nearest to the cue when several are."""
    cue = clause.cue
    if clause.sentence is None or cue is None:
        return None
    verbs = clause.verbs()
    sent = clause.sentence
    tied = []
    for mention in dates:
        in_sentence = sent.start_char <= mention.start and mention.end <= sent.end_char
        if not in_sentence or clause.quoted(mention.start, mention.end):
            continue
        span = clause.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and clause.governed_by(span.root, verbs):
            tied.append(mention)
    return min(tied, key=lambda m: abs(m.start - cue.idx), default=None)
