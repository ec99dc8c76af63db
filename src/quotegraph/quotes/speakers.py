"""Speaker mentions: who a cue verb's subject is, as a compact noun-phrase span.

``Mrs Bointon said`` -> ``Mrs Bointon``; ``said the minister`` -> ``the minister``; ``Annette
Hurndall, divisional manager for medicine, said`` -> ``Annette Hurndall``; ``A spokesperson for
Unison said`` -> the whole phrase; ``was quoted as saying`` -> the passive subject; ``according
to X`` -> X; ``Tyler, who said`` -> ``Tyler``. Returns token ranges; callers turn them into spans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import (
    LISTENER_VERBS,
    NOBODY,
    NON_SPEAKING_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH,
)
from ..syntax import NOMINAL as _NOMINAL
from ..syntax import SUBJECTS as _SUBJECTS
from ..syntax import antecedent as _antecedent
from ..syntax import subject_candidates
from .outer_clause import issued_document, outer_namer

# Relations through which a verb without a subject shares its governor's subject
# (``took the stage and said``, ``was quoted as saying``, ``went on to say``).
_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl"})
_OBJECTS = frozenset({"dobj", "pobj", "attr", "oprd", "dative"})
# Verbs whose object is the subject of their to-clause (``prompted the group to state``; not
# ``used this question to demand``).
_OBJECT_CONTROL = frozenset("""prompt ask urge lead cause force encourage invite inspire get push press pressure
    challenge allow want tell persuade convince call order instruct compel spur move drive""".split())


def can_speak(tok: Token) -> bool:
    """Words that never head a speaker mention: dates and times (``said Tuesday``; an age
    such as ``the 46-year-old`` is an adjective and stays), possessives (``his``) and
    reflexives (``describes himself``)."""
    if tok.ent_type_ in ("DATE", "TIME") and tok.pos_ != "ADJ":
        return False
    if tok.lower_ in NOBODY:
        return False  # ``all she could do was shout "..."``
    return tok.tag_ != "PRP$" and not (tok.pos_ == "PRON" and tok.lower_.endswith(("self", "selves")))


Allowed = Callable[[Token], bool]
MAX_CLIMB = 4  # verbs climbed from a cue towards a clause with a subject (``took the stage and said``)


@dataclass(frozen=True)
class Head:
    """The head token of a speaker mention and the name of the rule that chose it."""

    token: Token
    rule: str


class Stop:
    """A rule's verdict that the cue has no speaker (``X was told``): the search ends."""


STOP = Stop()
Verdict = Head | Stop | None


def _anyone(tok: Token) -> bool:
    return True


def speaker_head(cue: Token, allowed: Allowed | None = None, inverted: bool = True) -> Token | None:
    """The head token of the speaker of ``cue`` (a speech verb or ``according``), or None."""
    found = find_speaker(cue, allowed, inverted)
    return found.token if found is not None else None


def find_speaker(cue: Token, allowed: Allowed | None = None, inverted: bool = True) -> Head | None:
    """The speaker head of ``cue`` with the rule that found it, or None.

    ``allowed(token)`` rejects candidates (e.g. words inside the quote itself: the parse of
    ``"...," she said`` often makes a word of the quote the subject); the search then climbs on.
    ``inverted``: look for ``said the minister`` (only sensible when the quote precedes the cue).
    """
    allowed = allowed or _anyone
    if cue.lower_ == "according":
        return _according_object(cue, allowed)
    issuer = _statement_issuer(cue, allowed) or _outer_namer(cue, allowed)
    if issuer is not None:
        return issuer
    verb: Token | None = cue
    for _ in range(MAX_CLIMB):
        assert verb is not None
        for rule in _VERB_RULES:
            verdict = rule(cue, verb, allowed, inverted)
            if verdict is not None:
                return _named_role(verdict, verb, allowed) if isinstance(verdict, Head) else None
        verb = _climb(cue, verb)
        if verb is None:
            return None
    return None


def _named_role(found: Head, verb: Token, allowed: Allowed) -> Head:
    """``Google Nigeria's head of Start-up Success, Fola Olatunji-David, says``: a role noun
    whose name stands in apposition right before the verb speaks as that person (the parse
    often hangs the name on the role's last noun, and the role names an institution)."""
    role, doc = found.token, found.token.doc
    if role.pos_ != "NOUN" or role.dep_ not in _SUBJECTS or not role.i < verb.i - 2 or doc[verb.i - 1].text != ",":
        return found
    named = appositive_person(role, verb)
    if named is not None and allowed(named):
        return Head(named, "named-role")
    name = doc[verb.i - 2]
    k = verb.i - 2
    while k > role.i and doc[k].ent_type_ == "PERSON" and doc[k].text != ",":
        k -= 1
    if k < verb.i - 2 and k > role.i and doc[k].text == "," and name.pos_ == "PROPN" and allowed(name):
        return Head(name, "named-role")
    return found


