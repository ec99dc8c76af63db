"""Documents as speakers: the statement or report that an ``it`` stands for.

``An alleged statement, which was posted online, admitted errors. It also apologized for
remarks that caused "outrage".``: the ``it`` that speaks is the statement, the subject of the
sentence before, not the organisation last named. A description kept as worded (``alleged
statement``), since a document is neither a person nor an organisation.
"""

from __future__ import annotations

from ..lexicon import DOCUMENT_NOUNS
from ..models import Span
from ..syntax import SUBJECTS, mention_range
from .context import Context

_LOOKBACK = 3  # sentences outside quotation marks searched back from the ``it``


def document_subject_before(ctx: Context, char: int) -> Span | None:
    """The mention of a document that is the main subject of the nearest earlier sentence
    outside quotation marks (up to ``_LOOKBACK`` back), or None when that subject is anything
    else (a later subject that is no document stands between)."""
    k = ctx.sent_index(char) - 1
    seen = 0
    while k >= 0 and seen < _LOOKBACK:
        sent = ctx.sents[k]
        k -= 1
        if ctx.in_quote(sent.root.idx):
            continue
        seen += 1
        subject = next((c for c in sent.root.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.lower_ == "it":
            continue  # (``It also said``: the same document, named further back)
        if subject.lemma_.lower() not in DOCUMENT_NOUNS or subject.pos_ != "NOUN":
            return None
        start, end = mention_range(subject)
        span = ctx.doc[start:end]
        return Span(span.start_char, span.end_char, span.text)
    return None
