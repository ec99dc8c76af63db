"""Quotes in quote marks: direct quotes and mixed quotes (quoted fragments in reported clauses).

The pipeline, each step a linear pass and a module of its own:

1. ``marks.find_marked`` pairs the quote marks of every paragraph (text only); ``datelines``
   finds a wire dateline that no frame may reach into.
2. Each quoted stretch gets a *frame* (``_frame`` below): the words before it in its sentence
   (``She said:``) and after it up to the sentence end (``, said the minister.``).
   ``cueing`` picks the cue: one after the quote when the quote ends in ``,?!``, else one before
   it, else any verb framing it. A denied cue (``did not say "..."``) gives no quote.
3. ``attribution`` chooses the speaker of a cued quote with its ordered table of named rules
   (the cue's subject through ``speakers.find_speaker``, inversion, headings, appositions ...);
   ``nearby`` holds the fallbacks for cues the parse left without a subject.
4. ``mixed``: words between the cue and the opening mark that are not adjuncts of the cue
   (``said [she was] "deeply concerned"``) make a *mixed* quote whose content is the clause.
5. ``uncued``: a stretch with no cue finds its speaker around it (sign-off, a sentence pointing
   back, a colon heading, its own clause, the sentence or paragraph before) or is a scare quote.
6. ``assemble`` joins continuations (``"A," she said, "B."``, the multi-paragraph convention,
   never across a leftover) and builds the ``Quote`` records, each with ``rule`` and
   ``speaker_rule``.

Confidence: 0.9 with a cue and a speaker, 0.7-0.8 with one of them, 0.4-0.5 for speakers
taken from context, 0.3 for a long quote with no speaker (named constants beside each table).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..intervals import Intervals
from ..lexicon import (
    NAME_PREFIXES,
    NAMING,
)
from ..models import Excluded, Quote
from ..syntax import column, doc_text, negations
from .assemble import assemble
from .attribution import cued_speaker
from .claims import denied_claim, reported_claim
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
from .layout import END_PUNCT, Item, Layout, is_name, outside_marks, skip_space
from .marks import Marked, find_marked
from .mixed import mixed_or_direct
from .nearby import phrase_before_cue, poll_for_respondents
from .uncued import attribute_uncued


def find_direct(doc: Doc, excluded: Sequence[Excluded]) -> list[Quote]:
    """Direct and mixed quotes of ``doc`` in text order, with cue and speaker mention."""
    text = doc_text(doc)
    blocked = Intervals((e.start, e.end) for e in excluded)
    marked = [m for m in find_marked(text) if not blocked.overlaps(m.start, m.end)]
    if not marked:
        return []
    d = Layout(doc)
    d.marked = marked
    d.blocked = blocked.ranges
    d.mark_starts = [m.start for m in marked]
    items = [_frame(d, marked, k) for k in range(len(marked))]
    return assemble(d, items)


MAX_FRAME = 30  # tokens of frame looked at after a quote
CUED_CONFIDENCE = 0.9  # a cue and a speaker
CUE_ONLY_CONFIDENCE = 0.7  # a cue and no speaker


def _frame(d: Layout, marked: list[Marked], k: int) -> Item:
    """Find the cue, speaker and content span of quoted stretch ``k`` from its frame."""
    m = marked[k]
    para = d.para_of(m.start)
    prev_end, next_start = _neighbours(d, marked, k, para)
    item = Item(mark=m, para=para, start=m.start, end=m.end, frame_end=m.end)
    before = _before_frame(d, marked, m, para, prev_end)
    after = _after_frame(d, m, next_start)
    if after:
        item.frame_end = d.char_end(after[-1])
    inner = d.text[m.inner[0]:m.inner[1]]
    if before and (d.doc[before[-1]].tag_ == "POS" or d.doc[before[-1]].lower_ in ("'s", "\u2019s")) \
            and is_name(inner):
        item.type = "scare"  # ``ABC's "Good Morning America"``: a title, not a quotation
        return item
    if _title_as_subject(d, m):
        item.type = "scare"  # ``"Captain America: The Winter Soldier" landed in number one``
        return item
    if denied_claim(d, item):
        return item
    cue, cue_after = _choose_cue(d, m, before, after)
    if cue is None:
        if not reported_claim(d, item):
            attribute_uncued(d, item, before)
        return item
    if _denied(d, cue, cue_after, before):
        item.type = "scare"  # ``He did not say "goodbye," but ...``: speech denied, not reported
        return item
    item.cue, item.cue_after, item.own_cue = cue, cue_after, True
    _attribute_cued(d, marked, item, before, after)
    item.confidence = CUED_CONFIDENCE if item.speaker else CUE_ONLY_CONFIDENCE
    if cue_after:
        _mixed_before_trailing_cue(d, item, before)
    elif cue.lemma_ in NAMING and is_name(inner):
        item.type = "scare"  # ``fans call him "The Bus"``: a nickname, not a quotation
    else:
        mixed_or_direct(d, item, cue, before, next_start)
    return item


_TITLE_WORDS = 8  # words of a quoted title that can be the subject of a sentence


def _title_as_subject(d: Layout, m: Marked) -> bool:
    """A quoted title (capitalised words) that is the subject of a verb other than a cue: a
    film or book, not a quotation."""
    span = d.tokens_in(*m.inner)
    if not 0 < sum(column(d.doc, "IS_ALPHA")[span.start:span.stop]) <= _TITLE_WORDS:
        return False  # counted on the column: a long quotation makes no Token here
    inside = [d.doc[i] for i in span]
    words = [t for t in inside if t.is_alpha]
    if not 0 < len(words) <= _TITLE_WORDS or not all(t.is_title or t.is_stop and t.is_lower for t in words):
        return False
    heads = [t for t in inside if not m.inner[0] <= t.head.idx < m.inner[1]]
    return len(heads) == 1 and heads[0].dep_ in ("nsubj", "nsubjpass") and not is_cue(heads[0].head)


def _denied(d: Layout, cue: Token, cue_after: bool, before: list[int]) -> bool:
    """A negated cue of the main clause, outside the marks and in no larger report: ``He did
    not say "goodbye"`` (not ``He said he did not mention "..."`` nor ``"No," he said``)."""
    if cue.dep_ not in ("ROOT", "conj") or not any(outside_marks(d)(neg) for neg in negations(cue)):
        return False
    return cue_after or outer_report(d, cue, before) is None


def _neighbours(d: Layout, marked: list[Marked], k: int, para: int) -> tuple[int, int]:
    """Where the frame of stretch ``k`` may start and end: the previous quote's end and the next
    one's start in the paragraph (marks are sorted and do not overlap), else its bounds."""
    m = marked[k]
    p_start, p_end = d.paras[para]
    prev_end = max(p_start, d.dateline)
    if k > 0 and marked[k - 1].end <= m.start and marked[k - 1].end > p_start:
        prev_end = marked[k - 1].end
    next_start = p_end
    if k + 1 < len(marked) and m.end <= marked[k + 1].start < p_end:
        next_start = marked[k + 1].start
    return prev_end, next_start


