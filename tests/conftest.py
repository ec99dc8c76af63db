"""Shared fixtures: the spaCy pipeline and the extractor are built once per test session;
``db_url`` gives every corpus test its own empty database.

``db_url`` runs each test on a SQLite file in tmp_path and on a fresh PostgreSQL database.
The PostgreSQL case carries the ``postgres`` marker (``-m postgres`` selects it) and is skipped,
with the reason shown in the summary, when QUOTEGRAPH_TEST_PG_URL is unset; in CI (CI=true) it
fails instead, so a broken PostgreSQL set-up cannot pass unnoticed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quotegraph.models import Article
from quotegraph.pipeline import Extractor
from quotegraph.settings import Options

DATA = Path(__file__).parent / "data"
PG_URL = os.environ.get("QUOTEGRAPH_TEST_PG_URL")
PG_SKIP_REASON = ("needs PostgreSQL: set QUOTEGRAPH_TEST_PG_URL, or run "
                  "bash -c 'source .ci/postgres.sh && .venv/bin/python -m pytest -m postgres'")


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


def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    if not PG_URL:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI run without QUOTEGRAPH_TEST_PG_URL: .ci/postgres.sh did not start PostgreSQL")
        pytest.skip(PG_SKIP_REASON)
    name = f"qg_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
        return
    yield from postgres_database()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """PostgreSQL only (for tests that are about PostgreSQL); mark the test ``postgres``."""
    yield from postgres_database()
