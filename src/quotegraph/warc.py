"""Read articles from web archives (.warc, .warc.gz), one record at a time.

Only HTTP 200 responses with an HTML body become articles; their main text and metadata go
through the same HTML reader as .html files (trafilatura). The record's target URI is the
article URL, and the WARC date is its date when the page gives none. A record that cannot be
read is reported as an ``InputError`` and skipped; a broken WARC envelope ends that file (the
records before it are kept), since a WARC has no index to resynchronise on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from .errors import InputError
from .models import Article
from .settings import Options

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path | str) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, options: Options) -> Iterator[Article | InputError]:
    """Every HTML page of one WARC file, lazily; unreadable records become ``InputError``."""
    from .readers import open_binary  # readers imports this module lazily

    source = str(path)
    handle = open_binary(path)
    if isinstance(handle, InputError):
        yield handle
        return
    with handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if _is_html_page(record):
                    yield _page(record, records, source, options)
        except Exception as exc:  # noqa: BLE001 - warcio raises several types for a broken envelope
            # the junk starts where the last good record ended
            where = f"{source}@{records.get_record_offset() + (records.get_record_length() or 0)}"
            yield InputError(where, f"malformed WARC record, rest of the file skipped: {str(exc)[:120]!r}")


def _is_html_page(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def _page(record: ArcWarcRecord, records: ArchiveIterator, source: str, options: Options) -> Article | InputError:
    try:
        # read the body before asking for the offset: asking first drains the record
        body = record.content_stream().read(options.max_bytes + 1)
    except Exception as exc:  # noqa: BLE001 - a damaged body (bad gzip, chunking) skips this record only
        return InputError(f"{source}@{records.get_record_offset()}", f"unreadable WARC record: {exc}")
    return _article(record, body, f"{source}@{records.get_record_offset()}", options)


def _article(record: ArcWarcRecord, body: bytes, where: str, options: Options) -> Article | InputError:
    from .readers import _article_from_html_bytes, normalise_date  # readers imports this module lazily

    try:
        if len(body) > options.max_bytes:
            raise InputError(where, f"page is over the size limit of {options.max_bytes:,} bytes")
        url = record.rec_headers.get_header("WARC-Target-URI")
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or where).strip("<>")
        article = _article_from_html_bytes(body, where, record_id.removeprefix("urn:uuid:"), options, url=url)
    except InputError as exc:
        return exc
    published = article.published or normalise_date(record.rec_headers.get_header("WARC-Date"))
    outlet = article.outlet or (urlsplit(url).hostname if url else None)
    return replace(article, published=published, outlet=outlet)
