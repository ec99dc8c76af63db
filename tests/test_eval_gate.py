"""The quality gate: figures compared with a baseline, and ``quotegraph eval gate`` failing on a drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.evaluation.gate import MARGIN, compare, failed, news_figures, polnear_figures
from quotegraph.evaluation.polnear import Report

runner = CliRunner()

ARTICLE = (
    "NAIROBI, Kenya - Residents of Kibera on Tuesday protested against the demolition of their homes.\n\n"
    "\"We were given no notice at all,\" said Grace Wanjiku, a mother of three. \"Where will my children sleep?\"\n\n"
    "Nairobi County housing officer Daniel Otieno said the structures stood on a road reserve and that "
    "owners had been warned in March.\n\n"
    "\"The law is clear,\" he said.\n"
)
GOLD = {
    "quotes": [
        {"key": "We were given no notice at all", "speaker": "Grace Wanjiku", "type": "direct"},
        {"key": "Where will my children sleep", "speaker": "Grace Wanjiku", "type": "direct"},
        {"key": "the structures stood on a road reserve", "speaker": "Daniel Otieno", "type": "indirect"},
        {"key": "The law is clear", "speaker": "Daniel Otieno", "type": "direct"},
    ],
    "boilerplate_keys": [],
    "people": [{"name": "Grace Wanjiku", "must_alias": []}, {"name": "Daniel Otieno", "must_alias": []}],
}


def test_a_drop_beyond_the_margin_fails_and_noise_does_not():
    base = {"news x/right_rate": 0.90, "news x/extra_per_gold": 0.05, "polnear dev/direct/partial/f1": 0.935}
    now = {"news x/right_rate": 0.90 - MARGIN / 2, "news x/extra_per_gold": 0.05 + 2 * MARGIN,
           "polnear dev/direct/partial/f1": 0.935 - 2 * MARGIN}
    rows = {r.figure: r for r in compare(base, now)}
    assert rows["news x/right_rate"].status == "ok"
    assert rows["news x/extra_per_gold"].status == "DROP"  # more extras is worse
    assert rows["polnear dev/direct/partial/f1"].status == "DROP"
    assert len(failed(list(rows.values()))) == 2
    better = compare({"news x/extra_per_gold": 0.05}, {"news x/extra_per_gold": 0.0})
    assert better[0].status == "better" and not failed(better)
    missing = compare({"news x/found_rate": 0.9}, {})
    assert missing[0].status == "MISSING" and failed(missing)


def test_every_polnear_figure_is_gated():
    figures = polnear_figures(Report().as_dict(), "dev")
    assert len(figures) == 2 * (3 * 3 + 1)
    assert "polnear dev/direct/speaker_accuracy" in figures and "polnear dev/all/strict/f1" in figures


def test_news_figures_per_set_from_one_or_several_folders():
    totals = {"right_rate": 0.5, "found_rate": 1.0, "extra_per_gold": 0.0, "people_rate": 1.0, "leftovers": 0,
              "gold": 2}
    one = {"directory": "a/newsdev", "totals": totals, "by_type": {"direct": {"gold": 2, "right": 1, "found": 2}}}
    assert news_figures(one)["news newsdev/direct/right_rate"] == 0.5
    several = {"sets": [one, {**one, "directory": "b/newsdev2"}]}
    assert {k.split("/")[0] for k in news_figures(several)} == {"news newsdev", "news newsdev2"}


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("gategold")
    (root / "ke-kibera-demolitions.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "ke-kibera-demolitions.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return root


def test_gate_passes_on_its_own_baseline_and_fails_on_a_drop(gold_dir, tmp_path):
    baseline = tmp_path / "baseline.json"
    made = runner.invoke(app, ["eval", "gate", "--update", "--news", str(gold_dir), "--baseline", str(baseline)])
    assert made.exit_code == 0, made.output
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["news"] == [str(gold_dir)] and data["figures"]["news gategold0/found_rate"] > 0
    same = runner.invoke(app, ["eval", "gate", "--baseline", str(baseline)])
    assert same.exit_code == 0, same.output
    assert "gate passed" in same.output
    # a baseline that was better than today: the same extraction now counts as a regression
    data["figures"]["news gategold0/found_rate"] += 0.25
    baseline.write_text(json.dumps(data), encoding="utf-8")
    worse = runner.invoke(app, ["eval", "gate", "--baseline", str(baseline)])
    assert worse.exit_code == 1
    [row] = [line for line in worse.output.splitlines() if line.startswith("news gategold0/found_rate ")]
    assert row.endswith("DROP") and "-0.2500" in row


def test_gate_without_a_baseline_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["eval", "gate", "--baseline", str(tmp_path / "none.json")])
    assert result.exit_code == 2
