"""Organisations named in quoted words that the model typed wrong or not at all.

The model calls ``Garda``, ``Homebase`` or ``Burberry`` a person (then the people stage drops it)
or nothing, so a quote about them has no entity to point at. A capitalised name inside the quoted
words becomes an organisation when the article itself says it is one somewhere: it names an
organisation noun (``the Garda association``, ``the Morris tribunal``, ``the group's DIY chain,
Homebase``, ``Burberry, the luxury goods group``), a body's people (``Garda officers``, ``members
of the Garda``), a business after ``at``/``from`` (``sales growth at its star performer Argos``),
or it speaks (``Argos said``). Places, people's names and office words never count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from ..intervals import Intervals
from ..lexicon import SPEECH
from ..models import ArticleResult, Entity, Span
from ..people.lexicon import MEMBER_NOUNS, OFFICE_TITLES, ORG_NOUNS, ROLE_NOUNS
from ..syntax import char_tokens, column, doc_text, token_bounds, token_lowers, token_texts
from .descriptions import DESCRIBING_NOUNS

# nouns of a body (people/lexicon.py ORG_NOUNS less those that stand for places) and of inquiries
ORGANISATION_WORDS = DESCRIBING_NOUNS | {"tribunal", "inquiry", "panel", "division", "unit"}
# the people of a body (``Garda officers``, ``members of the Garda``), singular lemmas
PEOPLE_OF_A_BODY = {n.rstrip("s") for n in MEMBER_NOUNS} | {"staff", "officer", "official", "spokesman",
                                                           "spokeswoman", "spokesperson", "chief", "boss"}
_BUSINESS_PREPOSITIONS = {"at", "from"}
_NOT_NAMES = {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
              "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART"}
_OFFICE_WORDS = OFFICE_TITLES | ROLE_NOUNS
_GENERIC = ROLE_NOUNS | ORG_NOUNS | ORGANISATION_WORDS


@dataclass(frozen=True)
class Name:
    """A run of capitalised tokens ``doc[start:end]`` read as one name."""

    start: int
    end: int
    text: str


def found_organisations(doc: Doc, result: ArticleResult, taken: list[tuple[int, int]]) -> list[Entity]:
    """Each name in quoted words, outside ``taken`` (the spans of entities already recorded),
    that the article shows to be an organisation, with every whole-word occurrence as a mention
    (ids follow the article's organisations)."""
    known = _known_words(result)
    spans = Intervals(taken)
    found: dict[str, list[Name]] = {}
    for quote in result.quotes:
        for part in quote.parts or [Span(quote.start, quote.end, quote.text)]:
            bounds = char_tokens(doc, part.start, part.end, contract=True)
            for name in _names(doc, *bounds) if bounds is not None else []:
                if not _overlaps(doc, name, spans) and not set(name.text.lower().split()) & known:
                    found.setdefault(name.text, [])
    if not found:
        return []
    for text in list(found):
        occurrences = list(_occurrences(doc, text))
        if any(_ent_type(doc, n) in _NOT_NAMES for n in occurrences) or not any(
                _is_organisation(doc[n.end - 1]) for n in occurrences):
            del found[text]
        else:
            found[text] = [n for n in occurrences if not _overlaps(doc, n, spans)]
    count = max((int(o.id[1:]) for o in result.organizations if o.id[1:].isdigit()), default=0)
    return [Entity(f"o{count + i}", text, mentions=[_span(doc, result.text, n) for n in names])
            for i, (text, names) in enumerate(found.items(), start=1)]


def _span(doc: Doc, text: str, name: Name) -> Span:
    starts, ends = token_bounds(doc)
    return Span.of(text, starts[name.start], ends[name.end - 1])


def _known_words(result: ArticleResult) -> set[str]:
    """Lower-case words of the people's and places' names: such a name is no new organisation."""
    names = [n for p in result.people for n in (p.name, *p.aliases)]
    names += [n for place in result.places for n in (place.name, *place.aliases)]
    return {w for n in names for w in n.lower().split()}


def _names(doc: Doc, start: int, end: int) -> list[Name]:
    """Runs of proper nouns in tokens ``start..end``, office words at either end left off (``the
    Garda Commissioner`` gives ``Garda``); a lone role word (``the Chancellor``) is no name."""
    pos, texts = column(doc, "POS"), token_texts(doc)
    runs: list[list[int]] = []
    for i in range(start, end):
        if pos[i] != PROPN or not texts[i][:1].isupper():
            continue
        if runs and runs[-1][-1] + 1 == i:
            runs[-1].append(i)
        else:
            runs.append([i])
    lowers, (starts, ends), text = token_lowers(doc), token_bounds(doc), doc_text(doc)
    names = []
    for run in runs:
        if len(run) == 1 and lowers[run[0]] in _GENERIC:  # ``Zoo officials``: a description, not a name
            continue
        while len(run) > 1 and lowers[run[0]] in _OFFICE_WORDS:
            run = run[1:]
        while len(run) > 1 and lowers[run[-1]] in _OFFICE_WORDS:
            run = run[:-1]
        if len(run) == 1 and lowers[run[0]] in _GENERIC:
            continue
        names.append(Name(run[0], run[-1] + 1, text[starts[run[0]] : ends[run[-1]]]))
    return names


def _occurrences(doc: Doc, text: str) -> Iterator[Name]:
    """Each whole-word run of ``text`` in the article, looked up from where its first word stands
    (a Token made per token and name is the slow way)."""
    words, tokens_of_doc = text.split(), token_texts(doc)
    for i in _indices(tokens_of_doc, words[0]):
        end = i + len(words)
        if tokens_of_doc[i:end] == words and _whole(doc, i, end):
            yield Name(i, end, text)


def _indices(items: list[str], item: str) -> Iterator[int]:
    """Where ``item`` stands in ``items``, in order (``list.index`` searches without a Python loop)."""
    at = -1
    while True:
        try:
            at = items.index(item, at + 1)
        except ValueError:
            return
        yield at


def _whole(doc: Doc, start: int, end: int) -> bool:
    """Not a piece of a longer name: no proper noun other than an office word next to it
    (``Garda`` in ``Garda Siochana`` is another name) and no hyphen (``X`` of ``Bre-X``)."""
    text, (starts, ends) = doc_text(doc), token_bounds(doc)
    first, last = starts[start], ends[end - 1]
    if (first > 0 and text[first - 1] in "-‐–") or text[last : last + 1] in ("-", "‐"):
        return False
    pos, lowers = column(doc, "POS"), token_lowers(doc)
    return all(pos[i] != PROPN or lowers[i] in _OFFICE_WORDS for i in (start - 1, end) if 0 <= i < len(doc))


def _ent_type(doc: Doc, name: Name) -> str:
    return doc[name.end - 1].ent_type_


def _overlaps(doc: Doc, name: Name, taken: Intervals) -> bool:
    starts, ends = token_bounds(doc)
    return taken.overlaps(starts[name.start], ends[name.end - 1])


def _described(name: Token) -> bool:
    """``its star performer Argos``: a common noun and a determiner or possessive before the name,
    so a bare ``at Kirkby`` (a place) is not taken for a business."""
    children = [c.dep_ for c in name.lefts]
    return name.ent_type_ != "PERSON" and "compound" in children and ("poss" in children or "det" in children)


def _is_organisation(last: Token) -> bool:
    """What this occurrence's place in the parse says: an organisation noun or its people."""
    head, dep = last.head, last.dep_
    if dep == "compound" and head.lemma_.lower() in ORGANISATION_WORDS | PEOPLE_OF_A_BODY:
        return True
    if dep == "appos" and head.lemma_.lower() in ORGANISATION_WORDS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in ORGANISATION_WORDS for c in last.children):
        return True
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PEOPLE_OF_A_BODY:
        return True
    if dep == "pobj" and head.lower_ in _BUSINESS_PREPOSITIONS and _described(last):
        return True
    return dep == "nsubj" and head.lemma_.lower() in SPEECH
