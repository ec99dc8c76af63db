"""Read the corpus: quote search, people, one person, source statistics. Results are dicts."""

from __future__ import annotations

import json
import re
from collections import defaultdict

from sqlalchemy import Select, func, literal_column, or_, select, table

from . import schema as t
from .db import Store

_WORD = re.compile(r"\w+", re.UNICODE)
GROUPINGS = ("outlet", "month")


def _speaker_name():
    return func.coalesce(t.corpus_people.c.name, t.quotes.c.speaker_name, t.organizations.c.name)


def _quote_select() -> Select:
    q, a, p, cp, o = t.quotes, t.articles, t.people, t.corpus_people, t.organizations
    return (
        select(q.c.id, q.c.type, q.c.text, q.c.cue, q.c.speaker_text, _speaker_name().label("speaker"),
               cp.c.id.label("person_id"), o.c.name.label("organization"), q.c.confidence,
               a.c.id.label("article_id"), a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.source)
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(p, p.c.id == q.c.person_id)
        .outerjoin(cp, cp.c.id == p.c.corpus_person_id)
        .outerjoin(o, o.c.id == q.c.organization_id)
    )


def fts_condition(store: Store, text: str):
    """Full-text match on quote text and speaker name (FTS5 on SQLite, tsvector on PostgreSQL)."""
    if store.dialect == "postgresql":
        return literal_column("quotes.search").op("@@")(func.websearch_to_tsquery("english", text))
    words = _WORD.findall(text)
    if not words:
        return t.quotes.c.id.is_(None)
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)  # every word, as plain terms
    return t.quotes.c.id.in_(select(literal_column("rowid")).select_from(table("quotes_fts"))
                             .where(literal_column("quotes_fts").op("MATCH")(match)))


def search_quotes(store: Store, speaker: str | None = None, search: str | None = None,
                  outlet: str | None = None, since: str | None = None, until: str | None = None,
                  quote_type: str | None = None, limit: int | None = 50) -> list[dict]:
    """Quotes matching every given filter, newest articles first."""
    stmt = _quote_select()
    if speaker:
        like = f"%{speaker}%"
        stmt = stmt.where(or_(t.corpus_people.c.name.ilike(like), t.corpus_people.c.aliases.ilike(like),
                              t.quotes.c.speaker_name.ilike(like), t.organizations.c.name.ilike(like)))
    if search:
        stmt = stmt.where(fts_condition(store, search))
    if outlet:
        stmt = stmt.where(t.articles.c.outlet.ilike(f"%{outlet}%"))
    if since:
        stmt = stmt.where(t.articles.c.published >= since)
    if until:
        stmt = stmt.where(t.articles.c.published <= until)
    if quote_type:
        stmt = stmt.where(t.quotes.c.type == quote_type)
    stmt = stmt.order_by(t.articles.c.published.desc().nulls_last(), t.quotes.c.article_id, t.quotes.c.start_char)
    if limit:
        stmt = stmt.limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def list_people(store: Store, top: int | None = 50, search: str | None = None) -> list[dict]:
    """Corpus people, most quoted first."""
    cp = t.corpus_people
    stmt = select(cp.c.id, cp.c.name, cp.c.gender, cp.c.gender_source, cp.c.quote_count,
                  cp.c.article_count, cp.c.aliases, cp.c.roles)
    if search:
        like = f"%{search}%"
        stmt = stmt.where(or_(cp.c.name.ilike(like), cp.c.aliases.ilike(like)))
    stmt = stmt.order_by(cp.c.quote_count.desc(), cp.c.article_count.desc(), cp.c.name)
    if top:
        stmt = stmt.limit(top)
    with store.engine.connect() as conn:
        return [_decode(dict(r._mapping)) for r in conn.execute(stmt)]


def find_person(store: Store, name: str) -> list[dict]:
    """Corpus people matching ``name``: its id, an exact name, else names/aliases containing it."""
    from .merge import name_key

    cp = t.corpus_people
    with store.engine.connect() as conn:
        if name.isdigit():
            rows = conn.execute(select(cp).where(cp.c.id == int(name))).all()
            if rows:
                return [_decode(dict(r._mapping)) for r in rows]
        rows = conn.execute(select(cp).where(or_(func.lower(cp.c.name) == name.lower(),
                                                 cp.c.key == name_key(name)))).all()
        if not rows:
            like = f"%{name}%"
            rows = conn.execute(select(cp).where(or_(cp.c.name.ilike(like), cp.c.aliases.ilike(like)))
                                .order_by(cp.c.quote_count.desc())).all()
        return [_decode(dict(r._mapping)) for r in rows]


def person_detail(store: Store, corpus_id: int) -> dict | None:
    """One corpus person: names, roles, gender, the articles they appear in and all their quotes."""
    cp, p, a = t.corpus_people, t.people, t.articles
    with store.engine.connect() as conn:
        row = conn.execute(select(cp).where(cp.c.id == corpus_id)).first()
        if row is None:
            return None
        person = _decode(dict(row._mapping))
        entries = conn.execute(
            select(p.c.id, p.c.name, p.c.gender, p.c.gender_evidence, p.c.age, p.c.roles,
                   a.c.id.label("article_id"), a.c.title, a.c.outlet, a.c.published)
            .join(a, a.c.id == p.c.article_id).where(p.c.corpus_person_id == corpus_id)
            .order_by(a.c.published, a.c.id)).all()
        person["entries"] = [_decode(dict(r._mapping)) for r in entries]
        # through the indexed people.corpus_person_id and quotes.person_id, not a scan of all quotes
        their_people = select(p.c.id).where(p.c.corpus_person_id == corpus_id)
        quotes = conn.execute(_quote_select().where(t.quotes.c.person_id.in_(their_people))
                              .order_by(a.c.published, a.c.id, t.quotes.c.start_char)).all()
        person["quotes"] = [dict(r._mapping) for r in quotes]
    return person


