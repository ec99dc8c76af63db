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

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from ..lexicon import LISTENER_VERBS, MESSAGE_VERBS, NAMING, NON_SPEAKING_PRONOUNS, QUOTING, RELATIVE_PRONOUNS, SPEECH
from ..models import Excluded, Quote, Span
from .marks import Marked, find_marked, paragraphs
from .speakers import (
    can_speak,
    mention_range,
    non_finite,
    noun_run_after,
    noun_run_before,
    STOP,
    Head,
    find_speaker,
    speaker_head,
)

_CUES = SPEECH | QUOTING
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to"})
_NOT_CUE_DEPS = frozenset({"amod", "compound", "aux", "auxpass"})  # so-called, ...
# Dependents of a cue that may stand between it and a direct quote (``told reporters on
# Tuesday:``, ``said in a statement``, ``said Smith,``).
_ADJUNCT = frozenset({"npadvmod", "advmod", "prep", "dative", "agent", "nsubj", "nsubjpass", "punct",
                      "prt", "aux", "auxpass", "neg", "cc", "tmod", "advcl", "mark", "attr", "appos"})
_LISTENING = LISTENER_VERBS | MESSAGE_VERBS
_END_PUNCT = frozenset(".?!")
_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})
_TRAIL_ATTRIBUTED = set(",?!\u2014-\u2013\u2026")
_MAX_FRAME = 30  # tokens of frame looked at after a quote
_MIN_ORPHAN_WORDS = 6  # a quote with no cue and no context needs at least this many words
Found = tuple[tuple[int, int], str]  # a speaker mention's token range and the rule that chose it


@dataclass
class _Item:
    mark: Marked
    para: int
    start: int  # content start (mixed quotes begin before the mark)
    end: int
    type: str = "direct"
    cue: Token | None = None
    cue_after: bool = False
    speaker: tuple[int, int] | None = None  # token range
    confidence: float = 0.5
    frame_end: int = 0  # char offset where the after-frame ends
    parts: list[tuple[int, int]] = field(default_factory=list)
    own_cue: bool = False
    rule: str = "direct-marks"  # the rule that found the quote
    speaker_rule: str | None = None  # the rule that chose ``speaker``

    def attribute(self, found: Found | None) -> None:
        """Take a speaker mention and the name of its rule (nothing when ``found`` is None)."""
        self.speaker, self.speaker_rule = found if found is not None else (None, None)


class _Doc:
    """Lookups over one parse, built once: token by offset, sentence bounds, paragraphs."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.starts = [t.idx for t in doc]
        self.sent_start = [0] * len(doc)
        self.sent_end = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i] = sent.start
                self.sent_end[i] = sent.end
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.marked: list[Marked] = []  # quoted stretches, sorted, set by find_direct
        self.mark_starts: list[int] = []
        self.blocked: list[tuple[int, int]] = []  # excluded leftovers

    def token_at(self, char: int) -> int:
        """Index of the token holding ``char`` (or the last one starting before it)."""
        return max(0, bisect_right(self.starts, char) - 1)

    def tokens_in(self, start: int, end: int) -> range:
        """Tokens that start inside ``[start, end)``."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def char_end(self, i: int) -> int:
        tok = self.doc[i]
        return tok.idx + len(tok.text)


def _is_cue(tok: Token) -> bool:
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB") and not (
            tok.dep_ == "xcomp" and tok.i > 0 and tok.doc[tok.i - 1].tag_ == "TO"):
        return False  # (an infinitive the tagger read as a noun, ``to state``, is a verb)
    if tok.dep_ in _NOT_CUE_DEPS and not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # (a verb with its own subject is a clause, however the parse attached it)
    lemma = tok.lemma_.lower()
    if lemma not in _CUES:
        return False
    if lemma == "go":  # ``he went on:``
        return any(c.lower_ == "on" for c in tok.children)
    # ``shouted down by protesters``, ``called off``: not speech
    return not any(c.dep_ == "prt" and c.lower_ in ("down", "off") for c in tok.children)


def find_direct(doc: Doc, excluded: Sequence[Excluded]) -> list[Quote]:
    """Direct and mixed quotes of ``doc`` in text order, with cue and speaker mention."""
    text = doc.text
    blocked = [(e.start, e.end) for e in excluded]
    marked = [m for m in find_marked(text) if not any(s < m.end and m.start < e for s, e in blocked)]
    if not marked:
        return []
    d = _Doc(doc)
    d.marked = marked
    d.blocked = sorted(blocked)
    d.mark_starts = [m.start for m in marked]
    items = [_frame(d, marked, k) for k in range(len(marked))]
    return _assemble(d, items)


