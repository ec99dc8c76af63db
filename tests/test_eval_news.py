"""``quotegraph eval news``: the news gold definitions, and agreement with the gold set's score.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.evaluation.news import (
    GoldArticle,
    GoldPerson,
    GoldQuote,
    find_person,
    key_spans,
    read_gold,
    right_speaker,
    score_article,
    score_result,
)
from quotegraph.models import Gender, Person, Quote

SCORE_PY = Path(__file__).parents[1].parent / "shared/newsdev/score.py"
runner = CliRunner()

# --- the definitions, on hand-built results ---------------------------------------------------

TEXT = (
    'Council leader Margaret Hollis said the council had "no choice" but to raise the tax.\n\n'
    '"Nobody wants to put bills up," she said. "Nobody wants to cut services either."\n\n'
    "READ MORE: Bin collections to change\n\n"
    "Councillor Dev Patel said the rise would hit pensioners hardest.\n"
)


def quote(fragment: str, speaker_name: str | None, type_: str = "direct", occurrence: int = 0) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return Quote(start=start, end=start + len(fragment), text=fragment, type=type_, speaker_name=speaker_name)


def test_key_is_searched_after_occurrence_after_and_alt_key_also_counts():
    item = GoldQuote(key="Nobody wants", speaker="Hollis", type="direct", occurrence_after="she said")
    [(start, end)] = key_spans(TEXT, item)
    assert start == TEXT.index("Nobody wants to cut") and TEXT[start:end] == "Nobody wants"
    both = GoldQuote(key="no choice", alt_key="raise the tax", speaker="Hollis", type="mixed")
    assert [TEXT[s:e] for s, e in key_spans(TEXT, both)] == ["no choice", "raise the tax"]
    missing = GoldQuote(key="not in the text", speaker="Hollis", type="direct")
    assert key_spans(TEXT, missing) == []


def test_right_speaker_is_case_insensitive_containment_of_speaker_or_alternative():
    item = GoldQuote(key="x", speaker="hollis", type="direct", speaker_alt=("council leader",))
    assert right_speaker(Quote(0, 1, "x", "direct", speaker_name="Margaret Hollis"), item)
    assert right_speaker(Quote(0, 1, "x", "direct", speaker_name="The council leader"), item)
    assert not right_speaker(Quote(0, 1, "x", "direct", speaker_name="Dev Patel"), item)
    assert not right_speaker(Quote(0, 1, "x", "direct", speaker_name=None), item)


def test_find_person_tries_full_name_then_alias_or_part_then_surname():
    exact = Person(id="p1", name="Anne Gray")
    longer = Person(id="p2", name="Anne Gray-Smith", aliases=["Gray"])
    other = Person(id="p3", name="Tom Gray")
    assert find_person([longer, exact], "Anne Gray") is exact
    assert find_person([other, longer], "Anne Gray") is longer  # name inside "Anne Gray-Smith"
    assert find_person([other], "Anne Gray") is other  # surname as a word of the name
    assert find_person([other], "Anne Grey") is None
    by_alias = Person(id="p4", name="Margaret Hollis", aliases=["Councillor Hollis"])
    assert find_person([by_alias], "Councillor Hollis") is by_alias


def test_score_article_counts_hits_speakers_extras_leftovers_and_people():
    gold = GoldArticle(
        slug="council", text_path=Path("council.txt"),
        quotes=(
            GoldQuote(key="no choice", speaker="Hollis", type="mixed"),
            GoldQuote(key="Nobody wants to put", speaker="Hollis", type="direct"),
            GoldQuote(key="Nobody wants to cut", speaker="Hollis", type="direct"),
            GoldQuote(key="hit pensioners hardest", speaker="Patel", type="indirect"),
        ),
        people=(
            GoldPerson(name="Margaret Hollis", must_alias=("Hollis",), gender="female", role_any=("leader",)),
            GoldPerson(name="Dev Patel", must_alias=("Patel",), gender="male", age=47),
        ),
        boilerplate_keys=("READ MORE: Bin",),
    )
    quotes = [
        quote('said the council had "no choice" but to raise the tax', "Margaret Hollis", "mixed"),
        quote('"Nobody wants to put bills up,"', "Margaret Hollis"),
        quote('"Nobody wants to cut services either."', "Dev Patel"),  # wrong speaker
        quote("READ MORE: Bin collections to change", None),  # from a leftover, and an extra
        quote("Councillor Dev Patel", None, "indirect"),  # overlaps no key: an extra
    ]
    people = [
        Person(id="p1", name="Margaret Hollis", aliases=["Hollis"], roles=["council leader"],
               gender=Gender("female")),
        Person(id="p2", name="Dev Patel", aliases=[], gender=Gender("male"), age=46),
    ]
    score = score_article(gold, TEXT, quotes, people)
    assert [(q.found, q.right) for q in score.quotes] == [(True, True), (True, True), (True, False), (False, False)]
    assert [q.status for q in score.quotes] == ["right", "right", "wrong-speaker", "not-found"]
    assert (score.right, score.found) == (2, 3)
    assert [e.text for e in score.extras] == ["READ MORE: Bin collections to change", "Councillor Dev Patel"]
    assert score.leftovers == ["READ MORE: Bin"]
    assert score.people[0].checks == {"found": True, "aliases": True, "gender": True, "role": True}
    assert score.people[1].checks == {"found": True, "aliases": False, "gender": True, "age": False}
    assert (score.people_held, score.people_checks) == (6, 8)


# --- the command, against score.py on the same folder -----------------------------------------

ARTICLES = {
    # UK style, straight quotes, Windows line ends: offsets must be taken as stored.
    "uk-council-tax": (
        'Council leader Margaret Hollis said the authority had been left with "no choice" but to '
        "raise council tax by 4.99 per cent.\r\n\r\n"
        '"Nobody comes into local politics wanting to put bills up," she told the meeting. '
        '"But the money we get from government has fallen by a third since 2010."\r\n\r\n'
        "READ MORE: Barnsworth bin collections to move to every three weeks\r\n\r\n"
        "Opposition councillor Dev Patel, 47, said the rise would hit pensioners hardest.\r\n\r\n"
        '"This is a tax on people who can least afford it," he said.\r\n'
    ),
    # US style, curly quotes; "the kids" occurs twice.
    "us-school-closure": (
        "ROCKPORT, Ill. — Superintendent Karen Oduya said falling enrollment left the district "
        "with little choice but to close Lincoln Elementary.\n\n"
        "“We have a building designed for 500 students and we have 180 in it,” Oduya said.\n\n"
        "Parent Luis Moreno said his children would now face a 25-minute bus ride.\n\n"
        "“They told us this was about the kids,” Moreno said. “It doesn’t feel like it’s about the kids.”\n\n"
        "Board member Deb Kline warned that the district had not explored other options.\n\n"
        "Advertisement\n"
    ),
    # Irish style, single quote marks, a pronoun speaker. Its gold leaves out Garda Corcoran's
    # quote and gives a wrong speaker for Brennan's, so that extras and misses are compared too.
    "ie-court-speeding": (
        "Judge Desmond Kinsella said it was sheer luck that nobody had been killed.\n\n"
        "'You were driving at a speed that would have made it impossible to stop,' he said.\n\n"
        "Garda Niamh Corcoran told the court the car had been seized at the scene.\n\n"
        "Solicitor Aoife Brennan told the court her client was deeply ashamed and had sold the car.\n\n"
        "Naas Courthouse. Photograph: Collins Courts\n"
    ),
}

GOLD = {
    "uk-council-tax": {
        "quotes": [
            {"key": "no choice", "alt_key": "left with", "speaker": "Hollis", "type": "mixed"},
            {"key": "Nobody comes into local politics", "speaker": "Hollis", "type": "direct"},
            {"key": "the money we get from government", "speaker": "Hollis", "type": "direct"},
            {"key": "the rise would hit pensioners hardest", "speaker": "Patel", "type": "indirect"},
            {"key": "This is a tax on people", "speaker": "Patel", "speaker_alt": ["opposition"], "type": "direct"},
        ],
        "boilerplate_keys": ["READ MORE: Barnsworth bin"],
        "people": [
            {"name": "Margaret Hollis", "must_alias": [], "gender": "female", "age": None,
             "role_any": ["council leader", "leader"]},
            {"name": "Dev Patel", "must_alias": [], "gender": "male", "age": 47, "role_any": ["councillor"]},
        ],
    },
    "us-school-closure": {
        "quotes": [
            {"key": "falling enrollment left the district", "speaker": "Oduya", "type": "indirect"},
            {"key": "We have a building designed", "speaker": "Oduya", "type": "direct"},
            {"key": "his children would now face", "speaker": "Moreno", "type": "indirect"},
            {"key": "They told us this was", "speaker": "Moreno", "type": "direct"},
            {"key": "about the kids", "occurrence_after": "It doesn", "speaker": "Moreno", "type": "direct"},
            {"key": "the district had not explored other options", "speaker": "Kline", "type": "indirect"},
        ],
        "boilerplate_keys": ["Advertisement"],
        "people": [
            {"name": "Karen Oduya", "must_alias": ["Oduya"], "gender": None, "age": None, "role_any": ["superintendent"]},
            {"name": "Luis Moreno", "must_alias": ["Moreno"], "gender": None, "age": None, "role_any": ["parent"]},
            {"name": "Deb Kline", "must_alias": [], "gender": None, "age": None, "role_any": ["board member"]},
        ],
    },
    "ie-court-speeding": {
        "quotes": [
            {"key": "sheer luck that nobody", "speaker": "Kinsella", "type": "indirect"},
            {"key": "You were driving at a speed", "speaker": "Kinsella", "type": "direct"},
            {"key": "her client was deeply ashamed", "speaker": "Kinsella", "type": "indirect"},
        ],
        "boilerplate_keys": ["Photograph: Collins Courts"],
        "people": [
            {"name": "Desmond Kinsella", "must_alias": [], "gender": "male", "age": None, "role_any": ["judge"]},
            {"name": "Aoife Brennan", "must_alias": [], "gender": None, "age": None, "role_any": ["solicitor"]},
        ],
    },
}


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("newsgold")
    for slug, text in ARTICLES.items():
        (root / f"{slug}.txt").write_bytes(text.encode("utf-8"))
        (root / f"{slug}.gold.json").write_text(json.dumps(GOLD[slug], indent=1), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def eval_output(gold_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("evalout") / "scores.json"
    result = runner.invoke(app, ["eval", "news", str(gold_dir), "-v", "--json", str(out)])
    assert result.exit_code == 0, result.output
    return result.stdout, json.loads(out.read_text(encoding="utf-8"))


def _score_py() -> Path:
    if not SCORE_PY.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{SCORE_PY} is missing: the shared news set must sit beside the repository")
        pytest.skip("needs the newsdev set's score.py (shared/newsdev/score.py beside the checkout)")
    return SCORE_PY


def _figures(lines: list[str]) -> list[str]:
    """The report lines, the summary's leading label (the folder's name) left out."""
    return lines[:-1] + [lines[-1].split(": ", 1)[1]]


def test_read_gold_pairs_each_gold_file_with_its_text(gold_dir):
    gold = read_gold(gold_dir)
    assert [g.slug for g in gold] == sorted(ARTICLES)
    assert all(g.text_path.exists() for g in gold)
    assert sum(len(g.quotes) for g in gold) == 14 and sum(len(g.people) for g in gold) == 7


def test_eval_news_agrees_with_score_py(gold_dir, eval_output, tmp_path):
    score_py = _score_py()
    jsonl = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(gold_dir), "--format", "jsonl", "--output", str(jsonl)])
    assert result.exit_code == 0, result.output
    for verbose in ([], ["-v"]):
        scored = subprocess.run([sys.executable, str(score_py), str(jsonl), str(gold_dir), *verbose],
                                capture_output=True, text=True, check=True)
        ours = eval_output[0] if verbose else runner.invoke(app, ["eval", "news", str(gold_dir)]).stdout
        theirs_lines = scored.stdout.splitlines()
        # our -v adds, to score.py's lines, how each miss was missed and the miss counts
        our_lines = [line for line in ours.splitlines()
                     if not line.startswith("       ") and not line.startswith("  misses: ")]
        assert _figures(our_lines) == _figures(theirs_lines)


def test_json_figures_match_the_printed_summary(eval_output):
    stdout, data = eval_output
    totals = data["totals"]
    assert totals["gold"] == 14 and totals["articles"] == 3
    assert totals["people_checks"] == sum(a["people_checks"] for a in data["articles"])
    assert sum(row["gold"] for row in data["by_type"].values()) == 14
    summary = stdout.splitlines()[-1]
    assert f"{totals['right']}/14 quotes with the right speaker" in summary
    assert f"{totals['extra']} extra" in summary
    assert f"people checks {totals['people_held']}/{totals['people_checks']}" in summary
    for article in data["articles"]:
        assert article["right"] == sum(q["right"] for q in article["quotes"])
        assert article["extra"] == len(article["extras"])


def test_verbose_lists_every_gold_quote_and_person(eval_output):
    stdout, data = eval_output
    assert sum(data["misses"].values()) == 14 - data["totals"]["right"]
    lines = stdout.splitlines()
    assert sum(line.strip().startswith(("ok ", "MISS")) for line in lines) == 14
    assert sum(line.strip().startswith("person ") for line in lines) == 7


def test_missing_gold_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Nothing to score here.\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "news", str(tmp_path)])
    assert result.exit_code == 2


def test_an_article_without_its_text_is_reported_and_scored_as_empty(tmp_path):
    (tmp_path / "kept.txt").write_text(ARTICLES["ie-court-speeding"], encoding="utf-8")
    (tmp_path / "kept.gold.json").write_text(json.dumps(GOLD["ie-court-speeding"]), encoding="utf-8")
    (tmp_path / "lost.gold.json").write_text(json.dumps(GOLD["us-school-closure"]), encoding="utf-8")
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", "news", str(tmp_path), "-v", "--json", str(out)])
    assert result.exit_code == 1
    assert "(missing from the output)" in result.stdout
    lost = {a["slug"]: a for a in json.loads(out.read_text())["articles"]}["lost"]
    assert lost["missing"] and lost["found"] == 0 and lost["gold"] == 6


# --- several folders, rules, and a failed extraction ------------------------------------------


def test_several_folders_give_per_set_and_pooled_figures(gold_dir, tmp_path):
    second = tmp_path / "second"
    second.mkdir()
    slug = "ie-court-speeding"
    (second / f"{slug}.txt").write_bytes(ARTICLES[slug].encode("utf-8"))
    (second / f"{slug}.gold.json").write_text(json.dumps(GOLD[slug]), encoding="utf-8")
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", "news", str(gold_dir), str(second), "--json", str(out), "--by-rule"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    first, other = data["sets"]
    assert first["totals"]["gold"] == 14 and other["totals"]["gold"] == len(GOLD[slug]["quotes"])
    pooled = data["totals"]
    for name in ("gold", "right", "found", "extra", "people_held", "people_checks"):
        assert pooled[name] == first["totals"][name] + other["totals"][name]
    summaries = [line for line in result.stdout.splitlines() if "quotes with the right speaker" in line]
    assert [s.split(":")[0] for s in summaries] == [gold_dir.name, "second", "pooled"]
    assert f"{pooled['right']}/{pooled['gold']} quotes" in summaries[-1]
    # every extracted quote counts under one rule: the extras are exactly the unmatched ones
    rules = data["by_rule"]["rules"]
    extras = sum(len(a["extras"]) for a in data["articles"])
    assert sum(r["predicted"] - r["matched"] for r in rules.values()) == extras
    assert sum(r["predicted"] for r in data["by_rule"]["speaker_rules"].values()) == \
           sum(r["predicted"] for r in rules.values())
    assert "speaker_rule" in result.stdout


def test_an_article_whose_extraction_failed_is_scored_as_empty_from_its_text(gold_dir):
    """The text is read back (as extract reads it) to locate the gold keys; nothing is found."""
    gold = next(g for g in read_gold(gold_dir) if g.slug == "us-school-closure")
    score = score_result(gold, None)
    assert score.missing and len(score.quotes) == 6
    assert not any(q.found for q in score.quotes) and score.extras == []
