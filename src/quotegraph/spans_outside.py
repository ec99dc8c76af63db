"""Keep the spans of a result off the excluded leftovers (docs/format.md: nothing comes from them).

A speaker or cue found across a leftover line (``bod\\nPhoto\\ny``) is cut to its longest piece
outside every leftover, or dropped when nothing is left; mentions and dates that cross a
leftover are dropped. Runs after every stage, so no stage has to think about it.
"""

from __future__ import annotations

from .intervals import Intervals
from .models import ArticleResult, DateMention, Span


def _crosses(span: Span | DateMention, gaps: Intervals) -> bool:
    return gaps.overlaps(span.start, span.end)


def _outside(span: Span | None, gaps: Intervals, text: str) -> Span | None:
    """The longest piece of ``span`` outside the gaps, whitespace trimmed; None if none."""
    if span is None or not _crosses(span, gaps):
        return span
    pieces, start = [], span.start
    for g_start, g_end in gaps.ranges:
        if g_start < span.end and start < g_end:
            pieces.append((start, max(start, g_start)))
            start = max(start, g_end)
    pieces.append((start, span.end))
    best: Span | None = None
    for piece_start, piece_end in pieces:
        while piece_start < piece_end and text[piece_start].isspace():
            piece_start += 1
        while piece_end > piece_start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > piece_start and (best is None or piece_end - piece_start > best.end - best.start):
            best = Span.of(text, piece_start, piece_end)
    return best


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