def _frame(d: _Doc, marked: list[Marked], k: int) -> _Item:
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
    item = _Item(mark=m, para=para, start=m.start, end=m.end, frame_end=m.end)

    # before-frame: the sentence up to the opening mark (not before the previous quote)
    before: list[int] = []
    if not m.cont_prev:
        j = d.token_at(m.start - 1) if m.start > p_start else -1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 0 and doc[j].idx >= prev_end and doc[j].text not in _END_PUNCT:
            first = max(d.sent_start[j], d.token_at(prev_end))
            if doc[first].idx < prev_end:
                first += 1
            before = [i for i in range(first, j + 1) if not doc[i].is_space]
        elif m.start == _skip_space(text, p_start) and para > 0:
            before = _colon_paragraph(d, marked, para)
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
            if tok.text in _END_PUNCT or len(after) >= _MAX_FRAME:
                break
        if after:
            item.frame_end = d.char_end(after[-1])

    inner_s, inner_e = m.inner
    if before and (doc[before[-1]].tag_ == "POS" or doc[before[-1]].lower_ in ("'s", "\u2019s")) \
            and _is_name(text[inner_s:inner_e]):
        item.type = "scare"  # ``ABC's "Good Morning America"``: a title, not a quotation
        return item
    trail = text[inner_s:inner_e].rstrip()[-1:] or " "
    after_char = text[m.end:m.end + 1]
    ends_sentence = trail in _END_PUNCT
    before_cue = _governing_cue(d, before, m)
    after_cue = next((doc[i] for i in after if _is_cue(doc[i])), None)
    if after_cue is not None and (not _attributes_back(d, after_cue, after, ends_sentence)
                                  or _clause_between(d, after, after_cue)):
        after_cue = None

    cue, cue_after = None, False
    if before_cue is not None and before_cue.dep_ not in ("relcl", "acl") and _governs(d, before_cue, m):
        after_cue = None  # ``Trump, who has called Cruz a "liar," said ...``: embedded in the report
    if after_cue is not None and (trail in _TRAIL_ATTRIBUTED or after_char == "," or before_cue is None):
        cue, cue_after = after_cue, True
    elif before_cue is not None:
        cue = before_cue
    if cue is None:
        cue, cue_after = _any_verb_cue(d, before, after, trail)
    if cue is None:
        _no_cue(d, item, before)
        return item

    item.cue, item.cue_after, item.own_cue = cue, cue_after, True
    outer = None if cue_after else _outer_report(d, cue, before)
    if cue_after and cue.pos_ in ("NOUN", "PROPN"):  # a cue read as a noun has no parse to follow
        item.attribute(_phrase_before_cue(d, cue, after))
    else:
        item.attribute(_speaker(d, marked, outer or cue, cue_after, before, after))
        if item.speaker is None and outer is not None:  # ``When asked why, Sembler responded: "..."``
            item.attribute(_speaker(d, marked, cue, cue_after, before, after))
    if item.speaker is None and cue_after:  # ``"...," the council notes.`` parsed as one noun phrase
        item.attribute(_phrase_before_cue(d, cue, after))
    if item.speaker is not None:
        item.attribute(_poll_for_respondents(d, (item.speaker, item.speaker_rule or "")))
    item.confidence = 0.9 if item.speaker else 0.7
    if cue_after:
        lead = [i for i in before if doc[i].is_alpha]
        if lead and text[m.start - 1:m.start].strip() == "" and doc[before[-1]].text not in (",", ":", "\u2014", ";"):
            item.type, item.start = "mixed", doc[lead[0]].idx  # ``The plan was "dead," he said.``
            item.rule = "mixed-trailing-cue"
        return item
    if cue.lemma_ in NAMING and _is_name(text[inner_s:inner_e]):
        item.type = "scare"  # ``fans call him "The Bus"``: a nickname, not a quotation
        return item
    _mixed_or_direct(d, item, cue, before, next_start)
    return item


_SURVEYS = frozenset({"poll", "survey", "study"})


