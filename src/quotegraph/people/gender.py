"""Gender from evidence in the text, with a labelled first-name fallback.

Evidence records (``evidence.GenderEvidence``) say where a value comes from; the output lists
their labels: ``honorific:Mrs``, ``title:Dame``, ``noun:brother``, ``pronoun:she``, and for the
optional fallback ``name:Jane``. Words the article
uses (honorifics, titles, nouns) outweigh pronouns, which outweigh nothing; the first-name table
is consulted only when the text gives no evidence at all and the option allows it.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import Gender, GenderValue
from .evidence import STRONG_KINDS, GenderEvidence

_detector = None


def _get_detector():
    global _detector
    if _detector is None:
        import gender_guesser.detector as gd

        _detector = gd.Detector(case_sensitive=False)
    return _detector


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> GenderValue | None:
    """``male``/``female`` where the first-name table is confident, else None."""
    if not name or not name[0].isupper() or len(name) < 2 or "." in name:
        return None
    guess = _get_detector().get_gender(name)
    return "male" if guess == "male" else "female" if guess == "female" else None


def decide(evidence: list[GenderEvidence], first_name: str | None, allow_name: bool) -> Gender:
    """Pick the value the evidence supports: strong evidence first, then pronouns.

    Conflicting strong evidence gives ``unknown`` rather than a guess; a clear majority among
    pronouns (two to one) wins."""
    strong = [e for e in evidence if e.kind in STRONG_KINDS]
    pronouns = [e for e in evidence if e.kind == "pronoun"]
    for group in (strong, pronouns):
        values = {e.value for e in group}
        if len(values) == 1:
            return Gender(_value(values.pop()), _labels(group))
        if len(values) > 1:
            counts = {v: sum(1 for e in group if e.value == v) for v in values}
            top = max(counts.values())
            winners = [v for v, c in counts.items() if c == top]
            if len(winners) == 1 and top >= 2 * (len(group) - top):
                return Gender(_value(winners[0]), _labels([e for e in group if e.value == winners[0]]))
            return Gender("unknown", [])
    if allow_name and first_name:
        guess = first_name_gender(first_name)
        if guess:
            return Gender(guess, [GenderEvidence(guess, "name", first_name).label])
    return Gender("unknown", [])


def _labels(group: list[GenderEvidence]) -> list[str]:
    """The output form of the evidence, each label once, in the order found."""
    return list(dict.fromkeys(e.label for e in group))


def _value(word: str) -> GenderValue:
    return "female" if word == "female" else "male" if word == "male" else "unknown"
