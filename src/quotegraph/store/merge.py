"""People across articles: article people grouped into corpus people, conservatively.

Rules (wrong merges are worse than missed ones, since statistics count corpus people):
- Full names (two or more words) are compared after normalising case, accents, punctuation
  and leading honorifics/titles ("Sen.", "Mrs", "President"): equal keys are one person.
  Suffixes stay ("Donald Trump Jr." is not "Donald Trump").
- An article person's multi-word aliases join its name's group only when they share its first
  name, so a bad cluster inside one article cannot tie two first names together corpus-wide.
- A one-word entry ("Clinton") joins a full-name group only when exactly one group in the
  corpus has that surname and their genders do not contradict; otherwise it stays its own
  corpus person, one per article.
- Corrections (``people merge`` / ``people split``) are stored by name key and article key,
  so they are re-applied by every rebuild, whatever ids the rows get.

The rebuild is deterministic (inputs sorted) so the same articles always give the same groups.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict

from sqlalchemy import bindparam, delete, func, insert, select, update

from ..lexicon import NAME_PREFIXES
from . import schema as t
from .db import now

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


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def _surname(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words[-1]


class _UnionFind:
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


def rebuild_corpus_people(conn) -> int:
    """Group every article person into corpus people; returns how many corpus people exist."""
    rows = conn.execute(
        select(t.people.c.id, t.people.c.local_id, t.people.c.name, t.people.c.aliases, t.people.c.roles,
               t.people.c.gender, t.people.c.gender_source, t.people.c.corpus_person_id,
               t.people.c.article_id, t.articles.c.key.label("article_key"))
        .join(t.articles, t.articles.c.id == t.people.c.article_id)
    ).all()
    rows.sort(key=lambda r: (r.article_key, r.local_id, r.id))
    corrections = conn.execute(select(t.person_corrections).order_by(t.person_corrections.c.id)).all()
    splits = {(c.article_key, c.person_name): c.split_group for c in corrections if c.action == "split"}
    merges = [(c.key, c.other_key) for c in corrections if c.action == "merge"]

    uf = _UnionFind()
    primary: dict[int, str] = {}
    single: list = []
    for row in rows:
        label = splits.get((row.article_key, name_key(row.name)))
        if label:
            uf.add(label)
            primary[row.id] = label
            continue
        keys = [name_key(row.name)] + [name_key(a) for a in json.loads(row.aliases)]
        full = list(dict.fromkeys(k for k in keys if " " in k))
        if not full:
            single.append(row)
            continue
        first = full[0]
        uf.add(first)
        primary[row.id] = first
        for key in full[1:]:
            if key.split()[0] == first.split()[0]:
                uf.add(key)
                uf.union(first, key)
    _apply_merges(uf, merges)

    # one-word names: attach to the only full-name group with that surname, if any
    by_id = {r.id: r for r in rows}
    group_members: dict[str, list] = defaultdict(list)
    for pid, key in primary.items():
        group_members[uf.find(key)].append(by_id[pid])
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in uf.parent:
        if " " in key and not key.startswith("split:"):
            surnames[_surname(key)].add(uf.find(key))
    for row in single:
        token = name_key(row.name) or row.name.lower()
        roots = surnames.get(token, set())
        if len(roots) == 1:
            root = next(iter(roots))
            gender, _ = _gender_vote(group_members[root])
            if row.gender_source != "text" or gender in ("unknown", row.gender):
                primary[row.id] = root
                continue
        own = f"{token}@{row.article_key}"
        uf.add(own)
        primary[row.id] = own
    _apply_merges(uf, merges)

    groups: dict[str, list] = defaultdict(list)
    for pid, key in primary.items():
        groups[uf.find(key)].append((key, by_id[pid]))
    quote_counts = dict(conn.execute(
        select(t.quotes.c.person_id, func.count()).where(t.quotes.c.person_id.is_not(None))
        .group_by(t.quotes.c.person_id)).all())
    return _write_groups(conn, groups, quote_counts)


def _apply_merges(uf: _UnionFind, merges: list[tuple[str, str]]) -> None:
    for a, b in merges:
        if a in uf.parent and b in uf.parent:
            uf.union(a, b)


def _write_groups(conn, groups: dict[str, list], quote_counts: dict[int, int]) -> int:
    existing = dict(conn.execute(select(t.corpus_people.c.key, t.corpus_people.c.id)).all())
    current = {r.id: r.corpus_person_id for _root, members in groups.items() for _k, r in members}
    records = []
    for members in groups.values():
        people = [r for _key, r in members]
        key_counts = Counter(key for key, _r in members)
        key = min(key_counts, key=lambda k: (-key_counts[k], -len(k), k))
        names = Counter(r.name for key_, r in members if key_ == key)
        name = min(names, key=lambda n: (-names[n], n)) if names else people[0].name
        aliases = Counter(a for r in people for a in [r.name, *json.loads(r.aliases)] if a != name)
        roles = Counter(role for r in people for role in json.loads(r.roles))
        gender, source = _gender_vote(people)
        records.append({
            "key": key, "name": name,
            "aliases": json.dumps([a for a, _n in aliases.most_common(20)], ensure_ascii=False),
            "roles": json.dumps([r for r, _n in roles.most_common(10)], ensure_ascii=False),
            "gender": gender, "gender_source": source,
            "article_count": len({r.article_id for r in people}),
            "quote_count": sum(quote_counts.get(r.id, 0) for r in people),
            "_people": [r.id for r in people],
        })
    new = [r for r in records if r["key"] not in existing]
    old = [r for r in records if r["key"] in existing]
    if old:
        conn.execute(update(t.corpus_people).where(t.corpus_people.c.id == bindparam("cid")),
                     [{**_fields(r), "cid": existing[r["key"]]} for r in old])
    if new:
        ids = conn.execute(insert(t.corpus_people).returning(t.corpus_people.c.id, sort_by_parameter_order=True),
                           [_fields(r) for r in new]).scalars().all()
        existing.update({r["key"]: i for r, i in zip(new, ids)})
    changes = [{"pid": pid, "cid": existing[r["key"]]} for r in records for pid in r["_people"]
               if current.get(pid) != existing[r["key"]]]
    if changes:
        conn.execute(update(t.people).where(t.people.c.id == bindparam("pid"))
                     .values(corpus_person_id=bindparam("cid")), changes)
    used = {existing[r["key"]] for r in records}
    stale = [cid for cid in existing.values() if cid not in used]
    if stale:
        conn.execute(delete(t.corpus_people).where(t.corpus_people.c.id.in_(stale)))
    return len(records)


def _fields(record: dict) -> dict:
    return {k: v for k, v in record.items() if not k.startswith("_")}


# --- corrections --------------------------------------------------------------------------

class CorrectionError(ValueError):
    pass


def merge_people(conn, first_id: int, second_id: int) -> int:
    """Record that two corpus people are one, rebuild, and return the merged corpus person's id."""
    keys = dict(conn.execute(select(t.corpus_people.c.id, t.corpus_people.c.key)
                             .where(t.corpus_people.c.id.in_([first_id, second_id]))).all())
    for cid in (first_id, second_id):
        if cid not in keys:
            raise CorrectionError(f"no corpus person with id {cid}")
    if first_id == second_id:
        raise CorrectionError("cannot merge a person with itself")
    conn.execute(insert(t.person_corrections), {"action": "merge", "key": keys[first_id],
                                                "other_key": keys[second_id], "created_at": now()})
    rebuild_corpus_people(conn)
    return _corpus_id_of_key(conn, keys[first_id], keys[second_id])