def _poll_for_respondents(d: _Doc, found: Found) -> Found:
    """``In a CNN poll, 31% of Republicans said ...``: a share of respondents speaks through the
    poll, which is the source; the poll's noun phrase in the same sentence replaces them."""
    doc = d.doc
    speaker = found[0]
    words = doc[speaker[0]:speaker[1]]
    if not any(t.lower_ in ("percent", "%", "per") or t.like_num for t in words[:4]):
        return found
    first, last = d.sent_start[speaker[0]], d.sent_end[speaker[0]]
    outside = _outside(d)
    poll = next((doc[i] for i in range(first, last) if doc[i].lemma_.lower() in _SURVEYS and doc[i].pos_ == "NOUN"
                 and outside(doc[i]) and not speaker[0] <= i < speaker[1]), None)
    return (mention_range(poll), "poll-source") if poll is not None else found


def _phrase_before_cue(d: _Doc, cue: Token, after: list[int]) -> Found | None:
    """``a voice-over in the ad states``: the head of the words between the quote and the cue."""
    doc = d.doc
    span = [i for i in after if i < cue.i and not doc[i].is_punct]
    heads = [i for i in span if doc[i].pos_ in ("NOUN", "PROPN", "PRON") and not span[0] <= doc[i].head.i <= span[-1]]
    if not heads:
        heads = [i for i in span if doc[i].pos_ in ("NOUN", "PROPN", "PRON")]
    if not heads and span and doc[span[-1]].pos_ == "ADJ":
        return (span[0], span[-1] + 1), "phrase-before-cue"  # ``the editorial read``: an adjective-looking noun
    if not heads:
        return None
    start, end = mention_range(doc[heads[0]])
    return ((start, min(end, cue.i)), "phrase-before-cue") if start < cue.i else None


def _is_name(inner: str) -> bool:
    """A short quoted stretch of capitalised words (a nickname or a title)."""
    words = [w for w in inner.strip(" ,.!?'\"").split() if any(c.isalpha() for c in w)]
    return 0 < len(words) <= 4 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _colon_paragraph(d: _Doc, marked: list[Marked], para: int) -> list[int]:
    """``She added:`` closing the previous paragraph introduces a quote opening this one."""
    p_start, p_end = d.paras[para - 1]
    last = d.text[p_start:p_end].rstrip()
    if not last.endswith(":"):
        return []
    j = d.token_at(p_start + len(last) - 1)
    k = bisect_left(d.mark_starts, p_end)  # the last quote of that paragraph
    lo = marked[k - 1].end if k > 0 and p_start <= marked[k - 1].start and marked[k - 1].end <= p_end else p_start
    first = d.sent_start[j]
    while first <= j and d.doc[first].idx < lo:
        first += 1
    return [i for i in range(first, j + 1) if not d.doc[i].is_space]


def _governs(d: _Doc, cue: Token, m: Marked) -> bool:
    """Whether ``cue`` is an ancestor of the first word inside the marks."""
    node = d.doc[d.token_at(m.inner[0])]
    for _ in range(12):
        if node.i == cue.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _attributes_back(d: _Doc, cue: Token, after: list[int], ends_sentence: bool) -> bool:
    """Whether a cue after a quote attributes it (``, she said.``) rather than opening a
    sentence of its own (``"We won." Smith said the team ...``)."""
    pos = after.index(cue.i)
    words = [i for i in after if not d.doc[i].is_punct]
    if words and d.doc[words[0]].pos_ == "CCONJ":
        return False  # ``..., and he said he hoped ...``: a report of its own
    if not ends_sentence:
        return True  # ``"...," Adam Green, co-founder of the ... Committee, said in a statement.``
    if pos > 12:
        return False
    # after a full stop inside the marks: only a short attribution (``Smith said.``)
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > cue.i:
            return False
        if child.dep_ == "dobj" and child.i > cue.i and cue.lemma_ not in _LISTENING and child.pos_ != "PROPN":
            return False
    return True


