"""The speaker of a reported-speech cue: an ordered table of named rules over the parse
(``syntax``), climbing from the cue through the verbs that share its subject.

A rule answers with the speaker found (its character range and the rule's name), a verb to
climb to, ``STOP`` (the cue has no speaker: ``it was announced``), or None (the next rule
decides).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..intervals import Intervals
from ..lexicon import CLAIM_NOUNS, CONTACT_NOUNS, RELATIVE_PRONOUNS
from ..syntax import agent_objects, char_range, is_passive, subject_child, subtree_mention
from .speakers import STOP, Stop

# a clausal subject counts here: ``What she said was ...``
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Relations through which a cue without its own subject shares its governor's subject.
SHARE_SUBJECT = frozenset({"conj", "xcomp", "acomp"})  # acomp: ``was quick to point out``
MAX_CLIMB = 6  # verbs climbed from the cue
_NOUN_HEADS = ("NOUN", "PROPN", "PRON")


@dataclass(frozen=True)
class Found:
    span: tuple[int, int]  # character range of the speaker mention
    rule: str


Step = Found | Token | Stop | None
Rule = Callable[[Token, Token, Intervals], Step]


def mention(head: Token) -> tuple[int, int]:
    """Character span of the subtree mention of ``head`` (``syntax.subtree_mention``)."""
    return char_range(head.doc, *subtree_mention(head))


def _subject_rule(subject: Token, own: bool) -> str:
    if subject.lower_ in RELATIVE_PRONOUNS:
        return "relative-pronoun"  # ``Tyler, who said``: people/ resolves the pronoun to Tyler
    return "cue-subject" if own else "shared-subject"


def _contact_from(cue: Token, verb: Token, taken: Intervals) -> Step:
    """``got a call from staff at the hospital to say her mother had died``: the sender of the
    contact the infinitive hangs on speaks, not the one who got it."""
    if verb is not cue or not any(c.tag_ == "TO" for c in cue.children):
        return None
    if cue.dep_ == "acl":
        nouns = [cue.head]
    elif cue.dep_ in ("advcl", "xcomp"):
        nouns = [c for c in cue.head.children if c.dep_ == "dobj"]
    else:
        return None
    for noun in nouns:
        if noun.lemma_.lower() not in CONTACT_NOUNS:
            continue
        sender = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj"), None)
        if sender is not None:
            return Found(mention(sender), "contact-from")
    return None


def _object_participle(cue: Token, verb: Token, taken: Intervals) -> Step:
    """``denied a report (not this paper's) claiming that ...``: a participle right after a
    report or claim object, parsed as the verb's adverbial, says what the report says."""
    if verb is not cue or cue.tag_ != "VBG" or cue.dep_ != "advcl":
        return None
    for noun in cue.head.children:
        if noun.dep_ == "dobj" and noun.i < cue.i and noun.lemma_.lower() in CLAIM_NOUNS \
                and noun.right_edge.i + 1 == cue.i:
            return Found(mention(noun), "object-participle")
    return None


def _passive_agent(cue: Token, verb: Token, taken: Intervals) -> Step:
    pobj = next(agent_objects(verb), None)
    return Found(mention(pobj), "passive-agent") if pobj is not None else None


def _quoted_subject(cue: Token, verb: Token, taken: Intervals) -> Step:
    """A subject inside quote marks is the quoted speaker's own words, never the reporter:
    ``Smith said, "We will win," adding that ...`` climbs to ``Smith``."""
    subject = subject_child(verb, SUBJECTS)
    if subject is None or not taken.overlaps(subject.idx, subject.idx + len(subject)):
        return None
    return verb.head if verb.head.i != verb.i else STOP


def _own_subject(cue: Token, verb: Token, taken: Intervals) -> Step:
    subject = subject_child(verb, SUBJECTS)
    if subject is None:
        return None
    if is_passive(verb) and verb.i == cue.i:  # ``X was told that``: X heard it; no speaker
        return STOP
    return Found(mention(subject), _subject_rule(subject, verb is cue))  # ``she is expected to argue``


def _object_control(cue: Token, verb: Token, taken: Intervals) -> Step:
    """``drove voters to demand ...``: the object demands."""
    if verb.dep_ == "xcomp" and verb.i > verb.head.i:
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None:
            return Found(mention(obj), "object-control")
    return None


def _shared_subject(cue: Token, verb: Token, taken: Intervals) -> Step:
    return verb.head if verb.dep_ in SHARE_SUBJECT or (verb.dep_ == "advcl" and verb.tag_ == "VBG") else None


def _by_saying(cue: Token, verb: Token, taken: Intervals) -> Step:
    """``responded by saying ...``."""
    return verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else None


def _modified_noun(cue: Token, verb: Token, taken: Intervals) -> Step:
    """``officials saying ...``: the noun the participle hangs on."""
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUN_HEADS:
        return Found(mention(verb.head), "modified-noun")
    return None


RULES: tuple[Rule, ...] = (
    _contact_from, _object_participle, _passive_agent, _quoted_subject, _own_subject, _object_control,
    _shared_subject, _by_saying, _modified_noun,
)


def _step(cue: Token, verb: Token, taken: Intervals) -> Step:
    for rule in RULES:
        step = rule(cue, verb, taken)
        if step is not None:
            return step
    return STOP


def reported_speaker(cue: Token, taken: Intervals = Intervals(())) -> tuple[tuple[int, int], str] | None:
    """Character span of the speaker mention of ``cue`` and the rule that found it, or None
    (``it was announced``). ``taken``: the spans inside quote marks."""
    verb = cue
    for _ in range(MAX_CLIMB):
        step = _step(cue, verb, taken)
        if isinstance(step, Found):
            return step.span, step.rule
        if not isinstance(step, Token):
            return None
        verb = step
    return None
