"""Store each quote's targets (about, addressee) and said_on; query what was said about whom."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, insert, or_, select

from . import schema as t
from .about_tables import quote_said_on, quote_targets


def write_quote_extras(conn: Connection, article_id: int, result: dict) -> None:
    """Rows for the about/addressee targets and said_on of one article's stored quotes."""
    quote_ids = dict(conn.execute(select(t.quotes.c.local_id, t.quotes.c.id)
                                  .where(t.quotes.c.article_id == article_id)).all())
    owners = _owners(conn, article_id)
    targets, said_on = [], []
    for quote in result["quotes"]:
        quote_id = quote_ids.get(quote["id"])
        if quote_id is None:
            continue
        roles = [("about", target) for target in quote.get("about") or []]
        if quote.get("addressee"):
            roles.append(("addressee", quote["addressee"]))
        targets += [_target_row(article_id, quote_id, role, target, owners) for role, target in roles]
        if quote.get("said_on"):
            s = quote["said_on"]
            span = s.get("span") or {}
            said_on.append({"quote_id": quote_id, "value": s["value"], "basis": s["basis"],
                            "start_char": span.get("start"), "end_char": span.get("end")})
    if targets:
        conn.execute(insert(quote_targets), targets)
    if said_on:
        conn.execute(insert(quote_said_on), said_on)


def _owners(conn: Connection, article_id: int) -> dict[str, tuple[str, int]]:
    owners = {local: ("person_id", pk) for local, pk in conn.execute(
        select(t.people.c.local_id, t.people.c.id).where(t.people.c.article_id == article_id))}
    owners.update({local: ("organization_id", pk) for local, pk in conn.execute(
        select(t.organizations.c.local_id, t.organizations.c.id).where(t.organizations.c.article_id == article_id))})
    return owners


def _target_row(article_id: int, quote_id: int, role: str, target: dict, owners: dict) -> dict:
    owner = owners.get(target["entity_id"] or "")
    row = {"quote_id": quote_id, "article_id": article_id, "role": role, "person_id": None,
           "organization_id": None, "local_id": target["entity_id"], "name": target["name"],
           "start_char": target["span"]["start"], "end_char": target["span"]["end"],
           "evidence": target["evidence"]}
    if owner:
        row[owner[0]] = owner[1]
    return row


@dataclass(frozen=True)
class SaidAbout:
    """One quote about a person: who said it, what, where and when."""

    speaker: str | None
    text: str
    article: str
    title: str | None
    outlet: str | None
    said_on: str | None
    evidence: str


def said_about(conn: Connection, name: str, limit: int | None = None) -> list[SaidAbout]:
    """Quotes whose ``about`` holds a person or organisation of this name (case-insensitive:
    the target's name, its article entity's name or its corpus person's name contains it)."""
    like = name.lower()
    corpus = select(t.corpus_people.c.id).where(func.lower(t.corpus_people.c.name).contains(like))
    people = select(t.people.c.id).where(or_(func.lower(t.people.c.name).contains(like),
                                             t.people.c.corpus_person_id.in_(corpus)))
    query = (
        select(t.quotes.c.speaker_name, t.quotes.c.text, t.articles.c.key, t.articles.c.title, t.articles.c.outlet,
               func.coalesce(quote_said_on.c.value, t.articles.c.published), quote_targets.c.evidence)
        .join(t.quotes, t.quotes.c.id == quote_targets.c.quote_id)
        .join(t.articles, t.articles.c.id == quote_targets.c.article_id)
        .outerjoin(quote_said_on, quote_said_on.c.quote_id == t.quotes.c.id)
        .where(and_(quote_targets.c.role == "about",
                    or_(func.lower(quote_targets.c.name).contains(like), quote_targets.c.person_id.in_(people))))
        .order_by(func.coalesce(quote_said_on.c.value, t.articles.c.published), t.quotes.c.id)
        .limit(limit)
    )
    return [SaidAbout(*row) for row in conn.execute(query).all()]
