"""The compiled attribute ruler and lemmatizer against spaCy's stock ones: CPU time and identical
annotations.

Parses the texts once up to the attribute ruler, then per round runs the stock attribute ruler
and lemmatizer and the compiled ones (``compile_stock_pipes``) on copies of those Docs, timing
each component, and checks that POS, TAG, MORPH, LEMMA, DEP and NORM are identical on every
token. The first round of the compiled components works out what they keep; later rounds reuse
it, as a long run does.

usage: python benchmarks/compiled_pipes.py [TEXT_DIR ...] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, NORM, POS, TAG
from speed import load_texts

from quotegraph.nlp import compile_stock_pipes, load_spacy
from quotegraph.settings import Options

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, NORM]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=["/work/shared/polnear/dev"])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = [text for folder in args.folders for _, text in load_texts(Path(folder))]
    stock = load_spacy(Options().model)
    compiled = compile_stock_pipes(load_spacy(Options().model))
    parsed = [stock.make_doc(text) for text in texts]
    for name, pipe in stock.pipeline:
        if name == "attribute_ruler":
            break
        parsed = list(pipe.pipe(parsed))  # type: ignore[union-attr]
    tokens = sum(len(doc) for doc in parsed)
    print(f"{len(texts)} texts, {tokens:,} tokens; model {Options().model}")
    for round_ in range(1, args.rounds + 1):
        times, results = [], []
        for nlp in (stock, compiled):
            docs = [doc.copy() for doc in parsed]
            for name in ("attribute_ruler", "lemmatizer"):
                pipe, cpu = nlp.get_pipe(name), time.process_time()
                docs = [pipe(doc) for doc in docs]
                times.append(time.process_time() - cpu)
            results.append([doc.to_array(COLUMNS) for doc in docs])
        differing = sum(not np.array_equal(a, b) for a, b in zip(*results, strict=True))
        print(f"round {round_}: attribute ruler stock {times[0]:.2f} s cpu, compiled {times[2]:.2f} s; "
              f"lemmatizer stock {times[1]:.2f} s, compiled {times[3]:.2f} s; Docs with any difference: {differing}")


if __name__ == "__main__":
    main()
