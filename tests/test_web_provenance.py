"""Quote clusters in the API and pages, and the delete and org-merge corrections, over a real
database: a wire story's quotation reprinted by two outlets (one changes a word, one gives it to
someone else), and two names of one organisation (web_support.harbour_articles)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import QUOTATION, TOKEN, build, corpus, harbour_articles

from quotegraph.web.app import WebConfig, create_app


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
