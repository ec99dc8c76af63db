"""Reads of a Doc that the people stage makes often, without the Spans and Tokens spaCy makes
for them.

The token range of a character span is ``syntax.char_tokens`` (``doc.char_span`` reads five
Tokens to make one Span, and the stages only want the indices).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..syntax import doc_text, token_bounds


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
