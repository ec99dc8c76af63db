"""Reported speech without quote marks: ``the council said two schools would close``.

One pass over the tokens of the parse: a token whose lemma is a cue verb (``cues``) and that
governs a clausal complement (``said [that] ...``, ``urged residents [to stay indoors]``) or is
attached inside the clause it reports (``Two schools will close, the council said``) gives an
indirect quote. The speaker mention is the cue's subject, found through ``conj``/``xcomp``
chains (``refused to comment but said ...``), the ``by`` agent of a passive, or the noun a
participle hangs on (``officials saying ...``). A relative pronoun (``Tyler, who said ...``) is
kept as the mention, like any pronoun; ``people`` resolves it.

With ``Options.beliefs`` (PolNeAR-style attributions) belief verbs (``thinks that``),
``according to X`` and stances whose content is a phrase (``endorsed Clinton``, ``wants to
win``, ``called for a ban``) are reported too; news readers do not count those as quotations.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Token

from ..intervals import Intervals
from ..lexicon import ADDRESSEE_VERBS
from ..models import Excluded, Quote, Span
from ..settings import Options
from ..syntax import (
    char_range,
    column,
    doc_text,
    head_indices,
    sentence_bounds,
    string_mask,
    subtree_range,
    token_bounds,
    token_mask,
    word_ids,
)
from .cues import BELIEF, GERUND_CLAUSE, NEEDS_PARTICLE, OBJECT, PREP_OBJECT, SPEECH, TO_CLAUSE, XCOMP
from .datelines import dateline_end
from .reported_speaker import reported_speaker

# Cues attached inside the clause they report: ``The plant, he said, will close.``
_INSIDE = frozenset({"parataxis", "ccomp", "advcl"})
_EDGE_TRIM_IDS = word_ids(("PUNCT", "SPACE", "CCONJ"))
_SPACE_ID = next(iter(word_ids(("SPACE",))))
_VERBAL = frozenset({"VERB", "AUX"})
_CLAUSE_HEADS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})
_QUESTION_AUX = frozenset({"do", "does", "did"})


def find_indirect(doc: Doc, excluded: Sequence[Excluded], taken: Sequence[tuple[int, int]],
                  options: Options) -> list[Quote]:
    """Indirect quotes whose content does not overlap ``taken`` (spans of quotes in marks)."""
    text = doc_text(doc)
    blocked = Intervals([*taken, *((e.start, e.end) for e in excluded)])
    marks = Intervals(taken)
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    dateline = dateline_end(text)
    for i in _cue_candidates(doc, options.beliefs):
        token = doc[i]
        found = _attribution(token, options.beliefs)
        if found is None:
            continue
        cue, parts, confidence, rule = found
        low, high = _paragraph(text, *cue)
        low = max(low, dateline)
        parts = [p for p in (_trim(doc, a, b, low, high) for a, b in parts) if p is not None]
        if not parts:
            continue
        start, end = parts[0][0], parts[-1][1]
        if (start, end) in seen or blocked.overlaps(start, end):
            continue
        if end <= cue[0] and marks.overlaps(token.sent.start_char, cue[0]):
            continue  # ``A, but "B," so C, she said``: one mixed quote, the direct stage's
        seen.add((start, end))
        speaker, speaker_rule = reported_speaker(token, marks) or (None, None)
        if speaker is None:
            confidence -= 0.2
        quotes.append(Quote(
            start=start, end=end, text=text[start:end], type="indirect",
            cue=Span.of(text, *cue),
            speaker=Span.of(text, *speaker) if speaker else None,
            parts=[Span.of(text, a, b) for a, b in parts],
            confidence=round(confidence, 2),
            rule=rule,
            speaker_rule=speaker_rule,
        ))
    return _shallow(quotes)


# A report nested in the content of more reports than this is left to the reports around it:
# in a run-on sentence of n nested reports (``X said that Y told reporters that Z said that ...``)
# each content runs to the sentence end, so keeping them all makes the output grow as n squared.
# Contents are parse subtrees, nested or apart, so each character then lies in at most
# MAX_NESTING + 1 contents and the output stays linear. PolNeAR dev nests at most 4 deep.
MAX_NESTING = 4


def _shallow(quotes: list[Quote]) -> list[Quote]:
    """The quotes whose cue lies inside the content of at most ``MAX_NESTING`` other quotes."""
    starts = sorted(q.start for q in quotes)
    ends = sorted(q.end for q in quotes)

    def depth(quote: Quote) -> int:
        at = quote.cue.start if quote.cue is not None else quote.start
        return bisect_right(starts, at) - bisect_right(ends, at)
    return [q for q in quotes if depth(q) <= MAX_NESTING]


_VERBAL_IDS = word_ids(_VERBAL)
_NO_CUE_DEPS = word_ids(("amod", "aux", "auxpass"))
_ACCORDING = word_ids(("according",))


# (module-level functions: string_mask remembers their answers per lemma for the process)
def _speech_cue_lemma(lemma: str) -> bool:
    return lemma.lower() in _SPEECH_LEMMAS


def _belief_cue_lemma(lemma: str) -> bool:
    return lemma.lower() in _BELIEF_LEMMAS


def _cue_candidates(doc: Doc, beliefs: bool) -> list[int]:
    """The tokens ``_attribution`` can take, in order, read from token arrays so that no Token is
    made for the others: a verb not attached as a modifier or auxiliary whose lemma (as
    ``_lemma`` reads it) is a cue, and in beliefs mode every ``according``."""
    mask = token_mask(doc, "POS", _VERBAL_IDS) & ~token_mask(doc, "DEP", _NO_CUE_DEPS)
    mask &= string_mask(doc, "LEMMA", _belief_cue_lemma if beliefs else _speech_cue_lemma)
    if beliefs:
        mask |= token_mask(doc, "LOWER", _ACCORDING)
    return np.flatnonzero(mask).tolist()


def _attribution(token: Token, beliefs: bool):
    """``(cue char span, [content char spans], confidence)`` when ``token`` is a cue, else None."""
    if beliefs and token.lower_ == "according":
        return _according(token)
    if token.pos_ not in _VERBAL or token.dep_ in ("amod", "aux", "auxpass"):
        return None
    lemma = _lemma(token)
    belief = lemma in BELIEF and lemma not in SPEECH
    if not (lemma in SPEECH or (beliefs and (belief or lemma in _POLNEAR_ONLY))):
        return None
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    needed = NEEDS_PARTICLE.get(lemma)
    if needed and (following is None or following.lower_ not in needed):
        return None
    if _is_question(token):
        return None
    cue_end = token.i + 1
    if following is not None and (needed or (following.dep_ == "prt" and following.head.i == token.i)):
        cue_end += 1  # ``pointed out``, ``called on``
    cue = (token.idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]))
    confidence = 0.55 if belief else 0.8

    complement = _complement(token, lemma)
    if complement is not None:
        if not beliefs and (_left_open(token, complement[0]) or _order_received(token, complement[1])):
            return None
        # PolNeAR's contents hold the reports nested in them; news readers count each report once
        reported = complement[0] if beliefs else _before_next_report(token, complement[0])
        return cue, [reported], confidence, complement[1]
    gerund_clause = _gerund_clause(token, lemma) if not beliefs else None
    if gerund_clause is not None:
        return cue, [subtree_range(gerund_clause)], confidence - 0.1, "indirect-gerund-clause"
    if _reports_its_head(token):
        head = token.head
        h_start, h_end = subtree_range(head)
        c_start, c_end = subtree_range(token)
        pieces = [(h_start, c_start), (c_end, h_end)]
        return cue, [(a, b) for a, b in pieces if b > a], confidence - 0.15, "indirect-parenthetical"
    if beliefs:
        content = _polnear_content(token, lemma)
        if content is not None:
            return cue, [subtree_range(content)], 0.4, "stance-object"
    return None


_POLNEAR_ONLY = OBJECT | XCOMP | frozenset(PREP_OBJECT)
# The lemmas a cue candidate may have, as the model writes them: ``hop`` is its lemma of
# ``hoped`` (``_lemma`` reads it as ``hope``).
_SPEECH_LEMMAS = SPEECH | {"hop"}
_BELIEF_LEMMAS = SPEECH | BELIEF | _POLNEAR_ONLY | {"hop"}  # in beliefs mode


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if lemma == "hop" and token.lower_.startswith("hope"):
        return "hope"  # the small model lemmatises ``hoped`` as ``hop``
    return lemma


def _polnear_content(token: Token, lemma: str) -> Token | None:
    """PolNeAR-style content that is no clause: ``wants to win``, ``endorsed Clinton``,
    ``called for a ban``."""
    children = list(token.children)
    if lemma in XCOMP:
        for child in children:
            if child.dep_ == "xcomp":
                return child
    if lemma in PREP_OBJECT:
        preps = PREP_OBJECT[lemma]
        for child in children:
            if child.dep_ in ("prep", "prt") and child.lower_ in preps:
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return obj
    if lemma in OBJECT:
        for child in children:
            if child.dep_ == "dobj":
                if lemma in ADDRESSEE_VERBS and child.pos_ in ("PRON", "PROPN"):
                    continue
                return child
    return None


def _complement(token: Token, lemma: str) -> tuple[tuple[int, int], str] | None:
    """Token span of the clause a cue reports: its ``ccomp`` (several when the parser split one
    clause; those after the cue win over those before it), or for ``urge``-type verbs its
    to-clause, or for ``call`` its ``for ... to`` clause."""
    before: list[Token] = []
    after: list[Token] = []
    for child in token.children:
        if child.dep_ == "ccomp" and child.pos_ in _CLAUSE_HEADS:
            (after if child.i > token.i else before).append(child)
    if after:
        return (_clause_start(after[0]), after[-1].right_edge.i + 1), "indirect-that-clause"
    if lemma in TO_CLAUSE:
        for child in token.children:
            if child.dep_ in ("xcomp", "ccomp", "advcl") and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in child.children
            ) and (child.dep_ != "advcl" or _has_mark(child, "for")):
                return subtree_range(child), "indirect-to-clause"
    if before:
        return subtree_range(before[-1]), "indirect-clause-before"
    return None


_OPEN_MARKS = frozenset({"if", "whether"})
_REFUSALS = frozenset({"decline", "refuse"})


def _left_open(cue: Token, content: tuple[int, int]) -> bool:
    """``would not confirm if the results would be shared``, ``declined to say whether``: a
    question the speaker did not answer reports nothing they said."""
    heads = head_indices(cue.doc)
    first = next((i for i in range(content[0], content[1]) if heads[i] == cue.i), None)
    clause = None if first is None else cue.doc[first]
    if clause is None or not any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in clause.children):
        return False
    refused = cue.dep_ == "xcomp" and cue.head.lemma_ in _REFUSALS
    return refused or any(c.dep_ == "neg" for c in cue.children)


def _clause_start(clause: Token) -> int:
    """Where a reported clause starts: its ``that`` when words the parse hung on the clause stand
    before it (``told the committee at its sitting, held last week, that she had been misled``)."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is not None and mark.i > clause.left_edge.i and mark.doc[mark.i - 1].text == ",":
        return mark.i
    return clause.left_edge.i


