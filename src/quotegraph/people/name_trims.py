"""Cut words that are not the name from the front or back of a mention: ``Crooked Hillary
Clinton`` where ``Hillary Clinton`` is written too; ``Obama Says`` in a headline."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..lexicon import QUOTING
from ..quotes.cues import SPEECH
from ..syntax import doc_text, per_doc, token_bounds
from .gender import first_name_gender
from .name_mention import NameMention, make_mention

HEADLINE_MIN_WORDS = 3  # words of four letters or more in a title-case line
HEADLINE_CAPITALISED = 0.8  # share of them capitalised


def fits_name(word: str, full: tuple[str, ...]) -> bool:
    """``word`` can be a leading word of the full name ``full`` (the word itself or an initial)."""
    w = word.rstrip(".").lower()
    return any(w == f.rstrip(".").lower() or (len(w) == 1 and f.lower().startswith(w)) for f in full[:-1])


def _known_rest(doc: Doc, m: NameMention, cut: int, full: set[tuple[str, ...]]) -> bool:
    """The words of ``m`` from ``cut`` on are a name the article writes in full elsewhere."""
    rest = m.tokens[cut:]
    if len(rest) > 1:
        return rest in full and rest != m.tokens
    # "Injecting Clinton": only a word the tagger does not take for a proper noun
    others = [f for f in full if f[-1] == rest[0] and f != m.tokens]
    return bool(others) and doc[m.first_token].tag_ not in {"NNP", "NNPS"} and not any(
        fits_name(m.tokens[0], f) for f in others
    )


def trim_leading(doc: Doc, candidates: list[NameMention]) -> None:
    """``Crooked Hillary Clinton``, ``Rival Hillary Clinton`` where ``Hillary Clinton`` is also
    written: words in front of a known full name that are not first names are not the name."""
    full = {m.tokens for m in candidates if len(m.tokens) >= 2 and m.strong}
    for m in candidates:
        for cut in range(1, len(m.tokens)):
            known = _known_rest(doc, m, cut, full)
            if known and all(first_name_gender(w) is None and "." not in w for w in m.tokens[:cut]):
                i = m.first_token + cut
                trimmed = make_mention(doc, i, m.last_token + 1)
                m.start, m.first_token, m.tokens = trimmed.start, i, trimmed.tokens
                break


class HeadlineLines:
    """Whether a character stands in a title-case line (a headline): three or more words of four
    letters or more, nearly all capitalised (short words such as ``of`` and ``and`` are not
    counted). Each line is judged once, however many names it holds: a long paragraph is one line."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.judged: dict[int, bool] = {}

    def __call__(self, char: int) -> bool:
        line = bisect_left(self.breaks, char)  # how many line breaks come before ``char``
        if line not in self.judged:
            start = self.breaks[line - 1] + 1 if line else 0
            end = self.breaks[line] if line < len(self.breaks) else len(self.text)
            words = [w for w in self.text[start:end].split() if w[:1].isalpha() and len(w) >= 4]
            self.judged[line] = len(words) >= HEADLINE_MIN_WORDS and (
                sum(w[:1].isupper() for w in words) >= HEADLINE_CAPITALISED * len(words))
        return self.judged[line]


@per_doc
def _headlines(doc: Doc) -> HeadlineLines:
    """The Doc's ``HeadlineLines``, shared by the trims (a line is judged once per Doc)."""
    return HeadlineLines(doc_text(doc))


def _body_span(m: NameMention, surnames: set[str], firsts: set[str]) -> tuple[int, int] | None:
    """The words of a headline mention that the body uses: the last known surname and the known
    first names before it; None when it holds no known surname."""
    ends = [k for k, w in enumerate(m.tokens) if w in surnames]
    if not ends:
        return None
    end = ends[-1]
    start = end
    while start > 0 and m.tokens[start - 1] in firsts:
        start -= 1
    return start, end


