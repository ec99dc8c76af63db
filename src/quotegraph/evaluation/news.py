"""Score extraction results against the news-article gold format (``<slug>.gold.json``).

A gold folder holds ``<slug>.txt`` (the article) and ``<slug>.gold.json``:

* ``quotes``: ``key`` (a verbatim piece of the quotation), optional ``alt_key`` (another piece),
  optional ``occurrence_after`` (the keys are searched from the first occurrence of this text),
  ``speaker`` and optional ``speaker_alt`` (strings the resolved speaker name must contain,
  case-insensitive), ``type`` (direct, mixed or indirect);
* ``boilerplate_keys``: pieces of leftovers that no quote may overlap;
* ``people``: ``name``, ``must_alias``, optional ``gender``, ``age`` and ``role_any``.

The definitions (docs/evaluation.md) are those of the set's own ``score.py``, so the figures
printed by ``quotegraph eval news`` and by that script agree on the same extraction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..models import ArticleResult, Person, Quote
from .by_rule import Outcome

# ---------------------------------------------------------------------------------------------
# Gold


@dataclass(frozen=True)
class GoldQuote:
    key: str
    speaker: str
    type: str
    alt_key: str | None = None
    occurrence_after: str | None = None
    speaker_alt: tuple[str, ...] = ()

    @property
    def speakers(self) -> tuple[str, ...]:
        return (self.speaker, *self.speaker_alt)


@dataclass(frozen=True)
class GoldPerson:
    name: str
    must_alias: tuple[str, ...] = ()
    gender: str | None = None
    age: int | None = None
    role_any: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    slug: str
    text_path: Path
    quotes: tuple[GoldQuote, ...]
    people: tuple[GoldPerson, ...]
    boilerplate_keys: tuple[str, ...]


def read_gold(directory: Path) -> list[GoldArticle]:
    """Every ``<slug>.gold.json`` of ``directory`` (sorted by slug) with its text file's path."""
    articles = []
    for path in sorted(directory.glob("*.gold.json")):
        slug = path.name[: -len(".gold.json")]
        data = json.loads(path.read_text(encoding="utf-8"))
        quotes = tuple(
            GoldQuote(key=q["key"], speaker=q["speaker"], type=q["type"], alt_key=q.get("alt_key"),
                      occurrence_after=q.get("occurrence_after"),
                      speaker_alt=tuple(q.get("speaker_alt", ())))
            for q in data.get("quotes", [])
        )
        people = tuple(
            GoldPerson(name=p["name"], must_alias=tuple(p.get("must_alias", ())), gender=p.get("gender"),
                       age=p.get("age"), role_any=tuple(p.get("role_any") or ()))
            for p in data.get("people", [])
        )
        articles.append(GoldArticle(slug, directory / f"{slug}.txt", quotes, people,
                                    tuple(data.get("boilerplate_keys", []))))
    return articles


# ---------------------------------------------------------------------------------------------
# Matching rules


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def key_spans(text: str, gold: GoldQuote) -> list[tuple[int, int]]:
    """Where the gold quote is: its key (and alt_key), each at its first occurrence at or after
    the first occurrence of ``occurrence_after`` (from the start when that is absent or not found)."""
    origin = max(text.find(gold.occurrence_after), 0) if gold.occurrence_after else 0
    spans = []
    for key in (gold.key, gold.alt_key):
        if key is None:
            continue
        start = text.find(key, origin)
        if start >= 0:
            spans.append((start, start + len(key)))
    return spans


def right_speaker(quote: Quote, gold: GoldQuote) -> bool:
    """The quote's resolved speaker name contains the gold speaker or an alternative."""
    name = (quote.speaker_name or "").lower()
    return any(s.lower() in name for s in gold.speakers)


def find_person(people: list[Person], name: str) -> Person | None:
    """The entry for a gold person, by the first test any entry passes, in this order:
    the same full name; the name among its aliases or inside its name; the gold surname as a
    word of its name."""
    low = name.lower()
    surname = low.split()[-1]
    tests: tuple[Callable[[Person], bool], ...] = (
        lambda p: p.name.lower() == low,
        lambda p: low in (a.lower() for a in p.aliases) or low in p.name.lower(),
        lambda p: surname in p.name.lower().split(),
    )
    for test in tests:
        for person in people:
            if test(person):
                return person
    return None


# ---------------------------------------------------------------------------------------------
# Scores


