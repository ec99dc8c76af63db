"""spaCy's attribute ruler with its one-token patterns compiled into look-up tables.

The stock ``attribute_ruler`` runs a ``Matcher`` of every pattern (179 in ``en_core_web_sm``,
one per tag of the tag map and the morphology rules) over every token, then sets each match's
attributes token by token from Python: about a tenth of the parse on news text. Almost all of
those patterns test one token for equal values (``{"TAG": "NNS"}``, ``{"LOWER": "i", "TAG":
"PRP"}``) and set the token-level POS, TAG, MORPH or LEMMA, so their outcome depends only on the
token's (lower, tag, dep, ...) values. ``CompiledAttributeRuler`` works that outcome out once per
distinct combination, keeps it, and writes each Doc's columns in one ``from_array`` call; the
other patterns (several tokens, regular expressions, other attributes) still run through a
``Matcher``. Precedence is the stock one: for each attribute of a token the last-added matching
pattern wins. The patterns, their serialisation and the scorer are the stock component's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from .nlp import replace_in_place

# What a compiled pattern may set: token attributes that ``from_array`` writes as
# ``set_token_attrs`` does (the lexeme has none of them).
WRITTEN = (POS, TAG, MORPH, LEMMA)
# What a compiled token test may read: token or lexeme values that ``to_array`` reads as the
# matcher does.
TESTED = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "IS_SPACE", "IS_PUNCT"})
_ARRAY_NAME = {"TEXT": "ORTH"}
_NONE = -1  # no pattern set this attribute
# Outcomes kept per ruler: one per distinct combination of tested values seen (lower form, tag,
# dependency, ...); emptied when full, so a long run's memory stays bounded.
OUTCOME_LIMIT = 200_000


@dataclass(frozen=True)
class Test:
    """One attribute test of a pattern token, as the matcher makes it: equal to one of
    ``allowed``, none of ``refused`` (``NOT_IN``), or the value's string searched by ``regex``."""

    column: int
    allowed: frozenset[int] | None = None
    refused: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None

    def passes(self, row: Sequence[int], strings: StringStore) -> bool:
        value = row[self.column]
        if self.allowed is not None and value not in self.allowed:
            return False
        if self.regex is not None and not self.regex.search(strings[value]):
            return False
        return value not in self.refused


Token_ = tuple[Test, ...]  # every test of one pattern token


@dataclass(frozen=True)
class OneToken:
    """A pattern key whose patterns each test one token and set only ``WRITTEN`` attributes."""

    key: int  # precedence: the order the pattern was added in
    alternatives: tuple[Token_, ...]  # one per pattern of the key
    sets: tuple[tuple[int, int], ...]  # (index into WRITTEN, value)

    def matches(self, row: Sequence[int], strings: StringStore) -> bool:
        return any(all(test.passes(row, strings) for test in tests) for tests in self.alternatives)


@dataclass(frozen=True)
class Window:
    """Any other fixed-length pattern: tried only where its first token's tests pass, by a
    matcher of its own over that many tokens."""

    key: int
    length: int
    first: Token_
    matcher: Matcher


@dataclass(frozen=True)
class Outcome:
    """What the one-token patterns set on tokens with one combination of tested values, and the
    windows that may start at such a token."""

    keys: tuple[int, ...]  # per WRITTEN attribute: the key of the pattern that set it, or _NONE
    values: tuple[int, ...]
    windows: tuple[int, ...]


