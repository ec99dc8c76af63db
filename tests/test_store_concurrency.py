"""Two ingest processes writing into one fresh database: both finish, nothing lost or doubled."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from quotegraph.store import Store
from quotegraph.store import schema as t

STORY = ("{name}, the {role}, said the {topic} plan would go ahead. \u201cWe have waited long enough,\u201d "
         "{name_last} said on {day}. Residents said they had not been asked.\n\n"
         "\"This is about trust,\" {name_last} told the meeting about the {topic}.\n")
PEOPLE = [("Sarah Okafor", "councillor"), ("James Whitfield", "union organiser"), ("Priya Raman", "head teacher"),
          ("Daniel Novak", "bus driver"), ("Grace Mbeki", "nurse"), ("Liam Connell", "shop owner")]
TOPICS = ["tram", "library", "harbour", "bypass", "market", "stadium", "ferry", "school"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _folder(root, name: str, numbers: range):
    folder = root / name
    folder.mkdir()
    for i in numbers:
        who, role = PEOPLE[i % len(PEOPLE)]
        text = STORY.format(name=who, name_last=who.split()[-1], role=role, topic=TOPICS[i % len(TOPICS)],
                            day=DAYS[i % len(DAYS)])
        (folder / f"story-{i:02d}.txt").write_text(f"Story {i}\n\n{text}", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_two_concurrent_ingests_both_complete(db_url, tmp_path):
    # stories 8-11 are in both folders: the same article keys, written by whichever comes first
    first, second = _folder(tmp_path, "first", range(0, 12)), _folder(tmp_path, "second", range(8, 20))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([sys.executable, "-m", "quotegraph", "ingest", str(folder), "--db", db_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for folder in (first, second)]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "UniqueViolation" not in err
    store = Store(db_url, create=False)
    with store.engine.connect() as conn:
        keys = conn.execute(select(t.articles.c.key)).scalars().all()
        failures = conn.execute(select(func.count()).select_from(t.failures)).scalar_one()
        quotes_per_article = conn.execute(select(t.quotes.c.article_id, func.count()).group_by(
            t.quotes.c.article_id)).all()
    assert len(keys) == len(set(keys)) == 20 and failures == 0
    assert len(quotes_per_article) == 20
    # corpus people rebuilt over everything both runs stored
    assert store.counts()["corpus_people"] >= len(PEOPLE)