def trim_headline_words(doc: Doc, candidates: list[NameMention]) -> None:
    """``Obama Says``, ``Derelict Obama``, ``Obama Speech`` in a headline: a name the body never
    writes is cut to the surname the body uses (and first names it uses before it)."""
    headline, starts = _headlines(doc), token_bounds(doc)[0]
    body = [m for m in candidates if not headline(starts[m.first_token])]
    names = {m.tokens for m in body}
    surnames = {m.tokens[-1] for m in body}
    firsts = {w for m in body for w in m.tokens[:-1]}
    for m in candidates:
        if len(m.tokens) < 2 or m.tokens in names or not headline(starts[m.first_token]):
            continue
        kept = _body_span(m, surnames, firsts)
        if kept is None or kept == (0, len(m.tokens) - 1):
            continue
        cut = make_mention(doc, m.first_token + kept[0], m.first_token + kept[1] + 1)
        m.start, m.end, m.tokens = cut.start, cut.end, cut.tokens
        m.first_token, m.last_token = cut.first_token, cut.last_token
        m.honorific = m.hon_start = m.hon_token = None


def speech_word(word: str) -> bool:
    """A speech verb or noun as a headline writes it: ``Says``, ``Responds``, ``Announced``."""
    w = word.lower()
    forms = [w] + [w[:-1] for end in ("s", "d") if w.endswith(end)]
    if w.endswith("ed") and len(w) > 6:  # "responded"; not a name such as "Sayed"
        forms.append(w[:-2])
    return any(form in SPEECH for form in forms)


def _verb_bases(word: str) -> list[str]:
    """The base forms an inflected verb may have: ``stated`` -> state, ``added`` -> add,
    ``replied`` -> reply, ``tells`` -> tell. Empty for a word without a verb ending."""
    w = word.lower()
    bases = [w[:-3] + "y"] if w.endswith(("ied", "ies")) else []
    bases += [w[:-n] for end, n in (("s", 1), ("es", 2), ("d", 1), ("ed", 2)) if w.endswith(end)]
    return bases


def inflected_cue(word: str) -> bool:
    """An inflected speech or quoting verb (``Stated``, ``Added``, ``Continues``) that is not a
    first name (``Said``, ``Sayed`` are names): it never opens a person's name."""
    cues = SPEECH | QUOTING
    return first_name_gender(word) is None and any(b in cues for b in _verb_bases(word))


def trim_leading_cues(doc: Doc, candidates: list[NameMention]) -> None:
    """Inverted attributions, ``Stated Stone:`` or ``Added Okafor, "..."``: the verbs in front
    are cut and the rest is the name (a one-word mention is left alone: ``Brands`` is a surname)."""
    for m in candidates:
        cut = 0
        while cut < len(m.tokens) - 1 and inflected_cue(m.tokens[cut]):
            cut += 1
        if cut:
            rest = make_mention(doc, m.first_token + cut, m.last_token + 1)
            m.start, m.first_token, m.tokens = rest.start, rest.first_token, rest.tokens
            m.honorific = m.hon_start = m.hon_token = None


def trim_headline_cues(doc: Doc, candidates: list[NameMention]) -> None:
    """In a headline the verb follows the name in capitals: ``Marco Rubio Responds`` is cut at
    the speech word to ``Marco Rubio``; a headline mention left with nothing, or starting with a
    function word (``General Reveals``, ``Just Announced Who``, ``Who Once Mocked``), is dropped."""
    headline, starts = _headlines(doc), token_bounds(doc)[0]
    kept = []
    for m in candidates:
        if not headline(starts[m.first_token]):
            kept.append(m)
            continue
        cue = next((k for k, w in enumerate(m.tokens) if speech_word(w)), len(m.tokens))
        if cue == 0 or m.tokens[0].lower() in STOP_WORDS:
            continue
        if cue < len(m.tokens):
            cut = make_mention(doc, m.first_token, m.first_token + cue)
            m.end, m.tokens, m.last_token = cut.end, cut.tokens, cut.last_token
        kept.append(m)
    candidates[:] = kept
