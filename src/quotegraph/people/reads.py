"""Reads of a Doc that the people stage makes often, without the Spans and Tokens spaCy makes
for them.

``doc.char_span`` reads five Tokens to make one Span; the people stage asks for the tokens of
tens of thousands of character spans per corpus, and only wants their indices.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..syntax import doc_text, token_bounds


def _token_at(starts: list[int], size: int, char: int) -> int:
    """The token whose text or trailing space holds ``char``; -1 outside the text (spaCy's
    ``token_by_char``: the tokens and their spaces cover the text end to end)."""
    if char < 0 or char >= size:
        return -1
    return bisect_right(starts, char) - 1


def char_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[i, j)`` of ``doc.char_span(start, end, alignment_mode="expand")``; None
    where that gives None."""
    starts, ends = token_bounds(doc)
    size = len(doc_text(doc))
    first, last = _token_at(starts, size, start), _token_at(starts, size, end - 1)
    if first < 0 or last < 0:
        return None
    if start == ends[first]:  # the space after a token is not part of it
        first += 1
    if first > last + 1:  # an end before the start: spaCy's own answer (an error)
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last + 1


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
