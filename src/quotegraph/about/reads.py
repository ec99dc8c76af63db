"""The parse as the about stage reads it: token indices, heads and character-to-token
lookups, each made once per Doc (``syntax.per_doc``).

The about rules run per quote over the same article, so reading ``doc.char_span`` or walking
``token.head`` there makes the same Span and Token objects again and again; these give plain
token indices instead, and the rules make a Token only for the few that fit.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..syntax import doc_text, per_doc, sentences, token_bounds


@per_doc
def heads(doc: Doc) -> list[int]:
    """Per token, the index of its head (the root's is its own)."""
    relative = doc.to_array("HEAD").astype(np.int64)  # stored unsigned: a head to the left wraps
    return (relative + np.arange(len(doc), dtype=np.int64)).tolist()


@per_doc
def _offsets(doc: Doc) -> tuple[list[int], list[int], int]:
    """Token start and end offsets (``syntax.token_bounds``) and the text's length."""
    starts, ends = token_bounds(doc)
    return starts, ends, len(doc_text(doc))


def token_range(doc: Doc, start: int, end: int, contract: bool = False) -> tuple[int, int] | None:
    """The token range ``doc.char_span(start, end, alignment_mode=...)`` covers, ``"expand"``
    (tokens that overlap the characters) or ``contract`` (tokens wholly inside them); None where
    char_span gives None. A token holds its text and its trailing space; tokens tile the text,
    so the one holding a character is found by bisect."""
    starts, ends, length = _offsets(doc)
    if not (0 <= start < length and 0 < end <= length):
        return None
    first, last = bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1
    if contract:
        first += starts[first] < start
        last -= end < ends[last]
        return (first, last + 1) if last >= first else None
    if start == ends[first]:  # the trailing space of a token is not part of it
        first += 1
    return first, last + 1


def root_in(doc: Doc, start: int, end: int) -> Token | None:
    """``doc.char_span(start, end, alignment_mode="expand").root`` (None where no span)."""
    found = token_range(doc, start, end)
    return doc[found[0] : found[1]].root if found is not None else None


@per_doc
def _sentence_starts(doc: Doc) -> list[int]:
    return [sent.start for sent in sentences(doc)]


def sentence_of(doc: Doc, i: int) -> DocSpan:
    """``doc[i].sent``, the sentence Span shared per Doc."""
    return sentences(doc)[bisect_right(_sentence_starts(doc), i) - 1]
