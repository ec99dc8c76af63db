"""Whom each quote is about, whom it was said to and when: the stage after quotes and people.

``annotate_quotes`` fills ``Quote.about``, ``Quote.addressee`` and ``Quote.said_on`` from the
parsed document and the article's resolved entities; docs/format.md states the conventions.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from ..models import ArticleResult, Entity, Person, Target
from .attributes import not_targets
from .clause import QuoteClause
from .descriptions import charged_person
from .entities import EntityIndex
from .interview import interviewee_target
from .organisations import found_organisations
from .targets import addressed, find_about, find_addressee
from .when import find_said_on


def annotate_quotes(doc: Doc, result: ArticleResult, published: date | None) -> ArticleResult:
    """Set about, addressee and said_on on every quote of ``result`` (spans into ``result.text``)."""
    entities: list[Person | Entity] = [*result.people, *result.organizations, *result.places]
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    found = found_organisations(doc, result, taken)
    result.organizations.extend(found)
    index = EntityIndex.build(result)
    # the article's own words made these organisations: the model's type and their modifier use do not count
    index.found = frozenset(o.id for o in found)
    index.not_targets = not_targets(doc, result, index.mentions) - index.found
    index.descriptions = replace(index.descriptions, defendant=charged_person(doc, result))
    listener: dict[str | None, Target | None] = {}  # whom each speaker's latest quote was said to
    for i, quote in enumerate(result.quotes):
        clause = QuoteClause.of(doc, quote, result.text)
        quote.addressee = find_addressee(clause, index)
        about = _with(find_about(clause, index), interviewee_target(result, i))
        # ``"You will be remanded," he said`` after ``he asked the accused``: still said to the accused
        quote.about = _with(about, addressed(clause, quote.addressee or listener.get(quote.speaker_id)))
        if quote.speaker_id is not None:
            listener[quote.speaker_id] = quote.addressee
        quote.said_on = find_said_on(clause, result.dates, published, result.text)
    return result


def _with(targets: list[Target], extra: Target | None) -> list[Target]:
    """``targets`` with ``extra`` added in text order, unless its entity is there already."""
    if extra is None or any(t.entity_id == extra.entity_id for t in targets):
        return targets
    return sorted([*targets, extra], key=lambda t: t.span.start)


__all__ = ["annotate_quotes"]
