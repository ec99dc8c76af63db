"""Organisations the people stage made from words that only describe something else.

``the Thamesford plant``, ``Kiwi fare``, ``a Cabinet-level visit``, ``Secretary of State Rice``:
the name modifies a common noun or is part of a person's title, and the model tagged it as an
organisation. When every mention of an organisation is such a word, it is a place, a kind or an
office, not a party the quotes talk about, so it is never a target. Nor is an organisation named
by a lone generic word (``the State`` for the prosecution, ``the City``), as its description
(``the state``) is not.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..models import ArticleResult
from ..people.lexicon import OFFICE_TITLES
from .descriptions import NOT_AN_ORGANISATION

_MODIFIERS = {"compound", "amod", "nmod"}


def not_targets(doc: Doc, result: ArticleResult) -> frozenset[str]:
    """Ids of the organisations whose every mention modifies a common noun or sits in a title,
    and of those named by one generic word."""
    return frozenset(org.id for org in result.organizations
                     if org.name.lower().removeprefix("the ") in NOT_AN_ORGANISATION
                     or (org.mentions and all(_describes(doc, m.start, m.end) for m in org.mentions)))


def _describes(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    return _modifies_noun(last, span.end) or _in_title(last)


def _modifies_noun(token: Token, end: int) -> bool:
    """``the Thamesford plant``: the name's last word hangs off a common noun after the name."""
    head = token.head
    return token.dep_ in _MODIFIERS and head.i >= end and head.pos_ == "NOUN"


def _in_title(token: Token) -> bool:
    """``Secretary of State``: the name is the ``of`` object of an office title."""
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "of"
            and prep.head.lower_ in OFFICE_TITLES and prep.head.i < prep.i)
