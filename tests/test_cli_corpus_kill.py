"""An ingest killed with SIGKILL leaves a consistent database, and a re-run completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from quotegraph.settings import Options
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.ingest import ingest

PEOPLE = [("Sarah Okafor", "she", "councillor"), ("James Whitfield", "he", "union organiser"),
          ("Priya Raman", "she", "head teacher"), ("Daniel Novak", "he", "bus driver"),
          ("Grace Mbeki", "she", "nurse"), ("Liam O'Connell", "he", "shop owner")]
TOPICS = ["the new tram line", "the library closures", "the hospital car park", "the river clean-up",
          "the housing plan"]
PARAGRAPHS = [
    "{name}, a {role}, said {topic} had been discussed for years. \u201cWe have waited long enough,\u201d {pron} said. \u201cPeople here deserve an answer before the winter.\u201d",
    "\"Nobody asked the residents what they wanted,\" said {other}. {other_last} added that the consultation had been \"rushed from start to finish\".",
    "At a packed meeting on Thursday evening, {name_last} told residents that the council would publish the full costs of {topic} next month.",
    "{other_last} said {pron2} was not convinced. \u201cI will believe it when I see the first shovel in the ground,\u201d {pron2} said, to applause from the back of the hall.",
    "Officials said the budget for {topic} had risen by a third since the plan was first announced, and that a final decision would be made in the spring.",
    "\u201cThis is about trust,\u201d {name_last} said. \u201cIf we say we will do something, we have to do it, and we have to do it on time.\u201d",
]


def _write_corpus(folder, count=30):
    folder.mkdir()
    for i in range(count):
        name, pron, role = PEOPLE[i % len(PEOPLE)]
        other, pron2, _ = PEOPLE[(i + 2) % len(PEOPLE)]
        topic = TOPICS[i % len(TOPICS)]
        fields = dict(name=name, name_last=name.split()[-1], pron=pron, role=role, topic=topic,
                      other=other, other_last=other.split()[-1], pron2=pron2)
        body = "\n\n".join(p.format(**fields) for p in PARAGRAPHS)
        (folder / f"story-{i:02d}.txt").write_text(f"Residents demand answers on {topic} (part {i})\n\n{body}\n",
                                                    encoding="utf-8")


def _ingest_cmd(folder, url):
    return [sys.executable, "-m", "quotegraph", "ingest", str(folder), "--db", url]


def _stored(store: Store) -> int:
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.articles)).scalar_one()
    except Exception:  # noqa: BLE001 - tables not created yet
        return 0


def _counts_and_check(url) -> dict[str, int]:
    store = Store(url)
    with store.engine.connect() as conn:
        for art in conn.execute(select(t.articles.c.id, t.articles.c.quote_count, t.articles.c.person_count)):
            quotes = conn.execute(select(func.count()).select_from(t.quotes)
                                  .where(t.quotes.c.article_id == art.id)).scalar_one()
            people = conn.execute(select(func.count()).select_from(t.people)
                                  .where(t.people.c.article_id == art.id)).scalar_one()
            assert (quotes, people) == (art.quote_count, art.person_count)
    counts = store.counts()
    store.close()
    return counts


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_equals_clean_run(db_url, tmp_path, extractor):
    folder = tmp_path / "stories"
    _write_corpus(folder)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    proc = subprocess.Popen(_ingest_cmd(folder, db_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    watcher = Store(db_url, migrate=False)  # the ingest creates the schema; don't race it
    deadline = time.monotonic() + 120
    while _stored(watcher) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _stored(watcher)
    watcher.close()
    assert 0 < stored < 30, f"the kill should land mid-way, {stored} articles were stored"
    assert _counts_and_check(db_url)["articles"] == stored  # every stored article is complete

    rerun = subprocess.run(_ingest_cmd(folder, db_url), capture_output=True, text=True, env=env)
    assert rerun.returncode == 0, rerun.stderr
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = ingest(Store(clean_url), [str(folder)], Options(), extractor=extractor)
    assert (clean.new, clean.failed) == (30, 0)

    resumed = _counts_and_check(db_url)
    assert resumed == _counts_and_check(clean_url)
    assert resumed["articles"] == 30