def source_stats(store: Store, by: list[str]) -> list[dict]:
    """People quoted per outlet and/or month, by gender, with the kind of gender evidence.

    A person counts once per group however often quoted; gender is the corpus person's.
    ``gender_from_text`` splits into ``by_honorific``, ``by_pronoun`` and ``by_other_text``
    (strongest evidence kind first); ``gender_from_name`` counts first-name guesses.
    """
    for key in by:
        if key not in GROUPINGS:
            raise ValueError(f"cannot group by {key!r}; choose from {', '.join(GROUPINGS)}")
    a, cp = t.articles, t.corpus_people
    columns = {"outlet": a.c.outlet, "month": func.substr(a.c.published, 1, 7)}
    group_cols = [columns[k].label(k) for k in by]
    stmt = (select(*group_cols, cp.c.id, cp.c.gender, cp.c.gender_source).distinct()
            .select_from(t.quotes)
            .join(a, a.c.id == t.quotes.c.article_id)
            .join(t.people, t.people.c.id == t.quotes.c.person_id)
            .join(cp, cp.c.id == t.people.c.corpus_person_id))
    groups: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    with store.engine.connect() as conn:
        basis = _evidence_basis(conn)
        for row in conn.execute(stmt):
            values = tuple(getattr(row, k) for k in by)
            g = groups[values]
            g["people"] += 1
            g[{"female": "women", "male": "men"}.get(row.gender, "unknown")] += 1
            if row.gender == "unknown":
                continue
            if row.gender_source == "text":
                g["gender_from_text"] += 1
                g["by_" + basis.get(row.id, "other_text")] += 1
            else:
                g["gender_from_name"] += 1
    out = []
    for values in sorted(groups, key=lambda v: tuple("" if x is None else str(x) for x in v)):
        g = groups[values]
        n = g["people"]
        record = {k: v for k, v in zip(by, values)}
        record.update({
            "people": n, "women": g["women"], "men": g["men"], "unknown": g["unknown"],
            "share_women": round(g["women"] / n, 4), "share_men": round(g["men"] / n, 4),
            "share_unknown": round(g["unknown"] / n, 4),
            "gender_from_text": g["gender_from_text"], "by_honorific": g["by_honorific"],
            "by_pronoun": g["by_pronoun"], "by_other_text": g["by_other_text"],
            "gender_from_name": g["gender_from_name"],
        })
        out.append(record)
    return out


def _evidence_basis(conn) -> dict[int, str]:
    """Corpus person id -> strongest kind of text evidence for their gender: "honorific",
    "pronoun" or "other_text" (role nouns and the like), from the entries that agree with it."""
    kinds: dict[int, set[str]] = defaultdict(set)
    rows = conn.execute(
        select(t.people.c.corpus_person_id, t.people.c.gender_evidence)
        .join(t.corpus_people, t.corpus_people.c.id == t.people.c.corpus_person_id)
        .where(t.people.c.gender_source == "text", t.people.c.gender == t.corpus_people.c.gender))
    for corpus_id, evidence in rows:
        kinds[corpus_id].update(str(e).split(":", 1)[0] for e in json.loads(evidence))
    return {cid: "honorific" if "honorific" in k else "pronoun" if "pronoun" in k else "other_text"
            for cid, k in kinds.items()}


def top_stats(store: Store, limit: int = 20) -> dict[str, list[dict]]:
    """The most quoted people and organisations, and the outlets with the most quotes."""
    cp, a, o, q = t.corpus_people, t.articles, t.organizations, t.quotes
    with store.engine.connect() as conn:
        people = conn.execute(
            select(cp.c.id, cp.c.name, cp.c.gender, cp.c.quote_count, cp.c.article_count)
            .where(cp.c.quote_count > 0)
            .order_by(cp.c.quote_count.desc(), cp.c.name).limit(limit)).all()
        orgs = conn.execute(
            select(o.c.name, func.count(q.c.id).label("quote_count"),
                   func.count(func.distinct(q.c.article_id)).label("article_count"))
            .join(o, o.c.id == q.c.organization_id).group_by(o.c.name)
            .order_by(func.count(q.c.id).desc(), o.c.name).limit(limit)).all()
        outlets = conn.execute(
            select(a.c.outlet, func.count(func.distinct(a.c.id)).label("article_count"),
                   func.count(q.c.id).label("quote_count"))
            .outerjoin(q, q.c.article_id == a.c.id).group_by(a.c.outlet)
            .order_by(func.count(q.c.id).desc(), a.c.outlet).limit(limit)).all()
    return {"people": [dict(r._mapping) for r in people],
            "organizations": [dict(r._mapping) for r in orgs],
            "outlets": [dict(r._mapping) for r in outlets]}


def failures(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t.failures).order_by(t.failures.c.source))]


def _decode(record: dict) -> dict:
    for key in ("aliases", "roles", "titles", "gender_evidence"):
        if isinstance(record.get(key), str):
            record[key] = json.loads(record[key])
    return record


__all__ = ["search_quotes", "list_people", "find_person", "person_detail", "source_stats", "top_stats",
           "failures"]
