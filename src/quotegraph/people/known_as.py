"""Two names for one person: ``A-Plus, known in private life as Kwame Asare-Obeng,`` and
``X, also known as Y``. The name before the phrase (a stage name, often one hyphenated word the
model does not read as a name) becomes a mention wherever the article writes it, and the
person's entry holds both names.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..syntax import tokens_with, word_ids
from .clusters import PersonDraft
from .name_mention import NameMention, make_mention
from .name_tokens import name_run

# words allowed between "known" and "as", and before "known"
_BETWEEN = frozenset({"in", "private", "public", "life", "professionally", "locally", "popularly", "widely"})
_BEFORE = frozenset({"also", "better", "popularly", "widely", "commonly", "professionally"})
_KNOWN = word_ids(["known"])
STAGE_NAME_TOKENS = 4  # tokens of the name before the phrase (``A - Plus``)


def _stage_name(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The capitalised words (with hyphens) that end right before ``comma`` and open a clause."""
    i = comma
    while i > 0 and comma - i < STAGE_NAME_TOKENS and (doc[i - 1].text[:1].isupper() or doc[i - 1].text == "-"):
        i -= 1
    if i == comma or doc[i].text == "-" or not (i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space
                                                or doc[i - 1].pos_ in ("NOUN", "ADJ")):
        return None
    return i, comma


def known_as_pairs(doc: Doc) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(stage name, real name) token ranges of each ``X, known ... as Y``."""
    pairs = []
    for i in tokens_with(doc, "LOWER", _KNOWN):
        tok = doc[i]
        k = tok.i - 1
        while k >= 0 and doc[k].lower_ in _BEFORE:
            k -= 1
        j = tok.i + 1
        while j < len(doc) and doc[j].lower_ in _BETWEEN:
            j += 1
        if k < 1 or doc[k].text != "," or j >= len(doc) or doc[j].lower_ != "as":
            continue
        end = name_run(doc, j + 1)
        stage = _stage_name(doc, k)
        if stage is not None and end - (j + 1) >= 2:
            pairs.append((stage, (j + 1, end)))
    return pairs


def known_as_mentions(doc: Doc) -> list[NameMention]:
    """Mentions of both names of each pair, and of the stage name wherever else it is written."""
    found = []
    for (s, e), (rs, re_) in known_as_pairs(doc):
        found.append(make_mention(doc, rs, re_))
        words = [t.text for t in doc[s:e]]
        n = len(words)
        for i in range(len(doc) - n + 1):
            if [t.text for t in doc[i : i + n]] == words and (i == 0 or not doc[i - 1].text[:1].isupper()):
                found.append(make_mention(doc, i, i + n))
    return found


def merge_known_as(doc: Doc, drafts: list[PersonDraft]) -> list[PersonDraft]:
    """Move each stage name's person into the person of the real name it is known as."""
    for (s, _), (rs, _) in known_as_pairs(doc):
        real = next((d for d in drafts if any(m.first_token == rs for m in d.mentions)), None)
        stage = next((d for d in drafts if any(m.first_token == s for m in d.mentions)), None)
        if real is None or stage is None or real is stage:
            continue
        for m in stage.mentions:
            real.mentions.append(m)
        real.titles.extend(t for t in stage.titles if t not in real.titles)
        real.roles.extend(r for r in stage.roles if r not in real.roles)
        real.evidence.extend(stage.evidence)
        real.first_start = min(real.first_start, stage.first_start)
        drafts = [d for d in drafts if d is not stage]
    return drafts
