"""Speaker resolution: turn each quote's speaker mention into a person or organisation.

- a name (full, surname, honorific form) -> that person; several names -> all of them;
- ``he``/``she`` -> ``pronouns.resolve_person_pronoun``; ``they``/``it`` -> the previous
  speaker when it was an organisation, else the latest organisation named;
- ``the 27-year-old`` -> the person with that age;
- ``a spokesperson for X`` / ``X spokesperson`` / ``a statement from X`` -> X;
- ``the minister``, ``the councillor`` -> the person whose titles or roles hold that word;
- ``the company``, ``the council``, ``police`` -> the organisation of that kind;
- anything else keeps its wording (``police``, ``government source``) with no id.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..lexicon import RELATIVE_PRONOUNS
from ..models import Quote, Span
from .clusters import PersonDraft
from .context import Context
from .lexicon import (
    GENERIC_ORG_NOUNS,
    OFFICE_TITLES,
    ORG_NOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_EXPANSIONS,
    ROLE_NOUNS,
    SPOKES_NOUNS,
    THING_PRONOUNS,
    norm,
)
from .organizations import EntityDraft
from .pronouns import add_pronoun, resolve_person_pronoun
from .sources import KEPT, speaker_kind

_ARTICLES = re.compile(r"^(?:the|a|an|one|another)\s+", re.I)
_AGE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b")
_SPOKES_FOR = re.compile(
    r"\b(?:spokes\w+|representatives?|statement|sources?|officials?)\s+(?:for|from|of|at|with)\s+(.+)$", re.I)
_PAST = {"former", "ex", "late", "previous", "predecessor", "outgoing"}

Speaker = PersonDraft | EntityDraft
_EXPANDED = {w for v in ROLE_EXPANSIONS.values() for w in v.split()}
# a speaker mention may end in the relative pronoun of its cue (``Mr Scott, who``)
_RELATIVE_TAIL = re.compile(r"[\s,\u2013\u2014-]*\b(?:who|which|that)$", re.I)


def speaker_core(span: Span) -> Span:
    """The mention without a trailing relative pronoun: ``Mr Scott, who`` -> ``Mr Scott``."""
    m = _RELATIVE_TAIL.search(span.text)
    if m is None or m.start() == 0:
        return span
    return Span(span.start, span.start + m.start(), span.text[:m.start()])


def _is_person_noun(word: str) -> bool:
    w = norm(word)
    return w not in SPOKES_NOUNS and w not in ORG_NOUNS and (w in ROLE_NOUNS or w in OFFICE_TITLES or w in _EXPANDED)


def _role_words(person: PersonDraft) -> set[str]:
    words = set()
    for phrase in person.titles + person.roles:
        for w in re.split(r"[\s,’']+", phrase):
            w = norm(w)
            if w:
                words.add(w)
                if w in ROLE_EXPANSIONS:
                    words.update(ROLE_EXPANSIONS[w].split())
    return words




class Resolver:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.role_words = {p: _role_words(p) for p in ctx.people}
        # indexes built once, so that each quote costs about the same whatever the article's length
        entities: list[Speaker] = [*ctx.people, *ctx.orgs]
        self.starts: dict[Speaker, list[int]] = {e: sorted(m.start for m in e.mentions) for e in entities}
        self.org_at: dict[int, EntityDraft] = {}
        for o in ctx.orgs:
            for s in o.mentions:
                sp = ctx.doc.char_span(s.start, s.end, alignment_mode="expand")
                for t in sp if sp is not None else []:
                    self.org_at.setdefault(t.i, o)
        self.org_order = {o: k for k, o in enumerate(ctx.orgs)}
        self.org_by_name: dict[str, EntityDraft] = {}  # names, aliases and first words
        for o in ctx.orgs:
            for n in sorted(o.names()) + [o.name.lower().split()[0]] if o.name else []:
                self.org_by_name.setdefault(n, o)
        self.previous_group: list[PersonDraft | EntityDraft] = []  # the last speaker naming several people

    # -- the pieces ------------------------------------------------------------------------
    def named(self, span: Span) -> list[PersonDraft]:
        doc = self.ctx.doc
        found: list[PersonDraft] = []
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is None:
            return found
        i = sp.start
        while i < sp.end:
            p = self.ctx.person_at.get(i)
            if p is None:
                i += 1
                continue
            j = i
            while j < sp.end and self.ctx.person_at.get(j) is p:
                j += 1
            if j < sp.end and (doc[j].text in {"'s", "’s", "'", "’"} or doc[j].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}):
                i = j  # "Mr Mwangi's lawyer", "Clinton spokesman Nick Merrill": not the named one
                continue
            if p not in found:
                found.append(p)
            i = j
        return found

    def apposed(self, span: Span) -> PersonDraft | None:
        """``The Minister for Housing, Darragh O'Brien, said``: the name set off right after."""
        doc = self.ctx.doc
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is None or sp.end + 1 >= len(doc) or doc[sp.end].text != ",":
            return None
        return self.ctx.person_at.get(sp.end + 1)

    def modified_person(self, span: Span) -> PersonDraft | None:
        """``LiUNA Local 3000`` cut from ``LiUNA Local 3000 representative Ann Waller``: a span
        followed, within the same noun phrase, by a role word and a name stands for that person."""
        doc = self.ctx.doc
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is None:
            return None
        role = False
        for tok in doc[sp.end : sp.end + 4]:
            if tok.i in self.ctx.person_at:
                return self.ctx.person_at[tok.i] if role else None
            if tok.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}:
                return None
            role = role or tok.lower_ in ROLE_NOUNS or norm(tok.text) in OFFICE_TITLES
        return None

    def last_mention_before(self, entity: Speaker, char: int) -> int:
        starts = self.starts[entity]
        k = bisect_left(starts, char)
        return starts[k - 1] if k else -1

    def org_in(self, span: Span) -> EntityDraft | None:
        sp = self.ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
        found = [self.org_at[t.i] for t in sp if t.i in self.org_at] if sp is not None else []
        if found:
            return min(found, key=self.org_order.__getitem__)  # the organisation listed first
        low = _ARTICLES.sub("", span.text.strip()).lower().rstrip("’'s ")
        return self.org_by_name.get(low) if low else None

    def by_role(self, words: list[str], char: int) -> PersonDraft | None:
        # the head: the last word before a preposition ("Minister for Housing" -> minister)
        cut = next((k for k, w in enumerate(words) if w.lower() in {"for", "of", "at", "in", "to", "with"}), len(words))
        words = words[:cut] or words
        head = norm(words[-1])
        if not (head in ROLE_NOUNS or head in OFFICE_TITLES or head in _EXPANDED):
            return None  # "police", "officials": not the role of one person
        scored = []
        for p in self.ctx.people:
            rw = self.role_words[p]
            if head not in rw:
                continue
            if any(w[:1].isupper() and norm(w) not in rw for w in words[:-1] if norm(w) not in {"the", "a", "an"}):
                continue  # "The Democratic presidential nominee" is not the Republican one
            score = sum(1 for w in words if norm(w) in rw)
            past = any(norm(w) in _PAST for phrase in p.roles for w in phrase.split()) and not any(
                norm(w) in _PAST for w in words
            )
            scored.append((score - (2 if past else 0), self.last_mention_before(p, char), p))
        if not scored:
            return None
        scored.sort(key=lambda x: (x[0], x[1]))
        return scored[-1][2]

    def by_org_noun(self, noun: str, char: int) -> EntityDraft | None:
        orgs = self.ctx.orgs
        named = [o for o in orgs if any(noun in n.split() for n in o.names())]
        if not named and noun in GENERIC_ORG_NOUNS:
            named = [o for o in orgs if self.last_mention_before(o, char) >= 0]
        if not named:
            return None
        return max(named, key=lambda o: self.last_mention_before(o, char))

    def by_age(self, age: int) -> PersonDraft | None:
        return next((p for p in self.ctx.people if any(a == age for a, _ in p.ages)), None)

    def antecedent(self, span: Span) -> Span | None:
        """``customers who say``: the noun phrase a bare relative pronoun speaker stands for."""
        sp = self.ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is None or sp[0].head.dep_ != "relcl":
            return None
        noun = sp[0].head.head
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.i > sp[0].i:
            return None
        first = noun.left_edge
        return Span(first.idx, noun.idx + len(noun.text), self.ctx.doc[first.i : noun.i + 1].text)

    # -- one speaker ---------------------------------------------------------------------------
    def resolve(self, span: Span, previous: Speaker | None) -> tuple[list[Speaker], str | None]:
        """The entities a speaker mention stands for, and the wording kept when there is none."""
        people = self.named(span)
        if people:
            return list(people), None
        words = span.text.strip()
        low = words.lower()
        if low in PRONOUN_GENDER:
            prev_person = previous if isinstance(previous, PersonDraft) else None
            p = resolve_person_pronoun(self.ctx, span.start, PRONOUN_GENDER[low], prev_person)
            if p is not None:
                add_pronoun(p, PRONOUN_GENDER[low], span)
                return [p], None
            return [], None
        if low in PLURAL_PRONOUNS or low in THING_PRONOUNS:
            if isinstance(previous, EntityDraft):
                return [previous], None
            if low in PLURAL_PRONOUNS and self.previous_group:
                return list(self.previous_group), None
            before = [o for s, o in self.ctx.org_timeline if s < span.start and not self.ctx.in_quote(s)]
            return ([before[-1]], None) if before else ([], None)
        bare = _ARTICLES.sub("", words)
        age = _AGE.search(low)
        if age:
            p = self.by_age(int(age.group(1)))
            if p is not None:
                return [p], None
        spokes = _SPOKES_FOR.search(bare)
        if spokes:
            rest = spokes.group(1)
            offset = span.start + words.find(rest) if rest in words else span.start
            inner = Span(offset, offset + len(rest), rest)
            found, _ = self.resolve(inner, None)
            if found:
                return found, None
            return [], _ARTICLES.sub("", rest)
        modified = self.apposed(span) or self.modified_person(span)
        if modified is not None:
            return [modified], None
        tokens = [t for t in re.split(r"\s+", bare) if t]
        if tokens and _is_person_noun(tokens[-1]):
            # "The Republican presidential nominee": a person, whatever organisation it names
            p = self.by_role(tokens, span.start)
            return ([p], None) if p is not None else ([], bare)
        org = self.org_in(span)
        if org is not None:
            return [org], None
        tokens = [t for t in re.split(r"\s+", bare) if t]
        if not tokens:
            return [], None
        head = norm(tokens[-1])
        if head in SPOKES_NOUNS and len(tokens) > 1:
            # "a Unison spokesperson": the words before the noun name the organisation
            prefix = " ".join(tokens[:-1])
            inner = Span(span.start + words.find(prefix), span.start + words.find(prefix) + len(prefix), prefix)
            found, _ = self.resolve(inner, None)
            if found:
                return found, None
            if prefix[:1].isupper():
                return [], prefix  # "a Unison spokesperson": Unison, as worded
        p = self.by_role(tokens, span.start)
        if p is not None:
            return [p], None
        if head in ORG_NOUNS:
            o = self.by_org_noun(head, span.start)
            if o is not None:
                return [o], None
        return [], bare