@dataclass
class QuoteCheck:
    key: str
    type: str
    speaker: str
    found: bool  # some output quote overlaps the key
    right: bool  # ... and one of those has the right speaker
    got: list[str]  # speaker names of the overlapping quotes
    got_quotes: list[str]  # their texts

    @property
    def status(self) -> str:
        """right, wrong-speaker (a speaker was resolved, not this one), no-speaker, or not-found."""
        if self.right:
            return "right"
        if not self.found:
            return "not-found"
        return "wrong-speaker" if any(name != "None" for name in self.got) else "no-speaker"


@dataclass
class Extra:
    type: str
    speaker_name: str | None
    text: str


@dataclass
class PersonCheck:
    name: str
    checks: dict[str, bool]


@dataclass
class ArticleScore:
    slug: str
    quotes: list[QuoteCheck] = field(default_factory=list)
    extras: list[Extra] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # boilerplate keys a quote overlaps
    people: list[PersonCheck] = field(default_factory=list)
    missing: bool = False  # the article was not extracted

    @property
    def right(self) -> int:
        return sum(q.right for q in self.quotes)

    @property
    def found(self) -> int:
        return sum(q.found for q in self.quotes)

    @property
    def people_held(self) -> int:
        return sum(sum(p.checks.values()) for p in self.people)

    @property
    def people_checks(self) -> int:
        return sum(len(p.checks) for p in self.people)


def score_article(gold: GoldArticle, text: str, quotes: list[Quote], people: list[Person]) -> ArticleScore:
    score = ArticleScore(gold.slug)
    used: set[int] = set()
    for item in gold.quotes:
        spans = key_spans(text, item)
        hits = [i for i, q in enumerate(quotes) if any(_overlaps((q.start, q.end), s) for s in spans)]
        used.update(hits)
        got = [quotes[i] for i in hits]
        score.quotes.append(QuoteCheck(
            key=item.key, type=item.type, speaker=item.speaker, found=bool(got),
            right=any(right_speaker(q, item) for q in got),
            got=sorted({str(q.speaker_name) for q in got}), got_quotes=[q.text for q in got],
        ))
    score.extras = [Extra(q.type, q.speaker_name, q.text) for i, q in enumerate(quotes) if i not in used]
    for key in gold.boilerplate_keys:
        start = text.find(key)
        if start >= 0 and any(_overlaps((q.start, q.end), (start, start + len(key))) for q in quotes):
            score.leftovers.append(key)
    score.people = [check_person(g, people) for g in gold.people]
    return score


def check_person(gold: GoldPerson, people: list[Person]) -> PersonCheck:
    person = find_person(people, gold.name)
    checks = {"found": person is not None}
    names = {a.lower() for a in person.aliases} | {person.name.lower()} if person else set()
    checks["aliases"] = person is not None and all(a.lower() in names for a in gold.must_alias)
    if gold.gender:
        checks["gender"] = person is not None and person.gender.value == gold.gender
    if gold.age is not None:
        checks["age"] = person is not None and person.age == gold.age
    if gold.role_any:
        roles = " | ".join(person.roles + person.titles).lower() if person else ""
        checks["role"] = person is not None and any(r.lower() in roles for r in gold.role_any)
    return PersonCheck(gold.name, checks)


def score_result(gold: GoldArticle, result: ArticleResult | None) -> ArticleScore:
    """Score one extraction; ``None`` (not extracted) scores as an article with nothing found."""
    if result is None:
        text = _read_text(gold.text_path) if gold.text_path.exists() else ""
        score = score_article(gold, text, [], [])
        score.missing = True
        return score
    return score_article(gold, result.text, result.quotes, result.people)


def _read_text(path: Path) -> str:
    """The article as ``quotegraph extract`` reads it: UTF-8, line endings as stored."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def outcomes(gold: GoldArticle, result: ArticleResult | None) -> list[Outcome]:
    """Each extracted quote: does it overlap a gold quote's key, and with the right speaker?"""
    if result is None:
        return []
    located = [(item, key_spans(result.text, item)) for item in gold.quotes]
    out = []
    for quote in result.quotes:
        items = [item for item, spans in located if any(_overlaps((quote.start, quote.end), s) for s in spans)]
        out.append(Outcome(quote, bool(items), any(right_speaker(quote, i) for i in items) if items else None))
    return out


