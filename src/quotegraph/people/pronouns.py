"""Pronouns the text ties to a person, for gender evidence and for pronoun speakers.

Careful on purpose: a pronoun outside quotation marks counts only where one reading is
plain — the subject of its own sentence named earlier in that sentence with nobody else named
in between (``X said he ...``, ``X, who said his team ...``), or a subject pronoun opening a
sentence whose previous sentence had that person as subject and named nobody after them.
"""

from __future__ import annotations

from ..models import Span
from ..syntax import by_sentence, column, token_bounds
from .clusters import PersonDraft
from .context import Context
from .evidence import GenderEvidence
from .lexicon import PRONOUN_GENDER

_LOOKBACK = 3  # sentences
_CATAPHORA_REACH = 400  # characters after a pronoun with no one before it in which its name may come


def _same_sentence_subject(ctx: Context, sent, tok_i: int) -> PersonDraft | None:
    subject = ctx.sent_subject.get(sent.start)
    if subject is None or subject[0] >= tok_i:
        return None
    idx, person = subject
    starts = token_bounds(ctx.doc)[0]
    others = ctx.people_between(starts[idx] + 1, starts[tok_i]) - {person}
    return None if others else person


def _all_quoted(ctx: Context, start: int, end: int) -> bool:
    """Every token ``start:end`` is inside quotation marks, punctuation or space (read from the
    token columns: no Token made)."""
    doc = ctx.doc
    starts, punct, space = token_bounds(doc)[0], column(doc, "IS_PUNCT"), column(doc, "IS_SPACE")
    return all(ctx.in_quote(starts[k]) or punct[k] or space[k] for k in range(start, end))


def _previous_subject(ctx: Context, sent_no: int, gender: str | None, lookback: int = 1) -> PersonDraft | None:
    """Subject person of the nearest earlier sentence(s) not inside quotation marks."""
    seen = 0
    k = sent_no - 1
    while k >= 0 and seen < lookback:
        sent = ctx.sents[k]
        k -= 1
        if _all_quoted(ctx, sent.start, sent.end):
            continue  # a sentence of quoted words
        seen += 1
        subject = ctx.sent_subject.get(sent.start)
        if subject is None:
            if lookback == 1:
                return None
            continue
        idx, person = subject
        if gender and person.text_gender() not in (None, gender):
            continue
        later = ctx.people_between(token_bounds(ctx.doc)[0][idx] + 1, sent.end_char) - {person}
        if later and lookback == 1:
            return None
        return person
    return None


def collect_pronoun_evidence(ctx: Context) -> None:
    """Add pronoun evidence and pronoun mentions to the people they plainly refer to."""
    # the subject and possessive pronouns outside quotation marks (the article's frame) that
    # name no one in this table
    pronouns = [i for i in ctx.frame.pronouns if i not in ctx.person_at]
    for n, sent, found in by_sentence(ctx.sents, pronouns):
        for i in found:
            tok = ctx.doc[i]
            gender = PRONOUN_GENDER[tok.lower_]
            person = _same_sentence_subject(ctx, sent, i)
            if person is None and tok.dep_ != "poss" and not any(j in ctx.person_at for j in range(sent.start, i)):
                person = _previous_subject(ctx, n, None)
            if person is not None and _stated_gender(person) in (None, gender):
                add_pronoun(person, gender, Span(tok.idx, tok.idx + len(tok.text), tok.text))


def _stated_gender(person: PersonDraft) -> str | None:
    """Gender from the person's honorifics, titles and nouns (not pronouns), if one: a ``she``
    after ``Mr. Trump spoke`` is someone else."""
    values = {e.value for e in person.evidence if e.kind != "pronoun"}
    return values.pop() if len(values) == 1 else None


def add_pronoun(person: PersonDraft, gender: str, span: Span) -> None:
    person.evidence.append(GenderEvidence(gender, "pronoun", span.text.lower(), span))
    person.add_other(span)


def resolve_person_pronoun(ctx: Context, char: int, gender: str, previous: PersonDraft | None) -> PersonDraft | None:
    """The person a ``he``/``she`` speaker at ``char`` stands for.

    Order: the subject named earlier in the same sentence; the subject of an earlier sentence
    (up to three back, agreeing in gender); the previous quotation's speaker; the most recent
    person of that gender named outside quotation marks; when nobody fits before it, the
    nearest one named just after it."""
    n = ctx.sent_index(char)
    sent = ctx.sents[n]
    tok_i = next((t.i for t in sent if t.idx >= char), sent.end - 1)

    def fits(p: PersonDraft | None) -> bool:
        # the first-name table only refuses a clear mismatch ("she" for a Donald); it never
        # gives evidence of its own
        return p is not None and p.likely_gender() in (None, gender)

    person = _same_sentence_subject(ctx, sent, tok_i)
    if fits(person):
        return person
    person = _previous_subject(ctx, n, gender, lookback=_LOOKBACK)
    if person is not None and fits(person):
        if previous is not None and previous is not person and fits(previous):
            # the previous speaker wins when named after that subject
            last_prev = max((m.start for m in previous.mentions if m.start < char), default=-1)
            last_subj = max((m.start for m in person.mentions if m.start < char), default=-1)
            if last_prev > last_subj:
                return previous
        return person
    if fits(previous):
        return previous
    before = next((p for p in ctx.named_before(char) if fits(p)), None)
    if before is None:
        # "The chief of police dismissed ... He also denied ..." with the name a paragraph later
        before = next((p for p in ctx.named_after(char, _CATAPHORA_REACH) if fits(p)), None)
    return before
