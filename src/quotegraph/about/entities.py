"""The article's people and organisations by character span, to resolve a phrase to one of them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..intervals import Intervals
from ..models import ArticleResult
from .descriptions import Descriptions


@dataclass(frozen=True)
class IndexedMention:
    start: int
    end: int
    entity_id: str
    name: str
    gender: str | None = None  # people only: female, male or unknown


@dataclass
class EntityIndex:
    """Every mention of a person or organisation (places are never targets)."""

    mentions: list[IndexedMention]  # sorted by start, longest first
    descriptions: Descriptions = field(default_factory=lambda: Descriptions({}, []))
    # organisations named only as a modifier, in a title or by a generic word (about/attributes.py)
    not_targets: frozenset[str] = frozenset()
    # organisations the model typed wrong or not at all, found from the article (about/organisations.py)
    found: frozenset[str] = frozenset()
    # a binary search finds where a phrase's mentions begin, so each quote does not scan them all
    _starts: list[int] = field(init=False, repr=False)
    _longest: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def _from(self, start: int, end: int) -> list[IndexedMention]:
        """The mentions that can overlap ``start..end`` (in order), and no others far away."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return self.mentions[first:last]

    @classmethod
    def build(cls, result: ArticleResult) -> EntityIndex:
        found = [IndexedMention(m.start, m.end, p.id, p.name, p.gender.value)
                 for p in result.people for m in p.mentions]
        found += [IndexedMention(m.start, m.end, o.id, o.name) for o in result.organizations for m in o.mentions]
        found += _unrecorded(result, found)
        return cls(sorted(found, key=lambda m: (m.start, -m.end)), Descriptions.build(result))

    def within(self, start: int, end: int) -> list[IndexedMention]:
        """Mentions lying wholly inside ``start..end``."""
        return [m for m in self._from(start, end) if start <= m.start and m.end <= end]

    def resolve(self, start: int, end: int) -> IndexedMention | None:
        """The mention that overlaps ``start..end`` the most (the head of ``the chief of X``
        comes first in the phrase, so ties go to the earliest)."""
        best, best_overlap = None, 0
        for m in self._from(start, end):
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def gender_of(self, entity_id: str) -> str | None:
        """The gender of a person's mentions (None for an organisation)."""
        return next((m.gender for m in self.mentions if m.entity_id == entity_id), None)

    def antecedent(self, before: int, since: int, gender: str, skip: str | None,
                   also: list[IndexedMention] | None = None) -> IndexedMention | None:
        """The latest person mentioned between ``since`` and ``before`` (in the index or ``also``)
        whose known gender does not contradict ``gender``, other than ``skip`` (the speaker): what
        ``him``/``her`` refers to."""
        candidates = sorted([*self._from(since, before), *(also or [])], key=lambda m: (m.start, -m.end))
        for m in reversed(candidates):
            if m.end > before or m.start < since or m.gender is None or m.entity_id == skip:
                continue
            if m.gender in (gender, "unknown"):
                return m
        return None


def _unrecorded(result: ArticleResult, recorded: list[IndexedMention]) -> list[IndexedMention]:
    """Occurrences of an entity's name or alias that the people stage did not record as mentions
    (it records an organisation's first naming, not the quoted ``Maple Grove Foods owes ...``);
    a name two entities share, or one inside a longer name (``Nova`` of ``Nova Scotia``), is left out."""
    names = [(n, IndexedMention(0, 0, p.id, p.name, p.gender.value))
             for p in result.people for n in {p.name, *p.aliases}]
    names += [(n, IndexedMention(0, 0, o.id, o.name)) for o in result.organizations for n in {o.name, *o.aliases}]
    names = [(n, entity) for n, entity in names if len(n) > 2 and n[0].isupper()]
    owners = Counter(n for n, _ in {(n, entity.entity_id) for n, entity in names})
    taken = Intervals((m.start, m.end) for m in recorded)  # a binary search, not a scan per occurrence
    extra: list[IndexedMention] = []  # the few found here, also taken
    for name, entity in names:
        if owners[name] > 1:
            continue
        for start, end in _occurrences(name, result.text):
            if (_standalone(result.text, start, end) and not taken.overlaps(start, end)
                    and not any(m.start < end and start < m.end for m in extra)):
                extra.append(IndexedMention(start, end, entity.entity_id, entity.name, entity.gender))
    return extra


_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+$")  # ``Big `` before ``Nova``
_AFTER = re.compile(r"^\s+[A-Z]")  # `` Scotia`` after ``Nova``


def _occurrences(name: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` stands with no word character (``\\w``: letter, digit, ``_``) or hyphen on
    either side, left to right without overlaps: what ``(?<![\\w-])NAME(?![\\w-])`` finds, by
    ``str.find`` instead of compiling a pattern per name."""
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if _joined(text, at - 1) or _joined(text, end):
            at = text.find(name, at + 1)
        else:
            yield at, end
            at = text.find(name, end)


def _joined(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def _standalone(text: str, start: int, end: int) -> bool:
    """Not a piece of a longer capitalised name (``Nova`` of ``Nova Scotia``); a sentence's first
    word before the name does not count (``Then Nova said``: only ``Then`` is checked, and
    allowed when it starts the sentence)."""
    before = _BEFORE.search(text, max(0, start - 40), start)
    if before and not _sentence_start(text, before.start()):
        return False
    return not _AFTER.match(text[end : end + 3])


def _sentence_start(text: str, at: int) -> bool:
    head = text[:at].rstrip()
    return not head or head[-1] in ".!?\"“”:\n"
