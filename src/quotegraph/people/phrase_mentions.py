"""Names the model missed, read from the phrase around them: an appositive after a role word
(``his Chief Press Secretary, Oladele John,``), the end of a quote's speaker mention, and a
lone capitalised subject (``Musa said``)."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from ..models import Span
from ..syntax import SUBJECT_IDS, char_tokens, token_mask, word_ids
from .entity_mentions import org_prefixes
from .gender import first_name_gender
from .lexicon import NON_PERSON_WORDS, OFFICE_TITLES, ROLE_NOUNS, norm
from .name_mention import NameMention, make_mention
from .name_tokens import (
    HYPHENS,
    NOT_PERSON_LABELS,
    PARTICLE_LIMIT,
    PARTICLES,
    bad_name,
    extends_name,
    is_name_token,
    is_particle,
    is_title_word,
    name_run,
)
from .reads import tokens_text

ROLE_PHRASE_WORDS = 6  # how far back a role word may stand in the phrase before a name
_PLACE_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP"}
_PROPN = word_ids(("PROPN",))
_NO_LABEL = frozenset({0})
_ROLE_NOUN_IDS = word_ids(ROLE_NOUNS)


def _role_before(doc: Doc, k: int) -> bool:
    """A role word among the few words of one phrase ending at ``k`` (``Deputy Director of the
    department``)."""
    for x in range(k, max(-1, k - ROLE_PHRASE_WORDS), -1):
        tok = doc[x]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"} or tok.is_sent_end and x != k:
            return False
        if ((tok.lower_ in ROLE_NOUNS or norm(tok.text) in OFFICE_TITLES)
                and (tok.pos_ in {"NOUN", "PROPN"} or tok.text[:1].isupper())):
            return True
    return False


def appositive_mentions(doc: Doc, words: list[str]) -> list[NameMention]:
    """``his Chief Press Secretary, Oladele John,``: a two- or three-word capitalised run set off
    by commas right after a role word is a name, whatever the model said."""
    found = []
    for i in range(2, len(doc)):
        if words[i - 1] != "," or not words[i][:1].isupper() or not _role_before(doc, i - 2):
            continue
        end = name_run(doc, i)
        if 2 <= end - i <= 3 and end < len(doc) and doc[end].text in {",", "."} and not bad_name(doc, i, end):
            labelled = any(t.ent_type_ in NOT_PERSON_LABELS for t in doc[i:end])
            if not labelled or "." in words[i] or first_name_gender(words[i]) is not None:
                found.append(make_mention(doc, i, end))
    return found


def _role_then_run(doc: Doc, words: list[str], k: int) -> int:
    """End of a two- or three-word name run right after the lower-case role noun at ``k``;
    ``k + 1`` when there is none."""
    # a lower-case word is its own ``lower_``: tested on the words held, a Token only for a role noun
    if not words[k].islower() or words[k] not in ROLE_NOUNS or doc[k].pos_ != "NOUN":
        return k + 1
    end = name_run(doc, k + 1)
    if not 2 <= end - k - 1 <= 3 or bad_name(doc, k + 1, end) or (end < len(doc) and is_name_token(doc[end])):
        return k + 1
    return end


def role_premodified_mentions(doc: Doc, words: list[str]) -> list[NameMention]:
    """``The Craigs' lawyer Wiremu Te Are said``: a capitalised run right after a lower-case role
    noun is a person's name even where the model typed it as an organisation."""
    found = []
    # only a role noun's text can open one: the other tokens are passed over on the arrays
    for k in np.flatnonzero(token_mask(doc, "ORTH", _ROLE_NOUN_IDS)[:max(0, len(doc) - 2)]).tolist():
        end = _role_then_run(doc, words, k)
        if end > k + 1:
            found.append(make_mention(doc, k + 1, end))
    return found


def _joined_name_start(lo: int, doc: Doc, start: int) -> int:
    """Start of a name word left of a hyphen or lower-case particles ("van der") that end just
    before ``start`` (and after token ``lo``); ``start`` when there is none."""
    k = start - 1
    while k > lo and start - k <= PARTICLE_LIMIT and (doc[k].text in HYPHENS or is_particle(doc[k])):
        k -= 1
    if k == start - 1 or k < lo or not extends_name(doc[k]):
        return start
    return k


def _name_start(doc: Doc, lo: int, end: int) -> int:
    """Start of the run of name words that ends at ``end`` inside the speaker mention that
    starts at token ``lo``."""
    start = end
    while start > lo:
        if extends_name(doc[start - 1]):
            start -= 1
            continue
        k = _joined_name_start(lo, doc, start)
        if k == start:
            break
        start = k
    return start


def _speaker_name(doc: Doc, lo: int, end: int) -> NameMention | None:
    """The name that ends the speaker mention of tokens ``lo:end``, if one."""
    while end > lo and doc[end - 1].is_punct:
        end -= 1
    start = _name_start(doc, lo, end)
    words = [w for w in tokens_text(doc, start, end).split() if w not in PARTICLES]
    if not 2 <= len(words) <= 3 or bad_name(doc, start, end):
        return None
    labelled = any(t.ent_type_ in _PLACE_LABELS for t in doc[start:end])
    if labelled and first_name_gender(words[0]) is None:
        return None
    return make_mention(doc, start, end)


def speaker_mentions(doc: Doc, speakers: list[Span]) -> list[NameMention]:
    """A speaker mention that ends in two or three capitalised words names a person
    (``The ANC's Regional Executive Council's Thandeka Dlamini-Makamo said``)."""
    found = []
    for span in speakers:
        sp = char_tokens(doc, span.start, span.end)
        if sp is None or sp[1] - sp[0] < 2:
            continue
        m = _speaker_name(doc, *sp)
        if m is not None:
            found.append(m)
    return found


def lone_subjects(doc: Doc, speakers: set[str], covered: set[int]) -> list[NameMention]:
    """One-word names the model left unlabelled, as the subject of a clause: a speaker's
    (``Musa said``) or a known first name's (``Ana spoke from the stage``)."""
    found = []
    orgs = org_prefixes(doc)
    # unlabelled proper-noun subjects, read from token arrays: a Token only for those
    unlabelled = token_mask(doc, "ENT_TYPE", _NO_LABEL) & token_mask(doc, "POS", _PROPN)
    for i in np.flatnonzero(unlabelled & token_mask(doc, "DEP", SUBJECT_IDS)).tolist():
        if i in covered:
            continue
        tok = doc[i]
        if not is_name_token(tok) or is_title_word(tok) or norm(tok.text) in NON_PERSON_WORDS or tok.text in orgs:
            continue
        if any(is_name_token(doc[k]) for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)):
            continue  # part of a longer name the other rules read
        if tok.text in speakers or first_name_gender(tok.text) is not None:
            found.append(make_mention(doc, tok.i, tok.i + 1))
    return found
