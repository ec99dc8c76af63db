"""The response cache: a repeated GET is answered from memory with an ETag (304 when the client
has it), and any write to the database, from this app or from another connection or process,
makes the next answer fresh. Real SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, build

from quotegraph.store import Store
from quotegraph.store.corrections import rename_person
from quotegraph.web.app import WebConfig, create_app


@pytest.fixture
def app(db_url):
    build(db_url).close()
    return create_app(WebConfig(db=db_url, allow_write=True, token=TOKEN))


def _person(client: TestClient, name: str) -> int:
    items = client.get("/api/v1/people", params={"search": name}).json()["items"]
    return next(p["id"] for p in items if p["name"] == name)


def test_a_repeated_request_gets_the_same_body_and_etag_and_304_when_the_client_has_it(app):
    with TestClient(app) as client:
        first = client.get("/api/v1/quotes", params={"search": "river"})
        second = client.get("/api/v1/quotes", params={"search": "river"})
        assert first.status_code == second.status_code == 200
        assert first.content == second.content and first.headers["etag"] == second.headers["etag"]
        assert second.headers["content-security-policy"]  # the security headers go on cached answers too
        again = client.get("/api/v1/quotes", params={"search": "river"}, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        other = client.get("/api/v1/quotes", params={"search": "potholes"})
        assert other.headers["etag"] != first.headers["etag"] and other.json()["total"] == 1


def test_a_correction_from_another_connection_is_seen_at_once(app, db_url):
    # as `quotegraph people rename` run in another process while the server runs
    with TestClient(app) as client:
        price = _person(client, "Helen Price")
        page = client.get(f"/people/{price}")
        before = client.get(f"/api/v1/people/{price}")
        assert before.json()["name"] == "Helen Price" and "Helen Price" in page.text
        with Store(db_url) as other, other.write() as conn:
            rename_person(conn, price, "Helen Price-Okafor")
        assert client.get(f"/api/v1/people/{price}").json()["name"] == "Helen Price-Okafor"
        assert "Helen Price-Okafor" in client.get(f"/people/{price}").text
        stale = client.get(f"/api/v1/people/{price}", headers={"If-None-Match": before.headers["etag"]})
        assert stale.status_code == 200 and stale.headers["etag"] != before.headers["etag"]


def test_a_correction_through_the_api_is_seen_at_once(app):
    with TestClient(app) as client:
        price = _person(client, "Helen Price")
        assert client.get("/api/v1/quotes", params={"speaker": "Okafor"}).json()["total"] == 0
        done = client.post("/api/v1/corrections/rename", json={"person_id": price, "name": "Helen Okafor"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 200
        assert client.get("/api/v1/quotes", params={"speaker": "Okafor"}).json()["total"] == 3


def test_errors_and_downloads_are_not_kept(app):
    with TestClient(app) as client:
        missing = client.get("/api/v1/articles/999999")
        assert missing.status_code == 404 and "etag" not in missing.headers
        csv = client.get("/api/v1/quotes", params={"format": "csv"})
        assert csv.status_code == 200 and csv.text.count("\n") == 8  # header and seven quotes
        assert "etag" not in csv.headers  # streamed: sent as it comes, not kept


@pytest.mark.parametrize("size, cached", [("0", False), ("16", True)])
def test_serve_cache_size_turns_the_response_cache_off_or_on(tmp_path, size, cached):
    import httpx
    from web_support import Server

    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    build(db).close()
    server = Server(db, "--cache-size", size, "--no-access-log")
    try:
        answer = httpx.get(server.base + "/api/v1/quotes", params={"search": "river"})
        assert answer.status_code == 200 and answer.json()["total"] == 1
        assert ("etag" in answer.headers) is cached
    finally:
        server.stop()
