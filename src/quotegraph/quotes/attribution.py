"""The speaker of a quote that has a cue: an ordered table of named rules (``_CUED_RULES``),
each a small function of the cue and its frame; the first verdict wins and names the rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from ..lexicon import (
    NON_SPEAKING_PRONOUNS,
)
from ..syntax import mention_range
from .cueing import LISTENING
from .layout import DASHES, Found, Layout, outside_marks
from .marks import Marked
from .nearby import left_of, nearby_speaker, noun_phrase_before
from .speakers import (
    STOP,
    Head,
    Stop,
    can_speak,
    find_speaker,
    non_finite,
    noun_run_after,
)


@dataclass
class _Cued:
    """What the speaker rules of a cued quote look at: the cue, the frame and the words that
    may speak (outside the quotes, in the cue's paragraph)."""

    d: Layout
    cue: Token
    cue_after: bool
    before: list[int]
    after: list[int]
    allowed: Callable[[Token], bool]

    @property
    def frame(self) -> list[int]:
        return self.after if self.cue_after else self.before

    @cached_property
    def head(self) -> Head | None:
        return find_speaker(self.cue, self.allowed, inverted=self.cue_after)


def cued_speaker(d: Layout, marked: list[Marked], cue: Token, cue_after: bool, before: list[int],
             after: list[int]) -> Found | None:
    """Speaker mention of an attributed quote and its rule: the first rule of ``_CUED_RULES``
    that gives a verdict."""
    outside = outside_marks(d)
    p_start, p_end = d.paras[d.para_of(cue.idx)]

    def allowed(tok: Token) -> bool:  # outside the quotes, in the cue's paragraph, a word that can speak
        return p_start <= tok.idx < p_end and outside(tok) and can_speak(tok)
    ctx = _Cued(d, cue, cue_after, before, after, allowed)
    for rule in _CUED_RULES:
        verdict = rule(ctx)
        if verdict is not None:
            return None if isinstance(verdict, Stop) else verdict
    return None


def _according_to(ctx: _Cued) -> Found | Stop | None:
    """``according to X``: X, wherever the quote stands (and nothing else)."""
    if ctx.cue.lower_ != "according":
        return None
    head = find_speaker(ctx.cue, ctx.allowed)
    return (mention_range(head.token), head.rule) if head is not None else STOP


def _inverted_after_quote(ctx: _Cued) -> Found | None:
    """``"...," said X`` -> the noun phrase after the cue. A participle (``saying the city``) or a
    listener verb (``told AFP``) is never inverted, except ``"Why?" asked the boy``."""
    d, cue, after, allowed = ctx.d, ctx.cue, ctx.after, ctx.allowed
    first_after = next((i for i in after if not d.doc[i].is_punct), -1)
    inverts = not non_finite(cue) and (
        cue.lemma_ not in LISTENING or cue.lemma_ == "ask" and cue.i == first_after)
    if inverts and ctx.cue_after and after and (cue.i == first_after or (
            cue.i > 0 and d.doc[cue.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass") and allowed(c) and c.pos_ not in ("VERB", "AUX")
                        for c in cue.children))):
        head = noun_run_after(cue)
        while head is not None and head.dep_ == "conj" and head.head.i > cue.i and head.head.pos_ == head.pos_:
            head = head.head  # ``"We won!" shout Ana and Lee``: both
        if head is not None and allowed(head) and head.i in after:
            return mention_range(head), "inverted"
    return None


def _name_heading(ctx: _Cued) -> Found | None:
    """``Pollsters agree - Carl Bialik: "..."``: a name heading the quote."""
    doc, before, cue = ctx.d.doc, ctx.before, ctx.cue
    if ctx.cue_after or len(before) < 2 or doc[before[-1]].text != ":" or doc[before[-2]].pos_ != "PROPN" \
            or before[-2] == cue.i:
        return None
    i = before[-2]
    while i - 1 in before and doc[i - 1].pos_ == "PROPN":
        i -= 1
    if i == before[0] or doc[i - 1].text in DASHES - {"\u2015"}:
        return mention_range(doc[before[-2]]), "colon-heading"
    return None


def _clause_opening(ctx: _Cued) -> Found | None:
    """``Kolisi, who had said ... earlier, said: "..."`` / ``"...," Gene Sperling, a top adviser,
    said.``: a cue with no subject of its own after a comma -> the noun phrase opening the clause."""
    doc, cue, frame, allowed = ctx.d.doc, ctx.cue, ctx.frame, ctx.allowed
    own = any(c.dep_ in ("nsubj", "nsubjpass") and allowed(c) for c in cue.children)
    if own or not frame or cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    first = next((i for i in frame if not doc[i].is_punct), None)
    head = None
    for i in range(first, cue.i) if first is not None else ():
        tok = doc[i]
        if tok.text == ",":
            break
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            head = tok
        elif tok.pos_ not in ("DET", "ADJ", "PART", "NUM") and tok.dep_ not in ("compound", "amod", "poss"):
            head = None
            break
    return (mention_range(head), "clause-opening") if head is not None and allowed(head) else None


def _person_before_cue(ctx: _Cued) -> Found | None:
    """``At the convention Sen. Jane Roe (D-MA) said``: the person right before the cue wins
    over a misparsed subject further away."""
    head, cue, allowed = ctx.head, ctx.cue, ctx.allowed
    if head is None:
        return None
    left = left_of(ctx.d.doc, cue)
    if left is not None and left.ent_type_ == "PERSON" and left.i != head.token.i and allowed(left) \
            and not head.token.left_edge.i <= left.i <= head.token.right_edge.i and left.i in ctx.frame:
        return mention_range(left), "person-before-cue"
    return None


def _cue_subject(ctx: _Cued) -> Found | None:
    """The cue's subject through the parse (``speakers.find_speaker``), named by its rule."""
    return (mention_range(ctx.head.token), ctx.head.rule) if ctx.head is not None else None


def _next_to_cue(ctx: _Cued) -> Found | None:
    near = nearby_speaker(ctx.d, ctx.cue, ctx.frame)
    return (near, "next-to-cue") if near is not None else None


def _apposition_name(ctx: _Cued) -> Found | None:
    """``Col. Steven H. Warren, a military spokesman in Baghdad, said``: the name before the
    apposition; ``her senior adviser, Jake Sullivan, said``: the name in apposition."""
    doc, cue, allowed = ctx.d.doc, ctx.cue, ctx.allowed
    if cue.i <= 1 or doc[cue.i - 1].text != ",":
        return None
    for i in range(cue.i - 2, max(0, cue.i - _APPOSITION_REACH), -1):
        if doc[i].text != ",":
            continue
        if i > 0 and doc[i - 1].pos_ == "PROPN" and allowed(doc[i - 1]):
            return mention_range(doc[i - 1]), "apposition-name"
        last = doc[cue.i - 2]
        if i < cue.i - 2 and last.pos_ == "PROPN" and allowed(last) and all(
                doc[k].pos_ == "PROPN" or doc[k].text == "." for k in range(i + 1, cue.i - 1)):
            return mention_range(last), "apposition-name"
        return None
    return None


def _phrase_before(ctx: _Cued) -> Found | None:
    left_np = noun_phrase_before(ctx.d, ctx.cue, ctx.allowed)
    return (mention_range(left_np), "noun-phrase-before") if left_np is not None else None


def _sentence_subject(ctx: _Cued) -> Found | None:
    """``..., adding: "..."``: the closest named subject before the cue in its sentence."""
    d, cue, doc = ctx.d, ctx.cue, ctx.d.doc
    for i in range(cue.i - 1, max(d.sent_start[cue.i], cue.i - _SUBJECT_REACH) - 1, -1):
        tok = doc[i]
        if tok.dep_ == "nsubj" and tok.pos_ in ("PROPN", "PRON", "NOUN") and ctx.allowed(tok) \
                and tok.lower_ not in NON_SPEAKING_PRONOUNS | {"who", "which"}:
            return mention_range(tok), "sentence-subject"
    return None


_APPOSITION_REACH = 16  # tokens searched back from a cue for the comma opening an apposition


_SUBJECT_REACH = 60  # tokens searched back from a cue for a subject in its sentence


# Speaker rules of a quote with a cue, in order; the first verdict wins.
_CUED_RULES: tuple[Callable[[_Cued], Found | Stop | None], ...] = (
    _according_to, _inverted_after_quote, _name_heading, _clause_opening, _person_before_cue, _cue_subject,
    _next_to_cue, _apposition_name, _phrase_before, _sentence_subject,
)
