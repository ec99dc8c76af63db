"""A quote's reporting clause in the parse: its cue token, the verbs around it, the quoted words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..models import Quote
from ..syntax import char_tokens, column, word_ids
from .reads import root_in, sentence_of

# the cue hangs off another verb that carries the report (``accused X, saying ...``,
# ``apologised on Tuesday and confirmed ...``)
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}  # nationalities (``Kiwi``) are not targets either
_PLACE_IDS = word_ids(_PLACE_LABELS)
_LINKS = {"conj", "advcl", "xcomp", "acl", "pcomp", "relcl"}
# An organisation as the place where something happens or goes is a venue, not a target
# (``in Mullingar District Court``, ``on the way to the hospital``); ``to`` only after motion.
VENUE_PREPOSITIONS = {"at", "in", "into", "inside", "outside", "near", "from", "within", "towards", "toward"}
MOTION_WORDS = {
    "go", "come", "bring", "take", "transfer", "move", "return", "travel", "drive", "walk", "fly", "rush",
    "admit", "send", "way", "trip", "journey", "visit", "back", "arrive", "head", "get",
}


@dataclass
class QuoteClause:
    doc: Doc
    quote: Quote
    cue: Token | None
    sentence: Span | None
    text: str  # the article text (the doc's may have leftovers blanked out)

    @classmethod
    def of(cls, doc: Doc, quote: Quote, text: str) -> QuoteClause:
        cue = None
        bounds = char_tokens(doc, quote.cue.start, quote.cue.end) if quote.cue is not None else None
        if bounds is not None and bounds[1] > bounds[0]:
            pos = column(doc, "POS")
            verb = next((i for i in range(*bounds) if pos[i] in (VERB, AUX)), None)
            cue = doc[verb] if verb is not None else doc[bounds[0] : bounds[1]].root
        return cls(doc, quote, cue, sentence_of(doc, cue.i) if cue is not None else None, text)

    def quoted(self, start: int, end: int) -> bool:
        """Whether ``start..end`` lies in the quote's content (its parts, or all of it)."""
        parts = self.quote.parts or []
        if any(p.start <= start and end <= p.end for p in parts):
            return True
        return self.quote.start <= start and end <= self.quote.end

    @cached_property
    def verbs(self) -> list[Token]:
        """The cue and the verbs it is linked to in its clause, nearest first (read once per quote)."""
        if self.cue is None:
            return []
        found = [self.cue]
        token = self.cue
        while token.dep_ in _LINKS and token.head.i != token.i and len(found) < 4:
            token = token.head
            found.append(token)
        for child in self.cue.children:
            if child.dep_ in ("conj", "advcl", "xcomp") and child.pos_ == "VERB":
                found.append(child)
        return [t for t in found if not self.quoted(t.idx, t.idx + len(t))]

    def governed_by(self, token: Token, verbs: list[Token]) -> bool:
        """Whether the first verb above ``token`` (or ``token`` itself) is one of ``verbs``: a
        date in a clause of its own (``since they met in 2018``) does not date the report."""
        wanted = {v.i for v in verbs}
        for candidate in [token, *token.ancestors]:
            if candidate.pos_ in ("VERB", "AUX") or candidate.i in wanted:
                return candidate.i in wanted
        return False

    def is_venue(self, start: int, end: int) -> bool:
        """The phrase is the object of a place preposition on a verb (``appeared in X``, not
        ``a stake in X``), or of ``to`` after a word of motion."""
        noun = root_in(self.doc, start, end)
        if noun is None:
            return False
        # ``Cardiff`` of ``Cardiff Crown Court``, ``the Children`` of ``the Children's Zoo``
        while noun.dep_ in ("compound", "amod", "poss") and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ != "pobj":
            return False
        prep = noun.head
        if prep.lower_ in VENUE_PREPOSITIONS and prep.head.pos_ in ("VERB", "AUX"):
            return True
        return prep.lower_ == "to" and prep.head.lemma_.lower() in MOTION_WORDS

    def is_place(self, start: int, end: int) -> bool:
        """The model calls this span a place or building (``Government House``)."""
        bounds = char_tokens(self.doc, start, end)
        if bounds is None:
            return False
        labels = column(self.doc, "ENT_TYPE")
        return any(labels[i] in _PLACE_IDS for i in range(*bounds))
