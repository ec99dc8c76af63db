"""Score quotes against PolNeAR (brat standoff attributions of US political news).

The corpus layout: ``text/<stem>.txt`` and ``attributions/<stem>_<annotator>.ann``. Every event
(``E`` line) with a Content argument is one gold attribution; its Source and Cue are optional
and its pieces may be discontinuous (``START END;START END``). The metrics are defined in
docs/evaluation.md ("PolNeAR"); this module only reads the corpus and counts.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Quote
from .by_rule import Outcome

Piece = tuple[int, int]

# A gold attribution is a "direct quote" when its content holds a double quote mark
# (NYT texts write two apostrophes for one).
_QUOTE_MARK = re.compile("[\"\u201c\u201d\u201e]|''")
# Characters trimmed from both ends of every piece before the strict comparison.
_TRIM = set(" \t\r\n\u00a0\"'\u201c\u201d\u201e\u2018\u2019\u201a`.,;:!?-\u2013\u2014()[]…")


@dataclass
class GoldAttribution:
    content: list[Piece]
    source: list[Piece] | None = None
    cue: list[Piece] | None = None
    text: str = ""  # the content pieces joined by a space

    @property
    def direct(self) -> bool:
        return bool(_QUOTE_MARK.search(self.text))


@dataclass
class GoldArticle:
    stem: str
    text: str
    attributions: list[GoldAttribution]
    publisher: str | None = None


@dataclass
class Predicted:
    """What the metrics need of a quote: its pieces, its speaker mention and whether it is in marks."""

    pieces: list[Piece]
    speaker: Piece | None
    marked: bool  # direct or mixed

    @classmethod
    def of(cls, quote: Quote) -> Predicted:
        parts = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
        speaker = (quote.speaker.start, quote.speaker.end) if quote.speaker else None
        return cls(parts, speaker, quote.type in ("direct", "mixed"))


# ---------------------------------------------------------------------------------------------
# Reading the corpus


def _pieces(field_text: str) -> list[Piece]:
    out = []
    for chunk in field_text.split(";"):
        start, end = chunk.split()
        out.append((int(start), int(end)))
    return out


def parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    """Gold attributions of one brat standoff file (events with a Content argument)."""
    spans: dict[str, list[Piece]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0]:
            continue
        if cols[0][0] == "T":
            head = cols[1].split(" ", 1)
            if len(head) == 2:
                try:
                    spans[cols[0]] = _pieces(head[1])
                except ValueError:
                    continue
        elif cols[0][0] == "E":
            args = []
            for arg in cols[1].split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    args.append((role, ref))
            events.append(args)
    gold = []
    for args in events:
        content: list[Piece] = []
        source: list[Piece] = []
        cue: list[Piece] = []
        for role, ref in args[1:]:  # args[0] is the event trigger
            pieces = spans.get(ref, [])
            if role.startswith("Content"):
                content += pieces
            elif role.startswith("Source"):
                source += pieces
            elif role.startswith("Cue"):
                cue += pieces
        if not content:
            continue
        content.sort()
        joined = " ".join(text[s:e] for s, e in content)
        gold.append(GoldAttribution(content, source or None, cue or None, joined))
    return gold


def _publishers(directory: Path) -> dict[str, str]:
    for folder in (directory, directory.parent):
        meta = folder / "metadata.tsv"
        if meta.is_file():
            with open(meta, encoding="utf-8", newline="") as handle:
                rows = csv.DictReader(handle, delimiter="\t")
                return {r["filename"]: r.get("publisher") or "" for r in rows if r.get("filename")}
    return {}


def read_corpus(directory: str | Path) -> list[GoldArticle]:
    """Every article of a PolNeAR-format folder, with the first annotator's attributions."""
    directory = Path(directory)
    texts = sorted((directory / "text").glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"no text/*.txt under {directory}")
    publishers = _publishers(directory)
    anns = sorted((directory / "attributions").glob("*.ann"))
    by_stem: dict[str, Path] = {}
    for ann in anns:
        stem = ann.stem.rsplit("_", 1)[0]
        by_stem.setdefault(stem, ann)
    articles = []
    for path in texts:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        found = by_stem.get(path.stem)
        gold = parse_ann(found.read_text(encoding="utf-8"), text) if found else []
        articles.append(GoldArticle(path.stem, text, gold, publishers.get(path.stem)))
    return articles


# ---------------------------------------------------------------------------------------------
# Matching and counting


