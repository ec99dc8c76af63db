"""The quality gate: rerun ``quotegraph eval polnear`` and ``quotegraph eval news`` on the
development data and compare every figure with a committed baseline.

A figure fails the gate when it is worse than the baseline by more than ``MARGIN``. The
evaluation is deterministic for a given spaCy model and version, so the margin only absorbs
floating-point differences between machines that can flip one borderline parse: 0.003 is two
of PolNeAR dev's 660 speakers, while one news quote is 0.009 to 0.010 of its set, so losing any
news quote, or a rule's worth of PolNeAR quotes, fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARGIN = 0.003
LOWER_IS_BETTER = ("extra_per_gold", "leftovers_per_gold")  # figure names where less is better
PRF = ("precision", "recall", "f1")


@dataclass(frozen=True)
class Row:
    figure: str
    baseline: float | None
    now: float | None
    margin: float

    @property
    def change(self) -> float:
        if self.baseline is None or self.now is None:
            return 0.0
        sign = -1 if self.figure.endswith(LOWER_IS_BETTER) else 1
        return sign * (self.now - self.baseline) + 0.0  # positive: better (+ 0.0: no "-0.0000")

    @property
    def status(self) -> str:
        if self.now is None:
            return "MISSING"
        if self.baseline is None:
            return "new"
        if self.change < -self.margin - 1e-9:
            return "DROP"
        return "better" if self.change > self.margin + 1e-9 else "ok"


def polnear_figures(data: dict[str, Any], label: str) -> dict[str, float]:
    """Every figure of ``quotegraph eval polnear --json``."""
    out = {}
    for group in ("direct", "all"):
        figures = data[group]
        for metric in ("partial", "strict", "quote_speaker"):
            for name in PRF:
                out[f"polnear {label}/{group}/{metric}/{name}"] = figures[metric][name]
        out[f"polnear {label}/{group}/speaker_accuracy"] = figures["speaker_accuracy"]
    return out


def news_figures(data: dict[str, Any]) -> dict[str, float]:
    """Every rate of ``quotegraph eval news --json``, per folder."""
    sets = data.get("sets") or [{"directory": data["directory"], **data}]
    out = {}
    for item in sets:
        label = f"news {Path(item['directory']).name}"
        totals = item["totals"]
        for name in ("right_rate", "found_rate", "extra_per_gold", "people_rate"):
            out[f"{label}/{name}"] = round(totals[name], 4)
        out[f"{label}/leftovers_per_gold"] = round(totals["leftovers"] / max(totals["gold"], 1), 4)
        for kind, row in item["by_type"].items():
            out[f"{label}/{kind}/right_rate"] = round(row["right"] / row["gold"], 4)
            out[f"{label}/{kind}/found_rate"] = round(row["found"] / row["gold"], 4)
    return out


def run_eval(args: list[str]) -> dict[str, Any]:
    """Run ``quotegraph eval ARGS --json FILE`` in a fresh process; its JSON figures."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.json"
        command = [sys.executable, "-m", "quotegraph", "eval", *args, "--json", str(out)]
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"{' '.join(command[2:])} failed (exit {done.returncode}): {done.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def measure(polnear: str | None, news: list[str]) -> dict[str, float]:
    """The figures now, on the given folders."""
    figures: dict[str, float] = {}
    if polnear:
        figures.update(polnear_figures(run_eval(["polnear", polnear]), Path(polnear).name))
    if news:
        figures.update(news_figures(run_eval(["news", *news])))
    return figures


def compare(baseline: dict[str, float], now: dict[str, float], margin: float = MARGIN) -> list[Row]:
    names = list(baseline) + [n for n in now if n not in baseline]
    return [Row(n, baseline.get(n), now.get(n), margin) for n in names]


def failed(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.status in ("DROP", "MISSING")]


def table_lines(rows: list[Row]) -> Iterator[str]:
    yield f"{'figure':<52} {'baseline':>9} {'now':>9} {'change':>8}  status"
    for r in rows:
        base = "-" if r.baseline is None else f"{r.baseline:.4f}"
        now = "-" if r.now is None else f"{r.now:.4f}"
        yield f"{r.figure:<52} {base:>9} {now:>9} {r.change:>+8.4f}  {r.status}"


def read_baseline(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_baseline(path: Path, polnear: str | None, news: list[str], figures: dict[str, float],
                   date: str) -> None:
    data = {"date": date, "margin": MARGIN, "polnear": polnear, "news": news, "figures": figures}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
