"""Caches that are never stale: every entry belongs to one version of the database, read on each
request (``DataVersion``), so an ingest or a correction from any process empties them.

``VersionedCache`` holds computed values (statistics, counts); ``ResponseCache`` is ASGI
middleware that keeps whole GET responses with an ETag and answers ``If-None-Match`` with 304.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import text
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store.db import Store, sqlite_path


class DataVersion:
    """A value that changes whenever a transaction that wrote to the database commits.

    SQLite: ``PRAGMA data_version`` on a connection of its own that never writes (it changes
    when any other connection, in any process, commits). PostgreSQL: the current snapshot
    (``xmin:xmax:in-progress``), which changes when any writing transaction starts or ends."""

    def __init__(self, store: Store):
        self.store = store
        path = sqlite_path(store.url)
        self._sqlite: sqlite3.Connection | None = None
        if path is not None:
            self._sqlite = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def current(self) -> Hashable:
        with self._lock:
            if self._sqlite is not None:
                return self._sqlite.execute("PRAGMA data_version").fetchone()[0]
        if self.store.dialect != "postgresql":  # an in-memory database: a new version every time
            return object()
        with self.store.engine.connect() as conn:
            return conn.execute(text("SELECT txid_current_snapshot()::text")).scalar_one()

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()


class VersionedCache:
    """Computed values for one database version, at most ``size`` of them."""

    def __init__(self, version: Callable[[], Hashable], size: int = 512):
        self.version, self.size = version, size
        self._seen: Hashable = None
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def _check(self) -> None:
        now = self.version()
        with self._lock:
            if now != self._seen:
                self._data.clear()
                self._seen = now

    def lookup(self, key: Hashable) -> Any:
        """The cached value for ``key`` (None when absent), after dropping a past version's."""
        self._check()
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return None

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        found = self.lookup(key)
        if found is None:
            found = compute()
            self.put(key, found)
        return found

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


CACHED_PREFIXES = ("/api/v1/articles", "/api/v1/quotes", "/api/v1/people", "/api/v1/stats", "/api/v1/clusters",
                   "/articles/", "/quotes", "/people/", "/dashboard", "/clusters")
MAX_BODY = 4_000_000  # bytes: larger responses (downloads) are sent as they are, not kept


def cacheable(scope: Scope) -> bool:
    path = scope["path"]
    return scope["method"] == "GET" and any(path == p or path.startswith(p) for p in CACHED_PREFIXES)


class ResponseCache:
    """ASGI middleware: whole 200 responses to GET requests, by path and query string, for the
    current database version; each gets an ETag, and a matching ``If-None-Match`` gets a 304."""

    def __init__(self, app: ASGIApp, cache: VersionedCache):
        self.app, self.cache = app, cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        hit = self.cache.lookup(("response", key))
        if hit is None:
            hit = await _capture(self.app, scope, receive, send)
            if hit is not None:
                self.cache.put(("response", key), hit)
            return
        headers, body, etag = hit
        if etag in _if_none_match(scope):
            for message in _not_modified(etag):
                await send(message)
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _not_modified(etag: bytes) -> tuple[Message, Message]:
    """The 304 answer to a client that has the body of ``etag`` already."""
    return {"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]}, {
        "type": "http.response.body", "body": b""}


def _if_none_match(scope: Scope) -> list[bytes]:
    value = dict(scope["headers"]).get(b"if-none-match", b"")
    return [tag.strip() for tag in value.split(b",") if tag.strip()]


async def _capture(app: ASGIApp, scope: Scope, receive: Receive,
                   send: Send) -> tuple[list[tuple[bytes, bytes]], bytes, bytes] | None:
    """Runs the request; a 200 response sent in one piece is returned (with its ETag added) to
    be kept, anything else (errors, streamed downloads) passes through untouched. A client that
    already has that body (its ETag in ``If-None-Match``) gets a 304, as on a cache hit: on
    PostgreSQL any transaction of the server renews the version, so a hit is never certain."""
    wanted = _if_none_match(scope)
    start: list[Message] = []
    kept: list[tuple[list[tuple[bytes, bytes]], bytes, bytes]] = []

    async def capture(message: Message) -> None:
        if message["type"] == "http.response.start":
            start.append(message)
            return
        if message["type"] != "http.response.body" or not start:
            await send(message)
            return
        head = start.pop()
        body = message.get("body", b"")
        if head["status"] == 200 and not message.get("more_body") and len(body) <= MAX_BODY:
            etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
            head = {**head, "headers": [*head.get("headers", []), (b"etag", etag),
                                        (b"cache-control", b"no-cache")]}
            kept.append((list(head["headers"]), body, etag))
            if etag in wanted:
                head, message = _not_modified(etag)
        await send(head)
        await send(message)

    await app(scope, receive, capture)
    return kept[0] if kept else None