def _before_frame(d: Layout, marked: list[Marked], m: Marked, para: int, prev_end: int) -> list[int]:
    """The sentence up to the opening mark (not before the previous quote), or a paragraph
    before ending in a colon."""
    doc, p_start = d.doc, d.paras[para][0]
    if m.cont_prev:
        return []
    j = d.token_at(m.start - 1) if m.start > p_start else -1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and doc[j].idx >= prev_end and doc[j].text not in END_PUNCT:
        first = max(d.sent_start[j], d.token_at(prev_end))
        if doc[first].idx < prev_end:
            first += 1
        return [i for i in range(first, j + 1) if not doc[i].is_space]
    if m.start == skip_space(d.text, p_start) and para > 0:
        return colon_paragraph(d, marked, para)
    return []


def _after_frame(d: Layout, m: Marked, next_start: int) -> list[int]:
    """Tokens after the closing mark up to the sentence end, the next quote or the paragraph end."""
    after: list[int] = []
    if not m.closed:
        return after
    for i in d.tokens_in(m.end, next_start):
        tok = d.doc[i]
        if tok.is_space:
            if "\n" in tok.text:
                break
            continue
        after.append(i)
        if tok.text in END_PUNCT and not _title_stop(d.doc, i) or len(after) >= MAX_FRAME:
            break
    return after


def _title_stop(doc: Doc, i: int) -> bool:
    """The full stop of an abbreviated title (``Police Col. Harold Depositar told``), which
    does not end the sentence."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].text == "." and prev is not None and not prev.whitespace_ and prev.lower_ in NAME_PREFIXES \
        and nxt is not None and nxt.is_title


def _choose_cue(d: Layout, m: Marked, before: list[int], after: list[int]) -> tuple[Token | None, bool]:
    """The cue of a quote and whether it follows the quote: one after it that attributes it
    back wins when the quote ends in ``,?!`` (unless the cue before governs the quote), else the
    cue before it, else any verb framing it."""
    doc, text = d.doc, d.text
    trail = text[m.inner[0]:m.inner[1]].rstrip()[-1:] or " "
    before_cue = governing_cue(d, before, m)
    after_cue = next((doc[i] for i in after if is_cue(doc[i])), None)
    if after_cue is not None and (not attributes_back(d, after_cue, after, trail in END_PUNCT)
                                  or clause_between(d, after, after_cue)):
        after_cue = None
    if before_cue is not None and before_cue.dep_ not in ("relcl", "acl") and governs(d, before_cue, m):
        after_cue = None  # ``Trump, who has called Cruz a "liar," said ...``: embedded in the report
    if after_cue is not None and (trail in TRAIL_ATTRIBUTED or text[m.end:m.end + 1] == "," or before_cue is None):
        return after_cue, True
    if before_cue is not None:
        return before_cue, False
    return any_verb_cue(d, before, after, trail)


def _attribute_cued(d: Layout, marked: list[Marked], item: Item, before: list[int], after: list[int]) -> None:
    """The speaker of a quote with a cue: that of the outermost report the cue sits in, else of
    the cue itself, else the words before a cue read as a noun; a poll replaces its respondents."""
    cue, cue_after = item.cue, item.cue_after
    assert cue is not None
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


def _mixed_before_trailing_cue(d: Layout, item: Item, before: list[int]) -> None:
    """``The plan was "dead," he said.``: words of the clause before the mark make it mixed."""
    doc, m = d.doc, item.mark
    lead = [i for i in before if doc[i].is_alpha]
    if lead and d.text[m.start - 1:m.start].strip() == "" and doc[before[-1]].text not in (",", ":", "\u2014", ";"):
        item.type, item.start, item.rule = "mixed", doc[lead[0]].idx, "mixed-trailing-cue"
