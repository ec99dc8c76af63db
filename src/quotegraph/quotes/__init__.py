"""Quotation finding: spaCy ``Doc`` -> ``list[Quote]`` with cue and speaker mention."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Excluded, Quote


def find_quotes(doc: Doc, excluded: Sequence[Excluded]) -> list[Quote]:
    """Every quotation in ``doc`` in text order (speaker mention set, not yet resolved)."""
    return []
