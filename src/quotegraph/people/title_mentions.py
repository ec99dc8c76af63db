"""Names after an honorific or office title: ``Mrs Bointon``, ``Coun. Laura Dudas``,
``His Excellency, Alhaji X``, ``Dep. Chief Y``."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..offices import WORD_CACHE
from .lexicon import PHRASE_TITLES, ROLE_NOUNS, norm
from .name_mention import NameMention, make_mention
from .name_tokens import NOT_PERSON_LABELS, bad_name, is_title_text, is_title_word, name_run

# Office titles that are also ordinary words in names of places and things ("Coach House",
# "General Motors", "Major Oak").
_WORD_TITLES = {"coach", "general", "major", "marshal", "chief", "captain", "admiral", "prime", "vice",
                "assistant", "deputy", "officer", "agent", "dean", "warden", "speaker", "senior"}


def _is_role_title(tok_text: str, tok_lower: str) -> bool:
    return tok_text[:1].isupper() and tok_lower in ROLE_NOUNS


def _title_ahead(doc: Doc, j: int) -> bool:
    return j < len(doc) and (is_title_word(doc[j]) or _is_role_title(doc[j].text, doc[j].lower_))


def _phrase_title(doc: Doc, j: int) -> int:
    """Tokens a two-word title at ``j`` takes (``His Excellency``, with a comma after it); 0 if none."""
    if j + 1 < len(doc) and (doc[j].lower_, doc[j + 1].lower_) in PHRASE_TITLES and doc[j + 1].text[:1].isupper():
        return 3 if j + 2 < len(doc) and doc[j + 2].text == "," else 2
    return 0


def _word_title(doc: Doc, i: int, j: int) -> int:
    """Tokens a one-word title at ``j`` takes (with a split-off ``.``); 0 if none. A capitalised
    role word continues a chain an office title started: "Chief Executive Officer"."""
    tok = doc[j]
    if is_title_word(tok) or (j > i and _is_role_title(tok.text, tok.lower_) and _title_ahead(doc, j + 1)):
        return 2 if j + 1 < len(doc) and doc[j + 1].text == "." and doc[j + 1].whitespace_ else 1  # "Dep ."
    return 0


def title_chain(doc: Doc, i: int) -> int:
    """End of a chain of honorifics/titles starting at ``i`` (``Dep. Chief``, ``His Excellency,
    Alhaji``); ``i`` when the token opens none."""
    j = i
    while j < len(doc):
        if j > i and "\n" in doc[j - 1].whitespace_:
            break
        step = _phrase_title(doc, j) or _word_title(doc, i, j)
        if not step:
            break
        j += step
    return j


def _name_after_title(doc: Doc, i: int, j: int) -> int:
    """End of the name after the title chain ``i:j``; ``j`` when none."""
    end = name_run(doc, j)
    if (end < len(doc) and (is_title_word(doc[end]) or doc[end].lower_ in ROLE_NOUNS)
            and doc[end].text[:1].isupper()):
        return j  # "Chief Press Secretary": a longer title, not a name
    # "Coach House": one office word and one more word inside a place or organisation name
    inside_place = (
        end == j + 1 and doc[j].ent_iob_ == "I" and doc[j].ent_type_ in NOT_PERSON_LABELS
        and norm(doc[i].text) in _WORD_TITLES
    )
    return j if inside_place or bad_name(doc, j, end) else end


_PHRASE_STARTS = frozenset(first for first, _ in PHRASE_TITLES)


@lru_cache(maxsize=WORD_CACHE)
def _may_open_title(word: str) -> bool:
    """Whether ``title_chain`` can take a first step at a token with this text: its first step
    tests only this (``_phrase_title``'s first word, ``_word_title``'s title word), so the other
    tokens are passed over without making a Token (a token's ``lower_`` is its text lower-cased)."""
    return word[:1].isupper() and (word.lower() in _PHRASE_STARTS or is_title_text(word))


def honorific_mentions(doc: Doc, words: list[str]) -> list[NameMention]:
    found = []
    i = 0
    n = len(doc)
    while i < n:
        if not _may_open_title(words[i]):
            i += 1
            continue
        j = title_chain(doc, i)
        if j == i:
            i += 1
            continue
        end = _name_after_title(doc, i, j)
        if end > j:
            found.append(make_mention(doc, j, end, hon_i=i))
            i = end
        else:
            i = max(j, i + 1)
    return found
