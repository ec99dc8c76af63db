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
