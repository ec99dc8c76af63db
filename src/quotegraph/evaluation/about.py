"""Score ``about``, ``addressee`` and ``said_on`` against an annotation of a news gold folder.

The annotation (a JSON file; tests/data/about/ holds those of the dev sets) maps an article slug to
``{"quotes": {<gold quote key>: {"about": [names], "addressee": name | null, "said_on": date | null}}}``.
A name is matched like a gold speaker: the entity name must contain it, case-insensitive; an
``about`` item may be a list of names, any of which matches (``["A-Plus", "Asare-Obeng"]``). Each
annotated quote is scored on the output quote that overlaps its key (the first, in text order);
a quote not found counts its gold targets as missed and its date as wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..models import Article, ArticleResult, Quote
from .news import GoldQuote, key_spans


@dataclass(frozen=True)
class GoldAbout:
    slug: str
    key: str
    about: tuple[tuple[str, ...], ...]  # each target: the names any of which matches
    addressee: str | None
    said_on: str | None


@dataclass
class Counts:
    right: int = 0  # predictions that match the gold
    predicted: int = 0
    gold: int = 0
    found: int = 0  # gold items some prediction matched

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass
class AboutReport:
    about: Counts = field(default_factory=Counts)
    addressee: Counts = field(default_factory=Counts)
    said_on_right: int = 0
    quotes: int = 0
    found: int = 0  # annotated quotes some output quote overlaps
    said_on_right_found: int = 0
    misses: list[str] = field(default_factory=list)  # readable lines for --verbose

    @property
    def said_on_accuracy(self) -> float:
        return self.said_on_right / self.quotes if self.quotes else 1.0

    @property
    def said_on_accuracy_found(self) -> float:
        return self.said_on_right_found / self.found if self.found else 1.0

    def as_dict(self) -> dict:
        return {
            "quotes": self.quotes,
            "about": {"precision": self.about.precision, "recall": self.about.recall, **vars(self.about)},
            "addressee": {"precision": self.addressee.precision, "recall": self.addressee.recall,
                          **vars(self.addressee)},
            "said_on": {"right": self.said_on_right, "accuracy": self.said_on_accuracy, "found": self.found,
                        "right_of_found": self.said_on_right_found, "accuracy_of_found": self.said_on_accuracy_found},
        }


def read_annotation(path: Path) -> list[GoldAbout]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [GoldAbout(slug, key, tuple(_names(n) for n in item.get("about", ())), item.get("addressee"),
                      item.get("said_on"))
            for slug, article in sorted(data.items()) for key, item in article["quotes"].items()]


def with_gold_dates(articles: list[Article], directory: Path) -> list[Article]:
    """The articles with the publication date their gold file gives (the .txt files have none)."""
    out = []
    for article in articles:
        gold = directory / f"{article.id}.gold.json"
        published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
        out.append(replace(article, published=article.published or published))
    return out


def _names(item: str | list[str]) -> tuple[str, ...]:
    return (item,) if isinstance(item, str) else tuple(item)


def _matches(name: str | None, wanted: tuple[str, ...]) -> bool:
    return bool(name) and any(w.lower() in (name or "").lower() for w in wanted)


def score_about(annotation: list[GoldAbout], results: dict[str, ArticleResult]) -> AboutReport:
    report = AboutReport()
    for gold in annotation:
        result = results.get(gold.slug)
        quote = _quote_for(result, gold.key) if result is not None else None
        report.quotes += 1
        _score_targets(report.about, [t.name for t in quote.about] if quote else [], gold.about)
        got_addressee = [quote.addressee.name] if quote and quote.addressee else []
        _score_targets(report.addressee, got_addressee, ((gold.addressee,),) if gold.addressee else ())
        said_on = quote.said_on.value if quote and quote.said_on else "missing"
        report.said_on_right += said_on == gold.said_on
        report.found += quote is not None
        report.said_on_right_found += quote is not None and said_on == gold.said_on
        got = (sorted(t.name for t in quote.about), got_addressee, said_on) if quote else "not found"
        if quote is None or said_on != gold.said_on or not _targets_equal(quote, gold):
            report.misses.append(f"{gold.slug} [{gold.key[:40]}] gold {['|'.join(n) for n in gold.about]} "
                                 f"{gold.addressee} {gold.said_on} | got {got}")
    return report


def _targets_equal(quote: Quote, gold: GoldAbout) -> bool:
    names = [t.name for t in quote.about]
    about_ok = len(names) == len(gold.about) and all(any(_matches(n, g) for n in names) for g in gold.about)
    got = quote.addressee.name if quote.addressee else None
    same_addressee = got is None or gold.addressee is None or _matches(got, (gold.addressee,))
    return about_ok and (got is None) == (gold.addressee is None) and same_addressee


def _score_targets(counts: Counts, got: list[str], gold: tuple[tuple[str, ...], ...]) -> None:
    counts.predicted += len(got)
    counts.gold += len(gold)
    counts.right += sum(any(_matches(name, g) for g in gold) for name in got)
    counts.found += sum(any(_matches(name, g) for name in got) for g in gold)


def _quote_for(result: ArticleResult, key: str) -> Quote | None:
    spans = key_spans(result.text, GoldQuote(key=key, speaker="", type=""))
    return next((q for q in result.quotes if any(q.start < e and s < q.end for s, e in spans)), None)


def about_lines(report: AboutReport, verbose: bool = False) -> list[str]:
    a, d = report.about, report.addressee
    lines = [
        f"about: precision {a.precision:.3f} ({a.right}/{a.predicted}), recall {a.recall:.3f} ({a.found}/{a.gold})",
        f"addressee: precision {d.precision:.3f} ({d.right}/{d.predicted}), recall {d.recall:.3f} ({d.found}/{d.gold})",
        f"said_on: {report.said_on_accuracy:.3f} correct ({report.said_on_right}/{report.quotes}); "
        f"of the quotes found {report.said_on_accuracy_found:.3f} ({report.said_on_right_found}/{report.found})",
    ]
    return lines + ([f"  {m}" for m in report.misses] if verbose else [])
