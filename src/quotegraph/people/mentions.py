"""Find the places where the article names a person.

The small English model misses names (``Kota Srinivasa Poojary``), labels surnames as places
(``Kolisi``/GPE) and labels shops as people (``Homebase``/PERSON). So a name mention comes from
any of: an honorific or office title followed by capitalised words (``Mrs Bointon``,
``Coun. Laura Dudas``), a cleaned PERSON entity, a capitalised run ending in a surname seen
elsewhere, or a lone token equal to such a surname. Lone first-name-only PERSON entities are
kept only where a first-name table knows the word and the context reads like a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .gender import first_name_gender
from .lexicon import (
    HONORIFICS,
    NON_PERSON_WORDS,
    OFFICE_TITLES,
    PHRASE_TITLES,
    RANK_TITLES,
    ROLE_NOUNS,
    norm,
)

# lower-case words inside a name: "Pieter van der Merwe", "Maria dela Cruz", "Ahmad bin Ali"
_PARTICLES = {"le", "de", "van", "von", "der", "den", "da", "di", "du", "bin", "binti", "bint", "ibn", "al", "la",
              "del", "dela", "della", "delos", "los", "las", "dos", "das", "ter", "ten", "het", "op", "zu", "y"}
_NOT_NAMES = {
    "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "the", "a", "an", "he", "she", "it", "we", "they",
    "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "but", "and",
    "or", "if", "when", "after", "before", "while", "as", "in", "on", "at", "of", "for", "by",
    "with", "from", "to", "mr", "mrs", "ms", "god", "covid", "covid-19",
}
# Office titles that are also ordinary words in names of places and things ("Coach House",
# "General Motors", "Major Oak").
_WORD_TITLES = {"coach", "general", "major", "marshal", "chief", "captain", "admiral", "prime", "vice",
                "assistant", "deputy", "officer", "agent", "dean", "warden", "speaker", "senior"}
_NAMED_AFTER = {"foundation", "trust", "institute", "center", "centre", "award", "awards", "prize",
                "memorial", "fund", "library", "school", "college", "university", "hospital",
                "stadium", "park", "street", "road", "avenue", "bridge", "airport", "museum",
                "gallery", "hall", "house", "building", "lecture", "show", "campaign", "administration",
                "government", "cabinet", "family", "estate"}
_NOT_PERSON_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
_LOCATIVE = {"in", "at", "near", "from", "into", "across", "outside", "inside", "around"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass(eq=False)  # each mention is its own: compared and hashed by identity
class NameMention:
    """One naming of a person: ``tokens`` is the name without honorific or possessive."""

    start: int  # char offsets of the name part
    end: int
    first_token: int  # token index of the name's first token
    last_token: int  # token index (inclusive)
    tokens: tuple[str, ...]
    honorific: str | None = None  # the words in front, as written: "Mrs", "Dep. Chief"
    hon_start: int | None = None  # char offset where the honorific starts
    hon_token: int | None = None
    strong: bool = True  # False: a lone PERSON entity with no support yet

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def full_start(self) -> int:
        return self.hon_start if self.hon_start is not None else self.start

    @property
    def left_token(self) -> int:
        return self.hon_token if self.hon_token is not None else self.first_token


def is_name_token(tok: Token) -> bool:
    text = tok.text
    if not text or not text[0].isupper() or norm(text) in _NOT_NAMES:
        return False
    if text.isupper() and len(text.replace(".", "")) > 2:  # acronyms: CON, NHS, COVID
        return False
    body = text.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return body.isalpha()


def _is_title_word(tok: Token) -> bool:
    n = norm(tok.text)
    return tok.text[:1].isupper() and (n in HONORIFICS or n in RANK_TITLES or n in OFFICE_TITLES)


def _name_run(doc: Doc, i: int, limit: int = 4) -> int:
    """End (exclusive) of the run of name tokens starting at ``i``; ``i`` when none."""
    j = i
    while j < len(doc) and j - i < limit:
        tok = doc[j]
        if j > i and "\n" in doc[j - 1].whitespace_:
            break  # a name never runs across a line break
        if is_name_token(tok) and not _is_title_word(tok) and tok.lower_ not in ROLE_NOUNS:
            j += 1
        elif (
            j > i and is_name_token(tok) and not (j + 1 < len(doc) and is_name_token(doc[j + 1]))
            and doc[j - 1].ent_type_ == "PERSON" and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I"
        ):
            j += 1  # "Howard Dean", "John Major": a surname that is also a title, inside a PERSON entity
        elif (
            tok.text in {"-", "‐"} and j > i and not doc[j - 1].whitespace_ and not tok.whitespace_
            and j + 1 < len(doc) and is_name_token(doc[j + 1])
        ):
            j += 2  # double-barrelled: "Dlamini-Makamo" comes as three tokens
        elif tok.lower_ in _PARTICLES and j > i and _particles_then_name(doc, j):
            j += 1
        else:
            break
    while j > i and doc[j - 1].lower_ in _PARTICLES:
        j -= 1
    return j


def _is_particle(tok: Token) -> bool:
    return tok.lower_ in _PARTICLES and tok.text.islower()


def _particles_then_name(doc: Doc, j: int) -> bool:
    """Lower-case particles from ``j`` on (at most three, on one line) lead to a name word."""
    k = j
    while k < len(doc) and k - j < 3 and _is_particle(doc[k]):
        if "\n" in doc[k].whitespace_:
            return False
        k += 1
    return k > j and k < len(doc) and is_name_token(doc[k])


def _fits_name(word: str, full: tuple[str, ...]) -> bool:
    """``word`` can be a leading word of the full name ``full`` (the word itself or an initial)."""
    w = word.rstrip(".").lower()
    return any(w == f.rstrip(".").lower() or (len(w) == 1 and f.lower().startswith(w)) for f in full[:-1])


def _trim_leading(doc: Doc, candidates: list[NameMention]) -> None:
    """``Crooked Hillary Clinton``, ``Rival Hillary Clinton`` where ``Hillary Clinton`` is also
    written: words in front of a known full name that are not first names are not the name."""
    full = {m.tokens for m in candidates if len(m.tokens) >= 2 and m.strong}
    for m in candidates:
        for cut in range(1, len(m.tokens)):
            rest = m.tokens[cut:]
            known = rest in full and rest != m.tokens
            if len(rest) == 1:
                # "Injecting Clinton": only a word the tagger does not take for a proper noun
                others = [f for f in full if f[-1] == rest[0] and f != m.tokens]
                known = bool(others) and doc[m.first_token].tag_ not in {"NNP", "NNPS"} and not any(
                    _fits_name(m.tokens[0], f) for f in others
                )
            if known and all(first_name_gender(w) is None and "." not in w for w in m.tokens[:cut]):
                i = m.first_token + cut
                trimmed = _make(doc, i, m.last_token + 1)
                m.start, m.first_token, m.tokens = trimmed.start, i, trimmed.tokens
                break


class _HeadlineLines:
    """Whether a character stands in a title-case line (a headline): three or more words of four
    letters or more, nearly all capitalised (short words such as ``of`` and ``and`` are not
    counted). Each line is judged once, however many names it holds: a long paragraph is one line."""

    def __init__(self, text: str):
        self.text = text  # doc.text, read once: spaCy rebuilds it from every token on each read
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.judged: dict[int, bool] = {}

    def __call__(self, char: int) -> bool:
        line = bisect_left(self.breaks, char)  # how many line breaks come before ``char``
        if line not in self.judged:
            start = self.breaks[line - 1] + 1 if line else 0
            end = self.breaks[line] if line < len(self.breaks) else len(self.text)
            words = [w for w in self.text[start:end].split() if w[:1].isalpha() and len(w) >= 4]
            self.judged[line] = len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
        return self.judged[line]


def _trim_headline_words(doc: Doc, candidates: list[NameMention]) -> None:
    """``Obama Says``, ``Derelict Obama``, ``Obama Speech`` in a headline: a name the body never
    writes is cut to the surname the body uses (and first names it uses before it)."""
    headline = _HeadlineLines(doc.text)
    body = [m for m in candidates if not headline(doc[m.first_token].idx)]
    names = {m.tokens for m in body}
    surnames = {m.tokens[-1] for m in body}
    firsts = {w for m in body for w in m.tokens[:-1]}
    for m in candidates:
        if len(m.tokens) < 2 or m.tokens in names or not headline(doc[m.first_token].idx):
            continue
        ends = [k for k, w in enumerate(m.tokens) if w in surnames]
        if not ends:
            continue
        end = ends[-1]
        start = end
        while start > 0 and m.tokens[start - 1] in firsts:
            start -= 1
        if (start, end) != (0, len(m.tokens) - 1):
            cut = _make(doc, m.first_token + start, m.first_token + end + 1)
            m.start, m.end, m.tokens = cut.start, cut.end, cut.tokens
            m.first_token, m.last_token = cut.first_token, cut.last_token
            m.honorific = m.hon_start = m.hon_token = None


def _extends_name(tok: Token) -> bool:
    """Whether ``tok`` can be an earlier word of a name that ends further right."""
    return (
        is_name_token(tok) and not _is_title_word(tok) and tok.lower_ not in ROLE_NOUNS
        and norm(tok.text) not in NON_PERSON_WORDS
    )


def _bad_name(doc: Doc, i: int, j: int) -> bool:
    words = [norm(doc[k].text) for k in range(i, j)]
    if any(w in NON_PERSON_WORDS for w in words):
        return True
    return j < len(doc) and norm(doc[j].text) in NON_PERSON_WORDS and doc[j].text[:1].isupper()


def _make(doc: Doc, i: int, j: int, hon_i: int | None = None, strong: bool = True) -> NameMention:
    hon = None
    if hon_i is not None:
        hon = doc[hon_i:i].text.rstrip(", ")
    return NameMention(
        start=doc[i].idx,
        end=doc[j - 1].idx + len(doc[j - 1].text),
        first_token=i,
        last_token=j - 1,
        tokens=tuple(doc[i:j].text.split()),
        honorific=hon or None,
        hon_start=doc[hon_i].idx if hon and hon_i is not None else None,
        hon_token=hon_i if hon else None,
        strong=strong,
    )


def _title_chain(doc: Doc, i: int) -> int:
    """End of a chain of honorifics/titles starting at ``i`` (``Dep. Chief``, ``His Excellency,
    Alhaji``); ``i`` when the token opens none."""
    j = i
    while j < len(doc):
        tok = doc[j]
        if j > i and "\n" in doc[j - 1].whitespace_:
            break
        if j + 1 < len(doc) and (tok.lower_, doc[j + 1].lower_) in PHRASE_TITLES and doc[j + 1].text[:1].isupper():
            j += 2
            if j < len(doc) and doc[j].text == ",":
                j += 1
            continue
        # a capitalised role word continues a chain an office title started: "Chief Executive Officer"
        if _is_title_word(tok) or (j > i and tok.text[:1].isupper() and tok.lower_ in ROLE_NOUNS
                                   and _title_ahead(doc, j + 1)):
            j += 1
            if j < len(doc) and doc[j].text == "." and doc[j].whitespace_:
                j += 1  # "Dep ." split by the tokenizer
            continue
        break
    return j


def _title_ahead(doc: Doc, j: int) -> bool:
    return j < len(doc) and (_is_title_word(doc[j]) or (doc[j].text[:1].isupper() and doc[j].lower_ in ROLE_NOUNS))


def _honorific_mentions(doc: Doc, words: list[str]) -> list[NameMention]:
    found = []
    i = 0
    n = len(doc)
    while i < n:
        if not words[i][:1].isupper():
            i += 1
            continue
        j = _title_chain(doc, i)
        if j == i:
            i += 1
            continue
        end = _name_run(doc, j)
        if (end < len(doc) and (_is_title_word(doc[end]) or doc[end].lower_ in ROLE_NOUNS)
                and doc[end].text[:1].isupper()):
            end = j  # "Chief Press Secretary": a longer title, not a name
        # "Coach House": one office word and one more word inside a place or organisation name
        inside_place = (
            end == j + 1 and doc[j].ent_iob_ == "I" and doc[j].ent_type_ in _NOT_PERSON_LABELS
            and norm(doc[i].text) in _WORD_TITLES
        )
        if end > j and not _bad_name(doc, j, end) and not inside_place:
            found.append(_make(doc, j, end, hon_i=i))
            i = end
        else:
            i = max(j, i + 1)
    return found


def org_prefixes(doc: Doc) -> set[str]:
    """Names of the article's organisations and places, and their leading words (``Maple Leaf``
    of ``Maple Leaf Foods``): a PERSON entity equal to one of them is that organisation."""
    found = set()
    for ent in doc.ents:
        if ent.label_ in {"ORG", "GPE", "FAC", "LOC"}:
            words = [w for w in ent.text.split() if w.lower() != "the"]
            for k in range(1, len(words) + 1):
                if k < len(words) and words[k].lower() in _NAMED_AFTER:
                    break  # "the Bill Gates Foundation" is named after a person
                found.add(" ".join(words[:k]))
    return found


def _entity_mentions(doc: Doc) -> list[NameMention]:
    found = []
    orgs = org_prefixes(doc)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) > 1 and ent.text.rstrip("’'s") in orgs:
            continue  # "Maple Leaf" after "Maple Leaf Foods"
        i, j = ent.start, ent.end
        if doc[i].lower_ == "the":
            continue  # "The Sam Laprade Show"
        while j > i and doc[j - 1].text in _POSSESSIVE:
            j -= 1
        while i < j and not is_name_token(doc[i]) or (i < j and _is_title_word(doc[i])):
            i += 1
        end = _name_run(doc, i, limit=max(j - i, 1))
        if end <= i or _bad_name(doc, i, end):
            continue
        if i > 0 and doc[i - 1].lower_ in _LOCATIVE and end - i > 1:
            continue  # "hospitals in Dakshina Kannada": a place the model took for a name
        if end < len(doc) and doc[end].like_num and end == j:
            continue  # "Unifor Local 222": a branch number, not a person
        # "The Mysuru Zilla Panchayat": a name after "the" needs support from elsewhere
        after_the = i > 0 and (doc[i - 1].lower_ == "the" or (
            doc[i - 1].ent_type_ in _NOT_PERSON_LABELS and i > 1 and doc[i - 2].lower_ == "the"))
        found.append(_make(doc, i, end, strong=end - i > 1 and not after_the))
    return found


def _lone_token_is_person(doc: Doc, i: int) -> bool:
    """Context test for a lone capitalised word that might be a first name (``Carrie``)."""
    tok = doc[i]
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and (prev.lower_ in {"the", "a", "an"} or prev.lower_ in _LOCATIVE):
        return False
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return False  # "Garda officers", "the Morris tribunal"
    return first_name_gender(tok.text) is not None


def _appositive_mentions(doc: Doc, words: list[str]) -> list[NameMention]:
    """``his Chief Press Secretary, Oladele John,``: a two- or three-word capitalised run set off
    by commas right after a role word is a name, whatever the model said."""
    found = []
    for i in range(2, len(doc)):
        if words[i - 1] != "," or not words[i][:1].isupper() or not _role_before(doc, i - 2):
            continue
        end = _name_run(doc, i)
        if 2 <= end - i <= 3 and end < len(doc) and doc[end].text in {",", "."} and not _bad_name(doc, i, end):
            labelled = any(t.ent_type_ in _NOT_PERSON_LABELS for t in doc[i:end])
            if not labelled or "." in words[i] or first_name_gender(words[i]) is not None:
                found.append(_make(doc, i, end))
    return found


def _role_before(doc: Doc, k: int) -> bool:
    """A role word among the few words of one phrase ending at ``k`` (``Deputy Director of the
    department``)."""
    for x in range(k, max(-1, k - 6), -1):
        tok = doc[x]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"} or tok.is_sent_end and x != k:
            return False
        if ((tok.lower_ in ROLE_NOUNS or norm(tok.text) in OFFICE_TITLES)
                and (tok.pos_ in {"NOUN", "PROPN"} or tok.text[:1].isupper())):
            return True
    return False


def _speaker_mentions(doc: Doc, speakers: list) -> list[NameMention]:
    """A speaker mention that ends in two or three capitalised words names a person
    (``The ANC's Regional Executive Council's Thandeka Dlamini-Makamo said``)."""
    found = []
    for span in speakers:
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is None or len(sp) < 2:
            continue
        end = sp.end
        while end > sp.start and doc[end - 1].is_punct:
            end -= 1
        start = end
        while start > sp.start:
            if _extends_name(doc[start - 1]):
                start -= 1
                continue
            k = start - 1  # a hyphen or lower-case particles ("van der") between two name words
            while k > sp.start and start - k <= 3 and (doc[k].text in {"-", "‐"} or _is_particle(doc[k])):
                k -= 1
            if k == start - 1 or k < sp.start or not _extends_name(doc[k]):
                break
            start = k
        words = [w for w in doc[start:end].text.split() if w not in _PARTICLES]
        if not 2 <= len(words) <= 3 or _bad_name(doc, start, end):
            continue
        labelled = any(t.ent_type_ in {"ORG", "GPE", "LOC", "FAC", "NORP"} for t in doc[start:end])
        if labelled and first_name_gender(words[0]) is None:
            continue
        found.append(_make(doc, start, end))
    return found


def _lone_subjects(doc: Doc, speakers: set[str], covered: set[int]) -> list[NameMention]:
    """One-word names the model left unlabelled, as the subject of a clause: a speaker's
    (``Musa said``) or a known first name's (``Ana spoke from the stage``)."""
    found = []
    orgs = org_prefixes(doc)
    for tok in doc:
        if tok.i in covered or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.pos_ != "PROPN" or tok.ent_type_:
            continue
        if not is_name_token(tok) or _is_title_word(tok) or norm(tok.text) in NON_PERSON_WORDS or tok.text in orgs:
            continue
        if any(is_name_token(doc[k]) for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)):
            continue  # part of a longer name the other rules read
        if tok.text in speakers or first_name_gender(tok.text) is not None:
            found.append(_make(doc, tok.i, tok.i + 1))
    return found


