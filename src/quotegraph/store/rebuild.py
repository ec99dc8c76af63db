"""Regroup the corpus after articles changed: corpus people, then corpus organisations."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from .incremental import update_corpus_people
from .merge import rebuild_corpus_people
from .organizations import rebuild_corpus_organizations, update_corpus_organizations


def rebuild_corpus(conn: Connection, incremental: bool = False) -> int:
    """Both regroupings, with the corrections log applied; returns how many corpus people exist.

    ``incremental``: only new article people and organisations are grouped, joining the corpus
    entries they belong to (right after new articles were added; an article replaced or removed
    needs the full rebuild).
    """
    if not incremental:
        rebuild_corpus_organizations(conn)
        return rebuild_corpus_people(conn)
    update_corpus_organizations(conn)
    return update_corpus_people(conn)
