"""Pair quote marks in plain text: which stretches of a paragraph are inside quotation marks.

Works on characters only (no parse), in one pass per paragraph:

- double marks: straight ``"``, curly ``“ ”``, low-9 ``„``, and ``''`` (two apostrophes, as
  some wire texts write a double mark); a straight mark opens or closes by its neighbours, and a
  closing mark that opens a paragraph opens a quote;
- a quote inside a double-mark quote, in the other style or in curly marks inside curly ones,
  stays part of the outer quote when the outer one closes after it (``_nested``);
- single marks (``'…'`` / ``‘…’``, UK style) only outside double quotes, told apart from
  apostrophes (``don't``, ``Smiths'``, ``'90s``, ``rock 'n' roll``) by their neighbours;
- a quote never crosses a paragraph break, except by the journalistic convention: a paragraph
  that ends inside an open quote and a next paragraph that opens with a quote mark continue
  the same quotation (the continuation is marked ``cont_prev``); so does a short next
  paragraph in the first or second person with no quote mark at all (``bare``);
- unbalanced marks never produce a quote longer than ``MAX_QUOTE`` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from copy import copy
from dataclasses import dataclass
from functools import lru_cache

MAX_QUOTE = 2500  # characters; a longer "quote" is an unbalanced mark, not a quotation
BARE_CONTINUATION = 300  # characters of a continuation paragraph printed with no marks
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our)(?:[’']\w+)?\b")

_DOUBLE_OPEN = "\u201c\u201e"  # “ „
_DOUBLE_CLOSE = "\u201d"  # ”
_SINGLE_OPEN = "\u2018"  # ‘
_SINGLE_CLOSE = "\u2019"  # ’
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/\u00a0:") | set(_DOUBLE_OPEN) | {'"', "\u2018", "'"}
_CLOSE_AFTER = set(" \t\n)]}.,;:!?\u2014\u2013-/\u2026\u00a0") | set(_DOUBLE_CLOSE) | {'"', "\u2019", "'"}
_STRONG_BEFORE_CLOSE = set(".,!?;:\u2026\u2014-")
# Words that start with an elision apostrophe: '90s, 'em, 'n', 'til, 'cause ...
_ELISIONS = frozenset("em n til tis twas cause bout round s d ll re ve nuff".split())

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z0-9]+")
_MARK = re.compile("''|[\"\u201c\u201d\u201e\u2018\u2019']")


@dataclass
class Marked:
    """A stretch in quote marks: ``start``/``end`` include the marks (``end`` may be a paragraph
    end when the quote continues in the next paragraph)."""

    start: int
    end: int
    single: bool = False
    closed: bool = True
    cont_prev: bool = False  # continues a quote left open at the end of the previous paragraph
    bare: bool = False  # a continuation paragraph printed without its opening mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + (0 if self.bare else 1), self.end - (1 if self.closed else 0)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line (a line break ends a paragraph)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i] if i < len(text) else " "


def _opener_shaped(text: str, i: int, length: int) -> bool:
    return _before(text, i) in _OPEN_BEFORE and not _after(text, i + length).isspace()


def _closer_shaped(text: str, i: int, length: int) -> bool:
    return not _before(text, i).isspace() and _after(text, i + length) in _CLOSE_AFTER


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text`` in order (double-mark quotes, then single-mark quotes
    outside them, merged in text order). New records on every call, as callers adjust them;
    the pairing is made once per text (the quote finder and the people stage both ask)."""
    return [copy(m) for m in _paired(text)]


@lru_cache(maxsize=128)  # more than a batch of articles: each stage runs on a whole batch in turn
def _paired(text: str) -> tuple[Marked, ...]:
    out: list[Marked] = []
    open_from_previous: Marked | None = None
    for p_start, p_end in paragraphs(text):
        found, left_open = _doubles(text, p_start, p_end, open_from_previous)
        singles = _singles(text, p_start, p_end, found)
        out.extend(sorted(found + singles, key=lambda m: m.start))
        open_from_previous = left_open
    return tuple(out)


