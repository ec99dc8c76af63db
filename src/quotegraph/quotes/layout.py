"""What the direct-quote stages share: lookups over one parse (token by offset, sentence and
paragraph bounds, the quoted stretches) and ``Item``, one quoted stretch as it is framed.

Speaker mentions travel as ``Found``: a token range and the name of the rule that chose it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..syntax import column, doc_text, sentence_bounds
from .datelines import dateline_end
from .marks import Marked, paragraphs

END_PUNCT = frozenset(".?!")


DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})


MIN_ORPHAN_WORDS = 6  # a quote with no cue and no context needs at least this many words


Found = tuple[tuple[int, int], str]  # a speaker mention's token range and the rule that chose it


@dataclass
class Item:
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


class Layout:
    """Lookups over one parse, built once: token by offset, sentence bounds, paragraphs."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = column(doc, "IDX")
        self.sent_start, self.sent_end = sentence_bounds(doc)  # shared per Doc: read only
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.marked: list[Marked] = []  # quoted stretches, sorted, set by find_direct
        self.mark_starts: list[int] = []
        self.blocked: list[tuple[int, int]] = []  # excluded leftovers
        self.dateline = dateline_end(self.text)  # offset after a wire dateline opening the article

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


def outside_marks(d: Layout):
    """``allowed(token)``: the token is not inside quote marks (bisect over the sorted marks)
    nor in the article's dateline."""
    starts, marked, dateline = d.mark_starts, d.marked, d.dateline

    def allowed(tok: Token) -> bool:
        if tok.idx < dateline:
            return False
        k = bisect_right(starts, tok.idx) - 1
        return k < 0 or tok.idx >= marked[k].end
    return allowed


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def unmarked(d: Layout, start: int, end: int) -> str:
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


def is_name(inner: str) -> bool:
    """A short quoted stretch of capitalised words (a nickname or a title)."""
    words = [w for w in inner.strip(" ,.!?'\"").split() if any(c.isalpha() for c in w)]
    return 0 < len(words) <= 4 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to"})
