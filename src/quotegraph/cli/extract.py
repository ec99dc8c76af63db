"""``quotegraph extract``: articles in, quotegraph/1 records out."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.traceback import Traceback

from ..errors import InputError, QuotegraphError
from ..models import Article
from ..output import Writer
from ..readers import read_paths
from ..settings import Options
from .app import DEBUG_OPTION, MODEL_OPTION, app

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .htm, .jsonl), directories, or - for stdin."),
    fmt: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                     help="json (an array of records, one per article), jsonl or table."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    model: str = MODEL_OPTION,
    max_bytes: int = typer.Option(None, "--max-bytes", envvar="QUOTEGRAPH_MAX_BYTES", min=1,
                                  help="Refuse files (and JSONL texts) larger than this many bytes (default "
                                       "5,000,000). Texts over 1,000,000 characters are refused whatever this is."),
    full: bool = typer.Option(False, "--full", help="Table: show every quote in full instead of clipping it at 220 "
                                                    "characters."),
    name_gender: bool = typer.Option(True, "--name-gender/--no-name-gender",
                                     help="Guess gender from first names when the text gives no evidence "
                                          "(labelled name:...)."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Extract quotes, speakers, people, organisations, places and dates from articles.

    Example: quotegraph extract examples/council-budget.txt --format table
    """
    options = Options.from_env(model=model, max_bytes=max_bytes, name_gender=name_gender)
    failed = run_extract(paths, fmt.value, output, options, debug, full)
    raise typer.Exit(1 if failed else 0)


def run_extract(paths: list[str], fmt: str, output: Path | None, options: Options, debug: bool,
                full: bool = False) -> int:
    """Extract every readable article; report the others on stderr. Returns how many failed."""
    from ..pipeline import Extractor  # imported late: loading spaCy is slow and --help should not wait

    failures = 0

    def articles():
        nonlocal failures
        for item in read_paths(paths, options):
            if isinstance(item, InputError):
                failures += 1
                stderr.print(f"[red]error[/red] {item}")
                continue
            for warning in item.warnings:
                stderr.print(f"[yellow]warning[/yellow] {item.source}: {warning.message}")
            yield item

    try:
        extractor = Extractor(options)
    except QuotegraphError as exc:
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from None
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    writer = Writer(fmt, out, full)
    # A live counter on a terminal only: piped stderr (logs, CI) stays clean.
    progress = Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                        console=stderr, transient=True, disable=not stderr.is_terminal)
    try:
        with progress:
            task = progress.add_task("extract", total=None)
            for result in _safe_stream(extractor, articles(), debug):
                progress.advance(task)
                if isinstance(result, Article):
                    failures += 1
                    continue
                writer.write(result)
    finally:
        writer.close()
        if output:
            out.close()
    return failures


def _safe_stream(extractor, articles, debug: bool):
    """Batch through spaCy; if a batch fails, redo its articles one by one to name the culprit."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= extractor.options.batch_size:
            yield from _run_batch(extractor, batch, debug)
            batch = []
    if batch:
        yield from _run_batch(extractor, batch, debug)


def _run_batch(extractor, batch: list[Article], debug: bool):
    for article, result in zip(batch, extractor.extract_batch(batch), strict=True):
        if isinstance(result, Exception):
            if debug:
                stderr.print(Traceback.from_exception(type(result), result, result.__traceback__))
            stderr.print(f"[red]error[/red] {article.source}: extraction failed: {result!r}")
            yield article
        else:
            yield result