def _doubles(text: str, p_start: int, p_end: int, carried: Marked | None):
    """Double-mark quotes of one paragraph and the quote left open at its end (if any)."""
    marks = [(m.start(), len(m.group()), m.group()) for m in _MARK.finditer(text, p_start, p_end)
             if m.group() not in ("'", "\u2018", "\u2019")]
    if carried is not None and not marks and _speech_shaped(text[p_start:p_end]):
        bare = _left_open(text, p_end, p_start, True)
        if bare is not None:
            bare.bare = True
            return [bare], None
    continuing = _continuing(text, p_start, marks, carried)
    found: list[Marked] = []
    open_at: int | None = None
    cont_prev = False
    rest = marks
    if continuing == "close":
        start, length, _ = marks[0]
        found.append(Marked(p_start, start + length, cont_prev=True))
        rest = marks[1:]
    elif continuing == "open":
        open_at, cont_prev = marks[0][0], True
        rest = marks[1:]
    open_at, cont_prev = _pair_doubles(text, rest, open_at, cont_prev, found)
    left_open = _left_open(text, p_end, open_at, cont_prev)
    if left_open is not None:
        found.append(left_open)
    return found, left_open


def _speech_shaped(paragraph: str) -> bool:
    """A short paragraph in the first or second person: after a paragraph whose quote was left
    open, the rest of that quotation printed without its opening mark (``This year you're an
    entrepreneur.``)."""
    return len(paragraph.strip()) <= BARE_CONTINUATION and _FIRST_PERSON.search(paragraph) is not None


def _continuing(text: str, p_start: int, marks: list[tuple[int, int, str]], carried: Marked | None) -> str | None:
    """A quote left open at the end of the previous paragraph continues here when this
    paragraph opens with a quote mark (``open``) or, loosely, closes one before opening any
    (``close``); None when it does not."""
    if carried is None or not marks:
        return None
    first = marks[0]
    lead = text[p_start:first[0]].strip()
    if not lead and (first[2] in _DOUBLE_OPEN or first[2] in ('"', "''")):
        return "open"
    if first[2] == _DOUBLE_CLOSE or (first[2] in ('"', "''") and _closer_shaped(text, first[0], first[1])
                                     and not _opener_shaped(text, first[0], first[1])):
        return "close"
    return None


def _pair_doubles(text: str, marks: list[tuple[int, int, str]], open_at: int | None, cont_prev: bool,
                  found: list[Marked]) -> tuple[int | None, bool]:
    """Pair opening and closing double marks into ``found``; returns the mark still open."""
    skip_to = -1
    for k, (pos, length, mark) in enumerate(marks):
        straight = mark in ('"', "''")
        if k <= skip_to:
            continue
        if open_at is None:
            if mark == _DOUBLE_CLOSE and not _opener_shaped(text, pos, length) and _before(text, pos) != "\n":
                continue  # a stray closing mark (one opening a paragraph opens a quote: ``” … what I learned``)
            if straight and _closer_shaped(text, pos, length) and not _opener_shaped(text, pos, length):
                continue
            open_at = pos
            continue
        skip_to = _nested(text, marks, k, open_at)
        if skip_to > k:
            continue  # ``"... the question: “As you know ...” Forty-three ..."``: a quote inside
        if mark in _DOUBLE_OPEN and not (straight or _closer_shaped(text, pos, length)):
            open_at, cont_prev = pos, False  # the previous opening mark was never closed
            continue
        if straight and _opener_shaped(text, pos, length) and not _closer_shaped(text, pos, length):
            open_at, cont_prev = pos, False
            continue
        end = pos + length
        if end - open_at <= MAX_QUOTE and end - open_at > 2:
            found.append(Marked(open_at, end, cont_prev=cont_prev))
        open_at, cont_prev = None, False
    return open_at, cont_prev


def _straight(mark: str) -> bool:
    return mark in ('"', "''")


