"""Incremental corpus people: new articles' people join the corpus without reading all of it.

A new article person can only join, or change, corpus people whose names share a surname with
one of its names (full names group by name key, one-word names by surname, see merge.py). So
the update regroups the closed set of article people reachable from the new ones through
surnames, corpus groups and merge corrections, with the same code and order as a full rebuild,
and leaves every other corpus person untouched: the cost follows the names involved, not the
size of the corpus. ``person_keys`` indexes every article person's surnames for this.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.engine import Connection

from . import corrections
from . import schema as t
from .merge import group_people, name_key, people_rows, rebuild_corpus_people, surname


def surnames(name: str, aliases: list[str]) -> set[str]:
    return {surname(k) for k in (name_key(n) for n in [name, *aliases]) if k}


def index_surnames(conn: Connection, rows: list, every: bool = False) -> None:
    """Record the surnames of article people that have none recorded yet (``every``: ``rows``
    are all the article people, and the index is written afresh)."""
    if every:
        conn.execute(delete(t.person_keys))
        known: set[int] = set()
    else:
        known = set(conn.execute(select(t.person_keys.c.person_id).distinct()
                                 .where(t.person_keys.c.person_id.in_([r.id for r in rows]))).scalars())
    values = [{"person_id": r.id, "surname": s} for r in rows if r.id not in known
              for s in sorted(surnames(r.name, json.loads(r.aliases)))]
    if values:
        conn.execute(insert(t.person_keys), values)


def _closure(conn: Connection, pending: list, merges: list[tuple[str, str]]) -> list:
    """The pending article people and every one reachable from their surnames."""
    start = set().union(*(surnames(r.name, json.loads(r.aliases)) for r in pending))
    seen_names: set[str] = set()
    seen_groups: set[int] = set()
    ids: set[int] = {r.id for r in pending}
    todo_names: set[str] = set(start)
    todo_groups: set[int] = set()
    while todo_names or todo_groups:
        seen_names |= todo_names
        seen_groups |= todo_groups
        found = set(conn.execute(select(t.person_keys.c.person_id)
                                 .where(t.person_keys.c.surname.in_(sorted(todo_names)))).scalars())
        found |= set(conn.execute(select(t.people.c.id)
                                  .where(t.people.c.corpus_person_id.in_(sorted(todo_groups)))).scalars())
        new = sorted(found - ids)
        ids |= found
        rows = conn.execute(select(t.people.c.corpus_person_id).where(t.people.c.id.in_(new))).scalars()
        todo_groups = {g for g in rows if g is not None} - seen_groups
        names = set(conn.execute(select(t.person_keys.c.surname).where(t.person_keys.c.person_id.in_(new))).scalars())
        names |= {surname(b) for a, b in merges if surname(a) in names} | {
            surname(a) for a, b in merges if surname(b) in names}
        todo_names = names - seen_names
    return people_rows(conn, t.people.c.id.in_(sorted(ids)))


def affected_people(conn: Connection) -> list:
    """The article people an incremental update regroups: those in no corpus person yet, and every
    one reachable from them by surname, corpus person or merge correction (their surnames indexed)."""
    pending = people_rows(conn, t.people.c.corpus_person_id.is_(None))
    if not pending:
        return []
    index_surnames(conn, pending)
    return _closure(conn, pending, corrections.load(conn).merges)


def update_corpus_people(conn: Connection) -> int:
    """Group the article people not yet in a corpus person; returns how many corpus people exist."""
    if not conn.execute(select(exists().where(t.person_keys.c.id.is_not(None)))).scalar() and \
            conn.execute(select(exists().where(t.people.c.id.is_not(None)))).scalar():
        return rebuild_corpus_people(conn)  # a corpus from before person_keys: index it all once
    rows = affected_people(conn)
    if rows:
        group_people(conn, rows)
    return conn.execute(select(func.count()).select_from(t.corpus_people)).scalar_one()