def split_person(conn, corpus_id: int, article_ids: list[int]) -> int:
    """Move the given articles' entries of a corpus person into a new corpus person of their own.

    Returns the new corpus person's id.
    """
    key = conn.execute(select(t.corpus_people.c.key).where(t.corpus_people.c.id == corpus_id)).scalar()
    if key is None:
        raise CorrectionError(f"no corpus person with id {corpus_id}")
    members = conn.execute(
        select(t.people.c.name, t.people.c.article_id, t.articles.c.key.label("article_key"))
        .join(t.articles, t.articles.c.id == t.people.c.article_id)
        .where(t.people.c.corpus_person_id == corpus_id)
    ).all()
    chosen = [m for m in members if m.article_id in set(article_ids)]
    missing = set(article_ids) - {m.article_id for m in chosen}
    if missing:
        raise CorrectionError(f"corpus person {corpus_id} has no entry in article(s) {sorted(missing)}")
    if len({m.article_id for m in members}) == len({m.article_id for m in chosen}):
        raise CorrectionError("a split must leave at least one article with the original person")
    number = (conn.execute(select(func.count()).select_from(t.person_corrections)).scalar_one() or 0) + 1
    label = f"split:{number}:{name_key(chosen[0].name)}"
    conn.execute(insert(t.person_corrections), [
        {"action": "split", "key": key, "article_key": m.article_key, "person_name": name_key(m.name),
         "split_group": label, "created_at": now()} for m in chosen])
    rebuild_corpus_people(conn)
    return conn.execute(select(t.people.c.corpus_person_id)
                        .join(t.articles, t.articles.c.id == t.people.c.article_id)
                        .where(t.articles.c.key == chosen[0].article_key,
                               t.people.c.name == chosen[0].name)).scalars().first()


def _corpus_id_of_key(conn, *keys: str) -> int:
    # the merged group keeps the key of whichever side has more entries
    return conn.execute(select(t.corpus_people.c.id).where(t.corpus_people.c.key.in_(keys))).scalars().first()
