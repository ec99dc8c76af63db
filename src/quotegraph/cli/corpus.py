"""Corpus commands: ingest, quotes, people (merge, split), person, stats, export.

Every command takes ``--db URL`` (a SQLAlchemy URL or a SQLite file path; default: the
``QUOTEGRAPH_DB`` environment variable, else ``quotegraph.db`` in the working directory).
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..errors import QuotegraphError
from ..settings import Options
from .app import DEBUG_OPTION, MODEL_OPTION, app

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

DB_OPTION = typer.Option(
    None, "--db", envvar="QUOTEGRAPH_DB",
    help="Database: SQLAlchemy URL (sqlite:///corpus.db, postgresql://user@host/db) or a SQLite file. "
         "Default: quotegraph.db in the working directory.",
)


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FORMAT_OPTION = typer.Option(TableFormat.table, "--format", "-f", help="table, csv, json or jsonl.")


def _open(db: str | None):
    from ..store import Store

    try:
        return Store(db)
    except Exception as exc:  # noqa: BLE001 - a bad URL or unreachable server: one line, exit 1
        stderr.print(f"[red]Error:[/red] cannot open database {db or ''}: {exc}")
        raise typer.Exit(1) from None


# --- ingest -------------------------------------------------------------------------------

class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s", style="cyan")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .htm, .jsonl) or directories."),
    db: str = DB_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (spaCy is loaded once, then the workers are forked)."),
    model: str = MODEL_OPTION,
    metadata: Path = typer.Option(None, "--metadata", exists=True, dir_okay=False,
                                  help="CSV/TSV of article metadata by id (file name): outlet/publisher, "
                                       "published/date, title, author, url."),
    force: bool = typer.Option(False, "--force", help="Re-extract articles even when stored unchanged."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Extract articles and store them in the corpus database; unchanged articles are skipped.

    Example: quotegraph ingest articles/ --db corpus.db --workers 2
    """
    from ..store.ingest import ingest as run_ingest, load_metadata

    store = _open(db)
    options = Options.from_env(model=model)
    try:
        meta = load_metadata(str(metadata)) if metadata else None
    except (QuotegraphError, OSError, UnicodeDecodeError) as exc:
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from None
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                        TimeElapsedColumn(), TextColumn("{task.fields[counts]}"), console=stderr)
    counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    task = progress.add_task("ingest", total=None, counts="")

    def report(status: str) -> None:
        counts[status] += 1
        progress.update(task, advance=1, counts=" ".join(f"{k} {v}" for k, v in counts.items() if v))

    started = time.perf_counter()
    try:
        with progress:
            summary = run_ingest(store, paths, options, workers=workers, force=force, metadata=meta,
                                 on_total=lambda n: progress.update(task, total=n), report=report)
    except KeyboardInterrupt:
        stderr.print("[yellow]interrupted[/yellow]: the articles stored so far are complete; "
                     "run the same command again to finish")
        raise typer.Exit(130) from None
    except QuotegraphError as exc:
        if debug:
            stderr.print_exception()
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from None
    elapsed = time.perf_counter() - started
    for source, error in summary.failures:
        stderr.print(f"[red]failed[/red] {source}: {error}")
    extracted = summary.new + summary.updated
    table = Table(title="ingest", show_header=False)
    for label, value in [("articles new", summary.new), ("articles updated", summary.updated),
                         ("articles unchanged", summary.unchanged), ("articles failed", summary.failed),
                         ("quotes stored", summary.quotes), ("people stored", summary.people),
                         ("corpus people", summary.corpus_people),
                         ("time", f"{elapsed:.1f} s ({extracted / elapsed:.1f} extracted articles/s)")]:
        table.add_row(label, str(value))
    stderr.print(table)
    raise typer.Exit(1 if summary.failed else 0)


# --- output helpers -----------------------------------------------------------------------

def _emit(records: list[dict], fmt: TableFormat, columns: list[str], title: str | None = None) -> None:
    if fmt == TableFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == TableFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif fmt == TableFormat.csv:
        fields = list(records[0]) if records else columns
        writer = csv.DictWriter(sys.stdout, fieldnames=fields)
        writer.writeheader()
        for record in records:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                             for k, v in record.items()})
    else:
        table = Table(title=title, expand=False)
        for column in columns:
            table.add_column(_HEADERS.get(column, column), overflow="fold", max_width=80 if column in ("text", "quote") else 40)
        for record in records:
            table.add_row(*[_cell(record.get(c)) for c in columns])
        stdout.print(table)


