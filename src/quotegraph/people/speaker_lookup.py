"""Look-ups a speaker mention is resolved with: the people named inside it or set off after it,
the organisation it names, the person holding a role, the organisation of a kind, an age.

Indexes are built once per article, so that each quote costs about the same whatever the
article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from ..models import Span
from ..syntax import char_tokens, token_texts
from .clusters import PersonDraft
from .context import Context
from .lexicon import GENERIC_ORG_NOUNS, OFFICE_TITLES, POST_NOMINALS, ROLE_EXPANSIONS, ROLE_NOUNS, norm
from .organizations import EntityDraft

ARTICLES = re.compile(r"^(?:the|a|an|one|another)\s+", re.I)
_PAST = {"former", "ex", "late", "previous", "predecessor", "outgoing"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_NAME_MODIFIED = {"NOUN", "PROPN", "ADJ", "NUM"}  # a name followed by one of these modifies it
_PREPOSITIONS = {"for", "of", "at", "in", "to", "with"}
_DETERMINERS = {"the", "a", "an"}
MODIFIER_REACH = 4  # tokens after a span in which a role word and a name may follow
PAST_ROLE_PENALTY = 2  # a former holder of the role scores lower than the present one

Speaker = PersonDraft | EntityDraft
EXPANDED = {w for v in ROLE_EXPANSIONS.values() for w in v.split()}


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


def _role_head(words: Sequence[str]) -> tuple[Sequence[str], str]:
    """The words up to the first preposition, and their head, the last of them ("Minister for
    Housing" -> minister)."""
    cut = next((k for k, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    words = words[:cut] or words
    return words, norm(words[-1])


def _org_index(ctx: Context) -> dict[str, EntityDraft]:
    """Organisations by name, alias and first word."""
    by_name: dict[str, EntityDraft] = {}
    for o in ctx.orgs:
        for n in sorted(o.names()) + [o.name.lower().split()[0]] if o.name else []:
            by_name.setdefault(n, o)
    return by_name


class SpeakerLookup:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.role_words = {p: _role_words(p) for p in ctx.people}
        entities: list[Speaker] = [*ctx.people, *ctx.orgs]
        self.starts: dict[Speaker, list[int]] = {e: sorted(m.start for m in e.mentions) for e in entities}
        self.org_at: dict[int, EntityDraft] = {}
        for o in ctx.orgs:
            for s in o.mentions:
                for i in range(*(char_tokens(ctx.doc, s.start, s.end) or (0, 0))):
                    self.org_at.setdefault(i, o)
        self.org_order = {o: k for k, o in enumerate(ctx.orgs)}
        self.org_by_name = _org_index(ctx)  # names, aliases and first words
        self.previous_group: list[PersonDraft | EntityDraft] = []  # the last speaker naming several people

    def named(self, span: Span) -> list[PersonDraft]:
        doc = self.ctx.doc
        found: list[PersonDraft] = []
        sp = char_tokens(doc, span.start, span.end)
        if sp is None:
            return found
        i, end = sp
        while i < end:
            p = self.ctx.person_at.get(i)
            if p is None:
                i += 1
                continue
            j = i
            while j < end and self.ctx.person_at.get(j) is p:
                j += 1
            if j < end and norm(doc[j].text) in POST_NOMINALS:
                j += 1  # "Judge Hopkins QC"
            if j < end and (doc[j].text in _POSSESSIVE or doc[j].pos_ in _NAME_MODIFIED):
                i = j  # "Mr Mwangi's lawyer", "Clinton spokesman Nick Merrill": not the named one
                continue
            if p not in found:
                found.append(p)
            i = j
        return found

    def apposed(self, span: Span) -> PersonDraft | None:
        """``The Minister for Housing, Darragh O'Brien, said``: the name set off right after."""
        doc = self.ctx.doc
        sp = char_tokens(doc, span.start, span.end)
        if sp is None or sp[1] + 1 >= len(doc) or token_texts(doc)[sp[1]] != ",":
            return None
        return self.ctx.person_at.get(sp[1] + 1)

    def modified_person(self, span: Span) -> PersonDraft | None:
        """``LiUNA Local 3000`` cut from ``LiUNA Local 3000 representative Ann Waller``: a span
        followed, within the same noun phrase, by a role word and a name stands for that person."""
        doc = self.ctx.doc
        sp = char_tokens(doc, span.start, span.end)
        if sp is None:
            return None
        last = doc[sp[1] - 1]
        role = last.lower_ in ROLE_NOUNS and last.pos_ == "NOUN"  # "The Craigs' lawyer" + "Wiremu Te Are"
        for tok in doc[sp[1] : sp[1] + MODIFIER_REACH]:
            if tok.i in self.ctx.person_at:
                return self.ctx.person_at[tok.i] if role else None
            if tok.pos_ not in _NAME_MODIFIED:
                return None
            role = role or tok.lower_ in ROLE_NOUNS or norm(tok.text) in OFFICE_TITLES
        return None

    def last_mention_before(self, entity: Speaker, char: int) -> int:
        starts = self.starts[entity]
        k = bisect_left(starts, char)
        return starts[k - 1] if k else -1

    def org_in(self, span: Span) -> EntityDraft | None:
        sp = char_tokens(self.ctx.doc, span.start, span.end)
        found = [self.org_at[i] for i in range(*sp) if i in self.org_at] if sp is not None else []
        if found:
            return min(found, key=self.org_order.__getitem__)  # the organisation listed first
        low = ARTICLES.sub("", span.text.strip()).lower().rstrip("’'s ")
        return self.org_by_name.get(low) if low else None

    def _role_score(self, p: PersonDraft, words: Sequence[str], head: str, char: int) -> tuple[int, int] | None:
        rw = self.role_words[p]
        if head not in rw:
            return None
        if any(w[:1].isupper() and norm(w) not in rw for w in words[:-1] if norm(w) not in _DETERMINERS):
            return None  # "The Democratic presidential nominee" is not the Republican one
        score = sum(1 for w in words if norm(w) in rw)
        past = any(norm(w) in _PAST for phrase in p.roles for w in phrase.split()) and not any(
            norm(w) in _PAST for w in words
        )
        return score - (PAST_ROLE_PENALTY if past else 0), self.last_mention_before(p, char)

    def by_role(self, words: Sequence[str], char: int) -> PersonDraft | None:
        words, head = _role_head(words)
        if not (head in ROLE_NOUNS or head in OFFICE_TITLES or head in EXPANDED):
            return None  # "police", "officials": not the role of one person
        scored = []
        for p in self.ctx.people:
            score = self._role_score(p, words, head, char)
            if score is not None:
                scored.append((*score, p))
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
