"""Who talks about whom: the speaker -> target network of the corpus, and target counts."""

from __future__ import annotations

from typing import Any, BinaryIO

import networkx as nx
from sqlalchemy import Connection, func, select

from . import schema as t
from .about_tables import quote_said_on, quote_targets


def _person_name(people, corpus):
    """The corpus person's name where the article person has one, else the article name."""
    return func.coalesce(corpus.c.name, people.c.name)


def target_edges(conn: Connection) -> list[dict[str, Any]]:
    """One row per (speaker, target): quote count and first and last date said."""
    sp, sc = t.people.alias("sp"), t.corpus_people.alias("sc")
    tp, tc = t.people.alias("tp"), t.corpus_people.alias("tc")
    speaker = func.coalesce(sc.c.name, sp.c.name, t.quotes.c.speaker_name).label("speaker")
    target = func.coalesce(tc.c.name, tp.c.name, quote_targets.c.name).label("target")
    when = func.coalesce(quote_said_on.c.value, t.articles.c.published)
    query = (
        select(speaker, target, func.count(func.distinct(t.quotes.c.id)).label("quotes"),
               func.min(when).label("first"), func.max(when).label("last"))
        .select_from(quote_targets)
        .join(t.quotes, t.quotes.c.id == quote_targets.c.quote_id)
        .join(t.articles, t.articles.c.id == quote_targets.c.article_id)
        .outerjoin(quote_said_on, quote_said_on.c.quote_id == t.quotes.c.id)
        .outerjoin(sp, sp.c.id == t.quotes.c.person_id).outerjoin(sc, sc.c.id == sp.c.corpus_person_id)
        .outerjoin(tp, tp.c.id == quote_targets.c.person_id).outerjoin(tc, tc.c.id == tp.c.corpus_person_id)
        .where(quote_targets.c.role == "about", speaker.is_not(None))
        .group_by(speaker, target).order_by(speaker, target)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def target_graph(conn: Connection) -> nx.DiGraph:
    """Speakers and targets as nodes; an edge speaker -> target with ``quotes``, ``first``, ``last``."""
    graph = nx.DiGraph()
    for edge in target_edges(conn):
        for name in (edge["speaker"], edge["target"]):
            graph.add_node(name, label=name)
        graph.add_edge(edge["speaker"], edge["target"], quotes=edge["quotes"],
                       first=edge["first"] or "", last=edge["last"] or "")
    return graph


def write_graph(graph: nx.DiGraph, fmt: str, path: str | BinaryIO) -> None:
    """GraphML or GEXF, as networkx writes them (Gephi and networkx read both)."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    writers[fmt](graph, path)


TARGET_GROUPS = {"outlet": t.articles.c.outlet, "month": func.substr(t.articles.c.published, 1, 7)}


def target_stats(conn: Connection, by: list[str], limit: int | None = None) -> list[dict[str, Any]]:
    """How often each target is quoted about, per outlet and/or publication month."""
    unknown = [key for key in by if key not in TARGET_GROUPS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(TARGET_GROUPS)}")
    tp, tc = t.people.alias("tp"), t.corpus_people.alias("tc")
    target = func.coalesce(tc.c.name, tp.c.name, quote_targets.c.name).label("target")
    groups = [TARGET_GROUPS[key].label(key) for key in by]
    query = (
        select(*groups, target, func.count(func.distinct(quote_targets.c.quote_id)).label("quotes"))
        .select_from(quote_targets)
        .join(t.articles, t.articles.c.id == quote_targets.c.article_id)
        .outerjoin(tp, tp.c.id == quote_targets.c.person_id).outerjoin(tc, tc.c.id == tp.c.corpus_person_id)
        .where(quote_targets.c.role == "about")
        .group_by(*groups, target)
        .order_by(*groups, func.count(func.distinct(quote_targets.c.quote_id)).desc(), target)
        .limit(limit)
    )
    return [dict(row._mapping) for row in conn.execute(query)]
