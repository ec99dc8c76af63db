"""People, organisations and places: clustering, roles, gender, ages, speaker resolution.

Order matters: name mentions -> people (full names first, then pronoun hints for them, then lone
surnames; with titles, roles, honorific/noun evidence, ages) -> organisations and places -> role
descriptions (``the judge``) -> pronoun evidence -> speaker resolution (which adds pronoun
speakers) -> gender decided from all evidence -> warnings. See docs/people.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from ..models import Entities, Entity, Person, Quote, Span
from ..settings import Options
from ..syntax import doc_text
from .ages import age_descriptions
from .clusters import PersonDraft, cluster_people
from .consistency import consistency_warnings
from .context import Context, Frame
from .descriptions import find_descriptions
from .gender import decide
from .known_as import merge_known_as
from .mentions import find_name_mentions
from .organizations import EntityDraft, find_organisations_and_places
from .pronouns import collect_pronoun_evidence
from .resolve import resolve_speakers, speaker_core


def _number(items: Sequence[PersonDraft | EntityDraft], prefix: str) -> None:
    for n, item in enumerate(items, 1):
        item.id = f"{prefix}{n}"


def build_entities(doc: Doc, quotes: list[Quote], options: Options, published: date | None) -> Entities:
    """Cluster the entities of ``doc`` and resolve each quote's speaker to one of them.

    Sets ``speaker_id``/``speaker_name`` on the quotes and ``quote_count`` on the entities.
    """
    text = doc_text(doc)
    mentions = find_name_mentions(doc, [speaker_core(q.speaker) for q in quotes if q.speaker is not None])

    frame = Frame.of(doc, text, quotes)  # the same for both tables: the quotes do not move

    def full_name_pronouns(drafts: list[PersonDraft]) -> None:
        collect_pronoun_evidence(Context.build(frame, text, drafts, []))

    people = merge_known_as(doc, cluster_people(doc, text, mentions, full_name_pronouns))
    person_tokens = {i for m in mentions for i in range(m.left_token, m.last_token + 1)}
    orgs, places = find_organisations_and_places(doc, text, person_tokens)
    _number(people, "p")
    _number(orgs, "o")
    _number(places, "g")
    find_descriptions(doc, text, people)
    ctx = Context.build(frame, text, people, orgs)
    _attach_age_descriptions(ctx)
    collect_pronoun_evidence(ctx)
    for q, choice in zip(quotes, resolve_speakers(ctx, quotes), strict=True):
        q.speaker_id, q.speaker_name = choice.speaker_id, choice.speaker_name
    return Entities(
        people=[_person(p, options) for p in people],
        organizations=[_entity(o) for o in orgs],
        places=[_entity(g) for g in places],
        warnings=consistency_warnings(people),
    )


def _attach_age_descriptions(ctx: Context) -> None:
    """``the 45-year-old`` on its own refers to the latest person named before it (outside
    quotation marks) whose age is unknown or the same."""
    taken = {s.start for p in ctx.people for _, s in p.ages}
    for age, span in age_descriptions(ctx.text):
        if any(span.start <= t < span.end for t in taken):
            continue
        holder = next((p for p in ctx.people if any(a == age for a, _ in p.ages)), None)
        if holder is not None:
            holder.add_other(span)
            continue
        person = next(ctx.named_before(span.start), None)
        if person is not None and all(a == age for a, _ in person.ages):
            person.ages.append((age, span))
            person.add_other(span)


def _person(p: PersonDraft, options: Options) -> Person:
    mentions = [Span(m.start, m.end, m.text) for m in p.mentions]
    named = {m.start for m in mentions}
    mentions += [s for s in p.other_mentions if s.start not in named]
    mentions.sort(key=lambda s: s.start)
    ages = [a for a, _ in sorted(p.ages, key=lambda x: x[1].start)]
    return Person(
        id=p.id,
        name=p.name,
        aliases=p.aliases(),
        mentions=mentions,
        titles=list(p.titles),
        roles=list(p.roles),
        gender=decide(p.evidence, p.first, options.name_gender),
        age=ages[0] if ages else None,
        quote_count=p.quote_count,
    )


def _entity(e: EntityDraft) -> Entity:
    return Entity(id=e.id, name=e.name, aliases=list(e.aliases), mentions=sorted(e.mentions, key=lambda s: s.start),
                  quote_count=e.quote_count)