def _clause_between(d: _Doc, after: list[int], cue: Token) -> bool:
    """Whether a verb of another clause stands between a quote and a later cue (``"...,"
    echoing commentators who have suggested``), so that the cue is not the quote's
    attribution. Verbs inside the speaker's noun phrase (``Smith, who chairs X, said``) are fine."""
    doc = d.doc
    if cue.i > 0 and doc[cue.i - 1].text == ",":
        return False  # ``"...," Smith, now 81 and retired in Leeds, said``: an apposition before the cue
    first = next((i for i in after if not doc[i].is_punct), None)
    for i in after:
        if i >= cue.i:
            return False
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        if tok.tag_ == "VBG" and i == first:
            return True  # ``"...," echoing ...``: a participle of the sentence's own clause
        if tok.tag_ not in ("VBD", "VBZ", "VBP") or not any(c.dep_ == "nsubj" for c in tok.children):
            continue
        node = tok
        for _ in range(12):
            if node.i == cue.i or node.pos_ in ("NOUN", "PROPN", "PRON"):
                break
            if node.head.i == node.i:
                return True
            node = node.head
    return False


# Third-person cue forms that the tagger sometimes reads as plural nouns at a sentence end.
_NOUN_LIKE_CUES = frozenset({"states", "notes", "writes", "says", "adds", "explains", "argues", "insists",
                             "recalls", "warns", "claims", "reports", "remarks", "tweets", "posts", "concludes",
                             "read"})


def _any_verb_cue(d: _Doc, before: list[int], after: list[int], trail: str):
    """Any verb with a subject framing a quote as an attribution: ``Clinton cracked, "..."``,
    ``"...," Beck riffed.`` (short frames only, so narration is not taken for a cue)."""
    doc = d.doc
    if before and doc[before[-1]].text in (",", ":") and len(before) >= 2:
        k = len(before) - 2
        while k > 0 and doc[before[k]].dep_ in ("prt", "advmod") and doc[before[k]].head.i == before[k - 1]:
            k -= 1  # ``Hillary shot back, "..."``
        verb = doc[before[k]]
        if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i in before for c in verb.children):
            return verb, False
    words = [i for i in after if not doc[i].is_punct]
    if trail in _TRAIL_ATTRIBUTED and words and after[0] == words[0] and doc[words[0]].tag_ in ("VBD", "VBZ") \
            and not any(c.dep_ == "nsubj" and c.i < words[0] for c in doc[words[0]].children) \
            and any(c.dep_ in ("nsubj", "dobj") and c.pos_ in ("PROPN", "NOUN") and 0 < c.i - words[0] <= 4
                    for c in doc[words[0]].children):
        return doc[words[0]], True  # ``"This is fantastic!" beamed Donald Hartley``
    if trail in _TRAIL_ATTRIBUTED and 2 <= len(words) <= 8 and doc[after[-1]].text in _END_PUNCT \
            and doc[words[-1]].lower_ in _NOUN_LIKE_CUES and doc[words[-1]].pos_ in ("NOUN", "PROPN") \
            and any(doc[i].pos_ in ("NOUN", "PROPN", "ADJ") for i in words[:-1]):  # (``the editorial read``)
        # ``"...," a voice-over in the ad states.``: a cue the tagger took for a plural noun
        return doc[words[-1]], True
    if trail in _TRAIL_ATTRIBUTED and 2 <= len(words) <= 6 and doc[after[-1]].text in _END_PUNCT:
        verbs = [doc[i] for i in words if doc[i].pos_ == "VERB"]
        if len(verbs) == 1 and verbs[0].i in (words[0], words[-1]) or len(verbs) == 1 and any(
                c.dep_ == "nsubj" and c.i in words for c in verbs[0].children):
            return verbs[0], True
    return None, False


def _outside(d: _Doc):
    """``allowed(token)``: the token is not inside quote marks (bisect over the sorted marks)."""
    starts, marked = d.mark_starts, d.marked

    def allowed(tok: Token) -> bool:
        k = bisect_right(starts, tok.idx) - 1
        return k < 0 or tok.idx >= marked[k].end
    return allowed


@dataclass
class _Cued:
    """What the speaker rules of a cued quote look at: the cue, the frame and the words that
    may speak (outside the quotes, in the cue's paragraph)."""

    d: _Doc
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


def _speaker(d: _Doc, marked: list[Marked], cue: Token, cue_after: bool, before: list[int],
             after: list[int]) -> Found | None:
    """Speaker mention of an attributed quote and its rule: the first rule of ``_CUED_RULES``
    that gives a verdict."""
    outside = _outside(d)
    p_start, p_end = d.paras[d.para_of(cue.idx)]

    def allowed(tok: Token) -> bool:  # outside the quotes, in the cue's paragraph, a word that can speak
        return p_start <= tok.idx < p_end and outside(tok) and can_speak(tok)
    ctx = _Cued(d, cue, cue_after, before, after, allowed)
    for rule in _CUED_RULES:
        verdict = rule(ctx)
        if verdict is not None:
            return verdict if not isinstance(verdict, type(STOP)) else None
    return None


