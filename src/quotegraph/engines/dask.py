"""Extraction on a Dask cluster: a ``LocalCluster`` of worker processes, or a running scheduler.

Each worker loads the spaCy pipeline once (a per-process ``Extractor``, kept between tasks) and
returns plain dicts; the calling process writes them through the same ``Sink`` as a local
ingest, so identity rules (no article doubled, unchanged articles skipped, failures recorded)
are the same. Needs the ``quotegraph[dask]`` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import QuotegraphError
from ..settings import Options
from ..store.ingest import CHUNK, Extracted, Todo

MISSING = "the Dask engine needs the dask extra: pip install 'quotegraph[dask]'"


def _extract_on_worker(chunk: list[Todo], options: Options) -> list[Extracted]:
    from ..store import ingest

    ingest._init_worker(options)  # once per worker process: the Extractor is cached there
    return ingest._extract_chunk(chunk)


class DaskEngine:
    """Sends chunks of articles to Dask workers; results come back as they finish."""

    def __init__(self, options: Options, scheduler: str | None = None, workers: int = 2):
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise QuotegraphError(MISSING) from None
        self.options, self.scheduler, self.workers = options, scheduler, workers
        self.window = CHUNK * workers * 8
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> DaskEngine:
        from distributed import Client, LocalCluster

        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            # processes, one thread each: spaCy holds the GIL, so threads would not add speed
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0")
            self.client = Client(self.cluster)
        workers = len(self.client.scheduler_info()["workers"])
        self.window = CHUNK * max(workers, 1) * 8
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, chunks: list[list[Todo]]) -> Iterator[Extracted]:
        from distributed import as_completed

        futures = self.client.map(_extract_on_worker, chunks, options=self.options, pure=False)
        for future in as_completed(futures):
            yield from future.result()
