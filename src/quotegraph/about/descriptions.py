"""Descriptions that point at one of the article's entities: ``the ministry`` (a word of one
organisation's name), ``the Chancellor``, ``the PM`` (one person's title or role).

A description resolves only when exactly one entity fits it; the people stage ties most role
descriptions to their person already, so this catches those it left (inside quoted words, or
when several people were in play).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import KIN_NOUNS, ROLE_EXPANSIONS, SINGLE_OFFICES
from ..models import ArticleResult, Person
from ..people.lexicon import ORG_NOUNS, courtesy_word
from ..syntax import char_tokens, tokens_with, word_ids

_DETERMINERS = {"the", "this", "that"}
# words for the person a court case is against, and the verbs that make someone that person
DEFENDANT_WORDS = {"accused", "defendant", "suspect"}
CHARGING_VERBS = {"accuse", "charge", "arrest"}
# nouns of ORG_NOUNS that stand for places, families or statements rather than an organisation
NOT_AN_ORGANISATION = {"state", "city", "county", "family", "campaign", "spokesperson", "statement", "station"}
DESCRIBING_NOUNS = ORG_NOUNS - NOT_AN_ORGANISATION  # ``the water`` never stands for Irish Water
_NSUBJPASS = word_ids(["nsubjpass"])
_ROLE_END = re.compile(r"\s+(?:of|for|in|at|to|with|on)\s.*$")  # ``minister in-charge`` of ``... of the district``


@dataclass(frozen=True)
class Described:
    entity_id: str
    name: str


@dataclass(frozen=True)
class Descriptions:
    org_words: dict[str, list[Described]]  # a lower-case word of an organisation's name
    offices: list[tuple[str, Described]]  # a person's title or role, lower case
    # the person most named who has no office of their own: ``the PM`` when no one has the title
    untitled: Described | None = None
    # the one person the article says is accused or charged: ``the accused``, ``the defendant``
    defendant: Described | None = None

    @classmethod
    def build(cls, result: ArticleResult) -> Descriptions:
        words: dict[str, list[Described]] = {}
        for org in result.organizations:
            names = org.name.lower().split()
            if len(names) < 2:  # ``State``, ``Parliament``: the word is the name, the index has it
                continue
            for word in set(names) & DESCRIBING_NOUNS:
                words.setdefault(word, []).append(Described(org.id, org.name))
        offices = [(_ROLE_END.sub("", office.lower()), Described(p.id, p.name))
                   for p in result.people for office in p.titles + p.roles]
        return cls(words, offices, _most_named_untitled(result.people))

    def resolve(self, noun: Token) -> Described | None:
        """The one entity that ``the <noun>`` describes, if ``noun`` is a common noun with a
        definite determiner (or a possessive ``'s``) and exactly one entity fits."""
        if not _definite(noun):
            return None
        phrase = _office_phrase(noun)
        people = {d for office, d in self.offices if _names_office(office, phrase)}
        if people:
            return people.pop() if len(people) == 1 else None
        if phrase in SINGLE_OFFICES and not any(phrase in office for office, _ in self.offices):
            return self.untitled
        if phrase in DEFENDANT_WORDS:
            return self.defendant
        orgs = set(self.org_words.get(noun.lower_, ())) if noun.pos_ == "NOUN" else set()
        if len(orgs) > 1:  # ``the state government``: Kogi State Government, not Government House
            orgs = {o for o in orgs if phrase in o.name.lower()}
        return orgs.pop() if len(orgs) == 1 else None


def charged_person(doc: Doc, result: ArticleResult) -> Described | None:
    """The one person with a mention that is the subject of a passive ``accused``, ``charged`` or
    ``arrested`` (``He is accused of stabbing ...``)."""
    charged = set()
    passive = tokens_with(doc, "DEP", _NSUBJPASS)  # few per article: test a mention's tokens by index
    for person in result.people:
        for m in person.mentions:
            bounds = char_tokens(doc, m.start, m.end)
            if bounds is not None and any(_charged(doc[i]) for i in passive if bounds[0] <= i < bounds[1]):
                charged.add(Described(person.id, person.name))
    return charged.pop() if len(charged) == 1 else None


def _charged(token: Token) -> bool:
    return token.dep_ == "nsubjpass" and token.head.lemma_.lower() in CHARGING_VERBS


def _most_named_untitled(people: list[Person]) -> Described | None:
    """The person with no office or role (only honorifics such as ``Mr``) named most often, at
    least three times and more than any other such person."""
    untitled = sorted((p for p in people if not p.roles and all(courtesy_word(t) for t in p.titles)),
                      key=lambda p: -len(p.mentions))
    if not untitled or len(untitled[0].mentions) < 3:
        return None
    if len(untitled) > 1 and len(untitled[1].mentions) == len(untitled[0].mentions):
        return None
    return Described(untitled[0].id, untitled[0].name)



def _definite(noun: Token) -> bool:
    """``the <noun>``, or a kin noun with any possessor (``their mother``, ``the boy's father``)."""
    if noun.pos_ not in ("NOUN", "PROPN") and not nominal_participle(noun) or noun.ent_type_ in ("PERSON", "ORG"):
        return False
    if noun.lower_ in KIN_NOUNS and any(c.dep_ == "poss" for c in noun.children):
        return True
    head = noun
    while head.dep_ in ("compound", "conj") and head.head.i != head.i:  # ``the Prime Minister and Chancellor``
        head = head.head
    return any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in head.children)


def nominal_participle(token: Token) -> bool:
    """``the accused``: a participle the parser tagged a verb, used as a noun with ``the``."""
    return token.tag_ == "VBN" and any(c.dep_ == "det" for c in token.children)


def _office_phrase(noun: Token) -> str:
    """``prime minister`` for ``the Prime Minister`` and ``the PM``: compounds and the noun, with
    abbreviations spelled out."""
    words = [t.lower_.rstrip(".") for t in noun.lefts if t.dep_ == "compound"] + [noun.lower_.rstrip(".")]
    return " ".join(ROLE_EXPANSIONS.get(w, w) for w in words)


def _names_office(office: str, phrase: str) -> bool:
    """``chancellor`` names ``Chancellor``, ``magistrate`` names ``Tonga District Court's
    magistrate``: the office's last words before any ``of``/``for`` (``village`` does not name
    ``village trustee``, nor ``district`` ``minister of the district``)."""
    return office == phrase or office.endswith(" " + phrase)
