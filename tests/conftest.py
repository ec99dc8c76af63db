"""Shared fixtures: the spaCy pipeline and the extractor are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.models import Article
from quotegraph.pipeline import Extractor
from quotegraph.settings import Options

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Options())


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def run(extractor):
    """``run(text, **meta)`` -> ArticleResult for a text written in a test."""

    def _run(text: str, **meta):
        return extractor.extract(Article(id=meta.pop("id", "t"), text=text, source="<test>", **meta))

    return _run
