"""Who is quoted where: the ``source_people`` table that ``stats sources`` reads.

One row per corpus person, outlet and month with at least one quote, holding the person's gender
and the kind of evidence for it, so that ``stats sources`` counts people with one indexed
aggregate instead of joining every quote of the corpus. Every regrouping of corpus people (ingest,
full rebuild, each correction: merge.py's ``group_people``) refreshes the rows of the corpus
people it touched; a refresh of all of them gives the same table (tested).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, insert, literal_column, select
from sqlalchemy.engine import Connection

from ..models import label_kind
from . import schema as t

_CHUNK = 500  # ids per IN list: under every backend's bound-parameter limit


def _month():
    # literal positions: PostgreSQL matches GROUP BY to the select list only with the same text
    return func.substr(t.articles.c.published, literal_column("1"), literal_column("7"))


def evidence_kind(gender_source: str, basis: str | None) -> str:
    """The kind of evidence for a corpus person's gender: honorific, pronoun or other_text (text
    evidence, its strongest kind), name (a first-name guess), manual (a correction) or none."""
    return (basis or "other_text") if gender_source == "text" else gender_source


def _basis(conn: Connection, ids: list[int] | None) -> dict[int, str]:
    """Corpus person id -> strongest kind of text evidence for their gender: "honorific",
    "pronoun" or "other_text" (role nouns and the like), from the entries that agree with it."""
    kinds: dict[int, set[str]] = defaultdict(set)
    stmt = (select(t.people.c.corpus_person_id, t.people.c.gender_evidence)
            .join(t.corpus_people, t.corpus_people.c.id == t.people.c.corpus_person_id)
            .where(t.people.c.gender_source == "text", t.people.c.gender == t.corpus_people.c.gender))
    for chunk in _chunks(ids):
        for corpus_id, evidence in conn.execute(stmt if chunk is None else stmt.where(
                t.people.c.corpus_person_id.in_(chunk))):
            kinds[corpus_id].update(label_kind(str(e)) for e in json.loads(evidence))
    return {cid: "honorific" if "honorific" in k else "pronoun" if "pronoun" in k else "other_text"
            for cid, k in kinds.items()}


def _chunks(ids: list[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def refresh_source_people(conn: Connection, corpus_ids: Iterable[int] | None = None) -> None:
    """Recompute the rows of these corpus people (None: of all), from their quotes."""
    ids = None if corpus_ids is None else sorted(set(corpus_ids))
    if ids == []:
        return
    sp, cp, p, a, q = t.source_people, t.corpus_people, t.people, t.articles, t.quotes
    stmt = (select(cp.c.id, cp.c.gender, cp.c.gender_source, a.c.outlet, _month().label("month"),
                   func.count(q.c.id).label("quote_count"))
            .select_from(q).join(p, p.c.id == q.c.person_id).join(cp, cp.c.id == p.c.corpus_person_id)
            .join(a, a.c.id == q.c.article_id)
            .group_by(cp.c.id, cp.c.gender, cp.c.gender_source, a.c.outlet, _month()))
    basis = _basis(conn, ids)
    for chunk in _chunks(ids):
        conn.execute(delete(sp) if chunk is None else delete(sp).where(sp.c.corpus_person_id.in_(chunk)))
        rows = conn.execute(stmt if chunk is None else stmt.where(cp.c.id.in_(chunk))).all()
        values = [{"corpus_person_id": r.id, "outlet": r.outlet, "month": r.month, "gender": r.gender,
                   "evidence": evidence_kind(r.gender_source, basis.get(r.id)), "quote_count": r.quote_count}
                  for r in rows]
        if values:
            conn.execute(insert(sp), values)
