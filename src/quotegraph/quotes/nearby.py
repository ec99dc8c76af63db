"""Speaker mentions the parse does not give as the cue's subject: the noun phrase before a
subject-less cue, a name next to it, the words before a cue read as a noun, the poll that a share
of respondents speaks through."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    NON_SPEAKING_PRONOUNS,
)
from ..syntax import mention_range
from .layout import Found, Layout, outside_marks
from .speakers import (
    can_speak,
)

_SURVEYS = frozenset({"poll", "survey", "study"})


def poll_for_respondents(d: Layout, found: Found) -> Found:
    """``In a CNN poll, 31% of Republicans said ...``: a share of respondents speaks through the
    poll, which is the source; the poll's noun phrase in the same sentence replaces them."""
    doc = d.doc
    speaker = found[0]
    words = doc[speaker[0]:speaker[1]]
    if not any(t.lower_ in ("percent", "%", "per") or t.like_num for t in words[:4]):
        return found
    first, last = d.sent_start[speaker[0]], d.sent_end[speaker[0]]
    outside = outside_marks(d)
    poll = next((doc[i] for i in range(first, last) if doc[i].lemma_.lower() in _SURVEYS and doc[i].pos_ == "NOUN"
                 and outside(doc[i]) and not speaker[0] <= i < speaker[1]), None)
    return (mention_range(poll), "poll-source") if poll is not None else found


def phrase_before_cue(d: Layout, cue: Token, after: list[int]) -> Found | None:
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


def noun_phrase_before(d: Layout, cue: Token, allowed) -> Token | None:
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


def left_of(doc: Doc, cue: Token) -> Token | None:
    """The word before ``cue``, past a parenthesis (``Sen. Jane Roe (D-MA) said``)."""
    left = cue.i - 1
    if left > 0 and doc[left].text == ")":
        for k in range(left - 1, max(-1, left - 8), -1):
            if doc[k].text == "(":
                left = k - 1
                break
    return doc[left] if left >= 0 else None


def nearby_speaker(d: Layout, cue: Token, frame: list[int]) -> tuple[int, int] | None:
    """When the parse gives the cue no subject: a name or pronoun right next to it (past a
    parenthesis: ``Sen. Jane Roe (D-MA) said``)."""
    doc = d.doc
    left = left_of(doc, cue)
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
