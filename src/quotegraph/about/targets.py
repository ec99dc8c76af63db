"""``about`` and ``addressee``: rules as data over the reporting clause, resolved to entities."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Token

from ..lexicon import SECOND_PERSON
from ..models import Span, Target
from ..people.lexicon import PHRASE_TITLES, ROLE_NOUNS
from ..syntax import (
    char_tokens,
    column,
    doc_text,
    head_indices,
    per_doc,
    token_bounds,
    token_lowers,
    tokens_with,
    word_ids,
)
from .attributes import names_an_office
from .clause import QuoteClause
from .descriptions import nominal_participle
from .entities import EntityIndex, IndexedMention

# Verbs of judgment or appeal whose object is what the quote is about.
JUDGMENT_VERBS = {
    "accuse", "praise", "criticise", "criticize", "blame", "condemn", "attack", "slam", "thank",
    "defend", "urge", "implore", "commend", "congratulate", "applaud", "hail", "lambast", "blast",
    "fault", "rebuke", "describe", "berate", "chastise", "castigate", "denounce", "welcome",
    "back", "support", "endorse", "mock", "insult", "sue", "challenge", "press", "instruct", "order",
}
# (verb, preposition) pairs whose object is what the quote is about.
ABOUT_PREPOSITIONS = {
    ("say", "of"), ("speak", "about"), ("speak", "of"), ("talk", "about"), ("refer", "to"),
    ("write", "about"), ("comment", "on"), ("call", "on"), ("call", "upon"), ("appeal", "to"),
    ("complain", "about"), ("speak", "on"), ("call", "for"), ("hit", "at"), ("lash", "at"),
}
# Verbs whose direct or dative object is the addressee.
TELLING_VERBS = {"tell", "inform", "assure", "remind", "brief", "warn", "ask", "advise", "address"}
# Heads (verbs or nouns) whose ``to``/``with`` object is the addressee.
ADDRESS_HEADS = {
    "say", "speak", "talk", "write", "explain", "reply", "respond", "letter", "interview", "statement",
    "message", "email", "remark", "comment", "address", "post", "note", "submission", "announce",
}
# Addressees that are no entity are kept as worded when they are the object of a telling verb
# (``told The Sam Laprade Show``) or an audience (``speaking to reporters``), not otherwise
# (``responded to the allegations``).
AUDIENCES = {
    "reporter", "journalist", "media", "press", "staff", "constituent", "supporter", "crowd", "audience",
    "mp", "councillor", "councilor", "student", "worker", "employee", "resident", "member", "lawmaker",
    "parliament", "court", "jury", "committee", "investor", "shareholder", "fan", "listener", "viewer",
    "reader", "delegate", "officer", "official", "family", "parent", "voter", "colleague", "guest",
}
_OBJECTS = {"dobj", "dative", "obj", "iobj"}
_POSS, = word_ids(["poss"])
_PREP = word_ids(["prep"])
_NOUNS = {"NOUN", "PROPN", "PRON"}


def find_about(clause: QuoteClause, index: EntityIndex) -> list[Target]:
    """Entities named in the quoted words, and objects of judgment/appeal verbs in its clause;
    never the speaker; each entity once, in text order."""
    found: dict[str, Target] = {}
    for part in clause.quote.parts or [Span(clause.quote.start, clause.quote.end, clause.quote.text)]:
        for m in index.within(part.start, part.end):
            place = clause.is_place(m.start, m.end) and m.entity_id not in index.found
            if not (place or clause.is_venue(m.start, m.end) or names_an_office(clause.doc, m.start, m.end)
                    or _owner_of_a_person(clause, m.start, m.end)):
                found.setdefault(m.entity_id, Target(m.entity_id, m.name, _span(clause, m.start, m.end), "quoted"))
    described = []  # descriptions resolved in the quoted words, which a later pronoun may take up
    for noun in _quoted_descriptions(clause, index):
        entity = _resolve(clause, noun, index)
        if entity is not None and not clause.is_venue(*_phrase(noun)):
            span = _span(clause, *_phrase(noun))
            described.append(replace(entity, start=span.start, end=span.end, gender=index.gender_of(entity.entity_id)))
            found.setdefault(entity.entity_id, Target(entity.entity_id, entity.name, span, "quoted"))
    for pronoun in _quoted_pronouns(clause):
        if _owner_of_a_person(clause, pronoun.idx, pronoun.idx + len(pronoun)):
            continue
        antecedent = _resolve(clause, pronoun, index, described)
        if antecedent is not None:
            span = _span(clause, pronoun.idx, pronoun.idx + len(pronoun))
            found.setdefault(antecedent.entity_id, Target(antecedent.entity_id, antecedent.name, span, "quoted"))
    for evidence, noun in _about_objects(clause):
        start, end = _phrase(noun)
        entity = _resolve(clause, noun, index)
        if entity is not None:
            target = Target(entity.entity_id, entity.name, _span(clause, start, end), evidence)
            found.setdefault(entity.entity_id, target)
    kept = (t for t in found.values() if not _is_speaker(clause, t) and t.entity_id not in index.not_targets)
    return sorted(kept, key=lambda t: t.span.start)


def _owner_of_a_person(clause: QuoteClause, start: int, end: int) -> bool:
    """``her elderly mother``, ``his predecessor``: the possessive stands for someone the words are
    not about, the person the noun names is (``his behaviour`` is about him); nor is the ``His``
    of ``His Excellency`` a pronoun."""
    doc = clause.doc
    bounds = char_tokens(doc, start, end)
    if bounds is None or bounds[1] - bounds[0] != 1 or column(doc, "DEP")[bounds[0]] != _POSS:
        return False
    word = doc[bounds[0]]
    if word.pos_ != "PRON":
        return False
    head = word.head
    return head.lemma_.lower() in ROLE_NOUNS or (word.lower_, head.lower_) in PHRASE_TITLES


def _is_speaker(clause: QuoteClause, target: Target) -> bool:
    """The speaker's own entity, or another entry of the same name (``Kolisi`` and ``Siya Kolisi``
    left apart by clustering)."""
    quote = clause.quote
    if target.entity_id == quote.speaker_id:
        return True
    speaker, name = (quote.speaker_name or "").lower().split(), target.name.lower().split()
    return bool(speaker and name) and speaker[-1] == name[-1]


def find_addressee(clause: QuoteClause, index: EntityIndex) -> Target | None:
    """``told the BBC``, ``told reporters``, ``in a letter to X``: the first such object outside
    the quoted words, resolved to an entity where it is one."""
    for evidence, noun in _addressee_objects(clause):
        start, end = _phrase(noun)
        if clause.quoted(start, end):
            continue
        m = _resolve(clause, noun, index)
        if m is not None and m.entity_id == clause.quote.speaker_id:
            continue
        span = _span(clause, start, end)
        if m is not None:
            return Target(m.entity_id, m.name, span, evidence)
        if noun.lemma_.lower() in AUDIENCES or (evidence in TELLING_VERBS and noun.pos_ in ("NOUN", "PROPN")):
            return Target(None, span.text, span, evidence)
    return None


def addressed(clause: QuoteClause, addressee: Target | None) -> Target | None:
    """``"I can see that you are not OK," he told Mahlobo``: in a direct quote said to one of the
    article's entities, ``you`` is that entity (the span is the first ``you``)."""
    if addressee is None or addressee.entity_id is None or clause.quote.type != "direct":
        return None
    span = clause.doc.char_span(clause.quote.start, clause.quote.end, alignment_mode="expand")
    you = next((t for t in span or [] if t.lower_ in SECOND_PERSON and t.pos_ == "PRON"), None)
    if you is None or addressee.entity_id == clause.quote.speaker_id:
        return None
    return Target(addressee.entity_id, addressee.name, _span(clause, you.idx, you.idx + len(you)), "quoted")


