"""The web application: pages and the REST API over one corpus database.

``create_app`` builds it from ``WebConfig``; ``quotegraph serve`` runs it with uvicorn. Read-only
unless ``allow_write`` is set, and then every write needs the bearer token.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..models import Article
from ..store.db import Store
from . import errors
from .cache import DataVersion, ResponseCache, VersionedCache
from .security import Guard

HERE = Path(__file__).parent
API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class WebConfig:
    db: str | None = None
    allow_write: bool = False
    token: str | None = None
    max_body: int = 2_000_000  # bytes in a request body (analyze, ingest, forms)
    analyze_timeout: float = 30.0  # seconds an analyze request may take
    model: str | None = None
    cache_size: int = 2048  # responses and aggregates kept per database version; 0: no response cache


class Analyzer:
    """Extracts one article at a time with a spaCy pipeline loaded on first use (or given)."""

    def __init__(self, model: str | None = None, extractor: Any = None):
        self.model, self._extractor = model, extractor
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._extractor is None:
                from ..pipeline import Extractor
                from ..settings import Options

                self._extractor = Extractor(Options.from_env(model=self.model))
            return self._extractor

    def _run(self, article: Article) -> dict:
        with self._lock:  # one pipeline, one article at a time
            return self._extractor.extract(article).as_dict()

    async def analyze(self, article: Article, timeout: float) -> dict:
        """The quotegraph/1 record of ``article``; ``TimeoutError`` after ``timeout`` seconds of
        extraction (loading the pipeline on the first call is not counted)."""
        if self._extractor is None:
            await asyncio.to_thread(self._load)
        return await asyncio.wait_for(asyncio.to_thread(self._run, article), timeout)


CONFIG_ENV = "QUOTEGRAPH_WEB_CONFIG"  # hands the configuration to uvicorn's worker processes


def app_from_env() -> FastAPI:
    """The app for one of several uvicorn worker processes (``serve --workers N``)."""
    return create_app(WebConfig(**json.loads(os.environ[CONFIG_ENV])))


def create_app(config: WebConfig, extractor: Any = None) -> FastAPI:
    from . import api, pages, provenance, writes

    app = FastAPI(title="quotegraph", version="1", docs_url=None, redoc_url=None,
                  openapi_url=f"{API_PREFIX}/openapi.json",
                  description="Who said what, about whom, and when: quotes, speakers and people in a corpus.")
    app.state.config = config
    app.state.store = Store(config.db)
    app.state.analyzer = Analyzer(config.model, extractor)
    app.state.version = DataVersion(app.state.store)
    app.state.cache = VersionedCache(app.state.version.current, size=config.cache_size)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape is on for .html
    templates.env.globals["allow_write"] = config.allow_write
    app.state.templates = templates
    errors.install(app)
    app.include_router(api.router, prefix=API_PREFIX)
    app.include_router(provenance.api_router, prefix=API_PREFIX)
    app.include_router(pages.router)
    app.include_router(provenance.page_router)
    if config.allow_write:
        app.include_router(writes.api_router, prefix=API_PREFIX)
        app.include_router(writes.page_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    if config.cache_size:
        app.add_middleware(ResponseCache, cache=app.state.cache)
    app.add_middleware(Guard, max_body=config.max_body)  # outermost: its headers go on cached responses too
    return app
