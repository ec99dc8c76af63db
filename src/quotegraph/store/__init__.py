"""The corpus database: ingest extracted articles, group people across articles, query, export."""

from .db import DEFAULT_URL, Store, resolve_url

__all__ = ["DEFAULT_URL", "Store", "resolve_url"]
