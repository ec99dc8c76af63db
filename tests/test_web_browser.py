"""The pages in a real browser: Playwright drives Debian's chromium against ``quotegraph serve``
(real uvicorn on a loopback port). Screenshots go to $QUOTEGRAPH_TEST_ARTIFACTS or a tmp folder."""

from __future__ import annotations

from collections import defaultdict

import httpx
import pytest
from browser_support import Watched, browser  # noqa: F401  (a fixture)
from web_support import FLOODS, Server, artifacts_dir, build, corpus, harbour_articles


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-browser") / "corpus.db"
    build(f"sqlite:///{db}").close()
    running = Server(str(db))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return artifacts_dir(tmp_path_factory)


@pytest.fixture
def page(browser):  # noqa: F811
    watched = Watched(browser)
    yield watched
    watched.close()
    assert not watched.dialogs


def _article_id(server, title: str) -> int:
    items = httpx.get(server.base + "/api/v1/articles").json()["items"]
    return next(a["id"] for a in items if a["title"] == title)


def test_article_page_colours_each_speaker(server, page, shots):
    p = page.page
    p.goto(f"{server.base}/articles/{_article_id(server, 'Flood defences hold as river peaks')}")
    marks = p.locator("#article-text mark[data-role=content]")
    assert len(set(marks.evaluate_all("ms => ms.map(m => m.dataset.quote)"))) == 3
    colours = defaultdict(set)
    for speaker, colour, style in marks.evaluate_all(
            "ms => ms.map(m => [m.dataset.speaker, getComputedStyle(m).backgroundColor,"
            " getComputedStyle(m).textDecorationStyle])"):
        colours[speaker].add((colour, style) if speaker == "Owen Jones" else colour)
    assert len(colours["Helen Price"]) == 1  # both of her quotes share one colour
    jones_colour, jones_style = next(iter(colours["Owen Jones"]))
    assert jones_colour not in colours["Helen Price"] and jones_style == "dashed"  # a mixed quote
    leftover = p.locator("#article-text .leftover")
    assert leftover.get_attribute("data-reason") == "credit" and "Photo:" in leftover.inner_text()
    assert p.evaluate("document.querySelector('#article-text').textContent") == FLOODS  # nothing added or lost
    marks.first.focus()
    assert "Helen Price" in marks.first.get_attribute("data-tip")
    p.screenshot(path=str(shots / "article.png"), full_page=True)
    assert not page.errors


def test_person_link_leads_to_the_person_page(server, page, shots):
    p = page.page
    p.goto(f"{server.base}/articles/{_article_id(server, 'Flood defences hold as river peaks')}")
    p.locator("aside.panel a.person-link", has_text="Helen Price").click()
    p.wait_for_url("**/people/*")
    assert p.locator("h1.person-name").inner_text() == "Helen Price"
    assert p.locator(".quote-count").inner_text() == "3"
    assert p.locator("svg.chart rect").count() == 2  # quotes in January and in February
    p.screenshot(path=str(shots / "person.png"), full_page=True)
    assert not page.errors


def test_search_from_the_header_finds_the_quote(server, page, shots):
    p = page.page
    p.goto(server.base + "/")
    p.fill("header input[name=search]", "potholes")
    p.press("header input[name=search]", "Enter")
    p.wait_for_url("**/quotes?search=potholes")
    hits = p.locator(".hit")
    assert hits.count() == 1
    assert "Potholes are costing drivers millions" in hits.first.inner_text()
    p.locator(".facets a", has_text="City Herald").click()
    assert p.locator(".hit").count() == 1 and "outlet=City+Herald" in p.url
    p.screenshot(path=str(shots / "quotes.png"), full_page=True)
    p.locator(".hit a.article-link").click()
    assert p.locator("h1").inner_text() == "Roads in a bad state"
    assert not page.errors


def test_dashboard_draws_its_charts(server, page, shots):
    p = page.page
    p.goto(server.base + "/dashboard")
    assert p.locator("svg.chart").count() == 4
    assert p.locator("#by-outlet svg rect.f").count() == 2  # a woman quoted in each outlet
    assert p.locator("#by-outlet svg rect.u").count() == 1  # Chris Taylor: gender unknown
    csv_url = p.locator("#by-outlet a.csv").get_attribute("href")
    assert httpx.get(server.base + csv_url).text.startswith("outlet,people,women,men,unknown")
    p.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert not page.errors


def test_analyze_shows_an_article_without_storing_it(server, page, shots):
    p = page.page
    p.goto(server.base + "/analyze")
    text = ('Council approves new cycle lanes\n\n"This will make the school run safer," said Maria Lopez, '
            'a parent who campaigned for the lanes. Councillor Tom Reed said the work would start in spring.')
    p.fill("textarea[name=text]", text)
    with p.expect_navigation(timeout=180_000):  # the first analysis loads the spaCy pipeline
        p.click("form.analyze button")
    assert p.locator(".notice").inner_text() == "Analyzed, not stored."
    assert p.locator("#article-text mark[data-role=content]").count() >= 1
    assert "Maria Lopez" in p.locator("aside.panel").inner_text()
    p.screenshot(path=str(shots / "analyze.png"), full_page=True)
    assert httpx.get(server.base + "/api/v1/articles").json()["total"] == 3
    assert not page.errors


@pytest.fixture(scope="module")
def cluster_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-clusters") / "corpus.db"
    build(f"sqlite:///{db}", corpus() + harbour_articles()).close()
    running = Server(str(db))
    yield running
    running.stop()


def test_cluster_pages_show_each_version_and_lead_to_its_article(cluster_server, page, shots):
    p = page.page
    p.goto(cluster_server.base + "/")
    p.locator("header nav a", has_text="Clusters").click()
    p.wait_for_url("**/clusters")
    rows = p.locator("tr.cluster-row")
    assert rows.count() == 1 and "conflicting speakers" in rows.first.inner_text()
    rows.first.locator("a.cluster-link").click()
    p.wait_for_url("**/clusters/*")
    members = p.locator("tr.member")
    assert members.count() == 3
    assert members.locator("td.speaker").all_inner_texts() == ["Ana Silva", "Ana Silva", "Tom Reyes"]
    assert p.locator("tr.member.first").count() == 1 and "Wire Service" in p.locator("tr.member.first").inner_text()
    assert p.locator(".change ins").inner_text() == "shut"
    p.screenshot(path=str(shots / "cluster.png"), full_page=True)
    members.nth(2).locator("a.article-link").click()
    assert p.locator("h1").inner_text() == "Harbour row"
    assert not page.errors
