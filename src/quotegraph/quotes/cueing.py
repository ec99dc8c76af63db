"""Which cue frames a quoted stretch: a speech verb before the quote that governs it, or one
after it that attributes it back (``, she said.``), or any verb with a subject in a short frame
(``Clinton cracked, "..."``)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..lexicon import (
    LISTENER_VERBS,
    MESSAGE_VERBS,
    NAMING,
    QUOTING,
    RELATIVE_PRONOUNS,
    SPEECH,
)
from ..syntax import governs as syntax_governs
from ..syntax import path_up
from .layout import END_PUNCT, Layout
from .marks import Marked

_CUES = SPEECH | QUOTING


_NOT_CUE_DEPS = frozenset({"amod", "compound", "aux", "auxpass"})  # so-called, ...


LISTENING = LISTENER_VERBS | MESSAGE_VERBS


TRAIL_ATTRIBUTED = set(",?!\u2014-\u2013\u2026")

GOVERN_REACH = 12  # tokens walked up from a quote's first word looking for the cue that governs it

def is_cue(tok: Token) -> bool:
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


def colon_paragraph(d: Layout, marked: list[Marked], para: int) -> list[int]:
    """``She added:`` closing the previous paragraph introduces a quote opening this one."""
    p_start, p_end = d.paras[para - 1]
    if p_end <= d.dateline:
        return []  # ``New Delhi:`` on a line of its own is a dateline
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


def governs(d: Layout, cue: Token, m: Marked) -> bool:
    """Whether ``cue`` is an ancestor of the first word inside the marks."""
    return syntax_governs(cue, d.doc[d.token_at(m.inner[0])], GOVERN_REACH)


def attributes_back(d: Layout, cue: Token, after: list[int], ends_sentence: bool) -> bool:
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
        if child.dep_ == "dobj" and child.i > cue.i and cue.lemma_ not in LISTENING and child.pos_ != "PROPN":
            return False
    return True


def clause_between(d: Layout, after: list[int], cue: Token) -> bool:
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


def any_verb_cue(d: Layout, before: list[int], after: list[int], trail: str):
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
    if trail in TRAIL_ATTRIBUTED and words and after[0] == words[0] and doc[words[0]].tag_ in ("VBD", "VBZ") \
            and not any(c.dep_ == "nsubj" and c.i < words[0] for c in doc[words[0]].children) \
            and any(c.dep_ in ("nsubj", "dobj") and c.pos_ in ("PROPN", "NOUN") and 0 < c.i - words[0] <= 4
                    for c in doc[words[0]].children):
        return doc[words[0]], True  # ``"This is fantastic!" beamed Donald Hartley``
    if trail in TRAIL_ATTRIBUTED and 2 <= len(words) <= 8 and doc[after[-1]].text in END_PUNCT \
            and doc[words[-1]].lower_ in _NOUN_LIKE_CUES and doc[words[-1]].pos_ in ("NOUN", "PROPN") \
            and any(doc[i].pos_ in ("NOUN", "PROPN", "ADJ") for i in words[:-1]):  # (``the editorial read``)
        # ``"...," a voice-over in the ad states.``: a cue the tagger took for a plural noun
        return doc[words[-1]], True
    if trail in TRAIL_ATTRIBUTED and 2 <= len(words) <= 6 and doc[after[-1]].text in END_PUNCT:
        verbs = [doc[i] for i in words if doc[i].pos_ == "VERB"]
        if len(verbs) == 1 and verbs[0].i in (words[0], words[-1]) or len(verbs) == 1 and any(
                c.dep_ == "nsubj" and c.i in words for c in verbs[0].children):
            return verbs[0], True
    return None, False


def governing_cue(d: Layout, before: list[int], m: Marked) -> Token | None:
    """The cue before a quote: one that governs the quote's first word if any, else the
    closest one (``continue``/``begin`` only intransitive: ``he continued: "..."``)."""
    doc = d.doc
    cues = [doc[i] for i in before if is_cue(doc[i]) and not (
        doc[i].lemma_ in ("continue", "begin") and any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in doc[i].children))]
    if len(cues) <= 1:
        return cues[0] if cues else None
    inner = d.token_at(m.inner[0])
    ancestors = {node.i for node in path_up(doc[inner], GOVERN_REACH)}
    governing = [c for c in cues if c.i in ancestors]
    if not governing:
        return cues[-1]
    # ``Cruz said he is certain Rubio will continue to be "a champion"``: the outermost report
    # (PolNeAR's attribution; its speaker is the one quoted)
    return governing[-1]


def outer_report(d: Layout, cue: Token, before: list[int]) -> Token | None:
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
        if node.i in frame and is_cue(node) and node.lemma_ in SPEECH and node.lemma_ not in NAMING:
            found = node
    return found
