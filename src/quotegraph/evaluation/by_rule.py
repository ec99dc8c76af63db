"""Figures per rule: how many quotes each ``rule`` and ``speaker_rule`` produced on a gold set,
and how many of them were right.

``rule`` precision: quotes that match a gold quote / quotes predicted by the rule.
``speaker_rule`` precision: right speakers / matched quotes whose speaker the gold can judge.
A quote with no rule recorded counts under ``(none)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

from ..models import Quote

NO_RULE = "(none)"


@dataclass(frozen=True)
class Outcome:
    """How one predicted quote fared against the gold."""

    quote: Quote
    matched: bool  # it matches a gold quote
    speaker_right: bool | None  # None: not matched, or the gold gives no speaker to judge


@dataclass
class RuleCounts:
    predicted: int = 0
    matched: int = 0
    judged: int = 0  # matched, with a gold speaker
    right: int = 0  # ... whose predicted speaker is right

    def quote_precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def speaker_precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0


@dataclass
class RuleReport:
    rules: dict[str, RuleCounts] = field(default_factory=dict)
    speaker_rules: dict[str, RuleCounts] = field(default_factory=dict)

    def add(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            _count(self.rules.setdefault(outcome.quote.rule or NO_RULE, RuleCounts()), outcome)
            _count(self.speaker_rules.setdefault(outcome.quote.speaker_rule or NO_RULE, RuleCounts()), outcome)

    def as_dict(self) -> dict:
        return {"rules": {k: asdict(v) for k, v in sorted(self.rules.items())},
                "speaker_rules": {k: asdict(v) for k, v in sorted(self.speaker_rules.items())}}


def _count(counts: RuleCounts, outcome: Outcome) -> None:
    counts.predicted += 1
    counts.matched += outcome.matched
    if outcome.speaker_right is not None:
        counts.judged += 1
        counts.right += outcome.speaker_right


def rule_lines(report: RuleReport) -> Iterator[str]:
    """Two tables, most frequent rule first."""
    yield f"{'rule':<32} {'quotes':>7} {'matched':>8} {'precision':>9}"
    for name, c in sorted(report.rules.items(), key=lambda kv: (-kv[1].predicted, kv[0])):
        yield f"{name:<32} {c.predicted:>7} {c.matched:>8} {c.quote_precision():>9.3f}"
    yield ""
    yield f"{'speaker_rule':<32} {'quotes':>7} {'judged':>8} {'right':>6} {'precision':>9}"
    for name, c in sorted(report.speaker_rules.items(), key=lambda kv: (-kv[1].predicted, kv[0])):
        yield f"{name:<32} {c.predicted:>7} {c.judged:>8} {c.right:>6} {c.speaker_precision():>9.3f}"
