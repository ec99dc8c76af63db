"""People across articles: article people grouped into corpus people, conservatively.

Rules (wrong merges are worse than missed ones, since statistics count corpus people):
- Full names (two or more words) are compared after normalising case, accents, punctuation
  and leading honorifics/titles ("Sen.", "Mrs", "President"): equal keys are one person.
  Suffixes stay ("Donald Trump Jr." is not "Donald Trump").
- An article person's multi-word aliases join its name's group only when they share its first
  name (or its initial), so a bad cluster inside one article cannot tie two first names together
  corpus-wide.
- A full name and its middle-initial variant ("Vladimir Putin", "Vladimir V. Putin") are one
  person when that variant is the only one of the name ("George W." and "George H. W. Bush" are
  two, so "George Bush" joins neither).
- A one-word entry ("Clinton") joins a full-name group of that surname when its article says
  which: the only such group that is not a separate person in the same article and whose gender
  does not contradict, or else the only one sharing a distinctive titled alias ("President
  Trump"; not "Mr"/"Mrs"). A gender read from pronouns alone yields to such a titled alias.
  Otherwise it stays its own corpus person, one per article.
- An office title an article joined to a full name by the surname alone ("President Clinton" on
  Hillary Clinton) is left out of that entry's aliases when a namesake of another first name
  clearly holds the office across the corpus ("President Bill Clinton"; store/office_aliases.py).
- The corrections log (store/corrections.py: merge, split, rename, delete, gender, reassign) is
  stored by name key and article key and re-applied by every rebuild, whatever ids rows get.

The rebuild is deterministic (inputs sorted) so the same articles always give the same groups.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

from sqlalchemy import Column, Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from ..lexicon import NAME_PREFIXES
from ..models import label_kind
from . import corrections
from . import schema as t
from .office_aliases import foreign_office_aliases
from .summary import refresh_source_people

SUFFIXES = frozenset("jr sr ii iii iv v".split())
_DROP = re.compile(r"[.,()\"“”‘’]|'s$")


def name_tokens(name: str) -> list[str]:
    """Lower-case words of a person's name without accents, punctuation or leading honorifics."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in (_DROP.sub("", w) for w in text.split()) if w]
    while len(words) > 1 and words[0] in NAME_PREFIXES:
        words.pop(0)
    return words


