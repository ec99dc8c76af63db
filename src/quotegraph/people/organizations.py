"""Organisations and places from the model's entities, grouped by name with their aliases.

Aliases come from acronyms introduced in brackets (``South Tees Hospitals NHS Trust (STHT)``),
acronyms that spell a longer name's initials (``NHS``), and clipped forms of a longer name's
first word (``the Fed`` for ``the Federal Reserve``). Words that name a person (a surname the
model labelled GPE or ORG) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import Span
from ..syntax import column, entities, token_bounds, token_texts, tokens_with, word_ids
from .entity_mentions import org_prefixes
from .lexicon import OFFICE_TITLES, ORG_SUFFIXES, PARTY_WORDS, ROLE_NOUNS, norm
from .reads import tokens_text

_ORG_LABELS = {"ORG"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_BRACKET_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&\-]{1,11})\)")
_SMALL_WORDS = {"of", "and", "the", "for", "&", "in", "on", "at", "de", "du"}
_POSSESSIVE = ("'s", "’s")
_SUFFIX_IDS = word_ids(ORG_SUFFIXES)
_VERB_AUX_PUNCT = word_ids(("VERB", "AUX", "PUNCT"))


@dataclass(eq=False)  # compared and hashed by identity, like PersonDraft
class EntityDraft:
    kind: str  # "org" or "place"
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    quote_count: int = 0
    id: str = ""

    def names(self) -> set[str]:
        return {self.name.lower(), *(a.lower() for a in self.aliases)}


def _suffix_names(doc: Doc, person_tokens: set[int]) -> list:
    """Capitalised runs ending in an organisation word that the model left unlabelled:
    ``Brewer Thornbury Ales`` -> ``Thornbury Ales``."""
    found = []
    for k in tokens_with(doc, "LOWER", _SUFFIX_IDS):
        tok = doc[k]
        if tok.ent_type_ or k in person_tokens or not tok.text[:1].isupper():
            continue
        i = k
        while i - 1 >= 0 and not doc[i - 1].ent_type_ and (i - 1) not in person_tokens \
                and doc[i - 1].text[:1].isupper() \
                and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].is_sent_start:
            i -= 1
        if i < k:
            found.append(_Labelled(doc[i : k + 1]))
    return found


class _Labelled:
    """A span standing in for an ORG entity the model did not mark."""

    label_ = "ORG"

    def __init__(self, span):
        self.start, self.end, self.text = span.start, span.end, span.text

    def __len__(self) -> int:
        return self.end - self.start


def _extend_left(doc: Doc, start: int) -> int:
    """``British`` + ``Pub Association``: capitalised words and inner ``and``/``of`` in front of an
    organisation name belong to it."""
    i = start
    while i - 1 >= 0:
        prev = doc[i - 1]
        if prev.ent_type_ in {"GPE", "LOC", "FAC", "PERSON", "DATE", "TIME", "CARDINAL"} or (
            prev.lower_ in ROLE_NOUNS or norm(prev.text) in OFFICE_TITLES
        ):
            break  # "in London Maple Leaf Foods": the place is not part of the name
        if (prev.text[:1].isupper() and prev.lower_ != "the" and not prev.is_sent_start
                and prev.pos_ in {"PROPN", "ADJ"}):
            i -= 1
        elif (prev.lower_ in {"and", "&", "of"} and i - 2 >= 0 and doc[i - 2].text[:1].isupper()
              and doc[i - 2].lower_ != "the"):
            i -= 1
        else:
            break
    return i if i < start and doc[i].text[:1].isupper() else start


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    # read from the token columns (no Token made); a token's whitespace_ is one space or none,
    # so only a space token marks a line break or a blanked-out leftover. (A token's ``lower_``
    # is its text lower-cased: lower-casing the one word tested is cheaper than the column.)
    words = token_texts(doc)
    space, punct = column(doc, "IS_SPACE"), column(doc, "IS_PUNCT")
    for k in range(start, end):
        if words[k] in {"(", ":"}:
            # "The Bureau of Meteorology (BoM": the acronym is read separately; "Kofi-Blay: Music",
            # an interview label and the turn after it
            end = k
            break
    while start < end and (words[start].lower() in {"the", "a", "an"} or space[start]):
        start += 1
    # "McDonald's said": a possessive followed by a verb belongs to the name
    keep_possessive = end >= len(doc) or column(doc, "POS")[end] in _VERB_AUX_PUNCT
    while end > start and ((words[end - 1] in _POSSESSIVE and not keep_possessive) or punct[end - 1] or space[end - 1]):
        end -= 1
    while start < end and space[start]:
        start += 1
    if any(space[start:max(start, end - 1)]):
        return start, start  # runs across a line break or a blanked-out leftover
    return start, end


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL_WORDS and w[:1].isalpha()).upper()


def find_organisations_and_places(doc: Doc, text: str,
                                  person_tokens: set[int]) -> tuple[list[EntityDraft], list[EntityDraft]]:
    orgs: dict[str, EntityDraft] = {}
    places: dict[str, EntityDraft] = {}
    alias_of: dict[str, EntityDraft] = {}
    order: list[EntityDraft] = []
    prefixes = org_prefixes(doc)
    words, (starts, ends) = token_texts(doc), token_bounds(doc)
    for ent in list(entities(doc)) + _suffix_names(doc, person_tokens):
        label, ent_text = ent.label_, tokens_text(doc, ent.start, ent.end)
        if label == "NORP" and ent_text.lower() in PARTY_WORDS:
            label = "ORG"
        if label == "PERSON" and len(ent) > 1 and ent_text in prefixes:
            label = "ORG"  # a short form of an organisation's name the model took for a person
        if label not in _ORG_LABELS and label not in _PLACE_LABELS:
            continue
        start, end = _clean(doc, ent.start, ent.end)
        if label == "ORG" and start == ent.start:
            start = _extend_left(doc, start)
        if end <= start or any(i in person_tokens for i in range(start, end)):
            continue
        if not words[start][:1].isupper() and not words[start][:1].isdigit():
            continue
        name = tokens_text(doc, start, end)
        span = Span(starts[start], ends[end - 1], name)
        kind = "org" if label in _ORG_LABELS else "place"
        table = orgs if kind == "org" else places
        key = name.lower()
        draft = alias_of.get(key) or table.get(key)
        if draft is None:
            draft = EntityDraft(kind, name)
            table[key] = draft
            order.append(draft)
        draft.mentions.append(span)
        acronym = _BRACKET_ACRONYM.match(text, span.end)
        if acronym and kind == "org":
            short = acronym.group(1)
            if short not in draft.aliases and short.lower() != key:
                draft.aliases.append(short)
            alias_of[short.lower()] = draft
            s, e = acronym.start(1), acronym.end(1)
            draft.mentions.append(Span(s, e, text[s:e]))
    _merge_short_forms([d for d in order if d.kind == "org"], orgs)
    result_orgs = [d for d in order if d.kind == "org" and orgs.get(d.name.lower()) is d]
    result_places = [d for d in order if d.kind == "place" and places.get(d.name.lower()) is d]
    return result_orgs, result_places


def _merge_short_forms(drafts: list[EntityDraft], table: dict[str, EntityDraft]) -> None:
    """Fold acronyms and clipped names into the longer name they stand for."""
    longs = [d for d in drafts if len(d.name.split()) > 1]
    for d in drafts:
        if table.get(d.name.lower()) is not d:
            continue
        word = d.name
        words = word.split()
        targets = []
        if len(words) > 1:
            # "Maple Leaf" for "Maple Leaf Foods": the longer name starting with the same words
            targets = [x for x in longs if len(x.name.split()) > len(words) and x.name.split()[: len(words)] == words]
        elif word.isupper() and len(word) >= 2:
            targets = [x for x in longs if _initials(x.name) == word]
        elif len(word) >= 3:
            targets = [
                x for x in longs
                if x.name.split()[0].startswith(word) and x.name.split()[0] != word
                or x.name.split()[0] == word and len(x.name.split()) == 2 and x.name.split()[1][:1].isupper()
                and x.name.split()[1].lower() in {"inc", "ltd", "plc", "group", "corp", "co", "limited"}
            ]
        if len(targets) == 1:
            target = targets[0]
            if word not in target.aliases:
                target.aliases.append(word)
            target.mentions.extend(d.mentions)
            target.mentions.sort(key=lambda s: s.start)
            table[d.name.lower()] = target
