"""Fixtures and builders shared by the corpus database tests (imported by test_store_* modules).

``db_url`` gives every test its own empty database: a SQLite file in tmp_path, and, when
QUOTEGRAPH_TEST_PG_URL points at a PostgreSQL server, a fresh PostgreSQL database. In CI
(CI=true) the PostgreSQL case runs even without that URL, and fails.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quotegraph.models import ArticleResult, Entity, Gender, Person, Quote, Span

PG_URL = os.environ.get("QUOTEGRAPH_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL or os.environ.get("CI", "").lower() == "true" else [])


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
        return
    if not PG_URL:
        pytest.fail("CI run without QUOTEGRAPH_TEST_PG_URL: .ci/postgres.sh did not start PostgreSQL")
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


# --- building extracted articles by hand (for storage and merging, independent of extraction) ---

def person(pid: str, name: str, text: str, aliases=(), gender="unknown", evidence=(), roles=(), quotes=0) -> Person:
    start = text.index(name)
    return Person(id=pid, name=name, aliases=list(aliases), mentions=[Span.of(text, start, start + len(name))],
                  roles=list(roles), gender=Gender(gender, list(evidence)), quote_count=quotes)


def quote(qid: str, text: str, content: str, speaker: Person | Entity | None, cue: str = "said",
          qtype: str = "direct") -> Quote:
    start = text.index(content)
    cue_start = text.index(cue, start + len(content)) if cue in text[start + len(content):] else text.index(cue)
    return Quote(start=start, end=start + len(content), text=content, type=qtype,
                 cue=Span.of(text, cue_start, cue_start + len(cue)),
                 speaker=speaker.mentions[0] if speaker else None,
                 parts=[Span.of(text, start, start + len(content))],
                 speaker_id=speaker.id if speaker else None, speaker_name=speaker.name if speaker else None,
                 confidence=0.9, id=qid)


def article(aid: str, text: str, people=(), quotes=(), orgs=(), **meta) -> ArticleResult:
    return ArticleResult(id=aid, source=f"<{aid}>", text=text, people=list(people), quotes=list(quotes),
                         organizations=list(orgs), **meta)
