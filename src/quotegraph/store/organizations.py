"""Organisations across articles: article organisations grouped into corpus organisations.

Rules:
- Names are compared as keys: lower case, no accents or punctuation, no leading "the" or
  possessive, the last word singular and a trailing "party" dropped, so "the Republicans",
  "Republican" and "Republican Party" are one key.
- The names an article gives one organisation (its aliases: "GOP" for "the Republican Party")
  are one corpus organisation everywhere: the article's text says they are the same.
- An acronym ("FBI") joins the one multi-word name in the corpus whose initials it is, and
  stays apart when several fit.
- ``orgs merge`` corrections (the ``corrections`` table, by key) are re-applied by every rebuild.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import corrections
from . import schema as t
from .merge import UnionFind, write_grouped

_PUNCT = re.compile(r"[.,()\"“”‘’!?]|'s$|’s$")
_MINOR = frozenset("of the and for in on at to de la".split())


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def org_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in (_PUNCT.sub("", w) for w in text.split()) if w]
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    if len(words) > 1 and words[-1] == "party":
        words.pop()
    if words:
        words[-1] = _singular(words[-1])
    return " ".join(words)


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _MINOR)


def _group(rows: Sequence, merges: list[tuple[str, str]]) -> tuple[UnionFind, dict[int, str]]:
    uf = UnionFind()
    primary: dict[int, str] = {}
    for row in rows:
        keys = [k for k in dict.fromkeys([org_key(row.name)] + [org_key(a) for a in json.loads(row.aliases)]) if k]
        if not keys:
            continue
        primary[row.id] = keys[0]
        for key in keys:
            uf.add(key)
            uf.union(keys[0], key)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in uf.parent:
        if " " in key:
            by_initials[initials(key)].add(uf.find(key))
    for key in list(uf.parent):
        roots = by_initials.get(key, set()) if " " not in key else set()
        if len(roots) == 1:
            uf.union(key, next(iter(roots)))
    for a, b in merges:
        if a in uf.parent and b in uf.parent:
            uf.union(a, b)
    return uf, primary


def rebuild_corpus_organizations(conn: Connection) -> dict[str, int]:
    """Regroup every article organisation; returns every key -> its corpus organisation id."""
    rows = conn.execute(select(t.organizations.c.id, t.organizations.c.name, t.organizations.c.aliases,
                               t.organizations.c.article_id, t.organizations.c.corpus_organization_id)
                        .order_by(t.organizations.c.id)).all()
    uf, primary = _group(rows, corrections.load(conn).org_merges)
    by_id = {r.id: r for r in rows}
    groups: dict[str, list] = defaultdict(list)
    for oid, key in primary.items():
        groups[uf.find(key)].append((key, by_id[oid]))
    quote_counts: dict[int, int] = {oid: n for oid, n in conn.execute(
        select(t.quotes.c.organization_id, func.count()).where(t.quotes.c.organization_id.is_not(None))
        .group_by(t.quotes.c.organization_id))}
    root_ids = _write(conn, groups, quote_counts)
    return {key: root_ids[uf.find(key)] for key in uf.parent if uf.find(key) in root_ids}


def _record(members: list, quote_counts: dict[int, int]) -> dict:
    keys = Counter(key for key, _r in members)
    key = min(keys, key=lambda k: (-keys[k], -len(k), k))
    names = Counter(r.name for _k, r in members)
    name = min(names, key=lambda n: (-names[n], -len(n), n))
    aliases = Counter(a for _k, r in members for a in [r.name, *json.loads(r.aliases)] if a != name)
    return {"key": key, "name": name,
            "aliases": json.dumps([a for a, _n in aliases.most_common(20)], ensure_ascii=False),
            "article_count": len({r.article_id for _k, r in members}),
            "quote_count": sum(quote_counts.get(r.id, 0) for _k, r in members),
            "_members": [r.id for _k, r in members]}


def _write(conn: Connection, groups: dict[str, list], quote_counts: dict[int, int]) -> dict[str, int]:
    roots = list(groups)
    records = [_record(groups[root], quote_counts) for root in roots]
    ids = write_grouped(conn, t.corpus_organizations, t.organizations.c.corpus_organization_id, records)
    return dict(zip(roots, ids, strict=True))