def _according_to(ctx: _Cued) -> Found | object | None:
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
        cue.lemma_ not in _LISTENING or cue.lemma_ == "ask" and cue.i == first_after)
    if inverts and ctx.cue_after and after and (cue.i == first_after or (
            cue.i > 0 and d.doc[cue.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass") and allowed(c) and c.pos_ not in ("VERB", "AUX")
                        for c in cue.children))):
        head = noun_run_after(cue)
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
    if i == before[0] or doc[i - 1].text in _DASHES - {"\u2015"}:
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
    left = _left_of(ctx.d.doc, cue)
    if left is not None and left.ent_type_ == "PERSON" and left.i != head.token.i and allowed(left) \
            and not head.token.left_edge.i <= left.i <= head.token.right_edge.i and left.i in ctx.frame:
        return mention_range(left), "person-before-cue"
    return None


def _cue_subject(ctx: _Cued) -> Found | None:
    """The cue's subject through the parse (``speakers.find_speaker``), named by its rule."""
    return (mention_range(ctx.head.token), ctx.head.rule) if ctx.head is not None else None


def _next_to_cue(ctx: _Cued) -> Found | None:
    near = _nearby_speaker(ctx.d, ctx.cue, ctx.frame)
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
    left_np = _noun_phrase_before(ctx.d, ctx.cue, ctx.allowed)
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
_CUED_RULES: tuple[Callable[[_Cued], object], ...] = (
    _according_to, _inverted_after_quote, _name_heading, _clause_opening, _person_before_cue, _cue_subject,
    _next_to_cue, _apposition_name, _phrase_before, _sentence_subject,
)


def _noun_phrase_before(d: _Doc, cue: Token, allowed) -> Token | None:
    """A cue the parse left without a subject: the noun phrase that ends right before it
    (``an official who spoke anonymously said``, ``Mr. Trump, asked about X, had said``)."""
    doc, first = d.doc, d.sent_start[cue.i]
    if cue.tag_ == "VBG" or any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "\u2019s") for c in cue.children):
        return None  # a participle has no subject of its own; ``X was charged``: X heard it (``he's said`` is active)
    j = cue.i - 1
    while j >= first and doc[j].head.i == cue.i and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod"):
        j -= 1
    interrupted = j >= first and doc[j].text == ","
    if interrupted:  # skip a phrase set off by commas
        k = next((i for i in range(j - 1, max(first, j - 25) - 1, -1) if doc[i].text == ","), None)
        if k is None:
            return None
        j = k - 1
    if j < first or doc[j].is_punct:
        return None
    tok = node = doc[j]
    for _ in range(8):  # the end of a relative clause: its noun
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN") and node.head.i < node.i:
            return node.head if allowed(node.head) else None
        if node.head.i == node.i or node.head.i >= cue.i:
            break
        node = node.head
    if tok.dep_ == "csubj" and tok.is_title and tok.i == first and allowed(tok):
        return tok  # a name the tagger took for a verb: ``Schilling describes himself as ...``
    if tok.pos_ in ("PROPN", "NOUN", "PRON") and allowed(tok) and tok.lower_ not in NON_SPEAKING_PRONOUNS \
            and (interrupted and tok.pos_ == "PROPN" or tok.dep_ not in ("dobj", "pobj", "attr", "npadvmod")):
        return tok
    return None


def _governing_cue(d: _Doc, before: list[int], m: Marked) -> Token | None:
    """The cue before a quote: one that governs the quote's first word if any, else the
    closest one (``continue``/``begin`` only intransitive: ``he continued: "..."``)."""
    doc = d.doc
    cues = [doc[i] for i in before if _is_cue(doc[i]) and not (
        doc[i].lemma_ in ("continue", "begin") and any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in doc[i].children))]
    if len(cues) <= 1:
        return cues[0] if cues else None
    inner = d.token_at(m.inner[0])
    node, ancestors = doc[inner], set()
    for _ in range(12):
        ancestors.add(node.i)
        if node.head.i == node.i:
            break
        node = node.head
    governing = [c for c in cues if c.i in ancestors]
    if not governing:
        return cues[-1]
    # ``Cruz said he is certain Rubio will continue to be "a champion"``: the outermost report
    # (PolNeAR's attribution; its speaker is the one quoted)
    return governing[-1]