@lru_cache(maxsize=1 << 16)  # the same names recur across articles and every rebuild
def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def surname(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words[-1]


class UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller key becomes the root: independent of input order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _gender_vote(members: list) -> tuple[str, str]:
    """(gender, source): text evidence wins over name guesses; a tie is unknown."""
    for source in ("text", "name"):
        votes = Counter(m.gender for m in members if m.gender_source == source and m.gender != "unknown")
        if votes:
            (top, n), *rest = votes.most_common()
            if rest and rest[0][1] == n:
                return "unknown", "none"
            return top, source
    return "unknown", "none"


def rebuild_corpus_people(conn: Connection) -> int:
    """Group every article person into corpus people; returns how many corpus people exist."""
    from .incremental import index_surnames

    rows = people_rows(conn)
    index_surnames(conn, rows, every=True)
    group_people(conn, rows, scoped=False)
    return conn.execute(select(func.count()).select_from(t.corpus_people)).scalar_one()


def people_rows(conn: Connection, where=None) -> list:
    """Article people with what grouping needs, in the one order every rebuild uses."""
    stmt = (select(t.people.c.id, t.people.c.local_id, t.people.c.name, t.people.c.aliases, t.people.c.roles,
                   t.people.c.gender, t.people.c.gender_source, t.people.c.gender_evidence,
                   t.people.c.corpus_person_id,
                   t.people.c.article_id, t.articles.c.key.label("article_key"))
            .join(t.articles, t.articles.c.id == t.people.c.article_id))
    rows = conn.execute(stmt if where is None else stmt.where(where)).all()
    return sorted(rows, key=lambda r: (r.article_key, r.local_id, r.id))


def group_people(conn: Connection, rows: list | None = None, scoped: bool = True) -> dict[str, int]:
    """Rebuild the corpus people, applying the corrections log; returns every grouping key
    (name keys, split labels, one-word keys) -> the corpus person id it ended in.

    ``rows`` with ``scoped``: regroup only these article people (a closed set: every row sharing
    a surname with one of them is among them; see store/incremental.py); the other corpus people
    stay as they are.
    """
    if rows is None:
        rows, scoped = people_rows(conn), False
    fixes = corrections.load(conn)
    uf = UnionFind()
    primary: dict[int, str] = {}
    singles = _group_full_names(rows, fixes, uf, primary)
    _join_middle_initials(uf)
    _apply_merges(uf, fixes.merges)
    by_id = {r.id: r for r in rows}
    by_id.update(_without_foreign_offices(by_id, uf, primary))
    _attach_singles(singles, by_id, uf, primary)
    _apply_merges(uf, fixes.merges)

    groups: dict[str, list] = defaultdict(list)
    for pid, key in primary.items():
        groups[uf.find(key)].append((key, by_id[pid]))
    for root in {uf.find(k) for k in fixes.deletes if k in uf.parent}:
        groups.pop(root, None)
    _apply_reassigns(conn, fixes.reassigns, uf, primary, by_id)
    counted = select(t.quotes.c.person_id, func.count()).where(t.quotes.c.person_id.is_not(None))
    if scoped:
        counted = counted.where(t.quotes.c.person_id.in_(list(by_id)))
    quote_counts: dict[int, int] = {pid: n for pid, n in conn.execute(counted.group_by(t.quotes.c.person_id))}
    scope = {r.corpus_person_id for r in rows if r.corpus_person_id is not None} if scoped else None
    root_ids = _write_groups(conn, groups, quote_counts, _overrides(fixes, uf), scope, list(by_id))
    refresh_source_people(conn, None if scope is None else scope | set(root_ids.values()))
    return {key: root_ids[uf.find(key)] for key in uf.parent if uf.find(key) in root_ids}


def _without_foreign_offices(by_id: dict, uf: UnionFind, primary: dict[int, str]) -> dict:
    """Full-name entries whose aliases lose an office title inferred from the surname that a
    namesake of another first name holds across the corpus (store/office_aliases.py)."""
    groups: dict[str, list] = defaultdict(list)
    for pid, key in primary.items():
        groups[uf.find(key)].append(by_id[pid])
    return foreign_office_aliases(groups, name_key, surname)


def _group_full_names(rows: list, fixes: corrections.Corrections, uf: UnionFind,
                      primary: dict[int, str]) -> list:
    """Full names (and split labels) into the union-find; returns the one-word rows left over."""
    singles = []
    for row in rows:
        label = fixes.splits.get((row.article_key, name_key(row.name)))
        if label:
            uf.add(label)
            primary[row.id] = label
            continue
        keys = [name_key(row.name)] + [name_key(a) for a in json.loads(row.aliases)]
        full = list(dict.fromkeys(k for k in keys if " " in k))
        if not full:
            singles.append(row)
            continue
        first = full[0]
        uf.add(first)
        primary[row.id] = first
        for key in full[1:]:
            if _same_first(key.split()[0], first.split()[0]):
                uf.add(key)
                uf.union(first, key)
    return singles


def _same_first(a: str, b: str) -> bool:
    """The same first name, or an initial of it ("B. Hussein Obama" written as "Barack Obama")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def without_initials(key: str) -> str:
    """The name key without one-letter middle initials ("vladimir v putin" -> "vladimir putin")."""
    words = key.split()
    end = len(words) - 1
    while end > 1 and words[end] in SUFFIXES:
        end -= 1
    return " ".join([words[0], *(w for w in words[1:end] if len(w) > 1), *words[end:]])


def _join_middle_initials(uf: UnionFind) -> None:
    """A plain full name joins its middle-initial variant when that variant is the only one:
    "Vladimir Putin" + "Vladimir V. Putin", but "George Bush" stays apart from both "George W.
    Bush" and "George H. W. Bush", and two variants never join each other. The variants of a
    name share its surname, so an incremental regroup (closed by surname) sees them all too."""
    variants: dict[str, list[str]] = defaultdict(list)
    for key in uf.parent:
        if " " in key and not key.startswith("split:"):
            plain = without_initials(key)
            if plain != key:
                variants[plain].append(key)
    for plain, keys in sorted(variants.items()):
        if plain in uf.parent and len(keys) == 1:
            uf.union(plain, keys[0])


# Titles that say which of several namesakes a one-word name is ("President Trump"); these do not
COMMON_TITLES = frozenset("mr mrs ms miss mx dr".split())


def _attach_singles(singles: list, by_id: dict, uf: UnionFind, primary: dict[int, str]) -> None:
    """A one-word name joins a full-name group with that surname when its article says which
    (``_choose_root``): a distinctive titled alias one group clearly dominates (``_by_title``), or
    the only group of that surname not already a separate person in the article and not of the
    other gender."""
    members: dict[str, list] = defaultdict(list)
    for pid, key in primary.items():
        members[uf.find(key)].append(by_id[pid])
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in uf.parent:
        if " " in key and not key.startswith("split:"):
            surnames[surname(key)].add(uf.find(key))
    for row in singles:
        token = name_key(row.name) or row.name.lower()
        roots = _choose_root(row, sorted(surnames.get(token, set())), members)
        if len(roots) == 1:
            primary[row.id] = roots[0]
            continue
        own = f"{token}@{row.article_key}"
        uf.add(own)
        primary[row.id] = own


_DOMINANT = 3  # a titled alias settles a one-word name when one group holds it this many times more


def _by_title(row, roots: list[str], members: dict[str, list]) -> list[str]:
    """The group whose entries most often carry the row's distinctive titled alias, when it
    clearly dominates (a stray "President Obama" on Michelle Obama does not make a tie)."""
    titled = _titled(row)
    if not titled or not roots:
        return []
    scores = sorted(((sum(1 for m in members[r] if titled & _titled(m)), r) for r in roots), reverse=True)
    (best, root), (second, _r) = scores[0], (scores + [(0, "")])[1]
    return [root] if best and best >= _DOMINANT * second else []


def _choose_root(row, every: list[str], members: dict[str, list]) -> list[str]:
    """The groups a one-word row may join. A distinctive titled alias ("President Obama") that
    one group of the surname clearly dominates settles it, unless the row's gender is stated by
    words (an honorific, a noun): a gender read from pronouns alone ("she" next to "President
    Obama", about someone else) yields to it, and so does a namesake of the same article that the
    article did not give the office (Barack and Michelle Obama both named, then "President
    Obama"). Otherwise: the groups with no separate person of the row's article and no gender
    stated against the row's, the one dominating its titled alias among them if several."""
    if not _worded_gender(row):
        titled = _by_title(row, every, members)
        if titled:
            return titled
    fitting = [r for r in every if not _in_article(row, members[r]) and _gender_fits(row, members[r])]
    return _by_title(row, fitting, members) if len(fitting) > 1 else fitting


def _in_article(row, members: list) -> bool:
    """A separate person of the row's own article is in the group."""
    return any(m.article_id == row.article_id for m in members)


def _gender_fits(row, members: list) -> bool:
    """No gender stated in the row's text against the group's."""
    gender, _ = _gender_vote(members)
    return row.gender_source != "text" or gender in ("unknown", row.gender)


def _worded_gender(row) -> bool:
    """The row's text states its gender by more than pronouns (an honorific, a noun, a title)."""
    evidence = json.loads(row.gender_evidence or "[]")
    return row.gender_source == "text" and any(label_kind(e) != "pronoun" for e in evidence)


def _titled(row) -> set[str]:
    out = set()
    for alias in [row.name, *json.loads(row.aliases)]:
        words = alias.lower().replace(".", "").split()
        if len(words) > 1 and words[0] in NAME_PREFIXES and words[0] not in COMMON_TITLES:
            out.add(f"{words[0]} {words[-1]}")  # "President Barack Obama" -> "president obama"
    return out


def _apply_merges(uf: UnionFind, merges: list[tuple[str, str]]) -> None:
    for a, b in merges:
        if a in uf.parent and b in uf.parent:
            uf.union(a, b)


def _overrides(fixes: corrections.Corrections, uf: UnionFind) -> dict[str, dict]:
    """Group root -> fields set by hand (name, gender)."""
    out: dict[str, dict] = defaultdict(dict)
    for key, name in fixes.renames.items():
        if key in uf.parent:
            out[uf.find(key)]["name"] = name
    for key, gender in fixes.genders.items():
        if key in uf.parent:
            out[uf.find(key)].update(gender=gender, gender_source="manual" if gender != "unknown" else "none")
    return out


def _apply_reassigns(conn: Connection, reassigns: list[corrections.Reassign], uf: UnionFind,
                     primary: dict[int, str], by_id: dict) -> None:
    """Point each reassigned quote at the article person of the chosen corpus person (or at none)."""
    for fix in reassigns:
        quote_id = conn.execute(
            select(t.quotes.c.id).join(t.articles, t.articles.c.id == t.quotes.c.article_id)
            .where(t.articles.c.key == fix.article_key, t.quotes.c.start_char == fix.start,
                   t.quotes.c.end_char == fix.end)).scalar()
        if quote_id is None:
            continue  # the article changed and the quote is gone: nothing to correct
        values: dict = {"person_id": None, "organization_id": None}
        if fix.to_key is None:
            values["speaker_name"] = None
        else:
            root = uf.find(fix.to_key) if fix.to_key in uf.parent else None
            pid = next((pid for pid, key in primary.items() if root and uf.find(key) == root
                        and by_id[pid].article_key == fix.article_key), None)
            if pid is None:
                continue
            values["person_id"] = pid
        conn.execute(update(t.quotes).where(t.quotes.c.id == quote_id).values(values))


def _group_record(members: list, quote_counts: dict[int, int], override: dict) -> dict:
    people = [r for _key, r in members]
    # the key most entries are named by; one-word entries carry the union-find root, which is
    # only the smallest key ("b hussein obama"), so they count only when no entry is named by its key
    key_counts = Counter(key for key, r in members if name_key(r.name) == key) or Counter(k for k, _r in members)
    key = min(key_counts, key=lambda k: (-key_counts[k], -len(k), k))
    # the name is one whose own key is the group's ("Donald Trump", not an attached "Trump")
    names = Counter(r.name for key_, r in members if key_ == key and name_key(r.name) == key)
    name = min(names, key=lambda n: (-names[n], n)) if names else people[0].name
    name = override.get("name", name)
    aliases = Counter(a for r in people for a in [r.name, *json.loads(r.aliases)] if a != name)
    roles = Counter(role for r in people for role in json.loads(r.roles))
    gender, source = _gender_vote(people)
    return {
        "key": key, "name": name,
        "aliases": json.dumps([a for a, _n in aliases.most_common(20)], ensure_ascii=False),
        "roles": json.dumps([r for r, _n in roles.most_common(10)], ensure_ascii=False),
        "gender": override.get("gender", gender), "gender_source": override.get("gender_source", source),
        "article_count": len({r.article_id for r in people}),
        "quote_count": sum(quote_counts.get(r.id, 0) for r in people),
        "_members": [r.id for r in people],
    }


def _write_groups(conn: Connection, groups: dict[str, list], quote_counts: dict[int, int],
                  overrides: dict[str, dict], scope: set[int] | None, member_ids: list[int]) -> dict[str, int]:
    roots = list(groups)
    records = [_group_record(groups[root], quote_counts, overrides.get(root, {})) for root in roots]
    ids = write_grouped(conn, t.corpus_people, t.people.c.corpus_person_id, records,
                        scope, member_ids if scope is not None else None)
    return dict(zip(roots, ids, strict=True))


def write_grouped(conn: Connection, corpus: Table, member_fk: Column, records: list[dict],
                  scope: set[int] | None = None, member_ids: list[int] | None = None) -> list[int]:
    """Write corpus groups over the stored ones (same key, same id), point their members (ids in
    ``_members``) at them, clear members of no group, drop groups gone; returns the ids in order.

    ``scope``/``member_ids``: only these groups and members were regrouped (None: all of them).
    """
    stored = select(corpus.c.key, corpus.c.id)
    if scope is not None:
        stored = stored.where(or_(corpus.c.key.in_([r["key"] for r in records]), corpus.c.id.in_(scope)))
    existing = dict(conn.execute(stored).all())
    old = [r for r in records if r["key"] in existing]
    if old:
        conn.execute(update(corpus).where(corpus.c.id == bindparam("cid"))
                     .values({k: bindparam(k) for k in _fields(old[0]) if k != "key"}),
                     [{**_fields(r), "cid": existing[r["key"]]} for r in old])
    new = [r for r in records if r["key"] not in existing]
    if new:
        ids = conn.execute(insert(corpus).returning(corpus.c.id, sort_by_parameter_order=True),
                           [_fields(r) for r in new]).scalars().all()
        existing.update({r["key"]: i for r, i in zip(new, ids, strict=True)})
    members = member_fk.table
    stmt = select(members.c.id, member_fk).where(member_fk.is_not(None))
    if member_ids is not None:
        stmt = stmt.where(members.c.id.in_(member_ids))
    current = dict(conn.execute(stmt).all())
    wanted = {mid: existing[r["key"]] for r in records for mid in r["_members"]}
    changes = [{"mid": mid, "cid": cid} for mid, cid in wanted.items() if current.get(mid) != cid]
    changes += [{"mid": mid, "cid": None} for mid in current if mid not in wanted]
    if changes:
        conn.execute(update(members).where(members.c.id == bindparam("mid"))
                     .values({member_fk.name: bindparam("cid")}), changes)
    used = {existing[r["key"]] for r in records}
    stale = [cid for cid in existing.values() if cid not in used and (scope is None or cid in scope)]
    if stale:
        conn.execute(delete(corpus).where(corpus.c.id.in_(stale)))
    return [existing[r["key"]] for r in records]


def _fields(record: dict) -> dict:
    return {k: v for k, v in record.items() if not k.startswith("_")}


