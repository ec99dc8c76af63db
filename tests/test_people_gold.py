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

from quotegraph.evaluation.news import GoldPerson, GoldQuote, check_person, find_person, right_speaker
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


def _gold_person(g: dict) -> GoldPerson:
    # gender is always checked: a person the text gives no gender must stay "unknown"
    return GoldPerson(name=g["name"], must_alias=tuple(g["aliases"]), gender=g["gender"] or "unknown",
                      age=g["age"], role_any=tuple(g["roles"]))


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
    people = build_entities(nlp(text), quotes, Options(name_gender=False), published).people
    held, total, log = 0, 0, []
    for g in gold["people"]:
        check = check_person(_gold_person(g), people)
        if g["age"] is None:  # the scorer checks stated ages; here an age the text never gives is wrong too
            person = find_person(people, g["name"])
            check.checks["age"] = person is not None and person.age is None
        held += sum(check.checks.values())
        total += len(check.checks)
        log += [f"{gold['id']}: {g['name']} {k}" for k, v in check.checks.items() if not v]
    for name in gold.get("not_people", []):
        total += 1
        ok = not any(p.name == name for p in people)
        held += ok
        if not ok:
            log.append(f"{gold['id']}: {name} taken for a person")
    by_content = {q.text: q for q in quotes}
    right = 0
    for s in gold["speakers"]:
        got = by_content[s["content"]]
        if right_speaker(got, GoldQuote(key=s["content"], speaker=s["expected"], type="direct")):
            right += 1
        else:
            log.append(f"{gold['id']}: speaker of {s['content'][:30]!r} = {got.speaker_name!r}, want {s['expected']!r}")
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
