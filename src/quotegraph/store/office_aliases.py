"""Office titles written with a surname only, across the corpus: whose is ``President Clinton``?

An article that names only Hillary Clinton in full and then writes ``President Clinton`` gives
her the title (the only namesake, ``people/title_holders.py``): the article alone cannot say who
held the office. The corpus can, when other articles write ``President Bill Clinton`` or call
him ``the former president``. Such an alias, inferred from the surname alone (the article never
gives the person that office with their full name or in a role), is not kept on the person
when a namesake of another first name holds that office in full at least three times as often
across the corpus as the person's own entries do. It is then neither among the corpus person's
aliases nor used to place a lone surname by its title; the article's extraction is unchanged.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from types import SimpleNamespace

from ..offices import holds_office, office_word

_DOMINANT = 3  # how many times more often the other holder must hold the office in full

# merge.py's name_key (cached) and surname, passed in so that this module does not import
# merge.py, which imports it: a name -> its key ("President Bill Clinton" -> "bill clinton")
NameKey = Callable[[str], str]


def surname_office(alias: str, surname: str, key: NameKey) -> str | None:
    """The office of an alias that is office titles and the surname alone (``Sen. Sanders`` ->
    senator, ``President Clinton`` -> president); None for anything else (``Mr Clinton``)."""
    parts = alias.split()
    if len(parts) < 2 or key(alias) != surname:
        return None
    return office_word(" ".join(parts[:-1]))


def offices_in_full(row, key: NameKey) -> set[str]:
    """Offices written before the person's full name in the article (``President Bill Clinton``)."""
    out = set()
    for alias in [row.name, *json.loads(row.aliases)]:
        parts, tokens = alias.split(), key(alias).split()
        if len(tokens) > 1 and len(parts) > len(tokens):
            office = office_word(" ".join(parts[: len(parts) - len(tokens)]))
            if office:
                out.add(office)
    return out


class _Holders:
    """How often each group's entries hold an office in full (a titled full name or a role)."""

    def __init__(self, groups: dict[str, list], key: NameKey):
        self.groups, self.key = groups, key
        self.firsts = {root: {self.first(r) for r in rows} for root, rows in groups.items()}
        self._full: dict[int, set[str]] = {}
        self._counts: dict[tuple[str, str], int] = {}

    def first(self, row) -> str:
        return self.key(row.name).split(" ", 1)[0]

    def holds(self, row, office: str) -> bool:
        if row.id not in self._full:
            self._full[row.id] = offices_in_full(row, self.key)
        return office in self._full[row.id] or holds_office(office, [], json.loads(row.roles))

    def count(self, root: str, office: str) -> int:
        if (root, office) not in self._counts:
            self._counts[root, office] = sum(self.holds(r, office) for r in self.groups[root])
        return self._counts[root, office]

    def another_holds(self, row, root: str, office: str, namesakes: Iterable[str]) -> bool:
        """A namesake group of another first name clearly holds the office, and ``root`` not."""
        first = self.first(row)
        best = max((self.count(other, office) for other in namesakes
                    if other != root and first not in self.firsts[other]), default=0)
        return best > 0 and best >= _DOMINANT * self.count(root, office)


def foreign_office_aliases(groups: dict[str, list], key: NameKey, surname_of: Callable[[str], str]) -> dict:
    """Rows (by id) whose aliases lose the office titles of another holder: the row as a copy
    with those aliases left out. ``groups``: group root -> its full-name entries."""
    holders = _Holders(groups, key)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for root, rows in groups.items():
        for row in rows:
            by_surname[surname_of(key(row.name) or "-")].add(root)
    out = {}
    for root, rows in groups.items():
        for row in rows:
            sur = surname_of(key(row.name) or "-")
            aliases = json.loads(row.aliases)
            foreign = [a for a in aliases if _foreign(a, row, root, sur, holders, by_surname[sur])]
            if foreign:
                kept = [a for a in aliases if a not in foreign]
                out[row.id] = SimpleNamespace(**{**row._asdict(), "aliases": json.dumps(kept, ensure_ascii=False)})
    return out


def _foreign(alias: str, row, root: str, sur: str, holders: _Holders, namesakes: set[str]) -> bool:
    office = surname_office(alias, sur, holders.key)
    if office is None or holders.holds(row, office):
        return False
    return holders.another_holds(row, root, office, namesakes)
