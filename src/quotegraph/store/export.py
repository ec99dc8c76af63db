"""Export quotes, corpus people or articles as JSON Lines, CSV or Parquet, streaming the rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from sqlalchemy import select

from ..csvout import write_csv
from . import schema as t
from .db import Store

WHAT = ("quotes", "people", "articles", "clusters")
FORMATS = ("jsonl", "csv", "parquet")
_LISTS = ("aliases", "roles")
_BATCH = 5000


def _statement(what: str):
    q, a, p, cp, o = t.quotes, t.articles, t.people, t.corpus_people, t.organizations
    if what == "quotes":
        return (select(q.c.id, q.c.article_id, a.c.key.label("article_key"), a.c.url, a.c.title, a.c.outlet,
                       a.c.published, q.c.local_id, q.c.type, q.c.text, q.c.start_char, q.c.end_char, q.c.cue,
                       q.c.speaker_text, q.c.speaker_name, cp.c.id.label("corpus_person_id"),
                       cp.c.name.label("person"), o.c.name.label("organization"), q.c.confidence)
                .join(a, a.c.id == q.c.article_id).outerjoin(p, p.c.id == q.c.person_id)
                .outerjoin(cp, cp.c.id == p.c.corpus_person_id).outerjoin(o, o.c.id == q.c.organization_id)
                .order_by(q.c.id))
    if what == "people":
        return select(cp.c.id, cp.c.name, cp.c.aliases, cp.c.roles, cp.c.gender, cp.c.gender_source,
                      cp.c.article_count, cp.c.quote_count).order_by(cp.c.id)
    if what == "articles":
        return select(a.c.id, a.c.key, a.c.ext_id, a.c.source, a.c.url, a.c.title, a.c.outlet, a.c.published,
                      a.c.author, a.c.quote_count, a.c.person_count, a.c.content_hash, a.c.ingested_at,
                      a.c.text).order_by(a.c.id)
    if what == "clusters":
        from .clusters import members_statement

        return members_statement()
    raise ValueError(f"cannot export {what!r}; choose from {', '.join(WHAT)}")


def rows(store: Store, what: str) -> Iterator[dict]:
    """The rows of one export, lists decoded from their JSON columns."""
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=_BATCH).execute(_statement(what))
        for row in result:
            record = dict(row._mapping)
            for key in _LISTS:
                if key in record:
                    record[key] = json.loads(record[key])
            yield record


def export(store: Store, what: str, fmt: str, out: IO | str) -> int:
    """Write one export; ``out`` is a text stream (jsonl, csv) or a path (any format).

    Returns the number of rows written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    records = rows(store, what)
    if fmt == "parquet":
        return _parquet(records, what, out)
    if isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return export(store, what, fmt, handle)
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    return write_csv(out, records, [c.name for c in _statement(what).selected_columns])


def _parquet(records: Iterator[dict], what: str, path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(path, str):
        raise ValueError("parquet needs an output file (-o FILE)")
    schema = _arrow_schema(what)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for record in records:
            batch.append(record)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        # an empty export still writes a file with the columns
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count


def _arrow_schema(what: str):
    import pyarrow as pa
    from sqlalchemy import Float, Integer

    fields = []
    for column in _statement(what).selected_columns:
        if column.name in _LISTS:
            kind = pa.list_(pa.string())
        elif isinstance(column.type, Integer):
            kind = pa.int64()
        elif isinstance(column.type, Float):
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(column.name, kind))
    return pa.schema(fields)
