"""The parse toolkit every stage shares: subjects, walks up the tree with a named limit, and the
compact mention span of a noun (``Mrs Bointon``, ``a spokesperson for Unison``, ``Tyler, who``).

Token ranges are ``[start, end)`` token indices; callers turn them into character spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, wraps
from typing import TypeVar
from weakref import WeakKeyDictionary

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .lexicon import RELATIVE_PRONOUNS

SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # a clausal subject is never a speaker
NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
# Right-hand dependents that stay part of a compact mention (``a spokesperson for Unison``,
# ``Smith and Jones``); a comma, relative clause or apposition ends the mention.
_KEEP_RIGHT = frozenset({"prep", "pobj", "cc", "conj", "compound", "nummod", "flat", "case"})
_KEEP_PREPS = frozenset({"for", "of", "at", "from", "with", "in", "to", "on"})
# Dependents kept to the right of a head noun in a subtree mention (``a spokesperson for Unison``,
# ``Smith and Jones``); anything else (a relative clause, apposition, ``this week``) ends it.
_SUBTREE_KEEP = frozenset({"prep", "pobj", "cc", "conj", "case", "compound", "nummod", "poss"})
_EDGE_TRIM = frozenset({"PUNCT", "SPACE", "CCONJ"})
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_T = TypeVar("_T")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each read, and the
    stages read it several times per article. A Doc's text never changes."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def known_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` as ``doc.text`` for ``doc_text``: a tokenizer's Doc always reads back as
    the string it was made from, so the tokenizer can hand it over instead of a rebuild."""
    _TEXTS[doc] = text
    return doc


# Docs whose per-Doc results are held at once. A held result (a Span, a Token) refers to its
# Doc, so the cache keeps the Docs alive: it must be bounded, not weak. More than a batch of
# ``nlp.pipe``, since each component runs over a whole batch before the next one starts.
HELD_DOCS = 256
_CACHES: list[tuple[dict, list]] = []  # each per_doc reader's results and its last Doc


def per_doc(read: Callable[[Doc], _T]) -> Callable[[Doc], _T]:
    """``read(doc)`` made once per Doc and shared by every stage that asks (the Doc's tokens and
    entities are fixed once the pipeline has parsed it); the result must not be changed. Held
    for the newest ``HELD_DOCS`` Docs, until ``release(doc)``."""
    made: dict[Doc, _T] = {}
    # The Doc asked about last and its result: nearly every call asks about the Doc of the call
    # before, and an identity test is much cheaper than a dict lookup.
    last: list = [None, None]
    _CACHES.append((made, last))

    @wraps(read)
    def once(doc: Doc) -> _T:
        if last[0] is doc:
            return last[1]
        if doc not in made:
            if len(made) >= HELD_DOCS:
                del made[next(iter(made))]  # the oldest: dicts keep insertion order
            made[doc] = read(doc)
        last[0], last[1] = doc, made[doc]
        return last[1]

    return once


def release(doc: Doc) -> None:
    """Drop what the per-Doc caches hold for ``doc`` (its last reader has finished with it), so
    that it and its Spans can be freed."""
    _TEXTS.pop(doc, None)
    for made, last in _CACHES:
        made.pop(doc, None)
        if last[0] is doc:
            last[0] = last[1] = None


@per_doc
def sentences(doc: Doc) -> list[SpacySpan]:
    """``list(doc.sents)``, made once per Doc (spaCy makes a new Span per sentence on each read)."""
    return list(doc.sents)


@per_doc
def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once per Doc: ``doc[i]`` makes a new Token on every read, and the hot
    loops of every stage read the same tokens many times. Shared: read it, never change it."""
    return list(doc)


@per_doc
def head_indices(doc: Doc) -> list[int]:
    """Per token, the index of its head (``token.head.i``; a root is its own head), read from the
    HEAD column: walks up the tree by index make no Token per step."""
    relative = column_array(doc, "HEAD").astype(np.int64)  # (offsets, stored as unsigned)
    return (relative + np.arange(len(doc))).tolist()


@per_doc
def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token, the token range ``[start, end)`` of its sentence (``token.sent``, no Span made)."""
    starts, ends = [0] * len(doc), [0] * len(doc)
    for sent in sentences(doc):
        starts[sent.start:sent.end] = [sent.start] * len(sent)
        ends[sent.start:sent.end] = [sent.end] * len(sent)
    return starts, ends


