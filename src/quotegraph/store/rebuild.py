"""Regroup the corpus after articles changed: corpus people, then corpus organisations."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from .incremental import update_corpus_people
from .merge import rebuild_corpus_people
from .organizations import rebuild_corpus_organizations


def rebuild_corpus(conn: Connection, incremental: bool = False) -> int:
    """Both regroupings, with the corrections log applied; returns how many corpus people exist.

    ``incremental``: only new article people are grouped, joining the corpus people they belong
    to (right after new articles were added; an article replaced or removed needs the full rebuild).
    Organisations are always regrouped in full.
    """
    count = update_corpus_people(conn) if incremental else rebuild_corpus_people(conn)
    rebuild_corpus_organizations(conn)
    return count
