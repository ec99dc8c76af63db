"""Interviews printed as labelled turns: ``Q: ...`` / ``A: ...``, ``SMITH: ...``, ``Barkha: ...``.

Such turns carry no quote marks, so ``direct`` never sees them. A text is an interview when at
least two different labels each open two or more turns (or ``Q``/``A`` both occur); a label is one
to three capitalised words or initials followed by a colon, at a paragraph start or after the end
of a sentence (two turns may share a paragraph). Every turn is a direct quotation whose speaker
mention is its label; ``Q`` and ``A`` have no name, so they point at the interviewer and the
interviewee named in the introduction (``spoke to Jane Roe``; the other person named). Speech
reported inside a turn is part of that turn's quotation and is not a quote of its own (a ``this I
am told`` in an answer is the interviewee's words, not a speaker ``I``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..models import Excluded, Quote, Span
from ..syntax import doc_text, entities

_WORD = r"[A-Z][\w’'.\-]*"
# a label opens a paragraph or follows the end of a sentence (or the colon of an introduction)
_LABEL = re.compile(rf"(?:^|(?<=[.?!:…]\s)|(?<=[.?!]”\s)|(?<=[.?!]\"\s))[ \t*_]*(?P<label>{_WORD}(?: {_WORD}){{0,2}})"
                    rf"[*_]*[ \t]*:[*_]*[ \t]+(?=\S)", re.M)
_QUESTION = frozenset({"q", "question", "interviewer"})
_ANSWER = frozenset({"a", "answer"})
_MIN_TURNS = 2  # turns per label for a named label to count
# words that open labelled lines in ordinary articles (``Note:``, ``Photo:``)
_NOT_LABELS = frozenset("""note notes update updated photo photos source sources read watch listen
see also editor editors related warning caution disclaimer correction tags category image video
credit credits by and or but the""".split())
# ``spoke to X``, ``in an interview with X``, ``told X``: the interviewer after these words
_TO_INTERVIEWER = frozenset({"to", "with", "told", "by"})
_CONFIDENCE = 0.8
_NAME_WORDS = 2  # words looked at on each side of a label in the introduction's name


@dataclass(frozen=True)
class Turn:
    """One labelled turn: the label as written and the span of what was said."""

    label: Span
    content: Span


def _key(label: str) -> str:
    return label.replace(".", "").strip().lower()


def _label_matches(text: str) -> Iterator[re.Match[str]]:
    """``_LABEL.finditer(text)``, run only on the lines that hold a colon: a match never crosses
    a line break and always holds a colon, and most lines of an article have none."""
    colon = text.find(":")
    while colon >= 0:
        start = text.rfind("\n", 0, colon) + 1
        end = text.find("\n", colon)
        end = len(text) if end < 0 else end
        yield from _LABEL.finditer(text, start, end)  # (lookbehinds still see the line before)
        colon = text.find(":", end)


def _labels(text: str, blocked: Sequence[tuple[int, int]]) -> list[re.Match[str]]:
    found = []
    for m in _label_matches(text):
        s = m.start("label")
        if any(a <= s < b for a, b in blocked) or m.group("label").split()[0].lower() in _NOT_LABELS:
            continue
        found.append(m)
    return found


def _interview_labels(matches: list[re.Match[str]]) -> set[str]:
    """The labels that make the text an interview (empty when it is not one)."""
    counts = Counter(_key(m.group("label")) for m in matches)
    if any(k in counts for k in _QUESTION) and any(k in counts for k in _ANSWER):
        return {k for k in counts if k in _QUESTION | _ANSWER}
    named = {k for k, n in counts.items() if n >= _MIN_TURNS and k not in _QUESTION | _ANSWER}
    return named if len(named) >= 2 else set()


def _content(text: str, start: int, end: int) -> Span | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start] in " \t*_":
        start += 1
    return Span(start, end, text[start:end]) if any(c.isalnum() for c in text[start:end]) else None


def find_turns(text: str, excluded: Sequence[Excluded]) -> list[Turn]:
    """The labelled turns of ``text`` in order; none unless it reads as an interview."""
    blocked = [(e.start, e.end) for e in excluded]
    matches = _labels(text, blocked)
    keys = _interview_labels(matches)
    if not keys:
        return []
    matches = [m for m in matches if _key(m.group("label")) in keys]
    turns = []
    for k, m in enumerate(matches):
        para_end = text.find("\n", m.end())
        end = len(text) if para_end < 0 else para_end
        if k + 1 < len(matches):
            end = min(end, matches[k + 1].start())
        end = min([end] + [a for a, _ in blocked if a >= m.end()])
        content = _content(text, m.end(), end)
        if content is not None:
            label = Span(m.start("label"), m.end("label"), m.group("label"))
            turns.append(Turn(label, content))
    return turns


def _intro_people(doc: Doc, end: int) -> tuple[DocSpan | None, DocSpan | None]:
    """(interviewer, interviewee) named before the first turn: the name after ``to``/``with``/
    ``told`` is the interviewer, the first other person named the interviewee."""
    names = [e for e in entities(doc) if e.label_ in {"PERSON", "ORG"} and e.end_char <= end]
    asker = next((e for e in names if e.start > 0 and _asked_by(doc, e)), None)
    answerer = next((e for e in names if e is not asker and e.label_ == "PERSON"), None)
    return asker, answerer


def _asked_by(doc: Doc, ent: DocSpan) -> bool:
    """``to NDTV's Barkha Dutt``, ``with Jane Roe``: the words right before the name (an outlet's
    possessive in between is allowed)."""
    i = ent.start - 1
    while i > 0 and (doc[i].tag_ == "POS" or doc[i].ent_type_ in {"ORG", "PERSON"}):
        i -= 1
    return doc[i].lower_ in _TO_INTERVIEWER


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ == "PROPN" and tok.tag_ != "POS"


def _full_name(doc: Doc, label: str, intro_end: int) -> Span | None:
    """The fuller name the introduction gives for a one-word label (``Barkha`` -> ``Barkha
    Dutt``, ``Chidambaram`` -> ``P Chidambaram``), as a span of the introduction."""
    if " " in label:
        return None
    for tok in doc:
        if tok.idx >= intro_end:
            return None
        if tok.text.lower() != label.lower() or not tok.text[:1].isupper():
            continue  # ``ASHBY:`` is the ``Sam Ashby`` of the introduction
        i, j = tok.i, tok.i + 1
        while i > 0 and tok.i - i < _NAME_WORDS and _is_name_word(doc[i - 1]) and doc[i - 1].whitespace_:
            i -= 1
        while j < len(doc) and j - tok.i < _NAME_WORDS and _is_name_word(doc[j]) and doc[j - 1].whitespace_:
            j += 1
        if j - i > 1:
            return Span(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), doc[i:j].text)
    return None


def _speaker(doc: Doc, turn: Turn, intro: tuple[DocSpan | None, DocSpan | None], intro_end: int) -> Span | None:
    key = _key(turn.label.text)
    if key not in _QUESTION | _ANSWER:
        return _full_name(doc, turn.label.text, intro_end) or turn.label
    ent = intro[0] if key in _QUESTION else intro[1]
    return Span(ent.start_char, ent.end_char, ent.text) if ent is not None else None


def interview_quotes(doc: Doc, excluded: Sequence[Excluded]) -> list[Quote]:
    """Each labelled turn as a direct quote with its label (or the named interviewer or
    interviewee, for ``Q``/``A``) as speaker mention."""
    turns = find_turns(doc_text(doc), excluded)
    if not turns:
        return []
    intro = _intro_people(doc, turns[0].label.start)
    intro_end = turns[0].label.start
    return [
        Quote(t.content.start, t.content.end, t.content.text, "direct", speaker=_speaker(doc, t, intro, intro_end),
              parts=[t.content], confidence=_CONFIDENCE)
        for t in turns
    ]


def with_turns(quotes: list[Quote], turns: list[Quote]) -> list[Quote]:
    """``quotes`` and the interview ``turns`` in text order; a quote inside a turn is part of it."""
    if not turns:
        return quotes
    kept = [q for q in quotes if not any(t.start < q.end and q.start < t.end for t in turns)]
    return sorted(kept + turns, key=lambda q: (q.start, q.end))
