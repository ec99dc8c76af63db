"""The parse as the about stage reads it: roots and sentences by token index, made once per
Doc (``syntax.per_doc``); token indices, heads and character-to-token lookups come from
``syntax`` (``char_tokens``, ``head_indices``).

The about rules run per quote over the same article, so reading ``doc.char_span`` or walking
``token.head`` there makes the same Span and Token objects again and again; these give plain
token indices instead, and the rules make a Token only for the few that fit.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..syntax import char_tokens, per_doc, sentences


def root_in(doc: Doc, start: int, end: int) -> Token | None:
    """``doc.char_span(start, end, alignment_mode="expand").root`` (None where no span)."""
    found = char_tokens(doc, start, end)
    return doc[found[0] : found[1]].root if found is not None else None


@per_doc
def _sentence_starts(doc: Doc) -> list[int]:
    return [sent.start for sent in sentences(doc)]


def sentence_of(doc: Doc, i: int) -> DocSpan:
    """``doc[i].sent``, the sentence Span shared per Doc."""
    return sentences(doc)[bisect_right(_sentence_starts(doc), i) - 1]
