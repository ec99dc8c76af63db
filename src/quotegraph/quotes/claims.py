"""Quoted words inside a claim that someone rejects: ``Kruah denied allegations that "ghost
workers" appear on the payroll`` -> a mixed quote whose words are the allegations', not Kruah's."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import CLAIM_NOUNS, DENIAL_VERBS
from ..syntax import mention_range, path_up
from .layout import Item, Layout

CLAIM_CONFIDENCE = 0.7  # the claim speaks, though nobody is named
_CLAIM_CLAUSE = frozenset({"acl", "ccomp", "relcl"})


def denied_claim(d: Layout, item: Item) -> bool:
    """Make ``item`` the mixed quote of the claim whose clause holds it when a denial verb
    governs that claim (``rejected claims that ...``); False when none does."""
    first = d.doc[d.token_at(item.mark.inner[0])]
    for clause in path_up(first, 8):
        noun = clause.head
        if clause.dep_ in _CLAIM_CLAUSE and noun.i < clause.i and noun.lemma_.lower() in CLAIM_NOUNS:
            denial = noun.head
            if noun.dep_ in ("dobj", "nsubjpass") and denial.lemma_ in DENIAL_VERBS:
                _take(d, item, noun, clause, denial)
                return True
    return False


def _take(d: Layout, item: Item, noun: Token, clause: Token, denial: Token) -> None:
    start, end = d.doc[clause.left_edge.i].idx, d.char_end(clause.right_edge.i)
    item.attribute((mention_range(noun), "denied-claim"))
    item.cue, item.own_cue = denial, True
    item.type, item.rule, item.confidence = "mixed", "mixed-denied-claim", CLAIM_CONFIDENCE
    item.start, item.end = min(start, item.mark.start), max(item.mark.end, min(end, d.paras[item.para][1]))
