"""Quotes in quote marks: direct quotes and mixed quotes (quoted fragments in reported clauses)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Excluded, Quote


def find_direct(doc: Doc, excluded: Sequence[Excluded]) -> list[Quote]:
    return []
