"""Names after an honorific or office title: ``Mrs Bointon``, ``Coun. Laura Dudas``,
``His Excellency, Alhaji X``, ``Dep. Chief Y``."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..offices import WORD_CACHE
from ..syntax import token_texts
from .lexicon import PHRASE_TITLES, ROLE_NOUNS, norm
from .name_mention import NameMention, make_mention
from .name_tokens import NOT_PERSON_LABELS, bad_name, is_title_text, name_run
from .reads import space_after

# Office titles that are also ordinary words in names of places and things ("Coach House",
# "General Motors", "Major Oak").
_WORD_TITLES = {"coach", "general", "major", "marshal", "chief", "captain", "admiral", "prime", "vice",
                "assistant", "deputy", "officer", "agent", "dean", "warden", "speaker", "senior"}


def _is_role_title(tok_text: str, tok_lower: str) -> bool:
    return tok_text[:1].isupper() and tok_lower in ROLE_NOUNS


# The tests read the token texts (a token's ``lower_`` is its text lower-cased), not Tokens.
def _title_ahead(doc: Doc, j: int) -> bool:
    if j >= len(doc):
        return False
    word = token_texts(doc)[j]
    return is_title_text(word) or _is_role_title(word, word.lower())


def _phrase_title(doc: Doc, j: int) -> int:
    """Tokens a two-word title at ``j`` takes (``His Excellency``, with a comma after it); 0 if none."""
    words = token_texts(doc)
    if j + 1 < len(doc) and (words[j].lower(), words[j + 1].lower()) in PHRASE_TITLES and words[j + 1][:1].isupper():
        return 3 if j + 2 < len(doc) and words[j + 2] == "," else 2
    return 0


def _word_title(doc: Doc, i: int, j: int) -> int:
    """Tokens a one-word title at ``j`` takes (with a split-off ``.``); 0 if none. A capitalised
    role word continues a chain an office title started: "Chief Executive Officer"."""
    words = token_texts(doc)
    word = words[j]
    if is_title_text(word) or (j > i and _is_role_title(word, word.lower()) and _title_ahead(doc, j + 1)):
        return 2 if j + 1 < len(doc) and words[j + 1] == "." and space_after(doc, j + 1) else 1  # "Dep ."
    return 0


def title_chain(doc: Doc, i: int) -> int:
    """End of a chain of honorifics/titles starting at ``i`` (``Dep. Chief``, ``His Excellency,
    Alhaji``); ``i`` when the token opens none."""
    j = i
    while j < len(doc):
        if j > i and "\n" in space_after(doc, j - 1):
            break
        step = _phrase_title(doc, j) or _word_title(doc, i, j)
        if not step:
            break
        j += step
    return j


def _name_after_title(doc: Doc, i: int, j: int) -> int:
    """End of the name after the title chain ``i:j``; ``j`` when none."""
    end = name_run(doc, j)
    words = token_texts(doc)
    if (end < len(doc) and (is_title_text(words[end]) or words[end].lower() in ROLE_NOUNS)
            and words[end][:1].isupper()):
        return j  # "Chief Press Secretary": a longer title, not a name
    # "Coach House": one office word and one more word inside a place or organisation name
    inside_place = (
        end == j + 1 and doc[j].ent_iob_ == "I" and doc[j].ent_type_ in NOT_PERSON_LABELS
        and norm(words[i]) in _WORD_TITLES
    )
    return j if inside_place or bad_name(doc, j, end) else end


_PHRASE_STARTS = frozenset(first for first, _ in PHRASE_TITLES)


@lru_cache(maxsize=WORD_CACHE)
def _may_open_title(word: str) -> bool:
    """Whether ``title_chain`` can take a first step at a token with this text: its first step
    tests only this (``_phrase_title``'s first word, ``_word_title``'s title word), so the other
    tokens are passed over without making a Token (a token's ``lower_`` is its text lower-cased)."""
    return word[:1].isupper() and (word.lower() in _PHRASE_STARTS or is_title_text(word))


def honorific_mentions(doc: Doc) -> list[NameMention]:
    """Each title chain followed by a name; only the tokens that can open a chain are visited."""
    found = []
    i = 0  # the first token not yet passed
    words = token_texts(doc)
    for k in [k for k, word in enumerate(words) if _may_open_title(word)]:
        if k < i:
            continue  # inside the title or name found last
        j = title_chain(doc, k)
        if j == k:
            continue
        end = _name_after_title(doc, k, j)
        if end > j:
            found.append(make_mention(doc, j, end, hon_i=k))
            i = end
        else:
            i = max(j, k + 1)
    return found
