"""What an editor reviews before publishing figures from a corpus: suspect people and speakers.

Each finding is a dict with the ids the correction commands take (``people delete 88``...).
Sections: headline_names, fragments, shared_aliases, gender_conflicts, speakers_not_entities.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from ..people.name_trims import speech_word
from ..people.sources import KEPT, speaker_kind
from . import schema as t
from .db import Store
from .merge import COMMON_TITLES, name_key

SECTIONS = ("headline_names", "fragments", "shared_aliases", "gender_conflicts", "speakers_not_entities")
_WORD = re.compile(r"[\w'-]+")


def check(store: Store, limit: int = 50) -> dict[str, dict]:
    """Every section: {"count": how many, "items": the first ``limit`` findings}."""
    with store.engine.connect() as conn:
        people = conn.execute(select(t.corpus_people)).all()
        found = {
            "headline_names": _headline_names(conn, people),
            "fragments": _fragments(people),
            "shared_aliases": _shared_aliases(people),
            "gender_conflicts": _gender_conflicts(conn),
            "speakers_not_entities": _speakers_not_entities(conn),
        }
    return {name: {"count": len(items), "items": items[:limit]} for name, items in found.items()}


def _person(row, **extra) -> dict:
    return {"id": row.id, "name": row.name, "quote_count": row.quote_count, **extra}


def _ranked(items: Iterable[dict]) -> list[dict]:
    return sorted(items, key=lambda r: (-r.get("quote_count", 0), str(r.get("name", r.get("alias", "")))))


def _headline_names(conn: Connection, people: Sequence) -> list[dict]:
    """Names with a headline word ("Obama Says") or only ever mentioned in the first line."""
    in_body = set(conn.execute(
        select(t.people.c.corpus_person_id).distinct()
        .join(t.mentions, t.mentions.c.person_id == t.people.c.id)
        .join(t.articles, t.articles.c.id == t.people.c.article_id)
        .where(or_(t.mentions.c.start_char >= _first_newline(conn), _first_newline(conn) == 0))).scalars())
    out = []
    for row in people:
        words = row.name.split()
        if len(words) > 1 and any(speech_word(w) for w in words):
            out.append(_person(row, reason="headline word"))
        elif row.id not in in_body:
            out.append(_person(row, reason="only in the first line"))
    return _ranked(out)


def _first_newline(conn: Connection):
    """Where an article's second line starts (the 1-based position of its first newline is the
    0-based offset after it); 0 when the text is one line, with no headline to tell apart."""
    find = func.strpos if conn.dialect.name == "postgresql" else func.instr
    return find(t.articles.c.text, "\n")


def _fragments(people: Sequence) -> list[dict]:
    """One-word names that are the surname of a fuller name in the corpus."""
    fuller: dict[str, list[str]] = defaultdict(list)
    for row in people:
        words = name_key(row.name).split()
        if len(words) > 1:
            fuller[words[-1]].append(row.name)
    return _ranked(_person(row, twins=sorted(fuller[name_key(row.name)])[:5]) for row in people
                   if " " not in name_key(row.name) and name_key(row.name) in fuller)


def _alias_form(alias: str) -> str:
    return " ".join(_WORD.findall(alias.lower().replace(".", "")))


def _shared_aliases(people: Sequence) -> list[dict]:
    """Multi-word aliases ("President Obama") carried by two or more corpus people; a common
    title ("Mr Khan") only where two holders may be one person (``_may_be_one``)."""
    holders: dict[str, list] = defaultdict(list)
    for row in people:
        for form in {_alias_form(a) for a in [row.name, *json.loads(row.aliases)]}:
            if " " in form:
                holders[form].append(row)
    return _ranked({"alias": form, "people": [f"{r.name} (#{r.id})" for r in rows],
                    "quote_count": sum(r.quote_count for r in rows)}
                   for form, rows in holders.items() if len(rows) > 1 and _suspect(form, rows))


def _suspect(form: str, rows: list) -> bool:
    """"Mr Khan" for Khizr and for Humayun Khan in different articles is two namesakes, as
    expected; it is suspect only when two holders' first names fit one person (Matt, Matthew).
    One-word holders ("Trump") are listed under fragments."""
    title, *rest = form.split()
    if title not in COMMON_TITLES or len(rest) != 1:
        return True
    firsts = sorted({words[0] for r in rows if len(words := name_key(r.name).split()) > 1})
    return any(b.startswith(a) for i, a in enumerate(firsts) for b in firsts[i + 1:])


def _gender_conflicts(conn: Connection) -> list[dict]:
    """Corpus people that articles' text calls a woman in one place and a man in another."""
    rows = conn.execute(
        select(t.corpus_people.c.id, t.corpus_people.c.name, t.corpus_people.c.quote_count,
               t.corpus_people.c.gender, t.people.c.gender.label("stated"))
        .join(t.people, t.people.c.corpus_person_id == t.corpus_people.c.id)
        .where(t.people.c.gender_source == "text")).all()
    stated: dict[int, Counter] = defaultdict(Counter)
    info = {}
    for row in rows:
        stated[row.id][row.stated] += 1
        info[row.id] = row
    return _ranked(_person(info[cid], gender=info[cid].gender, stated=dict(votes))
                   for cid, votes in stated.items() if votes["female"] and votes["male"])


def _speakers_not_entities(conn: Connection) -> list[dict]:
    """Stored speaker names that are neither a person, an organisation, a name nor a kind of
    source (people/sources.py), grouped by wording; an emptied name with its mention kept is fine."""
    rows = conn.execute(
        select(t.quotes.c.speaker_name.label("speaker"), func.count().label("quote_count"),
               func.min(t.quotes.c.id).label("example_quote"))
        .where(t.quotes.c.person_id.is_(None), t.quotes.c.organization_id.is_(None),
               t.quotes.c.speaker_name.is_not(None))
        .group_by(t.quotes.c.speaker_name)).all()
    return _ranked({"speaker": r.speaker, "kind": speaker_kind(r.speaker), "quote_count": r.quote_count,
                    "example_quote": r.example_quote}
                   for r in rows if speaker_kind(r.speaker) not in KEPT)