_JOINED_IDS = word_ids(("advcl", "conj"))


def _before_next_report(cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The content up to a report of someone else joined to it (``said she was disappointed
    while Councillor Collins said ...``): that report is a quote of its own."""
    start, end = content
    doc, at = cue.doc, cue.i
    deps, heads = column(doc, "DEP"), head_indices(doc)
    for i in range(max(start, at + 1), end):  # (read from columns: a Token only where one fits)
        if deps[i] in _JOINED_IDS and heads[i] != at and start <= heads[i] < end:
            tok = doc[i]
            if _is_cue_lemma(tok) and any(c.dep_ == "nsubj" for c in tok.children) and tok.left_edge.i > start:
                return start, tok.left_edge.i
    return content


def _gerund_clause(cue: Token, lemma: str) -> Token | None:
    """``denied tendering a leave of absence``: the gerund clause after the cue."""
    if lemma not in GERUND_CLAUSE:
        return None
    return next((c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > cue.i), None)


def _order_received(cue: Token, rule: str) -> bool:
    """``Police were instructed to check the footage``: a passive directive with no agent
    tells what its subject was told to do, and nobody is reported."""
    return rule == "indirect-to-clause" and any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children) \
        and not any(c.dep_ == "agent" for c in cue.children)


def _has_mark(token: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in token.children)


def _reports_its_head(token: Token) -> bool:
    """``The plant, he said, will close`` / ``The plant will close, he said``: the cue hangs
    on the clause it reports and has a subject of its own but no object or complement."""
    if token.dep_ not in _INSIDE or token.head.pos_ not in _VERBAL or token.head.i == token.i:
        return False
    if token.dep_ == "ccomp" and _is_cue_lemma(token.head):
        return False  # ``X felt Y, said Z``: the head is the cue of a larger report
    has_subject = as_clause = False
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ == "as":
            as_clause = True  # ``As the Post reported, ...`` / ``as reported by the Post``
        elif child.dep_ in ("dobj", "ccomp", "xcomp", "mark", "dative"):
            return False
        elif child.dep_ == "nsubj" or (child.dep_ == "agent" and token.dep_ == "advcl"):
            has_subject = True
    if token.dep_ == "advcl" and not as_clause:
        return False
    if not as_clause and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return False
    return has_subject


def _is_cue_lemma(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in SPEECH or lemma in BELIEF


def _according(token: Token):
    """``according to X`` (beliefs mode): the content is the clause the phrase hangs on."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None or not any(c.dep_ == "pobj" for c in to.children):
        return None
    head = token.head
    if head.i == token.i:
        return None
    cue = (token.idx, to.idx + len(to))
    h_start, h_end = subtree_range(head)
    c_start, c_end = subtree_range(token)
    pieces = [(a, b) for a, b in ((h_start, c_start), (c_end, h_end)) if b > a]
    return cue, pieces, 0.5, "according-to"


def _is_question(token: Token) -> bool:
    """``Did he say that ...?``: a question about speech is not a report of it."""
    doc = token.doc
    starts, ends = sentence_bounds(doc)
    first, last = starts[token.i], ends[token.i] - 1
    if column(doc, "POS")[last] == _SPACE_ID and last > first:
        last -= 1
    if doc[last].text != "?":
        return False
    return any(c.dep_ == "aux" and c.lemma_ in _QUESTION_AUX and c.i < token.i
               for c in token.children) or token.dep_ == "ROOT" and doc[first].tag_.startswith("W")


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the line holding ``start:end``: content never crosses a line break,
    even where the parser ran two paragraphs into one sentence."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    return low, len(text) if high < 0 else high


def _trim(doc: Doc, start: int, end: int, low: int, high: int) -> tuple[int, int] | None:
    """Token span -> char span inside ``low:high`` without edge punctuation, spaces or dangling
    conjunctions; None when fewer than two tokens are left."""
    idx, pos = token_bounds(doc)[0], column(doc, "POS")
    while start < end and idx[start] < low:
        start += 1
    while end > start and idx[end - 1] >= high:
        end -= 1
    while start < end and pos[start] in _EDGE_TRIM_IDS:
        start += 1
    while end > start and pos[end - 1] in _EDGE_TRIM_IDS:
        end -= 1
    if end - start < 2:
        return None
    return char_range(doc, start, end)


