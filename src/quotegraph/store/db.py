"""Open a corpus database: engine set-up, automatic migrations, small shared helpers."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ..errors import QuotegraphError
from . import schema

DEFAULT_URL = "sqlite:///quotegraph.db"
MIGRATIONS = Path(__file__).parent / "migrations"
SUPPORTED = ("quotegraph supports SQLite (a file path, or sqlite:///corpus.db; sqlite:///corpus.db?mode=ro "
             "to read only) and PostgreSQL (postgresql://user:password@host/dbname, needs the postgres extra)")
SQLITE_BUSY_SECONDS = 300  # a writer waits this long for another writer (a second ingest) to commit
_MIGRATION_LOCK = 7_201_611  # pg_advisory_xact_lock key: one process migrates a fresh database at a time


class DatabaseError(QuotegraphError):
    """A database that cannot be opened as asked (bad URL, missing file)."""


def resolve_url(url: str | None) -> str:
    """``--db``, else ``QUOTEGRAPH_DB``, else ``quotegraph.db`` in the working directory.

    A bare path (``~`` expanded) is taken as a SQLite file; ``postgresql://`` gets the installed
    psycopg 3 driver.
    """
    url = url or os.environ.get("QUOTEGRAPH_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{os.path.expanduser(url)}"
    if url.startswith("sqlite:///~"):
        return "sqlite:///" + os.path.expanduser(url[len("sqlite:///"):])
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    parsed = _parse(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A corpus database, migrated to the current schema when opened.

    ``create=False`` (every command that only reads) refuses a SQLite file that does not exist
    instead of creating an empty corpus.
    """

    def __init__(self, url: str | None = None, migrate: bool = True, create: bool = True):
        self.url = resolve_url(url)
        path = sqlite_path(self.url)
        if path is not None and not create and not path.exists():
            raise DatabaseError(f"no database at {path}; create one with: quotegraph ingest ARTICLES --db {path}")
        self.engine: Engine = _engine(self.url)
        self.dialect = self.engine.dialect.name
        self.read_only = _parse(self.url).query.get("mode") == "ro"
        if migrate:
            self.migrate()

    def migrate(self) -> None:
        """Bring the schema to head; a database already there is only read (works read-only)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(config).get_current_head()
        with self.engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        if self.read_only:
            raise DatabaseError("the database is opened read-only (mode=ro) but its schema needs an upgrade")
        with self.write() as conn:
            if self.dialect == "postgresql":  # two processes on a fresh database: one migrates, one waits
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    @contextmanager
    def write(self, lock: str | None = None) -> Iterator[Connection]:
        """One write transaction. SQLite: ``BEGIN IMMEDIATE``, so a second writer waits for the
        first (busy timeout) instead of failing with "database is locked" at its first insert.
        PostgreSQL: ``lock`` names an advisory lock held until commit (one writer per key)."""
        with self.engine.connect() as conn:
            conn.execution_options(quotegraph_immediate=True)
            with conn.begin():
                if lock is not None and self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": lock})
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def counts(self) -> dict[str, int]:
        """Rows per table (the tables a corpus reader cares about)."""
        names = ["articles", "quotes", "people", "corpus_people", "organizations", "places",
                 "mentions", "excluded", "dates", "failures", "corrections", "corpus_organizations"]
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar_one()
                    for name in names}


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise DatabaseError(f"{url!r} is not a database URL; {SUPPORTED}") from None


def _engine(url: str) -> Engine:
    parsed = _parse(url)
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(f"unsupported database {parsed.drivername!r}; {SUPPORTED}")
    try:
        if parsed.get_backend_name() != "sqlite":
            return create_engine(url, pool_pre_ping=True)
        return _sqlite_engine(parsed)
    except NoSuchModuleError:
        raise DatabaseError(f"unsupported database {parsed.drivername!r}; {SUPPORTED}") from None
    except ModuleNotFoundError as exc:
        raise DatabaseError(f"the driver for {parsed.drivername} is not installed ({exc.name}); "
                            "install quotegraph[postgres] for PostgreSQL") from None


def _sqlite_engine(parsed: URL) -> Engine:
    database = parsed.database or ":memory:"
    read_only = parsed.query.get("mode") == "ro"
    if database != ":memory:" and not read_only:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    connect_args: dict[str, Any] = {"timeout": SQLITE_BUSY_SECONDS}
    if read_only:
        # sqlite3 honours mode=ro only in a file: URI; SQLAlchemy would otherwise drop it
        target = f"file:{Path(database).resolve()}?mode=ro"
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
            target, uri=True, timeout=SQLITE_BUSY_SECONDS, check_same_thread=False))
    else:
        engine = create_engine(parsed.set(query={}), connect_args=connect_args)
    _sqlite_events(engine, read_only)
    return engine


def _sqlite_events(engine: Engine, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
        # WAL: readers (quotegraph quotes, Datasette) work while an ingest writes.
        # synchronous=NORMAL is durable across process crashes, which is what kill -9 tests.
        cursor = dbapi_conn.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that
        # DDL in migrations and every article's writes are each one real transaction.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("quotegraph_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