@per_doc
def entities(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, made once per Doc (spaCy makes a new Span per entity on each read)."""
    return tuple(doc.ents)


@per_doc
def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token, the character offsets of its start and of the end of its text (``token.idx``,
    ``token.idx + len(token)``): ``text[starts[i]:ends[j - 1]]`` is ``doc[i:j].text``."""
    starts = column_array(doc, "IDX")
    return starts.tolist(), (starts + column_array(doc, "LENGTH")).tolist()


@per_doc
def token_texts(doc: Doc) -> list[str]:
    """Every token's text, cut from the Doc's text at the token's offsets (no Token made per
    token, no string-store look-up); made once per Doc and shared: read it, never change it."""
    text, (starts, ends) = doc_text(doc), token_bounds(doc)
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


@per_doc
def token_lowers(doc: Doc) -> list[str]:
    """Every token's ``lower_``, as ``token_texts`` (shared: never change it). A lexeme's LOWER is
    its text lower-cased, so this lower-cases ``token_texts``, which the stages before have read:
    cheaper than a string-store lookup per token."""
    return [word.lower() for word in token_texts(doc)]


# id -> string of every id asked about so far. An id is the hash of its string, the same in
# every Vocab, so one table serves all Docs; a string-store lookup costs several microseconds,
# a dict hit a fraction of one. Emptied when it grows past MAX_STRINGS.
MAX_STRINGS = 1 << 20
_STRINGS: dict[int, str] = {}


def strings_of(doc: Doc, ids: Iterable[int]) -> dict[int, str]:
    """A table holding the string of each of ``ids`` (string-store ids of ``doc``'s Vocab): each
    id is looked up in the string store once per process. Read it, never change it."""
    wanted = set(ids)
    missing = wanted.difference(_STRINGS)
    if missing:
        if len(_STRINGS) + len(missing) > MAX_STRINGS:
            _STRINGS.clear()
            missing = wanted
        store = doc.vocab.strings
        _STRINGS.update((i, store[i]) for i in missing)
    return _STRINGS


@per_doc
def _arrays(doc: Doc) -> dict[str, np.ndarray]:
    return {}


@per_doc
def _columns(doc: Doc) -> dict[str, list[int]]:
    return {}


# The columns the stages after the parse read. The first time one of them is asked of a parsed
# Doc, all are read in one ``to_array`` call: a call per column costs about twice as much in all.
PARSE_COLUMNS = ("IDX", "LENGTH", "ORTH", "LOWER", "LEMMA", "POS", "DEP", "HEAD", "ENT_TYPE",
                 "IS_ALPHA", "IS_PUNCT", "IS_SPACE")
_PARSE_COLUMN_SET = frozenset(PARSE_COLUMNS)


def column_array(doc: Doc, attr: str) -> np.ndarray:
    """``doc.to_array(attr)``, read once per Doc and attribute (several stages ask for the same).
    Shared: read it, never change it."""
    held = _arrays(doc)
    if attr not in held:
        if attr in _PARSE_COLUMN_SET and _fully_parsed(doc):
            read_columns(doc, PARSE_COLUMNS)
        if attr not in held:
            held[attr] = doc.to_array(attr)
    return held[attr]


def read_columns(doc: Doc, attrs: Sequence[str]) -> None:
    """Read those of ``attrs`` not held yet for ``doc`` in one ``to_array`` call, for
    ``column_array`` (a call per column costs about twice as much in all). Only for columns the
    later stages cannot change (the parse sets ``DEP``, not ``ORTH``)."""
    held = _arrays(doc)
    missing = [attr for attr in attrs if attr not in held]
    if len(missing) > 1:  # (``to_array`` of one column gives a flat array, as below)
        table = doc.to_array(list[int | str](missing))
        held.update((attr, np.ascontiguousarray(table[:, k])) for k, attr in enumerate(missing))


def _fully_parsed(doc: Doc) -> bool:
    """The parser and the entity recogniser have run: no column read now can change later (the
    tokenizer reads ``IDX`` and ``ORTH`` before them)."""
    return doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")


def column(doc: Doc, attr: str) -> list[int]:
    """One token attribute (``"ENT_TYPE"``, ``"DEP"``, ``"LOWER"`` ...) of every token, as the ints
    spaCy stores: read in one call, without making a Token per read (hot loops test these ids
    first and look at the Token only where one fits; 0 means unset). Made once per Doc and
    attribute and shared: read it, never change it."""
    held = _columns(doc)
    if attr not in held:
        held[attr] = column_array(doc, attr).tolist()
    return held[attr]


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The ids of ``words`` in spaCy's string store (a hash, the same in every pipeline), to compare
    with a ``column``."""
    return frozenset(get_string_id(w) for w in words)


SUBJECT_IDS = word_ids(SUBJECTS)  # ``SUBJECTS`` as ids, to test a ``DEP`` column


def token_mask(doc: Doc, attr: str, ids: frozenset[int]) -> np.ndarray:
    """Per token, whether its ``attr`` is one of ``ids`` (``word_ids``), as a boolean array."""
    return _in_sorted(column_array(doc, attr), _sorted_ids(ids))


def string_mask(doc: Doc, attr: str, keep: Callable[[str], bool]) -> np.ndarray:
    """Per token, whether ``keep`` holds for the string of its ``attr`` (``"LEMMA"``: its lemma).
    ``keep`` must answer from the string alone: it is asked once per distinct string for as
    long as it lives (a module-level function: once per process; a lambda made per call: once
    per call)."""
    distinct = set(column(doc, attr))
    decided = _DECIDED.get(keep)
    if decided is None or len(decided) > MAX_STRINGS:
        decided = _DECIDED[keep] = {}
    new = distinct.difference(decided)
    if new:
        strings = strings_of(doc, new)
        decided.update((v, keep(strings[v])) for v in new)
    kept = sorted(v for v in distinct if decided[v])
    return _in_sorted(column_array(doc, attr), np.array(kept, dtype=np.uint64))


# Per keep function of string_mask, its answer for each id asked (dropped with the function)
_DECIDED: WeakKeyDictionary[Callable[[str], bool], dict[int, bool]] = WeakKeyDictionary()


@lru_cache(maxsize=256)
def _sorted_ids(ids: frozenset[int]) -> np.ndarray:
    return np.array(sorted(ids), dtype=np.uint64)


def _in_sorted(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Per value, whether it is in the sorted array ``wanted`` (a binary search each: faster than
    ``np.isin`` or ``np.unique`` on a Doc's few hundred tokens)."""
    if not len(wanted):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(wanted, values), len(wanted) - 1)
    return wanted[at] == values


