"""The extraction pipeline: spaCy (with quotegraph's tokenizer and components) -> records.

``Extractor`` holds one spaCy pipeline; the components ``quotegraph_quotes`` and
``quotegraph_people`` (components.py) do the work on each Doc, and ``Extractor`` turns what they
put on the Doc into an ``ArticleResult`` with the article's metadata and dates: the library, the
command line and ``nlp.add_pipe`` users share one path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .about import annotate_quotes
from .components import add_components, records_of
from .dates import find_dates
from .models import Article, ArticleResult, DateMention, Entity, Person, Span
from .nlp import load_pipeline
from .settings import Options
from .spans_outside import keep_off_leftovers
from .syntax import release


def _published_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class Extractor:
    """Runs every stage on articles. Build one per process: it holds the spaCy pipeline.

    ``nlp``: a pipeline of your own (any spaCy pipeline with a parser and NER); the quotegraph
    components are added to it if missing, with the settings of ``options``.
    """

    def __init__(self, options: Options | None = None, nlp: Language | None = None):
        self.options = options or Options()
        if nlp is None:
            self.nlp = load_pipeline(self.options.model, self.options.beliefs, self.options.name_gender)
            self.model = self.options.model
        else:
            self.nlp = add_components(nlp, beliefs=self.options.beliefs, name_gender=self.options.name_gender)
            self.model = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}"

    def extract(self, article: Article) -> ArticleResult:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.options.batch_size):
            yield self.result(doc, article)

    def extract_batch(self, articles: list[Article]) -> list[ArticleResult | Exception]:
        """Extract a batch together; if that fails, redo it article by article so that one bad
        article costs only itself: its slot holds the exception instead of a result."""
        try:
            return list(self.extract_many(articles))
        except Exception:  # noqa: BLE001 - retried per article below
            pass
        results: list[ArticleResult | Exception] = []
        for article in articles:
            try:
                results.append(self.extract(article))
            except Exception as exc:  # noqa: BLE001 - handed back to the caller to report
                results.append(exc)
        return results

    def result(self, doc: Doc, article: Article) -> ArticleResult:
        """The record of ``article`` from the Doc the pipeline made of its text."""
        found = records_of(doc)
        published = _published_date(article.published)
        result = ArticleResult(
            id=article.id,
            source=article.source,
            text=article.text,
            title=article.title,
            published=article.published,
            outlet=article.outlet,
            url=article.url,
            author=article.author,
            excluded=found.excluded,
            quotes=found.quotes,
            people=found.people,
            organizations=found.organizations,
            places=found.places,
            dates=find_dates(doc, published),
            warnings=list(article.warnings) + found.warnings,
            model=self.model,
        )
        annotated = annotate_quotes(doc, keep_off_leftovers(_resync_spans(result)), published)
        release(doc)  # the last reader of the Doc's cached parse views
        return annotated


def _resync_spans(result: ArticleResult) -> ArticleResult:
    """Take every span's text from the article text itself.

    The stages read the analysed text (odd spaces normalised, leftovers blanked); slicing the
    original again keeps ``text[start:end] == span.text`` true whatever a stage copied.
    """
    text = result.text
    for quote in result.quotes:
        quote.text = text[quote.start : quote.end]
        quote.cue = _retexted(quote.cue, text) if quote.cue else None
        quote.speaker = _retexted(quote.speaker, text) if quote.speaker else None
        quote.parts = [_retexted(p, text) for p in quote.parts] or [Span.of(text, quote.start, quote.end)]
    entities: list[Person | Entity] = [*result.people, *result.organizations, *result.places]
    for entity in entities:
        entity.mentions = [_retexted(m, text) for m in entity.mentions]
    result.dates = [_retexted(d, text) for d in result.dates]
    for warning in result.warnings:
        warning.spans = [_retexted(s, text) for s in warning.spans]
    return result


_Located = TypeVar("_Located", Span, DateMention)


def _retexted(item: _Located, text: str) -> _Located:
    """``item`` with the text of its offsets; the same object when that is its text already
    (nearly always: a copy per span was most of the re-sync's cost)."""
    piece = text[item.start : item.end]
    return item if item.text == piece else replace(item, text=piece)
