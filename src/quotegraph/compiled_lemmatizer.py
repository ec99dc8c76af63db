"""spaCy's English rule lemmatizer, applied once per distinct (word, POS, morphology).

The stock component visits every token from Python, makes a ``Token``, looks its lemma up in a
cache keyed by (orth, pos, morph) and sets it back as a string. The lemma depends on nothing
else, so ``CompiledLemmatizer`` reads those three columns in one call, asks the stock rules once
per distinct row of the Doc (at the row's first token, as the stock loop would) and writes the
LEMMA column in one ``from_array`` call. Same tables, serialisation and scorer as the stock one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

from .nlp import replace_in_place

_READ = [ORTH, POS, MORPH, LEMMA]
# Lemma ids kept per component, one per distinct (orth, pos, morph) seen; emptied when full, so a
# long run's memory stays bounded.
LEMMA_LIMIT = 200_000


class CompiledLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` in rule mode, the same lemmas set column-wise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, ...], int] = {}  # (orth, pos, morph) -> lemma id

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)  # type: ignore[no-any-return]
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            columns = np.asarray(doc.to_array(_READ)).reshape(len(doc), len(_READ))  # type: ignore[arg-type]
            todo = np.arange(len(doc)) if self.overwrite else np.flatnonzero(columns[:, 3] == 0)
            if todo.size:
                rows, first, which = np.unique(columns[todo, :3], axis=0, return_index=True, return_inverse=True)
                ids = [self._lemma_id(doc, tuple(row), int(todo[f]))
                       for row, f in zip(rows.tolist(), first, strict=True)]
                columns[todo, 3] = np.array(ids, dtype=np.uint64)[which.ravel()]
                doc.from_array([LEMMA], columns[:, 3:])  # type: ignore[arg-type]
            return doc
        except Exception as exc:  # noqa: BLE001 - handed to spaCy's error handler, as the stock component does
            return self.get_error_handler()(self.name, self, [doc], exc)  # type: ignore[no-any-return]

    def _lemma_id(self, doc: Doc, row: tuple[int, ...], position: int) -> int:
        """The lemma id of the (orth, pos, morph) ``row``, asked of the rules at ``position``."""
        known = self._lemma_ids.get(row)
        if known is None:
            if len(self._lemma_ids) >= LEMMA_LIMIT:
                self._lemma_ids.clear()
            known = self._lemma_ids[row] = doc.vocab.strings.add(self.lemmatize(doc[position])[0])
        return known


@Language.factory(
    "quotegraph_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_compiled_lemmatizer(nlp: Language, model: Any, name: str, mode: str, overwrite: bool,
                             scorer: Any) -> CompiledLemmatizer:
    return CompiledLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def compile_lemmatizer(nlp: Language, name: str = "lemmatizer") -> Language:
    """Replace the pipeline's stock English rule lemmatizer ``name`` by a ``CompiledLemmatizer``
    with the same tables, under the same name; any other pipeline is left as it is."""
    stock = nlp.get_pipe(name) if name in nlp.component_names else None
    if type(stock) is not EnglishLemmatizer or stock.mode != "rule":
        return nlp
    compiled = replace_in_place(nlp, name, "quotegraph_lemmatizer", {"overwrite": stock.overwrite})
    compiled.lookups = stock.lookups  # the tables the stock component loaded
    return nlp
