"""The compiled attribute ruler against spaCy's stock one: CPU time and identical annotations.

Parses the texts once up to the attribute ruler, then per round runs the stock
``AttributeRuler`` and ``CompiledAttributeRuler`` (same patterns) on copies of those Docs, and
checks that POS, TAG, MORPH, LEMMA (after the lemmatizer), DEP and NORM are identical on every
token. The first round of the compiled ruler works out its outcomes; later rounds reuse them, as a
long run does.

usage: python benchmarks/attribute_ruler.py [TEXT_DIR ...] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, NORM, POS, TAG
from speed import load_texts

from quotegraph.compiled_ruler import compile_attribute_ruler
from quotegraph.nlp import load_spacy
from quotegraph.settings import Options

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, NORM]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=["/work/shared/polnear/dev"])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = [text for folder in args.folders for _, text in load_texts(Path(folder))]
    stock = load_spacy(Options().model)
    compiled = compile_attribute_ruler(load_spacy(Options().model))
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
            ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
            cpu = time.process_time()
            docs = [ruler(doc) for doc in docs]
            times.append(time.process_time() - cpu)
            results.append([lemmatizer(doc).to_array(COLUMNS) for doc in docs])
        differing = sum(not np.array_equal(a, b) for a, b in zip(*results, strict=True))
        print(f"round {round_}: stock {times[0]:.2f} s cpu, compiled {times[1]:.2f} s cpu; "
              f"Docs with any difference: {differing}")


if __name__ == "__main__":
    main()
