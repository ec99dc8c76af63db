"""Take the screenshots in docs/web.md: chromium (Debian's) on a running ``quotegraph serve``.

    QUOTEGRAPH_TOKEN=docs quotegraph serve --db corpus.db --allow-write --port 8765 &
    .venv/bin/python docs/img/screenshots.py http://127.0.0.1:8765 ARTICLE_ID PERSON_ID
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HERE = Path(__file__).parent
ANALYZE_TEXT = ('Council approves new cycle lanes\n\n"This will make the school run safer," said Maria Lopez, '
                'a parent who campaigned for the lanes. Councillor Tom Reed said the work would start in spring, '
                'adding that "nobody will lose a parking space".')


def main(base: str, article: str, person: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 760})
        for name, path in [("home", "/"), ("article", f"/articles/{article}"), ("quotes", "/quotes?search=said"),
                           ("person", f"/people/{person}"), ("dashboard", "/dashboard"), ("analyze", "/analyze"),
                           ("corrections", "/corrections"), ("api", "/api/v1/docs")]:
            page.goto(base + path)
            if name == "article":
                page.locator("#article-text mark[data-role=content]").nth(2).focus()
            page.screenshot(path=str(HERE / f"web-{name}.png"))
        page.goto(base + "/analyze")
        page.fill("textarea[name=text]", ANALYZE_TEXT)
        with page.expect_navigation(timeout=180_000):
            page.click("form.analyze button")
        page.screenshot(path=str(HERE / "web-analyzed.png"))
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
