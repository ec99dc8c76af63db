"""Reported speech without quote marks: ``the council said two schools would close``."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Excluded, Quote
from ..settings import Options


def find_indirect(doc: Doc, excluded: Sequence[Excluded], taken: Sequence[tuple[int, int]],
                  options: Options) -> list[Quote]:
    """Indirect quotes whose content does not overlap ``taken`` (spans of quotes in marks)."""
    return []
