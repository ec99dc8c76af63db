"""Organisations across articles: article organisations grouped into corpus organisations.

Rules:
- Names are compared as keys: lower case, no accents or punctuation, no leading "the" or
  possessive, the last word singular and a trailing "party" dropped, so "the Republicans",
  "Republican" and "Republican Party" are one key.
- Names that stand for one organisation whatever the article (``ORG_ALIASES`` in lexicon.py:
  "GOP", "Grand Old Party" -> "Republican Party") take the key of the name they stand for.
- The names an article gives one organisation (its aliases: "GOP" for "the Grand Old Party
  (GOP)") are one corpus organisation everywhere: the article's text says they are the same.
- An acronym ("FBI") joins the one multi-word name in the corpus whose initials it is, and
  stays apart when several fit.
- ``orgs merge`` corrections (the ``corrections`` table, by key) are re-applied by every rebuild.

An ingest regroups incrementally: the new article organisations and the closed set of those
reachable from them through keys, initials, corpus groups and merge corrections (found through
the ``organization_keys`` index), with the same code as a full regroup, which gives the same
groups (tested); every other corpus organisation stays as it is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.engine import Connection

from ..lexicon import ORG_ALIASES
from ..wordforms import singular
from . import corrections
from . import schema as t
from .merge import UnionFind, write_grouped

_PUNCT = re.compile(r"[.,()\"“”‘’!?]|'s$|’s$")
_MINOR = frozenset("of the and for in on at to de la".split())


def _form_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in (_PUNCT.sub("", w) for w in text.split()) if w]
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    if len(words) > 1 and words[-1] == "party":
        words.pop()
    if words:
        words[-1] = singular(words[-1])
    return " ".join(words)


@cache
def _alias_keys() -> dict[str, str]:
    return {_form_key(alias): _form_key(name) for alias, name in ORG_ALIASES.items()}


def org_key(name: str) -> str:
    key = _form_key(name)
    return _alias_keys().get(key, key)


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _MINOR)


def _group(rows: Sequence, merges: list[tuple[str, str]]) -> tuple[UnionFind, dict[int, str]]:
    uf = UnionFind()
    primary: dict[int, str] = {}
    for row in rows:
        keys = _keys(row)
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


_COLUMNS = (t.organizations.c.id, t.organizations.c.name, t.organizations.c.aliases, t.organizations.c.article_id,
            t.organizations.c.corpus_organization_id)


def _keys(row) -> list[str]:
    return [k for k in dict.fromkeys([org_key(row.name)] + [org_key(a) for a in json.loads(row.aliases)]) if k]


def rebuild_corpus_organizations(conn: Connection) -> dict[str, int]:
    """Regroup every article organisation; returns every key -> its corpus organisation id."""
    rows = conn.execute(select(*_COLUMNS).order_by(t.organizations.c.id)).all()
    conn.execute(delete(t.organization_keys))
    _index_keys(conn, rows)
    return _regroup(conn, rows, scoped=False)


def update_corpus_organizations(conn: Connection) -> dict[str, int]:
    """Group the article organisations in no corpus organisation yet, with every one they can
    join or change; returns the regrouped keys -> their corpus organisation ids."""
    pending = conn.execute(select(*_COLUMNS).where(t.organizations.c.corpus_organization_id.is_(None))).all()
    if not pending:
        return {}
    _index_keys(conn, pending)
    return _regroup(conn, _closure(conn, pending), scoped=True)


def _index_keys(conn: Connection, rows: Sequence) -> None:
    values = [{"organization_id": r.id, "key": key, "initials": initials(key) if " " in key else None}
              for r in rows for key in _keys(r)]
    if values:
        conn.execute(insert(t.organization_keys), values)


def _closure(conn: Connection, pending: Sequence) -> Sequence:
    """The pending rows and every row reachable from their keys: the same key, a multi-word key
    whose initials a one-word key is (or the reverse), the same corpus group, a merge correction."""
    merges = corrections.load(conn).org_merges
    ok = t.organization_keys
    ids = {r.id for r in pending}
    todo = {k for r in pending for k in _keys(r)}
    seen: set[str] = set()
    while todo:
        seen |= todo
        words = sorted(todo)
        found = set(conn.execute(select(ok.c.organization_id).where(or_(
            ok.c.key.in_(words), ok.c.initials.in_(words),
            ok.c.key.in_(sorted({initials(k) for k in todo if " " in k}))))).scalars())
        groups = select(t.organizations.c.corpus_organization_id).where(
            t.organizations.c.id.in_(sorted(found)), t.organizations.c.corpus_organization_id.is_not(None))
        found |= set(conn.execute(select(t.organizations.c.id)
                                  .where(t.organizations.c.corpus_organization_id.in_(groups))).scalars())
        new = sorted(found - ids)
        ids |= found
        keys = set(conn.execute(select(ok.c.key).where(ok.c.organization_id.in_(new))).scalars())
        keys |= {b for a, b in merges if a in keys | seen} | {a for a, b in merges if b in keys | seen}
        todo = keys - seen
    return conn.execute(select(*_COLUMNS).where(t.organizations.c.id.in_(sorted(ids)))
                        .order_by(t.organizations.c.id)).all()


def _regroup(conn: Connection, rows: Sequence, scoped: bool) -> dict[str, int]:
    uf, primary = _group(rows, corrections.load(conn).org_merges)
    by_id = {r.id: r for r in rows}
    groups: dict[str, list] = defaultdict(list)
    for oid, key in primary.items():
        groups[uf.find(key)].append((key, by_id[oid]))
    counted = (select(t.quotes.c.organization_id, func.count()).where(t.quotes.c.organization_id.is_not(None))
               .group_by(t.quotes.c.organization_id))
    if scoped:
        counted = counted.where(t.quotes.c.organization_id.in_(list(by_id)))
    quote_counts: dict[int, int] = {oid: n for oid, n in conn.execute(counted)}
    scope = {r.corpus_organization_id for r in rows if r.corpus_organization_id is not None} if scoped else None
    root_ids = _write(conn, groups, quote_counts, scope, list(by_id) if scoped else None)
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


def _write(conn: Connection, groups: dict[str, list], quote_counts: dict[int, int], scope: set[int] | None,
           member_ids: list[int] | None) -> dict[str, int]:
    roots = list(groups)
    records = [_record(groups[root], quote_counts) for root in roots]
    ids = write_grouped(conn, t.corpus_organizations, t.organizations.c.corpus_organization_id, records,
                        scope, member_ids)
    return dict(zip(roots, ids, strict=True))
