"""Scaling: extraction time and peak memory by text size, for realistic and pathological texts.

Each (shape, size) is extracted in a fresh subprocess (``Extractor().extract(Article(...))``), which
reports the wall and CPU seconds of the extraction call alone (model load excluded) and its own peak
RSS (``ru_maxrss``). A baseline run on a tiny text measures the peak RSS of the loaded model; it is
subtracted in the "over baseline" column, so that column shows what the text itself costs.

usage: python benchmarks/scaling.py [--shapes news,quotes,runon,lines,unbalanced]
                                    [--sizes 10k,40k,160k,640k,990k] [--timeout 300] [--max-exponent 1.3]

Shapes: news (paragraphs of quotes, ``he said``, indirect speech, pronouns, names and leftover
lines), quotes (many bare quote marks among words), runon (one run-on sentence of nested reports),
lines (tens of thousands of short lines), unbalanced (one paragraph with an opening quote never closed).
The growth exponent between consecutive sizes is log(time ratio) / log(size ratio): about 1 is linear.
--max-exponent: exit 1 when the exponent between the two largest sizes of any shape is above it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from quotegraph.settings import DEFAULT_MAX_CHARS

SHAPES = ("news", "quotes", "runon", "lines", "unbalanced")
DEFAULT_SIZES = "10k,40k,160k,640k,990k"
BASELINE_CHARS = 200

NAMES = ["Maria Lopez", "John Smith", "Aisha Khan", "Peter O'Neill", "Chen Wei", "Sarah Brooks"]
ROLES = ["the mayor", "the council leader", "a police spokesman", "the health minister", "the union chief"]
TOPICS = ["the new bus lanes", "the hospital budget", "the flood defences", "the school closures",
          "the housing plan", "the stadium deal"]
NEWS = [
    '"We will not accept {topic} as it stands," {name} said on Tuesday.',
    '{name}, {role}, said that {topic} would cost more than expected. She added that talks would go on.',
    '"It is a disgrace," he said. "Nobody asked the people who live here."',
    'According to {role}, {topic} had been delayed twice. {name} told reporters it was "on track".',
    '{name} said: "We have listened, and we will change {topic}." He did not take questions.',
    'The plan was criticised by {role}, who warned that {topic} "could leave families worse off".',
    'READ MORE: {name} on {topic}',
    'Photo: {name} at the town hall on Monday (Getty Images)',
    '"I think we got it wrong," she admitted, "but we will put it right."',
]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = 1000 if text.endswith("k") else 1
    return int(float(text.rstrip("k")) * factor)


def fill(size: int, piece: Callable[[int], str], sep: str = "\n\n") -> str:
    """Join pieces from ``piece(i)`` until the text reaches ``size`` characters, cut at ``size``."""
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        chunk = piece(i)
        parts.append(chunk)
        total += len(chunk) + len(sep)
        i += 1
    return sep.join(parts)[:size]


def news_paragraph(i: int) -> str:
    rng = random.Random(i)
    template = NEWS[i % len(NEWS)]
    return template.format(name=rng.choice(NAMES), role=rng.choice(ROLES), topic=rng.choice(TOPICS))


def build_text(shape: str, size: int) -> str:
    if shape == "news":
        return fill(size, news_paragraph)
    if shape == "quotes":
        return fill(size, lambda i: f'" {NAMES[i % len(NAMES)].split()[0].lower()} "" word', sep=" ")
    if shape == "runon":
        head = "Smith and the council leader said that "
        body = fill(size - len(head) - 1, lambda i: f"{ROLES[i % len(ROLES)]} told reporters that", sep=" ")
        return head + body + "."
    if shape == "lines":
        return fill(size, lambda i: f"{NAMES[i % len(NAMES)]} said no {i}.", sep="\n")
    if shape == "unbalanced":
        head = 'The mayor said "'
        return head + fill(size - len(head), lambda i: news_paragraph(i).replace('"', ""), sep=" ")
    raise ValueError(f"unknown shape: {shape}")


def child(shape: str, size: int) -> None:
    """Runs in the subprocess: load, extract once, print one JSON line of measures."""
    from quotegraph.models import Article
    from quotegraph.pipeline import Extractor

    text = build_text(shape, size) if size > BASELINE_CHARS else news_paragraph(0)[:size]
    extractor = Extractor()
    wall, cpu = time.perf_counter(), time.process_time()
    result = extractor.extract(Article(id="bench", text=text, source="bench"))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"chars": len(text), "wall": wall, "cpu": cpu, "peak_mib": peak_kib / 1024,
                      "quotes": len(result.quotes), "people": len(result.people)}))


@dataclass
class Run:
    shape: str
    size: int
    wall: float = math.nan
    cpu: float = math.nan
    peak_mib: float = math.nan
    quotes: int = 0
    timed_out: bool = False
    error: str = ""


def measure(shape: str, size: int, timeout: float) -> Run:
    run = Run(shape, size)
    command = [sys.executable, __file__, "--child", shape, str(size)]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        run.timed_out = True
        return run
    if proc.returncode != 0:
        run.error = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        return run
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    run.wall, run.cpu, run.peak_mib, run.quotes = data["wall"], data["cpu"], data["peak_mib"], data["quotes"]
    return run


def exponent(small: Run, large: Run) -> float:
    if not (small.cpu > 0 and large.cpu > 0):
        return math.nan
    return math.log(large.cpu / small.cpu) / math.log(large.size / small.size)


def row(run: Run, base: Run, previous: Run | None) -> str:
    if run.timed_out or run.error:
        status = "timed out" if run.timed_out else f"failed: {run.error[:60]}"
        return f"| {run.shape} | {run.size:,} | {status} | | | | | |"
    wall, cpu = run.wall, run.cpu
    per_100k = cpu / (run.size / 100_000)
    extra = run.peak_mib - base.peak_mib
    growth = f"{exponent(previous, run):.2f}" if previous and not (previous.timed_out or previous.error) else ""
    return (f"| {run.shape} | {run.size:,} | {wall:.2f} | {cpu:.2f} | {per_100k:.2f} | {run.peak_mib:.0f} "
            f"| {extra:.0f} | {growth} |")


def report(runs: dict[str, list[Run]], base: Run) -> list[str]:
    lines = [f"baseline (model load, {BASELINE_CHARS}-char text): extract {base.wall:.2f} s wall, "
             f"{base.cpu:.2f} s CPU, peak {base.peak_mib:.0f} MiB", "",
             "| shape | chars | wall s | CPU s | CPU s / 100 KB | peak MiB | over baseline MiB | exponent |",
             "|---|---|---|---|---|---|---|---|"]
    for shape_runs in runs.values():
        previous = None
        for run in shape_runs:
            lines.append(row(run, base, previous))
            previous = run
    return lines


def worst_exponent(runs: dict[str, list[Run]]) -> tuple[str, float]:
    """The largest exponent between the two largest sizes of any shape (timeouts count as infinite)."""
    worst = ("", -math.inf)
    for shape, shape_runs in runs.items():
        if any(r.timed_out or r.error for r in shape_runs):
            return shape, math.inf
        if len(shape_runs) >= 2:
            value = exponent(shape_runs[-2], shape_runs[-1])
            if value > worst[1]:
                worst = (shape, value)
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated, e.g. 10k,160k,990k")
    parser.add_argument("--shape-sizes", action="append", default=[], metavar="SHAPE=SIZES",
                        help="sizes for one shape, e.g. runon=10k,160k,990k (repeatable)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--max-exponent", type=float, default=None)
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    default_sizes = [parse_size(s) for s in args.sizes.split(",")]
    per_shape = {k: [parse_size(s) for s in v.split(",")] for k, v in (x.split("=", 1) for x in args.shape_sizes)}
    for size in default_sizes + [s for v in per_shape.values() for s in v]:
        if size >= DEFAULT_MAX_CHARS:
            parser.error(f"size {size:,} is not under the limit of {DEFAULT_MAX_CHARS:,} characters")
    base = measure("news", BASELINE_CHARS, args.timeout)
    runs: dict[str, list[Run]] = {}
    for shape in args.shapes.split(","):
        runs[shape] = []
        for size in per_shape.get(shape, default_sizes):
            runs[shape].append(measure(shape, size, args.timeout))
            print(report({shape: runs[shape][-1:]}, base)[-1], file=sys.stderr, flush=True)
    print("\n".join(report(runs, base)))
    if args.max_exponent is not None:
        shape, value = worst_exponent(runs)
        print(f"\nlargest exponent between the two largest sizes: {value:.2f} ({shape})")
        if value > args.max_exponent:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
