"""The web's own reads: pages of results with totals, facets, and a stored article as its
quotegraph/1 record. SQLAlchemy Core with bound parameters only; the store's query module
supplies the quote select and the full-text condition so search syntax stays in one place."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select

from ..models import SCHEMA
from ..store import schema as t
from ..store.db import Store
from ..store.query import _quote_select, fts_condition
from ..store.search import parse as parse_search

CONTEXT_CHARS = 160  # characters of article text kept on each side of a search hit


@dataclass(frozen=True)
class QuoteFilters:
    search: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    type: str | None = None
    gender: str | None = None
    month: str | None = None  # YYYY-MM
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        if self.search:  # a query with no word fails here, before a download starts streaming
            parse_search(self.search)


@dataclass
class Page:
    items: list[dict]
    total: int
    page: int
    per_page: int
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "per_page": self.per_page}


def _page(store: Store, stmt: Select, page: int, per_page: int) -> Page:
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
        rows = conn.execute(stmt.limit(per_page).offset((page - 1) * per_page)).all()
    return Page([dict(r._mapping) for r in rows], total, page, per_page)


# --- articles -----------------------------------------------------------------------------

def articles_page(store: Store, page: int = 1, per_page: int = 50, outlet: str | None = None) -> Page:
    a = t.articles
    stmt = select(a.c.id, a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.source,
                  a.c.quote_count, a.c.person_count)
    if outlet:
        stmt = stmt.where(a.c.outlet == outlet)
    return _page(store, stmt.order_by(a.c.published.desc().nulls_last(), a.c.id), page, per_page)


def _spans(rows, start: str = "start_char", end: str = "end_char") -> list[dict]:
    return [{"start": getattr(r, start), "end": getattr(r, end), "text": r.text} for r in rows]


def article_record(store: Store, article_id: int) -> tuple[dict, dict[str, int]] | None:
    """A stored article rebuilt as its quotegraph/1 record, and its people's corpus person ids
    by local id (for links)."""
    a = t.articles
    with store.engine.connect() as conn:
        row = conn.execute(select(a).where(a.c.id == article_id)).first()
        if row is None:
            return None
        text = row.text
        mentions = _mentions(conn, article_id)
        people, links = _people(conn, article_id, mentions)
        record = {
            "schema": SCHEMA, "id": row.ext_id or str(row.id), "source": row.source, "url": row.url,
            "title": row.title, "author": row.author, "published": row.published, "outlet": row.outlet,
            "model": row.model, "text": text,
            "excluded": [{"start": r.start_char, "end": r.end_char, "reason": r.reason} for r in conn.execute(
                select(t.excluded).where(t.excluded.c.article_id == article_id).order_by(t.excluded.c.start_char))],
            "quotes": _quotes(conn, article_id, text),
            "people": people,
            "organizations": _entities(conn, t.organizations, "organization_id", article_id, mentions),
            "places": _entities(conn, t.places, "place_id", article_id, mentions),
            "dates": [{"start": r.start_char, "end": r.end_char, "text": r.text, "value": r.value}
                      for r in conn.execute(select(t.dates).where(t.dates.c.article_id == article_id)
                                            .order_by(t.dates.c.start_char))],
            "warnings": json.loads(row.warnings or "[]"),
        }
    return record, links


def _mentions(conn, article_id: int) -> dict[tuple[str, int], list[dict]]:
    m = t.mentions
    out: dict[tuple[str, int], list[dict]] = {}
    for r in conn.execute(select(m).where(m.c.article_id == article_id).order_by(m.c.start_char)):
        for owner in ("person_id", "organization_id", "place_id"):
            if getattr(r, owner) is not None:
                out.setdefault((owner, getattr(r, owner)), []).append(
                    {"start": r.start_char, "end": r.end_char, "text": r.text})
    return out


def _people(conn, article_id: int, mentions) -> tuple[list[dict], dict[str, int]]:
    p = t.people
    people, links = [], {}
    for r in conn.execute(select(p).where(p.c.article_id == article_id).order_by(p.c.id)):
        people.append({
            "id": r.local_id, "name": r.name, "aliases": json.loads(r.aliases),
            "mentions": mentions.get(("person_id", r.id), []), "titles": json.loads(r.titles),
            "roles": json.loads(r.roles), "gender": {"value": r.gender, "evidence": json.loads(r.gender_evidence)},
            "age": r.age, "quote_count": r.quote_count,
        })
        if r.corpus_person_id is not None:
            links[r.local_id] = r.corpus_person_id
    return people, links


def _entities(conn, table, owner: str, article_id: int, mentions) -> list[dict]:
    return [{"id": r.local_id, "name": r.name, "aliases": json.loads(r.aliases),
             "mentions": mentions.get((owner, r.id), []), "quote_count": r.quote_count}
            for r in conn.execute(select(table).where(table.c.article_id == article_id).order_by(table.c.id))]


def _quotes(conn, article_id: int, text: str) -> list[dict]:
    q = t.quotes
    out = []
    for r in conn.execute(select(q).where(q.c.article_id == article_id).order_by(q.c.start_char, q.c.id)):
        record = {
            "id": r.local_id, "start": r.start_char, "end": r.end_char, "text": r.text, "type": r.type,
            "cue": _span(text, r.cue_start, r.cue_end), "speaker": _span(text, r.speaker_start, r.speaker_end),
            "parts": [_span(text, s, e) for s, e in json.loads(r.parts)],
            "speaker_id": r.speaker_local_id, "speaker_name": r.speaker_name, "confidence": r.confidence,
            "rule": r.rule, "speaker_rule": r.speaker_rule,
        }
        out.append(record)
    return out


def _span(text: str, start: int | None, end: int | None) -> dict | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start:end]}


# --- quotes -------------------------------------------------------------------------------

def _filtered_quotes(store: Store, f: QuoteFilters) -> Select:
    q, a, cp, o = t.quotes, t.articles, t.corpus_people, t.organizations
    stmt = _quote_select().add_columns(q.c.start_char, q.c.end_char, cp.c.gender.label("speaker_gender"))
    if f.search:
        stmt = stmt.where(fts_condition(store, f.search))
    if f.speaker:
        like = f"%{f.speaker}%"
        stmt = stmt.where(or_(cp.c.name.ilike(like), cp.c.aliases.ilike(like), q.c.speaker_name.ilike(like),
                              o.c.name.ilike(like)))
    if f.outlet:
        stmt = stmt.where(a.c.outlet == f.outlet)
    if f.type:
        stmt = stmt.where(q.c.type == f.type)
    if f.gender:
        stmt = stmt.where(func.coalesce(cp.c.gender, "unknown") == f.gender)
    if f.month:
        stmt = stmt.where(func.substr(a.c.published, 1, 7) == f.month)
    if f.since:
        stmt = stmt.where(a.c.published >= f.since)
    if f.until:
        stmt = stmt.where(a.c.published <= f.until)
    return stmt


def quotes_page(store: Store, f: QuoteFilters, page: int = 1, per_page: int = 50, context: bool = False) -> Page:
    stmt = _filtered_quotes(store, f)
    if context:
        a, q = t.articles, t.quotes
        first = func.max(q.c.start_char - CONTEXT_CHARS, 0) if store.dialect == "sqlite" else \
            func.greatest(q.c.start_char - CONTEXT_CHARS, 0)
        stmt = stmt.add_columns(first.label("context_start"),
                                func.substr(a.c.text, first + 1, q.c.end_char - first + CONTEXT_CHARS).label("context"))
    stmt = stmt.order_by(t.articles.c.published.desc().nulls_last(), t.quotes.c.article_id, t.quotes.c.start_char)
    result = _page(store, stmt, page, per_page)
    if context:
        for item in result.items:
            item.update(sentence_context(item.pop("context") or "", item.pop("context_start"),
                                         item["start_char"], item["end_char"]))
    return result


def sentence_context(window: str, offset: int, start: int, end: int) -> dict[str, str]:
    """The text before and after a quote within its sentence(s), cut at sentence ends."""
    before, after = window[:start - offset], window[end - offset:]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    before = before[cut + 1:].lstrip() if cut >= 0 else before
    ends = [i for i in (after.find(". "), after.find("\n"), after.find("? "), after.find("! ")) if i >= 0]
    after = after[:min(ends) + 1] if ends else after
    return {"before": before, "after": after.rstrip()}


def iter_quotes(store: Store, f: QuoteFilters, batch: int = 2000) -> Iterator[dict]:
    """Every quote matching the filters, streamed (for CSV and JSON Lines downloads)."""
    stmt = _filtered_quotes(store, f).order_by(t.quotes.c.id)
    with store.engine.connect() as conn:
        for row in conn.execution_options(stream_results=True, yield_per=batch).execute(stmt):
            yield dict(row._mapping)


FACETS = ("speaker", "outlet", "month", "type", "gender")


def quote_facets(store: Store, f: QuoteFilters, limit: int = 12) -> dict[str, list[tuple[str, int]]]:
    """For each facet, the most frequent values among the quotes matching the filters."""
    base = _filtered_quotes(store, f).subquery()
    columns = {"speaker": base.c.speaker, "outlet": base.c.outlet, "type": base.c.type,
               "month": func.substr(base.c.published, 1, 7),
               "gender": func.coalesce(base.c.speaker_gender, "unknown")}
    out: dict[str, list[tuple[str, int]]] = {}
    with store.engine.connect() as conn:
        for name in FACETS:
            col = columns[name].label("value")
            rows = conn.execute(select(col, func.count().label("n")).where(col.is_not(None)).group_by(col)
                                .order_by(func.count().desc(), col).limit(limit)).all()
            out[name] = [(str(r.value), r.n) for r in rows]
    return out


# --- people -------------------------------------------------------------------------------

def people_page(store: Store, search: str | None = None, page: int = 1, per_page: int = 50) -> Page:
    cp = t.corpus_people
    stmt = select(cp.c.id, cp.c.name, cp.c.aliases, cp.c.roles, cp.c.gender, cp.c.gender_source,
                  cp.c.quote_count, cp.c.article_count)
    if search:
        like = f"%{search}%"
        stmt = stmt.where(or_(cp.c.name.ilike(like), cp.c.aliases.ilike(like)))
    result = _page(store, stmt.order_by(cp.c.quote_count.desc(), cp.c.name, cp.c.id), page, per_page)
    for item in result.items:
        item["aliases"], item["roles"] = json.loads(item["aliases"]), json.loads(item["roles"])
    return result


def quotes_per_month(store: Store, corpus_id: int) -> list[tuple[str, int]]:
    q, a, p = t.quotes, t.articles, t.people
    month = func.substr(a.c.published, 1, 7).label("month")
    stmt = (select(month, func.count().label("n")).select_from(q).join(a, a.c.id == q.c.article_id)
            .join(p, p.c.id == q.c.person_id).where(p.c.corpus_person_id == corpus_id, a.c.published.is_not(None))
            .group_by(month).order_by(month))
    with store.engine.connect() as conn:
        return [(r.month, r.n) for r in conn.execute(stmt)]
