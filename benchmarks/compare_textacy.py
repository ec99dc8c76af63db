"""Quotes on PolNeAR: quotegraph vs textacy's ``direct_quotations``, same metric, same model.

textacy (0.13, the ``bench`` extra) runs per paragraph, as it expects; its triples become
predictions (content span, speaker tokens) scored by ``quotegraph.evaluation.polnear`` exactly
like quotegraph's own quotes (docs/evaluation.md, "PolNeAR").

usage: python benchmarks/compare_textacy.py [POLNEAR_DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import re
import time

from quotegraph.evaluation.polnear import ArticleScore, Predicted, Report, compare, read_corpus, score_article
from quotegraph.models import Article
from quotegraph.pipeline import Extractor

_PARAGRAPH = re.compile(r"[^\n]+")


def textacy_predictions(nlp, text: str) -> list[Predicted]:
    from textacy.extract.triples import direct_quotations

    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    out = []
    for (offset, _), doc in zip(paragraphs, nlp.pipe(p for _, p in paragraphs), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # noqa: BLE001 - textacy fails on some odd paragraphs; count as none
            continue
        for triple in triples:
            content = triple.content
            piece = (offset + content.start_char, offset + content.end_char)
            speaker = None
            if triple.speaker:
                first, last = triple.speaker[0], triple.speaker[-1]
                speaker = (offset + first.idx, offset + last.idx + len(last.text))
            out.append(Predicted([piece], speaker, True))
    return out


def _row(name: str, report: Report, seconds: float) -> dict:
    d, a = report.direct.figures(), report.all.figures()
    print(f"{name:<11} {d['partial']['precision']:.3f} {d['partial']['recall']:.3f} {d['partial']['f1']:.3f}"
          f"   {d['strict']['f1']:.3f}   {d['speaker_accuracy']:.3f}   {d['quote_speaker']['f1']:.3f}"
          f"   {a['partial']['f1']:.3f}   {a['speaker_accuracy']:.3f}   {seconds:6.1f}")
    return {"direct": d, "all": a, "seconds": round(seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="/work/shared/polnear/dev")
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args()

    corpus = read_corpus(args.folder)
    extractor = Extractor()
    nlp = extractor.nlp

    start = time.perf_counter()
    ours = Report()
    articles = (Article(id=a.stem, text=a.text, source=a.stem) for a in corpus)
    for gold, result in zip(corpus, extractor.extract_many(articles), strict=True):
        ours.add(score_article(gold, result.quotes))
    ours_s = time.perf_counter() - start

    start = time.perf_counter()
    theirs = Report()
    for gold in corpus:
        pred = textacy_predictions(nlp, gold.text)
        direct_gold = [g for g in gold.attributions if g.direct]
        theirs.add(ArticleScore(direct=compare(gold.text, direct_gold, pred),
                                all=compare(gold.text, gold.attributions, pred)))
    theirs_s = time.perf_counter() - start

    print(f"PolNeAR {args.folder}: {len(corpus)} articles, model {extractor.options.model}")
    print("            direct P/R/F1         strict  spk     q+s     all F1  all spk  seconds")
    data = {"quotegraph": _row("quotegraph", ours, ours_s), "textacy": _row("textacy", theirs, theirs_s)}
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)


if __name__ == "__main__":
    main()
