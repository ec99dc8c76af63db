"""People and speaker resolution scored against hand-written gold articles (tests/data/people).

Each gold file holds an article written for these tests (UK, US, Irish, Indian, Australian,
Canadian, Nigerian, South African styles), the people it names (name, aliases the entry must
hold, gender only where the text states it, age, any acceptable role) and quotes whose speaker
mention is given, with the speaker they must resolve to. Gender is scored with the first-name
fallback off, so it must come from the text.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quotegraph.models import Quote, Span
from quotegraph.people import build_entities
from quotegraph.settings import Options

GOLD = sorted((Path(__file__).parent / "data" / "people").glob("*.json"))

# Thresholds: every check holds on these 19 articles today, but the rules were written while
# reading most of them. Nine were written after the rules and scored before any change for them:
# 145/157 person checks (0.92) and 32/35 speakers (0.91) on first run. The floors sit just below
# that unseen-text figure, so a model upgrade or a new borderline rule may cost a few checks, while
# losing any one construction (honorific clustering, appositive roles, pronoun evidence, ages,
# description speakers) costs more than the margin and fails the test.
PERSON_FLOOR = 0.90
SPEAKER_FLOOR = 0.90


def _find(people, name):
    low = name.lower()
    for test in (
        lambda p: p.name.lower() == low,
        lambda p: low in (a.lower() for a in p.aliases),
        lambda p: low.split()[-1] == p.name.lower().split()[-1],
    ):
        for p in people:
            if test(p):
                return p
    return None


def _score(nlp, gold):
    text = gold["text"]
    quotes = []
    for s in gold["speakers"]:
        c = text.index(s["content"])
        sp = text.rfind(s["speaker"], 0, c) if text.rfind(s["speaker"], 0, c) >= 0 and s.get("before") else -1
        if sp < 0:
            # the speaker mention nearest to the content: after it when the cue follows
            after = text.find(s["speaker"], c + len(s["content"]))
            before = text.rfind(s["speaker"], 0, c)
            sp = before if after < 0 or (before >= 0 and c - before < after - c - len(s["content"])) else after
        kind = "direct" if c > 0 and text[c - 1] in "\"“‘'" else "indirect"
        quotes.append(Quote(c, c + len(s["content"]), s["content"], kind,
                            speaker=Span(sp, sp + len(s["speaker"]), s["speaker"]),
                            parts=[Span(c, c + len(s["content"]), s["content"])]))
    quotes.sort(key=lambda q: q.start)
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    ents = build_entities(nlp(text), quotes, Options(name_gender=False), published)
    people = ents.people
    held, total, log = 0, 0, []
    for g in gold["people"]:
        p = _find(people, g["name"])
        checks = {"found": p is not None}
        forms = {a.lower() for a in p.aliases} | {p.name.lower()} if p else set()
        checks["aliases"] = p is not None and all(a.lower() in forms for a in g["aliases"])
        checks["gender"] = p is not None and p.gender.value == (g["gender"] or "unknown")
        checks["age"] = p is not None and p.age == g["age"]
        if g["roles"]:
            held_roles = " | ".join(p.roles + p.titles).lower() if p else ""
            checks["role"] = any(r.lower() in held_roles for r in g["roles"])
        held += sum(checks.values())
        total += len(checks)
        log += [f"{gold['id']}: {g['name']} {k}" for k, v in checks.items() if not v]
    for name in gold.get("not_people", []):
        total += 1
        ok = not any(p.name == name for p in people)
        held += ok
        if not ok:
            log.append(f"{gold['id']}: {name} taken for a person")
    by_content = {q.text: q for q in quotes}
    right = 0
    for s in gold["speakers"]:
        got = by_content[s["content"]].speaker_name or ""
        if s["expected"].lower() in got.lower():
            right += 1
        else:
            log.append(f"{gold['id']}: speaker of {s['content'][:30]!r} = {got!r}, want {s['expected']!r}")
    return held, total, right, len(gold["speakers"]), log


def test_there_are_enough_gold_articles():
    assert len(GOLD) >= 10


@pytest.fixture(scope="module")
def scores(nlp):
    return [_score(nlp, json.loads(path.read_text(encoding="utf-8"))) for path in GOLD]


def test_person_checks_reach_the_floor(scores):
    held = sum(s[0] for s in scores)
    total = sum(s[1] for s in scores)
    misses = [line for s in scores for line in s[4] if "speaker of" not in line]
    assert held / total >= PERSON_FLOOR, f"{held}/{total}\n" + "\n".join(misses)


def test_speakers_reach_the_floor(scores):
    right = sum(s[2] for s in scores)
    total = sum(s[3] for s in scores)
    misses = [line for s in scores for line in s[4] if "speaker of" in line]
    assert right / total >= SPEAKER_FLOOR, f"{right}/{total}\n" + "\n".join(misses)