def _nested(text: str, marks: list[tuple[int, int, str]], k: int, open_at: int) -> int:
    """Index of the mark closing a quote nested at ``marks[k]`` inside the quote opened at
    ``open_at``, or -1: a closing mark of the outer quote's style follows the inner quote in the
    paragraph, and the inner quote is in the other style (curly in straight marks or straight in
    curly ones) or in curly marks in curly ones (``“... what he calls “hell” than ...”``); not
    ``“A," she said. "B.”``, where each mark pairs with the next."""
    pos, length, mark = marks[k]
    outer_straight, inner_straight = text[open_at] in "\"'", _straight(mark)
    opens = _opener_shaped(text, pos, length) and not _closer_shaped(text, pos, length) if inner_straight \
        else mark in _DOUBLE_OPEN
    if not opens or inner_straight and outer_straight or not any(c.isalnum() for c in text[open_at:pos]):
        return -1  # (``"“You don't win ...,” Rubio responded"``: a doubled mark, not a quote inside)
    inner_close = _next_closer(text, marks, k, inner_straight)
    if inner_close < 0 or _next_closer(text, marks, inner_close, outer_straight) < 0:
        return -1
    return inner_close


def _next_closer(text: str, marks: list[tuple[int, int, str]], k: int, straight: bool) -> int:
    """Index of the next mark after ``marks[k]`` in the given style when it closes, else -1."""
    j = next((j for j in range(k + 1, len(marks)) if _straight(marks[j][2]) == straight), -1)
    if j < 0 or marks[j][2] in _DOUBLE_OPEN or not _closer_shaped(text, marks[j][0], marks[j][1]):
        return -1
    return j


def _left_open(text: str, p_end: int, open_at: int | None, cont_prev: bool) -> Marked | None:
    """The quote still open at the paragraph end, up to its last character."""
    if open_at is None:
        return None
    end = p_end
    while end > open_at and text[end - 1].isspace():
        end -= 1
    return Marked(open_at, end, closed=False, cont_prev=cont_prev) if 2 < end - open_at <= MAX_QUOTE else None


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _singles(text: str, p_start: int, p_end: int, doubles: list[Marked]) -> list[Marked]:
    """Single-mark quotes outside the double-mark quotes of one paragraph."""
    openers, closers = _single_marks(text, p_start, p_end, doubles)
    closer_pos = [c for c, _ in closers]
    found = []
    last_end = -1
    for i, start in enumerate(openers):
        if start < last_end:
            continue
        limit = openers[i + 1] if i + 1 < len(openers) else p_end
        # skip openers that fall inside; pick the last strong closer before the next opener,
        # else the first closer (a short fragment in single marks)
        in_range = []
        for j in range(bisect_right(closer_pos, start), len(closers)):
            c, strong_close = closers[j]
            if c >= limit or c - start > MAX_QUOTE:
                break
            in_range.append((c, strong_close))
        strong = [c for c, s in in_range if s]
        if not in_range:
            continue
        end = strong[-1] + 1 if strong else in_range[0][0] + 1
        if 2 < end - start <= MAX_QUOTE:
            found.append(Marked(start, end, single=True))
            last_end = end
    return found


def _single_marks(text: str, p_start: int, p_end: int,
                  doubles: list[Marked]) -> tuple[list[int], list[tuple[int, bool]]]:
    """Positions of single marks shaped as openers, and of those shaped as closers with whether
    they close strongly (before punctuation or at the paragraph end); apostrophes are skipped."""
    blocked = sorted((m.start, m.end) for m in doubles)
    last_char = p_end  # after the last non-space character of the paragraph
    while last_char > p_start and text[last_char - 1].isspace():
        last_char -= 1
    openers, closers = [], []
    for m in _MARK.finditer(text, p_start, p_end):
        mark, pos = m.group(), m.start()
        if mark not in ("'", "\u2018", "\u2019") or _inside(blocked, pos):
            continue
        before, after = _before(text, pos), _after(text, pos + 1)
        if before.isalnum() and after.isalnum():
            continue  # don't, it's, O'Brien
        if before in _OPEN_BEFORE and (after.isalnum() or after in "\u201c\"") and mark != _SINGLE_CLOSE or (
                mark == _SINGLE_OPEN and not after.isspace()):
            word = _WORD.match(text, pos + 1, pos + 8)
            if word and (word.group().lower() in _ELISIONS or word.group()[0].isdigit()
                         and word.group().endswith("s")):
                continue  # '90s, 'em, rock 'n' roll
            openers.append(pos)
        elif _closer_shaped(text, pos, 1) and mark != _SINGLE_OPEN:
            strong = before in _STRONG_BEFORE_CLOSE or after in ".,;:!?)\u2014" or pos + 1 >= last_char
            closers.append((pos, strong))
    return openers, closers
