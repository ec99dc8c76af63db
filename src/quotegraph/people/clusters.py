"""Group name mentions into people.

Full names (two or more words) are grouped first, longest first: ``Usman Ododo`` joins
``Ahmed Usman Ododo`` because its words appear in order in the longer name with the same
surname; ``Mary Burke`` and ``Kevin Burke`` stay apart because their first names differ. Then
each lone word (``Burke``, ``Mrs Burke``) joins a full name with that surname (or first name),
keeping only people whose gender agrees with the honorific (``Mrs`` -> Mary, ``Mr`` -> Kevin);
when several remain, the one named most recently before it wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import Span
from ..syntax import doc_text
from .ages import age_after, age_before
from .evidence import GenderEvidence
from .facts import MentionFacts
from .gender import first_name_gender
from .lexicon import HONORIFICS, norm
from .name_mention import NameMention
from .title_holders import before_first_naming, holds_office, hypothetical_title, is_relative, office_word
from .titles import mention_facts


@dataclass(eq=False)  # two people with the same words are still two: identity
class PersonDraft:
    tokens: tuple[str, ...]
    mentions: list[NameMention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[GenderEvidence] = field(default_factory=list)
    ages: list[tuple[int, Span]] = field(default_factory=list)
    other_mentions: list[Span] = field(default_factory=list)  # pronouns, descriptions
    descriptions: list[tuple[int, int]] = field(default_factory=list)  # token ranges of "the judge"
    quote_count: int = 0
    id: str = ""
    _other_starts: set[int] = field(default_factory=set, repr=False)
    first_start: int = -1  # where the article first names the person
    courtesies: set[str] = field(default_factory=set)  # "mr", "ms" ... as used with the name

    def add_other(self, span: Span) -> None:
        """Add a pronoun or description mention, once per start offset."""
        if span.start not in self._other_starts:
            self._other_starts.add(span.start)
            self.other_mentions.append(span)

    def clear_others(self) -> None:
        self.other_mentions, self._other_starts = [], set()

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def first(self) -> str | None:
        return self.tokens[0] if len(self.tokens) > 1 else None

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    def text_gender(self) -> str | None:
        """Gender the words of the article state (honorifics, titles, nouns, pronouns), if one."""
        values = {e.value for e in self.evidence}
        return values.pop() if len(values) == 1 else None

    def likely_gender(self) -> str | None:
        """Text gender, else the first-name table: only used to tell people apart."""
        return self.text_gender() or (first_name_gender(self.first) if self.first else None)

    def add(self, m: NameMention, facts: MentionFacts) -> None:
        self.mentions.append(m)
        self.first_start = m.start if self.first_start < 0 else min(self.first_start, m.start)
        word = _courtesy(m)
        if word:
            self.courtesies.add(word)
        self.titles.extend(t for t in facts.titles if t not in self.titles)
        self.roles.extend(r for r in facts.roles if r not in self.roles)
        self.evidence.extend(facts.evidence)

    def aliases(self) -> list[str]:
        forms: list[str] = []
        for m in sorted(self.mentions, key=lambda x: x.start):
            forms.append(m.text)
            if m.honorific and not m.hypothetical:
                forms.append(f"{m.honorific.split(',')[-1].strip()} {m.text}")
        return [f for f in dict.fromkeys(forms) if f != self.name]


class _OtherMentions:
    """The tokens of every name mention but ``own``'s, without copying the set per mention."""

    def __init__(self, tokens: set[int], own: NameMention):
        self.tokens, self.own = tokens, own

    def __contains__(self, i: object) -> bool:
        return i in self.tokens and not (isinstance(i, int) and self.own.left_token <= i <= self.own.last_token)


def _initial_ok(short: str, long: str) -> bool:
    s, w = short.rstrip(".").lower(), long.rstrip(".").lower()
    return s == w or (len(s) == 1 and w.startswith(s)) or (len(w) == 1 and s.startswith(w))


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(_initial_ok(w, x) for x in it) for w in short)


def _same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if short[-1].lower() != long[-1].lower():
        return False
    return _subsequence(short[:-1], long[:-1]) if len(short) > 1 else True


def _mention_gender(facts: MentionFacts) -> str | None:
    values = {e.value for e in facts.evidence}
    return values.pop() if len(values) == 1 else None


def _compatible(draft: PersonDraft, gender: str | None) -> bool:
    other = draft.likely_gender()
    return gender is None or other is None or other == gender


def _courtesy(m: NameMention) -> str | None:
    if not m.honorific:
        return None
    word = norm(m.honorific.split()[-1])
    return word if word in HONORIFICS else None


def _pick(pool: list[PersonDraft], m: NameMention, g: str | None) -> PersonDraft:
    """Choose among people sharing the word: same courtesy title as before (``Ms`` stays with
    whoever was ``Ms``), then exact gender, then the person the article introduced first."""
    word = _courtesy(m)
    if len(pool) > 1 and word:
        same = [d for d in pool if word in d.courtesies]
        pool = same or [d for d in pool if not d.courtesies] or pool
    if len(pool) > 1 and g:
        pool = [d for d in pool if d.likely_gender() == g] or pool
    return min(pool, key=lambda d: d.first_start)


_COORDINATION = {"and", ",", ", and"}


