"""From framed quoted stretches to ``Quote`` records: continuations join the quote they continue
(``"A," she said, "B."``, the multi-paragraph convention), nearby unattributed quotes take the
previous speaker, and long orphans are kept with no speaker."""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Quote, Span
from ..syntax import path_up
from .layout import END_PUNCT, MIN_ORPHAN_WORDS, Item, Layout, skip_space, unmarked


def assemble(d: Layout, items: list[Item]) -> list[Quote]:
    """Join continuations to the quote they continue and build ``Quote`` objects."""
    groups: list[list[Item]] = []
    for item in items:
        if item.type != "scare":
            _place(d, groups, item)
    text, doc = d.text, d.doc
    quotes = []
    for group in groups:
        head = group[0]
        parts = [(it.start, it.end) for it in group]
        start, end = parts[0][0], parts[-1][1]
        speaker = head.speaker
        cue = head.cue
        quotes.append(Quote(
            start=start, end=end, text=text[start:end],
            type="mixed" if any(it.type == "mixed" for it in group) else "direct",
            cue=Span.of(text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            speaker=Span.of(text, doc[speaker[0]].idx, d.char_end(speaker[1] - 1)) if speaker else None,
            parts=[Span.of(text, s, e) for s, e in parts],
            confidence=head.confidence,
            rule=head.rule,
            speaker_rule=head.speaker_rule if speaker else None,
        ))
    return quotes


CONTINUATION_CONFIDENCE = 0.5  # an unattributed quote taking the speaker of the quote before
ORPHAN_CONFIDENCE = 0.3  # a long quote with no speaker


def _place(d: Layout, groups: list[list[Item]], item: Item) -> None:
    """Add ``item`` to the last group (a continuation), to a new group, or drop it."""
    if groups:
        prev, head = groups[-1][-1], groups[-1][0]
        if item.start < prev.end:
            # inside the previous quote's reported clause (mixed): already covered
            prev.end = max(prev.end, item.end)
            return
        if _continues(d, prev, head, item):
            groups[-1].append(item)
            _take_closing_attribution(head, item)
            return
        _inherit(prev, head, item)
    if not item.own_cue and item.speaker is None:
        # a long quote with no attribution near it is kept with no speaker: guessing the
        # reporter of an earlier paragraph was right about once in ten on PolNeAR train
        if not _long_enough(d, item):
            return
        item.confidence = ORPHAN_CONFIDENCE
    groups.append([item])


def _take_closing_attribution(head: Item, item: Item) -> None:
    """A quote running over several paragraphs is attributed where its last part carries the
    cue (``"A.`` / ``"B," says X.``): that attribution replaces a speaker the opening paragraph
    only guessed from its context."""
    if head.own_cue or not item.own_cue or item.speaker is None:
        return
    head.speaker, head.speaker_rule = item.speaker, "closing-attribution"
    head.cue, head.cue_after, head.own_cue, head.confidence = item.cue, item.cue_after, True, item.confidence


def _inherit(prev: Item, head: Item, item: Item) -> None:
    """A quote with no speaker of its own takes that of the quote before: with no attribution in
    the same or next paragraph, or with a cue but no subject in the same paragraph (``adding:``)."""
    if head.speaker is None or item.speaker is not None:
        return
    if not item.own_cue and item.para - head.para <= 1:
        item.attribute((head.speaker, "paragraph-continuation"))
        item.cue, item.confidence = None, CONTINUATION_CONFIDENCE
    elif item.own_cue and prev.para == item.para:
        item.attribute((head.speaker, "same-paragraph-speaker"))


def _continues(d: Layout, prev: Item, head: Item, item: Item) -> bool:
    """Whether ``item`` continues the quote ``prev`` belongs to (same speaker, one attribution)."""
    if any(prev.end <= s < item.start for s, _ in d.blocked):
        return False  # a leftover (caption, embed) stands between: a quote of its own
    if item.mark.cont_prev:
        return not _attributed_anew(head, item)
    if item.own_cue and item.cue is not None and head.cue is not None and item.cue.i == head.cue.i:
        return True  # ``"A," she said, "B."``
    if item.own_cue or head.cue is None:
        return False
    if item.para != prev.para:
        if not _opens_next_paragraph(d, prev, head, item):
            return False
    elif d.text[prev.end:item.start].strip(" ,.;:\u2014\u2013-") == "":
        return True
    # only the attribution of the quote before stands between: ``"A," she said. "B."`` (and
    # titles in marks within it: ``said on Fox News's "Fox and Friends." "B."``)
    if not prev.cue_after:
        return False
    frame = _attribution_words(d, prev, item)
    if frame is None:
        return False
    doc = d.doc
    spk = head.speaker or (0, 0)
    cue_i = prev.cue.i if prev.cue is not None else -1
    others = [i for i in frame if i != cue_i and not spk[0] <= i < spk[1]]
    # a clause of its own beside the attribution (``and her husband cut in``) is not part of it;
    # a subordinate one (``said after Pagliano failed to appear``) is
    return not any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not spk[0] <= c.i < spk[1]
        and not _subordinate(doc[i], cue_i)
        for i in others for c in doc[i].children)


