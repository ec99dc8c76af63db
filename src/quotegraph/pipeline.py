"""The extraction pipeline, top to bottom: leftovers -> spaCy -> quotes -> people -> dates.

``Extractor`` loads the spaCy pipeline once; ``extract`` handles one article and
``extract_many`` streams many through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from .about import annotate_quotes
from .dates import find_dates
from .leftovers import find_leftovers
from .models import Article, ArticleResult, Quote, Span
from .nlp import analysis_text, load_model
from .people import build_entities
from .quotes import find_quotes
from .settings import Options


def _published_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class Extractor:
    """Runs every stage on articles. Build one per process: it holds the spaCy pipeline."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self.nlp = load_model(self.options.model)

    def extract(self, article: Article) -> ArticleResult:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        prepared = ((article, find_leftovers(article.text)) for article in articles)
        texts_and_context = (
            (analysis_text(article.text, [(e.start, e.end) for e in excluded]), (article, excluded))
            for article, excluded in prepared
        )
        for doc, (article, excluded) in self.nlp.pipe(
            texts_and_context, as_tuples=True, batch_size=self.options.batch_size
        ):
            yield self._analyse(doc, article, excluded)

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

    def _analyse(self, doc, article: Article, excluded) -> ArticleResult:
        published = _published_date(article.published)
        quotes = split_at_leftovers(find_quotes(doc, excluded, self.options), excluded, doc.text)
        for number, quote in enumerate(quotes, 1):
            quote.id = f"q{number}"
        entities = build_entities(doc, quotes, self.options, published)
        result = ArticleResult(
            id=article.id,
            source=article.source,
            text=article.text,
            title=article.title,
            published=article.published,
            outlet=article.outlet,
            url=article.url,
            author=article.author,
            excluded=list(excluded),
            quotes=quotes,
            people=entities.people,
            organizations=entities.organizations,
            places=entities.places,
            dates=find_dates(doc, published),
            warnings=list(article.warnings) + entities.warnings,
            model=self.options.model,
        )
        return annotate_quotes(doc, _resync_spans(result), published)


def split_at_leftovers(quotes: list[Quote], excluded, text: str) -> list[Quote]:
    """Cut quotes that run across a leftover (a quotation continued over paragraphs with an
    advert or caption between them) into one quote per side, same speaker and cue.

    Nothing may be quoted from leftovers, and a quote's start..end must not cover one either.
    """
    if not excluded:
        return quotes
    gaps = sorted((e.start, e.end) for e in excluded)
    out: list[Quote] = []
    for quote in quotes:
        if not any(s < quote.end and quote.start < e for s, e in gaps):
            out.append(quote)
            continue
        pieces: list[Span] = []
        for part in quote.parts or [Span.of(text, quote.start, quote.end)]:
            start = part.start
            for g_start, g_end in gaps:
                if g_start < part.end and start < g_end:
                    _add_piece(pieces, text, start, g_start)
                    start = max(start, g_end)
            _add_piece(pieces, text, start, part.end)
        segments: list[list[Span]] = []
        for piece in pieces:
            if segments and not any(segments[-1][-1].end <= g_start < piece.start for g_start, _ in gaps):
                segments[-1].append(piece)
            else:
                segments.append([piece])
        for pieces in segments:
            out.append(replace(quote, start=pieces[0].start, end=pieces[-1].end,
                               text=text[pieces[0].start : pieces[-1].end], parts=pieces))
    return out


def _add_piece(pieces: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        pieces.append(Span.of(text, start, end))


def _resync_spans(result: ArticleResult) -> ArticleResult:
    """Take every span's text from the article text itself.

    The stages read the analysed text (odd spaces normalised, leftovers blanked); slicing the
    original again keeps ``text[start:end] == span.text`` true whatever a stage copied.
    """
    text = result.text

    def fix(span):
        return None if span is None else replace(span, text=text[span.start : span.end])

    for quote in result.quotes:
        quote.text = text[quote.start : quote.end]
        quote.cue, quote.speaker = fix(quote.cue), fix(quote.speaker)
        quote.parts = [fix(p) for p in quote.parts] or [Span.of(text, quote.start, quote.end)]
    for entity in [*result.people, *result.organizations, *result.places]:
        entity.mentions = [fix(m) for m in entity.mentions]
    result.dates = [fix(d) for d in result.dates]
    for warning in result.warnings:
        warning.spans = [fix(s) for s in warning.spans]
    return result
