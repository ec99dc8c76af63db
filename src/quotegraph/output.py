"""Write results as quotegraph/1 JSON, JSONL or a human-readable rich table."""

from __future__ import annotations

import json
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .models import ArticleResult


def to_json(result: ArticleResult, indent: int | None = None) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=indent)


class Writer:
    """Streams results in one format. ``json`` writes an array (one element per article, so its
    shape never depends on how many articles came in); ``table`` fits the terminal's width (80
    columns when not a terminal) and clips long quotes unless ``full``."""

    def __init__(self, fmt: str, out: IO[str], full: bool = False):
        self.fmt, self.out, self.full, self.count = fmt, out, full, 0
        self.console = Console(file=out, soft_wrap=False) if fmt == "table" else None

    def write(self, result: ArticleResult) -> None:
        if self.fmt == "jsonl":
            self.out.write(to_json(result) + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.count == 0 else ",\n") + to_json(result, indent=2))
        elif self.console is not None:
            render_table(result, self.console, None if self.full else QUOTE_CLIP)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")


QUOTE_CLIP = 220  # characters of a quote shown in the table without --full
SPEAKER_WIDTH, CUE_WIDTH, QUOTE_MIN_WIDTH = 20, 10, 30  # table columns, in terminal cells


def render_table(result: ArticleResult, console: Console, clip: int | None = QUOTE_CLIP) -> None:
    title = result.title or result.id
    meta = " · ".join(x for x in (result.outlet, result.published, result.source) if x)
    console.rule(Text(title, style="bold"))
    if meta:
        console.print(meta, style="dim")

    quotes = Table(title=f"Quotes ({len(result.quotes)})", show_lines=False, expand=True)
    quotes.add_column("#", style="dim", no_wrap=True)
    quotes.add_column("type", no_wrap=True)
    # the quote keeps most of the width: a long "name (mention)" wraps in its own narrow column
    quotes.add_column("speaker", style="cyan", max_width=SPEAKER_WIDTH)
    quotes.add_column("cue", style="green", max_width=CUE_WIDTH)
    quotes.add_column("quote", ratio=1, min_width=QUOTE_MIN_WIDTH)
    for q in result.quotes:
        speaker = q.speaker_name or (q.speaker.text if q.speaker else "—")
        if q.speaker and q.speaker_name and q.speaker.text != q.speaker_name:
            speaker = f"{q.speaker_name} ({q.speaker.text})"
        quotes.add_row(q.id, q.type, speaker, q.cue.text if q.cue else "", _clip(q.text, clip))
    console.print(quotes)

    people = Table(title=f"People ({len(result.people)})", expand=True)
    for col in ("name", "aliases", "titles / roles", "gender (evidence)", "age", "quotes"):
        people.add_column(col)
    for p in result.people:
        evidence = ", ".join(p.gender.evidence[:3])
        gender = p.gender.value if p.gender.value == "unknown" else f"{p.gender.value} ({evidence})"
        people.add_row(p.name, ", ".join(a for a in p.aliases if a != p.name), "; ".join(p.titles + p.roles),
                       gender, "" if p.age is None else str(p.age), str(p.quote_count))
    console.print(people)

    for label, items in (("Organisations", result.organizations), ("Places", result.places)):
        if items:
            console.print(f"[bold]{label}:[/bold] " + "; ".join(
                e.name + (f" ({', '.join(a for a in e.aliases if a != e.name)})" if len(e.aliases) > 1 else "")
                for e in items))
    if result.excluded:
        console.print(f"[bold]Excluded:[/bold] {len(result.excluded)} leftover span(s): " + ", ".join(
            sorted({e.reason for e in result.excluded})), style="dim")
    for w in result.warnings:
        console.print(f"[yellow]warning[/yellow] {w.code}: {w.message}")
    console.print()


def _clip(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
