"""Quote clusters in the API and pages, and the delete and org-merge corrections, over a real
database: a wire story's quotation reprinted by two outlets (one changes a word, one gives it to
someone else), and two names of one organisation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_store_support import article, person, quote
from web_support import TOKEN, build, corpus

from quotegraph.models import Entity, Span
from quotegraph.web.app import WebConfig, create_app

WIRE = ('"We will not let the harbour close while I am mayor," Ana Silva said on Tuesday. '
        'The port authority said the dredging contract would be signed.')
REPRINT = ('Mayor Ana Silva vowed: "We will not let the harbour shut while I am mayor," at a rally. '
           'The Port Authority of Eastby said talks continued.')
MISQUOTED = ('"We will not let the harbour close while I am mayor," Tom Reyes said, according to the '
             'Coastline Times.')
QUOTATION = "We will not let the harbour close while I am mayor,"


def _org(text: str, name: str, oid: str = "o1") -> Entity:
    start = text.index(name)
    return Entity(oid, name, mentions=[Span.of(text, start, start + len(name))], quote_count=1)


def harbour_articles() -> list:
    silva = person("p1", "Ana Silva", WIRE, gender="female", evidence=["name:Ana"], quotes=1)
    authority = _org(WIRE, "The port authority")
    wire = article("wire", WIRE, [silva], [quote("q1", WIRE, QUOTATION, silva),
                                           quote("q2", WIRE, "the dredging contract would be signed", authority,
                                                 qtype="indirect")],
                   orgs=[authority], outlet="Wire Service", published="2026-03-03", title="Mayor vows to keep harbour open")
    silva2 = person("p1", "Ana Silva", REPRINT, gender="female", evidence=["name:Ana"], quotes=1)
    eastby = _org(REPRINT, "The Port Authority of Eastby")
    reprint = article("reprint", REPRINT, [silva2],
                      [quote("q1", REPRINT, "We will not let the harbour shut while I am mayor,", silva2, cue="vowed"),
                       quote("q2", REPRINT, "talks continued", eastby, qtype="indirect")],
                      orgs=[eastby], outlet="Eastby Echo", published="2026-03-04", title="Harbour will stay open")
    reyes = person("p1", "Tom Reyes", MISQUOTED, gender="male", evidence=["name:Tom"], quotes=1)
    misquoted = article("misquoted", MISQUOTED, [reyes], [quote("q1", MISQUOTED, QUOTATION, reyes)],
                        outlet="Coastline Times", published="2026-03-05", title="Harbour row")
    return [wire, reprint, misquoted]


@pytest.fixture
def writer(db_url):
    build(db_url, corpus() + harbour_articles()).close()
    with TestClient(create_app(WebConfig(db=db_url, allow_write=True, token=TOKEN)),
                    raise_server_exceptions=False) as client:
        yield client


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_the_cluster_api_gives_every_version_first_appearance_and_flags(writer):
    found = writer.get("/api/v1/clusters").json()
    assert found["total"] == 1  # the corpus's other quotes appear once each
    cluster = found["items"][0]
    assert cluster["canonical_text"] == QUOTATION  # the commonest wording
    assert [m["outlet"] for m in cluster["members"]] == ["Wire Service", "Eastby Echo", "Coastline Times"]
    assert cluster["first"]["outlet"] == "Wire Service"
    assert cluster["conflicting_speakers"] and cluster["wording_changed"]
    assert [c["member"] for c in cluster["members"][1]["changes"]] == ["shut"]
    assert writer.get("/api/v1/clusters", params={"speaker": "Reyes"}).json()["total"] == 1
    assert writer.get("/api/v1/clusters", params={"search": "river defences"}).json()["total"] == 0
    one = writer.get(f"/api/v1/clusters/{cluster['id']}").json()
    assert one == cluster
    missing = writer.get("/api/v1/clusters/999999")
    assert missing.status_code == 404 and set(missing.json()) == {"error"}


def test_the_cluster_pages_link_each_version_to_its_article(writer):
    listing = writer.get("/clusters").text
    assert "conflicting speakers" in listing and 'class="cluster-link"' in listing
    cluster_id = writer.get("/api/v1/clusters").json()["items"][0]["id"]
    page = writer.get(f"/clusters/{cluster_id}").text
    assert page.count('class="article-link"') == 3 and "Tom Reyes" in page and "<ins>shut</ins>" in page
    assert "No quotation appears" in writer.get("/clusters", params={"search": "potholes"}).text
    assert writer.get("/clusters/999999").status_code == 404


def test_delete_takes_a_person_out_but_keeps_the_quotes(writer):
    people = {p["name"]: p["id"] for p in writer.get("/api/v1/people", params={"per_page": 200}).json()["items"]}
    assert writer.post("/api/v1/corrections/delete", json={"person_id": people["Tom Reyes"]}).status_code == 401
    done = writer.post("/api/v1/corrections/delete", headers=AUTH, json={"person_id": people["Tom Reyes"]})
    assert done.status_code == 200 and done.json() == {"correction": "delete", "person_id": None}
    names = {p["name"] for p in writer.get("/api/v1/people", params={"per_page": 200}).json()["items"]}
    assert "Tom Reyes" not in names and "Ana Silva" in names
    assert writer.get("/api/v1/quotes", params={"search": "harbour", "outlet": "Coastline Times"}).json()["total"] == 1
    again = writer.post("/api/v1/corrections/delete", headers=AUTH, json={"person_id": people["Tom Reyes"]})
    assert again.status_code == 422


def test_org_merge_joins_two_names_of_one_organisation(writer):
    orgs = {o["name"]: o["id"] for o in writer.get("/api/v1/stats/top").json()["organizations"]}
    first, second = orgs["The port authority"], orgs["The Port Authority of Eastby"]
    merged = writer.post("/api/v1/corrections/org-merge", headers=AUTH, json={"first_id": first, "second_id": second})
    assert merged.status_code == 200
    top = writer.get("/api/v1/stats/top").json()["organizations"]
    joined = next(o for o in top if o["id"] == merged.json()["organization_id"])
    assert joined["quote_count"] == 2 and joined["article_count"] == 2
    same = writer.post("/api/v1/corrections/org-merge", headers=AUTH, json={"first_id": first, "second_id": first})
    assert same.status_code == 422


def test_the_delete_form_returns_to_the_corrections_page(writer):
    people = {p["name"]: p["id"] for p in writer.get("/api/v1/people", params={"per_page": 200}).json()["items"]}
    refused = writer.post("/corrections/delete", data={"person_id": people["Tom Reyes"], "token": "wrong"})
    assert refused.status_code == 401
    response = writer.post("/corrections/delete", follow_redirects=False,
                           data={"person_id": people["Tom Reyes"], "token": TOKEN})
    assert response.status_code == 303 and response.headers["location"] == "/corrections?done=delete"
    assert "Done: Delete a person" in writer.get(response.headers["location"]).text


def test_without_allow_write_the_new_corrections_do_not_exist(db_url):
    build(db_url).close()
    with TestClient(create_app(WebConfig(db=db_url)), raise_server_exceptions=False) as client:
        for name in ("delete", "org-merge"):
            assert client.post(f"/api/v1/corrections/{name}", headers=AUTH, json={"person_id": 1}).status_code in (
                404, 405)
