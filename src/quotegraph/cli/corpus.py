"""Corpus commands: ingest, quotes, people (merge, split), person, stats, export.

Every command takes ``--db URL`` (a SQLAlchemy URL or a SQLite file path; default: the
``QUOTEGRAPH_DB`` environment variable, else ``quotegraph.db`` in the working directory).
"""

from __future__ import annotations

import calendar
import json
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..csvout import write_csv
from ..errors import QuotegraphError, one_line
from ..settings import Options
from .app import DEBUG_OPTION, MODEL_OPTION, app

if TYPE_CHECKING:
    from ..store import Store
    from ..store.ingest import FileDone, IngestSummary

MAX_ID = 2**63 - 1  # the largest id either database stores

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

DB_OPTION = typer.Option(
    None, "--db", envvar="QUOTEGRAPH_DB",
    help="Database: SQLAlchemy URL (sqlite:///corpus.db, postgresql://user@host/db) or a SQLite file. "
         "Default: quotegraph.db in the working directory.",
)


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FORMAT_OPTION = typer.Option(TableFormat.table, "--format", "-f", help="table, csv, json or jsonl.")


def _open(db: str | None, create: bool = False) -> Store:
    """The corpus database; only ``ingest`` (create=True) may create one."""
    from ..store import Store
    from ..store.db import DatabaseError

    try:
        return Store(db, create=create)
    except DatabaseError as exc:
        stderr.print(f"[red]Error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    except Exception as exc:  # noqa: BLE001 - an unreachable server, a damaged file: one line, exit 1
        stderr.print(f"[red]Error:[/red] cannot open database {escape(db or '')}: {escape(one_line(exc))}")
        raise typer.Exit(1) from None


# --- ingest -------------------------------------------------------------------------------

class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s", style="cyan")


class IngestEngine(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .htm, .jsonl, .warc, .warc.gz) or directories."),
    db: str = DB_OPTION,
    workers: int = typer.Option(None, "--workers", "-w", min=1,
                                help="Extraction processes (spaCy is loaded once, then the workers are forked); "
                                     "with --engine dask, the local cluster's workers. Default 1 (dask: 2)."),
    model: str = MODEL_OPTION,
    metadata: Path = typer.Option(None, "--metadata", exists=True, dir_okay=False,
                                  help="CSV/TSV of article metadata by id (file name): outlet/publisher, "
                                       "published/date, title, author, url."),
    force: bool = typer.Option(False, "--force", help="Re-extract articles even when stored unchanged."),
    name_gender: bool = typer.Option(True, "--name-gender/--no-name-gender",
                                     help="Guess gender from first names when the text says nothing "
                                          "(labelled as a name guess in the database and statistics)."),
    engine: IngestEngine = typer.Option(IngestEngine.local, "--engine",
                                        help="local (this machine's processes) or dask (a Dask cluster; "
                                             "needs quotegraph[dask])."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); "
                                  "default: a local cluster. A remote cluster needs a PostgreSQL --db."),
    to: tuple[str, str] | None = typer.Option(None, "--to", metavar="parquet DIR",
                                       help="Write a Parquet dataset (partitioned by outlet and month) to DIR "
                                            "instead of the database."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Extract articles and store them in the corpus database; unchanged articles are skipped.

    Example: quotegraph ingest articles/ crawl.warc.gz --db corpus.db --workers 2

    Example: quotegraph ingest crawl/ --engine dask --scheduler tcp://10.0.0.5:8786 --db postgresql://host/news
    """
    from ..store.ingest import ingest as run_ingest
    from ..store.ingest import load_metadata

    options = Options.from_env(model=model, name_gender=name_gender)
    try:
        meta = load_metadata(str(metadata)) if metadata else None
        store, sink = _ingest_target(db, to, scheduler)
        runner = _ingest_engine(engine, options, workers, scheduler)
    except (QuotegraphError, OSError, UnicodeDecodeError) as exc:
        stderr.print(f"[red]Error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    progress = _IngestProgress()
    started = time.perf_counter()
    with _ingest_errors(debug), progress.bar:
        summary = run_ingest(store, paths, options, force=force, metadata=meta, report=progress.report,
                             engine=runner, sink=sink, on_file=progress.finished)
    _print_ingest_summary(summary, time.perf_counter() - started)
    raise typer.Exit(1 if summary.failed else 0)


class _IngestProgress:
    """The progress bar of ``ingest``, with the count of articles by status."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                            TimeElapsedColumn(), TextColumn("{task.fields[counts]}"), console=stderr)
        self.counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
        self.task = self.bar.add_task("ingest", total=None, counts="")

    def report(self, status: str) -> None:
        self.counts[status] += 1
        self.bar.update(self.task, advance=1, counts=" ".join(f"{k} {v}" for k, v in self.counts.items() if v))

    def finished(self, done: FileDone) -> None:
        self.bar.console.print(f"finished {done.path}: {done.articles} articles")


@contextmanager
def _ingest_errors(debug: bool) -> Iterator[None]:
    """An interrupted or failed ingest ends with a message and its exit code."""
    try:
        yield
    except KeyboardInterrupt:
        stderr.print("[yellow]interrupted[/yellow]: the articles stored so far are complete; "
                     "run the same command again to finish")
        raise typer.Exit(130) from None
    except QuotegraphError as exc:
        if debug:
            stderr.print_exception()
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from None


def _print_ingest_summary(summary: IngestSummary, elapsed: float) -> None:
    for source, error in summary.failures:
        stderr.print(f"[red]failed[/red] {source}: {error}")
    extracted = summary.new + summary.updated
    table = Table(title="ingest", show_header=False)
    for label, value in [("articles new", summary.new), ("articles updated", summary.updated),
                         ("articles unchanged", summary.unchanged), ("articles failed", summary.failed),
                         ("quotes stored", summary.quotes), ("people stored", summary.people),
                         ("corpus people", summary.corpus_people),
                         ("WARC files skipped", summary.skipped_files),
                         ("time", f"{elapsed:.1f} s ({extracted / elapsed:.1f} extracted articles/s)")]:
        table.add_row(label, str(value))
    stderr.print(table)


def _ingest_target(db: str | None, to: tuple[str, str] | None, scheduler: str | None):
    """The store and sink an ingest writes to: the database, or a Parquet dataset (``--to parquet DIR``)."""
    if to:
        kind, folder = to
        if kind != "parquet":
            raise typer.BadParameter(f"{kind!r}: only 'parquet DIR' is supported", param_hint="--to")
        from ..engines.parquet import ParquetSink

        return None, ParquetSink(folder)
    store = _open(db, create=True)
    if scheduler and store.dialect == "sqlite":
        raise QuotegraphError("a remote Dask cluster writes to PostgreSQL (--db postgresql://...); "
                              "SQLite only works with the local cluster (no --scheduler)")
    return store, None


def _ingest_engine(engine: IngestEngine, options: Options, workers: int | None, scheduler: str | None):
    if engine == IngestEngine.dask:
        from ..engines.dask import DaskEngine

        return DaskEngine(options, scheduler, workers or 2)
    if scheduler:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    from ..store.ingest import LocalEngine

    return LocalEngine(options, workers or 1)


# --- output helpers -----------------------------------------------------------------------

def _emit(records: list[dict], fmt: TableFormat, columns: list[str], title: str | None = None) -> None:
    if fmt == TableFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == TableFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif fmt == TableFormat.csv:
        write_csv(sys.stdout, records, list(records[0]) if records else columns)
    else:
        table = Table(title=title, expand=False)
        for column in columns:
            table.add_column(_HEADERS.get(column, column), overflow="fold",
                             max_width=80 if column in ("text", "quote") else 40)
        for record in records:
            table.add_row(*[_cell(record.get(c)) for c in columns])
        stdout.print(table)


_HEADERS = {"share_women": "% women (of known)", "share_men": "% men", "share_unknown": "% unknown",
            "share_women_low": "% women if unknown men", "share_women_high": "% women if unknown women",
            "gender_from_text": "by text", "gender_from_name": "by name", "gender_from_correction": "by correction",
            "by_honorific": "honorific",
            "by_pronoun": "pronoun", "by_other_text": "other text", "article_id": "article",
            "quote_count": "quotes", "article_count": "articles"}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float):
        return f"{value:.1%}" if 0 <= value <= 1 else f"{value:g}"
    return str(value)


