"""Bar charts as plain data for the SVG templates: no JavaScript, nothing to download."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, BAR, GAP, LABEL = 640, 18, 6, 170  # pixels: chart width, bar height, gap, label column


@dataclass(frozen=True)
class Piece:
    x: float
    width: float
    css: str  # class giving the fill colour
    value: int
    name: str


@dataclass(frozen=True)
class Row:
    label: str
    y: int
    total: int
    pieces: list[Piece]


@dataclass(frozen=True)
class Chart:
    rows: list[Row]
    height: int
    width: int = WIDTH
    label_width: int = LABEL


def stacked(records: list[dict], label: str, parts: list[tuple[str, str]]) -> Chart:
    """One horizontal bar per record, split into ``parts`` (field, css class); each bar is as
    long as its record's total so groups of different sizes are comparable."""
    totals = [sum(int(r.get(f) or 0) for f, _ in parts) for r in records]
    scale = (WIDTH - LABEL - 40) / max(totals or [1]) if any(totals) else 0
    rows = []
    for i, (record, total) in enumerate(zip(records, totals, strict=True)):
        x, pieces = float(LABEL), []
        for field_name, css in parts:
            value = int(record.get(field_name) or 0)
            pieces.append(Piece(x, value * scale, css, value, field_name))
            x += value * scale
        rows.append(Row(str(record.get(label) or "(none)"), i * (BAR + GAP), total, pieces))
    return Chart(rows, max(len(rows) * (BAR + GAP), BAR))


def simple(pairs: list[tuple[str, int]], css: str = "bar") -> Chart:
    return stacked([{"label": k, "n": v} for k, v in pairs], "label", [("n", css)])
