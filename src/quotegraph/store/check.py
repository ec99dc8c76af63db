"""What an editor reviews before publishing figures from a corpus: suspect people and speakers.

Each finding is a dict with the ids the correction commands take (``people delete 88``...).
Sections: headline_names, fragments, shared_aliases, gender_conflicts, speakers_not_entities.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS
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


def _one_word(row) -> bool:
    return " " not in name_key(row.name)


def _fragments(people: Sequence) -> list[dict]:
    """One-word names that are the surname of a fuller name in the corpus, or that share a
    titled alias with another entry ("Pope Francis" in three articles, "President Barack" of
    Barack Obama): entries that may be one person, for ``people merge``."""
    fuller: dict[str, list[str]] = defaultdict(list)
    for row in people:
        words = name_key(row.name).split()
        if len(words) > 1:
            fuller[words[-1]].append(row.name)
    same_title: dict[int, set[str]] = defaultdict(set)
    for form, rows in _holders(people).items():
        if form.split()[0] in COMMON_TITLES:
            continue  # "Mr Khan" in two articles: two namesakes as likely as one person
        for row in (r for r in rows if _one_word(r)):
            same_title[row.id] |= {f"{r.name} (#{r.id})" for r in rows if r.id != row.id}
    out = []
    for row in (r for r in people if _one_word(r)):
        twins = fuller.get(name_key(row.name)) or same_title.get(row.id)
        if twins:
            out.append(_person(row, twins=sorted(twins)[:5]))
    return _ranked(out)


def _alias_form(alias: str) -> str:
    return " ".join(_WORD.findall(alias.lower().replace(".", "")))


def _holders(people: Sequence) -> dict[str, list]:
    """Multi-word alias form -> the people carrying it, for forms carried by two or more."""
    holders: dict[str, list] = defaultdict(list)
    for row in people:
        for form in {_alias_form(a) for a in [row.name, *json.loads(row.aliases)]}:
            if " " in form:
                holders[form].append(row)
    return {form: rows for form, rows in holders.items() if len(rows) > 1}


def _shared_aliases(people: Sequence) -> list[dict]:
    """Multi-word aliases ("President Obama") carried by two or more corpus people with a full
    name; a common title ("Mr Khan") only where two holders may be one person (``_suspect``).
    One-word holders ("Trump", "Pope Francis") are listed under fragments."""
    holders = _holders([row for row in people if not _one_word(row)])
    return _ranked({"alias": form, "people": [f"{r.name} (#{r.id})" for r in rows],
                    "quote_count": sum(r.quote_count for r in rows)}
                   for form, rows in holders.items() if _suspect(form, rows))


def _suspect(form: str, rows: list) -> bool:
    """"Mr Khan" for Khizr and for Humayun Khan in different articles is two namesakes, as
    expected; it is suspect only when two holders' first names fit one person (Matt, Matthew)
    and their roles do not tell them apart (a tax lawyer Steven Rosenthal, a union organiser
    Steve Rosenthal)."""
    title, *rest = form.split()
    if title not in COMMON_TITLES or len(rest) != 1:
        return True
    return any(_may_be_one(a, b) for i, a in enumerate(rows) for b in rows[i + 1:])


def _may_be_one(a, b) -> bool:
    first_a, first_b = sorted((name_key(a.name).split()[0], name_key(b.name).split()[0]))
    return first_a != first_b and first_b.startswith(first_a) and not _roles_differ(a, b)


def _role_words(row) -> set[str]:
    return {w for role in json.loads(row.roles) for w in _WORD.findall(role.lower()) if w not in STOP_WORDS}


def _roles_differ(a, b) -> bool:
    """Both have roles, and no content word in common."""
    words_a, words_b = _role_words(a), _role_words(b)
    return bool(words_a and words_b) and not words_a & words_b


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
