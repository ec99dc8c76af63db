"""The REST API over a real database (SQLite, and PostgreSQL when available), through the
ASGI app with FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from web_support import FLOODS, TOKEN, build

from quotegraph.web.app import WebConfig, create_app


@pytest.fixture
def client(db_url):  # noqa: F811
    build(db_url).close()
    with TestClient(create_app(WebConfig(db=db_url)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writer(db_url):  # noqa: F811
    build(db_url).close()
    app = create_app(WebConfig(db=db_url, allow_write=True, token=TOKEN))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _article_id(client, title: str) -> int:
    items = client.get("/api/v1/articles", params={"per_page": 200}).json()["items"]
    return next(a["id"] for a in items if a["title"] == title)


def _assert_error(response, status: int) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["message"]
    assert "Traceback" not in response.text


def test_articles_paginate_with_totals(client):
    first = client.get("/api/v1/articles", params={"per_page": 2}).json()
    second = client.get("/api/v1/articles", params={"per_page": 2, "page": 2}).json()
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second["items"])
    assert first["items"][0]["published"] >= first["items"][1]["published"]  # newest first


def test_article_record_has_offsets_that_hold(client):
    record = client.get(f"/api/v1/articles/{_article_id(client, 'Flood defences hold as river peaks')}").json()
    assert record["schema"] == "quotegraph/1" and record["text"] == FLOODS
    text = record["text"]
    assert len(record["quotes"]) == 3
    for q in record["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        for span in [q["cue"], q["speaker"], *q["parts"]]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert record["excluded"] == [{"start": FLOODS.index("Photo:"), "end": len(FLOODS) - 1, "reason": "credit"}]
    names = {p["name"]: p for p in record["people"]}
    assert names["Helen Price"]["gender"] == {"value": "female", "evidence": ["honorific:Dr", "pronoun:she"]}
    for p in record["people"]:
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_article_record_validates_against_the_schema(client):
    from quotegraph.schema import validate

    for title in ("Roads in a bad state", "Flood defences hold as river peaks"):
        validate(client.get(f"/api/v1/articles/{_article_id(client, title)}").json())


def test_quote_filters_combine(client):
    everything = client.get("/api/v1/quotes").json()
    assert everything["total"] == 7
    herald = client.get("/api/v1/quotes", params={"outlet": "City Herald"}).json()
    assert herald["total"] == 4 and {q["outlet"] for q in herald["items"]} == {"City Herald"}
    price = client.get("/api/v1/quotes", params={"speaker": "Price"}).json()
    assert price["total"] == 3 and {q["speaker"] for q in price["items"]} == {"Helen Price"}
    found = client.get("/api/v1/quotes", params={"search": "potholes drivers"}).json()
    assert [q["text"] for q in found["items"]] == ["Potholes are costing drivers millions,"]
    assert client.get("/api/v1/quotes", params={"type": "indirect"}).json()["total"] == 1
    assert client.get("/api/v1/quotes", params={"month": "2026-02", "gender": "male"}).json()["total"] == 1
    assert client.get("/api/v1/quotes", params={"since": "2026-02-01", "until": "2026-02-10"}).json()["total"] == 2
    pages = [client.get("/api/v1/quotes", params={"per_page": 3, "page": n}).json()["items"] for n in (1, 2, 3)]
    assert sorted(q["id"] for page in pages for q in page) == sorted(q["id"] for q in everything["items"])


def test_quote_downloads_stream_whole_result_sets(client):
    response = client.get("/api/v1/quotes", params={"format": "csv", "outlet": "City Herald"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4 and {r["outlet"] for r in rows} == {"City Herald"}
    lines = client.get("/api/v1/quotes", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 7 and all(json.loads(line)["text"] for line in lines)


def test_people_and_person(client):
    people = client.get("/api/v1/people", params={"search": "price"}).json()
    assert people["total"] == 1
    price = people["items"][0]
    detail = client.get(f"/api/v1/people/{price['id']}").json()
    assert detail["name"] == "Helen Price" and detail["quote_count"] == 3
    assert len(detail["quotes"]) == 3
    assert detail["quotes_per_month"] == [{"month": "2026-01", "quotes": 2}, {"month": "2026-02", "quotes": 1}]


def test_source_stats_by_outlet_and_month_with_csv(client):
    sources = client.get("/api/v1/stats/sources", params={"by": "outlet"}).json()
    by_outlet = sources["items"]
    herald = next(r for r in by_outlet if r["outlet"] == "City Herald")
    assert (herald["people"], herald["women"], herald["men"], herald["unknown"]) == (3, 1, 1, 1)
    # a person quoted by both outlets counts once overall
    assert max(r["people"] for r in by_outlet) <= sources["overall"]["people"] <= sum(r["people"] for r in by_outlet)
    both = client.get("/api/v1/stats/sources", params={"by": "outlet,month"}).json()["items"]
    assert {(r["outlet"], r["month"]) for r in both} == {("Valley News", "2026-01"), ("City Herald", "2026-02")}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/stats/sources?by=month&format=csv").text)))
    assert [r["month"] for r in rows] == ["2026-01", "2026-02", "(total)"]
    top = client.get("/api/v1/stats/top").json()
    assert top["people"][0]["name"] == "Helen Price"


@pytest.mark.parametrize("url,status", [
    ("/api/v1/articles/999999", 404), ("/api/v1/people/999999", 404), ("/api/v1/articles/abc", 422),
    ("/api/v1/quotes?per_page=0", 422), ("/api/v1/quotes?type=shouted", 422),
    ("/api/v1/stats/sources?by=planet", 422), ("/api/v1/nowhere", 404),
    # a search with no word is refused before a download starts streaming
    ("/api/v1/quotes?search=%3A", 422), ("/api/v1/quotes?format=csv&search=%3A", 422)])
def test_every_error_has_one_shape(client, url, status):
    _assert_error(client.get(url), status)


def test_security_headers_on_pages_and_api(client):
    for url in ("/", "/api/v1/articles"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_oversized_bodies_are_refused(db_url):  # noqa: F811
    build(db_url, []).close()
    app = create_app(WebConfig(db=db_url, max_body=1000))
    with TestClient(app, raise_server_exceptions=False) as client:
        _assert_error(client.post("/api/v1/analyze", json={"text": "x" * 5000}), 413)

        def chunks():  # no Content-Length: the body is counted as it arrives
            for _ in range(10):
                yield b"y" * 500
        _assert_error(client.post("/api/v1/analyze", content=chunks(),
                                  headers={"content-type": "application/json"}), 413)


def test_write_endpoints_do_not_exist_without_allow_write(client):
    assert client.post("/api/v1/corrections/merge", json={"first_id": 1, "second_id": 2},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code in (404, 405)
    assert client.post("/api/v1/articles", json={"text": "Hello."},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 405
    assert client.get("/corrections").status_code == 404
    assert "/api/v1/corrections/{name}" not in client.get("/api/v1/openapi.json").json()["paths"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_write_endpoints_refuse_without_the_token(writer, headers):
    people = writer.get("/api/v1/people").json()["items"]
    before = writer.get("/api/v1/people").json()["total"]
    response = writer.post("/api/v1/corrections/merge", headers=headers,
                           json={"first_id": people[0]["id"], "second_id": people[1]["id"]})
    _assert_error(response, 401)
    _assert_error(writer.post("/api/v1/articles", headers=headers, json={"text": "Hello."}), 401)
    form = writer.post("/corrections/merge", data={"first_id": people[0]["id"], "second_id": people[1]["id"],
                                                   "token": "wrong"})
    assert form.status_code == 401
    assert writer.get("/api/v1/people").json()["total"] == before


def test_merge_and_split_with_the_token(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    people = {p["name"]: p["id"] for p in writer.get("/api/v1/people").json()["items"]}
    assert writer.get("/api/v1/stats/top").json()["people"][1]["quote_count"] == 1  # cached from here on
    merged = writer.post("/api/v1/corrections/merge", headers=auth,
                         json={"first_id": people["Raj Mehta"], "second_id": people["Chris Taylor"]})
    assert merged.status_code == 200
    person = writer.get(f"/api/v1/people/{merged.json()['person_id']}").json()
    assert person["quote_count"] == 2
    assert writer.get("/api/v1/stats/top").json()["people"][1]["quote_count"] == 2  # the cache was cleared
    price = writer.get(f"/api/v1/people/{people['Helen Price']}").json()
    roads = next(e["article_id"] for e in price["entries"] if e["title"] == "Roads in a bad state")
    split = writer.post("/api/v1/corrections/split", headers=auth,
                        json={"person_id": people["Helen Price"], "article_ids": str(roads)})
    assert split.status_code == 200
    assert writer.get(f"/api/v1/people/{split.json()['person_id']}").json()["quote_count"] == 1
    _assert_error(writer.post("/api/v1/corrections/merge", headers=auth, json={"first_id": 1}), 422)
    _assert_error(writer.post("/api/v1/corrections/explode", headers=auth, json={"id": 1}), 404)


def test_rename_and_set_gender_are_logged_corrections(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    people = {p["name"]: p["id"] for p in writer.get("/api/v1/people").json()["items"]}
    renamed = writer.post("/api/v1/corrections/rename", headers=auth,
                          json={"person_id": people["Raj Mehta"], "name": "Rajesh Mehta"})
    assert renamed.status_code == 200
    assert writer.get(f"/api/v1/people/{renamed.json()['person_id']}").json()["name"] == "Rajesh Mehta"
    gendered = writer.post("/api/v1/corrections/set-gender", headers=auth,
                           json={"person_id": renamed.json()["person_id"], "gender": "male"})
    assert gendered.status_code == 200
    assert writer.get(f"/api/v1/people/{gendered.json()['person_id']}").json()["gender"] == "male"
    _assert_error(writer.post("/api/v1/corrections/set-gender", headers=auth,
                              json={"person_id": people["Helen Price"], "gender": "robot"}), 422)


def test_correction_form_with_the_token_redirects_to_the_person(writer):
    people = {p["name"]: p["id"] for p in writer.get("/api/v1/people").json()["items"]}
    response = writer.post("/corrections/merge", follow_redirects=False,
                           data={"first_id": people["Raj Mehta"], "second_id": people["Chris Taylor"],
                                 "token": TOKEN})
    assert response.status_code == 303 and response.headers["location"].startswith("/people/")
    assert "Raj Mehta" in writer.get(response.headers["location"]).text


def test_pages_read_both_databases(client):
    hits = client.get("/quotes", params={"search": "potholes"}).text
    assert "Potholes are costing drivers millions," in hits
    assert "Helen Price said on Monday." in hits  # the rest of its sentence, for context
    assert "The transport agency" not in hits.split('class="context"')[1].split("</p>")[0]
    article = client.get(f"/articles/{_article_id(client, 'Flood defences hold as river peaks')}").text
    assert article.count('data-role="content"') == 3
    assert "Helen Price" in client.get("/dashboard").text


def test_stored_rules_reach_the_record_and_the_page(db_url):  # noqa: F811
    from web_support import floods

    from quotegraph.store.ingest import write_result

    record = floods().as_dict()
    record["quotes"][0].update(rule="quote-marks", speaker_rule="said-after-quote")
    store = build(db_url, [])
    write_result(store, "https://valley.example/floods", "digest", record)
    store.close()
    with TestClient(create_app(WebConfig(db=db_url)), raise_server_exceptions=False) as client:
        article_id = client.get("/api/v1/articles").json()["items"][0]["id"]
        stored = client.get(f"/api/v1/articles/{article_id}").json()["quotes"]
        assert (stored[0]["rule"], stored[0]["speaker_rule"]) == ("quote-marks", "said-after-quote")
        assert stored[1]["speaker_rule"] is None
        page = client.get(f"/articles/{article_id}").text
        assert "speaker rule: said-after-quote" in page  # in the hover text
        assert page.count("speaker rule <code>") == 1