def _outer_report(d: _Doc, cue: Token, before: list[int]) -> Token | None:
    """The outermost speech cue governing ``cue`` in the same frame: ``Cruz said he is certain
    Rubio will continue to be "a champion"`` -> ``said`` (PolNeAR attributes to Cruz)."""
    frame = set(before)
    node, found = cue, None
    for _ in range(10):
        # any relation: on PolNeAR train, stopping at coordination or adverbial clauses
        # (``X warned ..., and Y said "..."``) scored lower than climbing through them
        if node.head.i == node.i:
            break
        if node.dep_ == "conj" and any(c.dep_ == "nsubj" for c in node.children):
            break  # ``a woman asked for a photo and Clinton said``: a report of its own
        if node.dep_ in ("relcl", "advcl") and any(
                c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in node.children):
            break  # ``bodies, which he called "a cartel"``, ``though he said "..."``: a clause's own report
        node = node.head
        if node.i in frame and _is_cue(node) and node.lemma_ in SPEECH and node.lemma_ not in NAMING:
            found = node
    return found


def _left_of(doc: Doc, cue: Token) -> Token | None:
    """The word before ``cue``, past a parenthesis (``Sen. Jane Roe (D-MA) said``)."""
    left = cue.i - 1
    if left > 0 and doc[left].text == ")":
        for k in range(left - 1, max(-1, left - 8), -1):
            if doc[k].text == "(":
                left = k - 1
                break
    return doc[left] if left >= 0 else None


def _nearby_speaker(d: _Doc, cue: Token, frame: list[int]) -> tuple[int, int] | None:
    """When the parse gives the cue no subject: a name or pronoun right next to it (past a
    parenthesis: ``Sen. Jane Roe (D-MA) said``)."""
    doc = d.doc
    left = _left_of(doc, cue)
    for i in (left.i if left is not None else -1, cue.i + 1, cue.i + 2):
        pos = ("PROPN", "PRON")
        if i > cue.i and (cue.tag_ == "VBG" or i < len(doc) and doc[i].dep_ in ("nsubj", "nsubjpass")):
            continue  # ``saying that Scalia was ...``: the reported clause, not its speaker
        if i in frame and doc[i].pos_ in pos and doc[i].lower_ not in NON_SPEAKING_PRONOUNS and can_speak(doc[i]):
            head = doc[i]
            while head.head.i != head.i and head.head.pos_ in ("PROPN", "NOUN") and abs(head.head.i - i) <= 3:
                head = head.head
            return mention_range(head)
    return None


def _mixed_or_direct(d: _Doc, item: _Item, cue: Token, before: list[int], next_start: int) -> None:
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
    if doc[content_start].lower_ == "that" and content_start == gap[-1]:
        item.start = doc[content_start].idx  # ``said that "..."``: PolNeAR keeps ``that``
        return
    item.type, item.rule = "mixed", "mixed-fragment"
    item.start = doc[content_start].idx
    # the reported clause runs to its end (past the quote when the quote is mid-clause)
    clause = doc[content_start]
    while clause.head.i != cue.i and clause.head.i != clause.i:
        clause = clause.head
    end_tok = clause.right_edge.i
    last = d.sent_end[d.token_at(m.end - 1)] - 1
    quote_last = d.token_at(m.end - 1)
    for i in range(quote_last + 1, min(end_tok, last) + 1):
        tok = doc[i]
        if _is_cue(tok) and _outside(d)(tok):
            end_tok = i - 1  # ``... and said that ...``: the next report starts here
            break
    end_tok = max(min(end_tok, last), quote_last)
    while end_tok > quote_last and (doc[end_tok].is_punct or doc[end_tok].is_space or doc[end_tok].pos_ == "CCONJ"):
        end_tok -= 1
    p_end = d.paras[item.para][1]
    item.end = max(m.end, min(d.char_end(end_tok), p_end))
    item.confidence = 0.8 if item.speaker else 0.6


