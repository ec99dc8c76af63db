"""quotegraph as spaCy pipeline components: ``quotegraph_quotes`` and ``quotegraph_people``.

Registered with ``Language.factory`` and published through the ``spacy_factories`` entry point,
so ``nlp.add_pipe("quotegraph_quotes")`` works without importing quotegraph. Each component
writes span groups (token spans, kept by ``DocBin``) and keeps its records, the dataclasses of
``quotegraph.models``, in a Doc extension (kept by ``DocBin(store_user_data=True)`` through the
msgpack encoder of ``records``). ``doc._.quotegraph_quotes`` and ``doc._.quotegraph_entities``
give them as plain ``quotegraph/1`` data, made when read. See docs/library.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup
from spacy.tokens import Span as SpacySpan

from .leftover_cuts import split_at_leftovers
from .leftovers import find_leftovers
from .models import Entities, Entity, Excluded, Person, Quote, Span, Warning
from .nlp import EXCLUDED_EXT, TEXT_EXT, install_tokenizer, register_extensions
from .records import decode_record, from_plain, packable, retext, to_plain
from .settings import Options
from .syntax import doc_text

QUOTES = "quotegraph_quotes"  # the component, its plain-data Doc extension and its span group of quote parts
PEOPLE = "quotegraph_people"  # the component and its span group of person mentions
ENTITIES_EXT = "quotegraph_entities"  # plain data: {"people", "organizations", "places", "warnings"}
QUOTE_RECORDS = "quotegraph_quote_records"  # the extensions holding the records themselves
ENTITY_RECORDS = "quotegraph_entity_records"
CUES = "quotegraph_cues"
SPEAKERS = "quotegraph_speakers"
ORGANIZATIONS = "quotegraph_organizations"
PLACES = "quotegraph_places"
ENTITY_KINDS = (("people", Person, PEOPLE), ("organizations", Entity, ORGANIZATIONS), ("places", Entity, PLACES))


packable(Entities)
packable(Quote)


def _stored(doc: Doc, name: str) -> Any:
    """The records in extension ``name``; decoded here when the Doc was loaded before quotegraph
    was imported (msgpack then left them as tagged plain data)."""
    value = doc._.get(name)
    if isinstance(value, list):
        return [decode_record(v) if isinstance(v, dict) else v for v in value]
    return decode_record(value) if isinstance(value, dict) else value


def _plain_quotes(doc: Doc) -> list[dict[str, Any]] | None:
    quotes = _stored(doc, QUOTE_RECORDS)
    return None if quotes is None else [to_plain(q) for q in quotes]


def _plain_entities(doc: Doc) -> dict[str, list[dict[str, Any]]] | None:
    found = _stored(doc, ENTITY_RECORDS)
    return None if found is None else {key: [to_plain(e) for e in items] for key, items in _lists(found).items()}


def _lists(found: Entities) -> dict[str, list[Any]]:
    return {"people": found.people, "organizations": found.organizations, "places": found.places,
            "warnings": found.warnings}


def _register() -> None:
    register_extensions()
    for name in (QUOTE_RECORDS, ENTITY_RECORDS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension(QUOTES):
        Doc.set_extension(QUOTES, getter=_plain_quotes)
    if not Doc.has_extension(ENTITIES_EXT):
        Doc.set_extension(ENTITIES_EXT, getter=_plain_entities)


_register()


@dataclass(frozen=True)
class DocRecords:
    """What the components found in one Doc, as the dataclasses of ``quotegraph.models``."""

    text: str  # the article text (``doc.text`` has leftovers blanked)
    excluded: list[Excluded]
    quotes: list[Quote]
    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def article_text(doc: Doc) -> str:
    """The text the Doc was made from: ``doc.text`` unless the tokenizer blanked leftovers."""
    return doc._.get(TEXT_EXT) or doc_text(doc)


def excluded_of(doc: Doc) -> list[Excluded]:
    """The leftovers the tokenizer blanked; found on ``doc.text`` when another tokenizer made it."""
    found = doc._.get(EXCLUDED_EXT)
    if found is None:
        return find_leftovers(doc_text(doc))
    return [from_plain(Excluded, e) for e in found]


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotes ``quotegraph_quotes`` found (speakers resolved once ``quotegraph_people`` ran):
    the records on the Doc, not copies."""
    return list(_stored(doc, QUOTE_RECORDS) or [])


def records_of(doc: Doc) -> DocRecords:
    """Everything the components put on ``doc``, as dataclasses (the records on the Doc)."""
    found = _stored(doc, ENTITY_RECORDS) or Entities()
    return DocRecords(text=article_text(doc), excluded=excluded_of(doc), quotes=quotes_of(doc),
                      **{key: list(items) for key, items in _lists(found).items()})


