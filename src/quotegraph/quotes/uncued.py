"""Quotes with no cue of their own: a sign-off, a sentence pointing back, a colon heading, or a
speaker from context (the quote's own clause, the paragraph's reporter, the sentence before).
Short ones with none of these are scare quotes and are dropped; the rules run in the order of
``_UNCUED_RULES``."""

from __future__ import annotations

from ..lexicon import (
    NON_SPEAKING_PRONOUNS,
    RELATIVE_PRONOUNS,
)
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
    can_speak,
    mention_range,
    noun_run_before,
    speaker_head,
)


def attribute_uncued(d: Layout, item: Item, before: list[int]) -> None:
    """A quote with no cue of its own: keep it only with a speaker from context or when long."""
    doc, m = d.doc, item.mark
    words = sum(1 for i in d.tokens_in(*m.inner) if doc[i].is_alpha)
    item.confidence, item.rule = 0.4, "uncued-marks"
    if not before and m.closed:
        signed = _sign_off(d, item) or _named_after(d, item)
        if signed is not None:
            item.attribute(signed)
            item.own_cue, item.confidence, item.rule = True, 0.7, signed[1]
            return
    if before and doc[before[-1]].text == ":":
        # ``Trump was blunt: "..."``: the subject of the introducing clause
        inside = set(before)
        subj = noun_run_before(doc[before[-1]])  # ``- Philip Bump: "..."``, ``the report:``
        if subj is None:
            subj = next((doc[i] for i in reversed(before) if doc[i].dep_ in ("nsubj", "nsubjpass") and can_speak(doc[i])
                         and doc[i].head.i in inside and doc[i].lower_ not in NON_SPEAKING_PRONOUNS), None)
        if subj is not None:
            item.attribute((mention_range(subj), "colon-intro"))
            item.confidence = 0.6
        item.own_cue, item.rule = subj is not None, "colon-intro"
        return
    if before and words < MIN_ORPHAN_WORDS:
        item.type = "scare"  # a quoted fragment inside narration, with no cue
        return
    if before:
        # a long quotation inside a sentence with no speech verb: the speaker of a report
        # earlier in the paragraph (``The judge said ... . It seemed to him that ... "..."``),
        # else the subject of the nearest verb above it (``The petition accuses X of "..."``)
        allowed = outside_marks(d)
        node = doc[d.token_at(m.inner[0])]
        found = nearest = None
        for _ in range(10):  # the outermost clause's subject: ``Ryan worried that X was "..."``
            if node.head.i == node.i:
                break
            node = node.head
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and allowed(c) and can_speak(c)
                         and c.i in before and c.lower_ not in NON_SPEAKING_PRONOUNS), None)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS:
                subj = subj if node.dep_ == "relcl" and node.head.pos_ in ("PROPN", "NOUN", "PRON") else None
            if subj is not None:
                found = subj
                if nearest is None and not any(c.dep_ == "mark" for c in node.children):
                    nearest = subj  # (not the subject of an ``if``/``that`` clause)
        if nearest is not None and nearest.dep_ == "nsubj" and nearest.lower_ not in RELATIVE_PRONOUNS and (
                nearest.pos_ in ("PROPN", "PRON") or nearest.ent_type_ in ("PERSON", "ORG", "NORP")):
            # ``He also seeks "a permanent injunction"``: a named or pronoun subject of the
            # quote's own clause
            item.attribute((mention_range(nearest), "uncued-clause-subject"))
            item.confidence = 0.4
            return
        reporter = _last_reporter(d, item.para, before[0])
        if reporter is not None:
            item.attribute((reporter, "paragraph-reporter"))
            item.confidence = 0.4
            return
        if found is not None:
            item.attribute((mention_range(found), "outer-clause-subject"))
            item.confidence = 0.4
            return
    if not before and not m.cont_prev:
        # ``Smith was furious. "This is a disgrace."``: the subject of the sentence before
        first = d.token_at(m.start)
        p_start = d.paras[item.para][0]
        if first > 0 and doc[first - 1].idx >= p_start:
            prev = d.sent_start[first - 1]
            root = next((doc[i] for i in range(prev, first) if doc[i].dep_ == "ROOT"), None)
            subj = None if root is None else next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.pos_ in ("PROPN", "PRON")
                                     and subj.lower_ not in NON_SPEAKING_PRONOUNS):
                item.attribute((mention_range(subj), "previous-sentence-subject"))
                item.confidence = 0.5
        elif item.start == skip_space(d.text, p_start) and item.para > 0:
            reporter = _last_reporter(d, item.para - 1)
            item.attribute((reporter, "previous-paragraph-reporter") if reporter is not None else None)
            item.confidence = 0.45
    if words < MIN_ORPHAN_WORDS - 3 and not m.cont_prev:
        item.type = "scare"


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
