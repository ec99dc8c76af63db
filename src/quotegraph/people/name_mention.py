"""One naming of a person in the text, and how to cut it from the tokens."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..syntax import doc_text, token_bounds


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
    hypothetical: bool = False  # its office title is only a possibility ("a President Clinton")

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def full_start(self) -> int:
        return self.hon_start if self.hon_start is not None else self.start

    @property
    def left_token(self) -> int:
        return self.hon_token if self.hon_token is not None else self.first_token


def make_mention(doc: Doc, i: int, j: int, hon_i: int | None = None, strong: bool = True) -> NameMention:
    """The mention of tokens ``i:j``, with the honorific from ``hon_i`` up to ``i`` if given."""
    # read from the token offsets and the text: ``doc[i:j].text`` makes a Token per token
    starts, ends = token_bounds(doc)
    text = doc_text(doc)
    hon = None
    if hon_i is not None and hon_i < i:
        hon = text[starts[hon_i]:ends[i - 1]].rstrip(", ")
    return NameMention(
        start=starts[i],
        end=ends[j - 1],
        first_token=i,
        last_token=j - 1,
        tokens=tuple(text[starts[i]:ends[j - 1]].split()) if j > i else (),
        honorific=hon or None,
        hon_start=starts[hon_i] if hon and hon_i is not None else None,
        hon_token=hon_i if hon else None,
        strong=strong,
    )
