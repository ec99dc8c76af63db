"""``quotegraph eval news``: quotes, speakers, leftovers and people against news-article gold."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ..errors import InputError
from ..settings import Options
from .app import MODEL_OPTION
from .evaluate import BY_RULE_OPTION, eval_app

stderr = Console(stderr=True, highlight=False)


@eval_app.command("news")
def news(
    directories: list[Path] = typer.Argument(..., exists=True, file_okay=False,
                                             help="Folders of <slug>.txt articles with <slug>.gold.json gold."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every gold quote, miss, extra and people check."),
    json_out: Path = typer.Option(None, "--json", help="Also write the figures to this JSON file."),
    by_rule: bool = BY_RULE_OPTION,
    about: Path = typer.Option(None, "--about", exists=True, dir_okay=False,
                               help="Also score about/addressee/said_on against this annotation."),
    model: str = MODEL_OPTION,
) -> None:
    """Right-speaker, found, extra, leftover and people figures on news gold folders: each
    folder's, then (for several) the pooled figures (see docs/evaluation.md).

    Example: quotegraph eval news ../shared/newsdev ../shared/newsdev2 --by-rule

    Example: quotegraph eval news ../shared/newsdev --about tests/data/about/newsdev.json
    """
    from ..evaluation.by_rule import RuleReport, rule_lines
    from ..evaluation.news import NewsReport, report_lines
    from ..pipeline import Extractor

    golds = _read_golds(directories)
    extractor = Extractor(Options.from_env(model=model))
    rules = RuleReport()
    reports: list[NewsReport] = []
    failed: list[str] = []
    all_results: dict = {}
    for directory, gold in golds:
        report, results = _score_set(extractor, directory, gold, rules, failed, about)
        all_results.update(results)
        reports.append(report)
        _echo(report_lines(report, verbose, label=directory.resolve().name))
    pooled = NewsReport.pooled(reports)
    if len(reports) > 1:
        typer.echo("")
        _echo(report_lines(pooled, label="pooled", articles=False))
    if by_rule:
        typer.echo("")
        _echo(rule_lines(rules))
    if about:
        from ..evaluation.about import about_lines, read_annotation, score_about

        _echo(about_lines(score_about(read_annotation(about), all_results), verbose))
    if json_out:
        data = _json(directories, extractor.model, reports, pooled, rules if by_rule else None)
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if failed:
        raise typer.Exit(1)


def _echo(lines: Iterable[str]) -> None:
    for line in lines:
        typer.echo(line)


def _read_golds(directories: list[Path]) -> list[tuple[Path, list]]:
    """Each folder's gold; exit code 2 for a folder without any."""
    from ..evaluation.news import read_gold

    golds = [(directory, read_gold(directory)) for directory in directories]
    for directory, gold in golds:
        if not gold:
            stderr.print(f"[red]Error:[/red] {directory} holds no <slug>.gold.json files")
            raise typer.Exit(2)
    return golds


def _score_set(extractor, directory: Path, gold, rules, failed: list[str], about: Path | None):
    """Extract and score one gold folder; articles that cannot be read or extracted score as empty."""
    from ..evaluation.news import NewsReport, outcomes, score_result
    from ..readers import read_file

    articles = []
    for item in gold:
        # The same reader as `quotegraph extract` uses for a .txt file (UTF-8, newlines as stored).
        article = next(read_file(item.text_path, extractor.options)) if item.text_path.exists() else None
        if article is None or isinstance(article, InputError):
            failed.append(item.slug)
            stderr.print(f"[red]error[/red] {item.text_path}: {article or 'no such file'}")
            continue
        articles.append(article)
    if about:
        from ..evaluation.about import with_gold_dates

        articles = with_gold_dates(articles, directory)
    results = _extract_all(extractor, articles, failed)
    report = NewsReport()
    for item in gold:
        result = results.get(item.slug)
        report.add(score_result(item, result))
        rules.add(outcomes(item, result))
    return report, results


def _json(directories: list[Path], model: str, reports, pooled, rules) -> dict[str, Any]:
    """One folder: its figures, as before; several: the pooled figures plus each folder's."""
    data: dict[str, Any] = {"model": model}
    if len(directories) == 1:
        data["directory"] = str(directories[0])
    else:
        data["directories"] = [str(d) for d in directories]
    data.update(pooled.as_dict())
    if len(directories) > 1:
        data["sets"] = [{"directory": str(d), **{k: v for k, v in r.as_dict().items() if k != "articles"}}
                        for d, r in zip(directories, reports, strict=True)]
    if rules is not None:
        data["by_rule"] = rules.as_dict()
    return data


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
