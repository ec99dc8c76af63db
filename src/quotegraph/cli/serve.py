"""``quotegraph serve``: the web pages and REST API over a corpus database."""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import os
from typing import Any

import typer

from .app import MODEL_OPTION, app
from .corpus import DB_OPTION, stderr


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    allow_write: bool = typer.Option(False, "--allow-write",
                                     help="Add the write endpoints (corrections, POST /api/v1/articles); "
                                          "they need the bearer token."),
    token_file: str = typer.Option(None, "--token-file",
                                   help="File holding the write token. Default: the QUOTEGRAPH_TOKEN variable."),
    max_body: int = typer.Option(2_000_000, "--max-body", min=1, help="Largest request body accepted, in bytes."),
    analyze_timeout: float = typer.Option(30.0, "--analyze-timeout", min=0.1,
                                          help="Seconds an analyze or ingest request may take."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Server processes (each opens the database)."),
    access_log: bool = typer.Option(True, "--access-log/--no-access-log", help="Log one line per request."),
    cache_size: int = typer.Option(2048, "--cache-size", min=0,
                                   help="Responses kept per database version (0: no response cache)."),
    model: str = MODEL_OPTION,
) -> None:
    """Serve the article, quote, person, dashboard and analyze pages and the REST API (/api/v1).

    Example: quotegraph serve --db corpus.db --port 8000   (then open http://127.0.0.1:8000/)
    """
    import uvicorn

    from ..web.app import CONFIG_ENV, WebConfig, create_app
    from ..web.security import load_token

    token = load_token(token_file)
    if allow_write and not token:
        stderr.print("[red]Error:[/red] --allow-write needs a token: set QUOTEGRAPH_TOKEN or pass --token-file")
        raise typer.Exit(2)
    if not _is_loopback(host):
        stderr.print(f"[yellow]Warning:[/yellow] listening on {host}: the pages are reachable from other machines")
    config = WebConfig(db=db, allow_write=allow_write, token=token, max_body=max_body,
                       analyze_timeout=analyze_timeout, model=model, cache_size=cache_size)
    try:
        web_app = create_app(config)  # also checks the database before any worker starts
    except Exception as exc:  # noqa: BLE001 - a bad URL or unreachable server: one line, exit 1
        stderr.print(f"[red]Error:[/red] cannot open database {db or ''}: {exc}")
        raise typer.Exit(1) from None
    target: Any = web_app
    if workers > 1:  # each worker process builds its own app from the configuration
        os.environ[CONFIG_ENV] = json.dumps(dataclasses.asdict(config))
        target = "quotegraph.web.app:app_from_env"
    uvicorn.run(target, factory=workers > 1, workers=workers, host=host, port=port, log_level="info",
                server_header=False, access_log=access_log, timeout_keep_alive=5, limit_concurrency=200)
