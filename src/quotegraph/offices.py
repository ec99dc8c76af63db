"""Titles in front of a name as words: a courtesy or rank word states no office; an office
title (``Sen.``, ``President``) names one, which a person's titles or roles may give them.

Kept free of spaCy so that the corpus grouping (store/office_aliases.py) reads titles the same
way as the people stage (people/title_holders.py) without loading the parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .lexicon import HONORIFICS, RANK_TITLES, ROLE_EXPANSIONS

_WORD = re.compile(r"[A-Za-z]+\.?")
# Distinct words whose answers the word tests below (and those of people/name_tokens.py) keep:
# the people stage asks about every token, most of them the same few hundred words.
WORD_CACHE = 16384


@lru_cache(maxsize=WORD_CACHE)
def norm(word: str) -> str:
    """Lower-case, drop one final full stop: the form every title table is keyed by."""
    word = word.lower()
    return word[:-1] if word.endswith(".") and len(word) > 1 else word


@lru_cache(maxsize=WORD_CACHE)
def courtesy_word(word: str) -> bool:
    """A courtesy or rank word (``Mr``, ``Mrs.``, ``Sir``, ``Queen``): it states no office."""
    n = norm(word)
    return n in HONORIFICS or n in RANK_TITLES


def office_word(honorific: str | None) -> str | None:
    """The office the honorific in front of a name holds (``Sen.`` -> senator), lower-case;
    None for no honorific or a courtesy or rank word only (``Mr``, ``Dr``, ``Queen``)."""
    if not honorific:
        return None
    word = norm(honorific.split()[-1])
    if courtesy_word(word):
        return None
    return ROLE_EXPANSIONS.get(word, word)


def holds_office(office: str, titles: Sequence[str], roles: Sequence[str]) -> bool:
    """The person's titles or roles give them the office (``Secretary``, ``former secretary of
    state``; not ``presidential candidate``)."""
    words = {ROLE_EXPANSIONS.get(norm(w), norm(w)) for text in [*titles, *roles] for w in _WORD.findall(text)}
    return office in words
