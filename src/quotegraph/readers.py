"""Read articles from plain text, HTML, JSONL, stdin and directories.

``read_paths`` yields an ``Article`` for each article it can read and an ``InputError`` for
each input it cannot, so one bad file never stops the others.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .models import Article, Warning
from .settings import Options

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

ReadResult = Article | InputError

_ENGLISH_WORDS = frozenset(
    "the a an and of to in is was said that for on with he she it they as at by from his her "
    "be has have had not but are were this which who will would their its".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def read_paths(paths: list[str], options: Options | None = None) -> Iterator[ReadResult]:
    """Every article under ``paths`` (files, directories searched recursively, ``-`` for stdin)."""
    options = options or Options()
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(options)
            continue
        path = Path(raw)
        if path.is_dir():
            files = article_files(path)
            if not files:
                yield InputError(raw, "directory holds no .txt, .html, .jsonl or .warc articles")
            for file in files:
                yield from read_file(file, options)
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield InputError(raw, "no such file or directory")


def article_files(folder: Path) -> list[Path]:
    """The article files under ``folder``, recursively, in name order; hidden folders skipped."""
    from .warc import is_warc

    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and (p.suffix.lower() in ARTICLE_SUFFIXES or is_warc(p))
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def read_file(path: Path, options: Options) -> Iterator[ReadResult]:
    from .warc import is_warc, read_warc  # read record by record, never whole

    if is_warc(path):
        yield from read_warc(path, options)
        return
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, source, path.stem, options)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(source, f"{size:,} bytes is over the size limit of {options.max_bytes:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))
        return
    except InputError as exc:
        yield exc
        return
    if suffix in HTML_SUFFIXES:
        yield _guard(lambda: _article_from_html(_decode(data, source)[0], source, path.stem))
    else:
        yield _guard(lambda: _article_from_text(data, source, path.stem))


def open_binary(path: Path) -> BinaryIO | InputError:
    """The file opened for reading bytes, or why it cannot be."""
    try:
        return open(path, "rb")
    except OSError as exc:
        return InputError(str(path), exc.strerror or str(exc))


def _read_stdin(options: Options) -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield InputError("<stdin>", f"over the size limit of {options.max_bytes:,} bytes")
        return
    yield _guard(lambda: _article_from_text(data, "<stdin>", "stdin"))


def _guard(make) -> ReadResult:
    try:
        return make()
    except InputError as exc:
        return exc


def _decode(data: bytes, source: str) -> tuple[str, list[Warning]]:
    """UTF-8 with the BOM stripped; invalid bytes become U+FFFD with a warning."""
    if _looks_binary(data):
        raise InputError(source, "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        return text, [Warning("invalid-utf8", f"{bad} invalid UTF-8 byte sequence(s) replaced "
                                              f"(first at byte {exc.start})")]


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and control / len(head) > 0.05


def _text_warnings(text: str) -> list[Warning]:
    if not text.strip():
        return [Warning("empty", "the article has no text")]
    words = _WORD.findall(text[:20000].lower())
    if len(words) >= 20 and sum(w in _ENGLISH_WORDS for w in words) / len(words) < 0.08:
        return [Warning("not-english", "the text does not look like English; quotes and names may be missed")]
    return []


def _article_from_text(data: bytes, source: str, stem: str) -> Article:
    text, warnings = _decode(data, source)
    return Article(id=stem, text=text, source=source, warnings=warnings + _text_warnings(text))


def _article_from_html(html: str, source: str, stem: str, **meta) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "no article text found in the HTML page")
    text = doc.text
    return Article(
        id=meta.get("id") or stem,
        text=text,
        source=source,
        title=meta.get("title") or doc.title,
        published=normalise_date(meta.get("published") or doc.date),
        outlet=meta.get("outlet") or doc.sitename,
        url=meta.get("url") or doc.url,
        author=meta.get("author") or doc.author,
        warnings=_text_warnings(text),
    )


def _read_jsonl(path: Path, source: str, stem: str, options: Options) -> Iterator[ReadResult]:
    """One record per line, read lazily so a file of any size streams in flat memory."""
    handle = open_binary(path)
    if isinstance(handle, InputError):
        yield handle
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{source}:{number}"
            item: ReadResult
            try:
                line, warnings = _decode(raw, where)  # utf-8-sig: a BOM on line 1 is dropped
                item = _article_from_record(line, where, f"{stem}-{number}", options, warnings)
            except InputError as exc:
                item = exc
            yield item


def _article_from_record(line: str, where: str, default_id: str, options: Options,
                         warnings: list[Warning]) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "a JSONL record must be an object")
    body = record.get("text") if record.get("text") is not None else record.get("html")
    if not isinstance(body, str):
        raise InputError(where, "record has neither a 'text' nor an 'html' string")
    if len(body.encode("utf-8", errors="replace")) > options.max_bytes:
        raise InputError(where, f"text is over the size limit of {options.max_bytes:,} bytes")
    meta = {
        "id": str(record["id"]) if record.get("id") is not None else default_id,
        "title": record.get("title"),
        "published": record.get("published"),
        "outlet": record.get("outlet"),
        "url": record.get("url"),
        "author": record.get("author"),
    }
    if record.get("text") is None:
        return _article_from_html(body, where, default_id, **meta)
    return Article(
        id=meta["id"], text=body, source=where, title=meta["title"],
        published=normalise_date(meta["published"]), outlet=meta["outlet"], url=meta["url"],
        author=meta["author"], warnings=list(warnings) + _text_warnings(body),
    )


def normalise_date(value) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp (other forms via dateparser), else None."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