_OBJECT_PRONOUNS = {"him": "male", "her": "female", "he": "male", "she": "female", "his": "male"}


def _quoted_pronouns(clause: QuoteClause) -> list[Token]:
    """Third-person singular pronouns in a direct quote's words (``He was excellent``); in reported
    speech only the possessive (``worried by his behaviour``), resolved within its sentence."""
    doc, quote = clause.doc, clause.quote
    bounds = char_tokens(doc, quote.start, quote.end)
    if bounds is None:
        return []
    lowers, pos, dep = token_lowers(doc), column(doc, "POS"), column(doc, "DEP")
    direct = quote.type == "direct"
    return [doc[i] for i in range(*bounds)
            if lowers[i] in _OBJECT_PRONOUNS and pos[i] == PRON and (direct or dep[i] == _POSS)]


def _quoted_descriptions(clause: QuoteClause, index: EntityIndex) -> list[Token]:
    """Nouns in the quoted words that name no entity themselves but may describe one (``the
    ministry``, ``the Chancellor``)."""
    doc, quote = clause.doc, clause.quote
    pos, (starts, ends) = column(doc, "POS"), token_bounds(doc)
    found = []
    for part in quote.parts or [Span(quote.start, quote.end, quote.text)]:
        bounds = char_tokens(doc, part.start, part.end, contract=True)
        found += [doc[i] for i in range(*bounds) if pos[i] in (NOUN, PROPN) and not index.within(starts[i], ends[i])
                  ] if bounds is not None else []
    return found