def tokens_with(doc: Doc, attr: str, ids: frozenset[int]) -> list[int]:
    """Indices, in order, of the tokens whose ``attr`` is one of ``ids`` (``word_ids``)."""
    return np.flatnonzero(token_mask(doc, attr, ids)).tolist()


def by_sentence(sents: Sequence[SpacySpan], indices: list[int]) -> Iterator[tuple[int, SpacySpan, list[int]]]:
    """Sorted token ``indices`` grouped by sentence: (sentence number, sentence, its indices) for
    each of ``sents`` (all of a Doc's sentences, in order) that holds one."""
    k = 0
    for n, sent in enumerate(sents):
        group = []
        while k < len(indices) and indices[k] < sent.end:
            group.append(indices[k])
            k += 1
        if group:
            yield n, sent, group


def path_up(tok: Token, limit: int) -> Iterator[Token]:
    """``tok``, then its head, its head's head ...: at most ``limit`` tokens, ending at the root.
    The limit bounds the walk on deep (or broken) parses."""
    doc, heads = tok.doc, head_indices(tok.doc)
    node, i = tok, tok.i
    for _ in range(limit):
        yield node
        if heads[i] == i:
            return
        i = heads[i]
        node = doc[i]


def governs(head: Token, tok: Token, limit: int) -> bool:
    """Whether ``head`` is ``tok`` or one of its first ``limit - 1`` ancestors."""
    return any(node.i == head.i for node in path_up(tok, limit))


def negations(tok: Token) -> list[Token]:
    """The negation words of ``tok`` (``not``, ``n't``, ``never``): ``did not say``."""
    return [c for c in tok.children if c.dep_ == "neg"]


def subtree_range(tok: Token) -> tuple[int, int]:
    """Token range of ``tok``'s subtree."""
    return tok.left_edge.i, tok.right_edge.i + 1


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun subject stands for (``Tyler`` in ``Tyler, who said``)."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ in SUBJECTS and tok.head.dep_ == "relcl":
        noun = tok.head.head
        if noun.pos_ in NOMINAL and noun.i < tok.i and noun.lower_ not in RELATIVE_PRONOUNS:
            return noun
    return None


