"""What an unresolved speaker mention is: a pronoun, a name, a kind of source, or not a source.

A quote's speaker is a resolved person or organisation, or a description that names a kind of
source (``police``, ``a government source``, ``analysts``, ``court documents``). Extraction keeps
the name of such a description and drops every other one (people/resolve.py); ``quotegraph
check`` counts what is stored against the same rule (store/check.py).

The description's head is its last word before a preposition (``a spokesperson for the
council`` -> spokesperson); it names a source when it is a role, organisation, spokes-, gendered or
source noun (lexicons), an agent plural (``demonstrators``, ``residents``) or an age
(``the 45-year-old``). A name (a capitalised head word, a handle)
is left to the entity rules. The words alone decide, so extraction and the check agree.
"""

from __future__ import annotations

import re

from ..lexicon import CLAIM_NOUNS, RELATIVE_PRONOUNS, SOURCE_NOUNS
from ..wordforms import AGE, singular
from .lexicon import (
    GENDERED_NOUNS,
    MEMBER_NOUNS,
    NON_SOURCE_WORDS,
    ORG_NOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPOKES_NOUNS,
    THING_PRONOUNS,
)

PRONOUN, NAME, SOURCE, NOT_A_SOURCE = "pronoun", "name", "source", "not a source"
# kinds a stored speaker name may have
KEPT = frozenset({NAME, SOURCE})

# a claim carries the words quoted in it (``allegations that "ghost workers" ...``)
# (members of an organisation speak as worded: ``staff at the hospital``)
_HEAD_NOUNS = CLAIM_NOUNS | SOURCE_NOUNS | ROLE_NOUNS | ORG_NOUNS | SPOKES_NOUNS | frozenset(GENDERED_NOUNS) \
    | MEMBER_NOUNS
_PRONOUNS = NON_SOURCE_WORDS | RELATIVE_PRONOUNS | set(PRONOUN_GENDER) | PLURAL_PRONOUNS | THING_PRONOUNS
_WORD = re.compile(r"[@\w'’-]+")
_PREPOSITIONS = frozenset({"of", "for", "from", "at", "with", "in", "on", "to", "who", "which", "that"})
_AGENT_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ents")  # demonstrators, residents
def head_word(words: list[str]) -> str:
    """The last word before the first preposition: ``officials at the ministry`` -> officials."""
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return words[cut - 1]


def speaker_kind(text: str) -> str:
    """The kind of an unresolved speaker mention: PRONOUN, NAME, SOURCE or NOT_A_SOURCE.

    Read from the words alone, so that extraction and ``check`` (on stored text) judge alike.
    """
    words = _WORD.findall(text)
    low = [w.lower() for w in words]
    if not words:
        return NOT_A_SOURCE
    if all(w in _PRONOUNS for w in low):
        return PRONOUN
    if low[0] in {"no", "not"}:
        return NOT_A_SOURCE
    head = head_word(words)
    if head[:1].isupper() or head.startswith("@"):  # a name, a handle
        return NAME
    head = head.lower()
    if head in _HEAD_NOUNS or singular(head) in _HEAD_NOUNS or head.endswith(_AGENT_PLURALS) or AGE.search(head):
        return SOURCE
    return NOT_A_SOURCE
