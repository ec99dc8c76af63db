"""The corpus commands against a typo'd, missing, read-only or hostile database and odd values."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from test_store_support import article, person, quote
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.store import Store
from quotegraph.store.ingest import ingest_results

runner = CliRunner()
BUDGET = 'Council leader Tom Hale said "=HYPERLINK(\\"http://evil.example\\",\\"click\\")" at the meeting.'


def _invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def corpus(db_url):
    store = Store(db_url)
    hale = person("p1", "Tom Hale", BUDGET, aliases=["-Tom"], quotes=1)
    content = '=HYPERLINK(\\"http://evil.example\\",\\"click\\")'
    ingest_results(store, [article("budget", BUDGET, [hale], [quote("q1", BUDGET, content, hale)],
                                   title="@SUM(A1:A9)", outlet="+Gazette", published="2026-04-01")])
    store.close()
    return db_url


@pytest.mark.parametrize("command", [["quotes"], ["people"], ["person", "Hale"], ["stats", "top"], ["export"]])
def test_read_commands_refuse_a_missing_database_and_create_nothing(tmp_path, command):
    typo = tmp_path / "corpsu.db"
    result = _invoke(*command, "--db", typo)
    assert result.exit_code == 1
    assert "no database" in result.output and "quotegraph ingest" in result.output
    assert not typo.exists()
    deep = tmp_path / "nonexistent" / "dir" / "x.db"
    assert _invoke(*command, "--db", deep).exit_code == 1
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("url", ["sqllite:///x.db", "mysql://u@h/db", "://nothing"])
def test_unsupported_urls_name_what_is_supported(tmp_path, url):
    result = _invoke("quotes", "--db", url)
    assert result.exit_code == 1
    assert "SQLite" in result.output and "PostgreSQL" in result.output
    assert "Traceback" not in result.output and "sqlalchemy.dialects" not in result.output


@pytest.mark.parametrize("value", ["2024-13", "2016-02-30", "2016-00", "2016-1", "20160", "2015-02-29"])
def test_impossible_dates_are_usage_errors(corpus, value):
    for option in ("--since", "--until"):
        result = _invoke("quotes", option, value, "--db", corpus)
        assert result.exit_code == 2, (option, value, result.output)
        assert option in result.output


def test_partial_until_covers_the_real_end_of_the_month(corpus):
    # 2026-04-31 does not exist; the bound is 2026-04-30 and April's article is found
    records = json.loads(_invoke("quotes", "--until", "2026-04", "--since", "2016-02", "--db", corpus,
                                 "-f", "json").output)
    assert len(records) == 1
    assert _invoke("quotes", "--since", "2024-02-29", "--db", corpus).exit_code == 0


def test_odd_values_are_clean_one_line_errors(corpus):
    assert _invoke("quotes", "--limit", "-1", "--db", corpus).exit_code == 2
    assert _invoke("people", "--top", "-5", "--db", corpus).exit_code == 2
    odd = _invoke("person", "²", "--db", corpus)
    assert odd.exit_code == 1 and "no person matches" in odd.output
    for ids in (["0", "1"], ["99999999999999999999", "1"], ["1", "-3"]):
        result = _invoke("people", "merge", *ids, "--db", corpus)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
    bad = _invoke("quotes", "--search", '"" AND', "--db", corpus)
    assert bad.exit_code == 2 and "--search" in bad.output
    for result in (odd, bad):
        assert "SELECT" not in result.output and "parameters" not in result.output


def test_person_csv_is_csv(corpus):
    result = _invoke("person", "Tom Hale", "-f", "csv", "--db", corpus)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["article_id"] for row in rows] == ["1"] and rows[0]["title"] == "'@SUM(A1:A9)"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(corpus, tmp_path):
    out = tmp_path / "quotes.csv"
    assert _invoke("export", "-f", "csv", "-o", out, "--db", corpus).exit_code == 0
    [row] = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert row["text"].startswith("'=HYPERLINK(") and row["title"] == "'@SUM(A1:A9)"
    assert row["outlet"] == "'+Gazette" and row["confidence"] == "0.9"
    people = _invoke("people", "-f", "csv", "--db", corpus).stdout
    [listed] = list(csv.DictReader(io.StringIO(people)))
    assert listed["aliases"] == '["-Tom"]'  # a JSON list: starts with "[", left alone
    listed_quotes = list(csv.DictReader(io.StringIO(_invoke("quotes", "-f", "csv", "--db", corpus).stdout)))
    assert listed_quotes[0]["text"].startswith("'=") and listed_quotes[0]["outlet"] == "'+Gazette"


def test_export_never_overwrites_without_force_and_never_the_database(corpus, tmp_path):
    existing = tmp_path / "notes.txt"
    existing.write_text("keep me", encoding="utf-8")
    refused = _invoke("export", "-o", existing, "--db", corpus)
    assert refused.exit_code == 2 and "--force" in refused.output
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert _invoke("export", "-o", existing, "--force", "--db", corpus).exit_code == 0
    assert json.loads(existing.read_text(encoding="utf-8").splitlines()[0])["person"] == "Tom Hale"
    if corpus.startswith("sqlite:///"):
        database = Path(corpus[len("sqlite:///"):])
        size = database.stat().st_size
        for target in (database, Path(f"{database}-wal")):
            if target.exists():
                result = _invoke("export", "-o", target, "--force", "--db", corpus)
                assert result.exit_code == 2 and "database" in result.output
        assert database.stat().st_size == size and Store(corpus).counts()["quotes"] == 1


def test_read_only_url_reads_and_refuses_writes(tmp_path):
    path = tmp_path / "corpus.db"
    store = Store(str(path))
    hale = person("p1", "Tom Hale", BUDGET, quotes=1)
    ingest_results(store, [article("budget", BUDGET, [hale], [quote("q1", BUDGET, "=HYPERLINK", hale)])])
    store.close()
    url = f"sqlite:///{path}?mode=ro"
    assert json.loads(_invoke("people", "--db", url, "-f", "json").stdout)[0]["name"] == "Tom Hale"
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text('Jane Doe said "the library will close" on Friday.', encoding="utf-8")
    result = _invoke("ingest", articles, "--db", url)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_home_directory_in_a_path(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    store = Store("~/corpora/x.db")
    assert store.url == f"sqlite:///{tmp_path}/corpora/x.db"
    store.close()
    assert (tmp_path / "corpora" / "x.db").exists()
    assert Store("sqlite:///~/corpora/x.db", create=False).counts()["articles"] == 0
