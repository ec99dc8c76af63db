"""Whom each quote is about, whom it was said to and when: the stage after quotes and people.

``annotate_quotes`` fills ``Quote.about``, ``Quote.addressee`` and ``Quote.said_on`` from the
parsed document and the article's resolved entities; docs/format.md states the conventions.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..models import ArticleResult
from .clause import QuoteClause
from .entities import EntityIndex
from .targets import find_about, find_addressee
from .when import find_said_on


def annotate_quotes(doc: Doc, result: ArticleResult, published: date | None) -> ArticleResult:
    """Set about, addressee and said_on on every quote of ``result`` (spans into ``result.text``)."""
    index = EntityIndex.build(result)
    for quote in result.quotes:
        clause = QuoteClause.of(doc, quote, result.text)
        quote.about = find_about(clause, index)
        quote.addressee = find_addressee(clause, index)
        quote.said_on = find_said_on(clause, result.dates, published, result.text)
    return result


__all__ = ["annotate_quotes"]
