"""Open a corpus database: engine set-up, automatic migrations, small shared helpers."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url

from . import schema

DEFAULT_URL = "sqlite:///quotegraph.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(url: str | None) -> str:
    """``--db``, else ``QUOTEGRAPH_DB``, else ``quotegraph.db`` in the working directory.

    A bare path is taken as a SQLite file; ``postgresql://`` gets the installed psycopg 3 driver.
    """
    url = url or os.environ.get("QUOTEGRAPH_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A corpus database, migrated to the current schema when opened."""

    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = resolve_url(url)
        self.engine: Engine = _engine(self.url)
        self.dialect = self.engine.dialect.name
        if migrate:
            self.migrate()

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def counts(self) -> dict[str, int]:
        """Rows per table (the tables a corpus reader cares about)."""
        from sqlalchemy import func

        names = ["articles", "quotes", "people", "corpus_people", "organizations", "places",
                 "mentions", "excluded", "dates", "failures", "corrections", "corpus_organizations"]
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar_one()
                    for name in names}


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn, _record):
        # WAL: readers (quotegraph quotes, Datasette) work while an ingest writes.
        # synchronous=NORMAL is durable across process crashes, which is what kill -9 tests.
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that
        # DDL in migrations and every article's writes are each one real transaction.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine
