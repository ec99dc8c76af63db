"""Plain data classes passed between the pipeline stages and serialised as ``quotegraph/1``.

Every span holds offsets into ``ArticleResult.text`` and the text they cover, so that
``result.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "quotegraph/1"

QuoteType = Literal["direct", "mixed", "indirect"]
GenderValue = Literal["female", "male", "unknown"]


@dataclass(frozen=True)
class Span:
    """A piece of the article text: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Excluded:
    """A leftover (caption, teaser, credit...) that is not part of the article body."""

    start: int
    end: int
    reason: str


@dataclass
class Quote:
    """One attribution: what was said (``start``/``end``, ``parts``), the cue and the speaker.

    ``parts`` lists the pieces of the content when the attribution interrupts it
    (``"A," she said, "B."``); for a contiguous quote it holds one part equal to the quote.
    """

    start: int
    end: int
    text: str
    type: QuoteType
    cue: Span | None = None
    speaker: Span | None = None
    parts: list[Span] = field(default_factory=list)
    speaker_id: str | None = None
    speaker_name: str | None = None
    confidence: float = 0.5
    rule: str | None = None  # the rule that found the quote
    speaker_rule: str | None = None  # the rule that chose its speaker
    id: str = ""
    about: list[Target] = field(default_factory=list)  # whom the quotation talks about
    addressee: Target | None = None  # whom it was said to
    said_on: SaidOn | None = None  # when it was said


@dataclass(frozen=True)
class Target:
    """A person or organisation a quote is about or addressed to (docs/format.md).

    ``entity_id`` is the article entity (``p1``, ``o2``); only an addressee may have none
    (``told reporters``). ``evidence``: ``quoted`` (named inside the quoted words) or the
    reporting verb or phrase that points at it (``accused``, ``told``, ``letter to``).
    """

    entity_id: str | None
    name: str
    span: Span
    evidence: str


@dataclass(frozen=True)
class SaidOn:
    """When a quote was said: ``value`` YYYY-MM-DD or None; ``basis`` says where it comes from:
    ``explicit`` (a dated phrase), ``relative`` (``yesterday``, ``on Tuesday``, resolved against
    the publication date), ``published`` (nothing in the text; the publication date),
    ``unknown`` (neither)."""

    value: str | None
    basis: Literal["explicit", "relative", "published", "unknown"]
    span: Span | None = None


@dataclass
class Gender:
    value: GenderValue = "unknown"
    evidence: list[str] = field(default_factory=list)


def label_kind(label: str) -> str:
    """The kind of a ``Gender.evidence`` label (``pronoun:she`` -> pronoun; people/evidence.py
    writes them)."""
    return label.split(":", 1)[0]


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: Gender = field(default_factory=Gender)
    age: int | None = None
    quote_count: int = 0


@dataclass
class Entity:
    """An organisation or a place."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    quote_count: int = 0


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO date, or None when it cannot be resolved


@dataclass
class Warning:
    """Something a careful reader should check (``code``), with the spans involved."""

    code: str
    message: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Entities:
    """The people, organisations and places of one article, as the people stage finds them."""

    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class Article:
    """One input article, as read from a file, a JSONL record or stdin."""

    id: str
    text: str
    source: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class ArticleResult:
    """Everything quotegraph found in one article; ``as_dict()`` is the quotegraph/1 record."""

    id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    excluded: list[Excluded] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    model: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["quotes"] = [{"id": q.pop("id"), **q} for q in data["quotes"]]  # id first, for readers
        return {"schema": SCHEMA, **data}
