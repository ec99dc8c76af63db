"""An article's text cut into segments for display: which quote, cue, speaker mention or
leftover covers each piece, and a colour per resolved speaker."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

PALETTE_SIZE = 16  # colour classes sp-0 .. sp-15 in static/style.css


@dataclass(frozen=True)
class Segment:
    text: str
    quote: str | None = None  # quote id whose content covers the piece
    role: str | None = None  # "content", "cue" or "speaker"
    leftover: str | None = None  # reason, when the piece is an excluded leftover


def speaker_key(quote: dict) -> str:
    """What identifies a resolved speaker within an article: its entity, else its name."""
    return quote.get("speaker_id") or quote.get("speaker_name") or ""


def speaker_colours(quotes: list[dict]) -> dict[str, int]:
    """Palette index per speaker: from a hash of the name, so one speaker keeps its colour
    across pages, moved to the next free colour when another speaker in the article has it."""
    colours: dict[str, int] = {}
    names: dict[str, str] = {}
    for q in quotes:
        names.setdefault(speaker_key(q), q.get("speaker_name") or "")
    taken: set[int] = set()
    for key in sorted(names, key=lambda k: (names[k], k)):
        start = int(hashlib.sha1(names[key].lower().encode("utf-8")).hexdigest(), 16) % PALETTE_SIZE
        index = next((i for i in ((start + n) % PALETTE_SIZE for n in range(PALETTE_SIZE)) if i not in taken),
                     start)
        taken.add(index)
        colours[key] = index
    return colours


def _owners(record: dict) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, role, quote id, leftover reason) for every span to mark; earlier entries win."""
    spans: list[tuple[int, int, str, str | None, str | None]] = []
    for q in record["quotes"]:
        for part in q.get("parts") or [{"start": q["start"], "end": q["end"]}]:
            spans.append((part["start"], part["end"], "content", q["id"], None))
    for q in record["quotes"]:
        for role in ("speaker", "cue"):
            if q.get(role):
                spans.append((q[role]["start"], q[role]["end"], role, q["id"], None))
    spans += [(e["start"], e["end"], "leftover", None, e["reason"]) for e in record["excluded"]]
    return spans


def segments(record: dict) -> list[Segment]:
    """The whole text as consecutive segments; joined, they give back the text exactly."""
    text = record["text"]
    spans = [s for s in _owners(record) if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        mark = next((s for s in covering if s[2] != "leftover"), None)
        leftover = next((s[4] for s in covering if s[2] == "leftover"), None)
        out.append(Segment(text[start:end], mark[3] if mark else None, mark[2] if mark else None, leftover))
    return out
