"""CPU seconds of quotegraph's own stages, without spaCy's parsing: the part of the full/bare ratio
of speed.py that quotegraph's code controls.

Parses the texts once with the full pipeline, then per round times on copies of those Docs: the
tokenizer wrapper (leftovers, analysis text, sentence bound; spaCy's own tokenizer included,
about 0.4 s on PolNeAR dev), the ``quotegraph_quotes`` and ``quotegraph_people`` components, and
``Extractor.result`` (dates, about/addressee, span re-sync). Prints the mean of the rounds.

usage: python benchmarks/own_stages.py [TEXT_DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from speed import load_texts

from quotegraph.models import Article
from quotegraph.pipeline import Extractor
from quotegraph.syntax import known_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="/work/shared/polnear/dev")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    articles = [Article(id=stem, text=text, source=stem) for stem, text in load_texts(Path(args.folder))]
    extractor = Extractor()
    nlp = extractor.nlp
    own = [(name, pipe) for name, pipe in nlp.pipeline if name.startswith("quotegraph_")]
    parsed = [nlp.tokenizer(a.text) for a in articles]
    for name, pipe in nlp.pipeline:
        if not name.startswith("quotegraph_"):
            parsed = list(pipe.pipe(parsed))  # type: ignore[union-attr]
    list(extractor.extract_many(articles[:5]))  # warm-up: lazy tables (first-name list)

    totals = {"tokenizer": 0.0, **{name: 0.0 for name, _ in own}, "result": 0.0}
    for _ in range(args.rounds):
        cpu = time.process_time()
        for article in articles:
            nlp.tokenizer(article.text)
        totals["tokenizer"] += time.process_time() - cpu
        docs = [known_text(doc.copy(), doc.text) for doc in parsed]  # as the tokenizer hands them on
        for name, pipe in own:
            cpu = time.process_time()
            docs = [pipe(doc) for doc in docs]
            totals[name] += time.process_time() - cpu
        cpu = time.process_time()
        for doc, article in zip(docs, articles, strict=True):
            extractor.result(doc, article)
        totals["result"] += time.process_time() - cpu
    for name, seconds in totals.items():
        print(f"{name:20s} {seconds / args.rounds:6.2f} s cpu")
    mean = sum(totals.values()) / args.rounds
    print(f"{'all':20s} {mean:6.2f} s cpu  ({len(articles)} texts, mean of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
