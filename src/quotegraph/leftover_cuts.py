"""Quotes cut where a leftover interrupts them: nothing may be quoted from leftovers, and a
quote's start..end must not cover one either."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .intervals import Intervals
from .models import Excluded, Quote, Span


def split_at_leftovers(quotes: list[Quote], excluded: Sequence[Excluded], text: str) -> list[Quote]:
    """Cut quotes that run across a leftover (a quotation continued over paragraphs with an
    advert or caption between them) into one quote per side, same speaker and cue."""
    if not excluded:
        return quotes
    index = Intervals((e.start, e.end) for e in excluded)
    gaps = index.ranges
    out: list[Quote] = []
    for quote in quotes:
        if not index.overlaps(quote.start, quote.end):
            out.append(quote)
            continue
        for pieces in _segments(_pieces(quote, gaps, text), gaps):
            out.append(replace(quote, start=pieces[0].start, end=pieces[-1].end,
                               text=text[pieces[0].start : pieces[-1].end], parts=pieces))
    return out


def _pieces(quote: Quote, gaps: list[tuple[int, int]], text: str) -> list[Span]:
    """The quote's parts with the leftovers cut out of them."""
    parts = quote.parts or [Span.of(text, quote.start, quote.end)]
    return [piece for part in parts for piece in cut_outside(text, part.start, part.end, gaps)]


def cut_outside(text: str, start: int, end: int, gaps: list[tuple[int, int]]) -> list[Span]:
    """The pieces of ``start..end`` outside the sorted ``gaps``, whitespace trimmed, empty ones dropped."""
    pieces: list[Span] = []
    for g_start, g_end in gaps:
        if g_start < end and start < g_end:
            _add_piece(pieces, text, start, g_start)
            start = max(start, g_end)
    _add_piece(pieces, text, start, end)
    return pieces


def _segments(pieces: list[Span], gaps: list[tuple[int, int]]) -> list[list[Span]]:
    """The pieces grouped into runs with no leftover between them: one quote each."""
    segments: list[list[Span]] = []
    for piece in pieces:
        if segments and not any(segments[-1][-1].end <= g_start < piece.start for g_start, _ in gaps):
            segments[-1].append(piece)
        else:
            segments.append([piece])
    return segments


def _add_piece(pieces: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        pieces.append(Span.of(text, start, end))
