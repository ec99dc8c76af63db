"""Titles and roles of a name mention, and the gender the words in front of it state.

``titles``: honorifics and office titles written in front of the name (``Mrs``, ``Dr``,
``Dep. Chief``, ``Judge``). ``roles``: descriptions tied to the name by a pre-modifier
(``Finance director David Tyler``), an appositive on either side (``her brother, Kevin Burke``;
``Annette Hurndall, divisional manager for medicine at X,``), a copular clause (``X is the mayor
of Y``) or an ``as`` phrase (``X, who served as chairman``). The organisation stays in the role
where the text gives it.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Span
from .evidence import GenderEvidence
from .lexicon import (
    GENDERED_NOUNS,
    HONORIFICS,
    OFFICE_TITLES,
    PHRASE_TITLES,
    RANK_TITLES,
    ROLE_NOUNS,
    norm,
)
from .name_mention import NameMention

_POSSESSIVE = {"'s", "’s"}
_CONNECTORS = {"of", "for", "at", "and", "&", "in"}
_CLAUSE_END = {",", ".", ";", ":", ")", "(", "—", "–", "\"", "“", "”", "'", "‘", "’"}
_DETS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
_MAX_ROLE = 14
_NEVER_ROLE = {"over", "about", "after", "under", "with", "from", "by", "to", "into", "than", "said", "says", "told"}
_COPULAS = {"be", "become", "remain", "name", "appoint", "elect", "make", "serve", "confirm", "install"}
_AS_VERBS = {"serve", "work", "act", "appoint", "name", "elect", "install", "swear", "join", "remain",
             "continue", "resign", "step", "retire", "stand", "return", "hire", "employ", "start", "begin"}
_FUNCTION = {"VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PART", "PUNCT", "INTJ"}


@dataclass
class MentionFacts:
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[GenderEvidence] = field(default_factory=list)


def is_role_word(tok: Token) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"} and not tok.text[:1].isupper():
        return False  # "a general election", "the accused" as a verb form
    return tok.lower_ in ROLE_NOUNS or norm(tok.text) in OFFICE_TITLES


def honorific_facts(honorific: str | None, facts: MentionFacts) -> list[str]:
    """Split an honorific chain into titles and add the gender courtesy/rank words state.

    Courtesy words (``Mr``, ``Mrs``) and two-word forms (``His Excellency``) are titles of their
    own; neighbouring office/rank words form one title (``Dep. Chief``, ``Chief Minister``).
    Returns the office words, which also belong to the role pre-modifier."""
    if not honorific:
        return []
    words = honorific.replace(",", " , ").replace(" .", ".").split()
    office: list[str] = []
    group: list[str] = []

    def close() -> None:
        if group:
            facts.titles.append(" ".join(group))
            group.clear()

    i = 0
    while i < len(words):
        if words[i] == ",":
            close()
            i += 1
            continue
        pair = (words[i].lower(), words[i + 1].lower()) if i + 1 < len(words) else None
        if pair in PHRASE_TITLES:
            close()
            title = f"{words[i]} {words[i + 1]}"
            facts.titles.append(title)
            gender = PHRASE_TITLES[pair]
            if gender:
                facts.evidence.append(GenderEvidence(gender, "title", title))
            i += 2
            continue
        key = norm(words[i])
        if key in HONORIFICS:
            close()
            facts.titles.append(words[i])
            gender = HONORIFICS[key]
            if gender:
                facts.evidence.append(GenderEvidence(gender, "honorific", words[i].rstrip(".")))
        elif key in RANK_TITLES:
            close()
            facts.titles.append(words[i])
            gender = RANK_TITLES[key]
            if gender:
                facts.evidence.append(GenderEvidence(gender, "title", words[i].rstrip(".")))
        else:
            group.append(words[i])
            office.append(words[i])
        i += 1
    close()
    return office


def _walk_left(doc: Doc, i: int, stop: Container[int]) -> int:
    """Leftmost token of the noun phrase that ends at ``i`` and describes a person.

    Crosses ``of``/``and``/``for`` only when a role word stands to the left of them (``Member of
    Parliament``, ``President and CEO``, ``Minister in-charge of the district``)."""
    last = doc[i]
    if last.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"} and last.text not in _POSSESSIVE and not (
        last.text[:1].isupper() and last.pos_ not in _FUNCTION
    ):
        return i + 1  # "The FBI director chastised Clinton": a verb ends no role phrase
    j = i
    lo = max(0, i - _MAX_ROLE)
    while j - 1 >= lo:
        t = doc[j - 1]
        if t.i in stop or t.is_sent_end and t.i != i:
            break
        low = t.lower_
        if t.text in _POSSESSIVE:
            if j - 2 >= 0 and doc[j - 2].i not in stop and doc[j - 2].text[:1].isupper():
                j -= 1
                continue
            break
        if (low == "the" and j < len(doc) and doc[j].text[:1].isupper() and j - 2 >= 0
                and doc[j - 2].lower_ in _CONNECTORS):
            j -= 1
            continue
        if low == "the" and j - 2 >= 0 and doc[j - 2].lower_ in {"of", "for", "at"}:
            j -= 1
            continue
        if low in _CONNECTORS:
            left = doc[j - 2] if j - 2 >= 0 else None
            right = doc[j] if j < len(doc) else None
            title_case = low in {"and", "&"} and left is not None and right is not None and (
                left.text[:1].isupper() and right.text[:1].isupper()
            )  # "Minister for Women and Child Development"
            if left is not None and left.i not in stop and (
                    is_role_word(left) or left.lower_ == "charge" or title_case):
                j -= 1
                continue
            break
        if t.text in {"-", "–"} and j - 2 >= 0 and doc[j - 2].lower_ == "in":
            j -= 2  # in-charge
            continue
        if t.text == "." and j - 2 >= 0 and norm(doc[j - 2].text) in OFFICE_TITLES:
            j -= 1
            continue
        if low in _NEVER_ROLE or (t.tag_ in {"IN", "RP", "TO", "CC", "DT"} and not t.text[:1].isupper()):
            break
        if t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or (t.text[:1].isupper() and t.pos_ not in _FUNCTION) or (
            t.dep_ in {"amod", "compound"} and t.tag_ in {"VBG", "VBN"}  # "managing director"
        ):
            j -= 1
            continue
        break
    while j <= i and (doc[j].lower_ in _CONNECTORS or doc[j].lower_ in _DETS or doc[j].text in _POSSESSIVE):
        j += 1
    return j


def _role_text(doc: Doc, start: int, end: int) -> str | None:
    """The role phrase doc[start:end] if it holds a role word, without a final possessive."""
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].text in _CLAUSE_END):
        if doc[end - 1].text == "." and end - 2 >= start and norm(doc[end - 2].text) in OFFICE_TITLES:
            break  # "Coun." keeps its full stop
        end -= 1
    for k in range(start, end):
        if doc[k].lower_ in {"who", "which", "whose", "whom", "that"} and k > start:
            end = k
            break
    while end > start and (doc[end - 1].lower_ in _DETS or doc[end - 1].lower_ in _CONNECTORS):
        end -= 1
    while start < end and (doc[start].lower_ in _DETS or doc[start].lower_ in _CONNECTORS):
        start += 1
    if end <= start or not any(is_role_word(doc[k]) for k in range(start, end)):
        return None
    return doc[start:end].text


def _gender_from_role(doc: Doc, start: int, end: int, facts: MentionFacts) -> None:
    for k in range(start, end):
        g = GENDERED_NOUNS.get(doc[k].lower_)
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
    if before.is_sent_end or (before.is_punct and before.text not in _POSSESSIVE and before.text != "."):
        return
    if before.lower_ in _DETS or before.lower_ in _CONNECTORS:
        return  # "a narrator in the Clinton ad": the name modifies what follows
    start = _walk_left(doc, anchor - 1, stop)
    if start >= anchor:
        return
    role = _role_text(doc, start, anchor)
    if role and not any(role in t or role.replace(" .", ".") in t for t in facts.titles):
        facts.roles.append(role)
        _gender_from_role(doc, anchor - 1, anchor, facts)
    elif role is None and doc[anchor - 1].text in _POSSESSIVE and start < anchor - 1:
        # "The ANC's Regional Executive Council's Thandeka X": the organisation is the role
        facts.roles.append(doc[start : anchor - 1].text)


def _appositive_before(doc: Doc, m: NameMention, stop: Container[int], facts: MentionFacts) -> None:
    """``her elderly mother, Mary Burke,`` / ``the Commissioner for Works, Dotun Oyelade,``."""
    left = m.left_token
    if left < 2 or doc[left - 1].text != "," or (left - 2) in stop:
        return
    i = left - 2
    start = _walk_left(doc, i, stop)
    role = _role_text(doc, start, i + 1)
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
    j = m.last_token + 1
    if j < len(doc) and doc[j].text in _POSSESSIVE:
        return
    if j >= len(doc) or doc[j].text != ",":
        return
    k = j + 1
    # skip an age ", 45," and go on to the description
    if k + 1 < len(doc) and doc[k].like_num and doc[k + 1].text == ",":
        k += 2
    start = k
    end = k
    while end < len(doc) and end - start < _MAX_ROLE and doc[end].text not in _CLAUSE_END:
        if doc[end].pos_ in {"VERB", "AUX"} or doc[end].lower_ in {"who", "which", "whose", "that"}:
            return
        end += 1
    if end >= len(doc) or doc[end].text not in {",", ".", ";", ")", "—", "–"} or end == start:
        return
    first = start + 1 if doc[start].lower_ in _DETS else start
    # the description's head: the first role word, with only modifiers before it
    for h in range(first, end):
        if is_role_word(doc[h]) and doc[h].pos_ in {"NOUN", "PROPN"}:
            if all(doc[x].pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or doc[x].text in {"-"} for x in range(first, h)):
                role = _role_text(doc, start, end)
                if role:
                    facts.roles.append(role)
                    _gender_from_role(doc, h, h + 1, facts)
            return
        if doc[h].pos_ not in {"ADJ", "NOUN", "PROPN", "NUM"} and doc[h].text != "-":
            return


def _copular(doc: Doc, m: NameMention, facts: MentionFacts) -> None:
    head = doc[m.last_token]
    verbs = [head.head] if head.dep_ in {"nsubj", "nsubjpass"} else []
    # "X, who is the mayor": the relative clause hangs off the name
    verbs += [c for c in head.children if c.dep_ == "relcl"]
    for verb in verbs:
        _copular_verb(doc, verb, facts)


def _copular_verb(doc: Doc, verb: Token, facts: MentionFacts) -> None:
    for child in verb.children:
        if child.dep_ in {"attr", "oprd"} and verb.lemma_ in _COPULAS and is_role_word(child):
            toks = list(child.subtree)
            role = _role_text(doc, toks[0].i, toks[-1].i + 1)
            if role and len(toks) <= _MAX_ROLE:
                facts.roles.append(role)
                _gender_from_role(doc, child.i, child.i + 1, facts)
        elif child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_ in _AS_VERBS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and is_role_word(pobj):
                    toks = list(pobj.subtree)
                    role = _role_text(doc, toks[0].i, toks[-1].i + 1)
                    if role and len(toks) <= _MAX_ROLE:
                        facts.roles.append(role)


def mention_facts(doc: Doc, m: NameMention, stop: Container[int]) -> MentionFacts:
    """Titles, roles and gender evidence stated around one name mention.

    ``stop``: token indices of other name mentions, which a role phrase never crosses."""
    facts = MentionFacts()
    office = honorific_facts(m.honorific, facts)
    _premodifier(doc, m, stop, facts, office)
    _appositive_before(doc, m, stop, facts)
    _appositive_after(doc, m, stop, facts)
    _copular(doc, m, facts)
    return facts
