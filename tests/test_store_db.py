"""Opening a corpus database: migrations, SQLite settings, URL handling."""

from __future__ import annotations

import sqlite3

from sqlalchemy import inspect, select, text
from test_store_support import article, person, quote

from quotegraph.store import Store, resolve_url
from quotegraph.store import schema as t
from quotegraph.store.ingest import ingest_results

TABLES = {"articles", "quotes", "people", "corpus_people", "organizations", "places", "mentions",
          "excluded", "dates", "failures", "corrections", "corpus_organizations",
          "person_keys", "input_files", "quote_targets", "quote_said_on",
          "quote_clusters", "cluster_members", "lsh_slots", "source_people", "organization_keys"}


def _head() -> str:
    """The newest migration, whichever branch added it."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from quotegraph.store.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from quotegraph.store.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def test_migrations_create_every_table_and_reopen_cleanly(db_url):
    store = Store(db_url)
    names = set(inspect(store.engine).get_table_names())
    assert TABLES <= names
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == _head()
    store.close()
    again = Store(db_url)  # already at head: nothing to do, nothing breaks
    assert again.counts()["articles"] == 0
    # every table of the schema has its columns in the database
    for table in t.metadata.sorted_tables:
        stored = {c["name"] for c in inspect(again.engine).get_columns(table.name)}
        assert {c.name for c in table.columns} <= stored


def test_sqlite_file_is_wal_with_fts_for_datasette(tmp_path):
    path = tmp_path / "corpus.db"
    store = Store(str(path))  # a bare path is a SQLite file
    assert store.url == f"sqlite:///{path}"
    text_ = 'Anna Berg said "the ferry is late again" on Sunday.'
    berg = person("p1", "Anna Berg", text_)
    ingest_results(store, [article("ferry", text_, [berg], [quote("q1", text_, "the ferry is late again", berg)])])
    store.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # the pattern Datasette's detect_fts looks for, so it offers search on the quotes table
    assert raw.execute("SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE "
                       "'%VIRTUAL TABLE%USING FTS%content=\"quotes\"%'").fetchall() == [("quotes_fts",)]
    assert raw.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'ferry'").fetchall() == [(1,)]
    # plain foreign keys a browser can follow
    fks = {row[2] for row in raw.execute("PRAGMA foreign_key_list(quotes)")}
    assert {"articles", "people", "organizations"} <= fks


def test_reader_sees_committed_articles_while_a_writer_holds_a_transaction(tmp_path):
    path = tmp_path / "corpus.db"
    store = Store(str(path))
    text_ = 'Omar Haddad said "the market reopens Monday" after the fire.'
    haddad = person("p1", "Omar Haddad", text_)
    ingest_results(store, [article("market", text_, [haddad], [quote("q1", text_, "the market reopens Monday", haddad)])])
    with store.engine.begin() as writer:
        writer.execute(t.quotes.delete())
        reader = Store(str(path))
        with reader.engine.connect() as conn:  # WAL: not blocked, sees the last commit
            assert conn.execute(select(t.quotes.c.text)).scalars().all() == ["the market reopens Monday"]
        reader.close()


def test_resolve_url(monkeypatch):
    monkeypatch.delenv("QUOTEGRAPH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///quotegraph.db"
    monkeypatch.setenv("QUOTEGRAPH_DB", "postgresql://news@db.example/corpus")
    assert resolve_url(None) == "postgresql+psycopg://news@db.example/corpus"
    assert resolve_url("sqlite:////data/x.db") == "sqlite:////data/x.db"