def appositive_person(noun: Token, verb: Token) -> Token | None:
    """``With 50 days until the election, Minyon Moore, a senior adviser ..., called``: a person's
    name in apposition to a subject that is no person (the parse often takes the noun before
    the name for the subject), or to an organisation named in it (``His former partner at
    Lenox, Lawrence Cummings,``; not ``a lawyer for the man's mother, Jane Roe,``)."""
    if noun.ent_type_ == "PERSON":
        return None
    return next((c for c in noun.subtree if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                 and c.i < verb.i and (c.head == noun or c.head.ent_type_ == "ORG")), None)


def _according_object(cue: Token, allowed: Allowed) -> Head | None:
    """``according to X``: X."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return Head(pobj, "according-to") if pobj is not None and allowed(pobj) else None


def _statement_issuer(cue: Token, allowed: Allowed) -> Head | None:
    """``Black Lives Matter issued a statement saying ...``, ``sent an email to supporters
    stating``, ``released an ad that urges ...``: who issued it."""
    noun = issued_document(cue)
    if noun is None:
        return None
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        found = find_speaker(noun.head, allowed, inverted=False)
        if found is not None:
            return Head(found.token, "statement-issuer")
    return None


def _outer_namer(cue: Token, allowed: Allowed) -> Head | None:
    """``The president denounced what he called "..."``: the subject of the outer clause
    (``outer_clause.outer_namer``)."""
    subject = outer_namer(cue, allowed)
    return Head(subject, "outer-namer") if subject is not None else None


def _passive_agent(cue: Token, verb: Token, allowed: Allowed, inverted: bool) -> Verdict:
    """``was quoted by X``: X (on the cue itself, not ``now owned by X, ..., chanting``)."""
    if verb is not cue:
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and allowed(pobj):
                return Head(pobj, "passive-agent")
    return None


def _subject(cue: Token, verb: Token, allowed: Allowed, inverted: bool) -> Verdict:
    """The verb's subject (the one next to it when a bad parse gives two)."""
    subject = None
    for child in subject_candidates(verb):
        if child.dep_ in _SUBJECTS and allowed(child) and child.pos_ not in ("VERB", "AUX") and can_speak(child) and (
                subject is None or abs(child.i - verb.i) < abs(subject.i - verb.i)):
            subject = child
    if subject is None:
        return None
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        # ``Tyler, who said``: the relative pronoun, whose mention reaches back to Tyler
        if _antecedent(subject) is not None and allowed(verb.head):
            return Head(subject, "relative-pronoun")
        return Head(verb.head, "relative-clause-noun")
    if subject.dep_ == "nsubjpass" and verb.lemma_ not in ("quote",) and verb is cue \
            and not any(c.dep_ == "xcomp" for c in verb.children):
        return STOP  # ``X was told``: X heard it (``X is reported to have said``: X spoke)
    return Head(subject, "cue-subject" if verb is cue else "shared-subject")


def _inverted(cue: Token, verb: Token, allowed: Allowed, inverted: bool) -> Verdict:
    """``..., said the minister.``"""
    if verb is not cue or not inverted:
        return None
    found = _inverted_subject(cue)
    return Head(found, "inverted") if found is not None and allowed(found) else None


def _relative_clause_noun(cue: Token, verb: Token, allowed: Allowed, inverted: bool) -> Verdict:
    """``officials who said``: the noun the relative clause hangs on."""
    if verb.dep_ == "relcl" and verb.head.pos_ in _NOMINAL and allowed(verb.head):
        return Head(verb.head, "relative-clause-noun")
    return None


def _modified_noun(cue: Token, verb: Token, allowed: Allowed, inverted: bool) -> Verdict:
    """A finite cue parsed as a noun's modifier: ``X, the analyst who ..., tweeted``."""
    if verb is cue and verb.dep_ == "acl" and verb.head.i < verb.i and allowed(verb.head) and (
            verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.pos_ == "NOUN" or verb.head.pos_ == "PROPN"):
        return Head(verb.head, "modified-noun")
    return None


def _object_control(cue: Token, verb: Token, allowed: Allowed, inverted: bool) -> Verdict:
    """``prompted the group to state``: the object of the governing verb speaks."""
    if verb.dep_ != "xcomp" or verb.head is verb or verb.head.lemma_ not in _OBJECT_CONTROL:
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is not None and obj.pos_ in _NOMINAL and allowed(obj) and can_speak(obj):
        return Head(obj, "object-control")
    return None


# Tried in order on the cue, then on each verb climbed to; the first verdict wins.
_VERB_RULES: tuple[Callable[[Token, Token, Allowed, bool], Verdict], ...] = (
    _passive_agent, _subject, _inverted, _relative_clause_noun, _modified_noun, _object_control,
)