def find_name_mentions(doc: Doc, speakers: list | None = None) -> list[NameMention]:
    """All person name mentions in text order, overlaps resolved (the longest wins).

    ``speakers``: the quotes' speaker spans, whose names count even where the model missed them."""
    words = [t.text for t in doc]
    candidates = _honorific_mentions(doc, words) + _entity_mentions(doc) + _appositive_mentions(doc, words)
    candidates += _speaker_mentions(doc, speakers or [])
    covered: set[int] = set()
    for m in candidates:
        covered.update(range(m.first_token, m.last_token + 1))
    surnames = {m.tokens[-1] for m in candidates if m.strong and (len(m.tokens) > 1 or m.honorific)}
    firsts = {m.tokens[0] for m in candidates if m.strong and len(m.tokens) > 1}
    # Words used alone as a PERSON entity or as a speaker ("Shaw, 23, said", "Modiba said"):
    # a capitalised run ending in one of them is that person's full name even where the model
    # called it an organisation ("Callum Shaw's" ORG, "Seyi Makinde" ORG).
    lone = {m.tokens[0] for m in candidates if len(m.tokens) == 1}
    for span in speakers or []:
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is not None and len(sp) == 1 and is_name_token(sp[0]) and not _is_title_word(sp[0]):
            lone.add(sp[0].text)
    known_by_last: dict[str, list[tuple[str, ...]]] = {}  # full names by surname, for a near-linear pass
    for m in candidates:
        if len(m.tokens) > 1 and m.strong:
            known_by_last.setdefault(m.tokens[-1], []).append(m.tokens)
    for k, word in enumerate(words):
        if k in covered or not (word in surnames or word in lone) or not is_name_token(doc[k]):
            continue
        i = k
        while i - 1 >= 0 and k - i < 3 and (i - 1) not in covered and _extends_name(doc[i - 1]):
            i -= 1
        known = known_by_last.get(word, [])
        if i < k and known and not any(_fits_name(doc[x].text, full) for full in known for x in (i,)):
            i = k  # "Hit Piece Exploits Trump" when the article has "Donald Trump": just "Trump"
        if i < k or word in surnames:
            if _bad_name(doc, i, k + 1):
                continue
            candidates.append(_make(doc, i, k + 1))
            covered.update(range(i, k + 1))
            if i < k:
                known_by_last.setdefault(word, []).append(candidates[-1].tokens)
                surnames.add(word)
                firsts.add(doc[i].text)
    lone_subjects = _lone_subjects(doc, lone, covered)
    candidates += lone_subjects
    covered.update(m.first_token for m in lone_subjects)
    # A known first name and a capitalised word the model left unlabelled: "Doris Day".
    for k in range(len(doc) - 1):
        if k in covered or (k + 1) in covered or doc[k].ent_type_ or doc[k + 1].ent_type_:
            continue
        if (
            is_name_token(doc[k]) and _extends_name(doc[k]) and _extends_name(doc[k + 1])
            and "\n" not in doc[k].whitespace_ and first_name_gender(words[k]) is not None
            and not (k + 2 < len(doc) and is_name_token(doc[k + 2]))
        ):
            candidates.append(_make(doc, k, k + 2))
            covered.update((k, k + 1))
    for k, word in enumerate(words):
        after = doc[k + 1] if k + 1 < len(doc) else doc[k]
        if (k not in covered and word in firsts and is_name_token(doc[k]) and not is_name_token(after)
                and not _bad_name(doc, k, k + 1)):
            candidates.append(_make(doc, k, k + 1))
            covered.add(k)
    _trim_leading(doc, candidates)
    _trim_headline_words(doc, candidates)
    # Lone words: keep only where supported (a known surname, a first-name context).
    kept = []
    for m in candidates:
        if not m.strong:
            if len(m.tokens) > 1:
                if not any(o is not m and o.tokens[-1] == m.tokens[-1] for o in candidates):
                    continue
                m.strong = True
            elif m.tokens[-1] in surnames or m.tokens[0] in firsts:
                m.strong = True
            elif not _lone_token_is_person(doc, m.first_token):
                continue
        kept.append(m)
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
