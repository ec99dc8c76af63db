"""Names from the model's PERSON entities, cleaned: without possessives, titles, places the
model took for names, branch numbers, and the names of organisations of the same article."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..syntax import entities, per_doc, token_texts
from .gender import first_name_gender
from .name_mention import NameMention, make_mention
from .name_tokens import NOT_PERSON_LABELS, bad_name, is_name_token, is_title_word, name_run
from .reads import tokens_text

_NAMED_AFTER = {"foundation", "trust", "institute", "center", "centre", "award", "awards", "prize",
                "memorial", "fund", "library", "school", "college", "university", "hospital",
                "stadium", "park", "street", "road", "avenue", "bridge", "airport", "museum",
                "gallery", "hall", "house", "building", "lecture", "show", "campaign", "administration",
                "government", "cabinet", "family", "estate"}
LOCATIVE = {"in", "at", "near", "from", "into", "across", "outside", "inside", "around"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_ARTICLES = {"the", "a", "an"}


@per_doc
def org_prefixes(doc: Doc) -> set[str]:
    """Names of the article's organisations and places, and their leading words (``Maple Leaf``
    of ``Maple Leaf Foods``): a PERSON entity equal to one of them is that organisation."""
    found = set()
    for ent in entities(doc):
        if ent.label_ in {"ORG", "GPE", "FAC", "LOC"}:
            words = [w for w in tokens_text(doc, ent.start, ent.end).split() if w.lower() != "the"]
            for k in range(1, len(words) + 1):
                if k < len(words) and words[k].lower() in _NAMED_AFTER:
                    break  # "the Bill Gates Foundation" is named after a person
                found.add(" ".join(words[:k]))
    return found


def _name_bounds(doc: Doc, ent: DocSpan) -> tuple[int, int, int]:
    """Start and end of the name inside the entity, and where the entity ends without possessives."""
    i, j = ent.start, ent.end
    while j > i and doc[j - 1].text in _POSSESSIVE:
        j -= 1
    while i < j and not is_name_token(doc[i]) or (i < j and is_title_word(doc[i])):
        i += 1
    return i, name_run(doc, i, limit=max(j - i, 1)), j


def _not_a_name(doc: Doc, i: int, end: int, j: int) -> bool:
    if end <= i or bad_name(doc, i, end):
        return True
    if i > 0 and doc[i - 1].lower_ in LOCATIVE and end - i > 1:
        return True  # "hospitals in Dakshina Kannada": a place the model took for a name
    return end < len(doc) and doc[end].like_num and end == j  # "Unifor Local 222": a branch number


def _after_the(doc: Doc, i: int) -> bool:
    """"The Mysuru Zilla Panchayat": a name after "the" needs support from elsewhere."""
    return i > 0 and (doc[i - 1].lower_ == "the" or (
        doc[i - 1].ent_type_ in NOT_PERSON_LABELS and i > 1 and doc[i - 2].lower_ == "the"))


def _first_name_before(doc: Doc, i: int) -> bool:
    """The word before a two-word entity is a first name the model left out: a capitalised
    proper noun in the first-name table, in no entity of its own, and no title (``Judge``)."""
    if i == 0:
        return False
    prev = doc[i - 1]
    return (prev.tag_ == "NNP" and not prev.ent_type_ and not is_title_word(prev)
            and first_name_gender(prev.text) is not None)


def entity_mentions(doc: Doc) -> list[NameMention]:
    found = []
    orgs = org_prefixes(doc)
    for ent in entities(doc):
        if ent.label_ != "PERSON":
            continue
        if len(ent) > 1 and tokens_text(doc, ent.start, ent.end).rstrip("’'s") in orgs:
            continue  # "Maple Leaf" after "Maple Leaf Foods"
        if token_texts(doc)[ent.start].lower() == "the":
            continue  # "The Sam Laprade Show"
        i, end, j = _name_bounds(doc, ent)
        if _not_a_name(doc, i, end, j):
            continue
        if end - i > 1 and i == ent.start and _first_name_before(doc, i):
            i -= 1  # "Chair Debbie Wasserman Schultz" where the model took "Wasserman Schultz"
        found.append(make_mention(doc, i, end, strong=end - i > 1 and not _after_the(doc, i)))
    return found


def lone_token_is_person(doc: Doc, i: int) -> bool:
    """Context test for a lone capitalised word that might be a first name (``Carrie``)."""
    tok = doc[i]
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and (prev.lower_ in _ARTICLES or prev.lower_ in LOCATIVE):
        return False
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return False  # "Garda officers", "the Morris tribunal"
    return first_name_gender(tok.text) is not None