class CompiledAttributeRuler(AttributeRuler):
    """``AttributeRuler`` with the same patterns and results, applied by table look-up."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._compiled: _Compiled | None = None
        super().__init__(*args, **kwargs)

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def __call__(self, doc: Doc) -> Doc:
        try:
            if self._compiled is None:
                self._compiled = _compile(self)
            self._compiled.apply(doc, self)
            return doc
        except Exception as exc:  # noqa: BLE001 - handed to spaCy's error handler, as the stock component does
            return self.get_error_handler()(self.name, self, [doc], exc)  # type: ignore[no-any-return]


@dataclass
class _Compiled:
    """One state of a ruler's patterns, with the outcomes worked out so far."""

    columns: list[int]  # attribute ids read per token
    by_value: dict[tuple[int, int], list[OneToken]]  # (column, value) -> the keys that need it
    unindexed: list[OneToken]
    windows: list[Window]
    whole: Matcher  # the keys neither kind can hold, run over the whole Doc
    outcomes: dict[tuple[int, ...], Outcome] = field(default_factory=dict)

    def apply(self, doc: Doc, ruler: AttributeRuler) -> None:
        if len(doc) == 0:
            return
        read = np.asarray(doc.to_array(self.columns)).reshape(len(doc), -1)  # type: ignore[arg-type]  # 1-D for one column
        rows, which = np.unique(read, axis=0, return_inverse=True)
        outcomes = [self._outcome(tuple(row), doc.vocab.strings) for row in rows.tolist()]
        which = which.ravel()
        keys = np.array([o.keys for o in outcomes], dtype=np.int64)[which]
        values = np.array([o.values for o in outcomes], dtype=np.uint64)[which]
        later = _fold(self._other_matches(doc, ruler, outcomes, which), ruler, keys, values)
        if (keys != _NONE).any():
            written = np.where(keys != _NONE, values, doc.to_array(list(WRITTEN)))  # type: ignore[arg-type]
            doc.from_array(list(WRITTEN), written)  # type: ignore[arg-type]
        for position, attrs in later:
            set_token_attrs(doc[position], attrs)

    def _outcome(self, row: tuple[int, ...], strings: StringStore) -> Outcome:
        known = self.outcomes.get(row)
        if known is None:
            if len(self.outcomes) >= OUTCOME_LIMIT:
                self.outcomes.clear()
            starts = tuple(n for n, window in enumerate(self.windows)
                           if all(test.passes(row, strings) for test in window.first))
            known = self.outcomes[row] = _merge(self._candidates(row), row, strings, starts)
        return known

    def _candidates(self, row: tuple[int, ...]) -> list[OneToken]:
        found = {one.key: one for one in self.unindexed}
        for column, value in enumerate(row):
            for one in self.by_value.get((column, value), ()):
                found[one.key] = one
        return [found[key] for key in sorted(found)]

    def _other_matches(self, doc: Doc, ruler: AttributeRuler, outcomes: list[Outcome],
                       which: np.ndarray) -> list[tuple[int, int, int, int]]:
        """The matches of the windows and of the whole-Doc matcher, in the stock order."""
        found = list(self.whole(doc, allow_missing=True, as_spans=False)) if len(self.whole) else []
        starting = [n for n, outcome in enumerate(outcomes) if outcome.windows]
        for position in np.flatnonzero(np.isin(which, starting)).tolist():
            for number in outcomes[which[position]].windows:
                window = self.windows[number]
                if position + window.length <= len(doc):
                    span = doc[position : position + window.length]
                    found.extend((match, position + start, position + end)
                                 for match, start, end in window.matcher(span, allow_missing=True, as_spans=False))
        return sorted((int(ruler.vocab.strings[match]), match, start, end) for match, start, end in found)


def _merge(candidates: list[OneToken], row: tuple[int, ...], strings: StringStore,
           windows: tuple[int, ...]) -> Outcome:
    keys, values = [_NONE] * len(WRITTEN), [0] * len(WRITTEN)
    for one in candidates:  # in key order: a later pattern overrides
        if one.matches(row, strings):
            for column, value in one.sets:
                keys[column], values[column] = one.key, value
    return Outcome(tuple(keys), tuple(values), windows)


def _fold(matches: list[tuple[int, int, int, int]], ruler: AttributeRuler, keys: np.ndarray,
          values: np.ndarray) -> list[tuple[int, dict]]:
    """Fold matches (in key order) into the columns; return what the columns cannot hold (other
    attributes), to be set afterwards in the same order."""
    later: list[tuple[int, dict]] = []
    for key, _, start, end in matches:
        position = start + range(end - start)[ruler.indices[key]]  # IndexError as the stock component
        other = {}
        for attr, value in ruler.attrs[key].items():
            if attr not in WRITTEN:
                other[attr] = value
            elif key > keys[position, column := WRITTEN.index(attr)]:  # else a later one-token key won
                keys[position, column], values[position, column] = key, value
        if other:
            later.append((position, other))
    return later