@dataclass(frozen=True)
class SpeakerChoice:
    """The entity a quote's speaker mention resolves to (``speaker_id`` null when none), and the
    name to report: the entity's, several joined with `` and ``, or the description as worded."""

    speaker_id: str | None = None
    speaker_name: str | None = None


def resolve_speakers(ctx: Context, quotes: list[Quote]) -> list[SpeakerChoice]:
    """The speaker of each quote, in the order of ``quotes``; counts quotes per entity."""
    resolver = Resolver(ctx)
    previous: Speaker | None = None
    choices = [SpeakerChoice() for _ in quotes]
    for k in sorted(range(len(quotes)), key=lambda k: quotes[k].start):
        q = quotes[k]
        if q.speaker is None:
            continue
        mention = speaker_core(q.speaker)
        if mention.text.strip().lower() in RELATIVE_PRONOUNS:
            mention = resolver.antecedent(mention) or mention
        found, wording = resolver.resolve(mention, previous)
        if found:
            choices[k] = SpeakerChoice(found[0].id, " and ".join(e.name for e in found))
            for e in found:
                e.quote_count += 1
            previous = found[0] if len(found) == 1 else previous
            resolver.previous_group = list(found) if len(found) > 1 else []
            if isinstance(found[0], PersonDraft) and len(found) == 1:
                _note_description(ctx, found[0], mention)
                _reported_subject_pronoun(ctx, q, found[0])
        else:
            choices[k] = SpeakerChoice(None, source_wording(wording))
    return choices


