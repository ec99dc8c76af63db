"""People, organisations and places: clustering, roles, gender, ages, speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from ..models import Entity, Person, Quote, Warning
from ..settings import Options


@dataclass
class Entities:
    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def build_entities(doc: Doc, quotes: list[Quote], options: Options, published: date | None) -> Entities:
    """Cluster the entities of ``doc`` and resolve each quote's speaker to one of them.

    Sets ``speaker_id``/``speaker_name`` on the quotes and ``quote_count`` on the entities.
    """
    return Entities()
