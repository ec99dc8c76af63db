"""Quoted words inside a claim: ``Kruah denied allegations that "ghost workers" appear on the
payroll`` -> a mixed quote whose words are the allegations', not Kruah's; ``carried reports that
the council had been accused of 'hiding' the figures`` (no speech verb) -> the reports'."""

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
    found = _claim_clause(d, item)
    if found is None:
        return False
    noun, clause = found
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.lemma_ not in DENIAL_VERBS:
        return False
    _take(d, item, noun, clause, noun.head, "denied-claim")
    return True


def reported_claim(d: Layout, item: Item) -> bool:
    """Make ``item`` (a quote with no cue) the mixed quote of the claim whose clause holds it
    (``reports that the council had been accused of 'hiding' the figures``)."""
    found = _claim_clause(d, item)
    if found is None:
        return False
    _take(d, item, found[0], found[1], found[0], "claim-noun")
    return True


def _claim_clause(d: Layout, item: Item) -> tuple[Token, Token] | None:
    """The claim noun and its clause that hold the quote, the nearest one above it."""
    first = d.doc[d.token_at(item.mark.inner[0])]
    for clause in path_up(first, 8):
        noun = clause.head
        if clause.dep_ in _CLAIM_CLAUSE and noun.i < clause.i and noun.lemma_.lower() in CLAIM_NOUNS \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return noun, clause
    return None


def _take(d: Layout, item: Item, noun: Token, clause: Token, cue: Token, rule: str) -> None:
    start, end = d.doc[clause.left_edge.i].idx, d.char_end(clause.right_edge.i)
    item.attribute((mention_range(noun), rule))
    item.cue, item.own_cue = cue, True
    item.type, item.rule, item.confidence = "mixed", "mixed-denied-claim", CLAIM_CONFIDENCE
    item.start, item.end = min(start, item.mark.start), max(item.mark.end, min(end, d.paras[item.para][1]))
