"""Reads of a Doc that the people stage makes often, without the Spans and Tokens spaCy makes
for them.

``doc.char_span`` reads five Tokens to make one Span; the people stage asks for the tokens of
tens of thousands of character spans per corpus, and only wants their indices.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..syntax import doc_text, per_doc, token_bounds


@per_doc
def _offsets(doc: Doc) -> tuple[list[int], list[int], int]:
    """The token start and end offsets and the length of the text."""
    starts, ends = token_bounds(doc)
    return starts, ends, len(doc_text(doc))


def char_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[i, j)`` of ``doc.char_span(start, end, alignment_mode="expand")``; None
    where that gives None. (The token holding a character is the last one starting at or before
    it, when the character is inside the text: tokens and their spaces cover it end to end.)"""
    starts, ends, size = _offsets(doc)
    if start < 0 or end < 1 or start >= size or end > size:
        return None
    first, last = bisect_right(starts, start) - 1, bisect_right(starts, end - 1)
    if start == ends[first]:  # the space after a token is not part of it
        first += 1
    if first > last:  # an end before the start: spaCy's own answer (an error)
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last


def tokens_text(doc: Doc, i: int, j: int) -> str:
    """``doc[i:j].text`` (empty when ``j <= i``), cut from the text."""
    if j <= i:
        return ""
    starts, ends = token_bounds(doc)
    return doc_text(doc)[starts[i] : ends[j - 1]]


def space_after(doc: Doc, k: int) -> str:
    """``doc[k].whitespace_`` (``k`` from 0), cut from the text."""
    starts, ends = token_bounds(doc)
    text = doc_text(doc)
    return text[ends[k] : starts[k + 1]] if k + 1 < len(starts) else text[ends[k] :]
