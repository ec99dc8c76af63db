"""Speakers found in the clause around a cue rather than as its subject: the issuer of a
document that says something (``released an ad that urges "..."``), and the outer subject of
``denounced what he called "..."``."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon import DOCUMENT_NOUNS, NAMING
from ..syntax import SUBJECTS as _SUBJECTS

# Relative pronouns that stand for a thing: ``an ad that urges``, ``a letter which says`` (not
# ``a surrogate who said``, who speaks).
_THING_RELATIVES = frozenset({"that", "which"})
# What someone issues or makes that says something: documents, and remarks (``made a comment
# that described``; not a kind of source when it is a speaker itself, so not a document).
_ISSUED_NOUNS = DOCUMENT_NOUNS | frozenset({"comment", "remark"})


def issued_document(cue: Token) -> Token | None:
    """The noun before ``cue`` that says what the cue says: a participle on it (``a statement
    saying``) or a document's relative clause whose subject is ``that``/``which`` (``an ad that
    urges``)."""
    noun = cue.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i >= cue.i:
        return None
    subjects = [c for c in cue.children if c.dep_ in _SUBJECTS]
    if cue.tag_ == "VBG" and cue.dep_ == "acl" and not subjects:
        return noun
    if cue.dep_ == "relcl" and len(subjects) == 1 and subjects[0].lower_ in _THING_RELATIVES \
            and noun.lemma_.lower() in _ISSUED_NOUNS:
        return noun  # (a sign or shirt ``that read "..."`` is PolNeAR's source itself)
    return None


# Verbs that name what the outer clause acts on: ``denounced what he called "..."``.
_NAMING_CLAUSE = NAMING | frozenset({"describe"})
# What a pronoun naming in such a clause may stand for: the outer subject must not contradict it.
_PRONOUN_CLASH: dict[str, Callable[[Token], bool]] = {
    "he": lambda t: t.lower_ in ("she", "it", "they", "i", "we") or t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "ORG",
    "she": lambda t: t.lower_ in ("he", "it", "they", "i", "we") or t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "ORG",
    "it": lambda t: t.lower_ in ("he", "she", "they", "i", "we") or t.ent_type_ == "PERSON",
    "they": lambda t: t.lower_ in ("he", "she", "it", "i", "we"),
}


def outer_namer(cue: Token, allowed: Callable[[Token], bool]) -> Token | None:
    """``The president denounced what he called "..."``, ``railed against what he calls``: the
    pronoun naming the words stands for the subject of the clause that acts on them, which is
    PolNeAR's Source (and names the speaker where the pronoun does not)."""
    if cue.lemma_ not in _NAMING_CLAUSE or cue.dep_ not in ("ccomp", "pcomp"):
        return None
    pronoun = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ in _PRONOUN_CLASH), None)
    if pronoun is None or not any(c.dep_ == "dobj" and c.lower_ == "what" for c in cue.children):
        return None
    verb = cue.head.head if cue.dep_ == "pcomp" else cue.head
    if cue.dep_ == "pcomp" and cue.head.dep_ != "prep":
        return None
    subject = _acting_subject(verb)
    if subject is None or not allowed(subject) or _PRONOUN_CLASH[pronoun.lower_](subject):
        return None
    return subject


def _acting_subject(verb: Token) -> Token | None:
    """The active subject of a verb of action (not ``be``), its own or, for ``seeking to contrast``,
    that of the verb it completes when that verb has no object (``liberating banks to form``:
    the banks form, so no subject here)."""
    if verb.pos_ != "VERB" or verb.lemma_ == "be":
        return None
    own = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if own is not None or verb.dep_ != "xcomp":
        return own if own is not None and own.dep_ == "nsubj" else None  # (``was taken to hospital after``)
    head = verb.head
    if any(c.dep_ == "dobj" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)
