"""``quotegraph check``: the suspect people and speakers an editor reviews before publishing."""

from __future__ import annotations

import json
import sys

import typer

from .app import app
from .corpus import DB_OPTION, FORMAT_OPTION, TableFormat, _emit, _open, stdout

_COLUMNS = {
    "headline_names": ["id", "name", "quote_count", "reason"],
    "fragments": ["id", "name", "quote_count", "twins"],
    "shared_aliases": ["alias", "people", "quote_count"],
    "gender_conflicts": ["id", "name", "quote_count", "gender", "stated"],
    "speakers_not_entities": ["speaker", "kind", "quote_count", "example_quote"],
}
_TITLES = {
    "headline_names": "names from headlines (people delete / rename)",
    "fragments": "one-word names with a fuller twin (people merge)",
    "shared_aliases": "aliases held by several people (people split)",
    "gender_conflicts": "text says woman and man (people set-gender / split)",
    "speakers_not_entities": "speakers that are not a person, organisation or source (quotes reassign)",
}


@app.command()
def check(
    limit: int = typer.Option(20, "--limit", "-n", help="Findings shown per section (counts cover all)."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """List suspect people and speakers, with counts: what to review before publishing figures.

    Example: quotegraph check --db corpus.db --limit 10
    """
    from ..store.check import check as run_check

    found = run_check(_open(db), limit=limit or 10**9)
    if fmt == TableFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in (TableFormat.csv, TableFormat.jsonl):
        _emit([{"section": name, **item} for name, section in found.items() for item in section["items"]], fmt, [])
        return
    for name, section in found.items():
        _emit(section["items"], fmt, _COLUMNS[name], title=f"{_TITLES[name]}: {section['count']}")
    stdout.print("summary: " + ", ".join(f"{name} {section['count']}" for name, section in found.items()))