def _date_bound(value: str | None, end: bool, option: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real date; a partial ``--until`` covers the whole month or year."""
    if value is None:
        return None
    try:
        return _parse_bound(value, end)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2016-09-30, 2016-09 or 2016",
                                 param_hint=option) from None


def _parse_bound(value: str, end: bool) -> str:
    """Raises ValueError unless ``value`` is a real calendar date, month or year."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(value)
    year, month, day = (int(part) for part in (value.split("-") + ["1", "1"])[:3])
    date(year, month, day)  # ValueError for month 13, February 30, month 0
    if len(value) == 4:
        return value + "-12-31" if end else value
    if len(value) == 7:
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}" if end else value
    return value


# --- quotes, people, person ---------------------------------------------------------------

class QuoteType(StrEnum):
    direct = "direct"
    mixed = "mixed"
    indirect = "indirect"


quotes_app = typer.Typer()  # help: the callback's docstring, with its example
app.add_typer(quotes_app, name="quotes")


@quotes_app.callback(invoke_without_command=True)
def quotes(
    ctx: typer.Context,
    speaker: str = typer.Option(None, "--speaker", help="Speaker name (or part of it)."),
    search: str = typer.Option(None, "--search", "-s", help="Full-text search in quotes and speaker names."),
    outlet: str = typer.Option(None, "--outlet", help="Outlet (or part of its name)."),
    since: str = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD, YYYY-MM or YYYY)."),
    until: str = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD, YYYY-MM or YYYY)."),
    quote_type: QuoteType = typer.Option(None, "--type", help="direct, mixed or indirect."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="At most this many quotes (0: all)."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Search the stored quotes (--search syntax: docs/database.md; subcommand: reassign).

    Example: quotegraph quotes --search "health care" --outlet breitbart --since 2016-09
    """
    if ctx.invoked_subcommand:
        ctx.obj = {"db": db}
        return
    from ..store.query import search_quotes
    from ..store.search import SearchSyntaxError

    store = _open(db)
    try:
        records = search_quotes(store, speaker=speaker, search=search, outlet=outlet,
                            since=_date_bound(since, False, "--since"), until=_date_bound(until, True, "--until"),
                            quote_type=quote_type.value if quote_type else None, limit=limit or None)
    except SearchSyntaxError as exc:
        raise typer.BadParameter(str(exc), param_hint="--search") from None
    for record in records:
        record["speaker"] = record["speaker"] or record["speaker_text"]
    _emit(records, fmt, ["id", "published", "outlet", "speaker", "type", "text"], title=f"{len(records)} quotes")


people_app = typer.Typer(no_args_is_help=False)  # help: the callback's docstring, with its example
app.add_typer(people_app, name="people")


@people_app.callback(invoke_without_command=True)
def people(
    ctx: typer.Context,
    top: int = typer.Option(50, "--top", "-n", min=0, help="The N most quoted people (0: all)."),
    search: str = typer.Option(None, "--search", "-s", help="Names or aliases containing this."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """List the people of the corpus, most quoted first.

    Subcommands correct them: merge, split, rename, delete, set-gender; rebuild regroups all.

    Example: quotegraph people --search Obama --db corpus.db
    """
    if ctx.invoked_subcommand:
        ctx.obj = {"db": db}  # `people --db X merge 1 2` works as well as `people merge 1 2 --db X`
        return
    from ..store.query import list_people

    records = list_people(_open(db), top=top or None, search=search)
    _emit(records, fmt, ["id", "name", "gender", "quote_count", "article_count", "aliases"],
          title=f"{len(records)} people")


@app.command()
def person(
    name: str = typer.Argument(..., help="A name, part of one, or a corpus person id."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f",
                                    help="table, json or jsonl (the person with their quotes), or csv (their quotes)."),
    about: bool = typer.Option(False, "--about", help="What others said about this person or organisation."),
    limit: int = typer.Option(50, "--limit", "-n", help="Quotes shown, earliest first (0: all of them)."),
    db: str = DB_OPTION,
) -> None:
    """One person: aliases, roles, gender, and their quotes with article, outlet and date.

    Example: quotegraph person "Louise Haigh" --format json

    Example: quotegraph person Johnson --about
    """
    from ..store.query import find_person, person_detail

    store = _open(db)
    if about:
        from .graph import print_said_about

        raise typer.Exit(print_said_about(store, name, fmt))
    matches = find_person(store, name)
    if not matches:
        stderr.print(f"[red]Error:[/red] no person matches {name!r}")
        raise typer.Exit(1)
    if len(matches) > 1:
        stderr.print(f"{len(matches)} people match {name!r}; give one id:")
        _emit(matches[:30], TableFormat.table, ["id", "name", "quote_count", "article_count", "aliases"])
        raise typer.Exit(1)
    detail = person_detail(store, matches[0]["id"], quote_limit=limit or None)
    if detail is None:  # merged away by another command since find_person
        stderr.print(f"[red]Error:[/red] no person matches {escape(name)!r}")
        raise typer.Exit(1)
    if fmt == TableFormat.csv:
        _emit(detail["quotes"], fmt, ["article_id", "published", "outlet", "title", "type", "text"])
        return
    if fmt in (TableFormat.json, TableFormat.jsonl):
        sys.stdout.write(json.dumps(detail, ensure_ascii=False, indent=2 if fmt == TableFormat.json else None,
                                    default=str) + "\n")
        return
    _print_person(detail)


def _print_person(detail: dict) -> None:
    """A person's page as a table for the terminal."""
    stdout.rule(Text(f"{detail['name']}  (#{detail['id']})", style="bold"))
    stdout.print(f"gender: {detail['gender']} (from {detail['gender_source']})   "
                 f"articles: {detail['article_count']}   quotes: {detail['quote_count']}")
    if detail["aliases"]:
        stdout.print("aliases: " + ", ".join(detail["aliases"]))
    if detail["roles"]:
        stdout.print("roles: " + ", ".join(detail["roles"]))
    # article ids are what `people split` takes
    stdout.print("in articles: " + ", ".join(str(i) for i in dict.fromkeys(e["article_id"] for e in detail["entries"])))
    _emit(detail["quotes"], TableFormat.table, ["article_id", "published", "outlet", "title", "type", "text"],
          title=f"{len(detail['quotes'])} of {detail['quote_count']} quotes")


# --- stats --------------------------------------------------------------------------------

stats_app = typer.Typer(help="Corpus statistics.", no_args_is_help=True)
app.add_typer(stats_app, name="stats")


class Evidence(StrEnum):
    all = "all"
    text = "text"


_SOURCE_COLUMNS = ["people", "women", "men", "unknown", "share_women", "share_women_low", "share_women_high",
                   "gender_from_text", "gender_from_name", "gender_from_correction", "by_honorific",
                   "by_pronoun", "by_other_text"]


@stats_app.command("sources")
def stats_sources(
    by: str = typer.Option("outlet", "--by", help="outlet, month or outlet,month."),
    evidence: Evidence = typer.Option(Evidence.all, "--evidence",
                                      help="all, or text: first-name guesses count as unknown."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Who gets quoted: people quoted per group by gender, how gender was known, and a total row.

    % women is among people of known gender; "women if unknown men/women" is the range it would
    take if every unknown were a man / a woman (as a share of all people). by text / by name /
    by correction: how the known genders were established. docs/statistics.md defines each figure.

    Example: quotegraph stats sources --by outlet,month --evidence text --format csv
    """
    from ..store.query import source_stats

    keys = [k.strip() for k in by.split(",") if k.strip()]
    try:
        records = source_stats(_open(db), keys, evidence=evidence.value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by") from None
    _emit(records, fmt, keys + _SOURCE_COLUMNS, title=f"people quoted (gender evidence: {evidence.value})")


@stats_app.command("top")
def stats_top(
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Rows per list."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """The most quoted people and organisations, and the outlets with the most quotes.

    Example: quotegraph stats top --limit 10
    """
    from ..store.query import top_stats

    result = top_stats(_open(db), limit)
    if fmt == TableFormat.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in (TableFormat.csv, TableFormat.jsonl):
        records = [{"list": name, **record} for name, items in result.items() for record in items]
        _emit(records, fmt, [])
        return
    _emit(result["people"], fmt, ["id", "name", "gender", "quote_count", "article_count"], title="most quoted people")
    _emit(result["organizations"], fmt, ["name", "quote_count", "article_count"], title="most quoted organisations")
    _emit(result["outlets"], fmt, ["outlet", "article_count", "quote_count"], title="outlets")


# --- export -------------------------------------------------------------------------------

class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ExportWhat(StrEnum):
    quotes = "quotes"
    people = "people"
    articles = "articles"
    clusters = "clusters"


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl, csv or parquet."),
    what: ExportWhat = typer.Option(
        ExportWhat.quotes, "--what",
        help="quotes, people, articles or clusters (one row per version of a quotation)."),
    output: Path = typer.Option(None, "--output", "-o", help="Output file (stdout if omitted; parquet needs one)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
    db: str = DB_OPTION,
) -> None:
    """Export quotes, corpus people, articles or quote clusters.

    Example: quotegraph export --what quotes --format parquet -o quotes.parquet
    """
    from ..store.export import export as run_export

    if fmt == ExportFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs an output file", param_hint="-o")
    store = _open(db)
    if output is not None:
        _check_output(output, store, force)
    count = run_export(store, what.value, fmt.value, str(output) if output else sys.stdout)
    stderr.print(f"exported {count} {what.value}" + (f" to {output}" if output else ""))


def _check_output(output: Path, store: Store, force: bool) -> None:
    """Never write over the database in use (or its WAL files); other files only with --force."""
    from ..store.db import sqlite_path

    database = sqlite_path(store.url)
    if database is not None and output.exists() and any(
            output.resolve() == Path(f"{database}{suffix}").resolve() for suffix in ("", "-wal", "-shm")):
        raise typer.BadParameter(f"{output} is the database being exported", param_hint="-o")
    if output.exists() and not force:
        raise typer.BadParameter(f"{output} exists; add --force to overwrite it", param_hint="-o")
