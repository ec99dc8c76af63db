"""The HTML pages through the ASGI app: analyze (paste, upload, timeouts), error pages, and the
article view's segments."""

from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient
from web_support import FLOODS, build, floods

from quotegraph.web.app import WebConfig, create_app
from quotegraph.web.highlight import segments, speaker_colours

NEWS = ('Harbour plan wins backing\n\n"We have waited ten years for this," said Anna Berg, who chairs the '
        'residents\' association. The mayor, James Holt, said the council would publish the costs in May.')
HTML = (f"<html><head><title>Harbour plan wins backing</title></head><body><nav>Home | Sport</nav>"
        f"<article><h1>Harbour plan wins backing</h1><p>{NEWS.split(chr(10))[-1]}</p></article></body></html>")


@pytest.fixture(scope="module")
def client(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("web-pages") / "corpus.db"
    build(str(db)).close()
    with TestClient(create_app(WebConfig(db=str(db)), extractor=extractor), raise_server_exceptions=False) as c:
        yield c


def test_segments_give_back_the_text_and_mark_every_quote():
    record = floods().as_dict()
    parts = segments(record)
    assert "".join(s.text for s in parts) == FLOODS
    assert {s.quote for s in parts if s.role == "content"} == {"q1", "q2", "q3"}
    assert any(s.leftover == "credit" and "Photo:" in s.text for s in parts)
    for s in parts:  # each content piece is inside its quote's text
        if s.role == "content":
            assert s.text in next(q["text"] for q in record["quotes"] if q["id"] == s.quote)


def test_speaker_colours_are_stable_and_distinct():
    quotes = floods().as_dict()["quotes"]
    colours = speaker_colours(quotes)
    assert colours["p1"] != colours["p2"]
    assert speaker_colours(list(reversed(quotes))) == colours
    # the colour follows the name, so a speaker keeps it in another article under another local id
    here = speaker_colours([{"speaker_id": "p1", "speaker_name": "Helen Price"}])
    there = speaker_colours([{"speaker_id": "p7", "speaker_name": "Helen Price"}])
    assert here["p1"] == there["p7"]


def test_every_page_renders(client):
    for url in ("/", "/quotes", "/quotes?search=river&type=direct", "/people", "/dashboard", "/analyze",
                "/api/v1/docs"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        # everything comes from this server: the pages work with no internet access
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", response.text), url
    assert "GET /api/v1/quotes" in client.get("/api/v1/docs").text


def test_missing_things_get_an_html_error_page(client):
    response = client.get("/articles/424242")
    assert response.status_code == 404 and "no article with id 424242" in response.text
    assert "Traceback" not in response.text
    assert client.get("/people/abc").status_code == 422


def test_analyze_pasted_text(client):
    response = client.post("/analyze", data={"text": NEWS})
    assert response.status_code == 200
    assert "Analyzed, not stored." in response.text
    assert 'data-speaker="Anna Berg"' in response.text
    assert client.get("/api/v1/articles").json()["total"] == 3  # nothing stored


def test_analyze_uploaded_html_and_text(client):
    html = client.post("/analyze", files={"file": ("harbour.html", HTML.encode(), "text/html")})
    assert html.status_code == 200 and "Anna Berg" in html.text and "Home | Sport" not in html.text
    text = client.post("/analyze", files={"file": ("harbour.txt", NEWS.encode(), "text/plain")})
    assert text.status_code == 200 and 'data-speaker="Anna Berg"' in text.text
    binary = client.post("/analyze", files={"file": ("noise.txt", bytes(range(256)) * 8, "text/plain")})
    assert binary.status_code == 200  # decoded with replacement characters, never a server error


def test_analyze_needs_some_input(client):
    assert client.post("/analyze", data={"text": "   "}).status_code == 422
    response = client.post("/api/v1/analyze", json={"text": NEWS, "html": HTML})
    assert response.status_code == 422 and "exactly one" in response.json()["error"]["message"]


def test_analyze_api_returns_a_valid_record(client):
    from quotegraph.schema import validate

    record = client.post("/api/v1/analyze", json={"text": NEWS, "outlet": "Harbour Gazette"}).json()
    validate(record)
    assert record["outlet"] == "Harbour Gazette"
    assert any(q["speaker_name"] == "Anna Berg" for q in record["quotes"])
    empty = client.post("/api/v1/analyze", json={"html": "<html><body></body></html>"}).json()
    assert empty["quotes"] == [] and empty["warnings"][0]["code"] == "no-text"


class _Slow:
    def extract(self, article):
        time.sleep(1.0)
        raise AssertionError("the request should have timed out first")


def test_analyze_times_out(tmp_path):
    build(str(tmp_path / "c.db"), []).close()
    app = create_app(WebConfig(db=str(tmp_path / "c.db"), analyze_timeout=0.2), extractor=_Slow())
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/api/v1/analyze", json={"text": NEWS})
    assert response.status_code == 504 and response.json()["error"]["code"] == "gateway_timeout"


def test_post_articles_ingests_with_the_token(tmp_path, extractor):
    from web_support import TOKEN

    build(str(tmp_path / "c.db"), []).close()
    app = create_app(WebConfig(db=str(tmp_path / "c.db"), allow_write=True, token=TOKEN), extractor=extractor)
    with TestClient(app, raise_server_exceptions=False) as client:
        body = {"text": NEWS, "outlet": "Harbour Gazette", "published": "2026-04-02", "url": "https://h.example/1"}
        assert client.post("/api/v1/articles", json=body).status_code == 401
        assert client.get("/api/v1/articles").json()["total"] == 0
        created = client.post("/api/v1/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert created.status_code == 201 and created.json()["status"] == "new"
        stored = client.get(f"/api/v1/articles/{created.json()['id']}").json()
        assert stored["text"] == NEWS and stored["outlet"] == "Harbour Gazette"
        assert len(stored["quotes"]) == created.json()["quotes"] >= 1
        assert client.get("/api/v1/people", params={"search": "Berg"}).json()["total"] == 1


def test_serve_refuses_allow_write_without_a_token(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from quotegraph.cli import app

    monkeypatch.delenv("QUOTEGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "c.db"), "--allow-write"])
    assert result.exit_code == 2 and "needs a token" in result.output
    empty = tmp_path / "token"
    empty.write_text("\n")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "c.db"), "--allow-write",
                                      "--token-file", str(empty)])
    assert result.exit_code == 2
    assert "Example: quotegraph serve" in CliRunner().invoke(app, ["serve", "--help"]).output