def _all_facts(doc: Doc, mentions: list[NameMention]) -> dict[NameMention, MentionFacts]:
    """Titles, roles and evidence of each mention; a role phrase never crosses another name."""
    stop: set[int] = set()
    for m in mentions:
        stop.update(range(m.left_token, m.last_token + 1))
    facts: dict[NameMention, MentionFacts] = {}
    for m in mentions:
        facts[m] = mention_facts(doc, m, _OtherMentions(stop, m))
        m.hypothetical = hypothetical_title(doc, m)
        if m.hypothetical:  # "a President Clinton could": no office held, so no title or role
            facts[m].titles.clear()
            facts[m].roles.clear()
    # Coordinated appositives: "New Zealand's coach and captain, Ian Foster and Sam Cane"
    text = doc_text(doc)
    for a, b in zip(mentions, mentions[1:], strict=False):
        # the words between the two names: only spaces lie outside the tokens
        last = doc[a.last_token]
        between = text[last.idx + len(last) : doc[b.left_token].idx].strip()
        if between in _COORDINATION and facts[a].roles and not facts[b].roles:
            if a.left_token > 0 and doc[a.left_token - 1].text == ",":
                facts[b].roles.extend(facts[a].roles)
    return facts


@dataclass
class _People:
    """The people so far, indexed by surname and first name (the indexes keep the passes
    near-linear)."""

    facts: dict[NameMention, MentionFacts]
    drafts: list[PersonDraft] = field(default_factory=list)
    by_surname: dict[str, list[PersonDraft]] = field(default_factory=lambda: defaultdict(list))
    by_first: dict[str, list[PersonDraft]] = field(default_factory=lambda: defaultdict(list))

    def new(self, m: NameMention) -> PersonDraft:
        draft = PersonDraft(tokens=m.tokens)
        self.drafts.append(draft)
        self.by_surname[m.tokens[-1].lower()].append(draft)
        return draft

    def add_full_name(self, m: NameMention) -> None:
        g = _mention_gender(self.facts[m])
        same = self.by_surname[m.tokens[-1].lower()]
        match = next((d for d in same if _same_person(m.tokens, d.tokens) and _compatible(d, g)), None)
        if match is None:
            match = self.new(m)
        match.add(m, self.facts[m])

    def index_first_names(self) -> None:
        for d in self.drafts:
            if d.first:
                self.by_first[d.first.lower()].append(d)

    def add_single_name(self, m: NameMention) -> None:
        """A lone word joins a person with that surname, else that first name, whose gender agrees."""
        word = m.tokens[0].lower()
        g = _mention_gender(self.facts[m])
        pool = [d for d in self.by_surname[word] if _compatible(d, g)] or [
            d for d in self.by_first[word] if _compatible(d, g)]
        pool = _office_holders(pool, m)
        match = _pick(pool, m, g) if pool else self.new(m)
        match.add(m, self.facts[m])


def _office_holders(pool: list[PersonDraft], m: NameMention) -> list[PersonDraft]:
    """With an office title (``President Obama``): the namesakes the article gives that office;
    if none, the only namesake, unless the article names them in full only later or calls them
    someone's relative (``first lady``, ``wife``); else nobody (a new person, whom the corpus
    join can place by the title)."""
    office = None if m.hypothetical else office_word(m.honorific)
    if office is None or not pool:
        return pool
    holders = [d for d in pool if holds_office(office, d.titles, d.roles)]
    if holders:
        return holders
    if len(pool) == 1 and not before_first_naming(m.start, _first_full_naming(pool[0])) \
            and not is_relative(pool[0].roles):
        return pool
    return []


def _first_full_naming(d: PersonDraft) -> int:
    return min((x.start for x in d.mentions if len(x.tokens) > 1), default=-1)


def _add_ages(text: str, drafts: list[PersonDraft]) -> None:
    for d in drafts:
        for m in d.mentions:
            found = age_after(text, m.end) or age_before(text, m.full_start)
            if found:
                d.ages.append(found)


def cluster_people(
    doc: Doc, text: str, mentions: list[NameMention],
    before_single_names: Callable[[list[PersonDraft]], None] | None = None,
) -> list[PersonDraft]:
    """People of the article, each with its mentions, titles, roles, evidence and ages.

    ``before_single_names(drafts)`` runs once the full names are grouped, so that evidence found
    for them (pronouns) can help to place the lone surnames; what it adds to ``evidence`` and
    ``other_mentions`` is dropped again afterwards."""
    people = _People(_all_facts(doc, mentions))
    for m in sorted((m for m in mentions if len(m.tokens) > 1), key=lambda m: (-len(m.tokens), m.start)):
        people.add_full_name(m)
    people.index_first_names()
    if before_single_names is not None:
        before_single_names(people.drafts)
    for m in sorted((m for m in mentions if len(m.tokens) == 1), key=lambda m: m.start):
        people.add_single_name(m)
    drafts = people.drafts
    if before_single_names is not None:
        for d in drafts:
            d.evidence = [e for e in d.evidence if e.kind != "pronoun"]
            d.clear_others()
    _add_ages(text, drafts)
    drafts.sort(key=lambda d: min(m.start for m in d.mentions))
    return drafts
