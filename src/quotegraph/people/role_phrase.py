"""The role phrase that ends just left of a name (``Finance director``, ``Member of
Parliament``, ``The ANC's Regional Executive Council's``), and its text.

The walk goes left one token at a time; an ordered table of step rules says, for the token
left of the phrase so far, whether the phrase takes it (and how many tokens), stops, or leaves
the decision to the next rule.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.tokens import Doc, Token

from ..syntax import token_texts
from .lexicon import OFFICE_TITLES, ROLE_NOUNS, ROLE_PHRASES, norm
from .reads import tokens_text

POSSESSIVE = {"'s", "’s"}
CONNECTORS = {"of", "for", "at", "and", "&", "in"}
QUOTE_MARKS = frozenset({"\"", "“", "”", "'", "‘", "’"})
CLAUSE_END = {",", ".", ";", ":", ")", "(", "—", "–", *QUOTE_MARKS}
DETS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
MAX_ROLE = 14  # tokens in one role phrase
_NEVER_ROLE = {"over", "about", "after", "under", "with", "from", "by", "to", "into", "than", "said", "says", "told"}
FUNCTION_POS = {"VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PART", "PUNCT", "INTJ"}
_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "NUM"}
_RELATIVES = {"who", "which", "whose", "whom", "that"}
STOP = 0  # a step rule's answer: the phrase ends here


def is_role_word(tok: Token) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"} and not tok.text[:1].isupper() and tok.dep_ != "compound":
        return False  # "a general election", "the accused" as a verb form ("higgler X" as compound: a noun)
    return tok.lower_ in ROLE_NOUNS or norm(tok.text) in OFFICE_TITLES or (
        tok.i > 0 and (tok.doc[tok.i - 1].lower_, tok.lower_) in ROLE_PHRASES)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


# -- step rules: the token left of the phrase is doc[j - 1]; an int is the answer, None: next rule.
# They test the token texts first (``token_texts``; a token's ``lower_`` is its text lower-cased)
# and make a Token only where a tag or a dependency decides.
def _possessive(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """"The ANC's Regional ...": a possessive after a capitalised word."""
    words = token_texts(doc)
    if words[j - 1] not in POSSESSIVE:
        return None
    return 1 if j - 2 >= 0 and (j - 2) not in stop and words[j - 2][:1].isupper() else STOP


def _article_in_name(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """"of the Treasury", "for the district": an article after a connector."""
    words = token_texts(doc)
    if words[j - 1].lower() != "the" or j - 2 < 0:
        return None
    before = words[j - 2].lower()
    if j < len(doc) and words[j][:1].isupper() and before in CONNECTORS:
        return 1
    return 1 if before in {"of", "for", "at"} else None


def _connector(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """``of``/``and``/``for`` only when a role word stands left of them (``Member of Parliament``,
    ``President and CEO``, ``Minister in-charge``, ``Minister for Women and Child Development``)."""
    words = token_texts(doc)
    low = words[j - 1].lower()
    if low not in CONNECTORS:
        return None
    if j - 2 < 0 or (j - 2) in stop:
        return STOP
    left = words[j - 2]
    title_case = low in {"and", "&"} and j < len(doc) and left[:1].isupper() and words[j][:1].isupper()
    return 1 if is_role_word(doc[j - 2]) or left.lower() == "charge" or title_case else STOP


def _connector_in_name(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """A connector inside an organisation's name (``at the Ministry of State for Presidential
    Affairs``): capitalised words on both sides, an article after it allowed."""
    words = token_texts(doc)
    if words[j - 1].lower() not in CONNECTORS or j - 2 < 0 or j >= len(doc):
        return None
    right = words[j + 1] if words[j].lower() == "the" and j + 1 < len(doc) else words[j]
    if (j - 2) in stop or not (words[j - 2][:1].isupper() and right[:1].isupper()) \
            or doc[j - 2].pos_ in FUNCTION_POS:
        return None
    return 1


def _coordinated_object(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """``head of administration and personnel``: ``and`` between two nouns after ``of``/``for``;
    the step at that connector still needs a role word left of it."""
    words = token_texts(doc)
    if words[j - 1].lower() != "and" or j - 3 < 0:
        return None
    if words[j - 3].lower() in {"of", "for"} and (j - 2) not in stop and doc[j - 2].pos_ in {"NOUN", "PROPN"}:
        return 1
    return None


def _in_charge(doc: Doc, j: int, stop: Container[int]) -> int | None:
    words = token_texts(doc)
    return 2 if words[j - 1] in {"-", "–"} and j - 2 >= 0 and words[j - 2].lower() == "in" else None


def _hyphen(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """"Clerk-Treasurer", "co-founder": a hyphen between two words with no space around it."""
    if token_texts(doc)[j - 1] not in {"-", "‑"} or j - 2 < 0 or (j - 2) in stop:
        return None
    joined = not doc[j - 2].whitespace_ and not doc[j - 1].whitespace_ and doc[j - 2].is_alpha
    return 2 if joined else STOP


def _title_full_stop(doc: Doc, j: int, stop: Container[int]) -> int | None:
    """"Coun." keeps its full stop."""
    words = token_texts(doc)
    return 1 if words[j - 1] == "." and j - 2 >= 0 and norm(words[j - 2]) in OFFICE_TITLES else None


def _function_word(doc: Doc, j: int, stop: Container[int]) -> int | None:
    word = token_texts(doc)[j - 1]
    if word.lower() in _NEVER_ROLE or (not word[:1].isupper() and doc[j - 1].tag_ in {"IN", "RP", "TO", "CC", "DT"}):
        return STOP
    return None


def _phrase_word(doc: Doc, j: int, stop: Container[int]) -> int | None:
    t = doc[j - 1]
    if t.pos_ in _PHRASE_POS or (_capitalised(t) and t.pos_ not in FUNCTION_POS) or (
        t.dep_ in {"amod", "compound"} and t.tag_ in {"VBG", "VBN"}  # "managing director"
    ):
        return 1
    return STOP


StepRule = Callable[[Doc, int, Container[int]], "int | None"]
_STEPS: tuple[StepRule, ...] = (
    _possessive, _article_in_name, _connector_in_name, _coordinated_object, _connector, _in_charge, _hyphen,
    _title_full_stop, _function_word, _phrase_word,
)


def _step(doc: Doc, j: int, stop: Container[int]) -> int:
    for rule in _STEPS:
        answer = rule(doc, j, stop)
        if answer is not None:
            return answer
    return STOP


def _ends_role(tok: Token) -> bool:
    """Whether the last word can end a role phrase: "The FBI director chastised Clinton": a verb
    ends none."""
    return tok.pos_ in _PHRASE_POS or tok.text in POSSESSIVE or (_capitalised(tok) and tok.pos_ not in FUNCTION_POS)


def walk_left(doc: Doc, i: int, stop: Container[int]) -> int:
    """Leftmost token of the noun phrase that ends at ``i`` and describes a person."""
    if not _ends_role(doc[i]):
        return i + 1
    j = i
    lo = max(0, i - MAX_ROLE)
    while j - 1 >= lo:
        if (j - 1) in stop or (j - 1) != i and doc[j - 1].is_sent_end and not _title_full_stop(doc, j, stop):
            break  # the parser may end a sentence at "Brig." in "director Brig. Gen. X"
        step = _step(doc, j, stop)
        if step == STOP:
            break
        j -= step
    words = token_texts(doc)
    while j <= i and (words[j].lower() in CONNECTORS or words[j].lower() in DETS or words[j] in POSSESSIVE):
        j += 1
    return j


def role_text(doc: Doc, start: int, end: int) -> str | None:
    """The role phrase doc[start:end] if it holds a role word, without a final possessive."""
    words = token_texts(doc)
    while end > start and (words[end - 1] in POSSESSIVE or words[end - 1] in CLAUSE_END):
        if words[end - 1] == "." and end - 2 >= start and norm(words[end - 2]) in OFFICE_TITLES:
            break  # "Coun." keeps its full stop
        end -= 1
    for k in range(start, end):
        if words[k].lower() in _RELATIVES and k > start:
            end = k
            break
    while end > start and (words[end - 1].lower() in DETS or words[end - 1].lower() in CONNECTORS):
        end -= 1
    while start < end and (words[start].lower() in DETS or words[start].lower() in CONNECTORS):
        start += 1
    if end <= start or not any(is_role_word(doc[k]) for k in range(start, end)):
        return None
    return tokens_text(doc, start, end)
