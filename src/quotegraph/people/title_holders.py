"""Which namesake an office title with a lone surname names: ``President Obama`` in an article
that also names Michelle Obama, ``Secretary Clinton`` next to Bill and Hillary Clinton.

A courtesy word (``Mr``, ``Mrs``) only states a gender; an office (``President``, ``Sen.``)
says who is meant when one of the namesakes is given that office by the article (``President
Barack Obama``, ``the former president, Bill Clinton``). When none is, the office alone cannot
tell a wife from her husband, so the mention is not given to a guess; nor when the only
namesake is said to be someone's relative (``Former first lady Laura Bush ... President Bush``).

A title the sentence gives only as a possibility (``a President Clinton could``, ``the would-be
President Smith``) or a role under a modal (``why Mrs. Clinton should be president``) is not an
office held: it makes no title, alias or role, and the mention is read as its bare surname.
A conditional (``if President Obama vetoes it``) and a modal after the name (``President Obama
would sign it``) are not taken as such: a sitting holder is written the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..offices import holds_office as holds_office
from ..offices import office_word as office_word
from .lexicon import FAMILY_ROLE_WORDS, HYPOTHETICAL_TITLE_WORDS, UNREAL_MODALS
from .name_mention import NameMention

_WORD = re.compile(r"[A-Za-z]+\.?")
_MODIFIER_DEPS = frozenset({"compound", "poss"})


def before_first_naming(start: int, first_full: int) -> bool:
    """A titled surname read before the person's first full name is someone else: news copy
    names a person in full first (``As President Obama faced criticism ... the first lady,
    Michelle Obama``)."""
    return 0 <= start < first_full


def is_relative(roles: Sequence[str]) -> bool:
    """A role makes the person someone's relative (``Former first lady``, ``his wife``)."""
    return any(word in FAMILY_ROLE_WORDS for role in roles for word in _role_words(role))


def _role_words(role: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(role)]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _word_before(doc: Doc, i: int) -> str:
    """The word ending right before token ``i``, hyphenated parts joined (``would-be``)."""
    k = i - 1
    while k > 0 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and k - 2 >= 0 \
            and not doc[k - 2].whitespace_:
        k -= 2
    return "".join(t.text for t in doc[k:i]).lower() if k >= 0 else ""


def hypothetical_title(doc: Doc, m: NameMention) -> bool:
    """The office title in front of ``m`` is a possibility: ``a President Clinton``, ``the
    would-be President Smith``, ``a future Prime Minister Jones``; not where the name modifies
    the noun the article belongs to (``a Sen. Warren aide``, ``a President Obama's speech``)."""
    if m.hon_token is None or office_word(m.honorific) is None or doc[m.last_token].dep_ in _MODIFIER_DEPS:
        return False
    return _word_before(doc, m.hon_token) in HYPOTHETICAL_TITLE_WORDS


def unreal_predicate(verb: Token) -> bool:
    """A copular verb under a modal: ``should be president`` states no role held."""
    return any(c.dep_ == "aux" and c.lower_ in UNREAL_MODALS for c in verb.children)
