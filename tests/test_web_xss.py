"""Hostile text in the corpus: an article whose text, title, outlet and person names hold
``<script>`` and attribute-breaking payloads is ingested, every page that shows it is opened in
chromium with a dialog handler, and the raw HTML is checked for any unescaped payload."""

from __future__ import annotations

import re

import httpx
import pytest
from browser_support import Watched, browser  # noqa: F401  (a fixture)
from test_store_support import article, person, quote
from web_support import Server, artifacts_dir, build

SCRIPT = "<script>alert('xss-script')</script>"
IMG = "<img src=x onerror=alert('xss-img')>"
ATTR = "\" onmouseover=\"alert('xss-attr')\" x=\""
SVG = "<svg onload=alert('xss-svg')>"
NAME = f"Eve{SCRIPT}Mallory"
TEXT = (f"{IMG} Markets fell today.\n"
        f"\u201cWe did nothing wrong {SCRIPT} at all,\u201d said {NAME}, a {ATTR} trader. "
        f"Others said \u201cthe {SVG} fall was expected\u201d in the morning.\n")
PAYLOADS = [SCRIPT, IMG, SVG, "<script", "<img src=x", "<svg onload"]


def _hostile():
    eve = person("p1", NAME, TEXT, aliases=[f"Mallory{IMG}"], roles=[f"{ATTR} trader"],
                 gender="female", evidence=[f"pronoun:{SVG}"], quotes=1)
    return article("hostile", TEXT, [eve],
                   [quote("q1", TEXT, f"We did nothing wrong {SCRIPT} at all,", eve),
                    quote("q2", TEXT, f"the {SVG} fall was expected", None, qtype="mixed")],
                   title=f"Crash {SCRIPT}{ATTR}", outlet=f"Daily{IMG}", published="2026-03-01",
                   url=f"javascript:alert('xss-url')//{ATTR}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-xss") / "corpus.db"
    build(f"sqlite:///{db}", [_hostile()]).close()
    running = Server(str(db))
    yield running
    running.stop()


def _pages(server) -> list[str]:
    article_id = httpx.get(server.base + "/api/v1/articles").json()["items"][0]["id"]
    person_id = httpx.get(server.base + "/api/v1/people").json()["items"][0]["id"]
    return ["/", f"/articles/{article_id}", f"/people/{person_id}", "/people?search=Eve",
            "/quotes?search=nothing+wrong", "/quotes?speaker=" + httpx.QueryParams({"s": NAME})["s"],
            "/dashboard", "/quotes?search=" + SCRIPT, f"/articles/{article_id}?x={ATTR}"]


def test_no_payload_is_served_unescaped(server):
    for path in _pages(server):
        html = httpx.get(server.base + path).text
        for payload in PAYLOADS:
            assert payload not in html, (path, payload)
        # quotes inside attribute values are escaped, so no attribute can be broken out of
        assert not re.search(r"\"\s*onmouseover=", html), path
        assert "javascript:" not in html, path  # the untrusted URL is not turned into a link


def test_no_payload_runs_in_the_browser(server, browser, tmp_path_factory):  # noqa: F811
    shots = artifacts_dir(tmp_path_factory)
    watched = Watched(browser)
    page = watched.page
    for path in _pages(server):
        page.goto(server.base + path)
        for element in page.locator("mark, a, .person").all()[:20]:
            element.dispatch_event("mouseover")  # would fire an injected onmouseover
        assert page.locator("script").count() == 0, path
        assert page.locator("img[src=x], svg[onload]").count() == 0, path
    page.goto(server.base + _pages(server)[1])
    assert SCRIPT in page.locator("#article-text").inner_text()  # shown as text
    page.screenshot(path=str(shots / "xss-article.png"), full_page=True)
    watched.close()
    assert watched.dialogs == []