def _adjunct_of(tok: Token, cue: Token) -> bool:
    """Whether ``tok`` hangs on ``cue`` through an adjunct (or is the listener of ``told``)."""
    node = tok
    for _ in range(8):
        if node.head.i == cue.i:
            if node.dep_ in _ADJUNCT:
                return node.dep_ != "mark" and node.dep_ != "advcl"
            if node.dep_ in ("dobj", "iobj") and cue.lemma_ in _LISTENING:
                return True
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _no_cue(d: _Doc, item: _Item, before: list[int]) -> None:
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
    if before and words < _MIN_ORPHAN_WORDS:
        item.type = "scare"  # a quoted fragment inside narration, with no cue
        return
    if before:
        # a long quotation inside a sentence with no speech verb: the speaker of a report
        # earlier in the paragraph (``The judge said ... . It seemed to him that ... "..."``),
        # else the subject of the nearest verb above it (``The petition accuses X of "..."``)
        allowed = _outside(d)
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
        elif item.start == _skip_space(d.text, p_start) and item.para > 0:
            reporter = _last_reporter(d, item.para - 1)
            item.attribute((reporter, "previous-paragraph-reporter") if reporter is not None else None)
            item.confidence = 0.45
    if words < _MIN_ORPHAN_WORDS - 3 and not m.cont_prev:
        item.type = "scare"



def _sign_off(d: _Doc, item: _Item) -> Found | None:
    """``"..." — Maria Lopez, 34, Phoenix`` or a quote paragraph followed by a name line
    (``- Sanders.``): the name signing the quote."""
    doc, text = d.doc, d.text
    p_start, p_end = d.paras[item.para]
    if text[item.mark.end:p_end].strip():
        tokens = [i for i in d.tokens_in(item.mark.end, p_end) if not doc[i].is_space]
    elif item.para + 1 < len(d.paras) and item.mark.start == _skip_space(text, p_start) and not any(
            s < d.paras[item.para + 1][0] and item.mark.end <= s for s, _ in d.blocked):
        # (only a quote that is its whole paragraph: ``"A," Smith said. "B."`` is Smith's)
        tokens = [i for i in d.tokens_in(*d.paras[item.para + 1]) if not doc[i].is_space]
        # a name line with no dash: two or more words, not an all-capitals subheading
        # (``TRUMP COUNTER.``) nor a one-word picture credit (``Getty.``)
        if len(tokens) > 14 or (tokens and doc[tokens[0]].text not in _DASHES and not (
                doc[tokens[0]].pos_ == "PROPN" and tokens and doc[tokens[-1]].text in ".,"
                and all(doc[i].pos_ in ("PROPN", "PUNCT", "NUM") for i in tokens[:4])
                and sum(1 for i in tokens if doc[i].is_alpha) >= 2
                and not d.text[doc[tokens[0]].idx:d.char_end(tokens[-1])].isupper())):
            return None
    else:
        return None
    if not tokens or doc[tokens[0]].text not in _DASHES and d.text[item.mark.end:p_end].strip():
        return None
    run = [i for i in tokens if doc[i].text not in _DASHES]
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


def _named_after(d: _Doc, item: _Item) -> Found | None:
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
    allowed = _outside(d)
    for i in after[1:30]:
        tok = doc[i]
        if tok.text in (".", "!", "?"):
            break
        if tok.pos_ in ("PROPN", "NOUN") and allowed(tok) and tok.lemma_.lower() not in _WORDS_OF \
                and tok.ent_type_ not in ("DATE", "TIME") and tok.dep_ in ("pobj", "nsubj", "agent", "appos"):
            name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            return mention_range(name or tok), "named-after"  # ``the magistrate, Jacob Mamabolo,`` -> the name
    return None


def _last_reporter(d: _Doc, para: int, before_token: int | None = None) -> tuple[int, int] | None:
    """The speaker of the last speech cue of paragraph ``para`` (``Judge Neilan said the tape
    was court property.`` followed by a paragraph that is only a quote), or of its part
    before token ``before_token``."""
    doc = d.doc
    p_start, p_end = d.paras[para]
    if before_token is not None:
        p_end = doc[before_token].idx
    allowed = _outside(d)
    for i in reversed(d.tokens_in(p_start, p_end)[-300:]):  # bounded: cheap on huge paragraphs
        tok = doc[i]
        if _is_cue(tok) and allowed(tok):
            head = speaker_head(tok, allowed, inverted=False)
            return mention_range(head) if head is not None else None
    return None


