"""Organisations the people stage made from words that only describe something else.

``the Thamesford plant``, ``Kiwi fare``, ``a Cabinet-level visit``, ``Secretary of State Rice``,
``Bignell, the former head of Chelsea TV``: the name modifies a common noun or is part of a
person's title or role, and the model tagged it as an
organisation. When every mention of an organisation is such a word, it is a place, a kind or an
office, not a party the quotes talk about, so it is never a target. Nor is an organisation named
by a lone generic word (``the State`` for the prosecution, ``the City``), as its description
(``the state``) is not.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..models import ArticleResult
from ..people.lexicon import OFFICE_TITLES, ROLE_NOUNS
from ..syntax import char_tokens
from .descriptions import NOT_AN_ORGANISATION
from .entities import IndexedMention

_MODIFIERS = {"compound", "amod", "nmod"}


def not_targets(doc: Doc, result: ArticleResult, mentions: list[IndexedMention]) -> frozenset[str]:
    """Ids of the organisations whose every mention (recorded or found again by name, so that
    ``Acme`` standing alone in a quote keeps ``chief executive of Acme`` a target) modifies a
    common noun or sits in a title, and of those named by one generic word."""
    spans: dict[str, list[IndexedMention]] = {}
    for m in mentions:
        spans.setdefault(m.entity_id, []).append(m)
    people_ends = {m.end for p in result.people for m in p.mentions}
    return frozenset(org.id for org in result.organizations
                     if org.name.lower().removeprefix("the ") in NOT_AN_ORGANISATION
                     or (org.id in spans and all(_describes(doc, m.start, m.end) or _spelled_out_office(result.text, m)
                                                 or _post_nominal(result.text, m, people_ends) for m in spans[org.id])))


_SPELLED_OUT = re.compile(r"\s*\((\w+)")


def _spelled_out_office(text: str, mention: IndexedMention) -> bool:
    """``the COP (chief of police)``: an abbreviation the text spells out as an office."""
    spelled = _SPELLED_OUT.match(text, mention.end)
    return spelled is not None and spelled.group(1).lower() in _OFFICES


def _post_nominal(text: str, mention: IndexedMention, people_ends: set[int]) -> bool:
    """``Alhaji Yahaya Bello, CON,``: a short capitalised abbreviation right after a person's name
    and a comma is an honour (``OBE``, ``CON``), not an organisation."""
    name = text[mention.start : mention.end]
    before = text[max(0, mention.start - 3) : mention.start]
    comma = mention.start - len(before) + before.rfind(",")
    return name.isupper() and len(name) <= 4 and "," in before and comma in people_ends


# verbs whose ``for`` object is an office or seat sought (``running for Parliament``, ``contesting for
# Gomoa East``), not a party the words are about (``campaigned for the NPP`` is)
SEEKING_VERBS = {"run", "contest"}


def names_an_office(doc: Doc, start: int, end: int) -> bool:
    """This one mention is part of an office (``Member of Parliament``) or the seat sought."""
    last = _last_word(doc, start, end)
    if last is None:
        return False
    prep = last.head
    return _in_title(last) or (last.dep_ == "pobj" and prep.lower_ == "for"
                               and prep.head.lemma_.lower() in SEEKING_VERBS)


def _last_word(doc: Doc, start: int, end: int) -> Token | None:
    """The last token of the mention at ``start:end`` (None when no token lies there)."""
    bounds = char_tokens(doc, start, end)
    return doc[bounds[1] - 1] if bounds is not None and bounds[1] > bounds[0] else None


def _describes(doc: Doc, start: int, end: int) -> bool:
    last = _last_word(doc, start, end)
    return last is not None and (_modifies_noun(last, last.i + 1) or _in_title(last))


def _modifies_noun(token: Token, end: int) -> bool:
    """``the Thamesford plant``: the name's last word hangs off a common noun after the name."""
    head = token.head
    return token.dep_ in _MODIFIERS and head.i >= end and head.pos_ == "NOUN"


_OFFICES = OFFICE_TITLES | ROLE_NOUNS


def _in_title(token: Token) -> bool:
    """``Secretary of State``, ``the former head of Chelsea TV``: the name is the ``of`` object
    of an office title or a role, so it says what a person is."""
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "of"
            and prep.head.lower_ in _OFFICES and prep.head.i < prep.i)
