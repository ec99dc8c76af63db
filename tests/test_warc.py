"""Web archives: HTML responses become articles with the record's URL and date; bad records are
skipped; a finished WARC file is skipped next time; a killed ingest resumes without doubling."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner
from warc_support import PAGES, WARC_DATE, _http, write_warc
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.cli import app
from quotegraph.errors import InputError
from quotegraph.models import Article
from quotegraph.readers import read_paths
from quotegraph.settings import Options
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.ingest import ingest

URLS = list(PAGES)


def test_html_responses_become_articles_with_url_title_and_date(tmp_path):
    items = list(read_paths([str(write_warc(tmp_path / "crawl.warc.gz"))]))
    assert all(isinstance(a, Article) for a in items)  # request, 404, image and redirect are not articles
    by_url = {a.url: a for a in items}
    assert list(by_url) == URLS
    bridge, ferry, library = (by_url[u] for u in URLS)
    assert (bridge.title, bridge.published) == ("Council backs bridge repairs", "2026-11-02")
    assert bridge.outlet == "Valley Herald"
    assert library.published == "2026-10-20"  # the page's own date wins over the crawl date
    assert ferry.published == WARC_DATE[:10]  # the page gives none: the WARC date
    assert "Helen Okafor" in ferry.text and "<p>" not in ferry.text


def test_uncompressed_warc_in_a_directory_is_read(tmp_path):
    write_warc(tmp_path / "a.warc", extras=False)
    (tmp_path / "note.txt").write_text("The mayor said the plan was fair.", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert sorted(a.url or a.source for a in items) == sorted(URLS + [str(tmp_path / "note.txt")])


def _broken_warc(path: Path) -> Path:
    """Good page, a page whose body claims gzip but is not, good page, junk bytes, good page."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(_http(writer, URLS[0], PAGES[URLS[0]].encode()))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://broken.example/x", "response",
                                                      payload=BytesIO(b"\x1f\x8bnot gzip" * 30), http_headers=headers))
        writer.write_record(_http(writer, URLS[1], PAGES[URLS[1]].encode()))
        handle.write(b"\x1f\x8b\x08\x00 truncated member from a dead crawler" * 4)
        writer.write_record(_http(writer, URLS[2], PAGES[URLS[2]].encode()))
    return path


def test_malformed_records_are_reported_and_skipped(tmp_path):
    items = list(read_paths([str(_broken_warc(tmp_path / "bad.warc.gz"))]))
    assert [a.url for a in items if isinstance(a, Article)] == URLS[:2]
    errors = [e for e in items if isinstance(e, InputError)]
    assert len(errors) == 2 and "malformed WARC record" in errors[-1].message
    assert all(e.source.startswith(str(tmp_path / "bad.warc.gz") + "@") for e in errors)


def test_ingest_records_the_finished_file_and_skips_it_next_time(db_url, tmp_path, extractor):
    warc = write_warc(tmp_path / "crawl.warc.gz")
    store = Store(db_url)
    first = ingest(store, [str(warc)], Options(), extractor=extractor)
    assert (first.new, first.failed, first.skipped_files) == (3, 0, 0)
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.articles.c.url, t.articles.c.title, t.articles.c.published)
                            .order_by(t.articles.c.url)).all()
        done = conn.execute(select(t.input_files.c.path, t.input_files.c.articles)).all()
        quotes = conn.execute(select(func.count()).select_from(t.quotes)).scalar_one()
    assert [r.url for r in rows] == sorted(URLS)
    assert ("Ferry fares to rise in April", "2026-11-28") in [(r.title, r.published) for r in rows]
    assert done == [(str(warc.resolve()), 3)] and quotes >= 3
    again = ingest(store, [str(warc)], Options(), extractor=extractor)
    assert (again.new, again.unchanged, again.skipped_files) == (0, 0, 1)
    store.close()


def test_broken_warc_ingests_the_good_pages_and_records_the_failures(tmp_path, extractor):
    store = Store(str(tmp_path / "c.db"))
    summary = ingest(store, [str(_broken_warc(tmp_path / "bad.warc.gz"))], Options(), extractor=extractor)
    assert (summary.new, summary.failed) == (2, 2)
    assert store.counts()["failures"] == 2
    store.close()


def test_extract_reads_warc(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz")
    result = CliRunner().invoke(app, ["extract", str(warc), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    urls = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(urls) == 3 and all(any(u in line for u in URLS) for line in urls)


def _many_pages(count: int) -> dict[str, str]:
    template = PAGES[URLS[1]]
    names = ["Helen Okafor", "Ruth Adeyemi", "Tomas Berg", "Aisha Karim", "Owen Price", "Lena Fischer"]
    return {f"https://coastnews.example/story/{i}": template.replace("Helen Okafor", names[i % len(names)])
            .replace("eight percent", f"{i + 2} percent") for i in range(count)}


def test_killed_warc_ingest_resumes_without_doubling(tmp_path):
    warc = write_warc(tmp_path / "big.warc.gz", _many_pages(40), extras=False)
    url = f"sqlite:///{tmp_path / 'c.db'}"
    command = [sys.executable, "-m", "quotegraph", "ingest", str(warc), "--db", url]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = Store(url)
    deadline = time.monotonic() + 120
    while _articles(store) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stopped_at = _articles(store)
    assert 3 <= stopped_at < 40  # killed mid-file
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.input_files)).scalar_one() == 0
    subprocess.run(command, check=True, capture_output=True)
    with store.engine.connect() as conn:
        keys = conn.execute(select(t.articles.c.key)).scalars().all()
        assert conn.execute(select(func.count()).select_from(t.input_files)).scalar_one() == 1
    assert sorted(keys) == sorted(_many_pages(40))
    store.close()


def _articles(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.articles)).scalar_one()
