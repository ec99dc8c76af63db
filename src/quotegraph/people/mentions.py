"""Find the places where the article names a person.

The small English model misses names (``Kota Srinivasa Poojary``), labels surnames as places
(``Kolisi``/GPE) and labels shops as people (``Homebase``/PERSON). So a name mention comes from
any of: an honorific or office title followed by capitalised words (``Mrs Bointon``,
``Coun. Laura Dudas``), a cleaned PERSON entity, a capitalised run ending in a surname seen
elsewhere, or a lone token equal to such a surname. Lone first-name-only PERSON entities are
kept only where a first-name table knows the word and the context reads like a person.

The finders live in their own modules; this one runs them in order, then adds the names the
first ones make known (surnames, first names), then keeps supported lone words and resolves
overlaps (the longest wins).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import Span
from ..syntax import char_tokens, token_texts
from .entity_mentions import entity_mentions, lone_token_is_person, org_prefixes
from .gender import first_name_gender
from .known_as import known_as_mentions
from .name_mention import NameMention, make_mention
from .name_positions import at_words, first_name_pair_starts
from .name_tokens import (
    bad_name,
    extends_name,
    is_name_token,
    is_name_word,
    is_title_text,
)
from .name_trims import fits_name, trim_headline_cues, trim_headline_words, trim_leading, trim_leading_cues
from .phrase_mentions import appositive_mentions, lone_subjects, role_premodified_mentions, speaker_mentions
from .title_mentions import honorific_mentions

__all__ = ["NameMention", "find_name_mentions", "is_name_token", "org_prefixes"]

SURNAME_LEAD_WORDS = 3  # words in front of a known surname that may belong to the name


@dataclass
class _Found:
    """The candidates so far and what they make known."""

    candidates: list[NameMention]
    covered: set[int] = field(default_factory=set)  # token indices inside a candidate
    surnames: set[str] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)
    lone: set[str] = field(default_factory=set)  # words used alone as a name or a speaker
    known_by_last: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # full names by surname

    def add(self, m: NameMention) -> None:
        self.candidates.append(m)
        self.covered.update(range(m.first_token, m.last_token + 1))


def _known(doc: Doc, candidates: list[NameMention], speakers: list[Span]) -> _Found:
    found = _Found(candidates)
    for m in candidates:
        found.covered.update(range(m.first_token, m.last_token + 1))
    found.surnames = {m.tokens[-1] for m in candidates if m.strong and (len(m.tokens) > 1 or m.honorific)}
    found.firsts = {m.tokens[0] for m in candidates if m.strong and len(m.tokens) > 1}
    # Words used alone as a PERSON entity or as a speaker ("Shaw, 23, said", "Modiba said"):
    # a capitalised run ending in one of them is that person's full name even where the model
    # called it an organisation ("Callum Shaw's" ORG, "Seyi Makinde" ORG).
    found.lone = {m.tokens[0] for m in candidates if len(m.tokens) == 1}
    words = token_texts(doc)
    for span in speakers:
        sp = char_tokens(doc, span.start, span.end)
        if sp is not None and sp[1] - sp[0] == 1 and is_name_word(words[sp[0]]) and not is_title_text(words[sp[0]]):
            found.lone.add(words[sp[0]])
    for m in candidates:
        if len(m.tokens) > 1 and m.strong:
            found.known_by_last.setdefault(m.tokens[-1], []).append(m.tokens)
    return found


def _surname_run_start(doc: Doc, found: _Found, k: int) -> int:
    """Where the name ending in the known word at ``k`` starts."""
    i = k
    while i - 1 >= 0 and k - i < SURNAME_LEAD_WORDS and (i - 1) not in found.covered and extends_name(doc[i - 1]):
        i -= 1
    known = found.known_by_last.get(doc[k].text, [])
    if i < k and known and not any(fits_name(doc[i].text, full) for full in known):
        if doc[k - 1].pos_ == "PROPN" and first_name_gender(doc[k - 1].text) is not None:
            return k - 1  # a namesake: "Barack Obama's campaign" where the article has Michelle Obama
        return k  # "Hit Piece Exploits Trump" when the article has "Donald Trump": just "Trump"
    return i


def _surname_runs(doc: Doc, words: list[str], found: _Found) -> None:
    """A capitalised run ending in a known surname or lone name word, or that word alone."""
    # (a word this pass adds to ``surnames`` is one it already tests: the positions stay those)
    for k in at_words(doc, found.surnames | found.lone):
        word = words[k]
        if k in found.covered or not is_name_word(word):
            continue
        i = _surname_run_start(doc, found, k)
        if not (i < k or word in found.surnames) or bad_name(doc, i, k + 1):
            continue
        found.add(make_mention(doc, i, k + 1))
        if i < k:
            found.known_by_last.setdefault(word, []).append(found.candidates[-1].tokens)
            found.surnames.add(word)
            found.firsts.add(doc[i].text)


def _first_name_pairs(doc: Doc, words: list[str], found: _Found) -> None:
    """A known first name and a capitalised word the model left unlabelled: "Doris Day"."""
    covered = found.covered
    for k in first_name_pair_starts(doc):
        if k not in covered and (k + 1) not in covered:
            found.add(make_mention(doc, k, k + 2))


def _lone_first_names(doc: Doc, words: list[str], found: _Found) -> None:
    """A first name the article uses in a full name, written alone."""
    for k in at_words(doc, found.firsts):
        if k in found.covered:
            continue
        word = words[k]
        after = words[k + 1] if k + 1 < len(words) else word
        if is_name_word(word) and not is_name_word(after) and not bad_name(doc, k, k + 1):
            found.add(make_mention(doc, k, k + 1))


def _supported(doc: Doc, m: NameMention, found: _Found) -> bool:
    """Whether a weak candidate is kept (and so made strong): a longer name whose surname
    another candidate shares, a lone known surname or first name, or a first-name context."""
    if len(m.tokens) > 1:
        return any(o is not m and o.tokens[-1] == m.tokens[-1] for o in found.candidates)
    if m.tokens[-1] in found.surnames or m.tokens[0] in found.firsts:
        return True
    return lone_token_is_person(doc, m.first_token)


def _keep_supported(doc: Doc, found: _Found) -> list[NameMention]:
    kept = []
    for m in found.candidates:
        if not m.strong:
            if not _supported(doc, m, found):
                continue
            # a lone word kept by its context alone stays weak
            m.strong = len(m.tokens) > 1 or m.tokens[-1] in found.surnames or m.tokens[0] in found.firsts
        kept.append(m)
    return kept


def _longest_wins(kept: list[NameMention]) -> list[NameMention]:
    """Overlapping mentions: the longer one, or the one with an honorific, wins."""
    kept.sort(key=lambda m: (m.first_token, -(m.last_token - m.left_token)))
    out: list[NameMention] = []
    for m in kept:
        if out and m.left_token <= out[-1].last_token:
            prev = out[-1]
            if (m.last_token - m.left_token) > (prev.last_token - prev.left_token) or (
                m.honorific and not prev.honorific and m.last_token >= prev.last_token
            ):
                out[-1] = m
            continue
        out.append(m)
    return out


def find_name_mentions(doc: Doc, speakers: list[Span] | None = None) -> list[NameMention]:
    """All person name mentions in text order, overlaps resolved (the longest wins).

    ``speakers``: the quotes' speaker spans, whose names count even where the model missed them."""
    words = token_texts(doc)
    candidates = honorific_mentions(doc) + entity_mentions(doc) + appositive_mentions(doc, words)
    candidates += speaker_mentions(doc, speakers or []) + role_premodified_mentions(doc, words)
    candidates += known_as_mentions(doc)
    found = _known(doc, candidates, speakers or [])
    _surname_runs(doc, words, found)
    lone = lone_subjects(doc, found.lone, found.covered)
    found.candidates += lone
    found.covered.update(m.first_token for m in lone)
    _first_name_pairs(doc, words, found)
    _lone_first_names(doc, words, found)
    trim_leading(doc, found.candidates)
    trim_leading_cues(doc, found.candidates)
    trim_headline_words(doc, found.candidates)
    trim_headline_cues(doc, found.candidates)
    return _longest_wins(_keep_supported(doc, found))
