"""Where in a Doc the name finders' passes can fire, read once per Doc: the positions of each
word, and the tokens that open a first-name pair. The passes then visit those tokens only,
instead of testing every token of the article in turn."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.tokens import Doc

from ..syntax import column_array, per_doc, string_mask, token_texts
from .gender import first_name_gender
from .name_tokens import extends_name_word, is_name_word
from .reads import space_after


@per_doc
def word_positions(doc: Doc) -> dict[str, list[int]]:
    """Each token text's token indices, in order (shared: never change it)."""
    at: dict[str, list[int]] = {}
    for k, word in enumerate(token_texts(doc)):
        at.setdefault(word, []).append(k)
    return at


def at_words(doc: Doc, words: Iterable[str]) -> list[int]:
    """The indices, in order, of the tokens whose text is one of ``words``."""
    at = word_positions(doc)
    return sorted(k for w in words for k in at.get(w, ()))


@per_doc
def first_name_pair_starts(doc: Doc) -> list[int]:
    """Tokens ``k`` where a known first name and a capitalised word the model left unlabelled
    (``Doris Day``) stand at ``k, k + 1``, with no name word after them: what decides a pair
    but the other names found (shared: never change it)."""
    words, unlabelled = token_texts(doc), column_array(doc, "ENT_TYPE") == 0
    pairs = np.flatnonzero(string_mask(doc, "ORTH", is_name_word)[:-1] & unlabelled[:-1] & unlabelled[1:])
    return [k for k in pairs.tolist() if _opens_pair(doc, words, k)]


def _opens_pair(doc: Doc, words: list[str], k: int) -> bool:
    return (
        extends_name_word(words[k]) and extends_name_word(words[k + 1])
        and "\n" not in space_after(doc, k) and first_name_gender(words[k]) is not None
        and not (k + 2 < len(words) and is_name_word(words[k + 2]))
    )
