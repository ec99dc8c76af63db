"""Read the corpus: quote search, people, one person, source statistics. Results are dicts."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from sqlalchemy import JSON, Select, cast, exists, func, literal_column, or_, select

from . import schema as t
from .db import Store
from .search import condition as search_condition

GROUPINGS = ("outlet", "month")


def _speaker_name():
    return func.coalesce(t.corpus_people.c.name, t.quotes.c.speaker_name, t.organizations.c.name)


def _quote_select() -> Select:
    q, a, p, cp, o = t.quotes, t.articles, t.people, t.corpus_people, t.organizations
    return (
        select(q.c.id, q.c.type, q.c.text, q.c.cue, q.c.speaker_text, _speaker_name().label("speaker"),
               cp.c.id.label("corpus_person_id"), o.c.name.label("organization"), q.c.confidence,
               a.c.id.label("article_id"), a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.source)
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(p, p.c.id == q.c.person_id)
        .outerjoin(cp, cp.c.id == p.c.corpus_person_id)
        .outerjoin(o, o.c.id == q.c.organization_id)
    )


def fts_condition(store: Store, text: str):
    """Full-text match on quote text and speaker name; the syntax is ``store/search.py``'s."""
    return search_condition(store.dialect, text)


def _contains(column, value: str):
    """Case-insensitive substring match with LIKE wildcards (% _) and the escape taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _alias_contains(dialect: str, value: str, table=t.corpus_people):
    """Rows of ``table`` with an alias containing ``value``, matched on the decoded strings of the
    JSON array, not on its raw text (where quotes, commas and brackets would match)."""
    aliases = table.c.aliases
    if dialect == "postgresql":
        elements = func.json_array_elements_text(cast(aliases, JSON)).table_valued("value")
    else:
        elements = func.json_each(aliases).table_valued("value")
    return exists(select(literal_column("1")).select_from(elements).where(_contains(elements.c.value, value)))


def _name_or_alias(dialect: str, value: str, table=t.corpus_people):
    return or_(_contains(table.c.name, value), _alias_contains(dialect, value, table))


def search_quotes(store: Store, speaker: str | None = None, search: str | None = None,
                  outlet: str | None = None, since: str | None = None, until: str | None = None,
                  quote_type: str | None = None, limit: int | None = 50) -> list[dict]:
    """Quotes matching every given filter, newest articles first."""
    stmt = _quote_select()
    if speaker:
        stmt = stmt.where(or_(_name_or_alias(store.dialect, speaker), _contains(t.quotes.c.speaker_name, speaker),
                              _contains(t.organizations.c.name, speaker)))
    if search:
        stmt = stmt.where(fts_condition(store, search))
    if outlet:
        stmt = stmt.where(_contains(t.articles.c.outlet, outlet))
    if since:
        stmt = stmt.where(t.articles.c.published >= since)
    if until:
        stmt = stmt.where(t.articles.c.published <= until)
    if quote_type:
        stmt = stmt.where(t.quotes.c.type == quote_type)
    order = (t.articles.c.published.desc().nulls_last(), t.quotes.c.article_id, t.quotes.c.start_char)
    with store.engine.connect() as conn:
        if limit:
            # the page's ids first, sorted on narrow rows: a common word matches many thousand quotes
            ids = conn.execute(stmt.with_only_columns(t.quotes.c.id).order_by(*order).limit(limit)).scalars().all()
            stmt = _quote_select().where(t.quotes.c.id.in_(ids))
        return [dict(r._mapping) for r in conn.execute(stmt.order_by(*order))]


def list_people(store: Store, top: int | None = 50, search: str | None = None) -> list[dict]:
    """Corpus people, most quoted first."""
    cp = t.corpus_people
    stmt = select(cp.c.id, cp.c.name, cp.c.gender, cp.c.gender_source, cp.c.quote_count,
                  cp.c.article_count, cp.c.aliases, cp.c.roles)
    if search:
        stmt = stmt.where(_name_or_alias(store.dialect, search))
    stmt = stmt.order_by(cp.c.quote_count.desc(), cp.c.article_count.desc(), cp.c.name)
    if top:
        stmt = stmt.limit(top)
    with store.engine.connect() as conn:
        return [_decode(dict(r._mapping)) for r in conn.execute(stmt)]


def list_organizations(store: Store, top: int | None = 50, search: str | None = None) -> list[dict]:
    """Corpus organisations, most quoted first."""
    co = t.corpus_organizations
    stmt = select(co.c.id, co.c.name, co.c.quote_count, co.c.article_count, co.c.aliases)
    if search:
        stmt = stmt.where(_name_or_alias(store.dialect, search, co))
    stmt = stmt.order_by(co.c.quote_count.desc(), co.c.article_count.desc(), co.c.name)
    if top:
        stmt = stmt.limit(top)
    with store.engine.connect() as conn:
        return [_decode(dict(r._mapping)) for r in conn.execute(stmt)]


def find_person(store: Store, name: str) -> list[dict]:
    """Corpus people matching ``name``, most quoted first.

    An id gives that person; a full name gives the person with that name key if there is one;
    otherwise (a surname, part of a name) every person whose name or aliases contain it.
    """
    from .merge import name_key

    cp = t.corpus_people
    ranked = (cp.c.quote_count.desc(), cp.c.article_count.desc(), cp.c.id)
    with store.engine.connect() as conn:
        if re.fullmatch(r"[0-9]{1,18}", name):  # an id (str.isdigit also takes "²")
            rows = conn.execute(select(cp).where(cp.c.id == int(name))).all()
            if rows:
                return [_decode(dict(r._mapping)) for r in rows]
        rows = []
        if " " in name_key(name):
            rows = conn.execute(select(cp).where(or_(func.lower(cp.c.name) == name.lower(),
                                                     cp.c.key == name_key(name))).order_by(*ranked)).all()
        if not rows:
            rows = conn.execute(select(cp).where(_name_or_alias(store.dialect, name))
                                .order_by(*ranked)).all()
        return [_decode(dict(r._mapping)) for r in rows]


def person_detail(store: Store, corpus_id: int, quote_limit: int | None = None) -> dict | None:
    """One corpus person: names, roles, gender, the articles they appear in and their quotes (all,
    or the first ``quote_limit`` by date; ``quote_count`` says how many there are)."""
    cp, p, a = t.corpus_people, t.people, t.articles
    with store.engine.connect() as conn:
        row = conn.execute(select(cp).where(cp.c.id == corpus_id)).first()
        if row is None:
            return None
        person = _decode(dict(row._mapping))
        entries = conn.execute(
            select(p.c.id.label("article_person_id"), p.c.local_id, p.c.name, p.c.gender, p.c.gender_evidence,
                   p.c.age, p.c.roles, a.c.id.label("article_id"), a.c.title, a.c.outlet, a.c.published)
            .join(a, a.c.id == p.c.article_id).where(p.c.corpus_person_id == corpus_id)
            .order_by(a.c.published, a.c.id)).all()
        person["entries"] = [_decode(dict(r._mapping)) for r in entries]
        # through the indexed people.corpus_person_id and quotes.person_id, not a scan of all quotes
        their_people = select(p.c.id).where(p.c.corpus_person_id == corpus_id)
        quotes = conn.execute(_quote_select().where(t.quotes.c.person_id.in_(their_people))
                              .order_by(a.c.published, a.c.id, t.quotes.c.start_char).limit(quote_limit)).all()
        person["quotes"] = [dict(r._mapping) for r in quotes]
    return person


NO_VALUE = {"outlet": "(no outlet)", "month": "(no date)"}
TOTAL = "(total)"
EVIDENCE = ("all", "text")


def source_stats(store: Store, by: list[str], evidence: str = "all") -> list[dict]:
    """People quoted per outlet and/or month, by gender, with how each gender is known; a total row last.

    A person counts once per group however often quoted (and once in the total); gender is the
    corpus person's. ``evidence="text"`` counts first-name guesses as unknown. Read from the
    ``source_people`` summary (store/summary.py): one indexed aggregate, not a scan of the quotes.
    docs/statistics.md defines every figure.
    """
    for key in by:
        if key not in GROUPINGS:
            raise ValueError(f"cannot group by {key!r}; choose from {', '.join(GROUPINGS)}")
    if evidence not in EVIDENCE:
        raise ValueError(f"evidence must be one of {', '.join(EVIDENCE)}")
    with store.engine.connect() as conn:
        groups = _counted(conn, by, evidence)
        total = _counted(conn, [], evidence)[()] if by else Counter()
    out = [{**dict(zip(by, values, strict=True)), **_figures(groups[values])} for values in sorted(groups)]
    if by:
        out.append({**{k: TOTAL if i == 0 else "" for i, k in enumerate(by)}, **_figures(total)})
    return out


def _counted(conn, by: list[str], evidence: str) -> dict[tuple, Counter]:
    """Group values -> (gender, evidence kind) -> distinct people, counted in the database."""
    sp = t.source_people
    columns = [sp.c[k] for k in by]
    # a row is one person in one outlet and month: by both, rows are people; else count them once
    people = func.count() if set(by) == set(GROUPINGS) else func.count(func.distinct(sp.c.corpus_person_id))
    stmt = select(*columns, sp.c.gender, sp.c.evidence, people).group_by(*columns, sp.c.gender, sp.c.evidence)
    groups: dict[tuple, Counter] = defaultdict(Counter)
    for row in conn.execute(stmt):
        *values, gender, kind, n = row
        if evidence == "text" and kind == "name":
            gender, kind = "unknown", "none"
        groups[tuple(NO_VALUE[k] if v is None else v for k, v in zip(by, values, strict=True))][(gender, kind)] += n
    return groups


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _figures(people: Counter) -> dict:
    """The figures of one row from its people counted by (gender, evidence kind)."""
    count: Counter = Counter()
    kinds: Counter = Counter()
    for (gender, kind), n in people.items():
        count[gender] += n
        if gender != "unknown":
            kinds[kind] += n
    n, women, men = sum(count.values()), count["female"], count["male"]
    unknown = n - women - men
    by_text = kinds["honorific"] + kinds["pronoun"] + kinds["other_text"]
    return {
        "people": n, "women": women, "men": men, "unknown": unknown,
        "share_women": _share(women, women + men), "share_unknown": _share(unknown, n),
        "share_women_low": _share(women, n), "share_women_high": _share(women + unknown, n),
        "gender_from_text": by_text, "by_honorific": kinds["honorific"], "by_pronoun": kinds["pronoun"],
        "by_other_text": kinds["other_text"], "gender_from_name": kinds["name"],
        "gender_from_correction": kinds["manual"],
    }


def top_stats(store: Store, limit: int = 20) -> dict[str, list[dict]]:
    """The most quoted people and organisations, and the outlets with the most quotes."""
    cp, a, q = t.corpus_people, t.articles, t.quotes
    with store.engine.connect() as conn:
        people = conn.execute(
            select(cp.c.id, cp.c.name, cp.c.gender, cp.c.quote_count, cp.c.article_count)
            .where(cp.c.quote_count > 0)
            .order_by(cp.c.quote_count.desc(), cp.c.name).limit(limit)).all()
        co = t.corpus_organizations
        orgs = conn.execute(
            select(co.c.id, co.c.name, co.c.quote_count, co.c.article_count).where(co.c.quote_count > 0)
            .order_by(co.c.quote_count.desc(), co.c.name).limit(limit)).all()
        outlets = conn.execute(
            select(func.coalesce(a.c.outlet, NO_VALUE["outlet"]).label("outlet"),
                   func.count(func.distinct(a.c.id)).label("article_count"),
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


__all__ = ["search_quotes", "list_people", "list_organizations", "find_person", "person_detail", "source_stats",
           "top_stats", "failures"]
