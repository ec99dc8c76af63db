"""Walk every span of a quotegraph/1 record (shared by the invariant tests)."""

from __future__ import annotations


def iter_spans(record: dict):
    """Yield (where, span-dict) for every span that carries text in a quotegraph/1 record."""
    for q in record["quotes"]:
        yield f"quote {q['id']}", q
        for key in ("cue", "speaker"):
            if q[key]:
                yield f"quote {q['id']} {key}", q[key]
        for part in q["parts"]:
            yield f"quote {q['id']} part", part
    for kind in ("people", "organizations", "places"):
        for entity in record[kind]:
            for m in entity["mentions"]:
                yield f"{kind} {entity['id']} mention", m
    for d in record["dates"]:
        yield "date", d
    for w in record["warnings"]:
        for s in w["spans"]:
            yield f"warning {w['code']}", s


def check_invariants(record: dict) -> None:
    text = record["text"]
    excluded = [(e["start"], e["end"]) for e in record["excluded"]]
    for e in record["excluded"]:
        assert 0 <= e["start"] <= e["end"] <= len(text)
    for where, span in iter_spans(record):
        start, end = span["start"], span["end"]
        assert 0 <= start <= end <= len(text), (where, span)
        assert text[start:end] == span["text"], (where, span)
        for ex_start, ex_end in excluded:
            assert not (start < ex_end and ex_start < end), (where, span, "crosses excluded", (ex_start, ex_end))
