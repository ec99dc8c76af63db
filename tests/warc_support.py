"""Web-archive fixtures written by the tests themselves (warcio), from HTML pages written here."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = {
    "https://www.valleyherald.example/2026/11/bridge-vote": """<html><head>
<title>Council backs bridge repairs | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta name="date" content="2026-11-02">
</head><body><article><h1>Council backs bridge repairs</h1>
<p>The county council voted on Monday to spend $3 million on repairs to the Mill Street bridge.</p>
<p>"This bridge carries every school bus in the valley," said Councillor Rosa Delgado.
"We could not wait another winter."</p>
<p>Engineer Paul Whitford said the work would take about five months and close one lane at a time.</p>
<p>Residents had asked for the repairs since a chunk of the railing fell into the river last spring.</p>
</article></body></html>""",
    "https://coastnews.example/story/ferry-fares": """<html><head>
<title>Ferry fares to rise in April</title>
<meta property="og:site_name" content="Coast News">
</head><body><main><h1>Ferry fares to rise in April</h1>
<p>Ferry fares between the islands will rise by eight percent in April, the operator announced.</p>
<p>\u201cFuel has never cost us more,\u201d said Helen Okafor, the operator\u2019s chief executive.
\u201cWe held prices for three years.\u201d</p>
<p>Islander group spokesman Martin Byrne said the rise would
\u201chit the people who have no other way to the mainland\u201d.</p>
<p>The operator said it would keep a discount for residents and students.</p>
</main></body></html>""",
    "https://www.metrodaily.example/news/library-hours": """<html><head>
<title>Libraries extend weekend hours</title>
<meta property="og:site_name" content="Metro Daily">
<meta property="article:published_time" content="2026-10-20T08:30:00Z">
</head><body><div class="story"><h1>Libraries extend weekend hours</h1>
<p>All twelve branch libraries will open on Sundays from next month, the city said on Tuesday.</p>
<p>"Students told us they had nowhere quiet to study at weekends," said librarian Grace Liu.</p>
<p>Mayor Daniel Ortiz said the change would cost $400,000 a year, paid from the parks budget.</p>
<p>The branches will open from noon until six.</p>
</div></body></html>""",
}
WARC_DATE = "2026-11-28T10:00:00Z"


def _http(writer: WARCWriter, url: str, body: bytes, status: str = "200 OK",
          content_type: str = "text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": WARC_DATE})


def write_warc(path: Path, pages: dict[str, str] = PAGES, extras: bool = True) -> Path:
    """A WARC (gzipped per record when ``path`` ends in .gz) holding ``pages`` as HTTP 200 HTML
    responses; with ``extras``, also a request, a 404, an image and a redirect, none of them articles."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for number, (url, html) in enumerate(pages.items()):
            if extras and number == 1:
                request = BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                writer.write_record(writer.create_warc_record(url, "request", payload=request))
                writer.write_record(_http(writer, url + "-gone", b"<html><body>Gone</body></html>", "404 Not Found"))
                image = b"\x89PNG\r\n\x1a\n" + bytes(200)
                writer.write_record(_http(writer, url + ".png", image, content_type="image/png"))
                writer.write_record(_http(writer, url + "-old", b"", "301 Moved Permanently"))
            writer.write_record(_http(writer, url, html.encode("utf-8")))
    return path
