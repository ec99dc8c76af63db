"""Quotation finding: spaCy ``Doc`` -> ``list[Quote]`` with cue and speaker mention.

``direct`` finds quotes in quote marks (direct and mixed); ``indirect`` finds reported speech
outside them. Speakers here are mentions as the sentence gives them; ``people`` resolves them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..intervals import Intervals
from ..models import Excluded, Quote
from ..settings import Options
from .direct import find_direct
from .indirect import find_indirect
from .interviews import interview_quotes, with_turns


def find_quotes(doc: Doc, excluded: Sequence[Excluded], options: Options | None = None) -> list[Quote]:
    """Every quotation in ``doc`` in text order (speaker mention set, not yet resolved)."""
    options = options or Options()
    direct = find_direct(doc, excluded)
    taken = [span for q in direct for span in _pieces(q)]
    indirect = find_indirect(doc, excluded, taken, options)
    # a quote in marks wins over reported speech found over the same words
    marks = Intervals(taken)
    indirect = [q for q in indirect if not any(marks.overlaps(start, end) for start, end in _pieces(q))]
    return with_turns(sorted(direct + indirect, key=lambda q: (q.start, q.end)), interview_quotes(doc, excluded))


def _pieces(quote: Quote) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]


