"""Gender from evidence in the text, with a labelled first-name fallback.

Evidence strings say where a value comes from: ``honorific:Mrs``, ``title:Dame``,
``noun:brother``, ``pronoun:she``, and for the optional fallback ``name:Jane``. Words the article
uses (honorifics, titles, nouns) outweigh pronouns, which outweigh nothing; the first-name table
is consulted only when the text gives no evidence at all and the option allows it.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import Gender

_STRONG = ("honorific:", "title:", "noun:")
_detector = None


def _get_detector():
    global _detector
    if _detector is None:
        import gender_guesser.detector as gd

        _detector = gd.Detector(case_sensitive=False)
    return _detector


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """``male``/``female`` where the first-name table is confident, else None."""
    if not name or not name[0].isupper() or len(name) < 2 or "." in name:
        return None
    guess = _get_detector().get_gender(name)
    return guess if guess in ("male", "female") else None


def decide(evidence: list[tuple[str, str]], first_name: str | None, allow_name: bool) -> Gender:
    """Pick the value the evidence supports: strong evidence first, then pronouns.

    ``evidence`` holds ``(value, label)`` pairs. Conflicting strong evidence gives ``unknown``
    rather than a guess.
    """
    strong = [(v, e) for v, e in evidence if e.startswith(_STRONG)]
    pronouns = [(v, e) for v, e in evidence if e.startswith("pronoun:")]
    for group in (strong, pronouns):
        values = {v for v, _ in group}
        if len(values) == 1:
            value = values.pop()
            labels = list(dict.fromkeys(e for _, e in group))
            return Gender(value, labels)
        if len(values) > 1:
            counts = {v: sum(1 for x, _ in group if x == v) for v in values}
            top = max(counts.values())
            winners = [v for v, c in counts.items() if c == top]
            if len(winners) == 1 and top >= 2 * (len(group) - top):
                labels = list(dict.fromkeys(e for v, e in group if v == winners[0]))
                return Gender(winners[0], labels)
            return Gender("unknown", [])
    if allow_name and first_name:
        guess = first_name_gender(first_name)
        if guess:
            return Gender(guess, [f"name:{first_name}"])
    return Gender("unknown", [])
