"""Mixed quotes: whether the words between a cue and the opening mark are a reported clause
(``said she was "deeply concerned"``) or only adjuncts of the cue (``told reporters on Tuesday:``)."""

from __future__ import annotations

from spacy.tokens import Token

from .cueing import LISTENING, is_cue
from .layout import Item, Layout, outside_marks

# Dependents of a cue that may stand between it and a direct quote (``told reporters on
# Tuesday:``, ``said in a statement``, ``said Smith,``).
_ADJUNCT = frozenset({"npadvmod", "advmod", "prep", "dative", "agent", "nsubj", "nsubjpass", "punct",
                      "prt", "aux", "auxpass", "neg", "cc", "tmod", "advcl", "mark", "attr", "appos"})


def mixed_or_direct(d: Layout, item: Item, cue: Token, before: list[int], next_start: int) -> None:
    """Decide whether the words between ``cue`` and the opening mark make a mixed quote."""
    doc, m = d.doc, item.mark
    gap = [i for i in before if i > cue.i]
    speaker = item.speaker or (0, 0)
    content_start = None
    for i in gap:
        tok = doc[i]
        if speaker[0] <= i < speaker[1] or tok.is_punct or i == cue.i + 1 and tok.dep_ == "prt":
            continue
        if _adjunct_of(tok, cue):
            continue
        content_start = i
        break
    if gap and doc[gap[-1]].text in (":", ","):
        content_start = None  # ``told reporters on Tuesday: "..."``
    if content_start is None:
        return
    clause = doc[content_start]
    while clause.head.i != cue.i and clause.head.i != clause.i:
        clause = clause.head
    end = _clause_end(d, item, clause)
    if doc[content_start].lower_ == "that" and content_start == gap[-1]:
        item.start = doc[content_start].idx  # ``said that "..."``: PolNeAR keeps ``that``
        if end > m.end:  # ``said that "a bomb" had gone off``: the clause goes on past the marks
            item.type, item.rule, item.end = "mixed", "mixed-fragment", end
        return
    item.type, item.rule = "mixed", "mixed-fragment"
    item.start = doc[content_start].idx
    item.end = end
    item.confidence = 0.8 if item.speaker else 0.6


def _clause_end(d: Layout, item: Item, clause: Token) -> int:
    """Where the reported clause headed by ``clause`` ends: past the quote when the quote is
    mid-clause, never past the sentence, the paragraph or the next report (``... and said
    that ...``); a cue that heads the quote's own clause (``that the ad "..." suggests``) is
    part of it."""
    doc, m = d.doc, item.mark
    end_tok = clause.right_edge.i
    last = d.sent_end[d.token_at(m.end - 1)] - 1
    quote_last = d.token_at(m.end - 1)
    for i in range(quote_last + 1, min(end_tok, last) + 1):
        tok = doc[i]
        if is_cue(tok) and outside_marks(d)(tok) and not tok.is_ancestor(doc[quote_last]):
            end_tok = i - 1
            break
    end_tok = max(min(end_tok, last), quote_last)
    while end_tok > quote_last and (doc[end_tok].is_punct or doc[end_tok].is_space or doc[end_tok].pos_ == "CCONJ"):
        end_tok -= 1
    p_end = d.paras[item.para][1]
    return max(m.end, min(d.char_end(end_tok), p_end))


def _adjunct_of(tok: Token, cue: Token) -> bool:
    """Whether ``tok`` hangs on ``cue`` through an adjunct (or is the listener of ``told``)."""
    node = tok
    for _ in range(8):
        if node.head.i == cue.i:
            if node.dep_ in _ADJUNCT:
                return node.dep_ != "mark" and node.dep_ != "advcl"
            if node.dep_ in ("dobj", "iobj") and cue.lemma_ in LISTENING:
                return True
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return False
