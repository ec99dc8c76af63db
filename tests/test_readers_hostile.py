"""Hostile and broken input: each bad record or file is its own failure and the rest is read."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from quotegraph.errors import InputError
from quotegraph.models import Article
from quotegraph.readers import read_paths
from quotegraph.schema import validate
from quotegraph.settings import DEFAULT_MAX_CHARS, Options
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.ingest import ingest

SMITH = "Mayor Tom Smith said the budget was fine."
DOE = "Jane Doe said the libraries would close."
PAGE = ("<html><head><title>Ferry strike</title></head><body><article><h1>Ferry strike</h1>"
        "<p>The ferry union said on Monday that crews would walk out next week over pay and rosters.</p>"
        "<p>\u201cWe have been patient for two years,\u201d said union secretary Moira Campbell. "
        "\u201cPassengers deserve to know why the company will not talk to us.\u201d</p>"
        "<p>The operator said it regretted the decision and would publish a revised timetable.</p>"
        "</article></body></html>")


def read(*paths, **options):
    return list(read_paths([str(p) for p in paths], Options(**options)))


def test_wrong_type_metadata_is_one_failure_and_the_rest_is_stored(db_url, tmp_path, extractor):
    feed = tmp_path / "w.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": SMITH, "url": ["x"]},
        {"id": "b", "text": DOE},
        {"id": "c", "text": SMITH, "title": {"main": "x"}},
        {"id": 7, "text": "Officials said the roads would reopen.", "published": 2024},
    ]) + "\n", encoding="utf-8")
    store = Store(db_url)
    summary = ingest(store, [str(feed)], Options(), extractor=extractor)
    assert (summary.new, summary.failed) == (2, 2)
    with store.engine.connect() as conn:
        failures = conn.execute(select(t.failures.c.source, t.failures.c.error)).all()
        stored = sorted(conn.execute(select(t.articles.c.ext_id)).scalars())
    assert sorted(source.rsplit(":", 1)[1] for source, _ in failures) == ["1", "3"]
    assert any("'url' must be a string" in error for _, error in failures)
    assert stored == ["7", "b"]
    assert store.counts()["corpus_people"] >= 1


@pytest.mark.slow  # loads spaCy in a second process
def test_the_issue_reproducer_from_the_command_line(tmp_path):
    feed = tmp_path / "w.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": SMITH, "url": ["x"]}) + "\n"
                    + json.dumps({"id": "b", "text": DOE}) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    proc = subprocess.run([sys.executable, "-m", "quotegraph", "ingest", str(feed), "--db", str(db)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1  # one input failed; the other is stored
    assert "w.jsonl:1" in proc.stderr and "Traceback" not in proc.stderr
    store = Store(str(db), create=False)
    assert store.counts()["articles"] == 1


def test_metadata_is_coerced_or_refused_so_records_fit_the_schema(tmp_path, run):
    feed = tmp_path / "m.jsonl"
    feed.write_text(json.dumps({"id": 12, "text": DOE, "outlet": 3.5, "author": None}) + "\n"
                    + json.dumps({"id": "x", "text": DOE, "author": True}) + "\n", encoding="utf-8")
    article, refused = read(feed)
    assert isinstance(article, Article) and (article.id, article.outlet) == ("12", "3.5")
    assert isinstance(refused, InputError) and "'author'" in refused.message
    validate(run(article.text, id=article.id, outlet=article.outlet).as_dict())


@pytest.mark.slow  # loads spaCy in a second process
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_names_that_are_not_utf8(db_url, tmp_path, extractor):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/caf\xe9-report.txt"
    with open(name, "wb") as handle:
        handle.write(DOE.encode())
    [article] = read(folder)
    assert article.source.endswith("caf\ufffd-report.txt") and article.id == "caf\ufffd-report"
    article.source.encode("utf-8")  # no lone surrogates
    store = Store(db_url)
    summary = ingest(store, [str(folder)], Options(), extractor=extractor)
    assert (summary.new, summary.failed) == (1, 0)
    proc = subprocess.run([sys.executable, "-m", "quotegraph", "extract", str(folder), "-f", "jsonl",
                           "-o", str(tmp_path / "out.jsonl")], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["source"].endswith("caf\ufffd-report.txt")


def test_nul_anywhere_is_replaced_with_a_warning_and_stored(db_url, tmp_path, extractor):
    text = (DOE + " ") * 400  # over 8 KB before the NUL
    path = tmp_path / "late-nul.txt"
    path.write_bytes(text.encode() + b"\x00" + SMITH.encode())
    feed = tmp_path / "nul.jsonl"
    feed.write_text(json.dumps({"id": "j", "text": SMITH + "\x00 " + DOE, "title": "A\x00B"}) + "\n",
                    encoding="utf-8")
    article, record = read(path, feed)
    assert "\x00" not in article.text and len(article.text) == len(text) + 1 + len(SMITH)
    assert "nul" in [w.code for w in article.warnings]
    assert "\x00" not in record.text and "\x00" not in (record.title or "")
    store = Store(db_url)
    summary = ingest(store, [str(path), str(feed)], Options(), extractor=extractor)
    assert (summary.new, summary.failed) == (2, 0)


def test_utf16_files_with_a_bom_are_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("\ufeff" + DOE).encode(encoding))
        [article] = read(path)
        assert isinstance(article, Article), article
        assert article.text == DOE and not article.warnings


def test_html_with_invalid_utf8_warns_like_text(tmp_path):
    path = tmp_path / "latin1.html"
    path.write_bytes(PAGE.encode("utf-8").replace(b"Moira", b"M\xf6ira"))  # one Latin-1 byte
    [article] = read(path)
    assert isinstance(article, Article), article
    assert "invalid-utf8" in [w.code for w in article.warnings]


def test_deeply_nested_html_keeps_its_article(tmp_path):
    path = tmp_path / "nested.html"
    body = PAGE.split("<body>")[1].split("</body>")[0]
    path.write_text("<html><head><title>Ferry strike</title></head><body>" + "<div>" * 10000 + body
                    + "</div>" * 10000 + "</body></html>", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article), article
    assert "We have been patient for two years" in article.text


def test_texts_over_the_pipeline_limit_are_refused_up_front_in_one_line(tmp_path):
    sentence = "The council met again on Tuesday to discuss the harbour. "
    path = tmp_path / "long.txt"
    path.write_text(sentence * (DEFAULT_MAX_CHARS // len(sentence) + 1), encoding="utf-8")
    feed = tmp_path / "long.jsonl"
    feed.write_text(json.dumps({"id": "l", "text": sentence * (DEFAULT_MAX_CHARS // len(sentence) + 1)}) + "\n",
                    encoding="utf-8")
    for error in read(path, feed, max_bytes=10_000_000):
        assert isinstance(error, InputError)
        assert "over the limit of 1,000,000 characters" in error.message and "\n" not in error.message
    [ok] = read(path, max_bytes=10_000_000, max_chars=2_000_000)
    assert isinstance(ok, Article)


def test_the_extractor_accepts_every_text_the_reader_lets_through(extractor):
    assert extractor.nlp.max_length >= DEFAULT_MAX_CHARS
