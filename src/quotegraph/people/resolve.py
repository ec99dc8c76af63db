"""Speaker resolution: turn each quote's speaker mention into a person or organisation.

The rules that decide what one mention stands for are in ``speaker_rules``; this module walks
the quotes in text order, keeps the previous speaker for pronouns, and records what a resolved
mention tells about the person (a description, a reported subject pronoun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import RELATIVE_PRONOUNS
from ..models import Quote, Span
from ..syntax import char_tokens
from .clusters import PersonDraft
from .context import Context
from .lexicon import PRONOUN_GENDER
from .pronouns import add_pronoun
from .sources import KEPT, speaker_kind
from .speaker_lookup import Speaker
from .speaker_rules import Resolver

# a speaker mention may end in the relative pronoun of its cue (``Mr Scott, who``)
_RELATIVE_TAIL = re.compile(r"[\s,\u2013\u2014-]*\b(?:who|which|that)$", re.I)


def speaker_core(span: Span) -> Span:
    """The mention without a trailing relative pronoun: ``Mr Scott, who`` -> ``Mr Scott``."""
    m = _RELATIVE_TAIL.search(span.text)
    if m is None or m.start() == 0:
        return span
    return Span(span.start, span.start + m.start(), span.text[:m.start()])


@dataclass(frozen=True)
class SpeakerChoice:
    """The entity a quote's speaker mention resolves to (``speaker_id`` null when none), and the
    name to report: the entity's, several joined with `` and ``, or the description as worded."""

    speaker_id: str | None = None
    speaker_name: str | None = None


def resolve_speakers(ctx: Context, quotes: list[Quote]) -> list[SpeakerChoice]:
    """The speaker of each quote, in the order of ``quotes``; counts quotes per entity."""
    resolver = Resolver(ctx)
    previous: Speaker | None = None
    choices = [SpeakerChoice() for _ in quotes]
    for k in sorted(range(len(quotes)), key=lambda k: quotes[k].start):
        q = quotes[k]
        if q.speaker is None:
            continue
        mention = speaker_core(q.speaker)
        if mention.text.strip().lower() in RELATIVE_PRONOUNS:
            mention = resolver.antecedent(mention) or mention
        found, wording = resolver.resolve(mention, previous)
        if found:
            choices[k] = SpeakerChoice(found[0].id, " and ".join(e.name for e in found))
            for e in found:
                e.quote_count += 1
            previous = found[0] if len(found) == 1 else previous
            resolver.previous_group = list(found) if len(found) > 1 else []
            if isinstance(found[0], PersonDraft) and len(found) == 1:
                _note_description(ctx, found[0], mention)
                _reported_subject_pronoun(ctx, q, found[0])
        else:
            choices[k] = SpeakerChoice(None, source_wording(wording))
        resolver.note_group_wording(mention, found, choices[k].speaker_name)
    return choices


def source_wording(wording: str | None) -> str | None:
    """The description to report for an unresolved speaker: none unless it is a name or names a
    kind of source (not ``who``, ``I``, ``no information``, ``game``); see people/sources.py."""
    if not wording or speaker_kind(wording) not in KEPT:
        return None
    return wording


def _reported_subject_pronoun(ctx: Context, q: Quote, person: PersonDraft) -> None:
    """``X said he would ...``: a reported clause (not in quotation marks) that opens with a
    subject pronoun, after its speaker, speaks of the speaker."""
    if q.speaker is None or q.speaker.start > q.start or ctx.in_quote(q.start):
        return
    span = char_tokens(ctx.doc, q.start, q.end)
    if span is None:
        return
    for tok in ctx.doc[span[0] : min(span[0] + 3, span[1])]:
        if tok.lower_ in {"he", "she"} and tok.dep_ in {"nsubj", "nsubjpass"}:
            if person.text_gender() in (None, PRONOUN_GENDER[tok.lower_]):
                add_pronoun(person, PRONOUN_GENDER[tok.lower_], Span(tok.idx, tok.idx + len(tok.text), tok.text))
            return


def _note_description(ctx: Context, person: PersonDraft, span: Span) -> None:
    """A speaker description (``the judge``) resolved to a person is one of their mentions
    (unless it holds one of their names)."""
    sp = char_tokens(ctx.doc, span.start, span.end)
    if sp is not None and any(ctx.person_at.get(i) is person for i in range(*sp)):
        return
    person.add_other(span)
