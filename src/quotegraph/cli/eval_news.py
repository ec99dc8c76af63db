"""``quotegraph eval news``: quotes, speakers, leftovers and people against news-article gold."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from ..errors import InputError
from ..settings import Options
from .app import MODEL_OPTION
from .evaluate import eval_app

stderr = Console(stderr=True, highlight=False)


@eval_app.command("news")
def news(
    directory: Path = typer.Argument(..., exists=True, file_okay=False,
                                     help="Folder of <slug>.txt articles with <slug>.gold.json gold."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every gold quote, miss, extra and people check."),
    json_out: Path = typer.Option(None, "--json", help="Also write the figures to this JSON file."),
    about: Path = typer.Option(None, "--about", exists=True, dir_okay=False,
                               help="Also score about/addressee/said_on against this annotation."),
    model: str = MODEL_OPTION,
) -> None:
    """Right-speaker, found, extra, leftover and people figures on a news gold folder
    (see docs/evaluation.md).

    Example: quotegraph eval news ../shared/newsdev -v
    Example: quotegraph eval news ../shared/newsdev --about tests/data/about/newsdev.json
    """
    from ..evaluation.news import NewsReport, read_gold, report_lines, score_result
    from ..pipeline import Extractor
    from ..readers import read_file

    gold = read_gold(directory)
    if not gold:
        stderr.print(f"[red]Error:[/red] {directory} holds no <slug>.gold.json files")
        raise typer.Exit(2)
    options = Options.from_env(model=model)
    articles, failed = [], []
    for item in gold:
        # The same reader as `quotegraph extract` uses for a .txt file (UTF-8, newlines as stored).
        article = next(read_file(item.text_path, options)) if item.text_path.exists() else None
        if article is None or isinstance(article, InputError):
            failed.append(item.slug)
            stderr.print(f"[red]error[/red] {item.text_path}: {article or 'no such file'}")
            continue
        articles.append(article)
    if about:
        from ..evaluation.about import with_gold_dates
        articles = with_gold_dates(articles, directory)
    extractor = Extractor(options)
    results = _extract_all(extractor, articles, failed)
    report = NewsReport()
    for item in gold:
        report.add(score_result(item, results.get(item.slug)))
    for line in report_lines(report, verbose, label=directory.resolve().name):
        typer.echo(line)
    if about:
        from ..evaluation.about import about_lines, read_annotation, score_about
        for line in about_lines(score_about(read_annotation(about), results), verbose):
            typer.echo(line)
    if json_out:
        data = {"directory": str(directory), "model": extractor.options.model, **report.as_dict()}
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if failed:
        raise typer.Exit(1)


def _extract_all(extractor, articles, failed: list[str]) -> dict:
    """Results by article id; if the batch fails, each article alone, the failures scored as empty."""
    try:
        return {r.id: r for r in extractor.extract_many(articles)}
    except Exception:  # noqa: BLE001 - retried one by one below to name the article
        pass
    results = {}
    for article in articles:
        try:
            results[article.id] = extractor.extract(article)
        except Exception as exc:  # noqa: BLE001 - reported, and scored as extracting nothing
            failed.append(article.id)
            stderr.print(f"[red]error[/red] {article.source}: extraction failed: {exc!r}")
    return results
