"""What a speaker mention stands for: an ordered table of named rules, the first that decides
wins; a mention no rule decides keeps its wording (``police``, ``government source``).

- a name (full, surname, honorific form) -> that person; several names -> all of them;
- ``he``/``she`` -> ``pronouns.resolve_person_pronoun``; ``it`` after a sentence whose subject
  is a document (``An alleged statement ... admitted``) -> that document, as worded;
  ``they``/``it`` -> the previous
  speaker when it was an organisation, else the previous group speaker (several people, or a
  plural description such as ``The Craigs``), else the latest organisation named;
- ``the 27-year-old`` -> the person with that age;
- ``a spokesperson for X`` / ``X spokesperson`` / ``a statement from X`` -> X;
- ``the minister``, ``the councillor`` -> the person whose titles or roles hold that word;
- ``the company``, ``the council``, ``police`` -> the organisation of that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Span
from ..wordforms import AGE
from .clusters import PersonDraft
from .documents import document_subject_before
from .lexicon import (
    MEMBER_NOUNS,
    OFFICE_TITLES,
    ORG_NOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPOKES_NOUNS,
    THING_PRONOUNS,
    norm,
)
from .organizations import EntityDraft
from .pronouns import add_pronoun, resolve_person_pronoun
from .speaker_lookup import ARTICLES, EXPANDED, Speaker, SpeakerLookup

_SPOKES_FOR = re.compile(
    r"\b(?:spokes\w+|representatives?|statement|sources?|officials?)\s+(?:for|from|of|at|with)\s+(.+)$", re.I)

_MEMBERS_OF = re.compile(r"^(.*?\w)\s+(?:for|from|of|at|with|in)\s+\S", re.I)

# the entities found, and the wording kept when there is none
Found = tuple[list[Speaker], str | None]


@dataclass(frozen=True)
class _Mention:
    span: Span
    words: str  # the text without surrounding spaces
    low: str
    bare: str  # without a leading article
    tokens: tuple[str, ...]  # the words of ``bare``


def _read(span: Span) -> _Mention:
    words = span.text.strip()
    bare = ARTICLES.sub("", words)
    return _Mention(span, words, words.lower(), bare, tuple(t for t in re.split(r"\s+", bare) if t))


def _is_person_noun(word: str) -> bool:
    w = norm(word)
    return w not in SPOKES_NOUNS and w not in ORG_NOUNS and (w in ROLE_NOUNS or w in OFFICE_TITLES or w in EXPANDED)


def _one(entity: Speaker | None) -> Found | None:
    return ([entity], None) if entity is not None else None


# Singular nouns for a group of people that ``they`` can stand for.
_GROUP_NOUNS = frozenset({"couple", "pair", "family", "duo", "trio", "twins", "parents", "siblings"})


class Resolver(SpeakerLookup):
    # the last speaker that is a group: an organisation, or a description kept as worded that
    # names several people (``The Craigs``, ``the couple``, ``residents``); a later ``they``
    # stands for it rather than for an organisation only named since
    group_speaker: Found | None = None

    def note_group_wording(self, span: Span, found: list[Speaker], name: str | None) -> None:
        if found:
            if len(found) == 1 and isinstance(found[0], EntityDraft):
                self.group_speaker = (list(found), None)
            return
        if not name:
            return
        sp = self.ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is not None and (sp.root.tag_ in {"NNS", "NNPS"} or sp.root.lower_ in _GROUP_NOUNS):
            self.group_speaker = ([], name)

    def resolve(self, span: Span, previous: Speaker | None) -> Found:
        """The entities a speaker mention stands for, and the wording kept when there is none."""
        m = _read(span)
        for rule in RULES:
            found = rule(self, m, previous)
            if found is not None:
                return found
        return [], m.bare


Rule = Callable[[Resolver, _Mention, "Speaker | None"], "Found | None"]


def _role_with_name_after(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """``Google Nigeria's head of Start-up Success and Launchpad Africa, Fola Olatunji-David,``:
    a role phrase (it has lower-case words) followed by a name set off by commas is that
    person, whatever names the phrase itself holds."""
    if not any(t[:1].islower() for t in m.tokens):
        return None
    return _one(r.apposed(m.span))


def _named(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    people = r.named(m.span)
    return (list(people), None) if people else None


def _personal_pronoun(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    if m.low not in PRONOUN_GENDER:
        return None
    gender = PRONOUN_GENDER[m.low]
    prev_person = previous if isinstance(previous, PersonDraft) else None
    p = resolve_person_pronoun(r.ctx, m.span.start, gender, prev_person)
    if p is None:
        return [], None
    add_pronoun(p, gender, m.span)
    return [p], None


def _document_it(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """``An alleged statement ... admitted errors. It also apologized``: the document that
    was the subject just before, as worded."""
    if m.low != "it":
        return None
    document = document_subject_before(r.ctx, m.span.start)
    return ([], ARTICLES.sub("", document.text)) if document is not None else None


def _group_pronoun(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """``they``/``it``: the previous organisation speaker, the previous group, else the latest
    organisation named outside quotation marks."""
    if m.low not in PLURAL_PRONOUNS and m.low not in THING_PRONOUNS:
        return None
    if isinstance(previous, EntityDraft):
        return [previous], None
    if m.low in PLURAL_PRONOUNS and r.previous_group:
        return list(r.previous_group), None
    if m.low in PLURAL_PRONOUNS and r.group_speaker:
        return list(r.group_speaker[0]), r.group_speaker[1]  # "The Craigs said ... They said"
    before = [o for s, o in r.ctx.org_timeline if s < m.span.start and not r.ctx.in_quote(s)]
    return ([before[-1]], None) if before else ([], None)


def _age(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    age = AGE.search(m.low)
    return _one(r.by_age(int(age.group(1)))) if age else None


def _spokesperson_for(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """``a spokesperson for X``, ``a statement from X``: the spokesperson when the article
    names one, else X, as resolved or as worded."""
    spokes = _SPOKES_FOR.search(m.bare)
    if not spokes:
        return None
    noun = spokes.group(0).split()[0]
    if norm(noun) in SPOKES_NOUNS and norm(noun) in ROLE_NOUNS:
        holder = r.by_role([*m.bare[:spokes.start()].split(), noun], m.span.start)
        if holder is not None:
            return [holder], None
    rest = spokes.group(1)
    offset = m.span.start + m.words.find(rest) if rest in m.words else m.span.start
    found, _ = r.resolve(Span(offset, offset + len(rest), rest), None)
    return (found, None) if found else ([], ARTICLES.sub("", rest))


def _apposed_or_modified(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    return _one(r.apposed(m.span) or r.modified_person(m.span))


def _person_noun(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """"The Republican presidential nominee": a person, whatever organisation it names."""
    if not (m.tokens and _is_person_noun(m.tokens[-1])):
        return None
    return _one(r.by_role(m.tokens, m.span.start)) or ([], m.bare)


def _members_of(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """``employees from Chelsea's marketing department``: the members speak, as worded, not
    the organisation they belong to."""
    head = _MEMBERS_OF.match(m.bare)
    if head is None or norm(head.group(1).split()[-1]) not in MEMBER_NOUNS:
        return None
    return [], m.bare


def _organisation_named(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    return _one(r.org_in(m.span))


def _no_words(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    return None if m.tokens else ([], None)


def _spokesperson_of(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    """"a Unison spokesperson": the words before the noun name the organisation."""
    if norm(m.tokens[-1]) not in SPOKES_NOUNS or len(m.tokens) < 2:
        return None
    prefix = " ".join(m.tokens[:-1])
    start = m.span.start + m.words.find(prefix)
    found, _ = r.resolve(Span(start, start + len(prefix), prefix), None)
    if found:
        return found, None
    return ([], prefix) if prefix[:1].isupper() else None  # Unison, as worded


def _role(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    return _one(r.by_role(m.tokens, m.span.start))


def _organisation_noun(r: Resolver, m: _Mention, previous: Speaker | None) -> Found | None:
    head = norm(m.tokens[-1])
    return _one(r.by_org_noun(head, m.span.start)) if head in ORG_NOUNS else None


RULES: tuple[Rule, ...] = (
    _role_with_name_after,
    _named,
    _personal_pronoun,
    _document_it,
    _group_pronoun,
    _age,
    _spokesperson_for,
    _apposed_or_modified,
    _person_noun,
    _members_of,
    _organisation_named,
    _no_words,
    _spokesperson_of,
    _role,
    _organisation_noun,
)
