"""Property test of the REST API against its own OpenAPI schema (schemathesis): generated
requests to every operation must get documented status codes, content types and bodies, and
never a server error. A small hand-built database keeps the run well under a minute."""

from __future__ import annotations

import re

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_support import build

from quotegraph.store.search import QUERY_PATTERN, SearchSyntaxError, parse
from quotegraph.web.app import WebConfig, create_app

EXAMPLES = 25  # per operation


def test_api_conforms_to_its_schema(tmp_path, extractor):
    build(f"sqlite:///{tmp_path / 'corpus.db'}").close()
    app = create_app(WebConfig(db=str(tmp_path / "corpus.db"), analyze_timeout=60), extractor=extractor)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"GET /api/v1/articles/{article_id}", "GET /api/v1/quotes",
                                               "POST /api/v1/analyze", "GET /api/v1/stats/sources"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def conforms(case) -> None:
            case.call_and_validate()

        conforms()


def _parses(query: str) -> bool:
    try:
        parse(query)
    except SearchSyntaxError:
        return False
    return True


@settings(max_examples=3000, deadline=None, database=None)
@given(st.text(st.sampled_from(list('ab -"\n\t.ANDOR_\u00e9')), max_size=14))
def test_the_published_search_pattern_accepts_exactly_what_the_parser_accepts(query):
    # the schema's pattern drives the generated searches: a query it allows but the parser
    # refuses is a 422 for a request the schema calls valid (schemathesis: RejectedPositiveData)
    assert bool(re.search(QUERY_PATTERN, query)) == _parses(query)


def test_the_search_pattern_on_typical_queries():
    for good in ("strike", '"talks can resume"', "talks -strike", '-"a b" c', "x OR -y", '"open ended'):
        assert re.search(QUERY_PATTERN, good) and _parses(good), good
    for bad in ("", "AND", "OR AND", "-strike", '-"a b"', "...", '""', "- -x"):
        assert not re.search(QUERY_PATTERN, bad) and not _parses(bad), bad


def test_the_schema_publishes_the_pattern(tmp_path, extractor):
    build(f"sqlite:///{tmp_path / 'corpus.db'}").close()
    app = create_app(WebConfig(db=str(tmp_path / "corpus.db")), extractor=extractor)
    params = app.openapi()["paths"]["/api/v1/quotes"]["get"]["parameters"]
    search = next(p for p in params if p["name"] == "search")
    assert {"type": "string", "maxLength": 200, "pattern": QUERY_PATTERN} in search["schema"]["anyOf"]
