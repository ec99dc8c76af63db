"""Property test of the REST API against its own OpenAPI schema (schemathesis): generated
requests to every operation must get documented status codes, content types and bodies, and
never a server error. A small hand-built database keeps the run well under a minute."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from web_support import build

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
