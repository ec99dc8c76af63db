"""Regroup the corpus after articles changed: corpus people, then corpus organisations."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from .merge import rebuild_corpus_people
from .organizations import rebuild_corpus_organizations


def rebuild_corpus(conn: Connection) -> int:
    """Both rebuilds, with the corrections log applied; returns how many corpus people exist."""
    count = rebuild_corpus_people(conn)
    rebuild_corpus_organizations(conn)
    return count
