"""Which namesake an office title with a lone surname names: ``President Obama`` in an article
that also names Michelle Obama, ``Secretary Clinton`` next to Bill and Hillary Clinton.

A courtesy word (``Mr``, ``Mrs``) only states a gender; an office (``President``, ``Sen.``)
says who is meant when one of the namesakes is given that office by the article (``President
Barack Obama``, ``the former president, Bill Clinton``). When none is, the office alone cannot
tell a wife from her husband, so the mention is not given to a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import HONORIFICS, RANK_TITLES, ROLE_EXPANSIONS, norm

_WORD = re.compile(r"[A-Za-z]+\.?")


def office_word(honorific: str | None) -> str | None:
    """The office the honorific in front of a name holds (``Sen.`` -> senator), lower-case;
    None for no honorific or a courtesy or rank word only (``Mr``, ``Dr``, ``Queen``)."""
    if not honorific:
        return None
    word = norm(honorific.split()[-1])
    if word in HONORIFICS or word in RANK_TITLES:
        return None
    return ROLE_EXPANSIONS.get(word, word)


def holds_office(office: str, titles: Sequence[str], roles: Sequence[str]) -> bool:
    """The person's titles or roles give them the office (``Secretary``, ``former secretary of
    state``; not ``presidential candidate``)."""
    words = {ROLE_EXPANSIONS.get(norm(w), norm(w)) for text in [*titles, *roles] for w in _WORD.findall(text)}
    return office in words


def before_first_naming(start: int, first_full: int) -> bool:
    """A titled surname read before the person's first full name is someone else: news copy
    names a person in full first (``As President Obama faced criticism ... the first lady,
    Michelle Obama``)."""
    return 0 <= start < first_full
