"""Read articles from plain text, HTML, JSONL, stdin and directories.

``read_paths`` yields an ``Article`` for each article it can read and an ``InputError`` for
each input it cannot, so one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

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
                yield InputError(display_path(path), "directory holds no .txt, .html, .jsonl or .warc articles")
            for file in files:
                yield from read_file(file, options)
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield InputError(display_path(path), "no such file or directory")


def display_path(path: Path) -> str:
    """The path as valid UTF-8 text: bytes of a file name that are not UTF-8 become U+FFFD."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
    source = display_path(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, source, display_path(Path(path.stem)), options)
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
        yield _guard(lambda: _article_from_html_bytes(data, source, display_path(Path(path.stem)), options))
    else:
        yield _guard(lambda: _article_from_text(data, source, display_path(Path(path.stem)), options))


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
    yield _guard(lambda: _article_from_text(data, "<stdin>", "stdin", options))


def _guard(make) -> ReadResult:
    try:
        return make()
    except InputError as exc:
        return exc


def _decode(data: bytes, source: str) -> tuple[str, list[Warning]]:
    """UTF-8 (BOM stripped) or UTF-16 with a BOM; invalid bytes become U+FFFD with a warning,
    and so do NUL characters (PostgreSQL cannot store them; the text keeps its length)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, warnings = data.decode("utf-16", errors="replace"), []
    elif _looks_binary(data):
        raise InputError(source, "looks like a binary file, not text")
    else:
        try:
            text, warnings = data.decode("utf-8-sig"), list[Warning]()
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd")
            warnings = [Warning("invalid-utf8", f"{bad} invalid UTF-8 byte sequence(s) replaced "
                                                f"(first at byte {exc.start})")]
    return _without_nul(text, warnings)


def _without_nul(text: str, warnings: list[Warning]) -> tuple[str, list[Warning]]:
    if "\x00" not in text:
        return text, warnings
    count = text.count("\x00")
    return text.replace("\x00", "\ufffd"), warnings + [Warning("nul", f"{count} NUL character(s) replaced")]


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and control / len(head) > 0.05


def _check_length(text: str, source: str, options: Options) -> None:
    """spaCy refuses texts over its ``max_length``: refuse them here, in one line, before extraction."""
    if len(text) > options.max_chars:
        raise InputError(source, f"{len(text):,} characters is over the limit of {options.max_chars:,} "
                                 "characters per article (split it, e.g. at chapters, and extract the parts)")


def _text_warnings(text: str) -> list[Warning]:
    if not text.strip():
        return [Warning("empty", "the article has no text")]
    words = _WORD.findall(text[:20000].lower())
    if len(words) >= 20 and sum(w in _ENGLISH_WORDS for w in words) / len(words) < 0.08:
        return [Warning("not-english", "the text does not look like English; quotes and names may be missed")]
    return []


def _article_from_text(data: bytes, source: str, stem: str, options: Options) -> Article:
    text, warnings = _decode(data, source)
    _check_length(text, source, options)
    return Article(id=stem, text=text, source=source, warnings=warnings + _text_warnings(text))


def _article_from_html_bytes(data: bytes, source: str, stem: str, options: Options, **meta: str | None) -> Article:
    html, warnings = _decode(data, source)
    return _article_from_html(html, source, stem, options, warnings, **meta)


# Layout-only tags, dropped when a page nests them too deeply for libxml2 (256 levels)
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|article|main|aside|header|footer|font|center)\b[^>]*>",
                          re.IGNORECASE)


def _article_from_html(html: str, source: str, stem: str, options: Options,
                       warnings: list[Warning] | None = None, **meta: str | None) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc: Any = None  # trafilatura's Document
    for page in (html, _LAYOUT_TAGS.sub(" ", html)):
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=False)
        if doc is not None and (doc.text or "").strip():
            break
    else:
        raise InputError(source, "no article text found in the HTML page")
    text, nul = _without_nul(doc.text, [])
    _check_length(text, source, options)
    return Article(
        id=meta.get("id") or stem,
        text=text,
        source=source,
        title=meta.get("title") or _clean(doc.title),
        published=normalise_date(meta.get("published") or doc.date),
        outlet=meta.get("outlet") or _clean(doc.sitename),
        url=meta.get("url") or _clean(doc.url),
        author=meta.get("author") or _clean(doc.author),
        warnings=list(warnings or []) + nul + _text_warnings(text),
    )


def _clean(value: str | None) -> str | None:
    return value.replace("\x00", "") if value else value


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
    meta = {name: _metadata_field(record, name, where) for name in METADATA_FIELDS}
    meta["id"] = meta["id"] or default_id
    if record.get("text") is None:
        return _article_from_html(body, where, default_id, options, list(warnings), **meta)
    text, nul = _without_nul(body, list(warnings))
    _check_length(text, where, options)
    return Article(
        id=meta["id"] or default_id, text=text, source=where, title=meta["title"],
        published=normalise_date(meta["published"]), outlet=meta["outlet"], url=meta["url"],
        author=meta["author"], warnings=nul + date_warnings(meta["published"]) + _text_warnings(text),
    )


METADATA_FIELDS = ("id", "title", "published", "outlet", "url", "author")


def _metadata_field(record: dict, name: str, where: str) -> str | None:
    """A metadata value as text: strings as they are, numbers written out; anything else (a list,
    an object) rejects the record, so nothing that breaks the quotegraph/1 schema is stored."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return _clean(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(where, f"field {name!r} must be a string, not {type(value).__name__}")


_SLASHED = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\s*$")


def date_warnings(value: object) -> list[Warning]:
    """A warning when a metadata date like 12/03/2004 could be read day-first or month-first."""
    if not isinstance(value, str):
        return []
    match = _SLASHED.match(value)
    if not match:
        return []
    first, second = int(match.group(1)), int(match.group(2))
    if first == second or first > 12 or second > 12:
        return []
    return [Warning("ambiguous-date", f"the date {value.strip()!r} could be day-first or month-first; "
                                      f"stored as {normalise_date(value)} (month first); give ISO dates (YYYY-MM-DD)")]


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
