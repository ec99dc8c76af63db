"""Gender evidence as a typed record, passed between the people stages.

Each record says what the text states (``value``), what kind of word states it, the word, and
where (when the stage knows the span). ``label`` is the form the ``quotegraph/1`` output lists in
``gender.evidence`` (``honorific:Mrs``, ``title:Dame``, ``noun:brother``, ``pronoun:she``,
``name:Jane``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models import Span

EvidenceKind = Literal["honorific", "title", "noun", "pronoun", "name"]
# words the article uses about the person outweigh pronouns, which outweigh nothing
STRONG_KINDS: frozenset[str] = frozenset({"honorific", "title", "noun"})


@dataclass(frozen=True)
class GenderEvidence:
    value: str  # "female" or "male", as the lexicon tables give it
    kind: EvidenceKind
    word: str
    span: Span | None = None

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.word}"
