"""What the pronoun and description rules need to know about the article, computed once:
which characters lie inside quotation marks, which person each token names, and each
sentence's subject."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import Quote
from ..quotes.marks import find_marked
from ..syntax import SUBJECT_IDS, by_sentence, column, sentences, token_bounds, tokens_with, word_ids
from .clusters import PersonDraft
from .lexicon import PRONOUN_GENDER
from .organizations import EntityDraft
from .reads import subject_appositions

_PRONOUN_IDS = word_ids(PRONOUN_GENDER)
_PRONOUN_DEPS = word_ids(("nsubj", "nsubjpass", "poss"))


def quoted_ranges(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paired as the quote finder pairs them (double and
    single marks, a paragraph's unclosed quotation running to its end), and direct quotes."""
    ranges = [(m.start, m.end) for m in find_marked(text)]
    for q in quotes:
        if q.type == "direct":  # a mixed quote's reported clause is not in quotation marks
            ranges.extend((part.start, part.end) for part in q.parts)
            if not q.parts:
                ranges.append((q.start, q.end))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _inside(quoted: list[tuple[int, int]], char: int) -> bool:
    i = bisect_right(quoted, (char, float("inf"))) - 1
    return i >= 0 and quoted[i][0] <= char < quoted[i][1]


@dataclass(frozen=True)
class Frame:
    """What every person table of one article reads alike, made once per article: the quoted
    ranges, the sentences, and the subject and pronoun tokens outside quotation marks (both
    tables of ``build_entities`` ask; only which person a token names differs)."""

    doc: Doc
    quoted: list[tuple[int, int]]
    sents: list
    starts: list[int]  # each sentence's first character
    subjects: list[tuple[int, list[int]]]  # (sentence start token, its subjects outside quotes)
    pronouns: list[int]  # subject and possessive pronouns outside quotes (see pronouns.py)

    @classmethod
    def of(cls, doc: Doc, text: str, quotes: list[Quote]) -> Frame:
        quoted = quoted_ranges(text, quotes)
        sents = sentences(doc)
        starts = token_bounds(doc)[0]
        by_sent = by_sentence(sents, tokens_with(doc, "DEP", SUBJECT_IDS))
        subjects = [(sent.start, outside) for _, sent, found in by_sent
                    if (outside := [i for i in found if not _inside(quoted, starts[i])])]
        deps = column(doc, "DEP")
        pronouns = [i for i in tokens_with(doc, "LOWER", _PRONOUN_IDS)
                    if deps[i] in _PRONOUN_DEPS and not _inside(quoted, starts[i])]
        return cls(doc, quoted, list(sents), [s.start_char for s in sents], subjects, pronouns)


@dataclass
class Context:
    """One person table over an article: which person each token names, in text order, and each
    sentence's subject; the article's own reading (sentences, quoted ranges) is its ``frame``."""

    frame: Frame
    text: str
    people: list[PersonDraft]
    orgs: list[EntityDraft]
    person_at: dict[int, PersonDraft] = field(default_factory=dict)  # token index -> person
    # (char start, person) of every name mention, in text order
    timeline: list[tuple[int, PersonDraft]] = field(default_factory=list)
    org_timeline: list[tuple[int, EntityDraft]] = field(default_factory=list)
    sent_subject: dict[int, tuple[int, PersonDraft]] = field(default_factory=dict)  # sent start -> (token, person)
    _timeline_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, frame: Frame, text: str, people: list[PersonDraft], orgs: list[EntityDraft]) -> Context:
        """The person table of ``people`` and ``orgs`` over the article that ``frame`` reads."""
        ctx = cls(frame, text, people, orgs)
        starts = token_bounds(frame.doc)[0]
        for p in people:
            for m in p.mentions:
                for i in range(m.left_token, m.last_token + 1):
                    ctx.person_at[i] = p
                ctx.timeline.append((m.start, p))
            for a, b in p.descriptions:
                for i in range(a, b):
                    ctx.person_at.setdefault(i, p)
                ctx.timeline.append((starts[a], p))
        ctx.timeline.sort(key=lambda x: x[0])
        ctx._timeline_starts = [s for s, _ in ctx.timeline]
        ctx.org_timeline = sorted(((s.start, o) for o in orgs for s in o.mentions), key=lambda x: x[0])
        _find_sentence_subjects(ctx)
        return ctx

    @property
    def doc(self) -> Doc:
        return self.frame.doc

    @property
    def sents(self) -> list:
        return self.frame.sents

    def in_quote(self, char: int) -> bool:
        return _inside(self.frame.quoted, char)

    def sent_index(self, char: int) -> int:
        return max(0, bisect_right(self.frame.starts, char) - 1)

    def named_before(self, char: int) -> Iterator[PersonDraft]:
        """The people named outside quotation marks before ``char``, the latest first."""
        for k in range(bisect_left(self._timeline_starts, char) - 1, -1, -1):
            start, person = self.timeline[k]
            if not self.in_quote(start):
                yield person

    def named_after(self, char: int, reach: int) -> Iterator[PersonDraft]:
        """The people named outside quotation marks within ``reach`` characters after ``char``,
        the nearest first."""
        for k in range(bisect_left(self._timeline_starts, char), len(self.timeline)):
            start, person = self.timeline[k]
            if start > char + reach:
                return
            if not self.in_quote(start):
                yield person

    def people_between(self, start: int, end: int) -> set[PersonDraft]:
        """The people named (outside quotes) between two character offsets."""
        lo, hi = bisect_left(self._timeline_starts, start), bisect_left(self._timeline_starts, end)
        return {p for s, p in self.timeline[lo:hi] if not self.in_quote(s)}


def _find_sentence_subjects(ctx: Context) -> None:
    """Each sentence's first subject outside quotation marks that names a person, or holds one
    named in apposition (``The cabinet member, Raj Sethi, said``)."""
    apposed = subject_appositions(ctx.doc)
    for sent_start, subjects in ctx.frame.subjects:
        for i in subjects:
            subject = ctx.person_at.get(i) or _apposed_person(ctx, apposed.get(i, ()))
            if subject is not None:
                ctx.sent_subject[sent_start] = (i, subject)
                break


def _apposed_person(ctx: Context, appositions: Iterable[int]) -> PersonDraft | None:
    """The person named at the first of a subject's appositions that names one."""
    return next((ctx.person_at[a] for a in appositions if a in ctx.person_at), None)