def source_wording(wording: str | None) -> str | None:
    """The description to report for an unresolved speaker: none unless it is a name or names a
    kind of source (not ``who``, ``I``, ``no information``, ``game``); see people/sources.py."""
    if not wording or speaker_kind(wording) not in KEPT:
        return None
    return wording


def _reported_subject_pronoun(ctx: Context, q: Quote, person: PersonDraft) -> None:
    """``X said he would ...``: a reported clause (not in quotation marks) that opens with a
    subject pronoun, after its speaker, speaks of the speaker."""
    if q.speaker is None or q.speaker.start > q.start or ctx.in_quote(q.start):
        return
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return
    for tok in span[:3]:
        if tok.lower_ in {"he", "she"} and tok.dep_ in {"nsubj", "nsubjpass"}:
            if person.text_gender() in (None, PRONOUN_GENDER[tok.lower_]):
                add_pronoun(person, PRONOUN_GENDER[tok.lower_], Span(tok.idx, tok.idx + len(tok.text), tok.text))
            return


def _note_description(ctx: Context, person: PersonDraft, span: Span) -> None:
    """A speaker description (``the judge``) resolved to a person is one of their mentions
    (unless it holds one of their names)."""
    sp = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is not None and any(ctx.person_at.get(t.i) is person for t in sp):
        return
    person.add_other(span)
