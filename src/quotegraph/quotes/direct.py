"""Quotes in quote marks: direct quotes and mixed quotes (quoted fragments in reported clauses).

Steps, each a linear pass:

1. ``marks.find_marked`` pairs the quote marks of every paragraph (text only).
2. Each quoted stretch gets a *frame*: the words before it in its sentence (``She said:``) and
   the words after it up to the sentence end (``, said the minister.``). A speech cue in the
   frame (after the quote when the quote ends in ``,?!``, else before it) attributes it; the
   cue's subject is the speaker mention (``speakers``).
3. Words between the cue and the opening mark that are not adjuncts of the cue (``said [she
   was] "deeply concerned"``) make a *mixed* quote whose content is the reported clause.
4. Quoted stretches with no cue of their own continue the previous quote (``"A," she said,
   "B."``, ``"A," she said. "B."``, the multi-paragraph convention, never across a leftover)
   or find their speaker around them: a sign-off (``"..." — Maria Lopez``), a sentence
   pointing back (``These were the words of ...``), a colon heading (``- Philip Bump: "..."``),
   the subject of its own clause, the sentence before, a report earlier in the paragraph or
   the paragraph before. Long ones with none of these keep no speaker (no guess from further
   back). Short ones with no cue are scare quotes, titles or nicknames (also after
   ``call``/``dub``): dropped.

Confidence: 0.9 with a cue and a speaker, 0.7-0.8 with one of them, 0.4-0.5 for speakers
taken from context, 0.3 for a long quote with no speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..lexicon import (
    NAMING,
)
from ..models import Excluded, Quote
from .assemble import assemble
from .attribution import cued_speaker
from .cueing import (
    TRAIL_ATTRIBUTED,
    any_verb_cue,
    attributes_back,
    clause_between,
    colon_paragraph,
    governing_cue,
    governs,
    is_cue,
    outer_report,
)
from .layout import END_PUNCT, Item, Layout, is_name, skip_space
from .marks import Marked, find_marked
from .mixed import mixed_or_direct
from .nearby import phrase_before_cue, poll_for_respondents
from .uncued import attribute_uncued


def find_direct(doc: Doc, excluded: Sequence[Excluded]) -> list[Quote]:
    """Direct and mixed quotes of ``doc`` in text order, with cue and speaker mention."""
    text = doc.text
    blocked = [(e.start, e.end) for e in excluded]
    marked = [m for m in find_marked(text) if not any(s < m.end and m.start < e for s, e in blocked)]
    if not marked:
        return []
    d = Layout(doc)
    d.marked = marked
    d.blocked = sorted(blocked)
    d.mark_starts = [m.start for m in marked]
    items = [_frame(d, marked, k) for k in range(len(marked))]
    return assemble(d, items)


def _frame(d: Layout, marked: list[Marked], k: int) -> Item:
    """Find the cue, speaker and content span of quoted stretch ``k`` from its frame."""
    m = marked[k]
    text, doc = d.text, d.doc
    para = d.para_of(m.start)
    p_start, p_end = d.paras[para]
    # marks are sorted and do not overlap: the neighbours are the previous and next ones
    prev_end = p_start
    if k > 0 and marked[k - 1].end <= m.start and marked[k - 1].end > p_start:
        prev_end = marked[k - 1].end
    next_start = p_end
    if k + 1 < len(marked) and m.end <= marked[k + 1].start < p_end:
        next_start = marked[k + 1].start
    item = Item(mark=m, para=para, start=m.start, end=m.end, frame_end=m.end)

    # before-frame: the sentence up to the opening mark (not before the previous quote)
    before: list[int] = []
    if not m.cont_prev:
        j = d.token_at(m.start - 1) if m.start > p_start else -1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 0 and doc[j].idx >= prev_end and doc[j].text not in END_PUNCT:
            first = max(d.sent_start[j], d.token_at(prev_end))
            if doc[first].idx < prev_end:
                first += 1
            before = [i for i in range(first, j + 1) if not doc[i].is_space]
        elif m.start == skip_space(text, p_start) and para > 0:
            before = colon_paragraph(d, marked, para)
    # after-frame: up to the sentence end, the next quote or the paragraph end
    after: list[int] = []
    if m.closed:
        for i in d.tokens_in(m.end, next_start):
            tok = doc[i]
            if tok.is_space:
                if "\n" in tok.text:
                    break
                continue
            after.append(i)
            if tok.text in END_PUNCT or len(after) >= _MAX_FRAME:
                break
        if after:
            item.frame_end = d.char_end(after[-1])

    inner_s, inner_e = m.inner
    if before and (doc[before[-1]].tag_ == "POS" or doc[before[-1]].lower_ in ("'s", "\u2019s")) \
            and is_name(text[inner_s:inner_e]):
        item.type = "scare"  # ``ABC's "Good Morning America"``: a title, not a quotation
        return item
    trail = text[inner_s:inner_e].rstrip()[-1:] or " "
    after_char = text[m.end:m.end + 1]
    ends_sentence = trail in END_PUNCT
    before_cue = governing_cue(d, before, m)
    after_cue = next((doc[i] for i in after if is_cue(doc[i])), None)
    if after_cue is not None and (not attributes_back(d, after_cue, after, ends_sentence)
                                  or clause_between(d, after, after_cue)):
        after_cue = None

    cue, cue_after = None, False
    if before_cue is not None and before_cue.dep_ not in ("relcl", "acl") and governs(d, before_cue, m):
        after_cue = None  # ``Trump, who has called Cruz a "liar," said ...``: embedded in the report
    if after_cue is not None and (trail in TRAIL_ATTRIBUTED or after_char == "," or before_cue is None):
        cue, cue_after = after_cue, True
    elif before_cue is not None:
        cue = before_cue
    if cue is None:
        cue, cue_after = any_verb_cue(d, before, after, trail)
    if cue is None:
        attribute_uncued(d, item, before)
        return item

    item.cue, item.cue_after, item.own_cue = cue, cue_after, True
    outer = None if cue_after else outer_report(d, cue, before)
    if cue_after and cue.pos_ in ("NOUN", "PROPN"):  # a cue read as a noun has no parse to follow
        item.attribute(phrase_before_cue(d, cue, after))
    else:
        item.attribute(cued_speaker(d, marked, outer or cue, cue_after, before, after))
        if item.speaker is None and outer is not None:  # ``When asked why, Sembler responded: "..."``
            item.attribute(cued_speaker(d, marked, cue, cue_after, before, after))
    if item.speaker is None and cue_after:  # ``"...," the council notes.`` parsed as one noun phrase
        item.attribute(phrase_before_cue(d, cue, after))
    if item.speaker is not None:
        item.attribute(poll_for_respondents(d, (item.speaker, item.speaker_rule or "")))
    item.confidence = 0.9 if item.speaker else 0.7
    if cue_after:
        lead = [i for i in before if doc[i].is_alpha]
        if lead and text[m.start - 1:m.start].strip() == "" and doc[before[-1]].text not in (",", ":", "\u2014", ";"):
            item.type, item.start = "mixed", doc[lead[0]].idx  # ``The plan was "dead," he said.``
            item.rule = "mixed-trailing-cue"
        return item
    if cue.lemma_ in NAMING and is_name(text[inner_s:inner_e]):
        item.type = "scare"  # ``fans call him "The Bus"``: a nickname, not a quotation
        return item
    mixed_or_direct(d, item, cue, before, next_start)
    return item


_MAX_FRAME = 30  # tokens of frame looked at after a quote
