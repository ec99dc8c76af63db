"""The ``--search`` query syntax, one meaning on SQLite (FTS5) and PostgreSQL (tsvector).

A query is a list of terms that must all match (AND):

- ``word``: a word (English stemming on both databases: ``strikes`` finds ``strike``);
- ``"two words"``: a phrase, the words next to each other in this order;
- ``-word`` or ``-"a phrase"``: quotes that do NOT contain it;
- ``a OR b``: either term (``OR`` in capitals, between two terms);
- ``AND`` in capitals is accepted and changes nothing. Punctuation inside a term is ignored.

Each term becomes its own condition (``quotes.id IN (... MATCH ...)`` on SQLite,
``quotes.search @@ phraseto_tsquery(...)`` on PostgreSQL), so both databases combine them the
same way. A query with no words, or one made only of exclusions, is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, literal_column, not_, or_, select, table

from ..errors import QuotegraphError
from . import schema as t

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)

# The queries ``parse`` accepts, as one regular expression (Python syntax, searched from the
# start): whole tokens as ``_TOKEN`` cuts them, then a term that is not an exclusion and has a
# word. Published as the OpenAPI ``pattern`` of the ``search`` parameter.
_TOKENS_BEFORE = r'(?:\s+|-?"[^"]*"|(?:[^\s"-]\S*|-(?:[^\s"]\S*)?)\s+)*'
_WANTED_TERM = r'(?:"[^"]*\w|(?!(?:AND|OR)(?!\S))(?=[^\s"-])\S*?\w)'
QUERY_PATTERN = "^" + _TOKENS_BEFORE + _WANTED_TERM


class SearchSyntaxError(QuotegraphError):
    """A ``--search`` query that cannot be run."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    negated: bool = False


def parse(query: str) -> list[list[Term]]:
    """The query as AND of OR-groups of terms."""
    groups: list[list[Term]] = []
    join_next = False
    for match in _TOKEN.finditer(query):
        negated, phrase, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare in ("AND", "OR"):
            join_next = bare == "OR" and bool(groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        words = tuple(_WORD.findall(phrase if phrase is not None else bare or ""))
        if not words:
            continue
        term = Term(words, negated)
        if join_next and not negated and not any(x.negated for x in groups[-1]):
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        raise SearchSyntaxError(f"{query!r} has no words to search for")
    if all(group[0].negated for group in groups):
        raise SearchSyntaxError(f"{query!r} only excludes words; add a word to search for")
    return groups


def condition(dialect: str, query: str) -> ColumnElement[bool]:
    """A WHERE condition on ``quotes`` for ``query`` (see the module docstring)."""
    parts = []
    for group in parse(query):
        matches = [_match(dialect, term.words) for term in group]
        combined = or_(*matches) if len(matches) > 1 else matches[0]
        parts.append(not_(combined) if group[0].negated else combined)
    return and_(*parts)


def _match(dialect: str, words: tuple[str, ...]) -> ColumnElement[bool]:
    phrase = " ".join(words)
    if dialect == "postgresql":
        return literal_column("quotes.search").op("@@")(func.phraseto_tsquery("english", phrase))
    fts = '"' + phrase.replace('"', '""') + '"'  # an FTS5 string: a phrase, no operators
    return t.quotes.c.id.in_(select(literal_column("rowid")).select_from(table("quotes_fts"))
                             .where(literal_column("quotes_fts").op("MATCH")(fts)))