_HEADERS = {"share_women": "% women", "share_men": "% men", "share_unknown": "% unknown",
            "gender_from_text": "by text", "gender_from_name": "by name", "by_honorific": "honorific",
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


def _date_bound(value: str | None, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial ``--until`` covers the whole month or year."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise typer.BadParameter(f"{value!r} is not a date like 2016-09-30, 2016-09 or 2016")
    if end and len(value) == 4:
        return value + "-12-31"
    if end and len(value) == 7:
        return value + "-31"
    return value


# --- quotes, people, person ---------------------------------------------------------------

class QuoteType(str, Enum):
    direct = "direct"
    mixed = "mixed"
    indirect = "indirect"


@app.command()
def quotes(
    speaker: str = typer.Option(None, "--speaker", help="Speaker name (or part of it)."),
    search: str = typer.Option(None, "--search", "-s", help="Full-text search in quotes and speaker names."),
    outlet: str = typer.Option(None, "--outlet", help="Outlet (or part of its name)."),
    since: str = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD, YYYY-MM or YYYY)."),
    until: str = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD, YYYY-MM or YYYY)."),
    quote_type: QuoteType = typer.Option(None, "--type", help="direct, mixed or indirect."),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many quotes (0: all)."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Search the stored quotes.

    Example: quotegraph quotes --search "health care" --outlet breitbart --since 2016-09
    """
    from ..store.query import search_quotes

    store = _open(db)
    records = search_quotes(store, speaker=speaker, search=search, outlet=outlet,
                            since=_date_bound(since, False), until=_date_bound(until, True),
                            quote_type=quote_type.value if quote_type else None, limit=limit or None)
    for record in records:
        record["speaker"] = record["speaker"] or record["speaker_text"]
    _emit(records, fmt, ["id", "published", "outlet", "speaker", "type", "text"], title=f"{len(records)} quotes")


people_app = typer.Typer(help="List corpus people; merge or split them.", no_args_is_help=False)
app.add_typer(people_app, name="people")


@people_app.callback(invoke_without_command=True)
def people(
    ctx: typer.Context,
    top: int = typer.Option(50, "--top", "-n", help="The N most quoted people (0: all)."),
    search: str = typer.Option(None, "--search", "-s", help="Names or aliases containing this."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """List the people of the corpus, most quoted first (subcommands: merge, split)."""
    if ctx.invoked_subcommand:
        ctx.obj = {"db": db}  # `people --db X merge 1 2` works as well as `people merge 1 2 --db X`
        return
    from ..store.query import list_people

    records = list_people(_open(db), top=top or None, search=search)
    _emit(records, fmt, ["id", "name", "gender", "quote_count", "article_count", "aliases"],
          title=f"{len(records)} people")


def _correct(ctx: typer.Context, db: str | None, action):
    """Run a people correction in one transaction; a refused correction is a one-line error."""
    from ..store.merge import CorrectionError

    store = _open(db or (ctx.obj or {}).get("db"))
    try:
        with store.engine.begin() as conn:
            return action(conn)
    except CorrectionError as exc:
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from None


@people_app.command("merge")
def people_merge(
    ctx: typer.Context,
    first: int = typer.Argument(..., help="Corpus person id (kept)."),
    second: int = typer.Argument(..., help="Corpus person id merged into the first."),
    db: str = DB_OPTION,
) -> None:
    """Merge two corpus people; the correction is stored and re-applied by later ingests."""
    from ..store.merge import merge_people

    merged = _correct(ctx, db, lambda conn: merge_people(conn, first, second))
    stdout.print(f"merged {first} and {second} into corpus person {merged}")


@people_app.command("split")
def people_split(
    ctx: typer.Context,
    person: int = typer.Argument(..., help="Corpus person id."),
    articles: list[int] = typer.Argument(..., help="Article ids whose entries become a separate person."),
    db: str = DB_OPTION,
) -> None:
    """Split a corpus person: its entries in the given articles become another person."""
    from ..store.merge import split_person

    new_id = _correct(ctx, db, lambda conn: split_person(conn, person, articles))
    stdout.print(f"split corpus person {person}: articles {', '.join(map(str, articles))} now hold person {new_id}")


@app.command()
def person(
    name: str = typer.Argument(..., help="A name, part of one, or a corpus person id."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or json."),
    about: bool = typer.Option(False, "--about", help="What others said about this person or organisation."),
    db: str = DB_OPTION,
) -> None:
    """One person: aliases, roles, gender, and every quote with its article, outlet and date.

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
    detail = person_detail(store, matches[0]["id"])
    if fmt in (TableFormat.json, TableFormat.jsonl):
        sys.stdout.write(json.dumps(detail, ensure_ascii=False, indent=2 if fmt == TableFormat.json else None,
                                    default=str) + "\n")
        return
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
          title=f"{len(detail['quotes'])} quotes")


# --- stats --------------------------------------------------------------------------------

stats_app = typer.Typer(help="Corpus statistics.", no_args_is_help=True)
app.add_typer(stats_app, name="stats")


@stats_app.command("sources")
def stats_sources(
    by: str = typer.Option("outlet", "--by", help="outlet, month or outlet,month."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Who gets quoted: people quoted per group, women/men/unknown, and how gender was known.

    gender_from_text counts genders stated by the articles, split by the strongest evidence
    (by_honorific, by_pronoun, by_other_text such as role nouns); gender_from_name counts
    first-name guesses.
    """
    from ..store.query import source_stats

    keys = [k.strip() for k in by.split(",") if k.strip()]
    try:
        records = source_stats(_open(db), keys)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by") from None
    _emit(records, fmt, keys + ["people", "women", "men", "unknown", "share_women", "share_men",
                                "share_unknown", "gender_from_text", "by_honorific", "by_pronoun",
                                "by_other_text", "gender_from_name"],
          title="people quoted")


@stats_app.command("top")
def stats_top(
    limit: int = typer.Option(20, "--limit", "-n", help="Rows per list."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """The most quoted people and organisations, and the outlets with the most quotes."""
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

class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ExportWhat(str, Enum):
    quotes = "quotes"
    people = "people"
    articles = "articles"
    clusters = "clusters"


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl, csv or parquet."),
    what: ExportWhat = typer.Option(ExportWhat.quotes, "--what", help="quotes, people, articles or clusters (one row per version of a quotation)."),
    output: Path = typer.Option(None, "--output", "-o", help="Output file (stdout if omitted; parquet needs one)."),
    db: str = DB_OPTION,
) -> None:
    """Export quotes, corpus people, articles or quote clusters.

    Example: quotegraph export --what quotes --format parquet -o quotes.parquet
    """
    from ..store.export import export as run_export

    if fmt == ExportFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs an output file", param_hint="-o")
    store = _open(db)
    count = run_export(store, what.value, fmt.value, str(output) if output else sys.stdout)
    stderr.print(f"exported {count} {what.value}" + (f" to {output}" if output else ""))