@dataclass
class NewsReport:
    articles: list[ArticleScore] = field(default_factory=list)

    def add(self, score: ArticleScore) -> None:
        self.articles.append(score)

    @classmethod
    def pooled(cls, reports: Iterable[NewsReport]) -> NewsReport:
        """One report over the articles of several."""
        return cls([a for report in reports for a in report.articles])

    def by_type(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for article in self.articles:
            for q in article.quotes:
                row = out.setdefault(q.type, {"gold": 0, "right": 0, "found": 0})
                row["gold"] += 1
                row["right"] += q.right
                row["found"] += q.found
        return dict(sorted(out.items()))

    def totals(self) -> dict[str, float]:
        gold = sum(len(a.quotes) for a in self.articles)
        t: dict[str, float] = {
            "articles": len(self.articles),
            "gold": gold,
            "right": sum(a.right for a in self.articles),
            "found": sum(a.found for a in self.articles),
            "extra": sum(len(a.extras) for a in self.articles),
            "leftovers": sum(len(a.leftovers) for a in self.articles),
            "people_held": sum(a.people_held for a in self.articles),
            "people_checks": sum(a.people_checks for a in self.articles),
        }
        g = max(gold, 1)
        t["right_rate"] = t["right"] / g
        t["found_rate"] = t["found"] / g
        t["extra_per_gold"] = t["extra"] / g
        t["people_rate"] = t["people_held"] / max(t["people_checks"], 1)
        return t

    def misses(self) -> dict[str, int]:
        """Gold quotes missed, by how: wrong-speaker, no-speaker, not-found."""
        out = {"wrong-speaker": 0, "no-speaker": 0, "not-found": 0}
        for article in self.articles:
            for q in article.quotes:
                if q.status != "right":
                    out[q.status] += 1
        return out

    def as_dict(self) -> dict:
        return {
            "totals": self.totals(),
            "by_type": self.by_type(),
            "misses": self.misses(),
            "articles": [
                {"slug": a.slug, "gold": len(a.quotes), "right": a.right, "found": a.found,
                 "extra": len(a.extras), "leftovers": len(a.leftovers), "people_held": a.people_held,
                 "people_checks": a.people_checks, "missing": a.missing,
                 "quotes": [{**asdict(q), "status": q.status} for q in a.quotes],
                 "extras": [asdict(e) for e in a.extras],
                 "leftover_keys": a.leftovers, "people": [asdict(p) for p in a.people]}
                for a in self.articles
            ],
        }


# ---------------------------------------------------------------------------------------------
# Text report (the same rows and summary line as the gold set's score.py)


def report_lines(report: NewsReport, verbose: bool = False, label: str = "newsdev",
                 articles: bool = True) -> Iterable[str]:
    """The report; ``articles=False`` leaves out the per-article rows (for pooled figures)."""
    if articles:
        yield from _article_lines(report, verbose)
    for typ, row in report.by_type().items():
        n = row["gold"]
        yield (f"  {typ:<9} right speaker {row['right']}/{n} = {row['right'] / n:.2f}; "
               f"found {row['found']}/{n} = {row['found'] / n:.2f}")
    if verbose:
        yield "  misses: " + ", ".join(f"{k} {v}" for k, v in report.misses().items())
    t = report.totals()
    yield (f"{label}: {t['right']}/{t['gold']} quotes with the right speaker ({t['right_rate']:.2f}); "
           f"found {t['found']}; {t['extra']} extra ({t['extra_per_gold']:.2f} per gold quote); "
           f"{t['leftovers']} from leftovers; people checks {t['people_held']}/{t['people_checks']} "
           f"({t['people_rate']:.2f})")


def _article_lines(report: NewsReport, verbose: bool) -> Iterable[str]:
    yield f"{'article':<36} {'right':>7} {'found':>7} {'extra':>5} {'left':>4} {'people':>7}"
    for a in report.articles:
        n = len(a.quotes)
        yield (f"{a.slug:<36} {a.right:>3}/{n:<3} {a.found:>3}/{n:<3} {len(a.extras):>5} "
               f"{len(a.leftovers):>4} {a.people_held:>3}/{a.people_checks:<3}")
        if verbose:
            yield from ("    " + line for line in _details(a))


def _details(a: ArticleScore) -> Iterable[str]:
    if a.missing:
        yield "(missing from the output)"
    for q in a.quotes:
        got = ", ".join(q.got) or "-"
        yield f"{'ok  ' if q.right else 'MISS'} {q.type:<8} {q.speaker:<18} {q.key[:48]!r} got: {got}"
        if not q.right:
            yield f"       {q.status}" + "".join(f"; as: {text[:100]!r}" for text in q.got_quotes)
    for e in a.extras:
        yield f"EXTRA {e.type:<8} {str(e.speaker_name):<18} {e.text[:60]!r}"
    for key in a.leftovers:
        yield f"FROM LEFTOVER {key!r}"
    for p in a.people:
        yield f"person {p.name:<22} " + " ".join(f"{k}={'ok' if v else 'NO'}" for k, v in p.checks.items())
