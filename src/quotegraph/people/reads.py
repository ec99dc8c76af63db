"""Reads of a Doc that the people stage makes often, without the Spans and Tokens spaCy makes
for them.

The token range of a character span is ``syntax.char_tokens`` (``doc.char_span`` reads five
Tokens to make one Span, and the stages only want the indices).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..syntax import SUBJECT_IDS, column, doc_text, head_indices, per_doc, token_bounds, tokens_with, word_ids

_APPOS_IDS = word_ids(("appos",))


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


@per_doc
def subject_appositions(doc: Doc) -> dict[int, list[int]]:
    """Per subject token (``nsubj``, ``nsubjpass``) that has one, the ``appos`` tokens of its
    subtree in subtree order: the ``The cabinet member, Raj Sethi, said`` reading, made once per
    Doc for every person table that asks. Which subjects hold one is read up the heads; only
    those make their subtree's Tokens."""
    heads, deps = head_indices(doc), column(doc, "DEP")
    holders: set[int] = set()
    for a in tokens_with(doc, "DEP", _APPOS_IDS):
        i = a
        for _ in range(len(heads)):  # (bounded: a parse is a tree, but never trust a loop)
            i = heads[i]
            if deps[i] in SUBJECT_IDS:
                holders.add(i)
            if heads[i] == i:
                break
    return {i: [c.i for c in doc[i].subtree if c.dep_ == "appos"] for i in sorted(holders)}
