"""``quotegraph eval gate``: fail when any evaluation figure drops below the committed baseline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from .evaluate import eval_app


@eval_app.command("gate")
def gate(
    baseline: Path = typer.Option(Path("benchmarks/baseline.json"), "--baseline",
                                  help="The baseline file: figures and the folders they were measured on."),
    update: bool = typer.Option(False, "--update", help="Measure and rewrite the baseline instead of checking."),
    polnear: str = typer.Option(None, "--polnear", help="PolNeAR folder (default: the baseline's)."),
    news: list[str] = typer.Option(None, "--news", help="News gold folder, repeatable (default: the baseline's)."),
) -> None:
    """Rerun eval polnear and eval news on the baseline's folders and print baseline vs now;
    exit 1 when any figure is worse by more than the margin (docs/evaluation.md).

    Example: quotegraph eval gate --baseline benchmarks/baseline.json
    """
    from ..evaluation import gate as lib

    known = lib.read_baseline(baseline) if baseline.exists() else {}
    if not known and not update:
        typer.echo(f"Error: no baseline at {baseline}; create it with --update", err=True)
        raise typer.Exit(2)
    polnear_dir = polnear or known.get("polnear")
    news_dirs = list(news or known.get("news") or [])
    now = lib.measure(polnear_dir, news_dirs)
    if update:
        lib.write_baseline(baseline, polnear_dir, news_dirs, now, date.today().isoformat())
        typer.echo(f"wrote {len(now)} figures to {baseline}")
        return
    rows = lib.compare(known["figures"], now, known.get("margin", lib.MARGIN))
    for line in lib.table_lines(rows):
        typer.echo(line)
    bad = lib.failed(rows)
    better = sum(r.status == "better" for r in rows)
    if better:
        typer.echo(f"{better} figures are better than the baseline: raise it with --update, in a commit of its own")
    if bad:
        typer.echo(f"GATE FAILED: {len(bad)} figures worse than the baseline by more than "
                   f"{known.get('margin', lib.MARGIN)}", err=True)
        raise typer.Exit(1)
    typer.echo(f"gate passed: {len(rows)} figures within {known.get('margin', lib.MARGIN)} of the baseline or better")
