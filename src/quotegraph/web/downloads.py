"""Streaming CSV and JSON Lines responses for whole result sets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from fastapi.responses import StreamingResponse

MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


def _cell(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer: csv.DictWriter | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _jsonl_lines(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def stream(rows: Iterable[dict], fmt: str, filename: str) -> StreamingResponse:
    body = _csv_lines(rows) if fmt == "csv" else _jsonl_lines(rows)
    return StreamingResponse(body, media_type=MEDIA[fmt],
                             headers={"content-disposition": f'attachment; filename="{filename}.{fmt}"'})
