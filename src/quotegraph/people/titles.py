"""Titles and roles of a name mention, and the gender the words in front of it state.

``titles``: honorifics and office titles written in front of the name (``Mrs``, ``Dr``,
``Dep. Chief``, ``Judge``; see ``honorific_titles``). ``roles``: descriptions tied to the name by
a pre-modifier (``Finance director David Tyler``), an appositive on either side (``her brother,
Kevin Burke``; ``Annette Hurndall, divisional manager for medicine at X,``), a copular clause
(``X is the mayor of Y``) or an ``as`` phrase (``X, who served as chairman``). The organisation
stays in the role where the text gives it.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Token

from ..models import Span
from ..syntax import token_texts
from .evidence import GenderEvidence
from .facts import MentionFacts
from .honorific_titles import honorific_facts
from .lexicon import GENDERED_NOUNS
from .name_mention import NameMention
from .role_phrase import (
    CLAUSE_END,
    CONNECTORS,
    DETS,
    MAX_ROLE,
    POSSESSIVE,
    QUOTE_MARKS,
    is_role_word,
    role_text,
    walk_left,
)
from .title_holders import unreal_predicate

__all__ = ["MentionFacts", "honorific_facts", "is_role_word", "mention_facts"]

_COPULAS = {"be", "become", "remain", "name", "appoint", "elect", "make", "serve", "confirm", "install"}
_AS_VERBS = {"serve", "work", "act", "appoint", "name", "elect", "install", "swear", "join", "remain",
             "continue", "resign", "step", "retire", "stand", "return", "hire", "employ", "start", "begin"}


def _gender_from_role(doc: Doc, start: int, end: int, facts: MentionFacts) -> None:
    words = token_texts(doc)  # (a token's ``lower_`` is its text lower-cased)
    for k in range(start, end):
        g = GENDERED_NOUNS.get(words[k].lower())
        if g and doc[k].pos_ in {"NOUN", "PROPN"}:
            tok = doc[k]
            facts.evidence.append(GenderEvidence(g, "noun", tok.lower_, Span(tok.idx, tok.idx + len(tok), tok.text)))
            return


def _premodifier(doc: Doc, m: NameMention, stop: Container[int], facts: MentionFacts, office: list[str]) -> None:
    # Office titles ("Transport Secretary") belong to the pre-modifier; courtesy words do not
    # ("Home care assistant Mrs Bointon"), so the walk starts left of them.
    anchor = m.first_token if office or m.hon_token is None else m.hon_token
    if anchor == 0 or (anchor - 1) in stop:
        return
    before = doc[anchor - 1]
    if before.is_sent_end or (before.is_punct and before.text not in POSSESSIVE and before.text != "."):
        return
    if before.lower_ in DETS or before.lower_ in CONNECTORS:
        return  # "a narrator in the Clinton ad": the name modifies what follows
    start = walk_left(doc, anchor - 1, stop)
    if start >= anchor:
        return
    role = role_text(doc, start, anchor)
    if role and not any(role in t or role.replace(" .", ".") in t for t in facts.titles):
        facts.roles.append(role)
        _gender_from_role(doc, anchor - 1, anchor, facts)
    elif role is None and doc[anchor - 1].text in POSSESSIVE and start < anchor - 1:
        # "The ANC's Regional Executive Council's Thandeka X": the organisation is the role
        facts.roles.append(doc[start : anchor - 1].text)


def _appositive_before(doc: Doc, m: NameMention, stop: Container[int], facts: MentionFacts) -> None:
    """``her elderly mother, Mary Burke,`` / ``the Commissioner for Works, Dotun Oyelade,``."""
    left = m.left_token
    if left < 2 or doc[left - 1].text != "," or (left - 2) in stop:
        return
    i = left - 2
    start = walk_left(doc, i, stop)
    role = role_text(doc, start, i + 1)
    if not role:
        return
    last = doc[m.last_token]
    appos = (last.dep_ == "appos" and start <= last.head.i <= i) or (
        doc[i].dep_ == "appos" and doc[i].head.i == last.i
    )
    closed = m.last_token + 1 >= len(doc) or doc[m.last_token + 1].text in {",", ".", "(", "and"}
    if not (appos or closed):
        return  # "After excusing the accused, Magistrate X called": not an appositive
    facts.roles.append(role)
    head = next((k for k in range(start, i + 1) if is_role_word(doc[k])), i)
    _gender_from_role(doc, head, head + 1, facts)


def _appositive_after(doc: Doc, m: NameMention, stop: Container[int], facts: MentionFacts) -> None:
    words = token_texts(doc)  # (a token's ``lower_`` is its text lower-cased)
    j = m.last_token + 1
    if j >= len(doc) or words[j] != ",":  # (a possessive is no comma)
        return
    k = j + 1
    # skip an age ", 45," and go on to the description
    if k + 1 < len(doc) and words[k + 1] == "," and doc[k].like_num:
        k += 2
    start = k
    end = k
    while end < len(doc) and end - start < MAX_ROLE and words[end] not in CLAUSE_END:
        if words[end].lower() in {"who", "which", "whose", "that"} or doc[end].pos_ in {"VERB", "AUX"}:
            return
        if end in stop:
            return  # a list of names: "X, national police chief Gen. Y, Pres. Z"
        end += 1
    if end < len(doc) and words[end] in QUOTE_MARKS and end > start and words[end - 1].lower() in CONNECTORS:
        end -= 1  # "the star of 'Finding Neverland,'": the role without the quoted title
    elif end >= len(doc) or words[end] not in {",", ".", ";", ")", "—", "–"} or end == start:
        return
    first = start + 1 if words[start].lower() in DETS else start
    # the description's head: the first role word, with only modifiers (and possessives:
    # "the group's deputy director") before it
    for h in range(first, end):
        if is_role_word(doc[h]) and doc[h].pos_ in {"NOUN", "PROPN"}:
            if all(_modifier(doc[x]) for x in range(first, h)):
                role = role_text(doc, start, end)
                if role:
                    facts.roles.append(role)
                    _gender_from_role(doc, h, h + 1, facts)
            return
        if not _modifier(doc[h]):
            return


def _modifier(tok: Token) -> bool:
    return tok.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or tok.text == "-" or tok.text in POSSESSIVE


def _bracketed(doc: Doc, m: NameMention, stop: Container[int], facts: MentionFacts) -> None:
    """``[Trustee] Dennis George``: a role the editor put in brackets before the name."""
    words = token_texts(doc)
    close = m.left_token - 1
    if close < 1 or words[close] != "]":
        return
    open_ = next((k for k in range(close - 1, max(-1, close - MAX_ROLE), -1) if words[k] == "["), None)
    if open_ is None or any(k in stop for k in range(open_, close)):
        return
    role = role_text(doc, open_ + 1, close)
    if role:
        facts.roles.append(role)


# Counsel named by their side in court reports: "Claire Pickthall, defending, said".
_COURT_SIDES = {"defending", "prosecuting", "representing", "mitigating"}


def _court_side(doc: Doc, m: NameMention, facts: MentionFacts) -> None:
    words = token_texts(doc)
    j = m.last_token + 1
    if j + 2 < len(doc) and words[j] == "," and words[j + 1].lower() in _COURT_SIDES and words[j + 2] == ",":
        facts.roles.append(words[j + 1])


def _copular(doc: Doc, m: NameMention, facts: MentionFacts) -> None:
    head = doc[m.last_token]
    verbs = [head.head] if head.dep_ in {"nsubj", "nsubjpass"} else []
    # "X, who is the mayor": the relative clause hangs off the name
    verbs += [c for c in head.children if c.dep_ == "relcl"]
    for verb in verbs:
        _copular_verb(doc, verb, facts)


def _copular_verb(doc: Doc, verb: Token, facts: MentionFacts) -> None:
    if unreal_predicate(verb):
        return  # "why Mrs. Clinton should be president": a possibility, not a role
    for child in verb.children:
        if child.dep_ in {"attr", "oprd"} and verb.lemma_ in _COPULAS and is_role_word(child):
            toks = list(child.subtree)
            role = role_text(doc, toks[0].i, toks[-1].i + 1)
            if role and len(toks) <= MAX_ROLE:
                facts.roles.append(role)
                _gender_from_role(doc, child.i, child.i + 1, facts)
        elif child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_ in _AS_VERBS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and is_role_word(pobj):
                    toks = list(pobj.subtree)
                    role = role_text(doc, toks[0].i, toks[-1].i + 1)
                    if role and len(toks) <= MAX_ROLE:
                        facts.roles.append(role)


def mention_facts(doc: Doc, m: NameMention, stop: Container[int]) -> MentionFacts:
    """Titles, roles and gender evidence stated around one name mention.

    ``stop``: token indices of other name mentions, which a role phrase never crosses."""
    facts = MentionFacts()
    office = honorific_facts(m.honorific, facts)
    _premodifier(doc, m, stop, facts, office)
    _appositive_before(doc, m, stop, facts)
    _appositive_after(doc, m, stop, facts)
    _bracketed(doc, m, stop, facts)
    _court_side(doc, m, facts)
    _copular(doc, m, facts)
    return facts