def _resolve(clause: QuoteClause, noun: Token, index: EntityIndex,
             described: list[IndexedMention] | None = None) -> IndexedMention | None:
    """The entity a phrase names or describes (``the ministry``, ``officials of the Department``);
    for ``him``/``her``, the latest fitting person named in this sentence or (unless in reported
    speech's own words) the one before (``wrote to the prime minister telling him``), a person ``described`` in the
    quoted words counting as named (``if the Prime Minister broke any rules ... he's been``)."""
    gender = _OBJECT_PRONOUNS.get(noun.lower_)
    if gender is None:
        start, end = _phrase(noun)
        return index.resolve(start, end) or _described(noun, index, start, end) or _member_of(clause, noun, index)
    sent = noun.sent
    since = sent.start_char
    reported = clause.quote.type != "direct" and clause.quoted(noun.idx, noun.idx + len(noun))
    if sent.start > 0 and not reported:
        since = clause.doc[sent.start - 1].sent.start_char
    return index.antecedent(noun.idx, since, gender, clause.quote.speaker_id, described)


def _described(noun: Token, index: EntityIndex, start: int, end: int) -> IndexedMention | None:
    described = index.descriptions.resolve(noun)
    return IndexedMention(start, end, described.entity_id, described.name) if described else None


def _member_of(clause: QuoteClause, noun: Token, index: EntityIndex) -> IndexedMention | None:
    """``officials of the Department``, ``members of the council``: a group of people stands for
    the organisation they belong to; one member is a person, not the group (``a Member of
    Parliament``)."""
    if noun.lemma_.lower() not in AUDIENCES or noun.tag_ not in ("NNS", "NNPS"):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in _NOUNS:
                    return _resolve(clause, pobj, index)
    return _named_group(clause, noun, index)


def _named_group(clause: QuoteClause, noun: Token, index: EntityIndex) -> IndexedMention | None:
    """A bare ``officers`` stands for the one organisation the article names before that word
    (``Garda officers`` earlier); not when the noun has its own modifier (``police officers``),
    qualifies another (``workers' compensation``) or names what the speaker is."""
    lemma = noun.lemma_.lower()
    if noun.dep_ == "poss" or any(c.dep_ in ("compound", "poss", "amod") for c in noun.children):
        return None  # ``workers' compensation`` is about compensation
    speaker = clause.quote.speaker_id
    if any(d.entity_id == speaker and office.endswith(lemma) for office, d in index.descriptions.offices):
        return None  # a councillor's ``councillors`` are the speaker's own side
    owners = {m.entity_id: m for m in index.mentions if m.gender is None and _names_group(clause, m, lemma)}
    if len(owners) != 1:
        return None
    owner = next(iter(owners.values()))
    return IndexedMention(noun.idx, noun.idx + len(noun), owner.entity_id, owner.name)


def _names_group(clause: QuoteClause, mention: IndexedMention, lemma: str) -> bool:
    span = clause.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    last = span[-1] if span is not None and len(span) else None
    return last is not None and last.dep_ == "compound" and last.head.lemma_.lower() == lemma