def _attributed_anew(head: Item, item: Item) -> bool:
    """A paragraph continuing an open quote that carries an attribution of its own (``"B," he
    continued.``, ``added Rep. Jim Clyburn``) after a quote that had one: a new report (each
    cue is one attribution), not the next part of the first."""
    return head.own_cue and item.own_cue and item.speaker is not None and item.cue is not None \
        and head.cue is not None and item.cue.i != head.cue.i


def _opens_next_paragraph(d: Layout, prev: Item, head: Item, item: Item) -> bool:
    """``"A," she said.`` / a paragraph that opens with a quote and no attribution of its own:
    the next part of what she said (not the answer to a question she asked)."""
    inner = d.text[prev.mark.inner[0]:prev.mark.inner[1]].rstrip(" ,\u201d\"'")
    return item.para == prev.para + 1 and prev.cue_after and head.speaker is not None \
        and item.start == skip_space(d.text, d.paras[item.para][0]) and not inner.endswith("?")


def _attribution_words(d: Layout, prev: Item, item: Item) -> list[int] | None:
    """The words of the attribution sentence between ``prev`` and ``item`` (its frame, and the
    rest of that sentence when it ran past the frame's length), or None when anything else
    stands between them: another sentence, a line break."""
    doc = d.doc
    between = unmarked(d, prev.frame_end, item.start)
    if between.strip():
        rest = [i for i in d.tokens_in(prev.frame_end, item.start) if not doc[i].is_space]
        if "\n" in between or not rest or any(doc[i].text in END_PUNCT for i in rest[:-1]) \
                or d.text[prev.frame_end - 1:prev.frame_end] in END_PUNCT:
            return None
    else:
        rest = []
    frame = [i for i in d.tokens_in(prev.end, prev.frame_end) if not doc[i].is_punct and not doc[i].is_space]
    return frame + [i for i in rest if not doc[i].is_punct]


# Relations that open a clause subordinate to the attribution (its subject is no new speaker).
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "ccomp", "xcomp"})
SUBORDINATE_DEPTH = 12  # heads climbed looking for the clause relation


def _subordinate(tok: Token, cue_i: int) -> bool:
    """Whether ``tok`` lies in a clause below the attribution's cue (not one coordinated with it)."""
    for node in path_up(tok, SUBORDINATE_DEPTH):
        if node.i == cue_i or node.head.i == node.i:
            return False
        if node.dep_ in _SUBORDINATE:
            return True
    return False


def _long_enough(d: Layout, item: Item) -> bool:
    doc = d.doc
    return sum(1 for i in d.tokens_in(item.start, item.end) if doc[i].is_alpha) >= MIN_ORPHAN_WORDS
