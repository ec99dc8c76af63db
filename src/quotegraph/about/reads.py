"""The parse as the about stage reads it: token indices, heads, children and character-to-token
lookups, each made once per Doc (``syntax.per_doc``).

The about rules run per quote over the same article, so reading ``doc[i]``, ``token.head``,
``token.children`` or ``doc.char_span`` there makes the same Token and Span objects again and
again; these give the shared Tokens of ``syntax.tokens`` and plain token indices instead.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..syntax import doc_text, per_doc, sentences, token_bounds, tokens


@per_doc
def heads(doc: Doc) -> list[int]:
    """Per token, the index of its head (the root's is its own)."""
    relative = doc.to_array("HEAD").astype(np.int64)  # stored unsigned: a head to the left wraps
    return (relative + np.arange(len(doc), dtype=np.int64)).tolist()


@per_doc
def kids(doc: Doc) -> list[list[int]]:
    """Per token, the indices of its children in order (``token.children``)."""
    found: list[list[int]] = [[] for _ in range(len(doc))]
    for i, head in enumerate(heads(doc)):
        if head != i:
            found[head].append(i)
    return found


def head_of(token: Token) -> Token:
    """``token.head`` as the shared Token."""
    return tokens(token.doc)[heads(token.doc)[token.i]]


def children_of(token: Token) -> list[Token]:
    """``list(token.children)`` as the shared Tokens."""
    toks = tokens(token.doc)
    return [toks[k] for k in kids(token.doc)[token.i]]


def lefts_of(token: Token) -> list[Token]:
    """``list(token.lefts)`` as the shared Tokens."""
    toks = tokens(token.doc)
    return [toks[k] for k in kids(token.doc)[token.i] if k < token.i]


def rights_of(token: Token) -> list[Token]:
    """``list(token.rights)`` as the shared Tokens."""
    toks = tokens(token.doc)
    return [toks[k] for k in kids(token.doc)[token.i] if k > token.i]


@per_doc
def _text_length(doc: Doc) -> int:
    return len(doc_text(doc))


def _token_at(doc: Doc, char: int) -> int:
    """The token whose text or trailing space holds ``char``; -1 outside the text."""
    if char < 0 or char >= _text_length(doc):
        return -1
    return bisect_right(token_bounds(doc)[0], char) - 1


def token_range(doc: Doc, start: int, end: int, contract: bool = False) -> tuple[int, int] | None:
    """The token range ``doc.char_span(start, end, alignment_mode=...)`` covers, ``"expand"``
    (tokens that overlap the characters) or ``contract`` (tokens wholly inside them); None where
    char_span gives None."""
    first, last = _token_at(doc, start), _token_at(doc, end - 1)
    if first < 0 or last < 0:
        return None
    starts, ends = token_bounds(doc)
    if contract:
        first += starts[first] < start
        last -= end < ends[last]
        return (first, last + 1) if last >= first else None
    if start == ends[first]:  # the trailing space of a token is not part of it
        first += 1
    return first, last + 1


def tokens_in(doc: Doc, start: int, end: int, contract: bool = False) -> list[Token]:
    """The shared Tokens of ``doc.char_span(start, end, ...)`` (none where it gives None)."""
    found = token_range(doc, start, end, contract)
    return tokens(doc)[found[0] : found[1]] if found is not None else []


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
