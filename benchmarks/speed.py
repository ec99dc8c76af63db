"""Speed: words per second of the full extraction pipeline vs bare spaCy parsing.

Runs ``Extractor.extract_many`` (leftovers, parse, quotes, people, dates) and bare ``nlp.pipe``
of the same spaCy pipeline over the same texts, alternating, and keeps the best of N rounds of
each so that both see the same machine state. The ratio is against spaCy's stock pipeline. The
Extractor's pipeline has its attribute ruler and lemmatizer compiled (same annotations, less
time), so a third run, bare ``nlp.pipe`` with those, shows quotegraph's own cost over the parse
it makes.

usage: python benchmarks/speed.py [TEXT_DIR] [--rounds 3] [--batch-size 32] [--max-ratio 1.10]
--max-ratio: exit 1 when full/bare CPU time is above it (the speed half of the quality gate);
CPU time, not wall-clock, because on a shared machine other processes stretch both runs unevenly.
TEXT_DIR: a folder of .txt files, or a PolNeAR-format folder (its text/ is used).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from quotegraph.models import Article
from quotegraph.nlp import compile_stock_pipes, load_spacy
from quotegraph.pipeline import Extractor
from quotegraph.settings import Options


def load_texts(folder: Path) -> list[tuple[str, str]]:
    if (folder / "text").is_dir():
        folder = folder / "text"
    out = []
    for path in sorted(folder.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as handle:
            out.append((path.stem, handle.read()))
    if not out:
        raise SystemExit(f"no .txt files in {folder}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="/work/shared/polnear/dev")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-ratio", type=float, default=None, help="fail (exit 1) above this full/bare ratio")
    args = parser.parse_args()

    texts = load_texts(Path(args.folder))
    words = sum(len(t.split()) for _, t in texts)
    extractor = Extractor(Options(batch_size=args.batch_size))
    # bare spaCy: the same model with its own tokenizer and none of quotegraph's components
    nlp = load_spacy(extractor.options.model)
    compiled = compile_stock_pipes(load_spacy(extractor.options.model))
    articles = [Article(id=stem, text=text, source=stem) for stem, text in texts]

    # warm-up: model caches, lazy tables
    list(nlp.pipe([t for _, t in texts[:5]]))
    list(compiled.pipe([t for _, t in texts[:5]]))
    list(extractor.extract_many(articles[:5]))

    # wall-clock and this process's CPU time: on a shared machine only the CPU time is steady
    bare: list[tuple[float, float]] = []
    full: list[tuple[float, float]] = []
    parse: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        bare.append(_timed(lambda: nlp.pipe((t for _, t in texts), batch_size=args.batch_size)))
        full.append(_timed(lambda: extractor.extract_many(articles)))
        parse.append(_timed(lambda: compiled.pipe((t for _, t in texts), batch_size=args.batch_size)))

    (b, b_cpu), (f, f_cpu) = (min(x[0] for x in bare), min(x[1] for x in bare)), (
        min(x[0] for x in full), min(x[1] for x in full))
    print(f"texts: {len(texts)} from {args.folder} ({words:,} words); model {extractor.options.model}; "
          f"best of {args.rounds}")
    print(f"bare nlp.pipe:        {b:7.2f} s  {words / b:9,.0f} words/s   cpu {b_cpu:7.2f} s")
    print(f"full extract_many:    {f:7.2f} s  {words / f:9,.0f} words/s   cpu {f_cpu:7.2f} s")
    print(f"ratio full/bare:      {f / b:7.2f}x wall, {f_cpu / b_cpu:.2f}x cpu  (target <= 1.06x cpu)")
    p_cpu = min(x[1] for x in parse)
    print(f"bare, compiled pipes: cpu {p_cpu:7.2f} s; full/that {f_cpu / p_cpu:.2f}x cpu "
          f"(quotegraph's own stages over the parse they get)")
    # Each round's full run against the bare run just before it: the machine's state drifts over
    # minutes, so the spread of these says how far one figure above can be trusted.
    paired = sorted(fc / bc for (_, bc), (_, fc) in zip(bare, full, strict=True))
    print(f"per round, full/bare cpu: {' '.join(f'{r:.3f}' for r in paired)}  "
          f"(median {statistics.median(paired):.3f}x)")
    if args.max_ratio is not None and f_cpu / b_cpu > args.max_ratio:
        raise SystemExit(f"speed gate failed: {f_cpu / b_cpu:.2f}x CPU is above --max-ratio {args.max_ratio:.2f}x")


def _timed(run) -> tuple[float, float]:
    """Wall-clock and CPU seconds to exhaust the iterator that ``run()`` returns."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in run():
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    main()
