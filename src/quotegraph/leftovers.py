"""Lines of scraped text that are not the article: teasers, captions, credits, prompts."""

from __future__ import annotations

from .models import Excluded


def find_leftovers(text: str) -> list[Excluded]:
    """Excluded spans (whole lines, offsets into ``text``) with the reason each was excluded."""
    return []
