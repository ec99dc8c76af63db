"""Keep the spans of a result off the excluded leftovers (docs/format.md: nothing comes from them).

A speaker or cue found across a leftover line (``bod\\nPhoto\\ny``) is cut to its longest piece
outside every leftover, or dropped when nothing is left; mentions and dates that cross a
leftover are dropped. Runs after every stage, so no stage has to think about it.
"""

from __future__ import annotations

from .intervals import Intervals
from .leftover_cuts import cut_outside
from .models import ArticleResult, DateMention, Span


def _crosses(span: Span | DateMention, gaps: Intervals) -> bool:
    return gaps.overlaps(span.start, span.end)


def _outside(span: Span | None, gaps: Intervals, text: str) -> Span | None:
    """The longest piece of ``span`` outside the gaps, whitespace trimmed; None if none."""
    if span is None or not _crosses(span, gaps):
        return span
    pieces = cut_outside(text, span.start, span.end, gaps.ranges)
    return max(pieces, key=lambda piece: piece.end - piece.start, default=None)  # the first of equals


def keep_off_leftovers(result: ArticleResult) -> ArticleResult:
    gaps = Intervals((e.start, e.end) for e in result.excluded if e.end > e.start)
    if not gaps:
        return result
    text = result.text
    for quote in result.quotes:
        quote.speaker = _outside(quote.speaker, gaps, text)
        quote.cue = _outside(quote.cue, gaps, text)
    for person in result.people:
        person.mentions = [m for m in person.mentions if not _crosses(m, gaps)]
    for entity in [*result.organizations, *result.places]:
        entity.mentions = [m for m in entity.mentions if not _crosses(m, gaps)]
    result.dates = [d for d in result.dates if not _crosses(d, gaps)]
    return result
