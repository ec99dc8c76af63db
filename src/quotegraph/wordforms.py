"""Word forms that several stages read the same way: a plural noun's singular, and an age
phrase (``the 45-year-old``)."""

from __future__ import annotations

import re

# ``45-year-old``, ``45 year old``: the number is group 1. Built into the people stage's age
# patterns and its source-noun test, so that an age reads the same everywhere.
AGE_WORDS = r"(\d{1,3})[- ]year[- ]old"
AGE = re.compile(rf"\b{AGE_WORDS}\b")

_KEEP_S = ("ss", "us", "sis")  # business, census, analysis: not plurals (but rabbis, taxis are)


def singular(word: str) -> str:
    """The singular of an English plural noun, by its ending: ``agencies`` -> agency,
    ``spokesmen`` -> spokesman, ``Republicans`` -> Republican; other words unchanged."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word
