"""Where in a Doc the name finders' passes can fire: the tokens that hold one of a few words,
and the tokens that open a first-name pair. The passes then visit those tokens only, instead of
testing every token of the article in turn."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc

from ..offices import WORD_CACHE
from ..syntax import column, per_doc, token_texts, tokens_with, word_ids
from .gender import first_name_gender
from .name_tokens import extends_name_word, is_name_word
from .reads import space_after


def at_words(doc: Doc, words: Iterable[str]) -> list[int]:
    """The indices, in order, of the tokens whose text is one of ``words`` (read from the ORTH
    column: no string compared per token)."""
    return tokens_with(doc, "ORTH", word_ids(words))


@lru_cache(maxsize=WORD_CACHE)
def _may_open_pair(word: str) -> bool:
    """What a first-name pair asks of its first word alone."""
    return is_name_word(word) and extends_name_word(word) and first_name_gender(word) is not None


@per_doc
def first_name_pair_starts(doc: Doc) -> list[int]:
    """Tokens ``k`` where a known first name and a capitalised word the model left unlabelled
    (``Doris Day``) stand at ``k, k + 1``, with no name word after them: all that decides a pair
    but the other names found (shared: never change it)."""
    words, labelled = token_texts(doc), column(doc, "ENT_TYPE")
    return [k for k in range(len(words) - 1) if _may_open_pair(words[k]) and _opens_pair(doc, words, labelled, k)]


def _opens_pair(doc: Doc, words: list[str], labelled: list[int], k: int) -> bool:
    return (
        not labelled[k] and not labelled[k + 1] and extends_name_word(words[k + 1])
        and "\n" not in space_after(doc, k) and not (k + 2 < len(words) and is_name_word(words[k + 2]))
    )
