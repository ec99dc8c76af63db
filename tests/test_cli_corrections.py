"""The correction, check and statistics commands end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

from test_cli_corpus import STORIES
from test_store_corrections import _follow, _speech
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.store import Store
from quotegraph.store.ingest import ingest_results


def _invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _json(*args):
    result = _invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _person_id(db_url: str, name: str) -> int:
    [match] = [p for p in _json("people", "--db", db_url, "--top", 0) if p["name"] == name]
    return match["id"]


def test_ingest_without_name_gender_leaves_no_name_guess(db_url, tmp_path, extractor):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert _invoke("ingest", folder, "--db", db_url, "--no-name-gender").exit_code == 0
    [no_outlet, total] = _json("stats", "sources", "--db", db_url)  # plain files: no outlet
    assert no_outlet["outlet"] == "(no outlet)" and no_outlet["people"] == total["people"]
    assert total["outlet"] == "(total)" and total["people"] >= 3
    assert total["gender_from_name"] == 0 and total["unknown"] > 0
    # with first-name guesses (re-extracted with --force) some unknowns become name guesses
    assert _invoke("ingest", folder, "--db", db_url, "--force").exit_code == 0
    guessed = _json("stats", "sources", "--db", db_url)[-1]
    assert guessed["gender_from_name"] > 0
    text_only = _json("stats", "sources", "--db", db_url, "--evidence", "text")[-1]
    assert text_only["gender_from_name"] == 0 and text_only["unknown"] == total["unknown"]


def test_correction_commands_and_their_log(db_url):
    store = Store(db_url)
    ingest_results(store, [_speech(), _follow()])
    headline, obama = _person_id(db_url, "Obama Says"), _person_id(db_url, "Barack Obama")
    [wall] = _json("quotes", "--db", db_url, "--search", "wall must fall")

    assert _invoke("people", "delete", headline, "--db", db_url, "--note", "headline").exit_code == 0
    assert _invoke("people", "rename", _person_id(db_url, "Hillary Clinton"), "H. R. Clinton", "--db", db_url,
                   "--by", "ed").exit_code == 0
    assert _invoke("people", "set-gender", _person_id(db_url, "Pat Lee"), "female", "--db", db_url).exit_code == 0
    assert _invoke("quotes", "reassign", wall["id"], "--to", obama, "--db", db_url).exit_code == 0
    assert _invoke("quotes", "reassign", wall["id"], "--db", db_url).exit_code == 2  # --to or --none needed
    assert _invoke("quotes", "reassign", 10**6, "--none", "--db", db_url).exit_code == 1
    orgs = {o["name"]: o["id"] for o in _json("orgs", "--db", db_url)}
    assert _invoke("orgs", "merge", orgs["The Republicans"], orgs["Freedom Caucus"], "--db", db_url).exit_code == 0

    names = {p["name"]: p for p in _json("people", "--db", db_url)}
    assert "Obama Says" not in names and "H. R. Clinton" in names
    assert (names["Pat Lee"]["gender"], names["Pat Lee"]["gender_source"]) == ("female", "manual")
    [wall] = _json("quotes", "--db", db_url, "--search", "wall must fall")
    assert (wall["speaker"], wall["corpus_person_id"]) == ("Barack Obama", obama)
    assert len(_json("orgs", "--db", db_url, "--search", "Freedom Caucus")) == 1

    log = _json("people", "corrections", "--db", db_url)
    assert [c["action"] for c in log] == ["delete", "rename", "gender", "reassign", "org-merge"]
    assert log[0]["note"] == "headline" and log[1]["author"] == "ed"
    rebuilt = _invoke("people", "rebuild", "--db", db_url)
    assert rebuilt.exit_code == 0 and "H. R. Clinton" in {p["name"] for p in _json("people", "--db", db_url)}


def test_check_and_person_lookup(db_url):
    store = Store(db_url)
    ingest_results(store, [_speech(), _follow()])
    found = _json("check", "--db", db_url)
    assert found["headline_names"]["count"] == 1
    assert found["headline_names"]["items"][0]["name"] == "Obama Says"
    table = _invoke("check", "--db", db_url)
    assert table.exit_code == 0 and "summary: headline_names 1" in table.output
    many = _invoke("person", "Obama", "--db", db_url)  # two fit: both listed, the most quoted first
    assert many.exit_code == 1 and many.output.index("Obama Says") < many.output.index("Barack Obama")