def _assemble(d: _Doc, items: list[_Item]) -> list[Quote]:
    """Join continuations to the quote they continue and build ``Quote`` objects."""
    text, doc = d.text, d.doc
    groups: list[list[_Item]] = []
    for item in items:
        if item.type == "scare":
            continue
        prev = groups[-1][-1] if groups else None
        head = groups[-1][0] if groups else None
        if prev is not None and item.start < prev.end:
            # inside the previous quote's reported clause (mixed): already covered
            if item.end > prev.end:
                prev.end = item.end
            continue
        if prev is not None and _continues(d, prev, head, item):
            groups[-1].append(item)
            continue
        if prev is not None and not item.own_cue and item.speaker is None and _near(d, head, item):
            # a quote with no attribution of its own in the next paragraph: same speaker
            item.attribute((head.speaker, "paragraph-continuation"))
            item.cue, item.confidence = None, 0.5
        if item.own_cue and item.speaker is None and prev is not None and prev.para == item.para:
            item.attribute((head.speaker, "same-paragraph-speaker") if head.speaker else None)  # ``..., adding:``
        if not item.own_cue and item.speaker is None:
            # a long quote with no attribution near it is kept with no speaker: guessing the
            # reporter of an earlier paragraph was right about once in ten on PolNeAR train
            if not _long_enough(d, item):
                continue
            item.confidence = 0.3
        groups.append([item])
    quotes = []
    for group in groups:
        head = group[0]
        parts = [(it.start, it.end) for it in group]
        start, end = parts[0][0], parts[-1][1]
        speaker = head.speaker
        cue = head.cue
        quotes.append(Quote(
            start=start, end=end, text=text[start:end],
            type="mixed" if any(it.type == "mixed" for it in group) else "direct",
            cue=Span.of(text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            speaker=Span.of(text, doc[speaker[0]].idx, d.char_end(speaker[1] - 1)) if speaker else None,
            parts=[Span.of(text, s, e) for s, e in parts],
            confidence=head.confidence,
            rule=head.rule,
            speaker_rule=head.speaker_rule if speaker else None,
        ))
    return quotes


def _continues(d: _Doc, prev: _Item, head: _Item, item: _Item) -> bool:
    """Whether ``item`` continues the quote ``prev`` belongs to (same speaker, one attribution)."""
    if any(prev.end <= s < item.start for s, _ in d.blocked):
        return False  # a leftover (caption, embed) stands between: a quote of its own
    if item.mark.cont_prev:
        return True
    if item.own_cue and item.cue is not None and head.cue is not None and item.cue.i == head.cue.i:
        return True  # ``"A," she said, "B."``
    if item.own_cue or item.para != prev.para or head.cue is None:
        return False
    if d.text[prev.end:item.start].strip(" ,.;:\u2014\u2013-") == "":
        return True
    # only the attribution of the quote before stands between: ``"A," she said. "B."`` (and
    # titles in marks within it: ``said on Fox News's "Fox and Friends." "B."``)
    if not (prev.cue_after and _unmarked(d, prev.frame_end, item.start).strip() == ""):
        return False
    doc = d.doc
    spk = head.speaker or (0, 0)
    frame = [i for i in d.tokens_in(prev.end, prev.frame_end) if not doc[i].is_punct and not doc[i].is_space]
    others = [i for i in frame if i != prev.cue.i and not spk[0] <= i < spk[1]]
    # a clause with a subject of its own (``and her husband cut in``) is not the attribution
    return not any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not spk[0] <= c.i < spk[1]
        for i in others for c in doc[i].children)


def _unmarked(d: _Doc, start: int, end: int) -> str:
    """The text of ``[start, end)`` without the quoted stretches wholly inside it."""
    out, pos = [], start
    for k in range(bisect_left(d.mark_starts, start), len(d.marked)):
        m = d.marked[k]
        if m.start >= end:
            break
        if m.end <= end:
            out.append(d.text[pos:m.start])
            pos = m.end
    out.append(d.text[pos:end])
    return "".join(out)


def _near(d: _Doc, head: _Item, item: _Item) -> bool:
    """The previous quote is in this paragraph or the one before it."""
    return head.speaker is not None and item.para - head.para <= 1 and not item.own_cue


def _long_enough(d: _Doc, item: _Item) -> bool:
    doc = d.doc
    return sum(1 for i in d.tokens_in(item.start, item.end) if doc[i].is_alpha) >= _MIN_ORPHAN_WORDS
