"""``quotegraph graph`` (who talks about whom) and ``quotegraph stats targets``."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from pathlib import Path

import typer

from .app import app
from .corpus import DB_OPTION, FORMAT_OPTION, TableFormat, _emit, _open, stats_app, stderr


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


@app.command()
def graph(
    fmt: GraphFormat = typer.Option(GraphFormat.graphml, "--format", "-f", help="graphml, gexf or csv (edge list)."),
    output: Path = typer.Option(None, "--output", "-o", help="Output file (stdout if omitted)."),
    db: str = DB_OPTION,
) -> None:
    """The speaker -> target network: who said something about whom.

    Edges carry quote counts and the first and last dates; GraphML and GEXF open in Gephi and networkx.

    Example: quotegraph graph --format graphml -o who-about-whom.graphml
    """
    from ..store.graph import target_edges, target_graph, write_graph

    store = _open(db)
    with store.engine.connect() as conn:
        if fmt == GraphFormat.csv:
            edges = target_edges(conn)
            handle = output.open("w", newline="", encoding="utf-8") if output else sys.stdout
            writer = csv.DictWriter(handle, fieldnames=["speaker", "target", "quotes", "first", "last"])
            writer.writeheader()
            writer.writerows(edges)
            if output:
                handle.close()
            count = len(edges)
        else:
            network = target_graph(conn)
            write_graph(network, fmt.value, str(output) if output else sys.stdout.buffer)
            count = network.number_of_edges()
    stderr.print(f"{count} speaker -> target edges" + (f" written to {output}" if output else ""))


@stats_app.command("targets")
def stats_targets(
    by: str = typer.Option("outlet", "--by", help="outlet, month or outlet,month."),
    limit: int = typer.Option(None, "--limit", "-n", help="At most this many rows."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Who is talked about: quotes about each person or organisation, per outlet and/or month.

    Example: quotegraph stats targets --by outlet,month
    """
    from ..store.graph import target_stats

    keys = [k.strip() for k in by.split(",") if k.strip()]
    store = _open(db)
    try:
        with store.engine.connect() as conn:
            records = target_stats(conn, keys, limit)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by") from None
    _emit(records, fmt, keys + ["target", "quotes"], title="quotes about")


def print_said_about(store, name: str, fmt: TableFormat) -> int:
    """``person NAME --about``: what others said about NAME; the exit code (1 when nothing)."""
    from dataclasses import asdict

    from ..store.targets import said_about

    with store.engine.connect() as conn:
        records = [asdict(r) for r in said_about(conn, name)]
    if not records:
        stderr.print(f"no stored quote is about {name!r}")
        return 1
    _emit(records, fmt, ["said_on", "speaker", "outlet", "title", "text", "evidence"],
          title=f"{len(records)} quotes about {name}")
    return 0
