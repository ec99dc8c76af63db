"""quotegraph: who said what, about whom, and when, from news articles."""

from .models import (
    Article,
    ArticleResult,
    DateMention,
    Entity,
    Excluded,
    Gender,
    Person,
    Quote,
    Span,
    Warning,
)
from .settings import Options

__version__ = "0.1.0"


def extract_text(text: str, options: Options | None = None, **meta) -> ArticleResult:
    """Run the whole pipeline on one text. ``meta``: id, title, published, outlet, url."""
    from .pipeline import Extractor

    article = Article(id=meta.pop("id", "text"), text=text, source=meta.pop("source", "<text>"), **meta)
    return Extractor(options).extract(article)


__all__ = [
    "Article", "ArticleResult", "DateMention", "Entity", "Excluded", "Gender", "Options", "Person",
    "Quote", "Span", "Warning", "extract_text", "__version__",
]
