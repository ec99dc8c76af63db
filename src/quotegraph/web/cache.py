"""A short-lived cache for the corpus-wide aggregates (statistics, counts, facets), which cost
a scan of the corpus each and change only when articles are ingested or people corrected."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

TTL = 30.0  # seconds: an ingest from another process shows within this delay


class TTLCache:
    def __init__(self, ttl: float = TTL, size: int = 512):
        self.ttl, self.size = ttl, size
        self._data: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        value = compute()
        with self._lock:
            if len(self._data) >= self.size:
                self._data.clear()
            self._data[key] = (now, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