def _compile(ruler: AttributeRuler) -> _Compiled:
    by_key = [ruler.matcher.get(str(key))[1] for key in range(len(ruler.attrs))]
    names = sorted({_ARRAY_NAME.get(name, name) for patterns in by_key for pattern in patterns
                    for name in pattern[0] if name in TESTED})
    ones: list[OneToken] = []
    windows: list[Window] = []
    whole = Matcher(ruler.vocab, validate=False)
    for key, patterns in enumerate(by_key):
        one = _as_one_token(ruler, key, patterns, names)
        if one is not None:
            ones.append(one)
            continue
        made = [_as_window(ruler, key, pattern, names) for pattern in patterns]
        if all(made):
            windows.extend(w for w in made if w is not None)
        else:
            whole.add(str(key), patterns)
    by_value: dict[tuple[int, int], list[OneToken]] = {}
    unindexed = []
    for one in ones:
        index = _index(one)
        if index is None:
            unindexed.append(one)
            continue
        column, allowed = index
        for value in allowed:
            by_value.setdefault((column, value), []).append(one)
    return _Compiled([IDS[name] for name in names], by_value, unindexed, windows, whole)


def _token_tests(spec: dict, names: list[str], strings: StringStore) -> Token_ | None:
    """The tests of one pattern token, or None when it holds one this module does not make."""
    tests = []
    for name, value in spec.items():
        if name not in TESTED:
            return None
        column = names.index(_ARRAY_NAME.get(name, name))
        if not isinstance(value, dict):
            tests.append(Test(column, allowed=_hashes(strings, [value])))
        elif set(value) == {"IN"}:
            tests.append(Test(column, allowed=_hashes(strings, value["IN"])))
        elif set(value) == {"NOT_IN"}:
            tests.append(Test(column, refused=_hashes(strings, value["NOT_IN"])))
        elif set(value) == {"REGEX"}:
            tests.append(Test(column, regex=re.compile(value["REGEX"])))
        else:
            return None
    return tuple(tests)


def _hashes(strings: StringStore, values: Iterable[Any]) -> frozenset[int]:
    """The matcher's comparison values: strings as their ids ("" is 0), booleans as 0/1."""
    return frozenset(strings.add(v) if isinstance(v, str) else int(v) for v in values)


def _as_one_token(ruler: AttributeRuler, key: int, patterns: list[list[dict]],
                  names: list[str]) -> OneToken | None:
    attrs = ruler.attrs[key]
    if not patterns or any(len(p) != 1 for p in patterns) or ruler.indices[key] not in (0, -1) \
            or not set(attrs) <= set(WRITTEN):
        return None
    alternatives = [_token_tests(p[0], names, ruler.vocab.strings) for p in patterns]
    if any(tests is None for tests in alternatives):
        return None
    sets = tuple((WRITTEN.index(attr), value) for attr, value in attrs.items())
    return OneToken(key, tuple(t for t in alternatives if t is not None), sets)


def _as_window(ruler: AttributeRuler, key: int, pattern: list[dict], names: list[str]) -> Window | None:
    first = _token_tests(pattern[0], names, ruler.vocab.strings) if pattern else None
    if not first or any("OP" in spec for spec in pattern):
        return None
    matcher = Matcher(ruler.vocab, validate=False)
    matcher.add(str(key), [pattern])
    return Window(key, len(pattern), first, matcher)


def _index(one: OneToken) -> tuple[int, frozenset[int]] | None:
    """A column where every pattern of ``one`` tests for equality, with the values any of them
    accepts there: the key is looked at only for rows holding one of those values."""
    equal = [{test.column for test in tests if test.allowed is not None} for tests in one.alternatives]
    shared = set.intersection(*equal)
    if not shared:
        return None
    column = min(shared)
    return column, frozenset().union(*(test.allowed for tests in one.alternatives for test in tests
                                       if test.column == column and test.allowed is not None))


@Language.factory(
    "quotegraph_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_compiled_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> CompiledAttributeRuler:
    return CompiledAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def compile_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> Language:
    """Replace the pipeline's stock ``AttributeRuler`` ``name`` by a ``CompiledAttributeRuler``
    with the same patterns, under the same name; a pipeline without one is left as it is."""
    stock = nlp.get_pipe(name) if name in nlp.component_names else None
    if type(stock) is not AttributeRuler:
        return nlp
    patterns = stock.patterns
    replace_in_place(nlp, name, "quotegraph_attribute_ruler").add_patterns(patterns)
    return nlp