class QuoteFinder:
    """Finds quotations, their cues and speaker mentions (speakers not yet resolved)."""

    def __init__(self, name: str, options: Options):
        self.name = name
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        from .quotes import find_quotes

        text = article_text(doc)
        excluded = excluded_of(doc)
        quotes = split_at_leftovers(find_quotes(doc, excluded, self.options), excluded, doc_text(doc))
        for number, quote in enumerate(quotes, 1):
            quote.id = f"q{number}"
            _retext_quote(quote, text)
        _set_quotes(doc, quotes)
        return doc


class PeopleFinder:
    """Clusters people, organisations and places and resolves each quote's speaker to one."""

    def __init__(self, name: str, options: Options):
        self.name = name
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        from .people import build_entities

        text = article_text(doc)
        quotes = quotes_of(doc)
        found = build_entities(doc, quotes, self.options, None)
        for key, _, group in ENTITY_KINDS:
            items = getattr(found, key)
            for item in items:  # (a mention is never None: a new Span is cheaper than a replace)
                item.mentions = [Span.of(text, m.start, m.end) for m in item.mentions]
            doc.spans[group] = _group(doc, ((m, key, item.id) for item in items for m in item.mentions))
        doc._.set(ENTITY_RECORDS, found)
        doc._.set(QUOTE_RECORDS, quotes)
        _set_speakers(doc, quotes)  # only the speakers' labels changed: the other groups stand
        return doc


def _retext_quote(quote: Quote, text: str) -> None:
    quote.text = text[quote.start : quote.end]
    quote.cue, quote.speaker = retext(quote.cue, text), retext(quote.speaker, text)
    quote.parts = [p for p in (retext(p, text) for p in quote.parts) if p is not None] or [
        Span.of(text, quote.start, quote.end)]


def _set_quotes(doc: Doc, quotes: list[Quote]) -> None:
    doc._.set(QUOTE_RECORDS, quotes)
    doc.spans[QUOTES] = _group(doc, ((p, q.type, q.id) for q in quotes for p in q.parts))
    doc.spans[CUES] = _group(doc, ((q.cue, "cue", q.id) for q in quotes if q.cue))
    _set_speakers(doc, quotes)


def _set_speakers(doc: Doc, quotes: list[Quote]) -> None:
    """The span group of the quotes' speaker mentions, labelled with the resolved speaker's id."""
    doc.spans[SPEAKERS] = _group(doc, ((q.speaker, q.speaker_id or "speaker", q.id) for q in quotes if q.speaker))


def _group(doc: Doc, items: Iterable[tuple[Span, str, str]]) -> SpanGroup:
    """Token spans covering each character span (widened to whole tokens), labelled, with the
    record's id as the span id."""
    spans: list[SpacySpan] = []
    for span, label, record_id in items:
        token_span = doc.char_span(span.start, span.end, label=label, alignment_mode="expand", span_id=record_id)
        if token_span is not None:
            spans.append(token_span)
    return SpanGroup(doc, spans=spans)


@Language.factory(
    QUOTES,
    assigns=["doc.spans", f"doc._.{QUOTE_RECORDS}"],
    requires=["token.dep", "token.pos"],
    default_config={"beliefs": False, "tokenizer": True},
)
def make_quote_finder(nlp: Language, name: str, beliefs: bool, tokenizer: bool) -> QuoteFinder:
    """``beliefs``: also report belief verbs and 'according to' (PolNeAR's scheme).
    ``tokenizer``: give ``nlp`` quotegraph's tokenisation (leftovers blanked, glued quote marks
    split) so that the parse, and so the quotes, are those of ``quotegraph extract``."""
    if tokenizer:
        install_tokenizer(nlp)
    return QuoteFinder(name, Options(beliefs=beliefs))


@Language.factory(
    PEOPLE,
    assigns=["doc.spans", f"doc._.{ENTITY_RECORDS}", f"doc._.{QUOTE_RECORDS}"],
    requires=["token.dep", "token.pos", "doc.ents"],
    default_config={"name_gender": True},
)
def make_people_finder(nlp: Language, name: str, name_gender: bool) -> PeopleFinder:
    """``name_gender``: allow the labelled first-name guess when the text gives no gender."""
    return PeopleFinder(name, Options(name_gender=name_gender))


def add_components(nlp: Language, beliefs: bool = False, name_gender: bool = True) -> Language:
    """Add the components that ``nlp`` lacks (at the end, quotes before people), with these
    settings, and quotegraph's tokenisation. Components already there keep their settings."""
    install_tokenizer(nlp)
    if QUOTES not in nlp.pipe_names:
        nlp.add_pipe(QUOTES, config={"beliefs": beliefs})
    if PEOPLE not in nlp.pipe_names:
        nlp.add_pipe(PEOPLE, config={"name_gender": name_gender}, after=QUOTES)
    return nlp