def _about_objects(clause: QuoteClause) -> Iterator[tuple[str, Token]]:
    for verb in clause.verbs:
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if lemma in JUDGMENT_VERBS and child.dep_ in _OBJECTS:
                yield from ((lemma, n) for n in _conjuncts(child))
            particle = child.lower_ if child.dep_ in ("prep", "prt") else None
            if particle and (lemma, particle) in ABOUT_PREPOSITIONS:
                yield from ((f"{lemma} {particle}", n) for n in _prep_objects(child, verb))


def _addressee_objects(clause: QuoteClause) -> Iterator[tuple[str, Token]]:
    for verb in clause.verbs:
        lemma = verb.lemma_.lower()
        if lemma in TELLING_VERBS:
            for child in verb.children:
                if child.dep_ in _OBJECTS and (child.pos_ in _NOUNS or nominal_participle(child)):
                    yield lemma, child
        for token in _near_prepositions(verb):
            yield from ((f"{token.head.lemma_.lower()} {token.lower_}", n) for n in _prep_objects(token, verb))


def _near_prepositions(verb: Token) -> list[Token]:
    """The address prepositions of ``verb.subtree`` that belong to the verb itself or to a noun two
    steps below it, not to a clause further down (``said the letter to X`` inside the reported
    words is not an address); in subtree order."""
    doc, heads_of = verb.doc, head_indices(verb.doc)
    near = [i for i in _address_prepositions(doc) if verb.i in _three_up(heads_of, i)]
    if len(near) > 1:  # subtree order is text order unless the parse crosses itself
        order = {t.i: k for k, t in enumerate(verb.subtree)}
        near = sorted((i for i in near if i in order), key=order.__getitem__)
    return [doc[i] for i in near]


def _three_up(heads_of: list[int], i: int) -> tuple[int, int, int]:
    """The head of token ``i``, its head and the next."""
    head = heads_of[i]
    return head, heads_of[head], heads_of[heads_of[head]]


@per_doc
def _address_prepositions(doc: Doc) -> list[int]:
    """The tokens that are ``_address_preposition``s, read once per article."""
    return [i for i in tokens_with(doc, "DEP", _PREP) if _address_preposition(doc[i])]


def _address_preposition(token: Token) -> bool:
    """``to`` after a speech verb or noun (``wrote to``, ``letter to``); ``with`` only after a
    noun or a verb of conversation (``interview with``, ``spoke with``, not ``said with a laugh``)."""
    if token.dep_ != "prep" or token.head.lemma_.lower() not in ADDRESS_HEADS:
        return False
    if token.lower_ == "to":
        return True
    return token.lower_ == "with" and (token.head.pos_ == "NOUN" or token.head.lemma_.lower() in ("speak", "talk"))


def _prep_objects(prep: Token, verb: Token) -> Iterator[Token]:
    for child in prep.children:
        if child.dep_ == "pobj" and child.pos_ in _NOUNS:
            yield from _conjuncts(child)
    if prep.dep_ == "prt":  # ``called on X``: the object hangs off the verb
        for child in verb.children:
            if child.dep_ in _OBJECTS:
                yield from _conjuncts(child)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.pos_ in _NOUNS)]


def _phrase(noun: Token) -> tuple[int, int]:
    """The noun with its determiners, modifiers and compounds to the left (``the police chief``)."""
    made = _phrases(noun.doc)
    if noun.i not in made:  # each noun's phrase is asked by quote after quote
        made[noun.i] = _phrase_of(noun)
    return made[noun.i]


@per_doc
def _phrases(doc: Doc) -> dict[int, tuple[int, int]]:
    return {}


def _phrase_of(noun: Token) -> tuple[int, int]:
    left = noun
    for child in noun.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "case"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = noun
    for child in noun.rights:
        # ``the police chief, Mark Dunne``: the name resolves it; not the label of the next line
        if child.dep_ == "appos" and "\n" not in doc_text(noun.doc)[noun.idx : child.idx]:
            right = child
    return left.idx, right.idx + len(right)


def _span(clause: QuoteClause, start: int, end: int) -> Span:
    return Span(start, end, clause.text[start:end])
