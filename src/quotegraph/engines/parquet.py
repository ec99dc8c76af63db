"""A Parquet dataset sink: articles and quotes, partitioned by outlet and month (hive style).

``DIR/articles/outlet=<outlet>/month=<YYYY-MM>/*.parquet`` and the same under ``DIR/quotes``;
pyarrow.dataset, DuckDB (``read_parquet('DIR/quotes/**/*.parquet', hive_partitioning=true)``),
Spark and pandas read it directly. Articles already in the dataset with the same content are
skipped on a re-run; a changed article is written again (readers keep the newest ``ingested_at``).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from ..store.db import now
from ..store.ingest import FileDone

PARTITIONING = ds.partitioning(pa.schema([("outlet", pa.string()), ("month", pa.string())]), flavor="hive")
ARTICLE_SCHEMA = pa.schema([
    ("key", pa.string()), ("content_hash", pa.string()), ("ext_id", pa.string()), ("source", pa.string()),
    ("url", pa.string()), ("title", pa.string()), ("published", pa.string()), ("author", pa.string()),
    ("quote_count", pa.int64()), ("person_count", pa.int64()), ("ingested_at", pa.string()),
    ("outlet", pa.string()), ("month", pa.string()),
])
QUOTE_SCHEMA = pa.schema([
    ("article_key", pa.string()), ("url", pa.string()), ("title", pa.string()), ("published", pa.string()),
    ("local_id", pa.string()), ("type", pa.string()), ("text", pa.string()), ("start_char", pa.int64()),
    ("end_char", pa.int64()), ("cue", pa.string()), ("speaker_text", pa.string()),
    ("speaker_name", pa.string()), ("confidence", pa.float64()), ("outlet", pa.string()), ("month", pa.string()),
])
FLUSH_ROWS = 20000  # quotes buffered before a write: files of a useful size, memory bounded


class ParquetSink:
    """Writes extracted articles to a Parquet dataset directory instead of the corpus database."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.articles: list[dict] = []
        self.quotes: list[dict] = []
        self.failures: list[tuple[str, str, str]] = []
        self.known = self._existing()

    def _existing(self) -> dict[str, str]:
        path = self.folder / "articles"
        if not path.exists():
            return {}
        table = ds.dataset(path, format="parquet", partitioning=PARTITIONING).to_table(columns=["key", "content_hash"])
        return dict(zip(table.column("key").to_pylist(), table.column("content_hash").to_pylist(), strict=True))

    def stored(self, keys: list[str]) -> dict[str, str]:
        return {key: self.known[key] for key in keys if key in self.known}

    def write(self, key: str, digest: str, result: dict) -> str:
        status = "new" if key not in self.known else "updated"
        partition = {"outlet": result["outlet"], "month": (result["published"] or "")[:7] or None}
        common = {"url": result["url"], "title": result["title"], "published": result["published"]}
        self.articles.append({
            "key": key, "content_hash": digest, "ext_id": result["id"], "source": result["source"],
            "author": result["author"], "quote_count": len(result["quotes"]), "person_count": len(result["people"]),
            "ingested_at": now(), **common, **partition})
        for q in result["quotes"]:
            cue, speaker = q["cue"] or {}, q["speaker"] or {}
            self.quotes.append({
                "article_key": key, "local_id": q["id"], "type": q["type"], "text": q["text"],
                "start_char": q["start"], "end_char": q["end"], "cue": cue.get("text"),
                "speaker_text": speaker.get("text"), "speaker_name": q["speaker_name"],
                "confidence": q["confidence"], **common, **partition})
        self.known[key] = digest
        if len(self.quotes) >= FLUSH_ROWS:
            self._flush()
        return status

    def failure(self, source: str, stage: str, error: str) -> None:
        self.failures.append((source, stage, error))  # the summary reports them; nothing to store

    def finished(self, path: Path) -> bool:
        return False  # no resume record in a dataset: a re-run skips the articles, not the file

    def file_done(self, done: FileDone) -> None:
        self._flush()

    def close(self) -> int:
        self._flush()
        return 0  # corpus people live in the database only

    def _flush(self) -> None:
        batch = uuid.uuid4().hex[:12]  # a new file name per write: earlier files are kept
        for name, rows, schema in (("articles", self.articles, ARTICLE_SCHEMA), ("quotes", self.quotes, QUOTE_SCHEMA)):
            if rows:
                ds.write_dataset(pa.Table.from_pylist(rows, schema=schema), self.folder / name, format="parquet",
                                 partitioning=PARTITIONING, basename_template=f"part-{batch}-{{i}}.parquet",
                                 existing_data_behavior="overwrite_or_ignore")
        self.articles, self.quotes = [], []