def _overlap(a: Sequence[Piece], b: Sequence[Piece]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _chars(pieces: Iterable[Piece]) -> set[int]:
    return {i for s, e in pieces for i in range(s, e)}


def _trim(text: str, piece: Piece) -> Piece:
    s, e = piece
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def strict_match(text: str, gold: Sequence[Piece], pred: Sequence[Piece]) -> bool:
    """Same span once every piece is trimmed of spaces, punctuation and quote marks, or
    character Jaccard >= 0.9 on the pieces' character positions."""
    g = _chars(_trim(text, p) for p in gold)
    p = _chars(_trim(text, q) for q in pred)
    if g and g == p:
        return True
    g_raw, p_raw = _chars(gold), _chars(pred)
    union = g_raw | p_raw
    return bool(union) and len(g_raw & p_raw) / len(union) >= 0.9


def match(gold: Sequence[GoldAttribution], pred: Sequence[Predicted]) -> list[tuple[int, int]]:
    """One-to-one greedy matching, largest character overlap first: (gold index, pred index)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = _overlap(g.content, p.pieces)
            if size > 0:
                pairs.append((size, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def speaker_right(gold: GoldAttribution, pred: Predicted) -> bool:
    """The predicted speaker mention overlaps the gold Source (a missing speaker is wrong)."""
    return gold.source is not None and pred.speaker is not None and _overlap(gold.source, [pred.speaker]) > 0


@dataclass
class Counts:
    """Counts for one comparison (gold set vs prediction set); figures are derived from them."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    strict: int = 0
    with_source: int = 0  # matched pairs whose gold has a Source
    speaker_ok: int = 0  # ... of which the predicted speaker overlaps it
    e2e: int = 0  # matched pairs with a right speaker (gold without Source: any speaker)

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, hits: int) -> dict[str, float]:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    def figures(self) -> dict:
        acc = self.speaker_ok / self.with_source if self.with_source else 0.0
        return {
            "counts": {k: getattr(self, k) for k in self.__dataclass_fields__},
            "partial": self.prf(self.matched),
            "strict": self.prf(self.strict),
            "speaker_accuracy": round(acc, 4),
            "quote_speaker": self.prf(self.e2e),
        }


def compare(text: str, gold: Sequence[GoldAttribution], pred: Sequence[Predicted]) -> Counts:
    counts = Counts(gold=len(gold), pred=len(pred))
    for gi, pi in match(gold, pred):
        g, p = gold[gi], pred[pi]
        counts.matched += 1
        counts.strict += strict_match(text, g.content, p.pieces)
        if g.source is not None:
            counts.with_source += 1
            ok = speaker_right(g, p)
            counts.speaker_ok += ok
            counts.e2e += ok
        else:
            counts.e2e += 1
    return counts


@dataclass
class ArticleScore:
    direct: Counts
    all: Counts


def score_article(article: GoldArticle, quotes: Sequence[Quote]) -> ArticleScore:
    pred = [Predicted.of(q) for q in quotes]
    direct_gold = [g for g in article.attributions if g.direct]
    direct_pred = [p for p in pred if p.marked]
    return ArticleScore(
        direct=compare(article.text, direct_gold, direct_pred),
        all=compare(article.text, article.attributions, pred),
    )


def outcomes(article: GoldArticle, quotes: Sequence[Quote]) -> list[Outcome]:
    """Each predicted quote against all gold attributions, matched as ``compare`` matches them."""
    pred = [Predicted.of(q) for q in quotes]
    pairs = dict((pi, gi) for gi, pi in match(article.attributions, pred))
    out = []
    for pi, quote in enumerate(quotes):
        if pi not in pairs:
            out.append(Outcome(quote, False, None))
            continue
        gold = article.attributions[pairs[pi]]
        out.append(Outcome(quote, True, speaker_right(gold, pred[pi]) if gold.source is not None else None))
    return out


@dataclass
class Report:
    direct: Counts = field(default_factory=Counts)
    all: Counts = field(default_factory=Counts)
    articles: int = 0
    by_publisher: dict[str, Report] = field(default_factory=dict)

    def add(self, score: ArticleScore, publisher: str | None = None) -> None:
        self.articles += 1
        self.direct.add(score.direct)
        self.all.add(score.all)
        if publisher:
            self.by_publisher.setdefault(publisher, Report()).add(score)

    def as_dict(self) -> dict:
        data = {"articles": self.articles, "direct": self.direct.figures(), "all": self.all.figures()}
        if self.by_publisher:
            data["by_publisher"] = {k: v.as_dict() for k, v in sorted(self.by_publisher.items())}
        return data