def _climb(cue: Token, verb: Token) -> Token | None:
    """The verb whose subject a subject-less ``verb`` shares, or None."""
    if verb.dep_ not in _CLIMB or verb.head is verb:
        return None
    verb = verb.head
    if cue.tag_ == "VBG" and verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH:
        # ``Trump said the deadlock has "kept us safe" before claiming ...``: a participle
        # the parse hung inside the reported clause belongs to the report
        verb = verb.head
    return verb


def non_finite(cue: Token) -> bool:
    """A participle or an infinitive (``saying the plan``, ``to describe those``): the noun after
    it is what was said, never an inverted speaker."""
    return cue.tag_ == "VBG" or any(c.tag_ == "TO" for c in cue.children)


def _inverted_subject(cue: Token) -> Token | None:
    """``..., said the minister.`` / ``says Smith``: a noun right after the cue, parsed as its
    object or attribute."""
    if cue.lemma_ in LISTENER_VERBS or non_finite(cue):
        return None  # ``told reporters``, ``saying the plan``, ``to describe those``: no inversion
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "dative", "oprd") and child.pos_ in _NOMINAL \
                and can_speak(child):
            between = cue.doc[cue.i + 1:child.left_edge.i]
            if all(t.is_punct is False and t.pos_ in ("ADV", "PART") for t in between):
                return child
        break
    return None


_RUN_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART", "ADP", "CCONJ"})


def noun_run_after(tok: Token) -> Token | None:
    """Head of the noun phrase right after ``tok`` (``said retired neurosurgeon Ben Carson,``):
    the last noun of the run of nominal words before a comma, verb or sentence end."""
    doc = tok.doc
    head = None
    for i in range(tok.i + 1, min(len(doc), tok.i + 12)):
        t = doc[i]
        if t.tag_ in ("WP", "WDT", "WP$") or t.ent_type_ in ("DATE", "TIME"):
            break  # ``said a strategist who ...``, ``said Monday``
        if head is None and t.pos_ in ("ADP", "CCONJ", "SCONJ"):
            break  # ``said at a recent event``: an adjunct, not an inverted speaker
        if (t.pos_ in ("PROPN", "NOUN", "PRON") or t.is_title and t.is_alpha or t.lower_ == "one" and head is None) \
                and not t.is_punct:  # (``"...," read one.``)
            if t.pos_ == "PRON" and head is None and t.lower_ not in NON_SPEAKING_PRONOUNS:
                return t
            head = t
            continue
        if (t.pos_ in _RUN_POS or t.dep_ in ("amod", "compound")) and not t.is_punct and head is None \
                or t.pos_ in ("PART",) or (
                t.pos_ in ("ADP", "CCONJ") and head is not None and t.lower_ in ("of", "for", "and", "at")):
            if t.pos_ in ("ADP", "CCONJ") and head is not None:
                nxt = doc[i + 1] if i + 1 < len(doc) else None
                if nxt is None or nxt.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
                    break
                if t.lower_ in ("of", "for", "at"):
                    break  # keep the head noun: ``a spokesman for X`` -> spokesman
            continue
        break
    return head


def noun_run_before(tok: Token) -> Token | None:
    """Head of the noun phrase right before ``tok`` (``Philip Bump:``, ``the report:``).

    A noun that is the object of a clause (``Trump issued the following statement:``, ``he
    returned to his familiar lines:``) gives way to that clause's subject."""
    doc = tok.doc
    i = tok.i - 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or doc[i].is_punct or not can_speak(doc[i]):
        return None
    noun = doc[i]
    # ``... - Pew Research:``, ``-More from Blumenthal and Cohen:``: a heading after a dash
    headed = False
    for k in range(noun.i - 1, max(-1, noun.i - 8), -1):
        spaced = k == 0 or bool(doc[k - 1].whitespace_)  # not the hyphen of ``back-handed``
        if spaced and (doc[k].text in ("-", "--", "\u2013", "\u2014")
                       or doc[k].text.startswith("-") and doc[k].is_title):
            headed = True
            break
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct:
            break
    core = noun
    while core.dep_ in ("appos", "conj") and core.head.i < core.i:
        core = core.head  # ``the Dutch newspaper NRC:``, ``an animation and a proclamation:``
    # a name after a preposition (``celebrated the attacks on Twitter:``) is not the speaker;
    # a name as the object itself may be (``doesn't surprise pollster Daron Shaw:``)
    if core.dep_ in _OBJECTS and (noun.pos_ != "PROPN" or core.dep_ == "pobj") and not headed:
        verb = core.head
        for _ in range(6):  # up to the clause: ``was conclusive in its findings:``
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        while verb.dep_ in ("ccomp", "xcomp") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # ``Another said he hoped that Trump wins the election:``: the main clause
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < noun.i and can_speak(c)
                        and c.lower_ not in RELATIVE_PRONOUNS | NON_SPEAKING_PRONOUNS), None)
        if subject is not None and verb.pos_ in ("VERB", "AUX"):
            return subject
    while noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.pos_ == noun.pos_:
        noun = noun.head  # ``Blumenthal and Cohen:``: both
    return noun
