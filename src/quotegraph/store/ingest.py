"""Ingest articles into the corpus: read, skip what is stored unchanged, extract, write.

Three parts meet here: the input stream (read lazily, a window of articles at a time), an
extraction ``Engine`` (this process, a pool of worker processes each with its own
``Extractor``, or a Dask cluster from ``quotegraph.engines``) and a ``Sink`` (the corpus
database, or a Parquet dataset). Only plain dicts cross process boundaries. The calling process
does all the writing, one transaction per article, so an interrupted ingest leaves every article
either fully stored or absent, and a re-run finishes it; a web-archive file read to its end is
recorded and skipped by the next run.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import InputError, one_line
from ..models import Article, Span, Warning
from ..readers import ReadResult, article_files, read_file, read_paths
from ..settings import Options
from ..warc import is_warc
from . import schema as t
from .clusters import cluster_article, clusters_of_article
from .db import Store, now
from .rebuild import rebuild_corpus
from .targets import write_quote_extras

CHUNK = 8  # articles per spaCy batch / worker task: big enough to batch, small enough to stream


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes: int = 0  # quotes written by this run
    people: int = 0  # article people written by this run
    corpus_people: int = 0  # corpus people after the run
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, error)
    skipped_files: int = 0  # web-archive files finished by an earlier run

    def count(self, status: str, result: dict) -> None:
        """Count one stored article ("new", "updated" or "unchanged") and what it wrote."""
        setattr(self, status, getattr(self, status) + 1)
        if status != "unchanged":
            self.quotes += len(result["quotes"])
            self.people += len(result["people"])


Report = Callable[[str], None]  # called with "new", "updated", "unchanged" or "failed"
Todo = tuple[str, str, dict]  # (key, content hash, article as a dict) to extract
Extracted = tuple[str, str, str, dict]  # (key, content hash, source, quotegraph/1 dict or {"error": ...})


def article_key(article: Article) -> str:
    """An article's identity: its URL when known, else the hash of its text."""
    if article.url:
        return article.url
    return "sha256:" + hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(article: Article) -> str:
    """Changes whenever the text or any stored metadata changes."""
    payload = json.dumps([article.text, article.title, article.published, article.outlet,
                          article.url, article.author], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def ingest(store: Store | None, paths: list[str], options: Options, workers: int = 1, force: bool = False,
           metadata: dict[str, dict] | None = None, extractor=None, report: Report | None = None,
           engine: Engine | None = None, sink: Sink | None = None,
           on_file: Callable[[FileDone], None] | None = None) -> IngestSummary:
    """Store every article under ``paths``, read lazily a window at a time; returns what happened.

    ``force`` re-extracts articles stored unchanged; ``metadata`` (from ``load_metadata``) fills
    in outlet, date, title, author and URL by article id; ``extractor``: an ``Extractor`` already
    built (forked workers inherit it); ``engine`` runs the extraction (default: this process or a
    pool of ``workers``); ``sink`` stores the results (default: the database ``store``);
    ``on_file`` hears of each web-archive file finished.
    """
    sink = sink or _database(store, force)
    with engine or LocalEngine(options, workers, extractor) as running:
        run = _Run(sink, running, metadata, report or (lambda _status: None))
        try:
            _read_and_flush(run, paths, options, on_file)
        except KeyboardInterrupt:
            sink.close()  # corpus people then cover every article stored before Ctrl-C
            raise
    run.summary.corpus_people = sink.close()
    return run.summary


def _read_and_flush(run: _Run, paths: list[str], options: Options,
                    on_file: Callable[[FileDone], None] | None) -> None:
    window: list[Article] = []
    for item in _stream(paths, options, run.sink, run.summary):
        if isinstance(item, FileDone):
            run.flush(window)
            window = []
            run.sink.file_done(item)
            if on_file:
                on_file(item)
        elif isinstance(item, InputError):
            run.failure(item.source, "read", item.message)
        else:
            window.append(item)
            if len(window) >= run.engine.window:
                run.flush(window)
                window = []
    run.flush(window)


def _database(store: Store | None, force: bool) -> DatabaseSink:
    if store is None:
        raise ValueError("ingest needs a store or a sink")
    return DatabaseSink(store, force)


@dataclass(frozen=True)
class FileDone:
    """A web-archive file read to its end, with how many articles it gave."""

    path: Path
    articles: int


def _stream(paths: list[str], options: Options, sink: Sink, summary: IngestSummary) -> Iterator[ReadResult | FileDone]:
    """Every input, lazily; a web-archive file already finished is skipped, one just read is marked done."""
    for raw in paths:
        folder = Path(raw)
        files = article_files(folder) if raw != "-" and folder.is_dir() else []
        for path in files or [folder]:
            if not (is_warc(path) and path.is_file()):
                yield from read_paths([raw if not files else str(path)], options)
            elif sink.finished(path):
                summary.skipped_files += 1
            else:
                articles = 0
                for item in read_file(path, options):
                    articles += isinstance(item, Article)
                    yield item
                yield FileDone(path, articles)


class _Run:
    """One ingest's bookkeeping: which keys it has seen, what it did, and the report calls."""

    def __init__(self, sink: Sink, engine: Engine, metadata: dict[str, dict] | None, report: Report):
        self.sink, self.engine, self.metadata, self.report = sink, engine, metadata, report
        self.summary = IngestSummary()
        self.seen: set[str] = set()  # the first input with a given key wins; later copies are unchanged

    def failure(self, source: str, stage: str, error: str) -> None:
        self.summary.failed += 1
        self.summary.failures.append((source, error))
        self.sink.failure(source, stage, error)
        self.report("failed")

    def flush(self, window: list[Article]) -> None:
        """Extract and store the articles of one window that are new or changed."""
        todo = self._todo([_with_metadata(a, self.metadata) if self.metadata else a for a in window])
        # longest first: the workers finish together instead of one chewing a long article at the end
        todo.sort(key=lambda item: -len(item[2]["text"]))
        chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
        for key, digest, source, result in self.engine.map(chunks) if chunks else ():
            if "error" in result:
                self.failure(source, "extract", result["error"])
                continue
            try:
                status = self.sink.write(key, digest, result)
            except SQLAlchemyError as exc:  # a database error is this article's alone
                self.failure(source, "store", one_line(exc))
                continue
            self.summary.count(status, result)
            self.report(status)

    def _todo(self, articles: list[Article]) -> list[Todo]:
        keyed = [(article_key(a), content_hash(a), a) for a in articles]
        stored = self.sink.stored([key for key, _digest, _a in keyed])
        todo: list[Todo] = []
        for key, digest, article in keyed:
            duplicate = key in self.seen
            self.seen.add(key)
            if duplicate or stored.get(key) == digest:
                self.summary.unchanged += 1
                self.report("unchanged")
            else:
                todo.append((key, digest, _article_dict(article)))
        return todo


# --- where results go: the corpus database ---------------------------------------------------

class Sink(Protocol):
    """Where extracted articles go (the corpus database, a Parquet dataset)."""

    def stored(self, keys: list[str]) -> dict[str, str]: ...  # key -> content hash, for those stored
    def write(self, key: str, digest: str, result: dict) -> str: ...  # "new", "updated" or "unchanged"
    def failure(self, source: str, stage: str, error: str) -> None: ...
    def finished(self, path: Path) -> bool: ...  # a web-archive file read to its end before
    def file_done(self, done: FileDone) -> None: ...
    def close(self) -> int: ...  # corpus people after the run


class DatabaseSink:
    """The corpus database: one transaction per article; corpus people rebuilt at the end."""

    def __init__(self, store: Store, force: bool = False):
        self.store, self.force = store, force
        self.updated = False  # an article replaced: corpus people need the full regrouping

    def stored(self, keys: list[str]) -> dict[str, str]:
        if self.force:
            return {}
        found: dict[str, str] = {}
        with self.store.engine.connect() as conn:
            for i in range(0, len(keys), 500):  # under every backend's bound-parameter limit
                query = select(t.articles.c.key, t.articles.c.content_hash).where(t.articles.c.key.in_(keys[i:i + 500]))
                found.update(dict(conn.execute(query).all()))
        return found

    def write(self, key: str, digest: str, result: dict) -> str:
        status = write_result(self.store, key, digest, result, self.force)
        self.updated = self.updated or status == "updated"
        return status

    def failure(self, source: str, stage: str, error: str) -> None:
        with self.store.write(lock=source) as conn:
            conn.execute(delete(t.failures).where(t.failures.c.source == source))
            conn.execute(insert(t.failures), {"source": source, "stage": stage, "error": error, "failed_at": now()})

    def finished(self, path: Path) -> bool:
        with self.store.engine.connect() as conn:
            size = conn.execute(select(t.input_files.c.size)
                                .where(t.input_files.c.path == str(path.resolve()))).scalar_one_or_none()
        return size is not None and size == path.stat().st_size

    def file_done(self, done: FileDone) -> None:
        row = {"path": str(done.path.resolve()), "size": done.path.stat().st_size, "articles": done.articles,
               "finished_at": now()}
        with self.store.engine.begin() as conn:
            conn.execute(delete(t.input_files).where(t.input_files.c.path == row["path"]))
            conn.execute(insert(t.input_files), row)

    def close(self) -> int:
        return rebuild_people(self.store, incremental=not self.updated)



def rebuild_people(store: Store, incremental: bool = False) -> int:
    """Regroup corpus people (and organisations) in one transaction, one process at a time;
    returns how many corpus people exist. ``incremental`` regroups only what new articles touch."""
    with store.write(lock="corpus_people") as conn:
        return rebuild_corpus(conn, incremental=incremental)


# --- metadata side files -----------------------------------------------------------------

_META_COLUMNS = {
    "id": "id", "filename": "id", "file": "id",
    "outlet": "outlet", "publisher": "outlet", "site": "outlet",
    "published": "published", "publication_date": "published", "date": "published",
    "title": "title", "author": "author", "url": "url",
}


def load_metadata(path: str) -> dict[str, dict]:
    """Article metadata from a CSV or TSV file, keyed by article id (file name without suffix).

    Recognised columns: id/filename/file, outlet/publisher/site, published/publication_date/date,
    title, author, url. Values fill only what the article itself does not give.
    """
    import csv

    with open(path, encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(65536)
        handle.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel_tab if path.lower().endswith(".tsv") else csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        if not {_META_COLUMNS.get(c.strip().lower()) for c in reader.fieldnames or []} >= {"id"}:
            raise InputError(path, "metadata file needs an id, filename or file column")
        table: dict[str, dict] = {}
        for record in reader:
            mapped = {}
            for column, value in record.items():
                field_name = _META_COLUMNS.get((column or "").strip().lower())
                if field_name and field_name not in mapped and value not in (None, "", "None"):
                    mapped[field_name] = value.strip()
            if mapped.get("id"):
                ident = mapped.pop("id")
                table[ident.rsplit(".", 1)[0] if ident.endswith((".txt", ".html", ".htm")) else ident] = mapped
    return table


def _with_metadata(article: Article, metadata: dict[str, dict]) -> Article:
    from pathlib import Path

    from ..readers import date_warnings, normalise_date

    extra = metadata.get(article.id) or metadata.get(Path(article.source).stem)
    if not extra:
        return article
    values: dict = {k: v for k, v in extra.items() if not getattr(article, k)}
    if "published" in values:
        values["warnings"] = article.warnings + date_warnings(values["published"])
        values["published"] = normalise_date(values["published"])
    return replace(article, **values)


# --- extraction, in process or in a pool --------------------------------------------------

class Engine(Protocol):
    """Runs extraction on chunks of articles; a context manager that owns its workers."""

    window: int  # articles read ahead and extracted together

    def __enter__(self) -> Engine: ...
    def __exit__(self, *exc: object) -> None: ...
    def map(self, chunks: list[list[Todo]]) -> Iterator[Extracted]: ...


class LocalEngine:
    """Extraction in this process, or in a pool of forked processes (started at the first chunk)."""

    def __init__(self, options: Options, workers: int = 1, extractor=None):
        self.options, self.workers, self.extractor = options, workers, extractor
        self.window = CHUNK * workers * 8  # enough chunks per window to keep every worker busy
        self.pool = None

    def __enter__(self) -> LocalEngine:
        global _extractor
        if self.extractor is not None:
            _extractor = self.extractor
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()

    def map(self, chunks: list[list[Todo]]) -> Iterator[Extracted]:
        if self.workers <= 1:
            _init_worker(self.options)
            for chunk in chunks:
                yield from _extract_chunk(chunk)
            return
        for results in self._pool().imap_unordered(_extract_chunk, chunks):
            yield from results

    def _pool(self):
        if self.pool is None:
            context: BaseContext
            if "fork" in multiprocessing.get_all_start_methods():
                # Load spaCy once here; forked workers share it (copy-on-write) instead of each
                # importing and loading it again. They never touch the parent's database connections.
                _init_worker(self.options)
                context = multiprocessing.get_context("fork")
            else:
                context = multiprocessing.get_context("spawn")
            self.pool = context.Pool(self.workers, initializer=_init_pool_worker, initargs=(self.options,))
        return self.pool


_extractor = None


def _init_worker(options: Options) -> None:
    global _extractor
    from ..pipeline import Extractor  # spaCy is loaded here, once per process

    if _extractor is None or _extractor.options != options:
        _extractor = Extractor(options)


def _init_pool_worker(options: Options) -> None:
    # Ctrl-C is the main process's business: it stops the pool; workers just get terminated
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    _init_worker(options)


def _exit_with_parent() -> None:
    """If the main process dies (kill -9), its workers would wait for tasks forever: leave too."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _extract_chunk(chunk: list[Todo]) -> list[Extracted]:
    """Extract a few articles together; if that fails, one by one to name the culprit."""
    assert _extractor is not None, "_init_worker runs first"
    articles = [_article_from_dict(data) for _key, _digest, data in chunk]
    results = [{"error": f"extraction failed: {r!r}"} if isinstance(r, Exception) else r.as_dict()
               for r in _extractor.extract_batch(articles)]
    return [(key, digest, data["source"], result) for (key, digest, data), result in zip(chunk, results, strict=True)]


def _article_dict(article: Article) -> dict:
    return asdict(article)


def _article_from_dict(data: dict) -> Article:
    warnings = [Warning(w["code"], w["message"], [Span(**s) for s in w["spans"]]) for w in data["warnings"]]
    return Article(**{**data, "warnings": warnings})


# --- writing ------------------------------------------------------------------------------

def write_result(store: Store, key: str, digest: str, result: dict, force: bool = False) -> str:
    """Store one extracted article (a quotegraph/1 dict) in one transaction.

    Returns "new", "updated" (its old rows replaced) or "unchanged" (same content stored).
    """
    with store.write(lock=key) as conn:
        old = conn.execute(select(t.articles.c.id, t.articles.c.content_hash)
                           .where(t.articles.c.key == key)).first()
        if old is not None and old.content_hash == digest and not force:
            return "unchanged"
        row = {
            "key": key, "content_hash": digest, "ext_id": result["id"], "source": result["source"],
            "url": result["url"], "title": result["title"], "outlet": result["outlet"],
            "published": result["published"], "author": result["author"], "text": result["text"],
            "model": result["model"], "warnings": _json(result["warnings"]),
            "quote_count": len(result["quotes"]), "person_count": len(result["people"]),
            "ingested_at": now(),
        }
        lost: set[int] | None = None  # clusters of the quotes being replaced
        if old is None:
            article_id = conn.execute(insert(t.articles).returning(t.articles.c.id), row).scalar_one()
        else:
            article_id = old.id
            lost = clusters_of_article(conn, article_id)
            _delete_children(conn, article_id)
            conn.execute(update(t.articles).where(t.articles.c.id == article_id).values(row))
        _write_children(conn, article_id, result)
        write_quote_extras(conn, article_id, result)
        cluster_article(conn, article_id, lost)
        conn.execute(delete(t.failures).where(t.failures.c.source == result["source"]))
    return "new" if old is None else "updated"


def _delete_children(conn, article_id: int) -> None:
    # children first: mentions and quotes point at people and organisations
    for table in (t.mentions, t.quotes, t.people, t.organizations, t.places, t.excluded, t.dates):
        conn.execute(delete(table).where(table.c.article_id == article_id))


def _insert_ids(conn, table, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def _write_children(conn, article_id: int, result: dict) -> None:
    a = article_id
    if result["excluded"]:
        conn.execute(insert(t.excluded), [
            {"article_id": a, "start_char": e["start"], "end_char": e["end"], "reason": e["reason"]}
            for e in result["excluded"]])
    person_ids = _insert_ids(conn, t.people, [_person_row(a, p) for p in result["people"]])
    org_ids = _insert_ids(conn, t.organizations, [_entity_row(a, o) for o in result["organizations"]])
    place_ids = _insert_ids(conn, t.places, [_entity_row(a, p) for p in result["places"]])

    mention_rows = []
    for owner, entities, ids in (("person_id", result["people"], person_ids),
                                 ("organization_id", result["organizations"], org_ids),
                                 ("place_id", result["places"], place_ids)):
        for entity, row_id in zip(entities, ids, strict=True):
            mention_rows += [{"article_id": a, "person_id": None, "organization_id": None, "place_id": None,
                              owner: row_id, "start_char": m["start"], "end_char": m["end"], "text": m["text"]}
                             for m in entity["mentions"]]
    if mention_rows:
        conn.execute(insert(t.mentions), mention_rows)

    local = {p["id"]: ("person_id", i) for p, i in zip(result["people"], person_ids, strict=True)}
    local.update({o["id"]: ("organization_id", i) for o, i in zip(result["organizations"], org_ids, strict=True)})
    if result["quotes"]:
        conn.execute(insert(t.quotes), [_quote_row(a, q, local) for q in result["quotes"]])
    if result["dates"]:
        conn.execute(insert(t.dates), [
            {"article_id": a, "start_char": d["start"], "end_char": d["end"], "text": d["text"], "value": d["value"]}
            for d in result["dates"]])


def gender_source(gender: dict) -> str:
    """"text" when pronouns, honorifics or other wording gave the gender; "name" when only the
    first-name guess did (evidence labelled ``name:...``); "none" when it is unknown."""
    if gender.get("value", "unknown") == "unknown":
        return "none"
    evidence = gender.get("evidence") or []
    if evidence and all(str(e).startswith("name") for e in evidence):
        return "name"
    return "text"


def _person_row(article_id: int, p: dict) -> dict:
    return {
        "article_id": article_id, "local_id": p["id"], "name": p["name"], "aliases": _json(p["aliases"]),
        "titles": _json(p["titles"]), "roles": _json(p["roles"]), "gender": p["gender"]["value"],
        "gender_evidence": _json(p["gender"]["evidence"]), "gender_source": gender_source(p["gender"]),
        "age": p["age"], "quote_count": p["quote_count"], "corpus_person_id": None,
    }


def _entity_row(article_id: int, e: dict) -> dict:
    return {"article_id": article_id, "local_id": e["id"], "name": e["name"], "aliases": _json(e["aliases"]),
            "quote_count": e["quote_count"]}


def _quote_row(article_id: int, q: dict, local: dict) -> dict:
    owner = local.get(q["speaker_id"]) if q["speaker_id"] else None
    cue, speaker = q["cue"] or {}, q["speaker"] or {}
    return {
        "article_id": article_id, "local_id": q["id"], "type": q["type"],
        "start_char": q["start"], "end_char": q["end"], "text": q["text"],
        "parts": _json([[p["start"], p["end"]] for p in q["parts"]]),
        "cue_start": cue.get("start"), "cue_end": cue.get("end"), "cue": cue.get("text"),
        "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
        "speaker_text": speaker.get("text"), "speaker_name": q["speaker_name"],
        "speaker_local_id": q["speaker_id"],
        "person_id": owner[1] if owner and owner[0] == "person_id" else None,
        "organization_id": owner[1] if owner and owner[0] == "organization_id" else None,
        "confidence": q["confidence"], "rule": q.get("rule"), "speaker_rule": q.get("speaker_rule"),
    }


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def ingest_results(store: Store, results: Iterable) -> IngestSummary:
    """Store already extracted ``ArticleResult`` objects (used by tests and library callers)."""
    summary = IngestSummary()
    for result in results:
        article = Article(id=result.id, text=result.text, source=result.source, title=result.title,
                          published=result.published, outlet=result.outlet, url=result.url,
                          author=result.author)
        data = result.as_dict()
        summary.count(write_result(store, article_key(article), content_hash(article), data), data)
    summary.corpus_people = rebuild_people(store, incremental=not summary.updated)
    return summary
