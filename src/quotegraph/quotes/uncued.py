"""Quotes with no cue of their own: a sign-off, a sentence pointing back, a colon heading, or a
speaker from context (the quote's own clause, the paragraph's reporter, the sentence before).
Short ones with none of these are scare quotes and are dropped; the rules run in the order of
``_UNCUED_RULES``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from ..lexicon import (
    NON_SPEAKING_PRONOUNS,
    OUTLET_WORDS,
    RELATIVE_PRONOUNS,
)
from ..syntax import mention_range
from .cueing import is_cue
from .layout import (
    DASHES,
    MIN_ORPHAN_WORDS,
    Found,
    Item,
    Layout,
    outside_marks,
    skip_space,
)
from .speakers import (
    appositive_person,
    can_speak,
    noun_run_before,
    speaker_head,
)

# Confidence of an uncued quote by where its speaker came from.
SIGNED_CONFIDENCE = 0.7  # a sign-off or a sentence naming the speaker
COLON_CONFIDENCE = 0.6  # the clause introducing it with a colon
SENTENCE_BEFORE_CONFIDENCE = 0.5
PARAGRAPH_BEFORE_CONFIDENCE = 0.45
CONTEXT_CONFIDENCE = 0.4  # the quote's own clause or the paragraph's reporter, or none
CLAUSE_CLIMB = 10  # heads climbed from the quote to the outermost clause
_SCARE_WORDS = MIN_ORPHAN_WORDS - 3  # a quote opening a sentence with fewer words is a scare quote


@dataclass
class _Uncued:
    d: Layout
    item: Item
    before: list[int]
    words: int  # alphabetic words inside the marks

    def attribute(self, found: Found | None, confidence: float) -> bool:
        self.item.attribute(found)
        self.item.confidence = confidence
        return True

    @cached_property
    def clause_subjects(self) -> tuple[Token | None, Token | None]:
        """(nearest, outermost) speaking subject of the clauses above the quote in its sentence:
        ``Ryan worried that X was "..."`` -> (X, Ryan); the nearest is never that of an
        ``if``/``that`` clause."""
        doc, allowed = self.d.doc, outside_marks(self.d)
        node = doc[self.d.token_at(self.item.mark.inner[0])]
        found = nearest = None
        for _ in range(CLAUSE_CLIMB):
            if node.head.i == node.i:
                break
            node = node.head
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and allowed(c) and can_speak(c)
                         and c.i in self.before and c.lower_ not in NON_SPEAKING_PRONOUNS), None)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS:
                subj = subj if node.dep_ == "relcl" and node.head.pos_ in ("PROPN", "NOUN", "PRON") else None
            if subj is not None:
                found = subj
                if nearest is None and not any(c.dep_ == "mark" for c in node.children):
                    nearest = subj
        return nearest, found


def attribute_uncued(d: Layout, item: Item, before: list[int]) -> None:
    """A quote with no cue of its own: the first rule of ``_UNCUED_RULES`` that settles it; a
    short one opening a sentence with no speaker is a scare quote."""
    words = sum(1 for i in d.tokens_in(*item.mark.inner) if d.doc[i].is_alpha)
    item.confidence, item.rule = CONTEXT_CONFIDENCE, "uncued-marks"
    ctx = _Uncued(d, item, before, words)
    if any(rule(ctx) for rule in _UNCUED_RULES):
        return
    if words < _SCARE_WORDS and not item.mark.cont_prev:
        item.type = "scare"


def _signed(ctx: _Uncued) -> bool:
    """``"..." — Maria Lopez`` or ``These were the words of ...``: the quote names its speaker."""
    if ctx.before or not ctx.item.mark.closed:
        return False
    signed = _sign_off(ctx.d, ctx.item) or _named_after(ctx.d, ctx.item)
    if signed is None:
        return False
    ctx.item.own_cue, ctx.item.rule = True, signed[1]
    return ctx.attribute(signed, SIGNED_CONFIDENCE)


def _colon_intro(ctx: _Uncued) -> bool:
    """``Trump was blunt: "..."``: the subject of the introducing clause; ``- Philip Bump:
    "..."``, ``the report:``: the heading before the colon."""
    doc, before = ctx.d.doc, ctx.before
    if not before or doc[before[-1]].text != ":":
        return False
    inside = set(before)
    subj = noun_run_before(doc[before[-1]])
    if subj is None:
        subj = next((doc[i] for i in reversed(before) if doc[i].dep_ in ("nsubj", "nsubjpass") and can_speak(doc[i])
                     and doc[i].head.i in inside and doc[i].lower_ not in NON_SPEAKING_PRONOUNS), None)
    if subj is not None:
        ctx.attribute((mention_range(subj), "colon-intro"), COLON_CONFIDENCE)
    ctx.item.own_cue, ctx.item.rule = subj is not None, "colon-intro"
    return True


def _fragment(ctx: _Uncued) -> bool:
    """A short quoted fragment inside narration, with no cue: a scare quote."""
    if ctx.before and ctx.words < MIN_ORPHAN_WORDS:
        ctx.item.type = "scare"
        return True
    return False


def _own_clause_subject(ctx: _Uncued) -> bool:
    """``He also seeks "a permanent injunction"``: a named or pronoun subject of the quote's own
    clause."""
    nearest = ctx.clause_subjects[0] if ctx.before else None
    if nearest is not None and nearest.dep_ == "nsubj" and nearest.lower_ not in RELATIVE_PRONOUNS and (
            nearest.pos_ in ("PROPN", "PRON") or nearest.ent_type_ in ("PERSON", "ORG", "NORP")):
        return ctx.attribute((mention_range(nearest), "uncued-clause-subject"), CONTEXT_CONFIDENCE)
    return False


def _paragraph_reporter(ctx: _Uncued) -> bool:
    """``The judge said ... . It seemed to him that ... "..."``: the speaker of a report earlier
    in the paragraph."""
    reporter = _last_reporter(ctx.d, ctx.item.para, ctx.before[0]) if ctx.before else None
    return reporter is not None and ctx.attribute((reporter, "paragraph-reporter"), CONTEXT_CONFIDENCE)


def _outer_clause_subject(ctx: _Uncued) -> bool:
    """``The petition accuses X of "..."``: the subject of the outermost clause above it."""
    found = ctx.clause_subjects[1] if ctx.before else None
    return found is not None and ctx.attribute((mention_range(found), "outer-clause-subject"), CONTEXT_CONFIDENCE)


def _context_before(ctx: _Uncued) -> bool:
    """A quote opening a sentence: ``Smith was furious. "This is a disgrace."`` -> the subject of
    the sentence before; a quote opening a paragraph -> the last reporter of the one before.
    Never final: a short one stays a scare quote."""
    d, item, doc = ctx.d, ctx.item, ctx.d.doc
    if ctx.before or item.mark.cont_prev:
        return False
    first = d.token_at(item.mark.start)
    p_start = d.paras[item.para][0]
    if first > 0 and doc[first - 1].idx >= p_start:
        prev = d.sent_start[first - 1]
        root = next((doc[i] for i in range(prev, first) if doc[i].dep_ == "ROOT"), None)
        subj = None if root is None else next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and root is not None and subj.pos_ == "NOUN":
            subj = appositive_person(subj, root) or subj  # ``His former partner, Lawrence Cummings, called``
        if subj is not None and (subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.pos_ in ("PROPN", "PRON")
                                 and subj.lower_ not in NON_SPEAKING_PRONOUNS):
            ctx.attribute((mention_range(subj), "previous-sentence-subject"), SENTENCE_BEFORE_CONFIDENCE)
    elif item.start == skip_space(d.text, p_start) and item.para > 0:
        reporter = _last_reporter(d, item.para - 1)
        found = (reporter, "previous-paragraph-reporter") if reporter is not None else None
        if found is None:
            subject = _paragraph_subject(d, item.para - 1)
            found = (subject, "previous-paragraph-subject") if subject is not None else None
        if found is not None and _outlet(d, found[0]):
            found = None  # "The Otago Daily Times has asked the council for comment."
        ctx.attribute(found, PARAGRAPH_BEFORE_CONFIDENCE)
    return False


def _outlet(d: Layout, mention: tuple[int, int]) -> bool:
    """A newspaper or agency reporting the story (``The Rotorua Daily Post``)."""
    last = d.doc[mention[1] - 1]
    return last.ent_type_ in ("ORG", "") and last.pos_ == "PROPN" and last.lower_ in OUTLET_WORDS


def _paragraph_subject(d: Layout, para: int) -> tuple[int, int] | None:
    """``The Craigs have also had a lot of business from cruise ships.`` then a paragraph that is
    only a quote: the named subject of the last sentence of a paragraph that reports nothing."""
    doc = d.doc
    tokens = [i for i in d.tokens_in(*d.paras[para]) if not doc[i].is_space]
    if not tokens:
        return None
    first = d.sent_start[tokens[-1]]
    root = next((doc[i] for i in range(first, tokens[-1] + 1) if doc[i].dep_ == "ROOT"), None)
    subj = None if root is None else next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not outside_marks(d)(subj) or not can_speak(subj):
        return None
    named = subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.pos_ == "PROPN"
    return mention_range(subj) if named else None


# Rules for a quote with no cue, in order; a rule returning True settles the quote.
_UNCUED_RULES: tuple[Callable[[_Uncued], bool], ...] = (
    _signed, _colon_intro, _fragment, _own_clause_subject, _paragraph_reporter, _outer_clause_subject,
    _context_before,
)


def _sign_off(d: Layout, item: Item) -> Found | None:
    """``"..." — Maria Lopez, 34, Phoenix`` or a quote paragraph followed by a name line
    (``- Sanders.``): the name signing the quote."""
    doc, text = d.doc, d.text
    p_start, p_end = d.paras[item.para]
    if text[item.mark.end:p_end].strip():
        tokens = [i for i in d.tokens_in(item.mark.end, p_end) if not doc[i].is_space]
    elif item.para + 1 < len(d.paras) and item.mark.start == skip_space(text, p_start) and not any(
            s < d.paras[item.para + 1][0] and item.mark.end <= s for s, _ in d.blocked):
        # (only a quote that is its whole paragraph: ``"A," Smith said. "B."`` is Smith's)
        tokens = [i for i in d.tokens_in(*d.paras[item.para + 1]) if not doc[i].is_space]
        # a name line with no dash: two or more words, not an all-capitals subheading
        # (``TRUMP COUNTER.``) nor a one-word picture credit (``Getty.``)
        if len(tokens) > 14 or (tokens and doc[tokens[0]].text not in DASHES and not (
                doc[tokens[0]].pos_ == "PROPN" and tokens and doc[tokens[-1]].text in ".,"
                and all(doc[i].pos_ in ("PROPN", "PUNCT", "NUM") for i in tokens[:4])
                and sum(1 for i in tokens if doc[i].is_alpha) >= 2
                and not d.text[doc[tokens[0]].idx:d.char_end(tokens[-1])].isupper())):
            return None
    else:
        return None
    if not tokens or doc[tokens[0]].text not in DASHES and d.text[item.mark.end:p_end].strip():
        return None
    run = [i for i in tokens if doc[i].text not in DASHES]
    names = []
    for i in run:
        if doc[i].pos_ == "PROPN" or doc[i].is_title and doc[i].is_alpha:
            names.append(i)
        else:
            break
    if not names:
        return None
    return (names[0], names[-1] + 1), "sign-off"


_BACK_REFERENCE = frozenset({"these", "those", "this", "that", "such", "so"})


_WORDS_OF = frozenset({"word", "remark", "comment", "statement", "plea", "message", "warning", "say",
                       "put", "describe", "sum", "explain", "quote"})


def _named_after(d: Layout, item: Item) -> Found | None:
    """``"It is our matter now!" These were the words of the magistrate, Jacob Mamabolo, ...``:
    the next sentence points back at the quote and names who said it."""
    doc = d.doc
    after = [i for i in d.tokens_in(item.mark.end, len(d.text))[:40] if not doc[i].is_space]
    if not after or doc[after[0]].lower_ not in _BACK_REFERENCE:
        return None
    window = after[1:8]
    hit = next((i for i in window if doc[i].lemma_.lower() in _WORDS_OF), None)
    if hit is None:
        return None
    allowed = outside_marks(d)
    for i in after[1:30]:
        tok = doc[i]
        if tok.text in (".", "!", "?"):
            break
        if tok.pos_ in ("PROPN", "NOUN") and allowed(tok) and tok.lemma_.lower() not in _WORDS_OF \
                and tok.ent_type_ not in ("DATE", "TIME") and tok.dep_ in ("pobj", "nsubj", "agent", "appos"):
            name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            return mention_range(name or tok), "named-after"  # ``the magistrate, Jacob Mamabolo,`` -> the name
    return None


def _last_reporter(d: Layout, para: int, before_token: int | None = None) -> tuple[int, int] | None:
    """The speaker of the last speech cue of paragraph ``para`` (``Judge Neilan said the tape
    was court property.`` followed by a paragraph that is only a quote), or of its part
    before token ``before_token``."""
    doc = d.doc
    p_start, p_end = d.paras[para]
    if before_token is not None:
        p_end = doc[before_token].idx
    allowed = outside_marks(d)
    for i in reversed(d.tokens_in(p_start, p_end)[-300:]):  # bounded: cheap on huge paragraphs
        tok = doc[i]
        if is_cue(tok) and allowed(tok):
            head = speaker_head(tok, allowed, inverted=False)
            return mention_range(head) if head is not None else None
    return None
