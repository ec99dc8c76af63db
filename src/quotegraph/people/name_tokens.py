"""Which tokens can be part of a person's name, and how far a name runs.

A name run is read left to right by an ordered table of step rules; the first rule that
accepts the next token says how many tokens it takes.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..offices import WORD_CACHE
from ..syntax import token_texts
from .lexicon import (
    NON_PERSON_WORDS,
    OFFICE_TITLES,
    POST_NOMINALS,
    ROLE_NOUNS,
    courtesy_word,
    norm,
)
from .reads import space_after

# lower-case words inside a name: "Pieter van der Merwe", "Maria dela Cruz", "Ahmad bin Ali"
PARTICLES = {"le", "de", "van", "von", "der", "den", "da", "di", "du", "bin", "binti", "bint", "ibn", "al", "la",
             "del", "dela", "della", "delos", "los", "las", "dos", "das", "ter", "ten", "het", "op", "zu", "y"}
_NOT_NAMES = {
    "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "the", "a", "an", "he", "she", "it", "we", "they",
    "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "but", "and",
    "or", "if", "when", "after", "before", "while", "as", "in", "on", "at", "of", "for", "by",
    "with", "from", "to", "mr", "mrs", "ms", "god", "covid", "covid-19",
} | POST_NOMINALS
# entity labels of things that are not people
NOT_PERSON_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
HYPHENS = {"-", "‐"}
NAME_RUN_LIMIT = 4  # tokens in one name run
PARTICLE_LIMIT = 3  # lower-case particles in a row ("van der")


def is_name_token(tok: Token) -> bool:
    return is_name_word(tok.text)


@lru_cache(maxsize=WORD_CACHE)
def is_name_word(text: str) -> bool:
    """``is_name_token`` on a token's text (loops that hold the words read no Token)."""
    if not text or not text[0].isupper() or norm(text) in _NOT_NAMES:
        return False
    if text.isupper() and len(text.replace(".", "")) > 2:  # acronyms: CON, NHS, COVID
        return False
    body = text.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return body.isalpha()


def is_title_word(tok: Token) -> bool:
    return is_title_text(tok.text)


@lru_cache(maxsize=WORD_CACHE)
def is_title_text(text: str) -> bool:
    return text[:1].isupper() and (courtesy_word(text) or norm(text) in OFFICE_TITLES)


def is_particle(tok: Token) -> bool:
    return is_particle_word(tok.text)


def is_particle_word(text: str) -> bool:
    """``is_particle`` on a token's text (a token's ``lower_`` is its text lower-cased)."""
    return text.lower() in PARTICLES and text.islower()


def particles_then_name(doc: Doc, j: int) -> bool:
    """Lower-case particles from ``j`` on (a few, on one line) lead to a name word."""
    words = token_texts(doc)
    k = j
    while k < len(doc) and k - j < PARTICLE_LIMIT and is_particle_word(words[k]):
        if "\n" in space_after(doc, k):
            return False
        k += 1
    return k > j and k < len(doc) and is_name_word(words[k])


def extends_name(tok: Token) -> bool:
    """Whether ``tok`` can be an earlier word of a name that ends further right."""
    return extends_name_word(tok.text)


@lru_cache(maxsize=WORD_CACHE)
def extends_name_word(text: str) -> bool:
    """``extends_name`` on a token's text (a token's ``lower_`` is its text lower-cased)."""
    return (
        is_name_word(text) and not is_title_text(text) and text.lower() not in ROLE_NOUNS
        and norm(text) not in NON_PERSON_WORDS
    )


def bad_name(doc: Doc, i: int, j: int) -> bool:
    """Tokens ``i:j`` hold, or are followed by, a capitalised word that names no person."""
    texts = token_texts(doc)
    words = [norm(texts[k]) for k in range(i, j)]
    if any(w in NON_PERSON_WORDS for w in words):
        return True
    return j < len(doc) and norm(texts[j]) in NON_PERSON_WORDS and texts[j][:1].isupper()


# -- steps of a name run: each returns how many tokens it takes at ``j`` (0: not this rule). They
# read the token texts (a token's ``lower_`` is its text lower-cased); a Token only for its entity.
def _plain_word(doc: Doc, i: int, j: int) -> int:
    word = token_texts(doc)[j]
    return int(is_name_word(word) and not is_title_text(word) and word.lower() not in ROLE_NOUNS)


def _title_surname_in_person(doc: Doc, i: int, j: int) -> int:
    """"Howard Dean", "John Major": a surname that is also a title, inside a PERSON entity."""
    words = token_texts(doc)
    return int(
        j > i and is_name_word(words[j]) and not (j + 1 < len(doc) and is_name_word(words[j + 1]))
        and doc[j - 1].ent_type_ == "PERSON" and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I"
    )


def _double_barrel(doc: Doc, i: int, j: int) -> int:
    """"Dlamini-Makamo" comes as three tokens."""
    words = token_texts(doc)
    joined = (
        words[j] in HYPHENS and j > i and not space_after(doc, j - 1) and not space_after(doc, j)
        and j + 1 < len(doc) and is_name_word(words[j + 1])
    )
    return 2 if joined else 0


def _particle_word(doc: Doc, i: int, j: int) -> int:
    return int(token_texts(doc)[j].lower() in PARTICLES and j > i and particles_then_name(doc, j))


_RUN_STEPS = (_plain_word, _title_surname_in_person, _double_barrel, _particle_word)


def _run_step(doc: Doc, i: int, j: int) -> int:
    for rule in _RUN_STEPS:
        step = rule(doc, i, j)
        if step:
            return step
    return 0


def name_run(doc: Doc, i: int, limit: int = NAME_RUN_LIMIT) -> int:
    """End (exclusive) of the run of name tokens starting at ``i``; ``i`` when none."""
    j = i
    while j < len(doc) and j - i < limit:
        if j > i and "\n" in space_after(doc, j - 1):
            break  # a name never runs across a line break
        step = _run_step(doc, i, j)
        if not step:
            break
        j += step
    words = token_texts(doc)
    while j > i and words[j - 1].lower() in PARTICLES:
        j -= 1
    return j
