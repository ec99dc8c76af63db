"""``said_on``: the date phrase tied to the reporting clause, else the publication date."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..dates import is_explicit
from ..lexicon import SPEECH
from ..models import DateMention, SaidOn, Span
from .clause import QuoteClause
from .reads import root_in

Basis = Literal["explicit", "relative"]
# verbs that open an interview or talk whose lines follow without a cue of their own
_SPEAKING = SPEECH | {"speak", "talk", "interview", "chat"}


def find_said_on(clause: QuoteClause, dates: list[DateMention], published: date | None, text: str) -> SaidOn:
    mention = _tied_date(clause, dates) if clause.cue is not None else _introduced_date(clause, dates)
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
    verbs = clause.verbs
    sent = clause.sentence
    tied = []
    first, last = sent.start_char, sent.end_char
    for mention in dates:
        if not (first <= mention.start and mention.end <= last):  # the cheap test first
            continue
        if clause.quoted(mention.start, mention.end) or not _same_paragraph(clause, mention, cue.idx):
            continue
        root = root_in(clause.doc, mention.start, mention.end)
        if root is not None and clause.governed_by(root, verbs):
            tied.append(mention)
    return min(tied, key=lambda m: abs(m.start - cue.idx), default=None)


def _same_paragraph(clause: QuoteClause, mention: DateMention, at: int) -> bool:
    """No line break between the date and the cue: a sentence the parser ran on across a
    paragraph break (a paragraph without a full stop) does not carry the next paragraph's date."""
    return "\n" not in clause.text[min(at, mention.start) : max(at, mention.end)]


def _introduced_date(clause: QuoteClause, dates: list[DateMention]) -> DateMention | None:
    """A quote without a cue (an interview's question and answer lines) takes the date tied to a
    speech verb earlier in its paragraph (``spoke to News-One on Thursday: ...``)."""
    start = clause.quote.start
    opening = clause.text.rfind("\n", 0, start) + 1
    for mention in reversed(dates):
        if not (opening <= mention.start and mention.end <= start):
            continue
        span = clause.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None) if span is not None else None
        if verb is not None and verb.lemma_.lower() in _SPEAKING:
            return mention
    return None