def mention_range(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the compact mention headed by ``head``.

    A relative pronoun subject gives ``Tyler, who``: the name and the pronoun that speaks
    for it (the pronoun is the cue's subject; people/ resolves the name)."""
    noun = antecedent(head)
    if noun is not None:
        return mention_range(noun)[0], head.i + 1
    doc = head.doc
    start = head.i
    # leftwards: determiners, titles, first names, possessives; stop at punctuation
    while start > 0:
        tok = doc[start - 1]
        if tok.tag_ == "HYPH" and not tok.whitespace_ and start - 2 >= 0 and head.is_ancestor(doc[start - 2]):
            start -= 1  # inside a hyphenated word: ``the 46-year-old``
            continue
        if tok.is_punct or tok.is_space or tok.dep_ in ("cc", "advmod", "preconj") or not head.is_ancestor(tok):
            break
        start -= 1
    end = head.i + 1
    for child in head.rights:
        if doc[end:child.left_edge.i] and any(t.is_punct for t in doc[end:child.left_edge.i]):
            break
        if child.dep_ == "prep" and child.lower_ not in _KEEP_PREPS:
            break
        if child.dep_ not in _KEEP_RIGHT:
            break
        if any(t.is_punct and t.text in ",;(\u2014\u2013" for t in child.subtree):
            if child.dep_ == "prep":
                break
        end = child.right_edge.i + 1
    # a named entity that the head sits in is kept whole (``Ryan Trapani``)
    if head.ent_iob_ in ("B", "I"):
        ent_start = head.i
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I" and not doc[ent_start - 1].is_punct:
            ent_start -= 1
        ent_end = head.i + 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I" and not doc[ent_end].is_punct:
            ent_end += 1
        start, end = min(start, ent_start), max(end, ent_end)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def subtree_mention(head: Token) -> tuple[int, int]:
    """Token range of the head's whole left subtree and its right dependents up to a relative
    clause, apposition or comma: the mention of a reported-speech speaker. Unlike
    ``mention_range`` it keeps everything left of the head and does not reach back from a
    relative pronoun to its noun (the people stage does that)."""
    doc = head.doc
    start, end = head.left_edge.i, _subtree_end(head)
    while start < head.i and doc[start].pos_ in _EDGE_TRIM:
        start += 1
    return start, end


def _subtree_end(token: Token) -> int:
    """Token index after the compact phrase of ``token`` (nested: ``for Unison, which ...``)."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ not in _SUBTREE_KEEP:
            break
        end = _subtree_end(child)
    return end


def agent_objects(verb: Token) -> Iterator[Token]:
    """The objects of ``verb``'s passive agents: ``Smith`` in ``was quoted by Smith``."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                yield pobj


def subject_candidates(verb: Token) -> list[Token]:
    """``verb``'s children, and the subject of an auxiliary in front of it that the parse gave
    the subject to (``lawyer Wiremu Te Are said``: ``Are`` read as an auxiliary holding ``lawyer``)."""
    found = list(verb.children)
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            found += [c for c in aux.children if c.dep_ in SUBJECTS]
    return found


def subject_child(verb: Token, deps: frozenset[str] = SUBJECTS) -> Token | None:
    """``verb``'s subject: its last child with one of ``deps`` (see ``subject_candidates``)."""
    found = None
    for child in verb.children:
        if child.dep_ in deps:
            found = child
    if found is None:  # only then one the parse hung on an auxiliary
        found = next((c for c in subject_candidates(verb) if c.dep_ in deps), None)
    return found


def is_passive(verb: Token) -> bool:
    """``was told``: a passive subject or auxiliary among ``verb``'s children. An auxiliary that
    holds an active subject is a misparse (``lawyer Wiremu Te Are said``: ``Are`` is a name word)."""
    return any(child.dep_ == "nsubjpass" or (
        child.dep_ == "auxpass" and not any(c.dep_ == "nsubj" for c in child.children)) for child in verb.children)


def char_tokens(doc: Doc, start: int, end: int, contract: bool = False) -> tuple[int, int] | None:
    """The token range ``[i, j)`` that ``doc.char_span(start, end, alignment_mode=...)`` covers,
    ``"expand"`` (tokens that overlap the characters) or ``contract`` (tokens wholly inside them);
    None where char_span gives None. No Span is made: a token holds its text and its trailing
    space and tokens tile the text, so the one holding a character is found by bisect."""
    starts, ends = token_bounds(doc)
    if not (0 <= start < len(doc_text(doc)) and 0 < end <= len(doc_text(doc))):
        return None
    first, last = bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1
    if contract:
        first += starts[first] < start
        last -= end < ends[last]
        return (first, last + 1) if last >= first else None
    if start == ends[first]:  # the trailing space of a token is not part of it
        first += 1
    if first > last + 1:  # an end before the start: spaCy's own answer (an error)
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last + 1


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of the tokens ``[start, end)``."""
    starts, ends = token_bounds(doc)
    return starts[start], ends[end - 1]
