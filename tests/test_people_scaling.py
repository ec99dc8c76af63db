"""The people stage grows about linearly with the article: each quote and mention is placed
through indexes, not by scanning every mention before it.

Measured as the number of lines of ``quotegraph.people`` executed (deterministic, unlike
time). Four times the text costs 4.09 times the lines here; before the stages were indexed it
cost 4.46 times at this size (the per-quote scans grow with the square of the length, so the gap
widens with size: 1,000 such paragraphs took 35 s before, 13 s after, on a loaded machine)."""

from __future__ import annotations

import sys

from quotegraph.people import build_entities
from quotegraph.quotes import find_quotes
from quotegraph.settings import Options

# a few people named again and again, as in a long running report: scans over a person's
# mentions show up only when each person has many
_FIRST = ["Amina", "Tom", "Grace"]
_LAST = ["Okafor", "Smith", "Mensah", "Patel"]


def _article(lines: int) -> str:
    """A long wire round-up: many short paragraphs, people named in full, by surname and by pronoun."""
    out = []
    for i in range(lines):
        first, last = _FIRST[i % len(_FIRST)], _LAST[(i * 7) % len(_LAST)] + ("" if i % 3 else "son")
        out.append(f'{first} {last}, a councillor, said the council would act. "We will fix it," {last} added. '
                   f'Ms {last} said the minister agreed. "The company will pay," she said.')
    return "\n\n".join(out)


def _calls(nlp, lines: int) -> int:
    doc = nlp(_article(lines))
    quotes = find_quotes(doc, [])
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += event == "line"
        return line

    def call(frame, event, arg):
        # trace only the people stage's own code, line by line (comprehensions included)
        name = frame.f_code.co_filename.replace("\\", "/")
        return line if "quotegraph/people/" in name else None

    sys.settrace(call)
    try:
        build_entities(doc, quotes, Options(name_gender=False), None)
    finally:
        sys.settrace(None)
    return count


def test_people_stage_work_grows_about_linearly(nlp):
    small, large = _calls(nlp, 40), _calls(nlp, 160)
    assert large <= 4.3 * small, (small, large, large / small)
