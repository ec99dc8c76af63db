"""Split the honorific chain in front of a name into titles, with the gender they state.

Courtesy words (``Mr``, ``Mrs``) and two-word forms (``His Excellency``) are titles of their
own; neighbouring office/rank words form one title (``Dep. Chief``, ``Chief Minister``).
"""

from __future__ import annotations

from .evidence import EvidenceKind, GenderEvidence
from .facts import MentionFacts
from .lexicon import HONORIFICS, PHRASE_TITLES, RANK_TITLES, norm


class _Chain:
    """Reads the words of one chain, closing a group of office words at each title of its own."""

    def __init__(self, facts: MentionFacts):
        self.facts = facts
        self.office: list[str] = []
        self.group: list[str] = []

    def close(self) -> None:
        if self.group:
            self.facts.titles.append(" ".join(self.group))
            self.group.clear()

    def title(self, title: str, gender: str | None, kind: EvidenceKind, said: str) -> None:
        self.close()
        self.facts.titles.append(title)
        if gender:
            self.facts.evidence.append(GenderEvidence(gender, kind, said))

    def read(self, words: list[str], i: int) -> int:
        """Take the word(s) at ``i``; returns how many."""
        word = words[i]
        if word == ",":
            self.close()
            return 1
        pair = (word.lower(), words[i + 1].lower()) if i + 1 < len(words) else None
        if pair in PHRASE_TITLES:
            title = f"{word} {words[i + 1]}"
            self.title(title, PHRASE_TITLES[pair], "title", title)
            return 2
        key = norm(word)
        if key in HONORIFICS:
            self.title(word, HONORIFICS[key], "honorific", word.rstrip("."))
        elif key in RANK_TITLES:
            self.title(word, RANK_TITLES[key], "title", word.rstrip("."))
        else:
            self.group.append(word)
            self.office.append(word)
        return 1


def honorific_facts(honorific: str | None, facts: MentionFacts) -> list[str]:
    """Add the titles of an honorific chain, and the gender courtesy/rank words state, to
    ``facts``. Returns the office words, which also belong to the role pre-modifier."""
    if not honorific:
        return []
    words = honorific.replace(",", " , ").replace(" .", ".").split()
    chain = _Chain(facts)
    i = 0
    while i < len(words):
        i += chain.read(words, i)
    chain.close()
    return chain.office
