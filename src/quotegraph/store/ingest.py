"""Ingest articles into the corpus: read, skip what is stored unchanged, extract, write.

Extraction runs in the calling process (one worker) or in a pool of worker processes, each
with its own ``Extractor`` (forked after spaCy is loaded, or loading it once where fork is not
available); only plain dicts cross process boundaries. The calling process does all the writing, one transaction per article, so an
interrupted ingest leaves every article either fully stored or absent, and a re-run finishes it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import delete, insert, select, update

from ..errors import InputError
from ..models import Article, Span, Warning
from ..readers import read_paths
from ..settings import Options
from . import schema as t
from .db import Store, now
from .merge import rebuild_corpus_people

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

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.failed


Report = Callable[[str], None]  # called with "new", "updated", "unchanged" or "failed"


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


def ingest(store: Store, paths: list[str], options: Options, workers: int = 1, force: bool = False,
           metadata: dict[str, dict] | None = None, extractor=None,
           on_total: Callable[[int], None] | None = None, report: Report | None = None) -> IngestSummary:
    """Store every article under ``paths``; returns what happened to them.

    ``force`` re-extracts articles even when their content is stored unchanged; ``metadata``
    (from ``load_metadata``) fills in outlet, date, title, author and URL by article id.
    ``extractor``: an ``Extractor`` already built (forked workers inherit it).
    """
    report = report or (lambda _status: None)
    summary = IngestSummary()
    with store.engine.connect() as conn:
        stored = dict(conn.execute(select(t.articles.c.key, t.articles.c.content_hash)).all())

    todo: list[tuple[str, str, dict]] = []
    seen: set[str] = set()
    items = list(read_paths(paths, options))
    if on_total:
        on_total(len(items))
    for item in items:
        if isinstance(item, InputError):
            _record_failure(store, summary, item.source, "read", item.message)
            report("failed")
            continue
        if metadata:
            item = _with_metadata(item, metadata)
        key, digest = article_key(item), content_hash(item)
        # the first input with a given key wins; later copies in the same run are unchanged
        duplicate = key in seen
        seen.add(key)
        if duplicate or (not force and stored.get(key) == digest):
            summary.unchanged += 1
            report("unchanged")
            continue
        todo.append((key, digest, _article_dict(item)))

    # longest first: the workers finish together instead of one chewing a long article at the end
    todo.sort(key=lambda item: -len(item[2]["text"]))
    for key, digest, source, result in _extract(todo, options, workers, extractor):
        if "error" in result:
            _record_failure(store, summary, source, "extract", result["error"])
            report("failed")
            continue
        status = write_result(store, key, digest, result, force)
        setattr(summary, status, getattr(summary, status) + 1)
        if status != "unchanged":
            summary.quotes += len(result["quotes"])
            summary.people += len(result["people"])
        report(status)

    with store.engine.begin() as conn:
        summary.corpus_people = rebuild_corpus_people(conn)
    return summary


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

    from ..readers import normalise_date

    extra = metadata.get(article.id) or metadata.get(Path(article.source).stem)
    if not extra:
        return article
    values = {k: v for k, v in extra.items() if not getattr(article, k)}
    if "published" in values:
        values["published"] = normalise_date(values["published"])
    return replace(article, **values)


# --- extraction, in process or in a pool --------------------------------------------------

def _extract(todo: list[tuple[str, str, dict]], options: Options, workers: int,
             extractor=None) -> Iterator[tuple[str, str, str, dict]]:
    global _extractor
    if not todo:
        return
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    if extractor is not None:
        _extractor = extractor
    if workers <= 1:
        _init_worker(options)
        for chunk in chunks:
            yield from _extract_chunk(chunk)
        return
    if "fork" in multiprocessing.get_all_start_methods():
        # Load spaCy once here; forked workers share it (copy-on-write) instead of each
        # importing and loading it again. They never touch the parent's database connections.
        _init_worker(options)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    pool = context.Pool(min(workers, len(chunks)), initializer=_init_pool_worker, initargs=(options,))
    try:
        for results in pool.imap_unordered(_extract_chunk, chunks):
            yield from results
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


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


def _extract_chunk(chunk: list[tuple[str, str, dict]]) -> list[tuple[str, str, str, dict]]:
    """Extract a few articles together; if that fails, one by one to name the culprit."""
    articles = [_article_from_dict(data) for _key, _digest, data in chunk]
    results = [{"error": f"extraction failed: {r!r}"} if isinstance(r, Exception) else r.as_dict()
               for r in _extractor.extract_batch(articles)]
    return [(key, digest, data["source"], result) for (key, digest, data), result in zip(chunk, results)]


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
    with store.engine.begin() as conn:
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
        if old is None:
            article_id = conn.execute(insert(t.articles).returning(t.articles.c.id), row).scalar_one()
        else:
            article_id = old.id
            _delete_children(conn, article_id)
            conn.execute(update(t.articles).where(t.articles.c.id == article_id).values(row))
        _write_children(conn, article_id, result)
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
        for entity, row_id in zip(entities, ids):
            mention_rows += [{"article_id": a, "person_id": None, "organization_id": None, "place_id": None,
                              owner: row_id, "start_char": m["start"], "end_char": m["end"], "text": m["text"]}
                             for m in entity["mentions"]]
    if mention_rows:
        conn.execute(insert(t.mentions), mention_rows)

    local = {p["id"]: ("person_id", i) for p, i in zip(result["people"], person_ids)}
    local.update({o["id"]: ("organization_id", i) for o, i in zip(result["organizations"], org_ids)})
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


def _record_failure(store: Store, summary: IngestSummary, source: str, stage: str, error: str) -> None:
    summary.failed += 1
    summary.failures.append((source, error))
    with store.engine.begin() as conn:
        conn.execute(delete(t.failures).where(t.failures.c.source == source))
        conn.execute(insert(t.failures), {"source": source, "stage": stage, "error": error, "failed_at": now()})


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
        status = write_result(store, article_key(article), content_hash(article), data)
        setattr(summary, status, getattr(summary, status) + 1)
        if status != "unchanged":
            summary.quotes += len(data["quotes"])
            summary.people += len(data["people"])
    with store.engine.begin() as conn:
        summary.corpus_people = rebuild_corpus_people(conn)
    return summary
