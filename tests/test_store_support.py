"""Builders of extracted articles shared by the corpus database tests (imported by test_store_* modules).

The ``db_url`` fixture lives in conftest.py.
"""

from __future__ import annotations

from quotegraph.models import ArticleResult, Entity, Gender, Person, Quote, Span

# --- building extracted articles by hand (for storage and merging, independent of extraction) ---

def person(pid: str, name: str, text: str, aliases=(), gender="unknown", evidence=(), roles=(), quotes=0) -> Person:
    start = text.index(name)
    return Person(id=pid, name=name, aliases=list(aliases), mentions=[Span.of(text, start, start + len(name))],
                  roles=list(roles), gender=Gender(gender, list(evidence)), quote_count=quotes)


def quote(qid: str, text: str, content: str, speaker: Person | Entity | None, cue: str = "said",
          qtype: str = "direct") -> Quote:
    start = text.index(content)
    cue_start = text.index(cue, start + len(content)) if cue in text[start + len(content):] else text.index(cue)
    return Quote(start=start, end=start + len(content), text=content, type=qtype,
                 cue=Span.of(text, cue_start, cue_start + len(cue)),
                 speaker=speaker.mentions[0] if speaker else None,
                 parts=[Span.of(text, start, start + len(content))],
                 speaker_id=speaker.id if speaker else None, speaker_name=speaker.name if speaker else None,
                 confidence=0.9, id=qid)


def article(aid: str, text: str, people=(), quotes=(), orgs=(), **meta) -> ArticleResult:
    return ArticleResult(id=aid, source=f"<{aid}>", text=text, people=list(people), quotes=list(quotes),
                         organizations=list(orgs), **meta)


# --- two short articles shared by the query and web tests (outlet and date vary per test) ---

ROADS = ('"Potholes are costing drivers millions," Helen Price said on Monday. '
         'The transport agency said repairs would begin in June.')
SCHOOLS = ('"Class sizes are growing every year," said Raj Mehta, a teacher. '
           'Chris Taylor said "we need more funding" for schools.')


def roads_article(outlet: str, published: str, **meta) -> ArticleResult:
    """Helen Price (gender from her first name only) and an unnamed agency's indirect quote."""
    price = person("p1", "Helen Price", ROADS, gender="female", evidence=["name:Helen"], quotes=1)
    start = ROADS.index("The transport agency")
    agency = Entity("o1", "the transport agency", mentions=[Span.of(ROADS, start, start + 20)], quote_count=1)
    return article("roads", ROADS, [price],
                   [quote("q1", ROADS, "Potholes are costing drivers millions,", price),
                    quote("q2", ROADS, "repairs would begin in June", agency, qtype="indirect")],
                   orgs=[agency], outlet=outlet, published=published, **meta)


def schools_article(outlet: str, published: str, roles=(), **meta) -> ArticleResult:
    """Raj Mehta (gender from his first name) and Chris Taylor (no evidence)."""
    mehta = person("p1", "Raj Mehta", SCHOOLS, gender="male", evidence=["name:Raj"], roles=roles, quotes=1)
    taylor = person("p2", "Chris Taylor", SCHOOLS, quotes=1)
    return article("schools", SCHOOLS, [mehta, taylor],
                   [quote("q1", SCHOOLS, "Class sizes are growing every year,", mehta),
                    quote("q2", SCHOOLS, "we need more funding", taylor)],
                   outlet=outlet, published=published, **meta)
