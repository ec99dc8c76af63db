"""``quotegraph eval polnear``: quote, speaker and attribution scores on a PolNeAR-format folder."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..models import Article
from ..settings import Options
from .app import MODEL_OPTION
from .evaluate import BY_RULE_OPTION, eval_app

stderr = Console(stderr=True, highlight=False)


@eval_app.command("polnear")
def polnear(
    directory: Path = typer.Argument(..., exists=True, file_okay=False,
                                     help="PolNeAR-format folder holding text/ and attributions/."),
    json_out: Path = typer.Option(None, "--json", help="Also write the figures to this JSON file."),
    # PolNeAR annotates beliefs and "according to" as attributions, so its own scheme is the
    # default here; --no-beliefs scores the news setting that `extract` uses.
    beliefs: bool = typer.Option(True, "--beliefs/--no-beliefs",
                                 help="Report belief verbs and 'according to' as PolNeAR annotates them "
                                      "(default); --no-beliefs scores extract's news setting."),
    by_rule: bool = BY_RULE_OPTION,
    model: str = MODEL_OPTION,
) -> None:
    """Direct-quote, all-attribution and speaker scores against PolNeAR gold (see docs/evaluation.md).

    Example: quotegraph eval polnear ../shared/polnear/dev --json dev.json --by-rule
    """
    from ..evaluation.by_rule import rule_lines
    from ..evaluation.polnear import read_corpus
    from ..pipeline import Extractor

    try:
        corpus = read_corpus(directory)
    except FileNotFoundError as exc:
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(2) from None
    extractor = Extractor(Options.from_env(model=model, beliefs=beliefs))
    report, rules = _score(extractor, corpus)
    data = report.as_dict()
    data["directory"] = str(directory)
    data["model"] = extractor.model
    data["beliefs"] = extractor.options.beliefs
    if by_rule:
        data["by_rule"] = rules.as_dict()
    out = Console()
    out.print(_table(report, directory))
    out.print("attributions scored: " + ("PolNeAR's scheme (speech, beliefs, 'according to')" if beliefs
                                          else "speech only (--no-beliefs, as extract reports them)"))
    if report.by_publisher:
        out.print(_publisher_table(report))
    if by_rule:
        for line in rule_lines(rules):
            out.print(line, highlight=False)
    if json_out:
        json_out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _score(extractor, corpus) -> tuple:
    """Extract every article of the corpus (with a progress bar) and score it: (Report, RuleReport)."""
    from ..evaluation.by_rule import RuleReport
    from ..evaluation.polnear import Report, outcomes, score_article

    articles = (Article(id=a.stem, text=a.text, source=a.stem) for a in corpus)
    report, rules = Report(), RuleReport()
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=stderr, transient=True)
    with progress:
        task = progress.add_task("extract", total=len(corpus))
        for gold, result in zip(corpus, extractor.extract_many(articles), strict=True):
            report.add(score_article(gold, result.quotes), gold.publisher)
            rules.add(outcomes(gold, result.quotes))
            progress.advance(task)
    return report, rules


def _table(report, directory: Path) -> Table:
    table = Table(title=f"PolNeAR {directory.name}: {report.articles} articles")
    for column in ("metric", "gold", "pred", "hits", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for label, counts in (("direct", report.direct), ("all attributions", report.all)):
        fig = counts.figures()
        rows = [("partial", counts.matched), ("strict", counts.strict), ("quote+speaker", counts.e2e)]
        for metric, hits in rows:
            prf = counts.prf(hits)
            table.add_row(f"{label} {metric}", str(counts.gold), str(counts.pred), str(hits),
                          f"{prf['precision']:.3f}", f"{prf['recall']:.3f}", f"{prf['f1']:.3f}")
        table.add_row(f"{label} speaker acc.", "", "", f"{counts.speaker_ok}/{counts.with_source}",
                      "", "", f"{fig['speaker_accuracy']:.3f}")
        table.add_section()
    return table


def _publisher_table(report) -> Table:
    table = Table(title="By publisher: F1 (spk = speaker accuracy, q+s = quote+speaker F1)")
    for column in ("publisher", "n", "direct", "strict", "spk", "q+s", "all", "all spk", "all q+s"):
        table.add_column(column, justify="left" if column == "publisher" else "right")
    for name, rep in sorted(report.by_publisher.items()):
        d, a = rep.direct.figures(), rep.all.figures()
        table.add_row(name, str(rep.articles), f"{d['partial']['f1']:.3f}", f"{d['strict']['f1']:.3f}",
                      f"{d['speaker_accuracy']:.3f}", f"{d['quote_speaker']['f1']:.3f}",
                      f"{a['partial']['f1']:.3f}", f"{a['speaker_accuracy']:.3f}", f"{a['quote_speaker']['f1']:.3f}")
    return table
