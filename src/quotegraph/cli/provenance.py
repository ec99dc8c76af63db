"""``quotegraph provenance``: one quotation across outlets and dates (docs/provenance.md)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum

import typer
from rich.text import Text

from .app import app
from .corpus import DB_OPTION, _emit, _open, stderr, stdout


class ProvenanceFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def provenance(
    search: str = typer.Option(None, "--search", "-s", help="Only clusters whose wording contains this text."),
    speaker: str = typer.Option(None, "--speaker", help="Only clusters with a member attributed to this name."),
    conflicts: bool = typer.Option(False, "--conflicts", help="Only clusters attributed to different speakers."),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many clusters."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Cluster the whole corpus again first."),
    fmt: ProvenanceFormat = typer.Option(ProvenanceFormat.table, "--format", "-f", help="table, json or csv."),
    db: str = DB_OPTION,
) -> None:
    """Quotations that appear in more than one article.

    For each: the first appearance, every version with its outlet, date and speaker, the word
    changes, and whether speakers conflict (docs/provenance.md).

    Example: quotegraph provenance --conflicts --search "run into the ground"
    """
    from ..store.clusters import list_clusters, recluster

    store = _open(db)
    if rebuild:
        with store.engine.begin() as conn:
            stderr.print(f"{recluster(conn)} clusters of more than one quote")
    with store.engine.connect() as conn:
        clusters = list_clusters(conn, search, speaker, conflicts, limit=limit)
    if fmt == ProvenanceFormat.json:
        sys.stdout.write(json.dumps([c.as_dict() for c in clusters], ensure_ascii=False, indent=2) + "\n")
    elif fmt == ProvenanceFormat.csv:
        from .corpus import TableFormat

        _emit([_member_row(c, m) for c in clusters for m in c.members], TableFormat.csv, [])
    else:
        _print(clusters)


def _member_row(cluster, member) -> dict:
    return {"cluster_id": cluster.id, "canonical_text": cluster.canonical_text,
            "conflicting_speakers": cluster.conflicting_speakers, "wording_changed": cluster.wording_changed,
            "first": member.quote_id == cluster.first.quote_id, "quote_id": member.quote_id,
            "article": member.article, "outlet": member.outlet, "published": member.published,
            "speaker": member.speaker, "text": member.text,
            "changes": "; ".join(f"{c.op}: {c.canonical!r} -> {c.member!r}" for c in member.changes)}


def _print(clusters) -> None:
    from .corpus import TableFormat

    if not clusters:
        stderr.print("no quotation appears in more than one article (try --rebuild after an upgrade)")
    for cluster in clusters:
        flags = [f for f, on in (("conflicting speakers", cluster.conflicting_speakers),
                                 ("wording changed", cluster.wording_changed)) if on]
        stdout.rule(Text(f"#{cluster.id}  {len(cluster.members)} versions  {', '.join(flags)}", style="bold"))
        stdout.print(cluster.canonical_text)
        _emit([_member_row(cluster, m) for m in cluster.members], TableFormat.table,
              ["first", "published", "outlet", "speaker", "changes"])
