"""Shared by the web tests: a small corpus written by hand in several outlets' styles, and a
real ``quotegraph serve`` process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from test_store_support import article, person, quote, roads_article, schools_article

from quotegraph.models import ArticleResult, Entity, Excluded, Span
from quotegraph.store import Store
from quotegraph.store.ingest import ingest_results

TOKEN = "s3cret-token-for-tests"

FLOODS = ("Flood defences hold as river peaks\n"
          "\u201cThe river defences held this time,\u201d said Dr Helen Price, a hydrologist. "
          "Mr Owen Jones said \u201cwe were lucky\u201d and that insurers were worried. "
          "\u201cWe will keep watching the gauges,\u201d Helen Price added.\n"
          "Photo: Valley News / Staff\n")

def floods() -> ArticleResult:
    price = person("p1", "Helen Price", FLOODS, aliases=["Dr Helen Price"], gender="female",
                   evidence=["honorific:Dr", "pronoun:she"], roles=["hydrologist"], quotes=2)
    jones = person("p2", "Owen Jones", FLOODS, aliases=["Mr Owen Jones"], gender="male",
                   evidence=["honorific:Mr"], quotes=1)
    third = FLOODS.index("We will keep")
    q3 = quote("q3", FLOODS, "We will keep watching the gauges,", price, cue="added")
    q3.speaker = Span.of(FLOODS, FLOODS.index("Helen Price", third), FLOODS.index("Helen Price", third) + 11)
    credit = FLOODS.index("Photo:")
    result = article("floods", FLOODS, [price, jones],
                     [quote("q1", FLOODS, "The river defences held this time,", price),
                      quote("q2", FLOODS, "we were lucky", jones, qtype="mixed"), q3],
                     outlet="Valley News", published="2026-01-10", url="https://valley.example/floods",
                     title="Flood defences hold as river peaks")
    result.excluded = [Excluded(credit, len(FLOODS) - 1, "credit")]
    return result


def corpus() -> list[ArticleResult]:
    roads = roads_article("City Herald", "2026-02-03", title="Roads in a bad state")
    schools = schools_article("City Herald", "2026-02-20", roles=["teacher"], title="Teachers warn on class sizes")
    return [floods(), roads, schools]


# A wire story's quotation reprinted by two outlets (one changes a word, one gives it to someone
# else), and two names of one organisation: quote clusters and org-merge.
WIRE = ('"We will not let the harbour close while I am mayor," Ana Silva said on Tuesday. '
        'The port authority said the dredging contract would be signed.')
REPRINT = ('Mayor Ana Silva vowed: "We will not let the harbour shut while I am mayor," at a rally. '
           'The Port Authority of Eastby said talks continued.')
MISQUOTED = ('"We will not let the harbour close while I am mayor," Tom Reyes said, according to the '
             'Coastline Times.')
QUOTATION = "We will not let the harbour close while I am mayor,"


def _org(text: str, name: str, oid: str = "o1") -> Entity:
    start = text.index(name)
    return Entity(oid, name, mentions=[Span.of(text, start, start + len(name))], quote_count=1)


def harbour_articles() -> list:
    silva = person("p1", "Ana Silva", WIRE, gender="female", evidence=["name:Ana"], quotes=1)
    authority = _org(WIRE, "The port authority")
    wire = article("wire", WIRE, [silva], [quote("q1", WIRE, QUOTATION, silva),
                                           quote("q2", WIRE, "the dredging contract would be signed", authority,
                                                 qtype="indirect")],
                   orgs=[authority], outlet="Wire Service", published="2026-03-03", title="Mayor vows to keep harbour open")
    silva2 = person("p1", "Ana Silva", REPRINT, gender="female", evidence=["name:Ana"], quotes=1)
    eastby = _org(REPRINT, "The Port Authority of Eastby")
    reprint = article("reprint", REPRINT, [silva2],
                      [quote("q1", REPRINT, "We will not let the harbour shut while I am mayor,", silva2, cue="vowed"),
                       quote("q2", REPRINT, "talks continued", eastby, qtype="indirect")],
                      orgs=[eastby], outlet="Eastby Echo", published="2026-03-04", title="Harbour will stay open")
    reyes = person("p1", "Tom Reyes", MISQUOTED, gender="male", evidence=["name:Tom"], quotes=1)
    misquoted = article("misquoted", MISQUOTED, [reyes], [quote("q1", MISQUOTED, QUOTATION, reyes)],
                        outlet="Coastline Times", published="2026-03-05", title="Harbour row")
    return [wire, reprint, misquoted]


def build(url: str, articles: list[ArticleResult] | None = None) -> Store:
    store = Store(url)
    ingest_results(store, articles if articles is not None else corpus())
    return store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``quotegraph serve`` in a subprocess, stopped by ``stop()``."""

    def __init__(self, db: str, *args: str, env: dict[str, str] | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "quotegraph", "serve", "--db", db, "--port", str(self.port), *args]
        # the log goes to a file: a pipe nobody reads fills up and blocks the server mid-run
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(command, env={**os.environ, **(env or {})},
                                        stdout=self.log, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError("quotegraph serve exited: " + self.log.read())
            try:
                httpx.get(self.base + "/api/v1/stats/top", timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("quotegraph serve did not start within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def artifacts_dir(tmp_path_factory) -> Path:
    where = os.environ.get("QUOTEGRAPH_TEST_ARTIFACTS")
    path = Path(where) if where else tmp_path_factory.mktemp("web-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path
