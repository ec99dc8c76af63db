"""Corrections of the corpus: a log of what an editor changed, re-applied by every rebuild.

Each correction names what it changes by name key and article key (never by row id, which a
re-ingest changes): a corpus person is found again as the group holding its key, a quote as the
quote at the same offsets of the same article. The ``corrections`` table keeps who made each
correction, when and why; ``rebuild_corpus_people`` and ``rebuild_corpus_organizations`` read it.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from . import schema as t
from .db import now

GENDERS = ("female", "male", "unknown")
ACTIONS = ("merge", "split", "rename", "delete", "gender", "reassign", "org-merge")


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown id, a merge with itself...)."""


@dataclass(frozen=True)
class Reassign:
    article_key: str
    start: int
    end: int
    to_key: str | None  # None: the quote has no speaker


@dataclass
class Corrections:
    """The log, read for a rebuild."""

    merges: list[tuple[str, str]] = field(default_factory=list)
    splits: dict[tuple[str, str], str] = field(default_factory=dict)  # (article key, name key) -> group
    renames: dict[str, str] = field(default_factory=dict)  # key -> name (the latest wins)
    deletes: set[str] = field(default_factory=set)
    genders: dict[str, str] = field(default_factory=dict)
    reassigns: list[Reassign] = field(default_factory=list)
    org_merges: list[tuple[str, str]] = field(default_factory=list)


def load(conn: Connection) -> Corrections:
    out = Corrections()
    for c in conn.execute(select(t.corrections).order_by(t.corrections.c.id)):
        if c.action == "merge":
            out.merges.append((c.key, c.other_key))
        elif c.action == "split":
            out.splits[(c.article_key, c.person_name)] = c.value
        elif c.action == "rename":
            out.renames[c.key] = c.value
        elif c.action == "delete":
            out.deletes.add(c.key)
        elif c.action == "gender":
            out.genders[c.key] = c.value
        elif c.action == "reassign":
            out.reassigns.append(Reassign(c.article_key, c.quote_start, c.quote_end, c.other_key))
        elif c.action == "org-merge":
            out.org_merges.append((c.key, c.other_key))
    return out


def default_author() -> str:
    """Who corrects: ``QUOTEGRAPH_USER``, else the login name."""
    try:
        return os.environ.get("QUOTEGRAPH_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "unknown"


def record(conn: Connection, action: str, note: str | None = None, author: str | None = None,
           **fields: object) -> None:
    if action not in ACTIONS:
        raise CorrectionError(f"unknown correction {action!r}")
    conn.execute(insert(t.corrections), {"action": action, "note": note, "author": author or default_author(),
                                         "created_at": now(), **fields})


def history(conn: Connection) -> list[dict]:
    """Every correction, oldest first."""
    return [dict(r._mapping) for r in conn.execute(select(t.corrections).order_by(t.corrections.c.id))]


def person_key(conn: Connection, corpus_id: int) -> str:
    key = conn.execute(select(t.corpus_people.c.key).where(t.corpus_people.c.id == corpus_id)).scalar()
    if key is None:
        raise CorrectionError(f"no corpus person with id {corpus_id}")
    return key


def split_label(conn: Connection, name: str) -> str:
    from .merge import name_key

    number = (conn.execute(select(func.count()).select_from(t.corrections)).scalar_one() or 0) + 1
    return f"split:{number}:{name_key(name)}"


# --- the corrections an editor makes; each is logged, then the corpus is rebuilt -----------

@dataclass(frozen=True)
class Note:
    """Who makes a correction and why (both optional; the author defaults to the login name)."""

    note: str | None = None
    author: str | None = None


def _rebuild(conn: Connection) -> dict[str, int]:
    from .merge import group_people

    return group_people(conn)


def merge_people(conn: Connection, first_id: int, second_id: int, why: Note = Note()) -> int:
    """Record that two corpus people are one, rebuild, and return the merged corpus person's id."""
    if first_id == second_id:
        raise CorrectionError("cannot merge a person with itself")
    first, second = person_key(conn, first_id), person_key(conn, second_id)
    record(conn, "merge", why.note, why.author, key=first, other_key=second)
    return _rebuild(conn)[first]


def split_person(conn: Connection, corpus_id: int, article_ids: list[int], why: Note = Note()) -> int:
    """Move the given articles' entries of a corpus person into a new corpus person of their own.

    Returns the new corpus person's id.
    """
    from .merge import name_key

    key = person_key(conn, corpus_id)
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
    label = split_label(conn, chosen[0].name)
    for m in chosen:
        record(conn, "split", why.note, why.author, key=key, article_key=m.article_key,
               person_name=name_key(m.name), value=label)
    return _rebuild(conn)[label]


def rename_person(conn: Connection, corpus_id: int, name: str, why: Note = Note()) -> int:
    if not name.strip():
        raise CorrectionError("a name cannot be empty")
    key = person_key(conn, corpus_id)
    record(conn, "rename", why.note, why.author, key=key, value=name.strip())
    return _rebuild(conn)[key]


def delete_person(conn: Connection, corpus_id: int, why: Note = Note()) -> None:
    """Not a person (a headline fragment, a pronoun...): out of the corpus people and statistics;
    its quotes keep their text and stay searchable, with no corpus person."""
    record(conn, "delete", why.note, why.author, key=person_key(conn, corpus_id))
    _rebuild(conn)


def set_gender(conn: Connection, corpus_id: int, gender: str, why: Note = Note()) -> int:
    if gender not in GENDERS:
        raise CorrectionError(f"gender must be one of {', '.join(GENDERS)}")
    key = person_key(conn, corpus_id)
    record(conn, "gender", why.note, why.author, key=key, value=gender)
    return _rebuild(conn)[key]


def reassign_quote(conn: Connection, quote_id: int, to: int | None, why: Note = Note()) -> None:
    """Give a quote to another corpus person (one who appears in its article), or to nobody."""
    quote = conn.execute(
        select(t.quotes.c.start_char, t.quotes.c.end_char, t.quotes.c.article_id, t.articles.c.key)
        .join(t.articles, t.articles.c.id == t.quotes.c.article_id).where(t.quotes.c.id == quote_id)).first()
    if quote is None:
        raise CorrectionError(f"no quote with id {quote_id}")
    to_key = None
    if to is not None:
        to_key = person_key(conn, to)
        present = conn.execute(select(t.people.c.id).where(t.people.c.article_id == quote.article_id,
                                                           t.people.c.corpus_person_id == to)).first()
        if present is None:
            raise CorrectionError(f"corpus person {to} does not appear in the quote's article {quote.article_id}")
    record(conn, "reassign", why.note, why.author, article_key=quote.key, quote_start=quote.start_char,
           quote_end=quote.end_char, other_key=to_key)
    _rebuild(conn)


def merge_organizations(conn: Connection, first_id: int, second_id: int, why: Note = Note()) -> int:
    """Record that two corpus organisations are one; returns the merged one's id."""
    from .organizations import rebuild_corpus_organizations

    if first_id == second_id:
        raise CorrectionError("cannot merge an organisation with itself")
    keys = dict(conn.execute(select(t.corpus_organizations.c.id, t.corpus_organizations.c.key)
                             .where(t.corpus_organizations.c.id.in_([first_id, second_id]))).all())
    for oid in (first_id, second_id):
        if oid not in keys:
            raise CorrectionError(f"no corpus organisation with id {oid}")
    record(conn, "org-merge", why.note, why.author, key=keys[first_id], other_key=keys[second_id])
    return rebuild_corpus_organizations(conn)[keys[first_id]]
